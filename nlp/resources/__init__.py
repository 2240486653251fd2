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

    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        left = r"(?<!\w)" if phrase[0].isalnum() else ""
        right = r"(?!\w)" if phrase[-1].isalnum() else ""
        parts.append(left + body + right)
    return "(?:" + "|".join(parts) + ")"
