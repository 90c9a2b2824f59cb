#!/bin/bash
# SPDX-License-Identifier: LGPL-2.1-only
#
# Benchmarks: p14p against CPython (and MicroPython when given) on bench/*.py.
#
#   bench/run.sh [NAME...]     (default: every bench/*.py)
#
# Builds the p14p the desktop package ships (release, statically linked:
# DesktopBuilder.staticBuildFlags) in .build-release, then runs each program
# with CPython as `python3 -I -S` (the real binary behind `python3`, so a
# pyenv shim's own start is not counted), with p14p, and with
# $MICROPYTHON when set. For each it prints the best wall time of RUNS
# runs, the ratio p14p/python3, and, when valgrind is installed, the
# instructions each executes (callgrind's total; for a workload, less the
# empty program's count, so a workload is compared without start-up; the
# `empty` row is the start-up itself) with p14p's ratio to CPython and to
# the best of the others. Each interpreter's output must equal CPython's:
# a program one of them fails shows 'error', different output 'mismatch'.
# The peak memory (max RSS) comes from /usr/bin/time -f %M when available.
#
# Environment: RUNS (default 3), BENCH_TIMEOUT seconds per run (default
# 120), P14P_BIN (use this executable instead of building), PYTHON (a
# CPython executable instead of the one behind python3), MICROPYTHON (a
# MicroPython unix port executable, e.g. built from its public sources
# outside this tree), INSTRUCTIONS=0 (skip the callgrind counts),
# SCRATCH_PATH (swift build --scratch-path, default .build-release).
# A program may carry a `# p14p-args: ...` header line with options for p14p.
# Exits 0 unless the build fails.

set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${RUNS:-3}
limit=${BENCH_TIMEOUT:-120}
scratch=${SCRATCH_PATH:-.build-release}

cd "$root" || exit 1
if [ -n "${P14P_BIN:-}" ]; then
    p14p=$P14P_BIN
else
    # The flags of the shipped desktop p14p (Sources/P14PDist/Builders/DesktopBuilder.swift).
    flags=(-Xswiftc -static-executable -Xswiftc -use-ld=lld -Xswiftc -Xfrontend -Xswiftc -function-sections
           -Xlinker --gc-sections -Xlinker --strip-all -Xlinker --build-id=none
           -Xlinker "--symbol-ordering-file=$root/Sources/p14p/link-order.txt" -Xlinker --no-warn-symbol-ordering)
    echo "building p14p (release, static, as the desktop package ships it)..." >&2
    if ! swift build -c release --product p14p --scratch-path "$scratch" "${flags[@]}" >&2; then
        echo "bench: build failed" >&2
        exit 1
    fi
    p14p="$(swift build -c release --product p14p --scratch-path "$scratch" "${flags[@]}" --show-bin-path)/p14p"
fi

# The real CPython binary: `python3` may be a pyenv shim (a shell script
# that starts a second process), whose start would count as CPython's.
python=${PYTHON:-$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)}
[ -x "$python" ] || { echo "bench: no python3 found" >&2; exit 1; }
mpy=${MICROPYTHON:-}
if [ -n "$mpy" ] && [ ! -x "$mpy" ]; then
    echo "bench: MICROPYTHON=$mpy is not an executable" >&2
    exit 1
fi
count=""
if [ "${INSTRUCTIONS:-1}" != 0 ] && command -v valgrind >/dev/null 2>&1; then count=1; fi

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

# instructions cmd...   -> prints callgrind's total instruction count, or nothing
instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | tail -n 1
}

min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || (b != "" && b + 0 < a + 0)) ? b : a }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }'; }
# net TOTAL START -> TOTAL - START, or nothing when either is unknown
net() { [ -n "$1" ] && [ -n "$2" ] && echo $(($1 - $2)); }
# ratio A B -> A/B with two decimals, or '-'
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 <= 0) print "-"; else printf "%.2f", a / b }'; }
# millions N -> N in millions with one decimal, or '-'
millions() { awk -v a="$1" 'BEGIN { if (a == "") print "-"; else printf "%.1f", a / 1e6 }'; }

# measure NAME PROGRAM OUT cmd...   -> best time in $best, peak RSS in $rss, "" on failure ($failed says why)
measure() {
    local who=$1 prog=$2 out=$3; shift 3
    best="" rss="" failed=""
    for ((i = 0; i < runs; i++)); do
        run_once "$out" "$tmp/rss" "$@" "$prog"
        if [ $status -ne 0 ]; then
            failed="error"
            [ -n "$timeout_cmd" ] && [ $status -eq 124 ] && failed="timeout"
            echo "$who $(basename "$prog"): $(sed -n '$p' "$tmp/stderr")" >&2
            return
        fi
        best=$(min "$best" "$elapsed")
        [ -n "$timebin" ] && rss=$(max "$rss" "$(tail -n 1 "$tmp/rss")")
    done
}

