"""Morphological questions the extractor asks of a token.

The token's own annotation (from the trained pipeline or the lexicon component)
comes first; the lexicon's other analyses of the same form are kept as
alternatives, because an isolated form is often ambiguous ("tiešsaistes" is
genitive singular or nominative plural) and agreement decides.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..morphology import Analysis, load_lexicon
from ..resources import load_resource

NOMINAL_UPOS = {"NOUN", "PROPN", "ADJ", "DET"}
NOUN_UPOS = {"NOUN", "PROPN"}


def analyses(token: Token) -> list[Analysis]:
    own = [Analysis(token.lemma_, token.pos_, str(token.morph), 0)] if token.pos_ else []
    return [*own, *load_lexicon().analyses(token.text)]


def is_abbreviation(token: Token) -> bool:
    """Upper-case acronyms such as NVO, MT, DNVOAC: indeclinable nouns."""
    text = token.text
    return 2 <= len(text) <= 8 and text.isupper() and text.isalpha()


def is_noun(token: Token) -> bool:
    if is_abbreviation(token) or token.pos_ in NOUN_UPOS:
        return True
    options = load_lexicon().analyses(token.text)
    # A form the treebank reads as a noun most often, whatever a tagger trained on its
    # sentences says in a count ("11 kolektīvi", "3 informatīvie materiāli": the CRF tagger's
    # ADV and ADJ); an unseen form whose ending reads as a noun as often as anything else
    # ("statīvs").
    if load_lexicon().known(token.text):
        return options[0].upos == "NOUN"
    tagged_participle = token.pos_ == "VERB" and token.morph.get("VerbForm") == ["Part"]
    if (token.pos_ in NOMINAL_UPOS or tagged_participle) and token.pos_ in load_lexicon().hunspell_lemmas(token.text):
        # an unseen form that its tag in context and the dictionary both read as an adjective
        # or a participle ("57 vientuļos seniorus": not the locative of "vientulis"; "2 sezonās
        # iestudētas": not the plural of a noun "iestudēta")
        return False
    return any(a.upos == "NOUN" and a.count == options[0].count for a in options)


def is_participle(analysis: Analysis) -> bool:
    return analysis.upos == "VERB" and analysis.feat("VerbForm") == "Part"


def is_nominal(token: Token) -> bool:
    """Can stand inside a noun phrase: noun, adjective, participle, acronym."""
    if not token.is_alpha:
        return False
    if is_noun(token):
        return True
    options = analyses(token)
    if load_lexicon().known(token.text):
        return options[0].upos in NOMINAL_UPOS or is_participle(options[0])
    # An unseen form: its tag in context says nominal ("5 algoti darbinieki": the endings
    # alone vote for the adverbs in "-oti"), or do its endings point to a nominal more than
    # to anything else? ("vietēja" is read as a verb by its longest suffix, but mostly
    # nominal by its ending.)
    if token.pos_ in NOMINAL_UPOS or (token.pos_ and is_participle(options[0])):
        return True
    nominal = sum(a.count for a in options if a.upos in NOMINAL_UPOS or is_participle(a))
    return nominal >= sum(a.count for a in options) - nominal


def can_be_genitive(token: Token) -> bool:
    if is_abbreviation(token):
        return True
    for a in analyses(token):
        if a.upos in NOMINAL_UPOS or is_participle(a):
            case = a.feat("Case")
            if case == "Gen" or (case is None and a.upos in NOUN_UPOS) or _genitive_plural_reading(a, token):
                return True
    return False


def genitive_plural(token: Token) -> bool:
    """Can this noun be a genitive plural ("stundu", "tonnu")?"""
    return any(_genitive_plural_reading(a, token) for a in analyses(token))


def _genitive_plural_reading(analysis: Analysis, token: Token) -> bool:
    """A noun's genitive plural, or its accusative singular in "-u", which is the genitive
    plural too ("tīklu", "grāmatu") though the treebank may never have shown it so: "1200
    sociālo tīklu lietotāju"."""
    if analysis.upos not in NOUN_UPOS:
        return False
    reading = (analysis.feat("Case"), analysis.feat("Number"))
    return reading == ("Gen", "Plur") or reading == ("Acc", "Sing") and token.lower_.endswith("u")


