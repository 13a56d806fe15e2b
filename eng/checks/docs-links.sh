#!/usr/bin/env bash
# Every relative link and image in the repository's Markdown points at a file or folder that exists, and every
# #anchor at a heading of its target page: moving text between pages must not leave dead links. Offline; web
# links are not followed. Links inside code (fenced blocks, `spans`) are not links, so they are skipped.
# bench/results/ holds the benchmark's run records as written at the time; they are not edited afterwards.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# The page as Markdown renders it for links: without fenced code blocks and code spans (which may wrap lines).
without_code() {
    sed '/^[[:space:]]*```/,/^[[:space:]]*```/d' "$1" | sed -z 's/`[^`]*`//g'
}

# The anchors GitHub gives a page's headings: lower case, punctuation dropped (a code span keeps its text, not its
# backticks), spaces as hyphens.
anchors() {
    sed '/^[[:space:]]*```/,/^[[:space:]]*```/d' "$1" | grep -E '^#{1,6} ' \
        | sed -E 's/^#+ +//; s/ +#+ *$//' | tr 'A-Z' 'a-z' | sed -E 's/[^a-z0-9 _-]//g; s/ /-/g'
}

failures=0
checked=0
while IFS= read -r page; do
    dir=$(dirname "$page")
    while IFS= read -r target; do
        [[ -z "$target" || "$target" =~ ^[a-zA-Z][a-zA-Z0-9+.-]*: ]] && continue
        path=${target%%#*}
        anchor=
        [[ "$target" == *#* ]] && anchor=${target#*#}
        resolved=$page
        [[ -n "$path" ]] && resolved="$dir/$path"
        checked=$((checked + 1))
        if [[ ! -e "$resolved" ]]; then
            echo "$page: broken link ($target): $resolved does not exist" >&2
            failures=$((failures + 1))
        elif [[ -n "$anchor" && "$resolved" == *.md ]] && ! anchors "$resolved" | grep -qxF -- "$anchor"; then
            echo "$page: broken link ($target): no heading with anchor #$anchor in $resolved" >&2
            failures=$((failures + 1))
        fi
    done < <(without_code "$page" | grep -oE '\]\([^) ]+\)' | sed -E 's/^\]\((.*)\)$/\1/' || true)
done < <(git ls-files --cached --others --exclude-standard -- '*.md' ':!bench/results/')

if ((failures > 0)); then
    echo "docs-links: $failures broken of $checked relative links" >&2
    exit 1
fi
echo "docs-links: all $checked relative links resolve"
