"""Package a trained NER pipeline as models/lv_ner (meta.json with scores, licence, README).

    python -m nlp.entities.package_ner nlp/training/.output/ner/model-best models/lv_ner \
        [--train-log nlp/training/.output/ner/train.log] [--wall-s SECONDS]

Evaluates the model on dev and test (nlp.entities.evaluate_ner), writes them into
meta.json ("performance" = test scores, "scores_dev"/"scores_test" per label), copies the
FullStack licence and writes README.md. The result loads with plain ``spacy.load``.
"""
from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

from .evaluate_ner import DEFAULT_DATA, FULLSTACK, evaluate_ner

LICENCE = FULLSTACK / "LICENCE.txt"
SOURCE = "FullStack named entities (University of Latvia AI Lab, github.com/LUMII-AILab/FullStack), CC BY-SA 4.0"
COMMAND = "scripts/train_ner.sh   # = python -m nlp.training.ner_data && spacy train nlp/training/ner.cfg ... && package + evaluate"


def _dir_size(p: Path) -> int:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())


def _rows(res: dict) -> list[str]:
    out = []
    items = list(res["per_label"].items()) + [("**micro PER/ORG/LOC/DATE**", res["micro_core"]),
                                              ("micro (all labels)", res["micro"])]
    for lab, s in items:
        out.append(f"| {lab} | {100*s['p']:.1f} | {100*s['r']:.1f} | {100*s['f']:.1f} | {s['support']} |")
    return out


def _compact(res: dict) -> dict:
    r = lambda x: round(x, 4)  # noqa: E731
    return {
        "per_label": {k: {"p": r(v["p"]), "r": r(v["r"]), "f": r(v["f"]), "support": v["support"]}
                      for k, v in res["per_label"].items()},
        "micro": {k: r(res["micro"][k]) for k in ("p", "r", "f")},
        "micro_core": {k: r(res["micro_core"][k]) for k in ("p", "r", "f")},
        "words_per_second": round(res["words_per_second"]),
    }


def disable_labels(nlp, labels) -> list[str]:
    """Stop the ``ner`` component from ever predicting ``labels``, in plain spaCy terms.

    The transition model's output bias for the B-/U- moves of those labels is set to
    -10000, so they are never chosen (I-/L- moves then never become valid). The model
    stays a standard spaCy pipeline; the labels remain listed but are not predicted.
    """
    labels = set(labels)
    if not labels:
        return []
    ner = nlp.get_pipe("ner")
    upper = ner.model.get_ref("upper")
    b = upper.get_param("b").copy()
    done = []
    for i in range(ner.moves.n_moves):
        name = ner.moves.get_class_name(i)
        move, _, label = name.partition("-")
        if label in labels and move in ("B", "U"):
            b[i] = -10000.0
            done.append(name)
    upper.set_param("b", b)
    return sorted({n.partition("-")[2] for n in done})


