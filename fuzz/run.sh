#!/bin/sh
# Runs one fuzz target for a while: ./run.sh <target> <seconds> <max_len> [log]
# One process at a time; findings land in fuzz/artifacts/<target>/.
# gleaner has no unsafe code, so no sanitizer (-s none): the targets look for
# panics, broken invariants, hangs (-timeout) and memory blow-ups (-rss_limit_mb).
set -eu
cd "$(dirname "$0")"
target=$1 secs=$2 len=$3 log=${4:-/tmp/fuzz-$1-$3.log}
[ -d "corpus/$target" ] || ./seed.sh
# Every target fuzzes the library with our own HTML parser (the fuzz crate's
# feature own-parser; the fuzz crate builds gleaner without its default
# features). GLEANER_FUZZ_FEATURES= (empty) fuzzes html, text and bytes
# with html5ever's parser instead; parse_diff always needs the own parser.
features=${GLEANER_FUZZ_FEATURES-own-parser} dict=""
[ "$target" = parse_diff ] && features=own-parser && dict="-dict=parse_diff.dict"
exec cargo +nightly fuzz run -O -s none ${features:+--features "$features"} "$target" -- \
  -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_len="$len" -timeout=20 -rss_limit_mb=3072 -max_total_time="$secs" \
  -print_final_stats=1 $dict > "$log" 2>&1
