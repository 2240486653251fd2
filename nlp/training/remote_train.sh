#!/usr/bin/env bash
# Runs on the GPU machine (device `run` tool): parallel training variants on one GPU.
# Usage: bash nlp/training/remote_train.sh SECONDS "name|cfg|extra args" ...
cd "$(dirname "$0")/../.."
T=$1; shift
tar xJf nlp/training/.wheels/site.tar.xz -C /tmp && export PYTHONPATH=/tmp/site
export PYTHONUNBUFFERED=1
python3 -c "import spacy, cupy; spacy.require_gpu(); from thinc.api import get_current_ops; print(spacy.__version__, cupy.__version__, get_current_ops())" || exit 3
nvidia-smi -L
pids=()
for spec in "$@"; do
  IFS='|' read -r name cfg extra <<< "$spec"
  OMP_NUM_THREADS=3 timeout -s INT "$T" python3 -m spacy train "$cfg" --gpu-id 0 -o /tmp/out/$name $extra > /tmp/$name.log 2>&1 &
  pids+=($!)
done
wait "${pids[@]}"
for spec in "$@"; do n=${spec%%|*}; echo "=== $n: $spec"; grep -v "^\s*$" /tmp/$n.log | tail -25; done > $OUT/logs.txt 2>&1
python3 - <<'PY' > $OUT/best.txt
import json, glob, os
best = None
for m in glob.glob('/tmp/out/*/model-best/meta.json'):
    try:
        meta = json.load(open(m)); p = meta['performance']
    except Exception as e:
        print('bad', m, e); continue
    s = 0.2*p['pos_acc']+0.1*p['morph_acc']+0.1*p['tag_acc']+0.3*p['lemma_acc']+0.3*p['dep_las']
    print(m, round(s,4), {k: round(v,4) for k,v in p.items() if k in ('pos_acc','morph_acc','tag_acc','lemma_acc','dep_las','dep_uas','sents_f')})
    if best is None or s > best[0]: best = (s, os.path.dirname(m))
print('BEST', best[1])
PY
cat $OUT/best.txt
best=$(grep ^BEST $OUT/best.txt | cut -d' ' -f2)
tar czf /tmp/best.tgz -C "$best" . && split -b 15M /tmp/best.tgz $OUT/best.tgz.
ls -la $OUT
