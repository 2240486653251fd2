"""Find every numeric expression in a text and say what it is.

Only `number` and `range` are quantities; everything else (dates, years,
ordinals, list markers, document numbers, phones, URLs, codes such as
"Covid-19") is recognised so that it is *not* taken for a quantity. Patterns are
tried in priority order and a later pattern never claims characters an earlier
one already claimed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import phrase_pattern
from .numbers import multiplier_words, number_words, parse_digits, parse_number_words, scale_abbreviations, scale_value

QUANTITY_KINDS = ("number", "range")

LOWER = "a-zāčēģīķļņšūž"
UPPER = "A-ZĀČĒĢĪĶĻŅŠŪŽ"
# A digit number: space-grouped thousands ("19 999,36") or plain ("31830,96"); a comma
# after the groups is punctuation unless a digit follows ("EUR 12 000, bet").
NUM = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?!\d|,\d)|\d+(?:,\d+)?"
DASH = r"[-–—‒]"


@dataclass(frozen=True)
class Numeric:
    start: int
    end: int
    kind: str
    value: float | int | None = None
    value_max: float | int | None = None

    @property
    def is_quantity(self) -> bool:
        return self.kind in QUANTITY_KINDS


def _num(group: str) -> int | float:
    return parse_digits(group) if group[0].isdigit() else parse_number_words(group)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    words = phrase_pattern(number_words())
    scales = phrase_pattern([*multiplier_words(), *scale_abbreviations()])
    word_seq = rf"{words}(?:\s+{words})*"
    raw = [
        ("url", r"(?:https?://|www\.)[^\s)\]»”\"]+[\w/]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
                r"|\b[\w-]+(?:\.[\w-]+)*\.(?:lv|com|org|net|eu|gov|edu|info|io)(?:/[^\s)\]»”\"]*[\w/])?"),
        ("code", r"(?:\b[Nn]r\.|№)\s*[\w./\-–]*\w"),
        ("phone", r"\+\d{3}[ \d]{7,12}\d|\b(?:tel|tālr|mob)\.\s*[\d ]{7,12}\d|\b[26]\d{7}\b"),
        ("date_range", rf"\b\d{{1,2}}\.\s?{DASH}\s?\d{{1,2}}\.\d{{1,2}}\.(?:\d{{2,4}}\b\.?)?"),
        ("date", r"\b\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})\b\.?|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\.\d{1,2}\b\.?(?![\d,])"),
        ("time", r"\b\d{1,2}:\d{2}\b"),
        ("code", rf"\b[^\W\d_]+[-‑]?\d+(?:[-/.]\d+)*\b|\b\d+[{UPPER}]\w*|\b\d+(?:[-/.]\d+){{2,}}\b"),
        ("year", r"\b(?:1[89]|20)\d{2}\.?\s?g(?:ad[a-zāčēģīķļņšūž]*|\.)"),
        ("ordinal", rf"\b\d+\.(?=\s*[{LOWER}])"),
        ("list_marker", r"(?m)^[ \t]*\d{1,2}[.)](?=\s|$)|(?<![\w(.,/])\d{1,2}\)(?=\s)"),
        # "5–6 tūkstoši", "2–3 tūkst. EUR": both ends times the scale word
        ("range", rf"(?<![\w.,/-])(?P<a>{NUM})\s?{DASH}\s?(?P<b>{NUM})\s+(?P<scale>{scales})"),
        ("range", rf"(?<![\w.,/-])(?P<a>{NUM})\s?{DASH}\s?(?P<b>{NUM})(?![\w]|[.,]\d)"),
        # "no 120 līdz 95" is kept too: after a verb of change it is two values, the
        # quantity matcher splits it
        ("range", rf"(?P<opener>(?i:\bno))\s+(?P<a>{NUM}|{word_seq})\s+līdz\s+(?P<b>{NUM}|{word_seq})(?![\w]|[.,]\d|\.\s*[{LOWER}])"),
        # ... and without "no": "15 līdz 18 personas" (not "līdz 18" after a stray 15)
        ("range", rf"(?<![\w.,/-])(?P<a>{NUM})\s+līdz\s+(?P<b>{NUM})(?![\w]|[.,]\d|\.\s*[{LOWER}])"),
        # "3 (trīs)" and "trīs (3)": one mention, the digits and the words agree.
        ("number", rf"(?<![\w.,/-])(?P<a>{NUM})\s*\(\s*(?P<b>{word_seq})\s*\)"),
        ("number", rf"(?P<b>{word_seq})\s*\(\s*(?P<a>{NUM})\s*\)"),
        # "15 tūkstošus reižu", "2,3 tūkst. EUR": digits times a scale word or abbreviation.
        ("number", rf"(?<![\w.,/-])(?P<a>{NUM})\s+(?P<scale>{scales})"),
        ("number", rf"(?<![\w.,/-])(?P<a>{NUM})(?![\w]|[.,]\d)"),
        ("number", rf"(?P<a>{word_seq})"),
    ]
    return [(kind, re.compile(pattern, re.IGNORECASE if kind == "number" else 0)) for kind, pattern in raw]


def scan_numerics(text: str) -> list[Numeric]:
    """All numeric expressions in `text`, sorted by start offset."""
    claimed = bytearray(len(text) + 1)
    found: list[Numeric] = []
    for kind, pattern in _patterns():
        for match in pattern.finditer(text):
            start, end = match.span()
            if start == end or any(claimed[start:end]):
                continue
            numeric = _build(kind, match)
            if numeric is None:
                continue
            claimed[start:end] = b"\x01" * (end - start)
            found.append(numeric)
    return sorted(found, key=lambda n: n.start)


def _build(kind: str, match: re.Match) -> Numeric | None:
    start, end = match.span()
    if kind == "range":
        low, high = _num(match["a"]), _num(match["b"])
        if low is None or high is None or high == low or (high < low and not match.groupdict().get("opener")):
            return None
        if match.groupdict().get("scale"):
            return Numeric(start, end, kind, scale_value(low, match["scale"]), scale_value(high, match["scale"]))
        return Numeric(start, end, kind, low, high)
    if kind == "number":
        value = _num(match["a"])
        if match.groupdict().get("scale"):
            return Numeric(start, end, kind, scale_value(value, match["scale"]))
        if match.groupdict().get("b") is not None and _num(match["b"]) != value:
            return None  # "3 (četri)" is two different numbers, not one mention
        return Numeric(start, end, kind, value)
    return Numeric(start, end, kind)
