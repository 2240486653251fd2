"""Data files that configure lvmine's rules (JSON, edited without touching code)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def load_resource(name: str) -> dict:
    with open(RESOURCE_DIR / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)


def phrase_pattern(phrases) -> str:
    """Regex alternation of phrases, longest first, whitespace-tolerant, word-bounded."""
    import re

    word_bounded, other = [], []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        if phrase[0].isalnum() and phrase[-1].isalnum():
            word_bounded.append(body)
        else:
            left = r"(?<!\w)" if phrase[0].isalnum() else ""
            right = r"(?!\w)" if phrase[-1].isalnum() else ""
            other.append(left + body + right)
    # One shared pair of word-boundary checks around all plain words keeps the regex fast.
    parts = ([r"(?<!\w)(?:" + "|".join(word_bounded) + r")(?!\w)"] if word_bounded else []) + other
    return "(?:" + "|".join(parts) + ")"
