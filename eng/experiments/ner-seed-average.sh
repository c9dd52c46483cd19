#!/usr/bin/env bash
# The fourth round's seed-averaging experiment (docs/model.md, "Fourth round"; not shipped): trains the
# default model's recipe (eng/train-model.sh default, calibration included) with seeds 1..K, one after the
# other, then averages their weights with 'train average' (feature by feature, pass by pass) and calibrates
# the average on the same five dev files. Deterministic: the seed models and the average rebuild bit for bit.
# Usage: eng/experiments/ner-seed-average.sh OUT [K (default 3)]   (the seed models are kept as OUT.seedN)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data="${NEWSEXTRACT_SHARED:-$root/../shared}/data"
out="${1:?usage: eng/experiments/ner-seed-average.sh OUT [K]}"
k="${2:-3}"
cd "$root"
cli=(${NEWSEXTRACT_CLI:-dotnet run --project src/NewsExtract.Cli -c Release --})
ner="$data/ner"
models=()
for seed in $(seq 1 "$k"); do
  NEWSEXTRACT_CLI="${cli[*]}" NER_SEED="$seed" eng/train-model.sh default "$out.seed$seed"
  models+=("$out.seed$seed")
done
"${cli[@]}" train average --model "${models[@]}" \
  --dev "$ner/conll2003/dev.conll" "$ner/uner_en_ewt/dev.conll" "$ner/btc/dev.conll" "$ner/wnut17/dev.conll" "$ner/litbank/dev.conll" \
  --out "$out"
