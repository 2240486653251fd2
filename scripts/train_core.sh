#!/usr/bin/env bash
# Reproduce models/lv_core (Latvian spaCy pipeline: tok2vec + morphologizer + tagger +
# trainable_lemmatizer + parser) from UD Latvian LVTB v2.5 in ../shared/data/lvtb.
#
#   scripts/train_core.sh            # from the repo root; CPU, 1 thread
#
# Wall time of the shipped run: 38 min of training (stopped by hand at ~step 5800, best dev
# checkpoint = step 5500; dev scores had flattened from step 4500) on 1 CPU thread of a
# 2-core Xeon @2.5 GHz, plus ~1 min conversion and ~1 min packaging and evaluation.
# Training is time-limited, so results vary a little with machine speed.
TRAIN_SECONDS=${TRAIN_SECONDS:-2300}
source "$(dirname "$0")/lvtb_training_env.sh"

# 1. CoNLL-U -> spaCy DocBin, 10 sentences per Doc (so the parser learns sentence boundaries)
for s in train dev test; do
  if [ ! -f "$CORPUS/$s.spacy" ]; then
    "$PY" -m spacy convert "$DATA/lv_lvtb-ud-$s.v2.5.conllu" "$CORPUS" -c conllu -n 10 -t spacy
    mv "$CORPUS/lv_lvtb-ud-$s.v2.5.spacy" "$CORPUS/$s.spacy"
  fi
done

# 2. train (model-best is saved at every dev evaluation that improves the score;
#    timeout sends SIGINT, which stops training; model-best is what we ship)
rm -rf "$OUT/core"
timeout -s INT "$TRAIN_SECONDS" "$PY" -m spacy train nlp/training/core.cfg -o "$OUT/core" --gpu-id -1 || true
echo "training done after ${SECONDS}s"

# 3. package: models/lv_core (plain spaCy), meta.json with dev/test scores, licence
"$PY" nlp/training/package_model.py "$OUT/core/model-best" models/lv_core
rm -rf "$OUT/core/model-last"
echo "total wall time ${SECONDS}s"
