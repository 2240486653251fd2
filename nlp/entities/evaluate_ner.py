"""Evaluate a spaCy NER model on the FullStack splits (exact span match on characters).

    python -m nlp.entities.evaluate_ner models/lv_ner [--data DIR] [--split test]

``data_dir`` is either a folder with ``{split}.spacy`` DocBins (as written by
``python -m nlp.training.ner_data``) or the FullStack folder itself (with ``split.tsv``
and ``data/``), which is converted on the fly. The model sees the raw paragraph text
(its own tokenizer), and a predicted entity counts only when its character span and
label equal a gold one.
"""
from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from ..training.ner_data import SRC as FULLSTACK

CORE_LABELS = ("PER", "ORG", "LOC", "DATE")
DEFAULT_DATA = Path(__file__).resolve().parents[1] / "training" / ".corpus" / "ner"


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def _gold_docs(nlp, data_dir: Path, split: str):
    data_dir = Path(data_dir)
    if (data_dir / f"{split}.spacy").exists():
        from spacy.tokens import DocBin
        return list(DocBin().from_disk(data_dir / f"{split}.spacy").get_docs(nlp.vocab))
    if (data_dir / "split.tsv").exists():
        import spacy
        from nlp.training.ner_data import iter_docs
        return list(iter_docs(spacy.blank("lv"), split, data_dir))
    raise FileNotFoundError(f"no {split}.spacy or split.tsv in {data_dir}")


def evaluate_ner(model_dir, data_dir=DEFAULT_DATA, split: str = "test", *, nlp=None,
                 limit: int | None = None) -> dict:
    """Per-label and micro P/R/F1 of ``model_dir`` (or of the pipeline ``nlp``) on ``split``,
    or on its first ``limit`` paragraphs.

    Returns {"per_label": {label: {p, r, f, tp, fp, fn, support}}, "micro": {...},
    "micro_core": {...} (PER/ORG/LOC/DATE), "docs", "words", "seconds", "words_per_second"}.
    Labels the model does not predict and that have no gold spans are left out.
    """
    import spacy

    if nlp is None:
        nlp = spacy.load(model_dir)
    gold = _gold_docs(nlp, data_dir, split)[:limit]
    texts = [d.text for d in gold]
    t0 = time.perf_counter()
    preds = list(nlp.pipe(texts, batch_size=64))
    secs = time.perf_counter() - t0
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, preds):
        gs = {(e.start_char, e.end_char, e.label_) for e in g.ents}
        ps = {(e.start_char, e.end_char, e.label_) for e in p.ents}
        for s in gs & ps:
            tp[s[2]] += 1
        for s in ps - gs:
            fp[s[2]] += 1
        for s in gs - ps:
            fn[s[2]] += 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    per = {lab: _prf(tp[lab], fp[lab], fn[lab]) for lab in labels}

    def micro(labs):
        return _prf(sum(tp[x] for x in labs), sum(fp[x] for x in labs), sum(fn[x] for x in labs))

    words = sum(len(p) for p in preds)
    return {
        "split": split,
        "per_label": per,
        "micro": micro(labels),
        "micro_core": micro(CORE_LABELS),
        "docs": len(gold),
        "words": words,
        "seconds": secs,
        "words_per_second": words / secs if secs else 0.0,
    }


def format_table(res: dict) -> str:
    rows = [f"{'label':<12}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]
    items = list(res["per_label"].items()) + [("micro(core)", res["micro_core"]), ("micro(all)", res["micro"])]
    for lab, s in items:
        rows.append(f"{lab:<12}{100 * s['p']:7.1f}{100 * s['r']:7.1f}{100 * s['f']:7.1f}{s['support']:7d}")
    rows.append(f"{res['split']}: {res['docs']} paragraphs, {res['words']} tokens, "
                f"{res['words_per_second']:.0f} tokens/s")
    return "\n".join(rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Evaluate a spaCy NER model on FullStack.")
    ap.add_argument("model_dir")
    ap.add_argument("--data", default=str(DEFAULT_DATA if DEFAULT_DATA.exists() else FULLSTACK))
    ap.add_argument("--split", default="test", choices=("train", "dev", "test"))
    args = ap.parse_args(argv)
    print(format_table(evaluate_ner(args.model_dir, args.data, args.split)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
