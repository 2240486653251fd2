"""Turn a training checkpoint (spacy train's model-best) into the shipped models/lv_core (or
models/lv_parser: DEST's name picks the description).

* copies the pipeline directory,
* strips training-only settings from config.cfg (the after_init callback from
  callbacks.py, source paths), so plain ``spacy.load`` needs no custom code,
* fills meta.json (name, version, licence, sources, scores on dev and test measured by
  evaluate_model.evaluate_core with gold tokens and from raw text),
* copies the treebank's LICENSE.txt beside the model.

Usage: python nlp/training/package_model.py CHECKPOINT_DIR [DEST=models/lv_core] [--no-eval]
(lv_parser is scored through the core backend, `lvmine evaluate-model`: use --no-eval)
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data" / "lvtb"
DESCRIPTIONS = {
    "lv_core": "Latvian pipeline (CNN tok2vec, morphologizer UPOS+FEATS, tagger XPOS, edit-tree "
               "lemmatizer, dependency parser with sentence boundaries) trained on UD Latvian "
               "LVTB v2.5. Part of lvmine.",
    "lv_parser": "Latvian dependency parser (CNN tok2vec over the words and the UPOS, XPOS and FEATS "
                 "that lvmine's taggers set, transition-based parser) trained on UD Latvian LVTB v2.5 "
                 "with such predicted tags. Part of lvmine: its core backend runs it after the taggers.",
}


def clean_config(path: Path) -> None:
    from confection import Config

    cfg = Config().from_disk(path, interpolate=False)
    cfg["initialize"]["after_init"] = None
    cfg["paths"].pop("init_model", None)
    for name, comp in cfg["components"].items():
        comp.pop("source", None)
    cfg.to_disk(path)


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    evaluate = "--no-eval" not in argv
    argv = [a for a in argv if a != "--no-eval"]
    src = Path(argv[0])
    dst = Path(argv[1]) if len(argv) > 1 else REPO / "models" / "lv_core"
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    clean_config(dst / "config.cfg")
    shutil.copy(DATA / "LICENSE.txt", dst / "LICENSE.txt")

    meta_path = dst / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(
        name=dst.name.removeprefix("lv_"),
        version="0.1.0",
        description=DESCRIPTIONS[dst.name],
        author="lvmine",
        license="CC BY-SA 4.0",
        sources=[
            {
                "name": "UD Latvian LVTB v2.5",
                "url": "https://github.com/UniversalDependencies/UD_Latvian-LVTB",
                "license": "CC BY-SA 4.0",
                "author": "University of Latvia AI Lab (Institute of Mathematics and "
                "Computer Science, University of Latvia)",
            }
        ],
    )
    # keep only the headline numbers spaCy recorded on dev during training
    perf = meta.get("performance", {})
    meta["performance"] = {k: v for k, v in perf.items() if not isinstance(v, dict)
                           and not k.endswith("_loss")}
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False))

    if evaluate:
        from nlp.training.evaluate_model import evaluate_core

        scores = {}
        for split in ("dev", "test"):
            res = evaluate_core(dst, DATA / f"lv_lvtb-ud-{split}.v2.5.conllu")
            scores[split] = {"gold_tokens": res["gold_tokens"], "raw_text": res["raw_text"]}
            scores["load_seconds"] = res["load_seconds"]
            print(split, json.dumps(scores[split]))
        meta["lvmine_scores"] = scores
        meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
