#!/usr/bin/env bash
# Offline validation of the Azure deployment: compiles and lints every Bicep file (any warning fails),
# checks that azure.yaml, main.parameters.json and the container app templates agree with main.bicep,
# type-checks the templates against the Container Apps resource type, fails on any preview API version,
# validates the GitHub workflows against the workflow schema, and checks that the deploy workflow logs in
# with the federated credentials `azd pipeline config` creates, deploys only commits CI passed on, pins
# azd and stops on a missing secret, and that the Key Vault can be purged by `azd down --purge`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools="$root/eng/tools"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "infra: fetching the Bicep CLI and the validators"
dotnet restore "$tools/Tools.csproj" --verbosity quiet
bicep_version="$(sed -n 's/.*Azure.Bicep.CommandLine.linux-x64" Version="\[\(.*\)\]".*/\1/p' "$tools/Tools.csproj")"
packages="$(dotnet msbuild "$tools/Tools.csproj" -getProperty:NuGetPackageRoot)"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
[[ -x "$bicep" ]] || chmod u+x "$bicep"
(cd "$tools" && npm ci --no-audit --no-fund --silent)

failed=0

# Bicep: `lint` runs the analyzers configured in infra/bicepconfig.json, `build` compiles to ARM JSON.
# Both print diagnostics (warnings included) to stderr; any diagnostic line fails the check.
for command in lint build; do
  args=("$command" --pattern 'infra/**/*.bicep')
  [[ "$command" == build ]] && args+=(--outdir "$work")
  if ! output="$(cd "$root" && "$bicep" "${args[@]}" 2>&1)" || grep -qE ': (Warning|Error) ' <<<"$output"; then
    echo "infra: bicep $command reported:"
    echo "$output"
    failed=1
  fi
done

node "$tools/check-azd.mjs" "$root" "$work/main.json" "$work/templates" || failed=1

# The container app templates in Bicep form: compiling them type-checks every property against the
# Container Apps resource type of the template's API version.
if ! output="$(cd "$work/templates" && "$bicep" build --pattern '*.bicep' --outdir "$work/templates/out" 2>&1)" \
    || grep -qE ': (Warning|Error) ' <<<"$output"; then
  echo "infra: the container app templates do not match the Container Apps resource type:"
  echo "$output"
  failed=1
fi

for workflow in "$root"/.github/workflows/*.yml; do
  if ! output="$("$tools/node_modules/.bin/action-validator" "$workflow" 2>&1)"; then
    echo "infra: ${workflow#"$root"/} is not a valid workflow:"
    echo "$output"
    failed=1
  fi
done

if [[ "$failed" -ne 0 ]]; then
  echo "infra: FAILED"
  exit 1
fi
bicep_files="$(find "$root/infra" -name '*.bicep' | wc -l)"
workflows="$(find "$root/.github/workflows" -name '*.yml' | wc -l)"
echo "infra: OK ($bicep_files Bicep files built and linted with no diagnostics, templates type-checked, $workflows workflows valid)"
