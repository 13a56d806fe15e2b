#!/usr/bin/env bash
# The offline azd rehearsal: renders every container app template in MovieTrends.AppHost/infra the way
# `azd deploy` does (eng/tools/azd-render: Go text/template, missingkey=error, azd's template functions) in an
# environment shaped like the one `azd provision` of infra/main.bicep leaves, with and without the optional
# secrets; checks each rendered app (eng/tools/azd-typecheck.mjs) and compiles it as a Bicep
# Microsoft.App/containerApps resource of its API version, failing on any diagnostic, which type-checks every
# property. Then it plants known mistakes in copies of the templates and fails unless each one is caught.
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
}

if ! rehearse "$templates" "$work/templates"; then
    echo "azd-rehearsal: FAILED"
    exit 1
fi

# Planted mistakes: name, template, a sed expression that plants it, and text the report must contain.
mistakes=(
    "misspelt .Env key|graphql|s/\.Env\.AZURE_CONTAINER_APPS_ENVIRONMENT_ID/.Env.AZURE_CONTAINER_APP_ENVIRONMENT_ID/|map has no entry for key \"AZURE_CONTAINER_APP_ENVIRONMENT_ID\""
    "parameter azd never stores|graphql|s/value: in_memory/value: '{{ securedParameter \"xai_api_key\" }}'/|parameter xai_api_key not found"
    "optional secret left unguarded|graphql|/^{{- if \.Env\.XAI_API_KEY_SECRET_URI }}\$/,/^{{- end }}\$/{/^{{-/d}|graphql.tmpl.yaml (without-secrets): secret \"xai-api-key\" has neither a value nor a Key Vault secret URL"
    "wrong property type|ingest|s/minReplicas: 1/minReplicas: \"1\"/|BCP036: The property \"minReplicas\" expected a value of type \"int"
    "misspelt property|web|s/targetPort: /targetPorts: /|The property \"targetPorts\" is not allowed"
)
failed=0
for mistake in "${mistakes[@]}"; do
    IFS='|' read -r name service plant expected <<<"$mistake"
    copy="$work/mistake"
    rm -rf "$copy" && mkdir -p "$copy/templates"
    cp "$templates"/*.tmpl.yaml "$copy/templates/"
    sed -i -e "$plant" "$copy/templates/$service.tmpl.yaml"
    if cmp -s "$templates/$service.tmpl.yaml" "$copy/templates/$service.tmpl.yaml"; then
        echo "azd-rehearsal: the planted mistake \"$name\" no longer applies to $service.tmpl.yaml; update it"
        failed=1
    elif report="$(rehearse "$copy/templates" "$copy")"; then
        echo "azd-rehearsal: the planted mistake \"$name\" in $service.tmpl.yaml passed unnoticed"
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
count="$(find "$templates" -name '*.tmpl.yaml' | wc -l)"
echo "azd-rehearsal: OK ($count templates rendered as azd does with and without the optional secrets and type-checked; ${#mistakes[@]} planted mistakes caught)"
