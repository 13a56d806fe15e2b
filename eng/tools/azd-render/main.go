// Command azd-render renders every container app template (<service>.tmpl.yaml) and every Bicep deployment template
// (<service>/<service>.tmpl.bicepparam) the way `azd deploy` does for an Aspire AppHost: Go text/template with
// missingkey=error, azd's template functions, and the data azd passes (.Env, .Image, .Inputs), in an environment
// shaped like the one `azd provision` of main.bicep leaves behind. It renders twice, with and without the optional
// secrets, into <out>/with-secrets and <out>/without-secrets: an app as <service>.yaml, a Bicep deployment as
// modules/<service>/main.bicepparam next to a copy of the module files, as azd compiles it.
//
// Usage: azd-render -templates DIR -main main.json -parameters main.parameters.json
//
//	[-optional-secret VARIABLE=OUTPUT[,OUTPUT...]]... -out DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"
)

type secretFlags map[string][]string

func (s secretFlags) String() string { return fmt.Sprint(map[string][]string(s)) }

func (s secretFlags) Set(value string) error {
	variable, outputs, ok := strings.Cut(value, "=")
	if !ok || variable == "" || outputs == "" {
		return fmt.Errorf("want VARIABLE=OUTPUT[,OUTPUT...], got %q", value)
	}
	s[variable] = strings.Split(outputs, ",")
	return nil
}

func main() {
	templates := flag.String("templates", "", "folder of <service>.tmpl.yaml files")
	compiledMain := flag.String("main", "", "main.bicep compiled to ARM JSON")
	parameters := flag.String("parameters", "", "main.parameters.json")
	out := flag.String("out", "", "folder for the rendered templates")
	optionalSecrets := secretFlags{}
	flag.Var(optionalSecrets, "optional-secret", "an optional secret's azd variable and the outputs empty without it")
	flag.Parse()
	if *templates == "" || *compiledMain == "" || *parameters == "" || *out == "" {
		flag.Usage()
		os.Exit(2)
	}

	files, err := filepath.Glob(filepath.Join(*templates, "*.tmpl.yaml"))
	exitOn(err)
	deployments, err := filepath.Glob(filepath.Join(*templates, "*", "*.tmpl.bicepparam"))
	exitOn(err)
	files = append(files, deployments...)
	if len(files) == 0 {
		exitOn(fmt.Errorf("no *.tmpl.yaml or */*.tmpl.bicepparam templates in %s", *templates))
	}
	sort.Strings(files)

	failed := false
	for _, variant := range []struct {
		name        string
		withSecrets bool
	}{{"with-secrets", true}, {"without-secrets", false}} {
		environment, err := newRehearsal(*compiledMain, *parameters, optionalSecrets, variant.withSecrets)
		exitOn(err)
		folder := filepath.Join(*out, variant.name)
		exitOn(os.MkdirAll(folder, 0o755))
		for _, file := range files {
			if err := environment.render(file, folder); err != nil {
				fmt.Fprintf(os.Stderr, "azd-render: %s (%s): %v\n", filepath.Base(file), variant.name, err)
				failed = true
			}
		}
	}
	if failed {
		os.Exit(1)
	}
	fmt.Printf("azd-render: %d templates rendered with and without the optional secrets\n", len(files))
}

// render is the template step of dotnetContainerAppTarget.Deploy (cli/azd/pkg/project/service_target_dotnet_containerapp.go).
func (r *rehearsal) render(file, folder string) error {
	contents, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	name := filepath.Base(file)
	service := strings.TrimSuffix(name, ".tmpl.yaml")
	target := filepath.Join(folder, service+".yaml")
	if service == name {
		// azd reads infra/<service>/<service>.tmpl.bicepparam only from the folder named after the service.
		service = strings.TrimSuffix(name, ".tmpl.bicepparam")
		if filepath.Base(filepath.Dir(file)) != service {
			return fmt.Errorf("azd reads a Bicep deployment template only as %s/%s", service, name)
		}
		if target, err = copyModule(filepath.Dir(file), filepath.Join(folder, "modules", service)); err != nil {
			return err
		}
	}
	tmpl, err := template.New(name).Option("missingkey=error").Funcs(r.funcMap()).Parse(string(contents))
	if err != nil {
		return err
	}
	var rendered strings.Builder
	err = tmpl.Execute(&rendered, struct {
		Env    map[string]string
		Image  string
		Inputs map[string]any
	}{
		Env:    r.templateEnv(),
		Image:  r.image(service),
		Inputs: map[string]any{},
	})
	if err != nil {
		return err
	}
	return os.WriteFile(target, []byte(rendered.String()), 0o644)
}

// copyModule copies the Bicep files next to a deployment template into destination, where azd writes the rendered
// template as main.bicepparam before it compiles the two, and returns that file's path.
func copyModule(source, destination string) (string, error) {
	if err := os.MkdirAll(destination, 0o755); err != nil {
		return "", err
	}
	modules, err := filepath.Glob(filepath.Join(source, "*.bicep"))
	if err != nil {
		return "", err
	}
	for _, module := range modules {
		contents, err := os.ReadFile(module)
		if err != nil {
			return "", err
		}
		if err := os.WriteFile(filepath.Join(destination, filepath.Base(module)), contents, 0o644); err != nil {
			return "", err
		}
	}
	return filepath.Join(destination, "main.bicepparam"), nil
}

func exitOn(err error) {
	if err != nil {
		fmt.Fprintf(os.Stderr, "azd-render: %v\n", err)
		os.Exit(2)
	}
}
