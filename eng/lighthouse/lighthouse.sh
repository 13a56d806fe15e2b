#!/usr/bin/env bash
# Lighthouse audit of the running web frontend, mobile and desktop, both views (genre trends also over its
# longest range), with Debian's Chromium.
# Usage: eng/lighthouse/lighthouse.sh [base-url]   (default http://localhost:5080, the app started by ./run.sh)
# Prints the category scores with the metrics behind performance and Lighthouse's CPU benchmark index (a
# busy machine scores lower: compare runs at a similar index), writes HTML and JSON reports to
# bench/out/lighthouse/, and exits non-zero when performance < 98 or accessibility < 100 on any page.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base_url="${1:-http://localhost:5080}"
out="$root/bench/out/lighthouse"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

command -v node >/dev/null || { echo "Node.js 20+ with npm is required: apt-get install nodejs npm" >&2; exit 1; }
[ -x "$CHROME_PATH" ] || { echo "Chromium is required at $CHROME_PATH: apt-get install -y chromium" >&2; exit 1; }
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi
curl -fsS -o /dev/null "$base_url/" || { echo "Nothing answers at $base_url: start the app first (./run.sh)." >&2; exit 1; }

mkdir -p "$out"
failed=0
# name=query: both views, and the longest range, whose 102 years are the most the first chart paints.
pages=("trends=?view=trends" "trends-1916-2017=?view=trends&from=1916&to=2017" "popularity=?view=popularity")
for entry in "${pages[@]}"; do
  page="${entry%%=*}"
  query="${entry#*=}"
  for form in mobile desktop; do
    name="$page-$form"
    preset=()
    [ "$form" = desktop ] && preset=(--preset=desktop)
    "$here/node_modules/.bin/lighthouse" "$base_url/$query" "${preset[@]}" \
      --quiet \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
      --output=json --output=html --output-path="$out/$name" \
      || { echo "$name: lighthouse could not audit the page"; failed=1; continue; }
    node -e '
      const report = require(process.argv[1]);
      const score = (id) => Math.round(report.categories[id].score * 100);
      const [perf, a11y] = [score("performance"), score("accessibility")];
      const ms = (id) => Math.round(report.audits[id].numericValue);
      console.log(`${process.argv[2].padEnd(24)} performance ${perf}  accessibility ${a11y}  best-practices ${score("best-practices")}  seo ${score("seo")}`
        + `  (FCP ${ms("first-contentful-paint")} ms, LCP ${ms("largest-contentful-paint")} ms, TBT ${ms("total-blocking-time")} ms,`
        + ` CLS ${report.audits["cumulative-layout-shift"].numericValue.toFixed(3)}, CPU index ${Math.round(report.environment.benchmarkIndex)})`);
      process.exit(perf >= 98 && a11y >= 100 ? 0 : 1);
    ' "$out/$name.report.json" "$name" || failed=1
  done
done
echo "Reports: $out"
exit $failed
