"""Train a BiLSTM of `lv_crf_tagger` (nlp.morphology.bilstm) on LVTB v2.5 train, choosing the
epoch on dev, and write models/lv_tagger/bilstm_seed{SEED}.npz and its .json. The trained
backends average two runs:

    python scripts/train_bilstm_tagger.py --seed 1
    python scripts/train_bilstm_tagger.py --seed 2      [--data ../shared/data/lvtb] [--out FILE.npz]

Needs PyTorch (pip install -e '.[stanza]', after torch==2.13.0) and models/lv_tagger's CRF and
models/lv_lexicon (the ambiguity classes). About 15 minutes a run on one CPU thread (15 epochs).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from nlp.morphology.bilstm import MODEL_DIR, train
from nlp.training.evaluate_model import read_conllu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/lvtb"))
    parser.add_argument("--out", type=Path, help="default: models/lv_tagger/bilstm_seed{SEED}.npz")
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    out = args.out or MODEL_DIR / f"bilstm_seed{args.seed}.npz"
    start = time.perf_counter()
    best = train(list(read_conllu(args.data / "lv_lvtb-ud-train.v2.5.conllu")),
                 list(read_conllu(args.data / "lv_lvtb-ud-dev.v2.5.conllu")), out,
                 epochs=args.epochs, hidden=args.hidden, seed=args.seed)
    print(f"trained in {time.perf_counter() - start:.0f} s -> {out} (dev UPOS {best:.2f}, gold tokens, BiLSTM alone)")


if __name__ == "__main__":
    main()
