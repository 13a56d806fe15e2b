package main

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"text/template"
)

// dotnetContainerPort is the port `dotnet publish` images listen on (ASPNETCORE_HTTP_PORTS=8080 since .NET 8),
// which azd reports for project.v0 services and targetPortOrDefault then returns instead of the manifest's.
const dotnetContainerPort = 8080

// funcMap is azd's template function map for container app templates, as azd builds it in
// cli/azd/pkg/project/service_target_dotnet_containerapp.go (Azure/azure-dev, dotnetContainerAppTarget.Deploy and
// containerAppTemplateManifestFuncs). Each function resolves its value the way azd does; the only difference is
// secretOutput, which checks the Key Vault host variable as azd does but returns a stand-in instead of reading
// the vault.
func (r *rehearsal) funcMap() template.FuncMap {
	return template.FuncMap{
		"urlHost":              urlHost,
		"parameter":            r.parameter,
		"parameterWithDefault": r.parameterWithDefault,
		"securedParameter":     r.parameter,
		"uriEncode":            url.QueryEscape,
		"secretOutput":         r.secretOutput,
		"targetPortOrDefault": func(targetPortFromManifest int) int {
			// azd: the port of the built image wins; it is 0 only for dockerfile.v0 services.
			if r.imagePort == 0 {
				return targetPortFromManifest
			}
			return r.imagePort
		},
	}
}

func urlHost(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", err
	}
	return u.Hostname(), nil
}

// parameter looks in the process environment under the parameter's AZURE_ snake-case name, then in the
// environment's config (infra.parameters.<name>, where azd keeps prompted and generated values); never in .env.
func (r *rehearsal) parameter(name string) (string, error) {
	if value, found := r.processEnv[azureSnakeCase(name)]; found {
		return value, nil
	}
	if value, found := r.infraParameters[name]; found {
		return value, nil
	}
	return "", fmt.Errorf("parameter %s not found", name)
}

// parameterWithDefault looks in .env, then the process environment, and falls back to the default.
func (r *rehearsal) parameterWithDefault(name string, defaultValue string) (string, error) {
	if value, found := r.lookupEnv(azureSnakeCase(name)); found {
		return value, nil
	}
	return defaultValue, nil
}

// secretOutput reads a secret from the Key Vault whose host the named variable holds; azd fails when that
// variable is empty or unset, and so does the rehearsal.
func (r *rehearsal) secretOutput(vaultHostVariable, secretName string) (string, error) {
	host, _ := r.lookupEnv(vaultHostVariable)
	if host == "" {
		return "", fmt.Errorf("the value for %s was not found or is empty", vaultHostVariable)
	}
	return "rehearsal-secret-" + secretName, nil
}

var camelCase = regexp.MustCompile(`([a-z0-9])([A-Z])`)

// azureSnakeCase is scaffold.AzureSnakeCase (cli/azd/internal/scaffold/funcs.go): xaiApiKey -> AZURE_XAI_API_KEY.
func azureSnakeCase(name string) string {
	return "AZURE_" + strings.ReplaceAll(strings.ToUpper(camelCase.ReplaceAllString(name, "${1}_${2}")), "-", "_")
}