if [ $# -gt 0 ]; then
    progs=()
    for n in "$@"; do progs+=("$here/${n%.py}.py"); done
else
    progs=("$here"/*.py)
fi

echo "p14p:    $p14p"
echo "CPython: $python -I -S ($("$python" --version 2>&1))"
[ -n "$mpy" ] && echo "MicroPython: $mpy"
[ -n "$count" ] || echo "(instruction counts need valgrind; INSTRUCTIONS=0 turns them off)"
echo "time: best of $runs runs, seconds; Ir: instructions in millions, less the empty program's (callgrind)"
header="%-10s %8s %8s %6s"
columns=(program "py s" "p14p s" "t-ratio")
if [ -n "$mpy" ]; then header="$header %8s"; columns+=("mpy s"); fi
if [ -n "$count" ]; then
    header="$header %9s %9s %7s"; columns+=("py MIr" "p14p MIr" "i-ratio")
    if [ -n "$mpy" ]; then header="$header %9s %7s"; columns+=("mpy MIr" "vs best"); fi
fi
if [ -n "$timebin" ]; then header="$header %10s %10s"; columns+=("py RSS KB" "p14p RSS KB"); fi
# shellcheck disable=SC2059
printf "$header\n" "${columns[@]}"

# Start-up counts first: each workload's count is net of its interpreter's.
base_py="" base_my="" base_mpy=""
if [ -n "$count" ] && [ -f "$here/empty.py" ]; then
    base_py=$(instructions "$python" -I -S "$here/empty.py")
    base_my=$(instructions "$p14p" run "$here/empty.py")
    [ -n "$mpy" ] && base_mpy=$(instructions "$mpy" "$here/empty.py")
fi

time_ratios="" ir_ratios=""
for prog in "${progs[@]}"; do
    name=$(basename "$prog" .py)
    if [ ! -f "$prog" ]; then
        printf "%-10s %s\n" "$name" "missing"
        continue
    fi
    # shellcheck disable=SC2207
    extra=($(sed -n '1,5s/^# p14p-args://p' "$prog"))
    measure python3 "$prog" "$tmp/py.out" "$python" -I -S
    if [ -n "$failed" ]; then printf "%-10s %8s\n" "$name" "python3 $failed"; continue; fi
    best_py=$best rss_py=$rss
    measure p14p "$prog" "$tmp/my.out" "$p14p" run ${extra[@]+"${extra[@]}"}
    best_my=$best rss_my=$rss my_failed=$failed
    if [ -z "$my_failed" ] && ! cmp -s "$tmp/py.out" "$tmp/my.out"; then
        my_failed="mismatch"
        diff "$tmp/py.out" "$tmp/my.out" | head -n 4 | sed 's/^/    /' >&2
    fi
    best_mpy="" mpy_failed=""
    if [ -n "$mpy" ]; then
        measure micropython "$prog" "$tmp/mpy.out" "$mpy"
        best_mpy=$best mpy_failed=$failed
        if [ -z "$mpy_failed" ] && ! cmp -s "$tmp/py.out" "$tmp/mpy.out"; then mpy_failed="mismatch"; fi
        [ -n "$mpy_failed" ] && best_mpy=$mpy_failed
    fi
    if [ -n "$my_failed" ]; then
        printf "%-10s %8s %8s\n" "$name" "$best_py" "$my_failed"
        continue
    fi
    t_ratio=$(ratio "$best_my" "$best_py")
    time_ratios="$time_ratios $t_ratio"
    values=("$name" "$best_py" "$best_my" "$t_ratio")
    [ -n "$mpy" ] && values+=("$best_mpy")
    if [ -n "$count" ]; then
        ir_py=$(instructions "$python" -I -S "$prog")
        ir_my=$(instructions "$p14p" run ${extra[@]+"${extra[@]}"} "$prog")
        ir_mpy=""
        [ -n "$mpy" ] && [ -z "$mpy_failed" ] && ir_mpy=$(instructions "$mpy" "$prog")
        if [ "$name" != empty ]; then
            ir_py=$(net "$ir_py" "$base_py") ir_my=$(net "$ir_my" "$base_my")
            [ -n "$ir_mpy" ] && ir_mpy=$(net "$ir_mpy" "$base_mpy")
        fi
        i_ratio=$(ratio "$ir_my" "$ir_py")
        [ "$i_ratio" != - ] && ir_ratios="$ir_ratios $i_ratio"
        values+=("$(millions "$ir_py")" "$(millions "$ir_my")" "$i_ratio")
        if [ -n "$mpy" ]; then
            best_ir=$(min "$ir_py" "$ir_mpy")
            values+=("$(millions "$ir_mpy")" "$(ratio "$ir_my" "$best_ir")")
        fi
    fi
    [ -n "$timebin" ] && values+=("$rss_py" "$rss_my")
    # shellcheck disable=SC2059
    printf "$header\n" "${values[@]}"
done
geomean() {
    echo "$1" | awk '{ s = 0; n = 0; for (i = 1; i <= NF; i++) if ($i > 0) { s += log($i); n++ }
        if (n) printf "%.2f", exp(s / n); else printf "-" }'
}
echo "geomean p14p/python3: time $(geomean "$time_ratios")$([ -n "$count" ] && echo ", instructions $(geomean "$ir_ratios")")"
exit 0
