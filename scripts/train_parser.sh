#!/usr/bin/env bash
# Reproduce models/lv_parser: the core backend's dependency parser, which reads the tags that
# lvmine's taggers set (UPOS, XPOS, FEATS) besides the words, trained on LVTB v2.5 train with
# such tags (dev's mistakes written in: nlp/training/parser_tags.py) and tuned on dev with the
# tags the pipeline really gives.
#
#   scripts/train_parser.sh          # from the repo root; CPU, 1 thread; needs models/lv_core
#                                    # and models/lv_tagger (they tag the data)
#
# Wall time of the shipped run: ~1 min tagging, 27 min of training (best dev LAS at step 3,750;
# models/lv_parser/README.md), ~1 min packaging.
TRAIN_SECONDS=${TRAIN_SECONDS:-1800}
source "$(dirname "$0")/lvtb_training_env.sh"

# 1. LVTB train and dev with the run-time tags, as CoNLL-U and then DocBins of 10 sentences
"$PY" -m nlp.training.parser_tags --data "$DATA" --out "$CORPUS"
for s in train dev; do
  "$PY" -m spacy convert "$CORPUS/lvtb-$s.predicted.conllu" "$CORPUS" -c conllu -n 10 -t spacy
done

# 2. train (SIGINT at the time limit stops it; model-best is the best dev LAS)
rm -rf "$OUT/parser"
timeout -s INT "$TRAIN_SECONDS" "$PY" -m spacy train nlp/training/parser.cfg -o "$OUT/parser" --gpu-id -1 \
  --code nlp/training/tagged_corpus.py || true
echo "training done after ${SECONDS}s"

# 3. package: models/lv_parser (plain spaCy), meta.json, licence
"$PY" nlp/training/package_model.py "$OUT/parser/model-best" models/lv_parser --no-eval
echo "total wall time ${SECONDS}s"
