#!/usr/bin/env bash
# Reproduce models/lv_stanza (the stanza lemmatizer of the stanza backend) from UD Latvian
# LVTB v2.5 in ../shared/data/lvtb, with stanza's own trainer.
#
#   scripts/train_stanza.sh          # from the repo root; CPU, one thread; needs the [stanza] extra
#
# Trains stanza's lemmatizer (a dictionary from train plus a character seq2seq with an edit
# classifier, using UPOS). It is time-limited (TRAIN_SECONDS) and keeps the epoch with the
# best dev score. Shipped run: 20 epochs asked, ~7 min per epoch on one thread of this 2-core
# machine (the other core busy), stopped by the limit; dev lemma accuracy per epoch is in
# nlp/training/.output/stanza/lemmatizer.log.
#
# stanza's POS tagger is not trained here: without pretrained vectors (none offline) it ran at
# 15-19 s per 100-sentence batch on one thread (backward through its biaffine XPOS/UFeats
# scorers), hours before a useful model. The backend takes UPOS/FEATS from models/lv_core
# instead, or stanza's own tagger when the official models are given (LVMINE_STANZA_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
DATA=${DATA:-../shared/data/lvtb}
OUT=nlp/training/.output/stanza
TRAIN_SECONDS=${TRAIN_SECONDS:-3600}
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
mkdir -p "$OUT"
SECONDS=0
TRAIN="$DATA/lv_lvtb-ud-train.v2.5.conllu"
DEV="$DATA/lv_lvtb-ud-dev.v2.5.conllu"

timeout -s INT "$TRAIN_SECONDS" "$PY" -m stanza.models.lemmatizer --mode train --cpu \
  --shorthand lv_lvtb --train_file "$TRAIN" --eval_file "$DEV" --output_file "$OUT/dev.lemma.conllu" \
  --save_dir "$OUT" --save_name lemmatizer.pt --batch_size 100 --num_epoch 20 --decay_epoch 8 \
  --log_step 500 > "$OUT/lemmatizer.log" 2>&1 || true
echo "training done after ${SECONDS}s"

# models/lv_stanza is a stanza resources directory: resources.json (committed) lists the
# package "lvtb_lvmine" for lemma, stored where stanza looks for it.
mkdir -p models/lv_stanza/lv/lemma
cp "$OUT/lemmatizer.pt" models/lv_stanza/lv/lemma/lvtb_lvmine.pt
cp "$DATA/LICENSE.txt" models/lv_stanza/LICENSE.txt
echo "total wall time ${SECONDS}s"