def wants_singular(value: float | int) -> bool:
    """Latvian numerals ending in 1 (but not 11) take a singular noun: 1, 21, 101 dalībnieks."""
    return isinstance(value, int) and value % 10 == 1 and value % 100 != 11


def agrees(token: Token, value: float | int) -> bool:
    """Could this noun be counted by `value` (singular after 1, 21, ...; plural otherwise)?"""
    if is_abbreviation(token) or not isinstance(value, int):
        return True
    wanted = {"Sing"} if wants_singular(value) else {"Plur", "Ptan"}
    nouns = [a for a in analyses(token) if a.upos in NOUN_UPOS]
    for a in nouns:
        number = a.feat("Number")
        if number is None or number in wanted or number == "Ptan":
            return True
    # The treebank saw the form only as another noun's ("4 skolu direktori": the accusative
    # singular of "direktore", once): the dictionary's noun may agree, as `noun_lemma` reads it.
    dictionary_noun = load_lexicon().hunspell_lemmas(token.text).get("NOUN") if token.text[:1].islower() else None
    return dictionary_noun is not None and all(a.lemma.lower() != dictionary_noun for a in nouns)


def noun_lemma(token: Token, value: float | int | None = None) -> str:
    """Lemma of a counted noun, choosing the analysis that agrees with the number (and,
    among those, the one hunspell-lv reads the form as); a plural lemma with a countable
    singular of its own is that singular ("vecāki" -> "vecāks", `singular_of`)."""
    lemma = _agreeing_noun_lemma(token, value)
    return load_resource("quantity_rules")["singular_of"].get(lemma, lemma)


def _agreeing_noun_lemma(token: Token, value: float | int | None) -> str:
    if is_abbreviation(token):
        return token.text
    nouns = [a for a in analyses(token) if a.upos in NOUN_UPOS and a.lemma]
    if (not nouns and not is_noun(token) or _substantivised_in_context(token)) and adjective_analysis(token):
        return substantive_lemma(token)
    dictionary_noun = None
    if token.text[:1].islower():
        nouns = [a for a in nouns if a.upos != "PROPN"] or nouns
        dictionary_noun = load_lexicon().hunspell_lemmas(token.text).get("NOUN")
    if value is not None:
        agreeing = [a for a in nouns if _number_ok(a, value)]
        if not agreeing and dictionary_noun:
            # no reading agrees with the number ("3 asistenti": the lexicon has only the
            # accusative singular of "asistente"): the dictionary's noun reading decides
            return plural_only_lemma(dictionary_noun)
        nouns = agreeing or nouns
    if not nouns:
        return token.lemma_ or token.text.lower()
    if dictionary_noun:
        # "16 treneri": "treneris", not the feminine "trenere" the guesser also offers
        nouns = sorted(nouns, key=lambda a: a.lemma.lower() != dictionary_noun)
        if nouns[0].lemma.lower() != dictionary_noun:
            # a lemma the dictionary does not list loses to one it does ("printeri": "printers")
            lexicon = load_lexicon()
            if not lexicon.dictionary_headword(nouns[0].lemma.lower(), "NOUN") \
                    and lexicon.dictionary_headword(dictionary_noun, "NOUN"):
                return plural_only_lemma(dictionary_noun)
    lemma = nouns[0].lemma
    if nouns[0].upos == "PROPN":
        return lemma
    lemma = lemma.lower()
    # Plural-only nouns keep their plural lemma ("mācības", "durvis", "bungas").
    if nouns[0].feat("Number") in ("Plur", "Ptan"):
        return plural_only_lemma(lemma)
    return lemma


def _substantivised_in_context(token: Token) -> bool:
    """An unseen definite adjective or participle that its tag in context says is one: "250
    aptaujātajiem" is "aptaujātais", not the noun "aptaujātajs" its ending also suggests."""
    return (token.pos_ in ("ADJ", "VERB") and token.morph.get("Definite") == ["Def"]
            and not load_lexicon().known(token.text))


