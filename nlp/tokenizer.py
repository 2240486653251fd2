"""Latvian tokenizer rules on top of `spacy.blank("lv")`, following LVTB's tokenization.

* dates and date ranges are one token, final dot included: "12.08.2019.", "19.-23.12.20.";
* decimal-comma numbers stay whole ("3,5"); abbreviations keep their dots ("u.c.", "t.sk.", "Nr.");
* initials split from the surname: "A.Stepanova" -> "A." "Stepanova";
* a year written against its noun splits: "2020.gads" -> "2020." "gads";
* `lv_numbers` (a component) joins a number and its dot when a lower-case word follows:
  "2021. gada" -> "2021." (an ordinal), or after a sentence's end ("apmērā. 6. Šo": an item
  number), while "... 25." at a sentence end keeps its dot apart,
  and a number written in space-separated groups of three digits into one token, as LVTB
  writes it: "19 999,36", "6 792 941";
* a run of question and exclamation marks is one token, as "..." is: "Kā tā?!";
* Latvian number words are `like_num`.
Everything here is data the tokenizer serialises with the model, except the
`like_num` getter and `lv_numbers`, which `nlp.pipeline` adds at load time.
"""
from __future__ import annotations

import re

from spacy.attrs import LIKE_NUM, NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex, compile_suffix_regex

from .parsing.numbers import number_word_value
from .resources import load_resource

UPPER = "A-ZĀČĒĢĪĶĻŅŠŪŽ"
LOWER = "a-zāčēģīķļņšūž"
TOKEN_MATCH = re.compile(
    r"^(?:\d{1,2}\.\s?[-–]\s?\d{1,2}\.\d{1,2}\.(?:\d{2,4}\.?)?"  # 19.-23.12.20.
    r"|\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})\.?"  # 12.08.2019. / 10.01.21.
    r"|\d+,\d+"  # 3,5
    r")$"
)
# URLs and e-mails; stricter than spaCy's default, which takes "2020.gads" for a domain.
URL_MATCH = re.compile(
    r"^(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:lv|com|org|net|eu|gov|edu|info|io|ru|lt|ee|de|uk)(?:/\S*)?)$"
)
EXTRA_INFIXES = [
    rf"(?<=\b[{UPPER}]\.)(?=[{UPPER}][{LOWER}])",  # A.Stepanova
    rf"(?<=\d\.)(?=[{LOWER}]{{2,}})",  # 2020.gads
    r"(?<=[Pp]lkst\.)(?=\d)",  # plkst.14.00 (LVTB: "plkst." "14.00")
]
# Before spaCy's one-character "?" and "!" suffixes; LVTB: "?!", "!?", "??" (11 in dev+test, never split).
EXTRA_SUFFIXES = [r"[?!]{2,}"]


def like_num(text: str) -> bool:
    stripped = text.replace(",", "").replace(".", "").replace(" ", "")
    return stripped.isdigit() or number_word_value(text) is not None


def customize_tokenizer(nlp: Language) -> Language:
    tokenizer = nlp.tokenizer
    for abbreviation in load_resource("abbreviations")["abbreviations"]:
        for form in {abbreviation, abbreviation[:1].upper() + abbreviation[1:]}:
            tokenizer.add_special_case(form, [{ORTH: form, NORM: abbreviation}])
    tokenizer.token_match = TOKEN_MATCH.match
    tokenizer.url_match = URL_MATCH.match
    tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + EXTRA_INFIXES).finditer
    tokenizer.suffix_search = compile_suffix_regex(EXTRA_SUFFIXES + list(nlp.Defaults.suffixes)).search
    set_lex_attrs(nlp)
    return nlp


def set_lex_attrs(nlp: Language) -> None:
    nlp.vocab.lex_attr_getters[LIKE_NUM] = like_num
    for lexeme in list(nlp.vocab):  # lexemes already in the vocab keep cached flags
        lexeme.like_num = like_num(lexeme.orth_)


THOUSANDS_GROUP = re.compile(r"\d{3}(?:,\d+)?")


@Language.component("lv_numbers")
def merge_numbers(doc: Doc) -> Doc:
    """Join "2021" + "." into the ordinal "2021." when a lower-case word follows, and
    "19" + "999,36" into one number (LVTB v2.5 dev: 14 of the 101 tokenization errors
    were such numbers)."""
    spans = []
    i = 0
    while i < len(doc):
        end = _digit_groups_end(doc, i)
        if end == i + 1 and _ordinal_dot(doc, i):
            end = i + 2
        if end > i + 1:
            spans.append(doc[i:end])
        i = end
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


def _digit_groups_end(doc: Doc, i: int) -> int:
    """End of the number written in groups of three digits that starts at token i ("6" "792"
    "941", "19" "999,36"), or i + 1. Single spaces only: not across a line break."""
    end = i + 1
    if doc[i].is_digit and len(doc[i]) <= 3:
        while (end < len(doc) and doc[end - 1].whitespace_ == " " and "," not in doc[end - 1].text
               and THOUSANDS_GROUP.fullmatch(doc[end].text)):
            end += 1
    return end


def _ordinal_dot(doc: Doc, i: int) -> bool:
    """Token i is a number followed by its dot and then a lower-case word ("2021. gada"), or
    an item number of up to three digits after a sentence's end ("apmērā. 6. Šo noteikumu"):
    a sentence is not the number alone."""
    if not (i + 2 < len(doc) and doc[i].is_digit and not doc[i].whitespace_ and doc[i + 1].text == "."):
        return False
    following = doc[i + 2].text[:1]
    return following.islower() or (following.isupper() and len(doc[i]) <= 3 and _after_sentence_end(doc, i))


ITEM_MARKERS = ("-", "–", "•", "*", ":")


def opens_text_unit(token: Token) -> bool:
    """The token starts a sentence or a list item (after "•", "-", ":" or an item number that
    opens its sentence, "apmērā. 6. Šo"): a capital there proves nothing about a name."""
    if token.is_sent_start or token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return before.text in ITEM_MARKERS or (
        before.text[:-1].isdigit() and before.text.endswith(".") and (before.is_sent_start or before.i == 0))


def _after_sentence_end(doc: Doc, i: int) -> bool:
    """Token i follows a sentence's final punctuation on the same line. (An item number at a
    line start stays two tokens: the NER model learnt list items so, "1" "." "Apzinātas".)"""
    k = i - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    return k >= 0 and doc[k].text in (".", "!", "?") and "\n" not in doc[k].whitespace_
