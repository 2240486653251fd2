"""Build the spaCy pipeline lvmine runs: Latvian tokenizer and morphology, then the
extraction stages (quantity_matcher -> indicator_classifier -> breakdown_linker)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing the modules registers their @Language.factory components.
from .annotate import entity_rules as _entity_rules  # noqa: F401
from .classify import indicators as _classify  # noqa: F401
from .extract import breakdowns as _breakdowns  # noqa: F401
from .extract import quantities as _quantities  # noqa: F401
from .extract import sentences as _sentences  # noqa: F401
from .morphology import component as _morph  # noqa: F401
from .tokenizer import customize_tokenizer

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
EXTRACTION_PIPES = ("quantity_matcher", "indicator_classifier", "breakdown_linker", "lv_entity_rules")


def build(base: Language | None = None) -> Language:
    """Add lvmine's components to `base` (default: a blank Latvian pipeline)."""
    nlp = customize_tokenizer(base if base is not None else spacy.blank("lv"))
    nlp.add_pipe("lv_ordinals", first=True)
    nlp.add_pipe("lv_sentences", after="lv_ordinals")
    nlp.add_pipe("lv_lexicon_morph")
    for name in EXTRACTION_PIPES:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=2)
def load(backend: str = "lexicon") -> Language:
    """The pipeline extraction uses. backend="lexicon": blank Latvian tokenizer with the
    LVTB lexicon morphology (no trained network needed)."""
    if backend == "lexicon":
        return build()
    raise ValueError(f"unknown backend {backend!r}; available: lexicon")


def make_report_doc(nlp: Language, report) -> Doc:
    """A Doc of the report's clean text carrying its delegation period, so that dates
    written without a year are resolved inside it."""
    doc = nlp.make_doc(report.text)
    if report.period_start:
        doc.user_data["period"] = (report.period_start, report.period_end)
    return doc


def annotate(nlp: Language, report) -> Doc:
    return nlp(make_report_doc(nlp, report))


def annotate_many(nlp: Language, reports, batch_size: int = 16) -> Iterator[Doc]:
    return nlp.pipe((make_report_doc(nlp, r) for r in reports), batch_size=batch_size)
