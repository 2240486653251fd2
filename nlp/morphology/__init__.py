"""Latvian morphology from a lexicon learnt on LVTB (form table + suffix rules)."""
from .lexicon import Analysis, MorphLexicon, capitalised, load_lexicon

__all__ = ["Analysis", "MorphLexicon", "capitalised", "load_lexicon"]
