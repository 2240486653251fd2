"""Convert the FullStack named-entity corpus to spaCy DocBin files.

Usage:
    python -m nlp.training.ner_data [--src DIR] [--out DIR] [--labels ORG,LOC,...]

One file in ``<src>/data`` is one paragraph; it becomes one Doc (sentence starts
kept). Only OUTER entities (column 7) are used. FullStack types are mapped:

    person -> PER, organization -> ORG, GPE/location -> LOC, time -> DATE,
    money -> MONEY, event -> EVENT, product -> PRODUCT, entity -> (dropped = O; ``--missing entity`` marks
    them unannotated in train instead: tried with dropout 0.3, dev F1 66.5 vs 68.4, not used)

``split.tsv`` decides train/dev/test; the output is ``<out>/{train,dev,test}.spacy``.
Data: FullStack (University of Latvia AI Lab), CC BY-SA 4.0.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[3] / "shared" / "data" / "fullstack-ner"  # ../shared beside the repo
OUT = Path(__file__).resolve().parent / ".corpus" / "ner"

LABEL_MAP = {
    "person": "PER",
    "organization": "ORG",
    "GPE": "LOC",
    "location": "LOC",
    "time": "DATE",
    "money": "MONEY",
    "event": "EVENT",
    "product": "PRODUCT",
}
DEFAULT_LABELS = ("PER", "ORG", "LOC", "DATE", "MONEY", "EVENT", "PRODUCT")


def read_paragraph(path: Path) -> list[dict]:
    """Return sentences: {"text": str, "tokens": [(form, bio)]}."""
    sents: list[dict] = []
    cur: dict | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            cur = {"text": line[len("# text = "):], "tokens": []}
            sents.append(cur)
        elif line.startswith("#") or not line.strip():
            continue
        else:
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue  # multiword / empty nodes
            if cur is None:
                cur = {"text": None, "tokens": []}
                sents.append(cur)
            cur["tokens"].append((cols[1], cols[6] if len(cols) > 6 else "O"))
    return sents


def _spaces(text: str | None, forms: list[str]) -> list[bool]:
    """Recover trailing whitespace of each token from the sentence text."""
    if not text:
        return [True] * len(forms)
    out, pos = [], 0
    for form in forms:
        i = text.find(form, pos)
        if i < 0:  # form not found verbatim: assume a space
            out.append(True)
            continue
        pos = i + len(form)
        out.append(pos < len(text) and text[pos].isspace())
    return out


def entity_spans(bios: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the outer entities in a BIO column; an I- tag of another type
    than the open entity (or with none open) starts a new one."""
    spans, start, label = [], None, None
    for i, bio in enumerate([*bios, "O"]):
        tag, _, typ = bio.partition("-")
        if tag != "I" or start is None or LABEL_MAP.get(typ, typ) != label:
            if start is not None:
                spans.append((start, i, label))
            start, label = (i, LABEL_MAP.get(typ, typ)) if tag in ("B", "I") else (None, None)
    return spans


def paragraph_to_doc(nlp, path: Path, labels=DEFAULT_LABELS, missing_types=()):
    """One paragraph file -> Doc with outer entities. Spans of a FullStack type in
    ``missing_types`` (e.g. "entity") are marked as unannotated (no loss) instead of O."""
    from spacy.tokens import Doc, Span

    words, spaces, sent_starts, bios = [], [], [], []
    for sent in read_paragraph(path):
        forms = [f for f, _ in sent["tokens"]]
        if not forms:
            continue
        sp = _spaces(sent["text"], forms)
        sp[-1] = True  # sentences are joined by a space
        words += forms
        spaces += sp
        sent_starts += [True] + [False] * (len(forms) - 1)
        bios += [b for _, b in sent["tokens"]]
    if not words:
        return None
    spaces[-1] = False
    doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
    spans = entity_spans(bios)
    ents = [Span(doc, s, e, label=label) for s, e, label in spans if label in labels]
    missing = [Span(doc, s, e) for s, e, label in spans if label in missing_types]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def load_split(src: Path = SRC) -> dict[str, str]:
    with open(src / "split.tsv", encoding="utf-8") as fh:
        return {row["file"]: row["split"] for row in csv.DictReader(fh, delimiter="\t")}


def iter_docs(nlp, split: str, src: Path = SRC, labels=DEFAULT_LABELS, missing_types=()):
    for name, sp in sorted(load_split(src).items()):
        if sp == split:
            doc = paragraph_to_doc(nlp, src / "data" / name, labels, missing_types)
            if doc is not None:
                yield doc


def main(argv=None) -> int:
    import spacy
    from spacy.tokens import DocBin

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=SRC)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--labels", default=",".join(DEFAULT_LABELS))
    ap.add_argument("--missing", default="",
                    help="FullStack types marked unannotated in TRAIN instead of O, e.g. entity (tried: not better)")
    args = ap.parse_args(argv)
    labels = tuple(args.labels.split(","))
    missing = tuple(x for x in args.missing.split(",") if x)
    nlp = spacy.blank("lv")
    args.out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        db = DocBin(store_user_data=False)
        n_ents = 0
        counts: dict[str, int] = {}
        for doc in iter_docs(nlp, split, args.src, labels, missing if split == "train" else ()):
            db.add(doc)
            for e in doc.ents:
                counts[e.label_] = counts.get(e.label_, 0) + 1
            n_ents += len(doc.ents)
        db.to_disk(args.out / f"{split}.spacy")
        print(f"{split}: {len(db)} docs, {n_ents} entities {dict(sorted(counts.items()))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
