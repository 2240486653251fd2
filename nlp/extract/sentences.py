"""`lv_sentences`: sentence starts at line breaks (every list item and paragraph is a line
in the clean text) and after . ! ? followed by a capitalised word or a digit, except
after initials ("A. Stepanova") and the abbreviations listed in resources. A quote written
against the final mark closes the sentence with it ('"Kāpēc?" "Tās ir ceļā."')."""
from __future__ import annotations

import re

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..resources import load_resource

END_PUNCT = {".", "!", "?", "…", "..."}
DASHES = {"-", "–", "—"}
QUOTES = {'"', "”", "“", "„", "»", "«", "'"}
MARK_RUN = re.compile(r"[?!]{2,}")  # "?!" is one token (see nlp/tokenizer.py)


@Language.factory("lv_sentences")
def make_sentences(nlp: Language, name: str) -> "LineSentencizer":
    resource = load_resource("abbreviations")
    return LineSentencizer(resource["abbreviations"], resource["list_closers"])


class LineSentencizer:
    def __init__(self, abbreviations: list[str], list_closers: list[str]):
        self.abbreviations = {a.lower().rstrip(".") for a in abbreviations}
        self.abbreviations_with_dot = {a.lower() for a in abbreviations}
        self.list_closers = set(list_closers)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        preset = doc.has_annotation("SENT_START")
        starts = doc.to_array([SENT_START]).astype("int64")
        starts[0] = 1
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text and prev.is_space:
                starts[token.i] = 1
            elif not preset:
                starts[token.i] = (1 if self._ends_sentence(doc, prev.i) and _opens_sentence(token)
                                   and not _closing_quote(token) else -1)
        # One array write: Token.is_sent_start's setter rescans the whole Doc on every call.
        doc.from_array([SENT_START], starts.astype("uint64"))
        return doc

    def _ends_sentence(self, doc: Doc, i: int) -> bool:
        token = doc[i]
        if token.text in QUOTES and i > 0 and not doc[i - 1].whitespace_:
            return self._ends_sentence(doc, i - 1)  # 'atcerēties."': the quote closes the sentence
        if token.text.lower() in self.abbreviations_with_dot:
            # "t.sk." keeps its dot: LVTB does not end a sentence there, except after a list
            # closed by "u.c." when a capitalised word follows
            following = doc[i + 1].text if i + 1 < len(doc) else ""
            return token.text.lower() in self.list_closers and following[:1].isupper()
        if token.text not in END_PUNCT and not MARK_RUN.fullmatch(token.text):
            return False
        if token.text == "." and i > 0:
            word = doc[i - 1].text
            if (len(word) == 1 and word.isalpha()) or word.lower() in self.abbreviations:
                return False
        return True


def _opens_sentence(token: Token) -> bool:
    """A capital, a digit, an opening quote, a list bullet, an opening bracket or slash ("[..]",
    "/A. L. Puškaitis./") or a dialogue dash; not a dash before a lower-case word, which goes on
    with the sentence ("Gribi uzsmēķēt? - es minēju")."""
    first = token.text[0]
    if first in DASHES:
        following = token.nbor(1).text if token.i + 1 < len(token.doc) else ""
        return not following[:1].islower()
    return first.isupper() or first.isdigit() or first in "\"„“«»•*…[/"


def _closing_quote(token: Token) -> bool:
    """A quote written against the word or mark before it."""
    return token.text in QUOTES and token.i > 0 and not token.doc[token.i - 1].whitespace_
