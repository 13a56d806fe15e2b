#!/usr/bin/env bash
# Benchmarks MovieTrends on this machine and writes bench/results/<date>-<commit>.md (see bench/README.md).
#   bench/run.sh                      both catalogs: the real TMDB 5000 file, then 1,000,000 synthetic movies
#   bench/run.sh --catalog 5000       one catalog (5000 or 1m)
#   bench/run.sh --smoke [--out DIR]  every row with a tiny load, Debug build; fails on any error or missing row
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "wrk is not installed: run 'sudo apt-get install -y wrk'." >&2
    exit 1
  fi
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi

configuration=Release
for arg in "$@"; do
  if [ "$arg" = "--smoke" ]; then configuration=Debug; fi
done

dotnet build bench/MovieTrends.Bench -c "$configuration" -nologo -v quiet -clp:ErrorsOnly
exec dotnet "bench/MovieTrends.Bench/bin/$configuration/net10.0/MovieTrends.Bench.dll" "$@"
