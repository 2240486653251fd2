"""`lv_lexicon_morph`: lemma, UPOS and FEATS from the LVTB lexicon and the hunspell-lv
dictionary: filled in where no trained component annotated a token (the lexicon backend),
checked where one did (core, stanza)."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..tokenizer import opens_text_unit
from .hunspell import OPEN_UPOS as DICTIONARY_UPOS
from .lexicon import Analysis, bounded_cache, capitalised, load_lexicon, numeral_reading

# The parts of speech whose dictionary headwords decide between readings, in order of
# preference (verbs first: LVTB dev, 1,159 UPOS errors against 1,161 with adjectives first).
LISTED_UPOS = ("VERB", "ADJ", "NOUN")
# A participle's comparative ("detalizētākos", "aizraujošākais"): the stem of a past passive
# ("-ts"), present active ("-ošs") or present passive ("-ams") participle, "-āk-" and an
# adjective's ending. Verbs have no degrees: LVTB tags such words ADJ, lemma the positive
# ("detalizēts"): train 106 ADJ, 18 VERB.
ADJECTIVE_ENDINGS = "ais|ajam|ajā|ajai|ajiem|ajām|ajos|ajās|ie|ās|o|ā|s|a|u|i|as|us|am|ai|iem|ām|os"
PARTICIPLE_COMPARATIVE = re.compile(rf"^(?P<positive>\w+(?:t|oš|am|ām))āk(?:{ADJECTIVE_ENDINGS})$")
# A present passive participle ("patīkamo", "ievērojamiem"): LVTB tags the lexicalised ones
# ADJ with their own lemma ("patīkams"), the others VERB (train: 405 ADJ, 504 VERB); an
# unseen form is ADJ where the treebank has seen the adjective.
PRESENT_PASSIVE = re.compile(rf"^(?P<positive>\w+[aā]m)(?:{ADJECTIVE_ENDINGS})$")
# An ordinal numeral in a definite ending ("desmito", "devītā", "divdesmitajos"): ADJ with the
# masculine nominative as lemma ("desmitais"; LVTB train: 104 of 124 such forms, the rest
# feminine lemmas). "-ā" and "-os" only after stems no noun shares ("simtā", "desmitos" are
# also forms of the nouns "simts", "desmits").
DEFINITE_ENDINGS = "ais|ajam|ajā|ajai|ajiem|ajām|ajos|ajās|ie|o|ās"
ORDINAL = re.compile(rf"^(?P<stem>\w*(?:desmit|simt|tūkstoš)(?=(?:{DEFINITE_ENDINGS})$)"
                     rf"|\w*padsmit|treš|ceturt|piekt|sest|septīt|astot|devīt)(?:{DEFINITE_ENDINGS}|ā|os)$")


# A name's singular case endings and its nominative's, by gender and case: the feminine
# a- and e-declensions, the masculine s-declension ("Rokfelleram" -> "Rokfellers"). Not the
# masculine genitive "-a", which is also a feminine nominative ("Vida", "Rimša": 5 of 13 on
# LVTB dev), nor plurals.
NAME_ENDINGS = {
    ("Fem", "Gen"): (("as", "a"), ("es", "e")), ("Fem", "Dat"): (("ai", "a"), ("ei", "e")),
    ("Fem", "Acc"): (("u", "a"), ("i", "e")), ("Fem", "Loc"): (("ā", "a"), ("ē", "e")),
    ("Masc", "Dat"): (("am", "s"),), ("Masc", "Acc"): (("u", "s"),), ("Masc", "Loc"): (("ā", "s"),),
}


def _name_nominative(text: str, morph) -> str:
    """An unseen name's nominative from its ending and the model's case and gender, where
    the model kept the form as its lemma ("Trikātas ielā" -> "Trikāta", "Zilupi" ->
    "Zilupe"; LVTB dev, gold tokens, core: 7 fixed, 1 broken, "Maximas"), else `text`."""
    if morph.get("Number") not in ([], ["Sing"]):
        return text
    for gender in morph.get("Gender"):
        for case in morph.get("Case"):
            for ending, nominative in NAME_ENDINGS.get((gender, case), ()):
                if text.endswith(ending) and len(text) > len(ending) + 1:
                    return text[:-len(ending)] + nominative
    return text


LATVIAN_LETTERS = re.compile("[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")


@Language.factory("lv_lexicon_morph", default_config={"lexicon_path": None})
def make_lexicon_morph(nlp: Language, name: str, lexicon_path: str | None) -> "LexiconMorph":
    return LexiconMorph(lexicon_path)


def _tag_alone(feats: str) -> bool:
    """A tag's FEATS are none, or only the case lv_crf_tagger gave it."""
    return not feats or (feats.startswith("Case=") and "|" not in feats)


