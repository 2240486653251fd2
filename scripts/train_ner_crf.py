"""Train models/lv_ner/crf.crfsuite (the CRF that judges and completes the NER's entities,
nlp.annotate.ner_crf) on FullStack train, its gold tokens analysed by lvmine's tagger and
lexicon.

    python scripts/train_ner_crf.py [--data ../shared/data/fullstack-ner] [--out models/lv_ner/crf.crfsuite]

About 3 minutes on one CPU thread. Then `lvmine evaluate-ner --data ../shared/data/fullstack-ner
--pipeline --split dev` scores what `nlp.load()` tags with it.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc

from nlp.annotate.ner_crf import DEFAULT_PATH, train
from nlp.pipeline import load
from nlp.training.ner_data import SRC, iter_docs


def analysed_docs(src: Path):
    """FullStack train's gold Docs (tokens, sentences, entities) with lvmine's tags and lemmas."""
    nlp = load(ner=False)
    taggers = [nlp.get_pipe(name) for name in ("lv_crf_tagger", "lv_lexicon_morph")]
    for gold in iter_docs(spacy.blank("lv"), "train", src):
        doc = Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold],
                  sent_starts=[t.is_sent_start for t in gold],
                  ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in gold])
        for tagger in taggers:
            doc = tagger(doc)
        yield doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=SRC)
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args()
    start = time.perf_counter()
    train(analysed_docs(args.data), args.out)
    print(f"trained in {time.perf_counter() - start:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
