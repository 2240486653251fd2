# Sourced by the LVTB training scripts (train_core.sh, train_parser.sh) after they set their own
# TRAIN_SECONDS default: strict shell, the repo root, the interpreter, the treebank and the
# ignored corpus/output folders, one BLAS/OpenMP thread (the shipped runs' setting), a clock.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PY:-.venv/bin/python}
DATA=${DATA:-../shared/data/lvtb}
CORPUS=nlp/training/.corpus
OUT=nlp/training/.output
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1} MKL_NUM_THREADS=${MKL_NUM_THREADS:-1} OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-1}
mkdir -p "$CORPUS" "$OUT"
SECONDS=0
