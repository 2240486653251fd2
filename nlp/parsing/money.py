"""Money amounts: "19 999,36 euro", "16000 eiro", "EUR 500", "1,5 milj. EUR", "300 lati"."""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_resource, phrase_pattern
from .numbers import parse_digits, scale_abbreviations, scale_value

AMOUNT = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


@lru_cache(maxsize=1)
def _currency_forms() -> dict[str, tuple[str, str]]:
    data = load_resource("money")["currencies"]
    return {form: (code, spec["lemma"]) for code, spec in data.items() for form in spec["forms"]}


def currency_of(word: str) -> tuple[str, str] | None:
    """(ISO code, unit lemma) for a currency word or symbol in any case: "eiro" -> ("EUR", "eiro")."""
    return _currency_forms().get(word.lower().rstrip("."))


@lru_cache(maxsize=1)
def _money_re() -> re.Pattern:
    currencies = phrase_pattern(_currency_forms())
    scale = phrase_pattern(scale_abbreviations()) if scale_abbreviations() else "(?!)"
    prefix = phrase_pattern(load_resource("money")["prefix_forms"])
    return re.compile(
        rf"^\s*(?:(?P<pre>{prefix})\s*)?(?P<amount>{AMOUNT})\s*(?P<scale>{scale})?\s*(?P<post>{currencies})?\s*$",
        re.I,
    )


def parse_money(text: str) -> tuple[int | float, str]:
    """(amount, ISO currency) of a money expression; ValueError if it is not one."""
    match = _money_re().match(text)
    if not match or not (match["pre"] or match["post"]):
        raise ValueError(f"not a money amount: {text!r}")
    value = parse_digits(match["amount"])
    if match["scale"]:
        value = scale_value(value, match["scale"])
    currency = currency_of(match["pre"] or match["post"])[0]
    return value, currency
