package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// The rehearsal's azd environment: what `azd provision` leaves behind for `azd deploy` to render templates with.
const (
	envName        = "rehearsal"
	location       = "swedencentral"
	subscriptionID = "2f6c1a8e-5b7d-4c3e-9a41-0d8e7f6b5c4a"
	resourceToken  = "k3x7q2m9r4t8w"
	defaultDomain  = "kindocean-5f2a9c1e." + location + ".azurecontainerapps.io"
)

type rehearsal struct {
	// dotenv is the environment's .env: azd's own values and every output of main.bicep.
	dotenv map[string]string
	// processEnv is the deploying machine's environment; empty, so a template cannot rely on one machine.
	processEnv map[string]string
	// infraParameters is config.json's infra.parameters: the values azd prompted for or generated.
	infraParameters map[string]string
	imagePort       int
	registry        string
}

type compiledTemplate struct {
	Parameters map[string]struct {
		Type         string           `json:"type"`
		DefaultValue *json.RawMessage `json:"defaultValue"`
	} `json:"parameters"`
	Outputs map[string]struct {
		Type string `json:"type"`
	} `json:"outputs"`
}

type parametersFile struct {
	Parameters map[string]struct {
		Value string `json:"value"`
	} `json:"parameters"`
}

var envReference = regexp.MustCompile(`^\$\{([A-Za-z0-9_]+)\}$`)

// newRehearsal builds the environment after a provision of main.bicep. optionalSecrets maps each optional
// secret's azd variable (set with `azd env set`) to the outputs main.bicep leaves empty without it; withSecrets
// says whether they are set.
func newRehearsal(compiledMain, parametersPath string, optionalSecrets map[string][]string, withSecrets bool) (*rehearsal, error) {
	var main compiledTemplate
	if err := readJSON(compiledMain, &main); err != nil {
		return nil, err
	}
	var parameters parametersFile
	if err := readJSON(parametersPath, &parameters); err != nil {
		return nil, err
	}

	dotenv := map[string]string{
		"AZURE_ENV_NAME":        envName,
		"AZURE_LOCATION":        location,
		"AZURE_SUBSCRIPTION_ID": subscriptionID,
	}
	emptied := map[string]bool{}
	for variable, outputs := range optionalSecrets {
		if withSecrets {
			dotenv[variable] = "rehearsal-value-of-" + strings.ToLower(variable)
			continue
		}
		for _, output := range outputs {
			if _, declared := main.Outputs[output]; !declared {
				return nil, fmt.Errorf("optional secret %s: main.bicep declares no output %s", variable, output)
			}
			emptied[output] = true
		}
	}
	for name, output := range main.Outputs {
		if emptied[name] {
			dotenv[name] = ""
		} else {
			dotenv[name] = outputValue(name, output.Type)
		}
	}

	// A parameter without a default whose environment reference is unset is prompted for or generated.
	infraParameters := map[string]string{}
	for name, definition := range main.Parameters {
		if definition.DefaultValue != nil {
			continue
		}
		if match := envReference.FindStringSubmatch(parameters.Parameters[name].Value); match != nil && dotenv[match[1]] != "" {
			continue
		}
		infraParameters[name] = "rehearsal-generated-" + strings.ToLower(name)
	}

	return &rehearsal{
		dotenv:          dotenv,
		processEnv:      map[string]string{},
		infraParameters: infraParameters,
		imagePort:       dotnetContainerPort,
		registry:        dotenv["AZURE_CONTAINER_REGISTRY_ENDPOINT"],
	}, nil
}

// lookupEnv is environment.LookupEnv: .env first, then the process environment.
func (r *rehearsal) lookupEnv(key string) (string, bool) {
	if value, found := r.dotenv[key]; found {
		return value, true
	}
	value, found := r.processEnv[key]
	return value, found
}

// templateEnv is the .Env azd renders with: the process's AZURE_ and AZD_ variables, overridden by .env.
func (r *rehearsal) templateEnv() map[string]string {
	env := map[string]string{}
	for key, value := range r.processEnv {
		if strings.HasPrefix(key, "AZURE_") || strings.HasPrefix(key, "AZD_") {
			env[key] = value
		}
	}
	for key, value := range r.dotenv {
		env[key] = value
	}
	return env
}

// image is the name azd pushes a service's image under: <registry>/<project>/<service>-<environment>:azd-deploy-<time>.
func (r *rehearsal) image(service string) string {
	return fmt.Sprintf("%s/movietrends/%s-%s:azd-deploy-1764475200", r.registry, service, envName)
}

// outputValue is a value of the shape Azure gives an output of this name, so that a template that builds on it
// (a URL, a resource id, a host name) renders into what a real deployment would get.
func outputValue(name, outputType string) string {
	group := "/subscriptions/" + subscriptionID + "/resourceGroups/rg-" + envName + "/providers/"
	vault := "https://kv-" + resourceToken + ".vault.azure.net/"
	switch strings.ToLower(outputType) {
	case "int":
		return "1"
	case "bool":
		return "true"
	case "object":
		return "{}"
	case "array":
		return "[]"
	}
	switch {
	case name == "AZURE_CONTAINER_REGISTRY_ENDPOINT":
		return "acr" + resourceToken + ".azurecr.io"
	case name == "AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN":
		return defaultDomain
	case name == "AZURE_CONTAINER_APPS_ENVIRONMENT_ID":
		return group + "Microsoft.App/managedEnvironments/cae-" + resourceToken
	case name == "AZURE_KEY_VAULT_ENDPOINT":
		return vault
	case strings.HasSuffix(name, "MANAGED_IDENTITY_ID"):
		return group + "Microsoft.ManagedIdentity/userAssignedIdentities/mi-" + resourceToken
	case strings.HasSuffix(name, "_CLIENT_ID"):
		return "7d1e3b5a-9c2f-4e8d-b6a0-3f5c7e9d1b2a"
	case strings.HasSuffix(name, "_SECRET_URI"):
		return vault + "secrets/" + strings.ReplaceAll(strings.ToLower(strings.TrimSuffix(name, "_SECRET_URI")), "_", "-")
	case strings.HasSuffix(name, "_FQDN"):
		return "psql-" + resourceToken + ".postgres.database.azure.com"
	case strings.HasSuffix(name, "_URL") || strings.HasSuffix(name, "_ENDPOINT"):
		return "https://" + strings.ReplaceAll(strings.ToLower(name), "_", "-") + ".ext." + defaultDomain
	case strings.HasSuffix(name, "_ID"):
		return group + "Microsoft.Resources/rehearsal/" + strings.ToLower(name)
	default:
		return strings.ReplaceAll(strings.ToLower(name), "_", "-") + "-" + resourceToken
	}
}

func readJSON(path string, target any) error {
	contents, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(contents, target); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
