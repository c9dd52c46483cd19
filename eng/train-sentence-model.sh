#!/usr/bin/env bash
# Rebuilds the shipped sentence-boundary model (gate and full model), bit for bit, from ../shared/data/ud-ewt (see docs/sentence-model.md).
# Usage: eng/train-sentence-model.sh [OUT]   (default: src/NewsExtract/Resources/SentenceModel.bin)
# Trained on UD English EWT train only; the seed base, the epoch and both gate thresholds are chosen on EWT dev (the trainer prints each epoch;
# seeds 1-6 compared in docs/sentence-model.md). One run writes the whole shipped file: full model, gate, low and high threshold.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="${NEWSEXTRACT_SHARED:-$root/../shared}/data"
out="${1:-$root/src/NewsExtract/Resources/SentenceModel.bin}"
cd "$root"
dotnet run --project src/NewsExtract.Cli -c Release -- train sentences \
  --train "$data/ud-ewt/en_ewt-ud-train.conllu" \
  --dev "$data/ud-ewt/en_ewt-ud-dev.conllu" \
  --seed 2 --runs 5 --max-epochs 12 --bits 18 \
  --out "$out"
