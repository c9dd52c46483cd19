#!/usr/bin/env bash
# Chooses the sentence gate's high threshold of the shipped model on EWT dev and rewrites the model with it,
# keeping its full model, gate weights and gate threshold bit for bit (see docs/sentence-model.md).
# Idempotent: run on the shipped file it rewrites the same bytes.
# Usage: eng/choose-sentence-gate-high.sh [MODEL]   (default: src/NewsExtract/Resources/SentenceModel.bin, rewritten in place)
# eng/train-sentence-model.sh (the full retrain, which rebuilds the shipped file bit for bit) chooses the high threshold too;
# this script chooses only the high threshold of an existing model (docs/sentence-model.md, "Rebuilding the shipped model").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="${NEWSEXTRACT_SHARED:-$root/../shared}/data"
model="${1:-$root/src/NewsExtract/Resources/SentenceModel.bin}"
cd "$root"
dotnet run --project src/NewsExtract.Cli -c Release -- train sentences \
  --dev "$data/ud-ewt/en_ewt-ud-dev.conllu" \
  --base-model "$model" --gate-agreement 0.999 \
  --out "$model"
