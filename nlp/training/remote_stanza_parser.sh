#!/usr/bin/env bash
# Runs on the GPU machine (device `run` tool): stanza parser variants trained side by side
# on one GPU on LVTB with predicted tags, the variant with the best dev LAS (stanza's scorer,
# predicted tags) coming back in parts under the tool's 16 MiB file limit:
#   cat $OUT/depparse.pt.part-* > models/lv_stanza/lv/depparse/lvtb_lvmine.pt
# Usage: bash nlp/training/remote_stanza_parser.sh SECONDS "name|continue (0/1)|stanza args" ...
# Before the call, here (both folders listed in .git/info/exclude, named in the call's carry):
#   python -m nlp.training.parser_tags && mkdir -p .gpudata && for f in nlp/training/.corpus/lvtb-*.predicted.conllu;
#     do gzip -c $f > .gpudata/$(basename $f).gz; done
#   pip download --no-deps --only-binary=:all: --python-version 3.12 --implementation cp
#     --platform manylinux2014_x86_64 -d .whl stanza==1.15.0 emoji udtools udapi termcolor platformdirs orjson
#   (the image has torch and stanza's other needs; these seven it lacks, session 14). The
#   working tree must stay under 64 MiB: move models/lv_core and models/lv_ner out and
#   `git rm -r --cached` them for the call, then put them back and `git reset` them.
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
