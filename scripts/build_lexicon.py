"""Build models/lv_lexicon from the LVTB treebank and hunspell-lv, and report its accuracy.

    apt-get install hunspell-lv     # the dictionary: /usr/share/hunspell/lv_LV.{aff,dic}
    python scripts/build_lexicon.py --data ../shared/data/lvtb [--hunspell /usr/share/hunspell]

Trains on the v2.5 train split only: the form and suffix tables, and which lemma edit
each hunspell derivation implies (nlp.morphology.hunspell.learn_edits). Copies the
dictionary (LGPL-2.1+) into models/lv_lexicon/hunspell with its copyright. Prints lemma /
UPOS accuracy on the dev and test splits (gold tokens), overall and for unseen forms.
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from nlp.morphology.hunspell import HunspellLv, learn_edits
from nlp.morphology.lexicon import DEFAULT_PATH, HUNSPELL_DIR, MorphLexicon, read_conllu_words

HUNSPELL_FILES = ("lv_LV.aff", "lv_LV.dic")
HUNSPELL_COPYRIGHT = Path("/usr/share/doc/hunspell-lv/copyright")
LGPL = Path("/usr/share/common-licenses/LGPL-2.1")


def score(lexicon: MorphLexicon, path: Path) -> dict[str, float]:
    total = lemma_ok = upos_ok = unseen = unseen_ok = noun = noun_ok = 0
    for form, lemma, upos, *_ in read_conllu_words(path):
        if upos == "PUNCT":
            continue
        guess = lexicon.best(form)
        good = guess.lemma.lower() == lemma.lower()
        total += 1
        lemma_ok += good
        upos_ok += guess.upos == upos
        if upos == "NOUN":
            noun += 1
            noun_ok += good
        if not lexicon.known(form):
            unseen += 1
            unseen_ok += good
    return {
        "words": total,
        "lemma_acc": 100 * lemma_ok / total,
        "upos_acc": 100 * upos_ok / total,
        "noun_lemma_acc": 100 * noun_ok / noun,
        "unseen_share": 100 * unseen / total,
        "unseen_lemma_acc": 100 * unseen_ok / max(unseen, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/lvtb"))
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--hunspell", type=Path, default=Path("/usr/share/hunspell"),
                        help="Folder with hunspell-lv's lv_LV.aff and lv_LV.dic.")
    args = parser.parse_args()
    missing = [str(args.hunspell / name) for name in HUNSPELL_FILES if not (args.hunspell / name).exists()]
    if missing:
        raise SystemExit(f"build_lexicon: {', '.join(missing)} not found; install hunspell-lv "
                         "(apt-get install hunspell-lv) or point --hunspell at a folder with lv_LV.aff and lv_LV.dic")
    train = list(read_conllu_words(args.data / "lv_lvtb-ud-train.v2.5.conllu"))
    lexicon = MorphLexicon.train(train)
    hunspell_dir = args.out.parent / HUNSPELL_DIR
    hunspell_dir.mkdir(parents=True, exist_ok=True)
    for name in HUNSPELL_FILES:
        shutil.copy(args.hunspell / name, hunspell_dir / name)
    for licence in (HUNSPELL_COPYRIGHT, LGPL):
        if licence.exists():
            shutil.copy(licence, hunspell_dir / licence.name)
    lexicon.hunspell_edits = learn_edits(HunspellLv(*(hunspell_dir / name for name in HUNSPELL_FILES)), train)
    lexicon.hunspell_dir = hunspell_dir
    lexicon.to_disk(args.out)
    shutil.copy(args.data / "LICENSE.txt", args.out.parent / "LICENSE.txt")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {len(lexicon.forms)} forms)")
    for split in ("dev", "test"):
        scores = score(lexicon, args.data / f"lv_lvtb-ud-{split}.v2.5.conllu")
        print(split, "  ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in scores.items()))


if __name__ == "__main__":
    main()
