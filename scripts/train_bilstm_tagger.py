"""Train the BiLSTM half of `lv_crf_tagger` (nlp.morphology.bilstm) on LVTB v2.5 train,
choosing the epoch on dev, and write models/lv_tagger/bilstm.npz and bilstm.json.

    python scripts/train_bilstm_tagger.py [--data ../shared/data/lvtb] [--out models/lv_tagger/bilstm.npz]

Needs PyTorch (pip install -e '.[stanza]', after torch==2.13.0) and models/lv_tagger's CRF and
models/lv_lexicon (the ambiguity classes). About 14 minutes on one CPU thread (15 epochs).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from nlp.morphology.bilstm import DEFAULT_PATH, train
from nlp.training.evaluate_model import read_conllu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/lvtb"))
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    best = train(list(read_conllu(args.data / "lv_lvtb-ud-train.v2.5.conllu")),
                 list(read_conllu(args.data / "lv_lvtb-ud-dev.v2.5.conllu")), args.out,
                 epochs=args.epochs, hidden=args.hidden, seed=args.seed)
    print(f"trained in {time.perf_counter() - start:.0f} s -> {args.out} (dev UPOS {best:.2f}, gold tokens, BiLSTM alone)")


if __name__ == "__main__":
    main()
