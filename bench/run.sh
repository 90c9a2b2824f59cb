#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-only
#
# Benchmarks: python3 vs p14p on bench/*.py.
#
#   bench/run.sh [NAME...]     (default: every bench/*.py)
#
# Builds `swift build -c release --product p14p` in the package root, then
# runs each program alternately with python3 and `.build/release/p14p run`
# (3 times each), keeps the best wall-clock time of each, checks that both
# printed the same stdout, and prints a table with the ratio p14p/python3,
# the peak memory (max RSS, from /usr/bin/time -f %M when available) and the
# geometric mean of the ratios. A program that p14p fails on (non-zero exit,
# timeout) shows 'error'; different output shows 'mismatch'. Exits 0 unless
# the build fails.
#
# Environment: RUNS (default 3), BENCH_TIMEOUT seconds per run (default 120),
# P14P_BIN (use this executable instead of building), SCRATCH_PATH (swift
# build --scratch-path, default .build).
# A program may carry a `# p14p-args: ...` header line with options for p14p.

set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${RUNS:-3}
limit=${BENCH_TIMEOUT:-120}
scratch=${SCRATCH_PATH:-.build}

cd "$root" || exit 1
if [ -n "${P14P_BIN:-}" ]; then
    p14p=$P14P_BIN
else
    echo "building p14p (release)..." >&2
    if ! swift build -c release --product p14p --scratch-path "$scratch" >&2; then
        echo "bench: build failed" >&2
        exit 1
    fi
    p14p="$root/$scratch/release/p14p"
fi

timebin=""
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    timebin=/usr/bin/time
fi
timeout_cmd=""
command -v timeout >/dev/null 2>&1 && timeout_cmd="timeout $limit"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now() { date +%s%N; }

# run_once OUTFILE RSSFILE cmd...   -> sets $elapsed (seconds) and $status
run_once() {
    local out=$1 rss=$2; shift 2
    local t0 t1
    t0=$(now)
    if [ -n "$timebin" ]; then
        $timeout_cmd "$timebin" -f %M -o "$rss" "$@" >"$out" 2>"$tmp/stderr"
    else
        $timeout_cmd "$@" >"$out" 2>"$tmp/stderr"
    fi
    status=$?
    t1=$(now)
    elapsed=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
}

min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }'; }

if [ $# -gt 0 ]; then
    progs=()
    for n in "$@"; do progs+=("$here/${n%.py}.py"); done
else
    progs=("$here"/*.py)
fi

if [ -n "$timebin" ]; then
    printf "%-14s %10s %10s %9s %12s %12s\n" program "python3 s" "p14p s" ratio "py RSS KB" "p14p RSS KB"
else
    printf "%-14s %10s %10s %9s\n" program "python3 s" "p14p s" ratio
fi
ratios=""
for prog in "${progs[@]}"; do
    name=$(basename "$prog" .py)
    if [ ! -f "$prog" ]; then
        printf "%-14s %s\n" "$name" "missing"
        continue
    fi
    # shellcheck disable=SC2207
    extra=($(sed -n '1,5s/^# p14p-args://p' "$prog"))
    best_py="" best_my="" rss_py="" rss_my="" failed="" mismatch=""
    for ((i = 0; i < runs; i++)); do
        run_once "$tmp/py.out" "$tmp/py.rss" python3 "$prog"
        [ $status -ne 0 ] && { failed="python3 failed"; break; }
        best_py=$(min "$best_py" "$elapsed")
        [ -n "$timebin" ] && rss_py=$(max "$rss_py" "$(tail -n 1 "$tmp/py.rss")")
        run_once "$tmp/my.out" "$tmp/my.rss" "$p14p" run ${extra[@]+"${extra[@]}"} "$prog"
        if [ $status -ne 0 ]; then
            failed="error"
            [ -n "$timeout_cmd" ] && [ $status -eq 124 ] && failed="timeout"
            break
        fi
        best_my=$(min "$best_my" "$elapsed")
        [ -n "$timebin" ] && rss_my=$(max "$rss_my" "$(tail -n 1 "$tmp/my.rss")")
        if ! cmp -s "$tmp/py.out" "$tmp/my.out"; then mismatch=1; break; fi
    done
    if [ -n "$failed" ]; then
        printf "%-14s %10s %10s %9s\n" "$name" "${best_py:--}" "$failed" "-"
        sed -n '$p' "$tmp/stderr" | sed 's/^/    /' >&2
        continue
    fi
    if [ -n "$mismatch" ]; then
        printf "%-14s %10s %10s %9s\n" "$name" "$best_py" "mismatch" "-"
        diff "$tmp/py.out" "$tmp/my.out" | head -n 4 | sed 's/^/    /' >&2
        continue
    fi
    ratio=$(awk -v a="$best_my" -v b="$best_py" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
    ratios="$ratios $ratio"
    if [ -n "$timebin" ]; then
        printf "%-14s %10s %10s %9s %12s %12s\n" "$name" "$best_py" "$best_my" "$ratio" "$rss_py" "$rss_my"
    else
        printf "%-14s %10s %10s %9s\n" "$name" "$best_py" "$best_my" "$ratio"
    fi
done
if [ -n "$ratios" ]; then
    echo "$ratios" | awk '{ s = 0; n = 0; for (i = 1; i <= NF; i++) if ($i > 0) { s += log($i); n++ }
        if (n) printf "%-14s %10s %10s %9.2f\n", "geomean", "", "", exp(s / n) }'
else
    printf "%-14s %10s %10s %9s\n" "geomean" "" "" "-"
fi
exit 0
