"""HTML fragments and inline lists of the report form -> clean lines.

The form's results field mixes <p>, <ol>, <ul> and inline markers: bullets "•",
dash items "- ", numbered items "1)" / "1." written inside one paragraph. Each
paragraph or list item becomes its own line; the numbered markers are kept
(they carry structure), bullet symbols are dropped.
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

BLOCK_TAG_RE = re.compile(r"<\s*/?\s*(?:p|li|ol|ul|div|br|tr|table|h[1-6]|blockquote|section)\b[^>]*>", re.I)
# Table cells of one row stay on its line, apart: "Pasākumu skaits</td><td>14" is not "skaits14".
CELL_TAG_RE = re.compile(r"<\s*/?\s*(?:td|th)\b[^>]*>", re.I)
TAG_RE = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
UPPER_OR_DIGIT = "A-ZĀČĒĢĪĶĻŅŠŪŽ0-9"
# Splits before an inline item marker; see module docstring.
ITEM_SPLITS = [
    re.compile(r"\s*[•●▪◦■]\s*"),  # bullets: dropped
    re.compile(r"(?:(?<=[.;:!?)])|^)\s+-\s+(?=\S)"),  # "- item" after a sentence end: dropped
    re.compile(rf"(?<=[\s])(?=\d{{1,2}}[.)]\s+[{UPPER_OR_DIGIT}])"),  # "2) Sekmēt", "4. 9 pasākumos": kept
]


def looks_like_html(text: str) -> bool:
    return bool(TAG_RE.search(text))


def html_to_text(fragment: str) -> str:
    """Strip tags and decode entities, with a newline at every block boundary and a tab
    between table cells."""
    if not looks_like_html(fragment) and "&" not in fragment:
        return fragment
    marked = CELL_TAG_RE.sub("\t", BLOCK_TAG_RE.sub("\n", fragment))
    tree = HTMLParser(f"<body>{marked}</body>")
    body = tree.body
    return body.text(deep=True, separator="") if body is not None else TAG_RE.sub("", marked)


def clean_lines(fragment: str) -> list[str]:
    """Clean, non-empty lines: one per paragraph or list item, spaces normalised."""
    lines: list[str] = []
    for line in html_to_text(fragment).split("\n"):
        pieces = [line]
        for splitter in ITEM_SPLITS:
            pieces = [part for piece in pieces for part in splitter.split(piece)]
        for piece in pieces:
            # spaces normalised; a table's cell boundary stays one tab ("skaits\t160\t214")
            piece = re.sub(r"[ \u00a0]*\t[ \t\u00a0]*", "\t", piece)
            piece = re.sub(r"[ \u00a0]+", " ", piece).strip()
            # A space before a full stop is a typing slip ("buklets ."), not content.
            piece = re.sub(r"\s+([.,;:])(?=\s|$)", r"\1", piece)
            if piece:
                lines.append(piece)
    return lines
