#!/usr/bin/env bash
# Rebuilds the shipped sentence-boundary model (gate and full model), bit for bit, from ../shared/data/ud-ewt (see docs/sentence-model.md).
# Usage: eng/train-sentence-model.sh [OUT]   (default: src/NewsExtract/Resources/SentenceModel.bin)
# Trained on UD English EWT train only; the epoch and the gate threshold are chosen on EWT dev (the trainer prints each epoch).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="${NEWSEXTRACT_SHARED:-$root/../shared}/data"
out="${1:-$root/src/NewsExtract/Resources/SentenceModel.bin}"
cd "$root"
dotnet run --project src/NewsExtract.Cli -c Release -- train sentences \
  --train "$data/ud-ewt/en_ewt-ud-train.conllu" \
  --dev "$data/ud-ewt/en_ewt-ud-dev.conllu" \
  --seed 1 --runs 5 --max-epochs 12 --bits 18 \
  --out "$out"
