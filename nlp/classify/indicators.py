"""`indicator_classifier`: canonical category for each quantity, from resources/indicators.json.

Exact lemma first, then the last word of a multi-word unit, then a fuzzy match
(rapidfuzz) that absorbs lemmatiser slips ("žālūzija" / "žalūzija"), else "other".
Money, percent and duration are categories of their own.
"""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.tokens import Doc

from ..extract.quantities import SPAN_KEY
from ..resources import load_resource

KIND_CATEGORIES = {"money": "money", "percent": "percent", "duration": "duration"}


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], int]:
    data = load_resource("indicators")
    table = {lemma.lower(): category for category, lemmas in data["categories"].items() for lemma in lemmas}
    return table, data["fuzzy_min_score"]


@lru_cache(maxsize=4096)
def classify_unit(unit: str | None, kind: str = "count") -> str:
    if kind in KIND_CATEGORIES:
        return KIND_CATEGORIES[kind]
    if not unit:
        return "other"
    table, min_score = _table()
    low = unit.lower()
    if low in table:
        return table[low]
    found = process.extractOne(low, list(table), scorer=fuzz.ratio, score_cutoff=min_score)
    return table[found[0]] if found else "other"


@Language.factory("indicator_classifier")
def make_indicator_classifier(nlp: Language, name: str) -> "IndicatorClassifier":
    return IndicatorClassifier()


class IndicatorClassifier:
    def __call__(self, doc: Doc) -> Doc:
        for span in doc.spans.get(SPAN_KEY, []):
            quantity = span._.quantity
            quantity.indicator = classify_unit(quantity.unit, quantity.kind)
        return doc
