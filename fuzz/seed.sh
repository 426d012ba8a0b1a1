#!/bin/sh
# Builds the seed corpora of the fuzz targets from the shared corpus
# (../shared beside the repository, or $GLEANER_SHARED) and the test data.
# The corpora (fuzz/corpus/<target>/) are not committed.
set -eu
cd "$(dirname "$0")"
SHARED=${GLEANER_SHARED:-../../shared}
mkdir -p corpus/html corpus/text corpus/bytes corpus/parse_diff
i=0
for f in "$SHARED"/corpus/readability/*/source.html; do
  i=$((i + 1)); cp "$f" "corpus/html/readability-$i.html"
done
for f in "$SHARED"/corpus/scrapinghub/html/*.html.gz; do
  i=$((i + 1)); gzip -dc "$f" > "corpus/html/scrapinghub-$i.html"
done
for f in "$SHARED"/seeds/*.txt ../tests/data/copied/*/text/*.txt; do
  [ -f "$f" ] || continue
  i=$((i + 1)); cp "$f" "corpus/text/text-$i.txt"
done
# Bytes: a sample of both, plus the regression inputs.
cp corpus/html/readability-1*.html corpus/text/text-1*.txt corpus/bytes/ 2>/dev/null || true
# parse_diff: the HTML pages, and the first 16 KB of each WCXB dev page.
cp corpus/html/*.html corpus/parse_diff/
for f in "$SHARED"/corpus/wcxb-dev/html/*.html.gz; do
  [ -f "$f" ] || continue
  i=$((i + 1)); gzip -dc "$f" | head -c 16384 > "corpus/parse_diff/wcxb-$i.html"
done
cp ../tests/data/fuzz/* corpus/html/
cp ../tests/data/fuzz/* corpus/text/
cp ../tests/data/fuzz/* corpus/bytes/
cp ../tests/data/fuzz/* corpus/parse_diff/
echo "seeds: html $(ls corpus/html | wc -l), text $(ls corpus/text | wc -l), bytes $(ls corpus/bytes | wc -l), parse_diff $(ls corpus/parse_diff | wc -l)"
