#!/usr/bin/env bash
# Runs every test: prerequisites, the build, the .NET tests (the fast in-process layer and the AppHost layer,
# each timed), then each offline check in eng/checks. The fast layer alone, in about a minute:
#   dotnet test MovieTrends.Tests --filter Layer=Fast
# Every step runs even after a failure; the summary lists them all and the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")"

eng/prerequisites.sh || exit 1

summary=()
failed=0
# Records a finished step: its name, exit status and seconds.
record() {
    if (( $2 == 0 )); then
        summary+=("PASS  $1 ($3 s)")
    else
        summary+=("FAIL  $1 ($3 s)")
        failed=$((failed + 1))
    fi
}
step() {
    local name=$1 started=$SECONDS status=0
    shift
    echo "==> $name"
    "$@" || status=$?
    record "$name" "$status" $((SECONDS - started))
}

results=TestResults
tests_passed=0
tests_failed=0
# Failed steps that no failing test or check accounts for: a failed build, or a test run that crashed.
unexplained=0

# Runs one layer of the .NET tests (a trait filter) into $results/<name>.trx.
test_layer() {
    rm -f "$results/$1.trx"
    dotnet test MovieTrends.slnx --no-build --filter "$2" \
        --logger "console;verbosity=normal" --logger "trx;LogFileName=$1.trx" --results-directory "$results"
}

# Lists a layer's failed tests (name and the first line of its message) from its .trx, so that a run's end says
# which failed even where only the end of its output is kept.
failed_tests() {
    [[ -f "$results/$1.trx" ]] || return 0
    awk '
        /<UnitTestResult / && / outcome="Failed"/ {
            match($0, / testName="[^"]*"/); name = substr($0, RSTART + 11, RLENGTH - 12)
            gsub(/&quot;/, "\"", name); pending = 1; next
        }
        pending && /<Message>/ { sub(/.*<Message>/, ""); sub(/<\/Message>.*/, ""); print "  " name ": " substr($0, 1, 240); pending = 0 }
        pending && /<\/UnitTestResult>/ { print "  " name; pending = 0 }
    ' "$results/$1.trx"
}

# Records a finished layer (name, exit status, seconds, title) and adds its counts to the totals.
record_layer() {
    local trx="$results/$1.trx" passed=0 failed_here=0 counters
    if [[ -f "$trx" ]]; then
        counters=$(grep -o '<Counters [^>]*>' "$trx")
        passed=$(grep -o ' passed="[0-9]*"' <<<"$counters" | grep -o '[0-9]*')
        failed_here=$(grep -o ' failed="[0-9]*"' <<<"$counters" | grep -o '[0-9]*')
    fi
    tests_passed=$((tests_passed + passed))
    tests_failed=$((tests_failed + failed_here))
    if (( $2 != 0 && failed_here == 0 )); then
        unexplained=$((unexplained + 1))
    fi
    record "tests: $4 layer" "$2" "$3"
}

step "build" dotnet build MovieTrends.slnx
if (( failed == 0 )); then
    # The fast layer (in process, over a private PostgreSQL) runs beside the AppHost layer, as xUnit runs
    # collections side by side within one run: most of the AppHost layer's time is the orchestrator starting.
    # Its output is held and shown once both are done, so the two never interleave.
    held=$(mktemp -d)
    trap 'rm -rf "$held"' EXIT
    echo "==> tests: fast layer and AppHost layer, side by side"
    (
        started=$SECONDS status=0
        test_layer fast "Layer=Fast" >"$held/output" 2>&1 || status=$?
        echo "$status $((SECONDS - started))" >"$held/result"
    ) &
    fast=$!
    started=$SECONDS status=0
    test_layer apphost "Layer!=Fast" || status=$?
    apphost_result="$status $((SECONDS - started))"
    wait "$fast"
    echo "==> tests: fast layer (its output, held while the AppHost layer ran)"
    cat "$held/output"
    read -r status seconds <"$held/result" || { status=1 seconds=0; }
    record_layer fast "$status" "$seconds" fast
    read -r status seconds <<<"$apphost_result"
    record_layer apphost "$status" "$seconds" AppHost
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
failed_tests fast
failed_tests apphost
echo "checks: $checks_passed passed, $checks_failed failed"
(( failed == 0 )) && echo "ALL PASSED" || echo "$failed STEP(S) FAILED"
# The closing line counts each test and each check once, and each failed step that none of them accounts for.
total_failed=$((tests_failed + checks_failed + unexplained))
echo "total: $((tests_passed + checks_passed)) passed, $total_failed failed"
exit $(( failed > 0 ))
