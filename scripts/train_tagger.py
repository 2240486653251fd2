"""Train models/lv_tagger (the CRF part-of-speech tagger, nlp.morphology.crf_tagger) on
LVTB v2.5 train and print its UPOS accuracy on dev and test (gold tokens, the CRF alone).

    python scripts/train_tagger.py [--data ../shared/data/lvtb] [--out models/lv_tagger/tagger.crfsuite]

Needs models/lv_lexicon (its treebank forms and hunspell-lv). About 3 minutes on one CPU thread.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from nlp.morphology.crf_tagger import DEFAULT_PATH, CrfTagger, train
from nlp.training.evaluate_model import read_conllu


def accuracy(tagger: CrfTagger, sentences: list[list[dict]]) -> float:
    correct = total = 0
    for sentence in sentences:
        words = [t["form"] for t in sentence]
        tags = tagger.tag_words(words)
        correct += sum(tag == t["upos"] for tag, t in zip(tags, sentence))
        total += len(sentence)
    return 100 * correct / total


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
        print(f"{split}: UPOS {accuracy(tagger, sentences):.2f} (gold tokens, CRF alone)")


if __name__ == "__main__":
    main()
