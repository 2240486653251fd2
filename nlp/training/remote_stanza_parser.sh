#!/usr/bin/env bash
# Runs on the GPU machine (device `run` tool): stanza parser variants trained side by side
# on one GPU on LVTB with predicted tags (nlp/training/parser_tags.py, gzipped in .gpudata/);
# stanza and emoji go over as wheels in .whl/ (the image has torch). The variant with the
# best dev LAS (stanza's scorer, predicted tags) comes back in parts under the tool's
# 16 MiB file limit: cat $OUT/depparse.pt.part-* > models/lv_stanza/lv/depparse/lvtb_lvmine.pt
# Usage: bash nlp/training/remote_stanza_parser.sh SECONDS "name|continue (0/1)|stanza args" ...
cd "$(dirname "$0")/../.."
T=$1; shift
export PYTHONUNBUFFERED=1 PY=${PY:-python3} OMP_NUM_THREADS=4
if [ -d .whl ]; then
  "$PY" -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --target /tmp/site .whl/*.whl \
    && export PYTHONPATH=/tmp/site || exit 3
fi
data=/tmp/parser-data && mkdir -p $data /tmp/parser-out
for f in .gpudata/*.conllu.gz; do gunzip -c "$f" > "$data/$(basename "${f%.gz}")"; done
nvidia-smi -L 2>/dev/null
device=$("$PY" -c "import torch; print('cuda' if torch.cuda.is_available() else 'cpu')")
for spec in "$@"; do
  IFS='|' read -r name continued extra <<< "$spec"
  DEVICE=$device TRAIN=$data/lvtb-train.predicted.conllu DEV=$data/lvtb-dev.predicted.conllu \
    OUT_DIR=/tmp/parser-out/$name MODELS_DIR=/tmp/parser-out/$name/models TRAIN_SECONDS=$T \
    CONTINUE=$([ "$continued" = 1 ] && echo models/lv_stanza/lv/depparse/lvtb_lvmine.pt) PARSER_ARGS="$extra" \
    bash scripts/train_stanza.sh depparse > /tmp/parser-out/$name.out 2>&1 &
done
wait
"$PY" - "$@" <<'PYTHON' | tee "${OUT:-/tmp/parser-out}/scores.txt"
import re, shutil, subprocess, sys
best = None
for spec in sys.argv[1:]:
    name = spec.split("|")[0]
    log = open(f"/tmp/parser-out/{name}/depparse.log", encoding="utf8").read()
    scores = [float(s) for s in re.findall(r"dev_score = ([\d.]+)", log)]
    steps = re.findall(r"step (\d+): train_loss", log)
    print(name, spec, "evaluations:", len(scores), "last step:", steps[-1] if steps else None,
          "dev LAS:", " ".join(f"{100 * s:.2f}" for s in scores))
    if "Switching" in log:
        print("  ", re.findall(r"Reloaded model with dev score [\d.]+", log))
    if scores and (best is None or max(scores) > best[0]):
        best = (max(scores), name)
    if not scores:
        print(log[-3000:])
print("BEST", best)
if best:
    shutil.copy(f"/tmp/parser-out/{best[1]}/models/lv/depparse/lvtb_lvmine.pt", "/tmp/parser-out/best.pt")
PYTHON
[ -f /tmp/parser-out/best.pt ] && split -b 15M /tmp/parser-out/best.pt "${OUT:-/tmp/parser-out}/depparse.pt.part-"
ls -la "${OUT:-/tmp/parser-out}"
