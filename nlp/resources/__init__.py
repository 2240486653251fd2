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
        if phrase[0].isalnum() and phrase[-1].isalnum():
            word_bounded.append(phrase)
        else:
            left = r"(?<!\w)" if phrase[0].isalnum() else ""
            right = r"(?!\w)" if phrase[-1].isalnum() else ""
            other.append(left + r"\s+".join(re.escape(word) for word in phrase.split()) + right)
    # All plain words share one pair of word-boundary checks and one prefix tree: Python's
    # regex engine tries a flat alternation one phrase at a time at every word start
    # (number words were half of scan_numerics' time).
    parts = ([r"(?<!\w)" + _prefix_tree_pattern(word_bounded) + r"(?!\w)"] if word_bounded else []) + other
    return "(?:" + "|".join(parts) + ")"


def _prefix_tree_pattern(phrases: list[str]) -> str:
    """One regex matching exactly `phrases`, factored by common prefixes. Longer
    continuations come before a phrase ending, so with a word-boundary check after it the
    longest phrase wins, as in a longest-first alternation."""
    import re

    tree: dict = {}
    for phrase in phrases:
        node = tree
        for unit in [r"\s+" if part.isspace() else re.escape(part) for part in re.findall(r"\s+|\S", phrase)]:
            node = node.setdefault(unit, {})
        node[""] = {}  # a phrase ends here

    def pattern(node: dict) -> str:
        branches = [unit + pattern(child) for unit, child in node.items() if unit]
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    return "(?:" + pattern(tree) + ")"
