#!/usr/bin/env bash
# The benchmark harness end to end with a tiny load, so it cannot rot: a private PostgreSQL cluster, migrations
# and import through the Ingest CLI, the services, the baseline and every scenario for about a second each.
# Fails unless the results file has every row and not one request failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bench/run.sh --smoke --out "$out" --port-base "${BENCH_SMOKE_PORT_BASE:-5750}"
grep -q "baseline (fixed bytes)" "$out"/*.md
