"""Numbers written in digits ("19 999,36", "1 476") and in Latvian words
("divdesmit pieci", "divām", "trīs tūkstoši")."""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_resource

# Thousands separators seen in Latvian documents: space, no-break space, narrow no-break space.
GROUP_SEPARATORS = " \u00a0\u202f"
DIGITS_RE = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$")


def parse_digits(text: str) -> int | float:
    """Parse a digit string with optional space grouping and decimal comma.

    >>> parse_digits("19 999,36")
    19999.36
    """
    text = text.strip()
    if not DIGITS_RE.match(text):
        raise ValueError(f"not a Latvian digit number: {text!r}")
    for sep in GROUP_SEPARATORS:
        text = text.replace(sep, "")
    if "," in text:
        return float(text.replace(",", "."))
    return int(text)


def _whole(value: int | float) -> int | float:
    """An int when `value` is whole ("pusotra tūkstoša" is 1500, not 1500.0)."""
    return int(round(value)) if abs(value - round(value)) < 1e-9 else value


@lru_cache(maxsize=1)
def _word_table() -> tuple[dict[str, int | float], dict[str, int]]:
    data = load_resource("number_words")
    values = {form: _whole(float(value)) for value, forms in data["values"].items() for form in forms}
    multipliers = {form: int(value) for value, forms in data["multipliers"].items() for form in forms}
    return values, multipliers


def number_words() -> list[str]:
    """Every known number word form (values and multipliers)."""
    values, multipliers = _word_table()
    return [*values, *multipliers]


def scale_abbreviations() -> dict[str, int]:
    return load_resource("number_words")["scale_abbreviations"]


def multiplier_words() -> list[str]:
    """Forms of "simts", "tūkstotis", "miljons" in every case."""
    return list(_word_table()[1])


def scale_value(value: int | float, scale: str) -> int | float:
    """`value` times a scale word or abbreviation: (15, "tūkstošus") -> 15000, (2.3, "tūkst.")
    -> 2300; a whole result is an int."""
    factor = scale_abbreviations().get(scale.lower()) or number_word_value(scale)[0]
    return _whole(value * factor)


def number_word_value(word: str) -> tuple[int | float, bool] | None:
    """(value, is_multiplier) for a single number word in any case and gender."""
    values, multipliers = _word_table()
    low = word.lower()
    if low in values:
        return values[low], False
    if low in multipliers:
        return multipliers[low], True
    return None


def parse_number_words(words: list[str] | str) -> int | float | None:
    """Value of a sequence of number words: "divdesmit pieci" -> 25,
    "divi simti trīsdesmit" -> 230, "trīs tūkstoši divi simti" -> 3200, "pusotra tūkstoša" -> 1500.
    Returns None when any word is not a number word."""
    if isinstance(words, str):
        words = words.split()
    if not words:
        return None
    # total: complete thousands; hundreds: the current group's hundreds; small: its 1..99 part.
    total = hundreds = small = 0
    for word in words:
        parsed = number_word_value(word)
        if parsed is None:
            return None
        value, is_multiplier = parsed
        if is_multiplier and value == 100:
            hundreds += (small or 1) * 100
            small = 0
        elif is_multiplier:
            total += ((hundreds + small) or 1) * value
            hundreds = small = 0
        elif value >= 1000:  # "divtūkstoš"
            total += value
        elif value >= 100:  # "divsimt"
            hundreds += value
        else:
            small += value
    return _whole(total + hundreds + small)


def parse_number(text: str) -> int | float | None:
    """Digits or number words; None when the text is neither."""
    try:
        return parse_digits(text)
    except ValueError:
        return parse_number_words(text)