class LexiconMorph:
    """Fills lemma/UPOS/FEATS for tokens no trained component annotated. For tokens a
    trained model did annotate, a form seen in the treebank takes the lexicon lemma of the
    analysis that matches the model's UPOS (and FEATS), and a UPOS the treebank never gave
    the form is corrected (`_refine`); an unseen form takes the hunspell-lv dictionary's
    reading (`_refine_unseen`). LVTB v2.5 dev, core model, gold tokens: lemma 91.4 %
    (model alone) -> 92.8 % (treebank forms) -> 95.9 % (all of it), UPOS 93.5 -> 94.9 %.
    A tagger's XPOS is then made consistent with the final UPOS and FEATS."""

    def __init__(self, lexicon_path: str | None = None):
        self.lexicon = load_lexicon(lexicon_path)
        self.lexicon.load_dictionary()
        # (form, UPOS, FEATS, XPOS, lemma) of a tagged token -> the same after `_check`, as
        # ids: the check depends on nothing else, and most tokens repeat an earlier one
        self._checked: dict[tuple[int, ...], tuple] = {}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.is_space:
                continue
            if token.pos_:
                key = (token.orth, token.pos, token.morph.key, token.tag, token.lemma)
                pos, morph, tag, lemma = bounded_cache(self._checked, key, lambda _: self._check(token))
                token.pos, token.tag, token.lemma = pos, tag, lemma
                token.set_morph(morph)
                continue
            if token.is_punct:
                token.pos_ = "PUNCT"
                token.lemma_ = token.text
                continue
            best = self.lexicon.best(token.text)
            if best.upos in DICTIONARY_UPOS and self._unknown_name(token.text, opens_text_unit(token)):
                best = best._replace(upos="PROPN", lemma=capitalised(best.lemma))
            token.pos_ = best.upos
            token.lemma_ = token.text if self._acronym(token.text, token.pos_) else best.lemma
            if best.morph:
                token.set_morph(best.morph)
        return doc

    def _check(self, token) -> tuple:
        """A tagged token's reading: its tag's, then checked against the treebank and the
        dictionary, with an XPOS consistent with the result (UPOS, FEATS, XPOS and lemma as
        ids, the FEATS as spaCy's MorphAnalysis)."""
        feats = str(token.morph)
        if _tag_alone(feats):
            self._reading_of_tag(token, feats)
        self._refine(token)
        if token.pos_ == "PROPN" and token.lemma_ == token.text and not self.lexicon.known(token.text):
            token.lemma_ = _name_nominative(token.text, token.morph)
        if token.pos_ == "PROPN" and token.text[:1].isupper() and token.lemma_[:1].islower():
            # a name's lemma keeps its capital, whatever common word its reading came from
            # ("Vida", not "vida"; LVTB train: 7,436 of 7,539 capitalised proper nouns)
            token.lemma_ = capitalised(token.lemma_)
        if token.tag_:
            token.tag_ = self.lexicon.consistent_xpos(token.tag_, token.lemma_, token.pos_, str(token.morph))
        return token.pos, token.morph, token.tag, token.lemma

    def _reading_of_tag(self, token, feats: str) -> None:
        """A tag alone, with at most its case (lv_crf_tagger's, where no model tagged the
        token or where the CRF overruled it): the lexicon's likeliest reading with that tag
        and case (LVTB dev, gold tokens, lexicon backend: UFeats 88.30 -> 90.45 with the
        joint UPOS|Case CRF against the UPOS CRF and the tag's likeliest reading), else with
        that tag, else its likeliest lemma. A model's lemma stays for `_refine` to check."""
        upos, lemma, morph = self._tag_reading(token.text, token.pos_, feats)
        token.pos_ = upos
        if not token.lemma_:
            token.lemma_ = lemma
        token.set_morph(morph or None)

    def _tag_reading(self, text: str, upos: str, feats: str) -> tuple[str, str, str]:
        if upos in DICTIONARY_UPOS and not text.isupper() and self._unknown_name(text):
            # the CRF's endings vote for a common word ("• Žiguru slāvu ansamblim": ADJ);
            # an acronym is a noun ("DNVOAC", see `_acronym`)
            upos = "PROPN"
        case = [feature[5:] for feature in feats.split("|") if feature.startswith("Case=")]
        readings = [a for a in self.lexicon.analyses(text) if a.upos == upos]
        reading = next((a for a in readings if [a.feat("Case")] == case), readings[0] if readings else None)
        if reading is None:
            lemma = self.lexicon.best(text).lemma
            reading = Analysis(capitalised(lemma) if upos == "PROPN" else lemma, upos, feats)
        return upos, text if self._acronym(text, upos) else reading.lemma, reading.morph  # "EUR", not "Eur"

    def _unknown_name(self, text: str, sentence_start: bool = False) -> bool:
        """A capitalised word inside a sentence that neither the treebank nor the dictionary
        knows is a name, whatever its ending suggests ("Taimanu", "Bille"): LVTB dev, gold
        tokens, lexicon backend: UPOS 92.77 -> 93.47, lemma 94.23 -> 94.64 (untagged words).
        Over lv_crf_tagger's tags, at sentence starts too (a line opening with "Žiguru slāvu
        ansamblim" was an adjective): UPOS 96.83 -> 96.88, lemma 96.30 -> 96.32."""
        return (text[:1].isupper() and not sentence_start and len(text) > 1
                and not self.lexicon.known(text) and not self.lexicon.hunspell_lemmas(text))

    def _acronym(self, text: str, upos: str) -> bool:
        """An all-capital noun, number or symbol ("SIA", "PVN", "NVO") keeps its capitals in
        its lemma, unless the dictionary reads it as a word written in capitals ("KRĀSAS", a
        heading; "EUR", which it lists in capitals, stays). LVTB train keeps them for 103 of
        158 all-capital nouns (32 lower-cased) and 484 of 540 proper nouns; its mixed readings
        of "SIA" had given "sia" on dev."""
        return (text.isupper() and len(text) > 1 and text.isalpha() and upos in ("NOUN", "PROPN", "NUM", "SYM")
                and (not self.lexicon.hunspell_lemmas(text) or all(stem.isupper() for stem in self.lexicon.dictionary_stems(text))))

    def _refine(self, token) -> None:
        """A trained model's tags and lemma checked against the treebank's readings of the
        form: a UPOS the treebank never gave this form is replaced by its most frequent
        reading (with that reading's FEATS). LVTB v2.5 dev, core model, gold tokens: UPOS
        93.73 -> 94.94, UFeats 88.85 -> 89.75, lemma 95.51 -> 95.93 (only for forms seen at
        least 3 times: UPOS 93.98; only open-class tags: 94.26). FEATS the treebank never
        gave the form with that UPOS become the nearest it did: UFeats 90.89 -> 91.08."""
        if not self.lexicon.known(token.text):
            self._refine_unseen(token)
            return
        options = self.lexicon.analyses(token.text)  # the seen readings first
        if token.pos_ not in {a.upos for a in options}:
            token.pos_ = options[0].upos
            token.set_morph(options[0].morph or None)
        seen = [a for a in options if a.upos == token.pos_ and a.count > 0]
        feats = str(token.morph)
        if seen and all(a.morph != feats for a in seen):
            # the nearest seen FEATS: fewest features differing (dev: 71 fixed, 23 broken)
            predicted = set(feats.split("|"))
            token.set_morph(min(seen, key=lambda a: len(predicted ^ set(a.morph.split("|")))).morph or None)
            feats = str(token.morph)
        match = next((a for a in seen if a.morph == feats), None) \
            or next((a for a in options if a.upos == token.pos_), None)
        if match is not None:
            token.lemma_ = match.lemma
        if self._acronym(token.text, token.pos_) or token.pos_ == "X" and token.lemma_.lower() == token.text.lower():
            # (a foreign word as written, capital included: "Baltic", "Group"; LVTB train: 392
            # capitalised foreign words keep it, 37 do not; the lexicon's lemmas are lower-case)
            token.lemma_ = token.text

    def _adjective(self, token, lemma: str, feats: str | None = None) -> None:
        """Retag a token as an adjective with this lemma, with the FEATS of the lexicon's
        likeliest adjective reading of the form (else `feats`)."""
        token.pos_, token.lemma_ = "ADJ", lemma
        reading = next((a for a in self.lexicon.analyses(token.text) if a.upos == "ADJ"), None)
        token.set_morph(reading.morph if reading is not None and reading.morph else feats)

    def _refine_unseen(self, token) -> None:
        """A form the treebank never saw: the hunspell-lv lemma for the model's UPOS; when the
        dictionary cannot read the word as that part of speech, or reads it so only by an
        ending's guess, its reading with a listed headword (its only reading, if it has one).
        LVTB v2.5 dev, core model, gold tokens: UPOS 93.47 -> 93.73, lemma 94.94 -> 95.51
        against taking the dictionary lemma for the model's UPOS only; headwords (session 7)
        UPOS 95.19 -> 96.06, lemma 96.18 -> 96.57."""
        numeral = numeral_reading(token.text)
        if numeral is not None:
            token.pos_, token.lemma_ = numeral.upos, numeral.lemma
            token.set_morph(numeral.feats)
            return
        low = token.text.lower()
        ordinal = ORDINAL.match(low)
        if ordinal is not None:
            self._adjective(token, ordinal["stem"] + "ais", "NumType=Ord")
            return
        prefixed = next((a for a in self.lexicon.prefixed(token.text) if a.upos == token.pos_), None)
        if prefixed is not None:
            # a debitive or superlative the dictionary lacks, read through its base word
            # (LVTB dev, gold tokens: core lemma 96.89 -> 96.95, lexicon 96.52 -> 96.68)
            token.lemma_ = prefixed.lemma
            token.set_morph(prefixed.morph or None)
            return
        comparative = PARTICIPLE_COMPARATIVE.match(low) if token.pos_ == "VERB" else None
        if comparative is not None:
            # (LVTB dev, gold tokens: 5 of the 7 unseen ones tagged VERB are ADJ)
            self._adjective(token, comparative["positive"] + "s", "Degree=Cmp")
            return
        passive = PRESENT_PASSIVE.match(low) if token.pos_ == "VERB" else None
        if passive is not None and self.lexicon.seen_lexeme(passive["positive"] + "s", "ADJ"):
            self._adjective(token, passive["positive"] + "s")
            return
        if token.pos_ == "SYM" and len(token.text) > 2 and token.text.isalpha() and token.text[0].isupper():
            # A name the model took for a symbol ("Dinaz", "RusLatNafta"): LVTB's alphabetic
            # symbols are letters and short abbreviations (list markers "a", "b"). Dev, unseen
            # capitalised words of 3+ letters tagged SYM: 28 of 29 are PROPN.
            token.pos_ = "PROPN"
            return
        if token.pos_ == "X":
            # Foreign words stay as written: lemma = form for 542 of 594 LVTB train tokens.
            token.lemma_ = token.text
            if token.text[:1].isupper() and LATVIAN_LETTERS.search(token.text):
                # ... but a capitalised one in Latvian letters is a name ("Gafanovičs", "Moše";
                # LVTB train: 3 of 452 capitalised foreign words have one; dev: 5 names, no X)
                token.pos_ = "PROPN"
            return
        if self._acronym(token.text, token.pos_):
            token.lemma_ = token.text
            return
        if token.pos_ not in DICTIONARY_UPOS:
            return
        dictionary = self.lexicon.hunspell_lemmas(token.text)
        if not dictionary:
            return
        listed_upos = self.lexicon.listed_upos(token.text)
        listed = next((upos for upos in LISTED_UPOS if upos in listed_upos), None)
        # without the model's FEATS (the CRF tagger's tag), the lexicon guesses them below
        model_upos = token.pos_ if token.has_morph() else None
        if token.pos_ not in dictionary and len(dictionary) == 1:
            token.pos_ = next(iter(dictionary))
        elif token.pos_ == "ADJ" and "VERB" in listed_upos and "ADJ" not in listed_upos:
            # A participle read as an adjective ("aizvestie", "paplašinātiem"): LVTB tags
            # participles VERB with the verb's lemma, and the dictionary derives it from a
            # verb it lists (its other VERB readings are often noise: "hormonālais"), unless
            # it lists the adjective too ("sīka" is "sīks", not the verb "sīkt").
            token.pos_ = "VERB"
        elif listed and (token.pos_ not in dictionary
                         or token.pos_ in LISTED_UPOS and token.pos_ not in listed_upos):
            # The model's reading is none of the dictionary's, or only an ending's guess
            # ("pārtrūka" as the noun "pārtrūks", no headword): a reading whose lemma the
            # dictionary lists wins ("pārtrūkt", a verb). LVTB dev, gold tokens: UPOS 95.19
            # -> 96.06, lemma 96.18 -> 96.57 (the first case alone: 106 tags fixed, 5 broken).
            token.pos_ = listed
        token.lemma_ = dictionary.get(token.pos_, next(iter(dictionary.values())))
        if token.pos_ != model_upos:
            # The model's FEATS were for its own tag: the lexicon's guess for the new one
            # instead (LVTB dev, gold tokens: UFeats 90.13 -> 90.88).
            guess = next((a for a in self.lexicon.analyses(token.text) if a.upos == token.pos_), None)
            token.set_morph((guess.morph or None) if guess is not None else None)

