"""Train models/lv_tagger (the CRF tagger of part of speech and case, nlp.morphology.crf_tagger)
on LVTB v2.5 train and print its UPOS and Case accuracy on dev and test (gold tokens, the CRF
alone).

    python scripts/train_tagger.py [--data ../shared/data/lvtb] [--out models/lv_tagger/tagger.crfsuite]

Needs models/lv_lexicon (its treebank forms and hunspell-lv). About 10 minutes on one CPU thread.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from nlp.morphology.crf_tagger import DEFAULT_PATH, CrfTagger, case_of, train
from nlp.training.evaluate_model import read_conllu


def accuracy(tagger: CrfTagger, sentences: list[list[dict]]) -> tuple[float, float]:
    """UPOS and Case accuracy (a token with no case is right when the CRF gives it none too)."""
    upos_correct = case_correct = total = 0
    for sentence in sentences:
        for (upos, case), token in zip(tagger.tag_words([t["form"] for t in sentence]), sentence):
            upos_correct += upos == token["upos"]
            case_correct += case == case_of(token["feats"])
        total += len(sentence)
    return 100 * upos_correct / total, 100 * case_correct / total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/lvtb"))
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args()
    start = time.perf_counter()
    train(list(read_conllu(args.data / "lv_lvtb-ud-train.v2.5.conllu")), args.out)
    print(f"trained in {time.perf_counter() - start:.0f} s -> {args.out}")
    tagger = CrfTagger(args.out)
    for split in ("dev", "test"):
        sentences = list(read_conllu(args.data / f"lv_lvtb-ud-{split}.v2.5.conllu"))
        upos, case = accuracy(tagger, sentences)
        print(f"{split}: UPOS {upos:.2f}, Case {case:.2f} (gold tokens, CRF alone)")


if __name__ == "__main__":
    main()
