#!/usr/bin/env bash
# SPDX-License-Identifier: LGPL-2.1-only
# Groups the crashes a fuzzer saved by where they happen: replays each file
# in .build-fuzz/crashes/<target>/ and prints the first p14p source line of
# its stack (a Swift trap or an ASan report), with a count and one example.
#     Fuzz/triage.sh vm
set -uo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/triage.sh compiler|image|vm|recipe}
bin=.build-fuzz/release/fuzz-$target
declare -A count example
for f in .build-fuzz/crashes/"$target"/{crash,timeout,oom}-*; do
    [ -f "$f" ] || continue
    where=$(SWIFT_BACKTRACE=enable=no timeout 60 "$bin" -timeout=30 "$f" 2>&1 \
        | grep -oE '(Sources|Fuzz)/[A-Za-z0-9_/+.-]+\.swift:[0-9]+' | grep -v PyMiteFuzz | head -2 | paste -sd '<' -)
    where=${where:-"(no p14p frame: $(basename "$f" | cut -d- -f1))"}
    count[$where]=$(( ${count[$where]:-0} + 1 ))
    example[$where]=${example[$where]:-$f}
done
for w in "${!count[@]}"; do printf '%4d  %-55s %s\n' "${count[$w]}" "$w" "${example[$w]}"; done | sort -rn
