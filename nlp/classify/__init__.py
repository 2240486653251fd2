"""Map a quantity's unit lemma to a canonical indicator category."""
from .indicators import IndicatorClassifier, classify_unit

__all__ = ["IndicatorClassifier", "classify_unit"]
