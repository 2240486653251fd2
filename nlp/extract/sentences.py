"""`lv_sentences`: sentence starts at line breaks (every list item and paragraph is a line
in the clean text) and after . ! ? followed by a capitalised word or a digit, except
after initials ("A. Stepanova") and the abbreviations listed in resources."""
from __future__ import annotations

import re

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..resources import load_resource

END_PUNCT = {".", "!", "?", "…"}
DASHES = {"-", "–", "—"}
MARK_RUN = re.compile(r"[?!]{2,}")  # "?!" is one token (see nlp/tokenizer.py)


@Language.factory("lv_sentences", default_config={"punctuation": True})
def make_sentences(nlp: Language, name: str, punctuation: bool) -> "LineSentencizer":
    return LineSentencizer(load_resource("abbreviations")["abbreviations"], punctuation)


class LineSentencizer:
    def __init__(self, abbreviations: list[str], punctuation: bool = True):
        # punctuation=False: only line breaks are sentence starts; a parser decides the rest.
        self.punctuation = punctuation
        self.abbreviations = {a.lower().rstrip(".") for a in abbreviations}
        self.abbreviations_with_dot = {a.lower() for a in abbreviations}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        preset = doc.has_annotation("SENT_START") or not self.punctuation
        starts = doc.to_array([SENT_START]).astype("int64")
        starts[0] = 1
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text and prev.is_space:
                starts[token.i] = 1
            elif MARK_RUN.fullmatch(prev.text) and _opens_sentence(token.text):
                starts[token.i] = 1  # also before a parser: it never learnt these (2 in LVTB train)
                if token.text in DASHES and token.i + 1 < len(doc):
                    starts[token.i + 1] = -1  # a dialogue line: "Kas tā?! - Tā pati."
            elif not preset:
                starts[token.i] = 1 if self._ends_sentence(doc, prev.i) and _opens_sentence(token.text) else -1
        # One array write: Token.is_sent_start's setter rescans the whole Doc on every call.
        doc.from_array([SENT_START], starts.astype("uint64"))
        return doc

    def _ends_sentence(self, doc: Doc, i: int) -> bool:
        token = doc[i]
        if token.text.lower() in self.abbreviations_with_dot:
            return False  # "u.c." keeps its dot: LVTB does not end a sentence there
        if token.text not in END_PUNCT and not MARK_RUN.fullmatch(token.text):
            return False
        if token.text == "." and i > 0:
            word = doc[i - 1].text
            if (len(word) == 1 and word.isalpha()) or word.lower() in self.abbreviations:
                return False
        return True


def _opens_sentence(text: str) -> bool:
    first = text[0]
    return first.isupper() or first.isdigit() or first in "\"„“«–-"
