#!/usr/bin/env bash
# Runs every test: prerequisites, the build, the .NET tests (the fast in-process layer, then the AppHost layer,
# each timed), then each offline check in eng/checks.
# Every step runs even after a failure; the summary lists them all and the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")"

eng/prerequisites.sh || exit 1

summary=()
failed=0
step() {
    local name=$1 started=$SECONDS
    shift
    echo "==> $name"
    if "$@"; then
        summary+=("PASS  $name ($((SECONDS - started)) s)")
    else
        summary+=("FAIL  $name ($((SECONDS - started)) s)")
        failed=$((failed + 1))
    fi
}

results=TestResults
tests_passed=0
tests_failed=0
# Failed steps that no failing test or check accounts for: a failed build, or a test run that crashed.
unexplained=0

# Runs one layer of the .NET tests (a trait filter) into $results/<name>.trx and adds its counts to the totals.
test_layer() {
    local name=$1 filter=$2 trx="$results/$1.trx" status=0 passed=0 failed_here=0 counters
    rm -f "$trx"
    dotnet test MovieTrends.slnx --no-build --filter "$filter" \
        --logger "console;verbosity=normal" --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=$?
    if [[ -f "$trx" ]]; then
        counters=$(grep -o '<Counters [^>]*>' "$trx")
        passed=$(grep -o ' passed="[0-9]*"' <<<"$counters" | grep -o '[0-9]*')
        failed_here=$(grep -o ' failed="[0-9]*"' <<<"$counters" | grep -o '[0-9]*')
    fi
    tests_passed=$((tests_passed + passed))
    tests_failed=$((tests_failed + failed_here))
    if (( status != 0 && failed_here == 0 )); then
        unexplained=$((unexplained + 1))
    fi
    return "$status"
}

step "build" dotnet build MovieTrends.slnx
if (( failed == 0 )); then
    # The fast layer hosts the services in process over a private PostgreSQL; the rest start the whole AppHost.
    step "tests: fast layer" test_layer fast "Layer=Fast"
    step "tests: AppHost layer" test_layer apphost "Layer!=Fast"
else
    unexplained=$((unexplained + 1))
fi
for check in eng/checks/*.sh; do
    [[ -e "$check" ]] || continue
    step "$check" "$check"
done

checks_failed=$(printf '%s\n' "${summary[@]}" | grep -c '^FAIL  eng/checks/' || true)
checks_passed=$(printf '%s\n' "${summary[@]}" | grep -c '^PASS  eng/checks/' || true)

echo
echo "==> summary"
printf '%s\n' "${summary[@]}"
echo "tests: $tests_passed passed, $tests_failed failed (details in $results/fast.trx and $results/apphost.trx)"
echo "checks: $checks_passed passed, $checks_failed failed"
(( failed == 0 )) && echo "ALL PASSED" || echo "$failed STEP(S) FAILED"
# The closing line counts each test and each check once, and each failed step that none of them accounts for.
total_failed=$((tests_failed + checks_failed + unexplained))
echo "total: $((tests_passed + checks_passed)) passed, $total_failed failed"
exit $(( failed > 0 ))