def plural_only_lemma(lemma: str) -> str:
    """The plural lemma of a noun listed as plural-only ("mācība" -> "mācības"), else `lemma`."""
    listed = set(load_resource("quantity_rules")["plural_only"])
    if lemma in listed:
        return lemma
    stem = lemma[:-1]
    for plural in (stem + "as", stem + "es", stem + "i", lemma[:-2] + "i"):
        if plural in listed:
            return plural
    return lemma


def _number_ok(analysis: Analysis, value: float | int) -> bool:
    if not isinstance(value, int):
        return True
    number = analysis.feat("Number")
    wanted = "Sing" if wants_singular(value) else "Plur"
    return number in (None, wanted, "Ptan")


def cases(token: Token) -> set[str]:
    """Every case a nominal form can be in (an acronym can be in any)."""
    if is_abbreviation(token):
        return {"Nom", "Gen", "Dat", "Acc", "Loc", "Voc", "Ins"}
    return {c for a in analyses(token) if a.upos in NOMINAL_UPOS or is_participle(a) for c in [a.feat("Case")] if c}


def genitive_modifiers(words: list[Token], noun: Token) -> bool:
    """Can every word agree with `noun` as a genitive (same number, and gender where both
    have one)? "nevalstisko organizāciju": genitive plural feminine."""
    readings = [a for a in analyses(noun) if a.upos in NOUN_UPOS and a.feat("Case") == "Gen"]
    for word in words:
        readings = [r for r in readings if any(
            a.feat("Case") == "Gen" and a.feat("Number") == r.feat("Number")
            and (a.feat("Gender") is None or r.feat("Gender") is None or a.feat("Gender") == r.feat("Gender"))
            for a in analyses(word) if a.upos in NOMINAL_UPOS or is_participle(a))]
    return bool(readings)


def adjective_analysis(token: Token) -> Analysis | None:
    for a in analyses(token):
        if a.upos == "ADJ":
            return a
    return None


def substantive_lemma(token: Token) -> str:
    """Nominative of a substantivised adjective: "brīvprātīgo" -> "brīvprātīgais"."""
    analysis = adjective_analysis(token)
    lemma = (analysis.lemma if analysis else token.lemma_).lower()
    if analysis and lemma.endswith("s") and not lemma.endswith("ais"):
        return lemma[:-1] + ("ā" if analysis.feat("Gender") == "Fem" else "ais")
    return lemma


def is_definite_adjective(token: Token) -> bool:
    return any(a.upos == "ADJ" and a.feat("Definite") == "Def" for a in analyses(token))


def names_a_kind_of_person(token: Token) -> bool:
    """A definite adjective the dictionary also lists as a noun of its own ("brīvprātīgie":
    "brīvprātīgais", a volunteer; "vietējie"), not one that only describes ("juridiskās")."""
    return any(lemma.endswith("ais") for lemma in load_lexicon().hunspell_lemmas(token.lower_).values())


def is_place(token: Token) -> bool:
    """A proper noun in the locative ("Latgalē", "Liepājā"): where, not what, is counted."""
    if is_abbreviation(token) or not token.text[:1].isupper():
        return False
    options = [a for a in analyses(token) if a.upos in NOUN_UPOS]
    if options and options[0].upos == "PROPN" and options[0].feat("Case") == "Loc":
        return True
    # ... or a gazetteer place the lexicon reads as a common noun in the locative ("Preiļos": "preiļi")
    from ..annotate.entity_rules import place_nominative  # here: entity_rules imports the extractor

    return place_nominative(token.text) is not None and any(a.feat("Case") == "Loc" for a in options)


def compared_by_par(token: Token) -> bool:
    """A comparative before "par" (than): "29 vecāki par 75 gadiem" says older, not parents."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.lower_ == "par" and any(
        a.upos in ("ADJ", "ADV") and a.feat("Degree") == "Cmp" for a in analyses(token))


def only_case(token: Token, case: str) -> bool:
    """Every nominal reading of the form is in `case` (an acronym never is)."""
    return not is_abbreviation(token) and cases(token) == {case}


def counted_as_subject_or_object(token: Token, value: float | int) -> bool:
    """Has a nominative or accusative noun reading that the number can count."""
    for a in analyses(token):
        if a.upos in NOUN_UPOS and a.feat("Case") in ("Nom", "Acc") and _number_ok(a, value):
            return True
    return False
