"""Build the spaCy pipeline lvmine runs: Latvian tokenizer and morphology, then the
extraction stages (quantity_matcher -> indicator_classifier -> breakdown_linker)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

# Importing the modules registers their @Language.factory components.
from .classify import indicators as _classify  # noqa: F401
from .extract import breakdowns as _breakdowns  # noqa: F401
from .extract import quantities as _quantities  # noqa: F401
from .extract import sentences as _sentences  # noqa: F401
from .morphology import component as _morph  # noqa: F401
from .tokenizer import customize_tokenizer

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
EXTRACTION_PIPES = ("quantity_matcher", "indicator_classifier", "breakdown_linker")


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
