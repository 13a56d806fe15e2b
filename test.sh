#!/usr/bin/env bash
# Runs every test: prerequisites, the build, the .NET tests, then each offline check in eng/checks.
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
rm -f "$results/tests.trx"

step "build" dotnet build MovieTrends.slnx
if (( failed == 0 )); then
    step "dotnet test" dotnet test MovieTrends.slnx --no-build \
        --logger "console;verbosity=normal" --logger "trx;LogFileName=tests.trx" --results-directory "$results"
fi
for check in eng/checks/*.sh; do
    [[ -e "$check" ]] || continue
    step "$check" "$check"
done

tests_passed=0
tests_failed=0
if [[ -f "$results/tests.trx" ]]; then
    counters=$(grep -o '<Counters [^>]*>' "$results/tests.trx")
    tests_passed=$(grep -o ' passed="[0-9]*"' <<<"$counters" | grep -o '[0-9]*')
    tests_failed=$(grep -o ' failed="[0-9]*"' <<<"$counters" | grep -o '[0-9]*')
fi
checks_failed=$(printf '%s\n' "${summary[@]}" | grep -c '^FAIL  eng/checks/' || true)
checks_passed=$(printf '%s\n' "${summary[@]}" | grep -c '^PASS  eng/checks/' || true)

echo
echo "==> summary"
printf '%s\n' "${summary[@]}"
echo "tests: $tests_passed passed, $tests_failed failed (details in $results/tests.trx)"
echo "checks: $checks_passed passed, $checks_failed failed"
(( failed == 0 )) && echo "ALL PASSED" || echo "$failed STEP(S) FAILED"
# The closing line counts each test and each check once; a failed build, or a test run that failed
# without a failing test (a crash, say), counts as one failure of its own.
total_failed=$((tests_failed + checks_failed))
if (( failed > checks_failed && tests_failed == 0 )); then
    total_failed=$((total_failed + failed - checks_failed))
fi
echo "total: $((tests_passed + checks_passed)) passed, $total_failed failed"
exit $(( failed > 0 ))
