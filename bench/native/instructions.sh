#!/bin/sh
# Each page's instruction count (callgrind) beside its time: instructions
# do not depend on what else the machine is doing, so they judge a change
# where times are noisy.
#
#   ./instructions.sh [DATASET_DIR] [--outputs LIST] [--passes N] [--features F] [--html5ever]
#
# (The library as it builds by default, with our own HTML parser;
# `--html5ever` measures it with html5ever's parser.)
# Builds the `profile` example, times every page natively (median of N
# passes, default 5), then runs it once under callgrind, which dumps the
# count of each call of `profile::clean_page` (one file per page, in a
# temporary folder removed at the end). Prints `id bytes ms instructions`
# per page, then the totals. Needs valgrind.
set -eu
here=$(pwd)
cd "$(dirname "$0")"
dir=""
passes=5
extra=""
features=""
while [ $# -gt 0 ]; do
    case "$1" in
        --outputs) extra="--outputs $2"; shift 2 ;;
        --passes) passes="$2"; shift 2 ;;
        --features) features="$features --features $2"; shift 2 ;;
        --html5ever) features="$features --no-default-features"; shift ;;
        # (A relative folder is the caller's, not this script's.)
        /*) dir="$1"; shift ;;
        *) dir="$here/$1"; shift ;;
    esac
done
# shellcheck disable=SC2086
cargo build --release --example profile $features >&2
bin=target/release/examples/profile
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck disable=SC2086
"$bin" $dir $extra --passes "$passes" --per-page >"$tmp/times"
# shellcheck disable=SC2086
valgrind --tool=callgrind --dump-line=no --toggle-collect='profile::clean_page' \
    --dump-after='profile::clean_page' --callgrind-out-file="$tmp/cg.out" \
    "$bin" $dir $extra 2>/dev/null >/dev/null
# The dumps are numbered in the order of the pages (cg.out.1, cg.out.2, …).
n=$(wc -l <"$tmp/times")
i=1
while [ "$i" -le "$n" ]; do
    sed -n 's/^totals: //p' "$tmp/cg.out.$i"
    i=$((i + 1))
done >"$tmp/counts"
paste "$tmp/times" "$tmp/counts" | awk -F'\t' '
    BEGIN { printf "%-40s %10s %10s %14s\n", "page", "bytes", "ms", "instructions" }
    { printf "%-40s %10d %10.3f %14.0f\n", $1, $2, $3, $4; b += $2; t += $3; c += $4 }
    END { printf "%-40s %10.0f %10.1f %14.0f\n", "total (" NR " pages)", b, t, c }'
