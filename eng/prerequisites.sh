#!/usr/bin/env bash
# Makes sure this machine can run (--run) or run and test (default) MovieTrends.
# Installs missing system packages with apt-get when it can (root on Debian/Ubuntu); otherwise
# stops with one line naming what to install. Safe to run again: it only acts on what is missing.
set -euo pipefail

purpose=test
[[ "${1:-}" == "--run" ]] && purpose=run

cd "$(dirname "$0")/.."

fail() {
    echo "prerequisites: $*" >&2
    exit 1
}

have() { command -v "$1" >/dev/null 2>&1; }

container_runtime_answers() {
    local runtime="${ASPIRE_CONTAINER_RUNTIME:-docker}"
    have "$runtime" && timeout 10 "$runtime" info >/dev/null 2>&1
}

postgres_server_installed() {
    compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null \
        || { have pg_config && [[ -x "$(pg_config --bindir)/postgres" ]]; }
}

have dotnet || fail "the .NET SDK is missing: install the version global.json names."
dotnet --version >/dev/null 2>&1 || fail "no installed .NET SDK matches global.json: install the version it names."
have node && have npm || fail "Node.js with npm is missing (the web front end's assets come from npm): install Node.js 20 or newer."

packages=()
if container_runtime_answers; then
    echo "prerequisites: a container runtime answers; PostgreSQL will run in a container."
elif ! postgres_server_installed; then
    packages+=(postgresql)
fi
if [[ "$purpose" == test ]]; then
    [[ -x /usr/bin/chromium ]] || packages+=(chromium)
    have wrk || packages+=(wrk)
    # The offline azd rehearsal renders the container app templates with Go's text/template, as azd does.
    have go || packages+=(golang-go)
    # The deploy hook that runs the importer's job is checked with shellcheck.
    have shellcheck || packages+=(shellcheck)
fi

if (( ${#packages[@]} == 0 )); then
    echo "prerequisites: all present."
    exit 0
fi

if [[ $EUID -ne 0 ]] || ! have apt-get; then
    fail "missing ${packages[*]}: install them (on Debian/Ubuntu: sudo apt-get install ${packages[*]})."
fi

if [[ " ${packages[*]} " == *" postgresql "* && ! -e /etc/postgresql-common/createcluster.conf ]]; then
    # The AppHost runs its own cluster; the package's default one would only sit on port 5432 unused.
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
fi

echo "prerequisites: installing ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "prerequisites: installed ${packages[*]}."
