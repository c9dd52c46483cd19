#!/usr/bin/env bash
# Rebuilds the shipped entity model, bit for bit, from ../shared/data (see docs/model.md).
# Usage: eng/train-model.sh [OUT]   (default: src/NewsExtract/Resources/EntityModel.bin)
# CoNLL-2003 train is listed twice on purpose: news counts double against the web and tweet data
# (chosen on the dev sets, see docs/accuracy.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="${NEWSEXTRACT_SHARED:-$root/../shared}/data"
out="${1:-$root/src/NewsExtract/Resources/EntityModel.bin}"
cd "$root"
dotnet run --project src/NewsExtract.Cli -c Release -- train ner \
  --train "$data/ner/conll2003/orig/train.txt" "$data/ner/conll2003/orig/train.txt" \
          "$data/ner/uner_en_ewt/train.conll" "$data/ner/btc/train.conll" \
  --dev "$data/ner/conll2003/dev.conll" \
  --gazetteers "$data/gazetteers" \
  --unlabeled "$data/unlabeled/reuters21578.txt" "$data/unlabeled/bbc_news_2004_2005_RESEARCH_ONLY.txt" \
  --seed 1 --max-epochs 10 \
  --out "$out"
