"""`doc_text(doc)`: the Doc's text, built once per Doc.

spaCy rebuilds `Doc.text` from every token on each access; several components read
it, which cost ~10 ms per report. Merging tokens never changes the text, so the copy
stays valid for the Doc's life (it is checked against the Doc's length anyway)."""
from __future__ import annotations

from spacy.tokens import Doc

KEY = "lvmine_text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(KEY)
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if text is None or len(text) != end:
        text = doc.user_data[KEY] = doc.text
    return text
