#!/usr/bin/env bash
# Rebuilds the shipped entity models, bit for bit, from ../shared/data (see docs/model.md).
# Usage: eng/train-model.sh [default|open|all] [OUT]
#   default: src/NewsExtract/Resources/EntityModel.bin       (all suitable training sets; research-licensed)
#   open:    src/NewsExtract/Resources/EntityModel.Open.bin  (licence-clean sets, lists and text only)
#   all:     both (the default)
# Training is single-threaded and seeded; the file holds no timestamps or paths. The data mix and the
# weights (FILE@W: W times per epoch, a fraction = that share of its documents each epoch) were chosen on
# the dev sets (docs/model.md). NEWSEXTRACT_CLI overrides the command that runs the CLI (for a prebuilt one).
# NER_EXTRA_ARGS (unset for the shipped models) appends arguments to 'train ner' of the default model, for
# experiments such as eng/experiments/ner-selftrain.sh. NER_SEED (default 1) sets the default model's training seed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="${NEWSEXTRACT_SHARED:-$root/../shared}/data"
kind="${1:-all}"
cd "$root"
cli=(${NEWSEXTRACT_CLI:-dotnet run --project src/NewsExtract.Cli -c Release --})
ner="$data/ner"

# Trains to OUT.raw, then fits the confidence calibration on the same dev files and writes OUT.
calibrate() {
  local out="$1"; shift
  "${cli[@]}" train calibration --model "$out.raw" --dev "$@" --out "$out"
  rm -f "$out.raw"
}

default_dev=("$ner/conll2003/dev.conll" "$ner/uner_en_ewt/dev.conll" "$ner/btc/dev.conll" "$ner/wnut17/dev.conll" "$ner/litbank/dev.conll")
open_dev=("$ner/uner_en_ewt/dev.conll" "$ner/btc/dev.conll" "$ner/wnut17/dev.conll" "$ner/litbank/dev.conll")

train_default() {
  "${cli[@]}" train ner \
    --train "$ner/conll2003/orig/train.txt@2" \
            "$ner/uner_en_ewt/train.conll" "$ner/btc/train.conll" "$ner/wnut17/train.conll" \
            "$ner/crossner_politics/train.conll" "$ner/crossner_politics/dev.conll" \
            "$ner/crossner_science/train.conll" "$ner/crossner_science/dev.conll" \
            "$ner/crossner_literature/train.conll" "$ner/crossner_literature/dev.conll" \
            "$ner/crossner_ai/train.conll" "$ner/crossner_ai/dev.conll" \
            "$ner/crossner_music/train.conll" "$ner/crossner_music/dev.conll" \
            "$ner/litbank/train.conll" "$ner/re3d/train.conll" "$ner/nist_ieer/train.conll" \
            "$ner/wikineural_en_silver/dev.conll@0.3" "$ner/wikineural_en_silver/test.conll@0.3" \
    --dev "${default_dev[@]}" \
    --gazetteers "$data/gazetteers" --gazetteer-set default \
    --unlabeled "$data/unlabeled/reuters21578.txt" "$data/unlabeled/bbc_news_2004_2005_RESEARCH_ONLY.txt" \
                "$data/unlabeled/abc_rural_news_2006.txt" "$data/unlabeled/abc_science_news_2006.txt" \
                "$data/unlabeled/brown_press_1961.txt" \
    --seed "${NER_SEED:-1}" --max-epochs 10 \
    ${NER_EXTRA_ARGS:-} \
    --out "$1.raw"
  calibrate "$1" "${default_dev[@]}"
}

# Licence-clean: only CC BY / CC BY-SA / MIT training sets (UNER EWT, BTC, WNUT-17, CrossNER, LitBank), their
# dev sets for early stopping (no CoNLL dev), the redistributable Brown press text for clusters, and the
# gazetteer lists the manifest marks "open".
train_open() {
  "${cli[@]}" train ner \
    --train "$ner/uner_en_ewt/train.conll" "$ner/btc/train.conll" "$ner/wnut17/train.conll" \
            "$ner/crossner_politics/train.conll" "$ner/crossner_politics/dev.conll" \
            "$ner/crossner_science/train.conll" "$ner/crossner_science/dev.conll" \
            "$ner/crossner_literature/train.conll" "$ner/crossner_literature/dev.conll" \
            "$ner/crossner_ai/train.conll" "$ner/crossner_ai/dev.conll" \
            "$ner/crossner_music/train.conll" "$ner/crossner_music/dev.conll" \
            "$ner/litbank/train.conll" \
    --dev "${open_dev[@]}" \
    --gazetteers "$data/gazetteers" --gazetteer-set open \
    --unlabeled "$data/unlabeled/brown_press_1961.txt" \
    --seed 1 --max-epochs 10 \
    --out "$1.raw"
  calibrate "$1" "${open_dev[@]}"
}

case "$kind" in
  default) train_default "${2:-$root/src/NewsExtract/Resources/EntityModel.bin}" ;;
  open) train_open "${2:-$root/src/NewsExtract/Resources/EntityModel.Open.bin}" ;;
  all)
    train_default "$root/src/NewsExtract/Resources/EntityModel.bin"
    train_open "$root/src/NewsExtract/Resources/EntityModel.Open.bin" ;;
  *) echo "usage: eng/train-model.sh [default|open|all] [OUT]" >&2; exit 2 ;;
esac
