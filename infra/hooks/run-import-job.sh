#!/usr/bin/env bash
# azd postdeploy hook (azure.yaml): starts one execution of the importer's Container Apps job (migrations, then
# the first-run load into an empty catalog) and waits for it, failing the deployment when it fails. It calls Azure
# Resource Manager with azd's own login (`azd auth token`, the command the Azure SDKs' azd credential runs), so it
# needs curl and no Azure CLI. AZURE_RESOURCE_MANAGER_ENDPOINT points it at a cloud other than Azure's public one.
set -euo pipefail

job=ingest
# The job's API version (MovieTrends.AppHost/infra/ingest/ingest.module.bicep).
api_version=2026-07-01
# Two attempts (replicaRetryLimit 1) of at most replicaTimeout 600 s each, plus time to place a replica.
deadline_seconds=$((2 * 600 + 300))
poll_seconds="${IMPORT_JOB_POLL_SECONDS:-10}"

fail() {
    echo "run-import-job: $*" >&2
    exit 1
}

for variable in AZURE_SUBSCRIPTION_ID AZURE_RESOURCE_GROUP; do
    [[ -n "${!variable:-}" ]] || fail "$variable is not set: run azd provision first"
done
command -v curl >/dev/null || fail "curl is missing: install it"

arm="${AZURE_RESOURCE_MANAGER_ENDPOINT:-https://management.azure.com}"
arm="${arm%/}"
url="$arm/subscriptions/$AZURE_SUBSCRIPTION_ID/resourceGroups/$AZURE_RESOURCE_GROUP/providers/Microsoft.App/jobs/$job"

# The first string value of a field in the JSON on standard input (enough for the flat answers read here).
field() {
    grep -o "\"$1\" *: *\"[^\"]*\"" | head -n 1 | sed 's/^.*: *"\(.*\)"$/\1/' || true
}

token="$(azd auth token --output json --scope "$arm/.default" | field token)"
[[ -n "$token" ]] || fail "azd gave no access token: run azd auth login"

# request METHOD URL [BODY]: the answer's body; a non-2xx status fails with the body.
request() {
    local answer
    if ! answer="$(curl --silent --show-error --fail-with-body --request "$1" \
        --header "Authorization: Bearer $token" --header "Content-Type: application/json" \
        --data "${3:-}" "$2" 2>&1)"; then
        # One line: Azure's error body, then curl's own message.
        fail "$1 ${2%%\?*} failed: ${answer//$'\n'/ }"
    fi
    printf '%s' "$answer"
}

execution="$(request POST "$url/start?api-version=$api_version" '{}' | field name)"
[[ -n "$execution" ]] || fail "Azure started the job but named no execution"
echo "run-import-job: started $job execution $execution; waiting for it to finish"

started=$SECONDS
while :; do
    status="$(request GET "$url/executions/$execution?api-version=$api_version" | field status)"
    case "$status" in
        Succeeded)
            echo "run-import-job: $execution succeeded in $((SECONDS - started)) s"
            exit 0
            ;;
        Failed | Stopped | Degraded)
            fail "$execution ended $status: its log is under the $job job's execution history in the Azure portal"
            ;;
    esac
    ((SECONDS - started < deadline_seconds)) || fail "$execution still ${status:-unknown} after $deadline_seconds s"
    sleep "$poll_seconds"
done
