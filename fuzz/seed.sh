#!/bin/sh
# Builds the seed corpora of the fuzz targets from the shared corpus
# (../shared beside the repository, or $GLEANER_SHARED) and the test data.
# The corpora (fuzz/corpus/<target>/) are not committed.
set -eu
cd "$(dirname "$0")"
SHARED=${GLEANER_SHARED:-../../shared}
mkdir -p corpus/html corpus/text corpus/bytes corpus/parse_diff
# Every HTML seed is a page of half A of its dev set (the first hex digit
# of SHA-1 of the page's id even): half B is never looked at, and findings
# are looked at.
half_a() { case $(printf %s "$1" | sha1sum | cut -c1) in [02468ace]) return 0 ;; *) return 1 ;; esac; }
i=0
for f in "$SHARED"/corpus/readability/*/source.html; do
  half_a "$(basename "$(dirname "$f")")" || continue
  i=$((i + 1)); cp "$f" "corpus/html/readability-$i.html"
done
for f in "$SHARED"/corpus/scrapinghub/html/*.html.gz; do
  half_a "$(basename "$f" .html.gz)" || continue
  i=$((i + 1)); gzip -dc "$f" > "corpus/html/scrapinghub-$i.html"
done
for f in "$SHARED"/seeds/*.txt ../tests/data/copied/*/text/*.txt; do
  [ -f "$f" ] || continue
  i=$((i + 1)); cp "$f" "corpus/text/text-$i.txt"
done
# Bytes: a sample of both (the copied texts of half A's pages), plus the
# regression inputs.
cp corpus/html/readability-1*.html corpus/bytes/ 2>/dev/null || true
for f in ../tests/data/copied/readability/text/*.txt; do
  [ -f "$f" ] || continue
  half_a "$(basename "$f" .txt)" || continue
  i=$((i + 1)); cp "$f" "corpus/bytes/text-$i.txt"
done
# parse_diff: the first 16 KB of each page of half A of every HTML dev set.
for f in "$SHARED"/corpus/scrapinghub/html/*.html.gz "$SHARED"/corpus/wcxb-dev/html/*.html.gz; do
  [ -f "$f" ] || continue
  id=$(basename "$f" .html.gz)
  half_a "$id" || continue
  i=$((i + 1)); gzip -dc "$f" | head -c 16384 > "corpus/parse_diff/page-$i.html"
done
for f in "$SHARED"/corpus/readability/*/source.html; do
  id=$(basename "$(dirname "$f")")
  half_a "$id" || continue
  i=$((i + 1)); head -c 16384 "$f" > "corpus/parse_diff/page-$i.html"
done
cp ../tests/data/fuzz/* corpus/html/
cp ../tests/data/fuzz/* corpus/text/
cp ../tests/data/fuzz/* corpus/bytes/
cp ../tests/data/fuzz/* corpus/parse_diff/
echo "seeds: html $(ls corpus/html | wc -l), text $(ls corpus/text | wc -l), bytes $(ls corpus/bytes | wc -l), parse_diff $(ls corpus/parse_diff | wc -l)"