def package(src: Path, dst: Path, train_log: Path | None = None, wall_s: float | None = None,
            data=DEFAULT_DATA, disable=()) -> dict:
    import spacy

    src, dst = Path(src), Path(dst)
    if wall_s is None and train_log and Path(train_log).exists():
        m = re.search(r"train_wall_s=(\d+)", Path(train_log).read_text(errors="replace"))
        wall_s = float(m.group(1)) if m else None
    steps = best_step = None
    if train_log and Path(train_log).exists():
        rows = re.findall(r"^\s*\d+\s+(\d+)\s+[\d.]+\s+[\d.]+\s+([\d.]+)\s", Path(train_log).read_text(errors="replace"), re.M)
        if rows:
            steps = int(rows[-1][0])
            best_step = int(max(rows, key=lambda r: float(r[1]))[0])
    nlp = spacy.load(src)
    disabled = disable_labels(nlp, disable)
    dev = evaluate_ner(None, data, "dev", nlp=nlp)
    test = evaluate_ner(None, data, "test", nlp=nlp)
    nlp.meta.update({
        "name": "ner",
        "version": "0.1.0",
        "description": "Latvian NER (PER, ORG, LOC, DATE, MONEY, EVENT, PRODUCT): CNN tok2vec + "
                       "transition-based NER, CPU. LOC = FullStack GPE + location; DATE = FullStack time. "
                       "Trained on the FullStack train split, tuned on dev.",
        "author": "lvmine",
        "license": "CC BY-SA 4.0",
        "sources": [{"name": "FullStack named entities", "author": "University of Latvia AI Lab (LUMII AILab)",
                     "url": "https://github.com/LUMII-AILab/FullStack", "license": "CC BY-SA 4.0"}],
        "performance": {"ents_p": round(test["micro"]["p"], 4), "ents_r": round(test["micro"]["r"], 4),
                        "ents_f": round(test["micro"]["f"], 4),
                        "ents_f_core": round(test["micro_core"]["f"], 4),
                        "ents_per_type": {k: {"p": round(v["p"], 4), "r": round(v["r"], 4), "f": round(v["f"], 4)}
                                          for k, v in test["per_label"].items()}},
        "scores_dev": _compact(dev),
        "scores_test": _compact(test),
        "disabled_labels": disabled,
        "weak_labels_dev_f_below_0.5": [k for k, v in dev["per_label"].items() if v["f"] < 0.5 and k not in disabled],
        "training": {"command": "scripts/train_ner.sh", "config": "nlp/training/ner.cfg",
                     "wall_seconds": wall_s, "steps": steps, "best_step": best_step, "threads": 1},
    })
    if dst.exists():
        shutil.rmtree(dst)
    nlp.to_disk(dst)
    shutil.copy(LICENCE, dst / "LICENCE.txt")
    size = _dir_size(dst)
    weak = [k for k, v in dev["per_label"].items() if v["f"] < 0.5 and k not in disabled]
    wall = f"{wall_s/60:.0f} min" if wall_s else "n/a"
    readme = [
        "# lv_ner — Latvian named-entity recogniser (spaCy)",
        "",
        "`spacy.load(\"models/lv_ner\")` — no custom code. Pipeline: tok2vec (CNN, hash embeddings of",
        "NORM/PREFIX/SUFFIX/SHAPE, width 128, depth 4; initialised from models/lv_core's tok2vec, which was",
        "trained on LVTB tags, lemmas and parse, then fine-tuned) + transition-based `ner`; default spaCy `lv`",
        "tokenizer.",
        "",
        "Labels: PER (person), ORG (organization), LOC (FullStack GPE + location), DATE (FullStack time: dates,",
        "periods and other time expressions), MONEY, EVENT, PRODUCT. FullStack `entity` is not used; outer",
        "entities only. Normalise DATE spans with `nlp.entities.dates.normalize_date`.",
        *([f"**Weak labels (dev F1 < 50): {', '.join(weak)}** — predicted, but not reliable; callers should "
           "ignore them (dropping them from the output does not change the PER/ORG/LOC/DATE scores; switching "
           "them off in the model with `--disable` lowered those scores slightly on dev)."] if weak else []),
        *([f"Disabled (trained, but scored too low on dev to be useful; never predicted): {', '.join(disabled)}.",
           "They are switched off by a large negative output bias on their B-/U- moves (plain spaCy weights)."]
          if disabled else []),
        "",
        f"Data: {SOURCE}. This model is derived from it and is licensed **CC BY-SA 4.0** (see LICENCE.txt).",
        "",
        "Scores: exact character-span match, model run on raw paragraph text (`python -m nlp.entities.evaluate_ner`).",
        "",
        f"## Test ({test['docs']} paragraphs)",
        "", "| label | P | R | F1 | gold |", "|---|---|---|---|---|", *_rows(test), "",
        f"## Dev ({dev['docs']} paragraphs)",
        "", "| label | P | R | F1 | gold |", "|---|---|---|---|---|", *_rows(dev), "",
        "## Training",
        "",
        "```",
        "scripts/train_ner.sh          # convert -> train -> package -> evaluate (one CPU thread; needs models/lv_core)",
        "# step by step:",
        "python -m nlp.training.ner_data                    # -> nlp/training/.corpus/ner/{train,dev,test}.spacy",
        "OMP_NUM_THREADS=1 python -m spacy train nlp/training/ner.cfg -o nlp/training/.output/ner",
        "python -m nlp.entities.package_ner nlp/training/.output/ner/model-best models/lv_ner",
        "python -m nlp.entities.evaluate_ner models/lv_ner --split test",
        "```",
        "",
        f"Training wall time: {wall} on 1 CPU thread (2-core machine shared with other jobs)"
        + (f", {steps} steps; shipped = model-best (best dev ents_f, step {best_step})." if steps else "."),
        f"Speed (1 thread, shared CPU): ~{test['words_per_second']:.0f} tokens/s. Size on disk: {size/1e6:.1f} MB.",
        "",
    ]
    (dst / "README.md").write_text("\n".join(readme), encoding="utf-8")
    return {"dev": dev, "test": test, "size": size}


def main(argv=None) -> int:
    from .evaluate_ner import format_table

    ap = argparse.ArgumentParser(description="Package the NER model.")
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--train-log")
    ap.add_argument("--wall-s", type=float)
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--disable", default="", help="comma-separated labels never to predict, e.g. EVENT,PRODUCT")
    a = ap.parse_args(argv)
    res = package(Path(a.src), Path(a.dst), a.train_log, a.wall_s, a.data,
                  [x for x in a.disable.split(",") if x])
    print(format_table(res["dev"]))
    print(format_table(res["test"]))
    print(f"size: {res['size']/1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
