"""Score extraction against gold annotations in corpora/gold/.

Gold files: `*.json` holds one document, `*.jsonl` one document per line. A
document is {"doc": path} (read like any input) or {"text": "..."}, plus
"mentions": [{"text", "value", "value_max", "qualifier", "unit", "kind", "parent"}],
where "text" is the mention as it appears in the clean text (found in order) and
"parent" is the index of the total within the same document's mentions.

Value matching: a prediction overlaps a gold mention and has the same value (and
value_max). Strict matching also needs the same unit lemma.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .api import extract
from .errors import InputError
from .reader import read_report, read_text
from .records import Indicator


@dataclass
class GoldDoc:
    name: str
    text: str | None
    path: str | None
    mentions: list[dict]


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    value_tp: int = 0
    strict_tp: int = 0
    qualifier_ok: int = 0
    parent_ok: int = 0
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = tp / predicted if predicted else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> list[tuple[str, float, float, float]]:
        return [
            ("value", *self.prf(self.value_tp, self.predicted, self.gold)),
            ("strict (value+unit)", *self.prf(self.strict_tp, self.predicted, self.gold)),
        ]


def _gold_paths(gold_dir: str | Path, pattern: str) -> list[Path]:
    """The files under `gold_dir` matching `pattern`, sorted; a clear error if it is missing."""
    if not Path(gold_dir).exists():
        raise InputError(str(gold_dir), "gold directory not found")
    return sorted(Path(gold_dir).rglob(pattern))


def load_gold(gold_dir: str | Path) -> list[GoldDoc]:
    docs = []
    for path in _gold_paths(gold_dir, "*.json*"):
        try:
            items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()] \
                if path.suffix == ".jsonl" else [json.loads(path.read_text(encoding="utf-8"))]
            for n, item in enumerate(items):
                # Paths in gold files are relative to the repository root.
                doc_path = _resolve(item["doc"], path) if item.get("doc") else None
                docs.append(GoldDoc(f"{path.name}:{n + 1}", item.get("text"), doc_path, item["mentions"]))
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            raise InputError(str(path), f"not a gold file ({type(err).__name__}: {err})") from None
    if not docs:
        raise InputError(str(gold_dir), "no gold files (*.json, *.jsonl) found")
    return docs


def evaluate(gold_dir: str | Path, backend: str = "lexicon") -> Scores:
    """Extraction scores against the gold files under `gold_dir`, with the pipeline of
    `backend` (see `pipeline.load`)."""
    from .pipeline import load

    nlp = load(backend)
    scores = Scores()
    for gold in load_gold(gold_dir):
        report = read_report(gold.path) if gold.path else read_text(gold.text, doc=gold.name)
        predicted = extract(report, nlp=nlp)
        _score_doc(gold, report.text, predicted, scores)
    return scores


def _locate(gold: GoldDoc, text: str) -> list[tuple[int, int]]:
    """Where each gold mention is: its text, in order, as whole words ("5 eiro" is not the end
    of an earlier "15 eiro"), and not inside the mention before it ("Kurzemes" after
    "Nodibinājums „Kurzemes dabas skola”" is the next "Kurzemes")."""
    spans, cursor, previous_end = [], 0, 0
    for mention in gold.mentions:
        written = mention["text"]
        pattern = re.compile((r"(?<!\w)" if written[:1].isalnum() else "") + re.escape(written)
                             + (r"(?!\w)" if written[-1:].isalnum() else ""))
        found = pattern.search(text, cursor)
        if found is not None and found.end() <= previous_end:
            found = pattern.search(text, previous_end) or found
        found = found or pattern.search(text)
        if found is None:
            raise InputError(gold.name, f"gold mention not found in text: {written!r}")
        spans.append(found.span())
        cursor, previous_end = found.start() + 1, found.end()
    return spans


def _score_doc(gold: GoldDoc, text: str, predicted: list[Indicator], scores: Scores) -> None:
    spans = _locate(gold, text)
    scores.gold += len(gold.mentions)
    scores.predicted += len(predicted)
    matched: dict[int, Indicator] = {}
    used: set[int] = set()
    for g, (mention, (start, end)) in enumerate(zip(gold.mentions, spans)):
        for p, record in enumerate(predicted):
            if p in used or record.end <= start or record.start >= end:
                continue
            if record.value == mention["value"] and record.value_max == mention.get("value_max"):
                matched[g] = record
                used.add(p)
                break
    pred_ids = {}
    for g, record in matched.items():
        mention = gold.mentions[g]
        pred_ids[g] = record.id
        scores.value_tp += 1
        if (record.unit or "").lower() == (mention.get("unit") or "").lower():
            scores.strict_tp += 1
        else:
            scores.errors.append(f"{gold.name}: unit {record.unit!r} != gold {mention.get('unit')!r} in {mention['text']!r}")
        if record.qualifier == mention.get("qualifier", "exact"):
            scores.qualifier_ok += 1
        else:
            scores.errors.append(f"{gold.name}: qualifier {record.qualifier} != gold {mention.get('qualifier')} in {mention['text']!r}")
    for g, record in matched.items():
        gold_parent = gold.mentions[g].get("parent")
        if record.parent == (pred_ids.get(gold_parent) if gold_parent is not None else None):
            scores.parent_ok += 1
        else:
            scores.errors.append(f"{gold.name}: parent wrong for {gold.mentions[g]['text']!r}")
    for g, mention in enumerate(gold.mentions):
        if g not in matched:
            scores.errors.append(f"{gold.name}: missed {mention['text']!r}")
    for p, record in enumerate(predicted):
        if p not in used:
            scores.errors.append(f"{gold.name}: spurious {record.text!r} ({record.value} {record.unit})")


@dataclass
class EntityScores:
    counts: dict = field(default_factory=dict)  # label -> [tp, predicted, gold]
    canonical_ok: int = 0
    canonical_total: int = 0
    date_ok: int = 0
    date_total: int = 0
    errors: list[str] = field(default_factory=list)

    def rows(self) -> list[tuple[str, float, float, float, int]]:
        out = []
        for label in sorted(self.counts):
            tp, predicted, gold = self.counts[label]
            out.append((label, *Scores.prf(tp, predicted, gold), gold))
        tp, predicted, gold = (sum(c[i] for c in self.counts.values()) for i in range(3))
        out.append(("micro", *Scores.prf(tp, predicted, gold), gold))
        return out


def evaluate_entities(gold_dir: str | Path) -> EntityScores:
    """Exact span + label scores of `doc.ents` against gold entity files
    ({"doc": path, "entities": [{"text", "label", "canonical", "date_start", "date_end"}]}),
    with canonical-name accuracy and date-normalisation accuracy on the matches."""
    from .annotate.attach import canonical
    from .pipeline import annotate, load

    gold_files = _gold_paths(gold_dir, "*.json")
    if not gold_files:
        raise InputError(str(gold_dir), "no gold entity files (*.json) found")
    scores = EntityScores()
    for path in gold_files:
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
            doc_path, entities = _resolve(gold["doc"], path), gold["entities"]
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(str(path), f"not a gold entity file ({type(err).__name__}: {err})") from None
        report = read_report(doc_path)
        doc = annotate(load(), report)
        spans = _locate(GoldDoc(path.name, None, doc_path, entities), report.text)
        gold_set = {(s, e, g["label"]): g for (s, e), g in zip(spans, entities)}
        predicted = {(ent.start_char, ent.end_char, ent.label_): ent for ent in doc.ents}
        for key in set(gold_set) | set(predicted):
            counts = scores.counts.setdefault(key[2], [0, 0, 0])
            counts[0] += key in gold_set and key in predicted
            counts[1] += key in predicted
            counts[2] += key in gold_set
            if key in gold_set and key not in predicted:
                scores.errors.append(f"{path.name}: missed {key[2]} {gold_set[key]['text']!r}")
            elif key in predicted and key not in gold_set:
                scores.errors.append(f"{path.name}: spurious {key[2]} {predicted[key].text!r}")
        for key in set(gold_set) & set(predicted):
            g, ent = gold_set[key], predicted[key]
            if key[2] in ("ORG", "LOC", "PER"):
                scores.canonical_total += 1
                if canonical(key[2], ent.text) == g["canonical"]:
                    scores.canonical_ok += 1
                else:
                    scores.errors.append(f"{path.name}: canonical {canonical(key[2], ent.text)!r} != {g['canonical']!r}")
            if key[2] == "DATE" and "date_start" in g:
                scores.date_total += 1
                value = ent._.date_value
                if value and value.bounds() == (g["date_start"], g["date_end"]):
                    scores.date_ok += 1
                else:
                    scores.errors.append(f"{path.name}: date {ent.text!r} -> {value} != {g['date_start']}..{g['date_end']}")
    return scores


def _resolve(doc_path: str, gold_file: Path) -> str:
    if Path(doc_path).exists():
        return doc_path
    for base in gold_file.parents:
        if (base / doc_path).exists():
            return str(base / doc_path)
    raise InputError(str(gold_file), f"document not found: {doc_path}")
