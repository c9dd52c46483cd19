#!/usr/bin/env bash
# The third round's self-training experiment (docs/model.md, "Third round"; not shipped): tags all of
# ../shared/data/unlabeled with the embedded default model, keeps the sentences it is sure of (none equal to
# a dev or test sentence of ../shared/data/ner), then trains the default model's recipe with that file added
# at weight W (first pass only), calibration included. Deterministic.
# Usage: eng/experiments/ner-selftrain.sh OUT [W (default 0.3)]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data="${NEWSEXTRACT_SHARED:-$root/../shared}/data"
out="${1:?usage: eng/experiments/ner-selftrain.sh OUT [W]}"
weight="${2:-0.3}"
cd "$root"
cli=(${NEWSEXTRACT_CLI:-dotnet run --project src/NewsExtract.Cli -c Release --})
u="$data/unlabeled"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${cli[@]}" train selftrain \
  --unlabeled "$u/reuters21578.txt" "$u/bbc_news_2004_2005_RESEARCH_ONLY.txt" "$u/abc_rural_news_2006.txt" \
              "$u/abc_science_news_2006.txt" "$u/brown_press_1961.txt" \
  --exclude "$data"/ner/*/dev.conll "$data"/ner/*/test.conll \
  --min-confidence 0.9 --min-outside 0.8 \
  --out "$work/selftrain.conll"
NEWSEXTRACT_CLI="${cli[*]}" NER_EXTRA_ARGS="--self-train $work/selftrain.conll@$weight" eng/train-model.sh default "$out"
