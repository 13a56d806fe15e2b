#!/usr/bin/env bash
# The offline azd rehearsal: renders every container app template (NAME.tmpl.yaml) and Bicep deployment template
# (NAME/NAME.tmpl.bicepparam) in MovieTrends.AppHost/infra the way `azd deploy` does (eng/tools/azd-render: Go
# text/template, missingkey=error, azd's template functions) in an environment shaped like the one `azd provision`
# of infra/main.bicep leaves, with and without the optional secrets. Each rendered app is checked
# (eng/tools/azd-typecheck.mjs) and compiled as a Bicep Microsoft.App/containerApps resource of its API version;
# each rendered deployment is compiled with its module as azd does (`bicep build-params`, under the strict rules
# of infra/bicepconfig.json) and its job checked (eng/tools/azd-jobcheck.mjs). Any diagnostic fails, which
# type-checks every property. Then it plants known mistakes in copies of the templates and fails unless each one
# is caught.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools="$root/eng/tools"
templates="$root/MovieTrends.AppHost/infra"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "azd-rehearsal: fetching the Bicep CLI and the validators, building the renderer"
bicep="$("$tools/bicep-cli.sh")"
(cd "$tools" && npm ci --no-audit --no-fund --silent)
(cd "$tools/azd-render" && go test -count=1 ./... >/dev/null && go build -o "$work/azd-render" .) \
    || { echo "azd-rehearsal: the renderer's own tests failed (go test in eng/tools/azd-render)"; exit 1; }
"$bicep" build "$root/infra/main.bicep" --outfile "$work/main.json" 2>/dev/null

# The optional secrets: each azd variable and the main.bicep outputs that are empty when it is not set.
optional_secrets=(XAI_API_KEY=XAI_API_KEY_SECRET_URI)

# rehearse <templates folder> <output folder>: prints what fails and returns non-zero if anything does.
rehearse() {
    local output
    "$work/azd-render" -templates "$1" -main "$work/main.json" -parameters "$root/infra/main.parameters.json" \
        "${optional_secrets[@]/#/-optional-secret=}" -out "$2/rendered" 2>&1 || return 1
    node "$tools/azd-typecheck.mjs" "$2/rendered" "$2/bicep" 2>&1 || return 1
    if ! output="$(cd "$2/bicep" && "$bicep" build --pattern '*.bicep' --outdir "$2/bicep/out" 2>&1)" \
        || grep -qE ': (Warning|Error) ' <<<"$output"; then
        echo "the rendered apps do not match the Container Apps resource type:"
        echo "${output//"$2/bicep/"/}"
        return 1
    fi
    local deployment folder service variant
    for deployment in "$2"/rendered/*/modules/*/main.bicepparam; do
        [[ -e "$deployment" ]] || continue
        folder="$(dirname "$deployment")"
        service="$(basename "$folder")"
        variant="$(basename "$(dirname "$(dirname "$folder")")")"
        cp "$root/infra/bicepconfig.json" "$folder/"
        if ! output="$(cd "$folder" && "$bicep" build-params main.bicepparam --stdout 2>&1 >compiled.json)" \
            || grep -qE ': (Warning|Error) ' <<<"$output"; then
            echo "$service.tmpl.bicepparam ($variant) does not compile with its module:"
            echo "${output//"$folder/"/}"
            return 1
        fi
        node "$tools/azd-jobcheck.mjs" "$service" "$variant" "$folder/compiled.json" 2>&1 || return 1
    done
}

if ! rehearse "$templates" "$work/templates"; then
    echo "azd-rehearsal: FAILED"
    exit 1
fi

# Planted mistakes: name, template file, a sed expression that plants it, and text the report must contain.
mistakes=(
    "misspelt .Env key|graphql.tmpl.yaml|s/\.Env\.AZURE_CONTAINER_APPS_ENVIRONMENT_ID/.Env.AZURE_CONTAINER_APP_ENVIRONMENT_ID/|map has no entry for key \"AZURE_CONTAINER_APP_ENVIRONMENT_ID\""
    "parameter azd never stores|graphql.tmpl.yaml|s/value: in_memory/value: '{{ securedParameter \"xai_api_key\" }}'/|parameter xai_api_key not found"
    "optional secret left unguarded|graphql.tmpl.yaml|/^{{- if \.Env\.XAI_API_KEY_SECRET_URI }}\$/,/^{{- end }}\$/{/^{{-/d}|graphql.tmpl.yaml (without-secrets): secret \"xai-api-key\" has neither a value nor a Key Vault secret URL"
    "wrong property type|web.tmpl.yaml|s/minReplicas: 1/minReplicas: \"1\"/|BCP036: The property \"minReplicas\" expected a value of type \"int"
    "misspelt property|web.tmpl.yaml|s/targetPort: /targetPorts: /|The property \"targetPorts\" is not allowed"
    "misspelt .Env key in the job's parameters|ingest/ingest.tmpl.bicepparam|s/\.Env\.MOVIEDB_ADMIN_SECRET_URI/.Env.MOVIEDB_ADMN_SECRET_URI/|map has no entry for key \"MOVIEDB_ADMN_SECRET_URI\""
    "job parameter the module lacks|ingest/ingest.tmpl.bicepparam|\$a param replicas = 2|BCP259: The parameter \"replicas\" is assigned in the params file without being declared in the Bicep file"
    "misspelt job property|ingest/ingest.module.bicep|s/replicaRetryLimit:/replicaRetryLimits:/|The property \"replicaRetryLimits\" is not allowed"
    "undeclared secret in the job|ingest/ingest.module.bicep|s/secretRef: 'connectionstrings--moviedb-admin'/secretRef: 'connectionstrings--moviedb-administrator'/|reads secret \"connectionstrings--moviedb-administrator\", which the job does not declare"
)
failed=0
for mistake in "${mistakes[@]}"; do
    IFS='|' read -r name file plant expected <<<"$mistake"
    copy="$work/mistake"
    rm -rf "$copy" && mkdir -p "$copy/templates"
    cp -r "$templates"/. "$copy/templates/"
    sed -i -e "$plant" "$copy/templates/$file"
    if cmp -s "$templates/$file" "$copy/templates/$file"; then
        echo "azd-rehearsal: the planted mistake \"$name\" no longer applies to $file; update it"
        failed=1
    elif report="$(rehearse "$copy/templates" "$copy")"; then
        echo "azd-rehearsal: the planted mistake \"$name\" in $file passed unnoticed"
        failed=1
    elif ! grep -qF "$expected" <<<"$report"; then
        echo "azd-rehearsal: the planted mistake \"$name\" failed, but not with \"$expected\":"
        echo "$report"
        failed=1
    else
        echo "azd-rehearsal: caught the planted $name: $(grep -F "$expected" <<<"$report" | head -1)"
    fi
done

if [[ "$failed" -ne 0 ]]; then
    echo "azd-rehearsal: FAILED"
    exit 1
fi
apps="$(find "$templates" -maxdepth 1 -name '*.tmpl.yaml' | wc -l)"
jobs="$(find "$templates" -mindepth 2 -name '*.tmpl.bicepparam' | wc -l)"
echo "azd-rehearsal: OK ($apps app templates and $jobs job deployment rendered as azd does with and without the optional secrets and type-checked; ${#mistakes[@]} planted mistakes caught)"
