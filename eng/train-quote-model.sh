#!/usr/bin/env bash
# Rebuilds the shipped speaker-attribution model, bit for bit, from ../shared/data (see docs/quotes.md).
# Usage: eng/train-quote-model.sh [OUT]   (default: src/NewsExtract/Resources/SpeakerModel.bin)
# Trained on GGT dev only: adding LitBank (fiction) or PolNeAR (broader attribution, mention-text speakers)
# lowered 5-fold cross-validated speaker accuracy on GGT dev (docs/quotes.md). The candidates come from the
# rule pass over the whole pipeline, so retrain after any change to the tokenizer, sentences, entity model
# or resolution.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="${NEWSEXTRACT_SHARED:-$root/../shared}/data"
out="${1:-$root/src/NewsExtract/Resources/SpeakerModel.bin}"
cd "$root"
dotnet run --project src/NewsExtract.Cli -c Release -- train quotes \
  --jsonl "$data/quotes/ggt/dev.jsonl" \
  --out "$out"
