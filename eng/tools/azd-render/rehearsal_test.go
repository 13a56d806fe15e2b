package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A compiled main.bicep and main.parameters.json of the shape the repository's have, with one optional secret.
const testMain = `{
  "parameters": {
    "environmentName": {"type": "string"},
    "location": {"type": "string"},
    "adminPassword": {"type": "securestring"},
    "xai_api_key": {"type": "securestring", "defaultValue": ""}
  },
  "outputs": {
    "AZURE_CONTAINER_REGISTRY_ENDPOINT": {"type": "string"},
    "AZURE_CONTAINER_APPS_ENVIRONMENT_ID": {"type": "string"},
    "XAI_API_KEY_SECRET_URI": {"type": "string"},
    "MAX_REPLICAS": {"type": "int"}
  }
}`

const testParameters = `{"parameters": {
  "environmentName": {"value": "${AZURE_ENV_NAME}"},
  "location": {"value": "${AZURE_LOCATION}"},
  "adminPassword": {"value": "${AZURE_ADMIN_PASSWORD}"},
  "xai_api_key": {"value": "${XAI_API_KEY}"}
}}`

func newTestRehearsal(t *testing.T, withSecrets bool) *rehearsal {
	t.Helper()
	folder := t.TempDir()
	mainPath := filepath.Join(folder, "main.json")
	parametersPath := filepath.Join(folder, "main.parameters.json")
	if err := os.WriteFile(mainPath, []byte(testMain), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(parametersPath, []byte(testParameters), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := newRehearsal(mainPath, parametersPath, map[string][]string{"XAI_API_KEY": {"XAI_API_KEY_SECRET_URI"}}, withSecrets)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func renderText(t *testing.T, r *rehearsal, text string) (string, error) {
	t.Helper()
	folder := t.TempDir()
	file := filepath.Join(folder, "app.tmpl.yaml")
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := r.render(file, folder); err != nil {
		return "", err
	}
	rendered, err := os.ReadFile(filepath.Join(folder, "app.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(rendered), nil
}

func TestAnOutputMainBicepDoesNotDeclareFailsTheRender(t *testing.T) {
	_, err := renderText(t, newTestRehearsal(t, true), "environmentId: {{ .Env.AZURE_CONTAINER_APP_ENVIRONMENT_ID }}\n")
	if err == nil || !strings.Contains(err.Error(), `map has no entry for key "AZURE_CONTAINER_APP_ENVIRONMENT_ID"`) {
		t.Fatalf("want a missing-key error, got %v", err)
	}
}

func TestTheOptionalSecretsOutputIsEmptyNotMissingWithoutIt(t *testing.T) {
	template := "{{- if .Env.XAI_API_KEY_SECRET_URI }}url: {{ .Env.XAI_API_KEY_SECRET_URI }}{{ end }}"
	without, err := renderText(t, newTestRehearsal(t, false), template)
	if err != nil || without != "" {
		t.Fatalf("without the secret: want an empty render, got %q, %v", without, err)
	}
	with, err := renderText(t, newTestRehearsal(t, true), template)
	if err != nil || with != "url: https://kv-"+resourceToken+".vault.azure.net/secrets/xai-api-key" {
		t.Fatalf("with the secret: got %q, %v", with, err)
	}
}

func TestParameterFindsGeneratedParametersButNeverDotenvValues(t *testing.T) {
	r := newTestRehearsal(t, true)
	if value, err := r.parameter("adminPassword"); err != nil || value == "" {
		t.Fatalf("a required parameter azd generates: got %q, %v", value, err)
	}
	// XAI_API_KEY is in .env (azd env set), which azd's parameter() does not read.
	if _, err := r.parameter("xai_api_key"); err == nil || err.Error() != "parameter xai_api_key not found" {
		t.Fatalf("want parameter xai_api_key not found, got %v", err)
	}
	if value, _ := r.parameterWithDefault("containerCpu", "0.5"); value != "0.5" {
		t.Fatalf("want the default, got %q", value)
	}
}

func TestAzureSnakeCaseMatchesAzd(t *testing.T) {
	for name, want := range map[string]string{"xaiApiKey": "AZURE_XAI_API_KEY", "proxy-key": "AZURE_PROXY_KEY", "postgresAdminPassword": "AZURE_POSTGRES_ADMIN_PASSWORD"} {
		if got := azureSnakeCase(name); got != want {
			t.Errorf("azureSnakeCase(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestFunctionsRenderAsAzdDoes(t *testing.T) {
	r := newTestRehearsal(t, false)
	rendered, err := renderText(t, r, `{{ targetPortOrDefault 80 }} {{ urlHost "https://x.example.com:8443/p" }} {{ uriEncode "a b&c" }} {{ .Env.MAX_REPLICAS }} {{ .Image }}`)
	want := "8080 x.example.com a+b%26c 1 acr" + resourceToken + ".azurecr.io/movietrends/app-rehearsal:azd-deploy-1764475200"
	if err != nil || rendered != want {
		t.Fatalf("got %q, %v; want %q", rendered, err, want)
	}
	if _, err := renderText(t, r, `{{ secretOutput "AZURE_KEY_VAULT_ENDPOINT" "key" }}`); err == nil ||
		!strings.Contains(err.Error(), "the value for AZURE_KEY_VAULT_ENDPOINT was not found or is empty") {
		t.Fatalf("secretOutput without a vault: want azd's error, got %v", err)
	}
}

func TestABicepDeploymentRendersAsMainBicepparamNextToItsModule(t *testing.T) {
	r := newTestRehearsal(t, true)
	templates, out := t.TempDir(), t.TempDir()
	folder := filepath.Join(templates, "job")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	template := "using './job.module.bicep'\nparam environmentId = '{{ .Env.AZURE_CONTAINER_APPS_ENVIRONMENT_ID }}'\nparam image = '{{ .Image }}'\n"
	if err := os.WriteFile(filepath.Join(folder, "job.tmpl.bicepparam"), []byte(template), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(folder, "job.module.bicep"), []byte("param image string\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := r.render(filepath.Join(folder, "job.tmpl.bicepparam"), out); err != nil {
		t.Fatal(err)
	}
	rendered, err := os.ReadFile(filepath.Join(out, "modules", "job", "main.bicepparam"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(rendered), "param image = '"+r.image("job")+"'") || strings.Contains(string(rendered), "{{") {
		t.Fatalf("rendered:\n%s", rendered)
	}
	if _, err := os.Stat(filepath.Join(out, "modules", "job", "job.module.bicep")); err != nil {
		t.Fatalf("the module was not copied next to main.bicepparam: %v", err)
	}
}

func TestABicepDeploymentTemplateOutsideItsServicesFolderFails(t *testing.T) {
	r := newTestRehearsal(t, true)
	folder := t.TempDir()
	file := filepath.Join(folder, "job.tmpl.bicepparam")
	if err := os.WriteFile(file, []byte("using './job.module.bicep'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := r.render(file, t.TempDir()); err == nil || !strings.Contains(err.Error(), "only as job/job.tmpl.bicepparam") {
		t.Fatalf("want the folder rule, got %v", err)
	}
}
