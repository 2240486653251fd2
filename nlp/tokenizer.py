"""Latvian tokenizer rules on top of `spacy.blank("lv")`, following LVTB's tokenization.

* dates and date ranges are one token, final dot included: "12.08.2019.", "19.-23.12.20.";
* decimal-comma numbers stay whole ("3,5"); abbreviations keep their dots ("u.c.", "t.sk.", "Nr.");
* initials split from the surname and from each other: "A.Stepanova" -> "A." "Stepanova",
  "A.A." -> "A." "A.";
* a hyphenated word is one token ("e-pasts", "Vīķe-Freiberga"; LVTB train and dev: 56 whole,
  16 split, half of those after a genitive, where it splits: "Latvijas-Igaunijas"), while a
  dash between numbers splits ("3–4", as "3-4"), and so do a slash between numbers
  ("80/987"), "&" between words ("Re&Re"), a colon between numbers that is no time of day
  ("46:47", but "13:00"), a hyphen at a word's edge ("runāt-") and a quote written into a
  word ('Valmiera"pildot');
* "’’", "[..]" and "a/s" are one token each, while spaCy's emoticons that are Latvian text
  ("8)" a list item, "0:1" a score, "):" a bracket before a colon) are not;
* a number's dot written against a lower-case word splits: "2020.gads" -> "2020." "gads",
  "8.a" -> "8." "a";
* `lv_numbers` (a component) joins a number and its dot when a lower-case word follows:
  "2021. gada" -> "2021." (an ordinal), or a comma, dash or closing bracket ("1., 2. un 3.
  augustā", "1999. – 2000. gadā", "[38.]"), or after a sentence's end, colon or semicolon
  ("apmērā. 6. Šo", "šādi: 1. Direktīvas": an item number), while "... 25." at a sentence
  end keeps its dot apart,
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
from spacy.lang.char_classes import ALPHA, HYPHENS
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from .parsing.numbers import number_word_value
from .resources import load_resource

UPPER = "A-ZĀČĒĢĪĶĻŅŠŪŽ"
LOWER = "a-zāčēģīķļņšūž"
TOKEN_MATCH = re.compile(
    r"^(?:\d{1,2}\.\s?[-–]\s?\d{1,2}\.\d{1,2}\.(?:\d{2,4}\.?)?"  # 19.-23.12.20.
    r"|\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})\.?"  # 12.08.2019. / 10.01.21.
    r"|\d+,\d+"  # 3,5
    r"|(?:[01]?\d|2[0-4]):[0-5]\d"  # 13:00 (a time of day; other colons between numbers split)
    r")$"
)
# URLs and e-mails; stricter than spaCy's default, which takes "2020.gads" for a domain.
URL_MATCH = re.compile(
    r"^(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:lv|com|org|net|eu|gov|edu|info|io|ru|lt|ee|de|uk)(?:/\S*)?)$"
)
# spaCy's infix for dashes between letters, replaced by one that leaves "-" alone
LETTER_HYPHEN_INFIX = rf"(?<=[{ALPHA}])(?:{HYPHENS})(?=[{ALPHA}])"
EXTRA_INFIXES = [
    rf"(?<=[{ALPHA}])(?:{HYPHENS.replace('-|', '', 1)})(?=[{ALPHA}])",  # Latvijas–Krievijas, not e-pasts
    # after a genitive, a hyphen joins two words, as a dash would: "Latvijas-Igaunijas robeža",
    # "griķu-rīsu" (LVTB train and dev: 8 of the 16 split hyphens; 2 of the 56 whole words)
    rf"(?<=[{ALPHA}]{{2}}as)-(?=[{ALPHA}])|(?<=[{ALPHA}]{{3}}u)-(?=[{ALPHA}])",
    rf"(?<=\b[{UPPER}]\.)(?=[{UPPER}][{LOWER}]|[{UPPER}]\.)",  # A.Stepanova, A.A.
    # (not before a capital: FullStack keeps "9.Saeima" whole, an organisation)
    rf"(?<=\d\.)(?=[{LOWER}])",  # 2020.gads, 8.a
    r"(?<=\d\.)[-–](?=\d)",  # 2006.-2012. (a date range, "19.-23.12.20.", is a TOKEN_MATCH)
    r"(?<=\d)[/–‒:](?=\d)|(?<=\d\.)/(?=\d)",  # 80/987, 2007./08, 3–4, 46:47 (a time of day is a TOKEN_MATCH)
    rf"(?<=[{ALPHA}])&(?=[{ALPHA}])",  # Re&Re
    r"(?<=[Pp]lkst\.)(?=\d)|(?<=\b[Nn]r\.)(?=\d)",  # plkst.14.00, Nr.4 (LVTB: "plkst." "14.00")
    # a quote written into a word ('Valmiera"pildot', 'politiku",8'; LVTB train: 0 whole)
    rf"(?<=[{ALPHA}])[\"”“](?=[{ALPHA},/-])",
]
# Before spaCy's one-character "?" and "!" suffixes; LVTB: "?!", "!?", "??" (11 in dev+test, never split).
# A dash after a number's dot is a range's: "24.- 27.janvārī". A hyphen or slash at a word's
# edge is a token of its own ("runāt-", "-jā", "/A. L. Puškaitis./"; LVTB train and dev: 13
# split, 1 whole), except a URL's final slash ("kuldiga.lv/"), after which a dot is the
# sentence's ("http://biblio.kuldiga.lv/.").
EXTRA_SUFFIXES = [r"[?!]{2,}", r"(?<=\d\.)[-–]", rf"(?<=[{ALPHA}])-", r"(?<=\.)/", r"(?<=/)\."]
EXTRA_PREFIXES = [rf"[-/](?=[{ALPHA}])"]
# what LVTB writes as one token: runs of punctuation (train and dev: "’’"/"‘’" 4, "[..]" 2;
# not "***", one token 10 times, three 15 times) and company types ("a/s", "z/s": 4)
WHOLE_TOKENS = ("’’", "‘’", "[..]", "[...]", "a/s", "A/s", "A/S", "z/s", "Z/s", "Z/S")


# spaCy's emoticons that are Latvian punctuation and numbers: a list item "8)", a score "0:1",
# a bracket before a colon ("ēdieniem): divus"); LVTB train and dev split every one of them
NOT_EMOTICON = re.compile(r"\d|^[()\[\]]-?[:;]")


def like_num(text: str) -> bool:
    stripped = text.replace(",", "").replace(".", "").replace(" ", "")
    return stripped.isdigit() or number_word_value(text) is not None


def customize_tokenizer(nlp: Language) -> Language:
    tokenizer = nlp.tokenizer
    tokenizer.rules = {text: tokens for text, tokens in tokenizer.rules.items() if not NOT_EMOTICON.search(text)}
    for abbreviation in load_resource("abbreviations")["abbreviations"]:
        for form in {abbreviation, abbreviation[:1].upper() + abbreviation[1:]}:
            tokenizer.add_special_case(form, [{ORTH: form, NORM: abbreviation}])
    for whole in WHOLE_TOKENS:
        tokenizer.add_special_case(whole, [{ORTH: whole}])
    tokenizer.token_match = TOKEN_MATCH.match
    tokenizer.url_match = URL_MATCH.match
    tokenizer.infix_finditer = compile_infix_regex(
        [infix for infix in nlp.Defaults.infixes if infix != LETTER_HYPHEN_INFIX] + EXTRA_INFIXES).finditer
    tokenizer.suffix_search = compile_suffix_regex(EXTRA_SUFFIXES + list(nlp.Defaults.suffixes)).search
    tokenizer.prefix_search = compile_prefix_regex(EXTRA_PREFIXES + list(nlp.Defaults.prefixes)).search
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
    """Token i is a number followed by its dot and then a lower-case word ("2021. gada"), a
    comma, dash or closing bracket ("1., 2. un 3. augustā", "1999. – 2000.", "[38.]": a
    sentence never ends so), or an item number of up to three digits after a sentence's end,
    a colon or a semicolon ("apmērā. 6. Šo noteikumu", "šādi: 1. Direktīvas"): a sentence is
    not the number alone."""
    if not (i + 2 < len(doc) and doc[i].is_digit and not doc[i].whitespace_ and doc[i + 1].text == "."):
        return False
    following = doc[i + 2].text
    return (following[:1].islower() or following in ORDINAL_FOLLOWERS
            or (following[:1].isupper() and len(doc[i]) <= 3 and _after_sentence_end(doc, i)))


ITEM_MARKERS = ("-", "–", "•", "*", ":")
# what follows an ordinal's dot, never a sentence's: "1., 2.", "1999. – 2000.", "[38.]",
# "(2005., 2010.)" (not "—", which opens a line of dialogue)
ORDINAL_FOLLOWERS = (",", "-", "–", "]", ")")
# what ends the text before an item number on its line: a sentence's end (also inside a
# closing quote), a colon, a semicolon
SENTENCE_ENDS = (".", "!", "?")
ITEM_OPENERS = (*SENTENCE_ENDS, ":", ";")
CLOSING_QUOTES = ('"', "”", "»", "“", "'")


def opens_text_unit(token: Token) -> bool:
    """The token starts a sentence or a list item (after "•", "-", ":" or an item number that
    opens its sentence, "apmērā. 6. Šo"): a capital there proves nothing about a name."""
    if token.is_sent_start or token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return before.text in ITEM_MARKERS or (
        before.text[:-1].isdigit() and before.text.endswith(".") and (before.is_sent_start or before.i == 0))


def _after_sentence_end(doc: Doc, i: int) -> bool:
    """Token i follows a sentence's final punctuation (or a colon or semicolon) on the same
    line. (An item number at a line start stays two tokens: the NER model learnt list items
    so, "1" "." "Apzinātas".)"""
    k = i - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k >= 1 and doc[k].text in CLOSING_QUOTES and doc[k - 1].text in SENTENCE_ENDS:
        k -= 1  # aizstāj." 2. Direktīvas
    # (a space after it: not the colon of a score, "46:47. Viesi")
    return (k >= 0 and doc[k].text in ITEM_OPENERS and "\n" not in doc[k].whitespace_
            and doc[k].idx + len(doc[k]) < doc[i].idx)
