#!/usr/bin/env bash
# Offline validation of the Azure deployment: compiles and lints every Bicep file (any warning fails),
# checks that azure.yaml and main.parameters.json agree with main.bicep, fails on any preview API version,
# validates the GitHub workflows against the workflow schema, and checks that the deploy workflow logs in
# with the federated credentials `azd pipeline config` creates, deploys only commits CI passed on, pins
# azd and stops on a missing secret, that the Key Vault can be purged by `azd down --purge`, that only the
# importer's job holds the administrator login, and that the deploy hook which runs that job is shellcheck-clean.
# The container app templates are rendered and type-checked by azd-rehearsal.sh.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tools="$root/eng/tools"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "infra: fetching the Bicep CLI and the validators"
bicep="$("$tools/bicep-cli.sh")"
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

node "$tools/check-azd.mjs" "$root" "$work/main.json" || failed=1

# The deploy hooks run on the operator's machine or the CI runner, executed directly by azd: shellcheck them
# (bash -n where shellcheck is not installed) and require the executable bit in git.
for hook in "$root"/infra/hooks/*.sh; do
  if command -v shellcheck >/dev/null; then
    shellcheck "$hook" || failed=1
  else
    echo "infra: shellcheck is not installed; only checking ${hook#"$root"/} with bash -n"
    bash -n "$hook" || failed=1
  fi
  if [[ "$(cd "$root" && git ls-files --stage -- "${hook#"$root"/}" | cut -c1-6)" != 100755 ]]; then
    echo "infra: ${hook#"$root"/} must be committed executable (git update-index --chmod=+x): azd runs it directly"
    failed=1
  fi
done

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
hooks="$(find "$root/infra/hooks" -name '*.sh' | wc -l)"
echo "infra: OK ($bicep_files Bicep files built and linted with no diagnostics, $workflows workflows valid, $hooks deploy hook checked)"
