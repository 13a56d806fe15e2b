#!/usr/bin/env bash
# Runs MovieTrends: the Aspire dashboard, PostgreSQL, the data load, the GraphQL API and the web front end.
set -euo pipefail
cd "$(dirname "$0")"
eng/prerequisites.sh --run
exec dotnet run --project MovieTrends.AppHost -- "$@"
