"""`indicator_classifier`: canonical category for each quantity, from resources/indicators.json.

The counted noun with the word written before it first ("mūzikas centrs" is an item, a
"centrs" an organisation), then its lemma alone, then a fuzzy match (rapidfuzz) that absorbs
lemmatiser slips ("žālūzija" / "žalūzija"), else "other". Money, percent, duration and
measure are categories of their own.
"""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc

from ..extract.quantities import SPAN_KEY
from ..resources import load_resource

KIND_CATEGORIES = {"money": "money", "percent": "percent", "duration": "duration", "measure": "measure"}


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], int]:
    data = load_resource("indicators")
    table = {lemma.lower(): category for category, lemmas in data["categories"].items() for lemma in lemmas}
    return table, data["fuzzy_min_score"]


@lru_cache(maxsize=4096)
def classify_unit(unit: str | None, kind: str = "count", modifier: str | None = None) -> str:
    """Category of a counted noun `unit` (a lemma), `modifier` being the word written right
    before it in the mention, if any."""
    if kind in KIND_CATEGORIES:
        return KIND_CATEGORIES[kind]
    if not unit:
        return "other"
    table, min_score = _table()
    low = unit.lower()
    if modifier and f"{modifier.lower()} {low}" in table:
        return table[f"{modifier.lower()} {low}"]
    if low in table:
        return table[low]
    found = process.extractOne(low, list(table), scorer=fuzz.ratio, score_cutoff=min_score)
    return table[found[0]] if found else "other"


def within_category(part: str | None, total: str | None) -> bool:
    """A `part` category counts things of the `total` category: the same one, or a narrower
    one ("trainings" within "events", `broader_categories` in indicators.json)."""
    return part == total or load_resource("indicators")["broader_categories"].get(part) == total


@Language.factory("indicator_classifier")
def make_indicator_classifier(nlp: Language, name: str) -> "IndicatorClassifier":
    return IndicatorClassifier()


class IndicatorClassifier:
    def __call__(self, doc: Doc) -> Doc:
        for span in doc.spans.get(SPAN_KEY, []):
            quantity = span._.quantity
            quantity.indicator = classify_unit(quantity.unit, quantity.kind, _modifier(span, quantity.unit_text))
        return doc


def _modifier(span, head_text: str | None) -> str | None:
    """The word right before the counted noun inside the mention ("mūzikas" in "1 mūzikas centrs")."""
    heads = [t.i for t in span if t.text == head_text]
    if not heads or heads[-1] == span.start:
        return None
    before = span.doc[heads[-1] - 1]
    return before.text if before.is_alpha else None
