"""Qualifiers that bound a number: "vairāk nekā 345", "ap 30", "vismaz 19", "līdz 50"."""
from __future__ import annotations

import re
from functools import lru_cache

from ..resources import load_resource, phrase_pattern

QUALIFIERS = ("exact", "more_than", "at_least", "approx", "less_than", "at_most")
# How far before a number a qualifier may start (characters).
WINDOW = 40


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[tuple[str, re.Pattern]], list[tuple[str, re.Pattern]], re.Pattern]:
    data = load_resource("qualifiers")
    # Longest phrases across all qualifiers first, so "ne vairāk kā" beats "vairāk kā".
    before = sorted(
        ((q, p) for q, phrases in data["before"].items() for p in phrases), key=lambda x: -len(x[1])
    )
    before_res = [(q, re.compile(phrase_pattern([p]) + r"\s*\(?\s*$", re.I)) for q, p in before]
    after_res = [
        (q, re.compile(r"^\s*" + phrase_pattern(phrases), re.I)) for q, phrases in data["after"].items()
    ]
    # Most numbers have no qualifier before them: one search over all phrases rules that out.
    any_before = re.compile(phrase_pattern([p for _, p in before]) + r"\s*\(?\s*$", re.I)
    return before_res, after_res, any_before


def qualifier_before(text: str, start: int) -> tuple[str, int] | None:
    """Qualifier that ends right before text[start:], with the offset where it starts."""
    window_start = max(0, start - WINDOW)
    window = text[window_start:start]
    before_res, _, any_before = _patterns()
    if not any_before.search(window):
        return None
    for qualifier, pattern in before_res:
        match = pattern.search(window)
        if match:
            return qualifier, window_start + match.start()
    return None


def qualifier_after(text: str, end: int) -> tuple[str, int] | None:
    """Qualifier that follows a quantity ("30 un vairāk"), with the offset where it ends."""
    for qualifier, pattern in _patterns()[1]:
        match = pattern.match(text[end : end + WINDOW])
        if match:
            return qualifier, end + match.end()
    return None
