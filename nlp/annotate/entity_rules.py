"""`lv_entity_rules`: organisations, places and persons the report genre writes in ways a
general NER corpus lacks, configured by resources/entity_patterns.json.

  ORG  "Biedrība „Dienvidlatgales NVO atbalsta centrs”", "biedrībai “Omītes”",
       "Daugavpils Ebreju muzejam", "Rēzeknes poļu biedrībai", "PIKC RVT", "NVO"
  LOC  municipalities, cities and regions in any case: "Latgales reģiona", "Rēzeknes", "Krāslavas apkaimēs"
  PER  an initial and a surname ("A.Stepanova"), a known first name and a surname ("Artūrs Mednis")
  DATE dates and periods (nlp.entities.dates), MONEY amounts (the money quantities)

Rule spans win over a statistical model's overlapping spans, except the weak ones: a
gazetteer place inside a model organisation ("Latvijas Bankas"), an acronym the model
labels otherwise ("ES", "ASV" as places) and an initial and surname inside a model's full
name yield to the model. Model spans that the report genre shows to be noise (addresses,
quoted titles, broken quotes, common words capitalised by position) are dropped; the
others stay.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..doc_text import doc_text
from ..extract.quantities import SPAN_KEY
from ..morphology import capitalised, load_lexicon
from ..resources import load_resource
from ..tokenizer import opens_text_unit

UPPER = "A-ZĀČĒĢĪĶĻŅŠŪŽ"
TITLE_LABELS = ("EVENT", "PRODUCT")  # the model's labels of named things whose names may hold a place
VOWEL = re.compile("[aeiouyāēīōū]", re.IGNORECASE)
ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")
ORDINAL_NUMBER = re.compile(r"\d{1,3}\.")
LOWER = "a-zāčēģīķļņšūž"
INITIAL_SURNAME = re.compile(rf"\b(?:D[zž]|[{UPPER}])\.\s?[{UPPER}][{LOWER}]+")  # "A.Stepanova", "Dz. Lezdiņa"

if not Span.has_extension("date_value"):
    Span.set_extension("date_value", default=None)


@lru_cache(maxsize=1)
def _config() -> dict:
    config = dict(load_resource("entity_patterns"))
    config["org_type_words"] = set(config["org_type_words"])
    config["branch_type_words"] = set(config["branch_type_words"])
    # head lemma -> the lemmas before it
    config["org_type_phrases"] = {tuple(p.split())[-1]: tuple(p.split())[:-1] for p in config["org_type_phrases"]}
    # head lemma -> the lemma sequences before it (two unions share "savienība")
    place_phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase in config["place_type_phrases"]:
        *before, head = phrase.split()
        place_phrases.setdefault(head, []).append(tuple(before))
    config["place_type_phrases"] = place_phrases
    config["building_type_words"] = set(config["building_type_words"])
    config["facility_type_words"] = set(config["facility_type_words"])
    config["facility_qualifiers"] = set(config["facility_qualifiers"])
    # their first letters, which inflection leaves alone: the dictionary is asked only then
    config["facility_stems"] = tuple({word[:5] for word in config["facility_type_words"]})
    config["saint_abbreviations"] = set(config["saint_abbreviations"])
    config["seasons"] = set(config["seasons"])
    config["street_words"] = set(config["street_words"])
    config["title_heads"] = set(config["title_heads"])
    config["person_titles"] = set(config["person_titles"])
    config["person_roles"] = set(config["person_roles"])
    config["person_honorifics"] = set(config["person_honorifics"])
    config["places"] = _place_lemmas(config["regions"], config["place_declensions"])
    config["place_forms"] = place_forms(config["places"], config["place_declensions"])
    config["first_names"] = _first_names()
    return config


def _place_lemmas(regions: list[str], declensions: dict) -> set[str]:
    """Regions from the data file plus, from pycountry: Latvia's municipalities and state
    cities (a municipality named after its centre, "Mārupes novads", "Talsu novads", adds
    the centre, "Mārupe", "Talsi") and the one-word Latvian names of countries."""
    import gettext

    import pycountry

    places = set(regions)
    latvian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["lv"])
    for country in pycountry.countries:
        name = latvian.gettext(country.name)
        # untranslated names are English ("Czechia"); short ones collide with words ("Čada")
        if name != country.name and " " not in name and "," not in name and len(name) >= 5:
            places.add(name)
    listed = place_forms(places, declensions)  # "Cēsu novads" is Cēsis' (listed), not a "Cēsi"
    for subdivision in pycountry.subdivisions.get(country_code="LV") or []:
        words = subdivision.name.split()
        places.add(" ".join(words))
        if len(words) == 2 and words[1].lower() == "novads" and words[0] not in listed:
            places.add(_nominative_of_genitive(words[0], declensions))
    return places


def _nominative_of_genitive(genitive: str, declensions: dict) -> str:
    """The place a genitive names, by the first declension (in data-file order) whose
    genitive ending it has: "Mārupes" -> "Mārupe", "Tukuma" -> "Tukums", "Ādažu" -> "Ādaži"."""
    for nominative, endings in declensions.items():
        if genitive.endswith(endings[1]):
            return genitive[: len(genitive) - len(endings[1])] + nominative
    return genitive


def place_forms(places: set[str], declensions: dict) -> dict[str, str]:
    """Every case form of the one-word places -> the place ("Talsos" -> "Talsi", "Balvu" ->
    "Balvi"), declined by their nominative ending. The lexicon's lemma misses some of these
    (an unseen "Talsos" is the common noun "talsi"; "Balvu" the prize "balva")."""
    forms: dict[str, str] = {}
    for place in sorted(places):
        if " " in place:
            continue
        ending = next((e for e in declensions if place.endswith(e)), None)
        if ending is None:
            forms.setdefault(place, place)  # indeclinable ("Tartu")
            continue
        stem = place[: len(place) - len(ending)]
        for case_ending in declensions[ending]:
            forms.setdefault(stem + case_ending, place)
    return forms


def place_nominative(word: str) -> str | None:
    """The gazetteer place `word` is a case form of, if any."""
    return _config()["place_forms"].get(word)


def _is_place(word: str, lemma: str) -> bool:
    """`word` is a case form of a gazetteer place, or its lemma (capitalised: the lexicon
    lower-cases names it guessed) is one."""
    return word in _config()["place_forms"] or capitalised(lemma) in _config()["places"]


def first_names() -> set[str]:
    """Latvian first names in the nominative (the lv-namedays calendar)."""
    return _config()["first_names"]


def _is_first_name(word: str, lemma: str) -> bool:
    """The word, or its lemma capitalised (the lexicon may lower-case a name it guessed:
    "Lidiju" -> "lidija"), or the lemma of another of its readings (a tagger's PROPN with a
    guessed masculine "Lidijs"), is a calendar first name."""
    names = first_names()
    return (word in names or capitalised(lemma) in names
            or any(capitalised(a.lemma) in names for a in load_lexicon().analyses(word)))


def _first_names() -> set[str]:
    """Latvian first names from the extended name-day calendar (lv-namedays)."""
    from lv_namedays import NameDayDB

    return {name for names in NameDayDB().namedays_ext.values() for name in names}


@Language.factory("lv_entity_rules")
def make_entity_rules(nlp: Language, name: str) -> "EntityRules":
    return EntityRules()


class EntityRules:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        words, lemmas = _words_and_lemmas(doc)
        common_acronyms = _abbreviated_phrases(words)
        in_terms = _common_term_tokens(lemmas)
        model_spans = [_without_opening_word(e, lemmas) for e in doc.ents if self._keep_model_span(e)
                       and not any(words[i] in common_acronyms for i in range(e.start, e.end))
                       and not all(i in in_terms for i in range(e.start, e.end))]
        model = _SpanIndex(doc, model_spans)
        # A gazetteer place or an acronym is evidence, not proof: a model organisation that
        # contains the place ("Latvijas Banka", "Jelgavas domei") or a model entity that labels
        # the acronym otherwise ("ASV" is a place) has seen the context.
        weak_spans = [s for s in self._places(doc, words, lemmas) if model.container(s, "ORG") is None]
        weak_spans += [s for s in self._acronyms(doc, words)
                       if not model.overlaps(s) and s.text not in common_acronyms]
        # ... and a model person that contains a rule person has its full name ("Džons D. Rokfellers").
        weak_spans += [s for s in self._persons(doc, text, words, lemmas) if model.container(s, "PER") is None]
        weak_spans += [s for s in self._persons_after_roles(doc, words, lemmas) if model.container(s, "PER") is None]
        weak_spans += self._persons_with_honorifics(doc, words, lemmas, model)
        weak_spans += [s for s in self._lone_first_names(doc, words, lemmas) if not model.overlaps(s)]
        # A type-word organisation inside a longer model organisation whose name goes on
        # with a capital is part of that name ("Rīgas domes Izglītības, kultūras un sporta
        # departaments"); "Kuldīgas slimnīcas radioloģijas nodaļā" keeps the hospital.
        rule_spans = [s for s in self._organisations(doc, words, lemmas, in_terms)
                      if not _name_continues_in(model.container(s, "ORG"), s)] + self._money(doc)
        rule_spans += self._facilities(doc, words, lemmas)
        rule_spans += self._dates_within_model_dates(self._dates(doc, text), model)
        rule_spans = filter_spans(rule_spans + weak_spans)
        taken = {i for span in rule_spans for i in range(span.start, span.end)}
        model_spans = [e for e in model_spans if not any(i in taken for i in range(e.start, e.end))]
        # A place inside a title is part of the title's name: "festivāls „Latgales vasara”".
        titles = _titles(doc, lemmas)
        spans = filter_spans([_in_its_quotes(s) if s.label_ == "ORG" else s for s in model_spans + rule_spans
                              if not (s.label_ == "PER" and _names_a_street(s, lemmas))
                              and not (s.label_ == "LOC" and any(a <= s.start and s.end <= b for a, b in titles))])
        spans = _coordinated_places(doc, words, lemmas, _with_introduced_acronyms(doc, words, spans))
        doc.ents = sorted(spans, key=lambda s: s.start)
        return doc

    @staticmethod
    def _keep_model_span(span: Span) -> bool:
        """Model entities of the labels the data file trusts, minus what the report genre
        shows to be noise: URLs, quoted titles ("pasākums „…”"), organisations named by a generic word ("NVO")."""
        config = _config()
        if span.label_ not in config["model_labels"]:
            return False
        # web and e-mail addresses; a capitalised site name ("LSM.lv") is the organisation
        if any(token.like_email or token.lower_.startswith(("www.", "http")) or "/" in token.text for token in span):
            return False
        if not _quotes_balanced(span.text, config["quotes"]) or span[-1].like_num:
            return False  # boundary errors: '” Novada', '"Ziemas laika', 'Latgales reģiona 11'
        if span.text[:1] in config["quotes"]["open"] and span.start > 0:
            head = span.doc[span.start - 1]
            if head.is_lower and _lemma(head) in config["title_heads"]:
                return False
        if opens_text_unit(span[0]) and _common_word(span[0].text) and all(t.is_lower for t in span[1:]) and (
                len(span) == 1 or span.label_ in ("LOC", "PER") or _lemma(span[0]) in config["org_type_words"]):
            # common words opening a sentence or list item: "Interneta vidē …", "Projekta budžets …",
            # and a type word that is only a modifier, "Biedrības valdes …" ("Finanšu ministrija" stays)
            return False
        if span.label_ == "LOC" and len(span) == 1 and not span[0].is_upper and _common_word(span[0].text) \
                and not _is_place(span[0].text, _lemma(span[0])):
            return False  # a capitalised common noun in a title ("Atzinības raksts"), no place
        if span.label_ == "PER" and not VOWEL.search(span.text):
            return False  # "Mhm", "Mmmmm": a name has a vowel (FullStack train: 1 person of 3,000 has none, "LG")
        if span.label_ == "DATE" and _opens_with_a_count(span):
            return False  # "30–35 jaunieši dienā": a count of things, not a time
        if span.label_ == "DATE" and _a_bare_duration(span):
            return False  # "1 260 stundas", "2 mēneši": how long, not when (FullStack train tags few)
        if span.label_ == "DATE" and _an_age(span):
            return False  # "vecumā no 10 līdz 14 gadiem", "25 gadus vecais" (FullStack train: 36 ages of 37 no time)
        if span.label_ == "DATE" and _lone_season(span):
            return False  # "vasarā": its year, if any, comes from the rules
        # "NVO", "MT NVO": generic words for organisations, not names
        return not (span.label_ == "ORG" and span[-1].text in config["not_org_acronyms"])

    def _organisations(self, doc: Doc, words: list[str], lemmas: list[str], in_terms: set[int]) -> list[Span]:
        """Type words with their modifiers and quoted names; not those inside a term of the
        report form ("Valsts pārvaldes uzdevumu ietvaros")."""
        config = _config()
        spans = []
        lexicon = load_lexicon()
        for i, lemma in enumerate(lemmas):
            if i in in_terms or _place_phrase_at(lemmas, i) is not None:
                continue
            end = _quoted_name_after(doc, i + 1)
            # before a quoted name, a noun reading or a dictionary headword of the word will do
            # ("kopa „Rūtas”": the treebank has "kopa" only as the verb "kopt")
            before = config["org_type_phrases"].get(lemma)
            type_word = lemma in config["org_type_words"] or lemma in config["branch_type_words"] \
                or lemma in config["building_type_words"] \
                or (before is not None and tuple(lemmas[max(0, i - len(before)):i]) == before)
            if not type_word and not (end > i + 1 and (
                    any(a.upos == "NOUN" and a.lemma in config["org_type_words"] for a in lexicon.analyses(words[i]))
                    or lexicon.dictionary_stems(words[i].lower()) & config["org_type_words"])):
                continue
            if end == i + 1 and _several(doc[i]):
                continue  # "Ilūkstes un Subates bibliotēkās": several organisations, no name
            start = self._modifiers_before(doc, i)
            if start == i and end == i + 1:
                continue  # a bare type word ("biedrībai") names no particular organisation
            parent = any(lemmas[k] in config["org_type_words"] for k in range(start, i))
            if lemma in config["branch_type_words"] and not parent:
                continue  # a branch needs its parent's name ("aģentūras Rēzeknes filiāle")
            if lemma in config["building_type_words"] and parent:
                continue  # an organisation's house ("biedrības namā") is no institution
            spans.append(Span(doc, start, end, "ORG"))
        for match in re.finditer(r"\b(?:" + "|".join(map(re.escape, config["org_prefixes"])) + r")\s+[„“\"«]", doc_text(doc)):
            start_token = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if start_token is not None:
                end = _quoted_name_after(doc, start_token.end - 1)
                if end > start_token.end - 1:
                    spans.append(Span(doc, start_token.start, end, "ORG"))
        for first, last in _acronym_pairs(words, config):
            spans.append(Span(doc, first, last, "ORG"))
        return spans

    @staticmethod
    def _acronyms(doc: Doc, words: list[str]) -> list[Span]:
        """Acronyms of organisations: those the data file lists ("DNVOAC", "KM") and other
        all-capital words of three or more letters ("LIAA") not inside a capitalised run
        ("PAZIŅOJUMS PRESEI"), no common word of five or more letters set in capitals
        ("IEDAĻA", "NEPIECIEŠAMS"; FullStack train: 29 such words outside any organisation,
        5 inside) and no Roman numeral ("III", "XVIII": train, none of 9 standing alone is an
        organisation), nor the end of a document number ("Direktīva 80/987/EEK"), usually
        organisations in report text."""
        config = _config()
        return [Span(doc, i, i + 1, "ORG") for i, word in enumerate(words)
                if word.isupper() and (word in config["org_acronyms"] or (
                    len(word) >= 3 and word.isalpha() and word not in config["not_org_acronyms"]
                    and not (i + 1 < len(words) and words[i + 1].isupper() and words[i + 1].isalpha())
                    and not (len(word) >= 5 and _common_word(word.lower()) and _common_word(word.capitalize()))
                    and not ROMAN_NUMERAL.fullmatch(word)))
                and not (i > 0 and words[i - 1] == "/" and not doc[i - 1].whitespace_)]

    @staticmethod
    def _modifiers_before(doc: Doc, i: int) -> int:
        """Start of the capitalised / genitive words that name the organisation with its type word."""
        start = i
        head_cases = doc[i].morph.get("Case")
        k = i - 1
        if k > 0 and ORDINAL_NUMBER.fullmatch(doc[k].text) and doc[k - 1].text[:1].isupper():
            k -= 1  # a school's number after its town: "Rīgas 64. vidusskola" (not "ielas 5. nams")
        while k >= 0 and doc[k].is_alpha and i - k <= 6:
            word = doc[k]
            if word.lower_ == "un" and 0 < k < i - 1 and not doc[k + 1].text[:1].isupper() \
                    and doc[k - 1].text[:1].isupper() and "Gen" in doc[k - 1].morph.get("Case"):
                k -= 1  # a name coordinates its genitives: "Ogres Vēstures un mākslas muzejs"
                continue
            nominal = word.pos_ in ("NOUN", "PROPN", "ADJ") or word.is_upper
            # an analysed genitive, or a genitive ending ("slāvu" is often read as an accusative,
            # the definite adjective in "starptautisko programmu" too) on a word not analysed as
            # a nominative ("veicējs") or a locative ("Sporta spēlēs biedrības komanda")
            cases = word.morph.get("Case")
            genitive = "Gen" in cases or "Nom" not in cases and "Loc" not in cases and (
                _genitive_ending(word) or (word.pos_ == "ADJ" and word.text.endswith("o")))
            # A capital at the start of a sentence proves less: there it must be a proper noun,
            # an acronym or a genitive noun ("Žiguru"), not "Atsevišķu", "Ar" or "Veicināt".
            capitalised = word.text[:1].isupper() and nominal and (
                not opens_text_unit(word) or word.pos_ == "PROPN" or word.is_upper or (genitive and word.pos_ == "NOUN"))
            if not (capitalised or (genitive and nominal and not word.text[:1].isupper())):
                break
            if cases == ["Nom"] and head_cases and "Nom" not in head_cases:
                break  # a nominative neither agrees with the type word nor names it: "Viktors Zaķis aģentūrai"
            k -= 1
            if capitalised:
                start = k + 1
        return start

    def _places(self, doc: Doc, words: list[str], lemmas: list[str]) -> list[Span]:
        config = _config()
        spans = []
        for i, (word, lemma) in enumerate(zip(words, lemmas)):
            phrase_start = _place_phrase_at(lemmas, i)
            if phrase_start is not None:
                spans.append(Span(doc, phrase_start, i + 1, "LOC"))  # "Eiropas Savienībā"
                continue
            suffixed = i + 1 < len(doc) and lemmas[i + 1] in config["place_suffix_words"] and (
                lemmas[i + 1] in config["place_suffix_plural"] or "Plur" not in doc[i + 1].morph.get("Number"))
            if _name_word(word) and not (opens_text_unit(doc[i]) and _common_word(word)) \
                    and suffixed and lemmas[i + 1] in config["naming_suffix_words"]:
                spans.append(Span(doc, i, i + 2, "LOC"))  # any "Vaboles pagastā", "Zirņu ciemā"
            elif word[:1].isupper() and _is_place(word, lemma):
                if suffixed:
                    spans.append(Span(doc, i, i + 2, "LOC"))  # "Rēzeknes novadā", "Latgales reģiona"; not "Latvijas pilsētās"
                elif not _opens_a_longer_name(doc, words, lemmas, i + 1):
                    spans.append(Span(doc, i, i + 1, "LOC"))
        return spans

    @staticmethod
    def _facilities(doc: Doc, words: list[str], lemmas: list[str]) -> list[Span]:
        """A named church or other facility: the capitalised words (and "Sv.") before its
        type word, with it, are one place ("Cēsu Sv. Jāņa baznīcā", "Doma baznīcas"), and so
        are a park's or reserve's qualifiers and a facility it is named after ("Engures ezera
        dabas parks")."""
        config = _config()
        lexicon = load_lexicon()
        spans = []
        for i, lemma in enumerate(lemmas):
            if lemma not in config["facility_type_words"] and not (
                    words[i].lower().startswith(config["facility_stems"])
                    and lexicon.dictionary_stems(words[i].lower()) & config["facility_type_words"]):
                continue  # a dictionary stem, where the tag's lemma is off ("baziliku": "baziliks")
            start = i
            while start > 0 and i - start < 5 and (words[start - 1] in config["saint_abbreviations"] or (
                    _name_word(words[start - 1])
                    and not (opens_text_unit(doc[start - 1]) and _common_word(words[start - 1])))
                    or words[start - 1].islower() and (lemmas[start - 1] in config["facility_qualifiers"]
                                                       or lemmas[start - 1] in config["facility_type_words"])):
                start -= 1  # "Slīteres nacionālajā parkā", "Engures ezera dabas parku"
            if any(_name_word(word) for word in words[start:i]):
                spans.append(Span(doc, start, i + 1, "LOC"))
        return spans

    def _persons(self, doc: Doc, text: str, words: list[str], lemmas: list[str]) -> list[Span]:
        spans = []
        for match in INITIAL_SURNAME.finditer(text):
            span = doc.char_span(match.start(), match.end(), label="PER", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        for i in range(len(words) - 1):
            if words[i][:1].isupper() and _is_first_name(words[i], lemmas[i]) and _can_address_a_person(words[i]) \
                    and _name_word(words[i + 1]):
                spans.append(Span(doc, i, _name_run_end(doc, words, i + 1, 1), "PER"))
        return spans

    @staticmethod
    def _persons_after_roles(doc: Doc, words: list[str], lemmas: list[str]) -> list[Span]:
        """The capitalised words right after a role noun ("premjera Ķirķila", "vadītāja Aiga
        Roziņa"): a person (FullStack train: 267 of 288 after the `person_roles` of
        entity_patterns.json), unless they are a gazetteer place ("vadītāja Rīgā")."""
        config = _config()
        spans = []
        for i, lemma in enumerate(lemmas[:-1]):
            if lemma not in config["person_roles"] or not words[i].islower():
                continue
            run_end = _name_run_end(doc, words, i + 1, 3)
            end = next((k for k in range(i + 1, run_end) if _is_place(words[k], lemmas[k])), run_end)
            if end > i + 1:
                spans.append(Span(doc, i + 1, end, "PER"))
        return spans

    @staticmethod
    def _persons_with_honorifics(doc: Doc, words: list[str], lemmas: list[str], model: "_SpanIndex") -> list[Span]:
        """A surname or initial with "kungs"/"kundze" after it is a person, the honorific inside
        the span as FullStack writes it ("Laviņa kungam", "N. kundzei": train 17 of 17), from
        the start of a model person that ends with the surname ("Jāņa Laviņa kungam")."""
        honorifics = _config()["person_honorifics"]
        spans = []
        for i in range(1, len(words)):
            if lemmas[i] in honorifics and words[i].islower() and (
                    _name_word(words[i - 1]) or re.fullmatch(rf"[{UPPER}]\.", words[i - 1])):
                person = model.container(Span(doc, i - 1, i), "PER")
                start = person.start if person is not None and person.end == i else i - 1
                spans.append(Span(doc, start, i + 1, "PER"))
        return spans

    @staticmethod
    def _lone_first_names(doc: Doc, words: list[str], lemmas: list[str]) -> list[Span]:
        """A first name on its own ("Vida neskatījās", "Ilzei šķita"): a capitalised word whose
        lemma the name-day calendar lists and that no dictionary reading makes a common word
        ("Saule", "Rozes", "Metu" stay out), even at the start of a sentence."""
        lexicon = load_lexicon()
        spans = []
        for i, (word, lemma) in enumerate(zip(words, lemmas)):
            if not _name_word(word):
                continue
            if _is_first_name(word, lemma) and not _common_word(word) and _can_address_a_person(word) \
                    and all(stem[:1].isupper() for stem in lexicon.dictionary_stems(word)):
                spans.append(Span(doc, i, i + 1, "PER"))
        return spans

    def _dates(self, doc: Doc, text: str) -> list[Span]:
        """Dates and periods with their normalised values, and clock times and weekdays on their
        own (no value: "plkst. 14.00", "piektdien" when no day is written beside it)."""
        from ..entities.dates import find_dates, find_undated_times

        spans = []
        found = find_dates(text, period=doc.user_data.get("period"), keep_unresolved=True)
        taken = [(start, end) for start, end, _ in found]
        undated = [(start, end, None) for start, end in find_undated_times(text)
                   if not any(start < e and s < end for s, e in taken)]
        for start, end, value in found + undated:
            span = doc.char_span(start, end, label="DATE", alignment_mode="expand")
            if span is not None and not (value is None and _lone_season(span)):
                span._.date_value = value
                spans.append(span)
        return spans

    @staticmethod
    def _dates_within_model_dates(dates: list[Span], model: "_SpanIndex") -> list[Span]:
        """A model DATE that covers a rule date and more words before it ("šā gada
        30.janvārī", "kopš 1986. gada") keeps its boundaries and takes the rule's normalised
        value; one that runs on past the date ("Kopš 2022. gada septembra biedrība", "10.01.21.
        (141 dalībnieks") does not."""
        out = []
        for span in dates:
            outer = model.container(span, "DATE")
            if outer is not None and outer.end == span.end and all(t.is_alpha for t in outer[:span.start - outer.start]):
                outer._.date_value = span._.date_value
                span = outer
            out.append(span)
        return out

    def _money(self, doc: Doc) -> list[Span]:
        return [Span(doc, s.start, s.end, "MONEY") for s in doc.spans.get(SPAN_KEY, []) if s._.quantity.kind == "money"]


def _quotes_balanced(text: str, quotes: dict) -> bool:
    """Every quote in `text` is closed after it opens."""
    depth = 0
    for char in text:
        depth = quote_depth(depth, char, quotes)
        if depth < 0:
            return False
    return depth == 0


def quote_depth(depth: int, char: str, quotes: dict) -> int:
    """How many quotes are open after `char`, `depth` before it: a straight " both opens and
    closes; “ closes a Latvian „…“ and opens an English-style “…”."""
    if char == '"':
        return 1 - depth if depth <= 1 else depth - 1
    if char in quotes["open"] and char not in quotes["close"]:
        return depth + 1
    if char in quotes["close"] and char not in quotes["open"]:
        return depth - 1
    if char in quotes["open"]:
        return depth - 1 if depth else depth + 1
    return depth


def _in_its_quotes(span: Span) -> Span:
    """An organisation written in quotes („ZAAO”) with them, as the report gold keeps
    „Dienvidlatgales NVO atbalsta centrs” and FullStack train its quoted organisations
    (an opening quote inside the span 252 times, before it 10)."""
    quotes, doc = _config()["quotes"], span.doc
    if 0 < span.start and span.end < len(doc) and doc[span.start - 1].text in quotes["open"] \
            and doc[span.end].text in quotes["close"]:
        return Span(doc, span.start - 1, span.end + 1, span.label_)
    return span


def _without_opening_word(span: Span, lemmas: list[str]) -> Span:
    """A model person starts after a title ("Dr. Anna Bērziņa": FullStack leaves titles out,
    and the name then links to its other mentions), and after a common word that opens the
    sentence, taken in because of its capital ("Drebēja Vidas rokas", "Notiks Andra Vilka
    grāmatas atvēršana"), unless that word is also a first name; and after a word no person is
    called by, in the plural or the locative ("Augustā Afleks", "pirms Jāņiem Lolita")."""
    if span.label_ != "PER":
        return span
    doc, start = span.doc, span.start
    titles = _config()["person_titles"]
    while span.end - start > 1 and doc[start].lower_ in titles:
        start += 1
    first = doc[start]
    if span.end - start > 1 and (not _can_address_a_person(first.text) or (
            opens_text_unit(first) and _common_word(first.text) and not _is_first_name(first.text, lemmas[first.i]))):
        start += 1
    return span if start == span.start else Span(doc, start, span.end, span.label_)


def _opens_with_a_count(span: Span) -> bool:
    """Does the span open with a count that extraction found (kind "count", not a duration or
    money), its noun inside ("30–35 jaunieši dienā"; not "pēc 2 nedēļām")?"""
    return any(q._.quantity.kind == "count" and q.start == span.start and q.end <= span.end
               for q in span.doc.spans.get(SPAN_KEY, []))


def _a_bare_duration(span: Span) -> bool:
    """Numbers and a unit of time, nothing else ("1 260 stundas", "5-8 sekundes"); not a year
    ("2019 gadā") nor a decade ("90. gados")."""
    *numbers, unit = span
    lemma = _lemma(unit)
    return bool(numbers) and all((t.like_num and not t.text.endswith(".")) or t.text in "-–—" for t in numbers) \
        and lemma in load_resource("quantity_rules")["duration_units"] \
        and not (lemma == "gads" and any(len(t.text) == 4 for t in numbers))


def _an_age(span: Span) -> bool:
    """A number of years right after "vecumā"/"vecuma" or right before "vecs"/"vecumā"."""
    doc = span.doc
    if not span[-1].lower_.startswith("gad"):
        return False
    before = _lemma(doc[span.start - 1]) if span.start else ""
    after = _lemma(doc[span.end]) if span.end < len(doc) else ""
    return before == "vecums" or after in ("vecs", "vecums")


def _lone_season(span: Span) -> bool:
    """A season word alone ("vasarā"): a date only with a year to give it (FullStack train: 83
    of 94 standing alone are no time expression)."""
    return len(span) == 1 and _lemma(span[0]).lower() in _config()["seasons"]


def _names_a_street(span: Span, lemmas: list[str]) -> bool:
    """A person's name before "iela", "bulvāris" ... names the street ("Raiņa bulvārī",
    "K. Valdemāra ielā"; FullStack train: 41 capitalised words before a street word, none a person)."""
    return span.end < len(lemmas) and lemmas[span.end].lower() in _config()["street_words"]


def _place_phrase_at(lemmas: list[str], i: int) -> int | None:
    """Start of a place phrase of the data file ending at word i ("Eiropas Savienība"), else None."""
    for before in _config()["place_type_phrases"].get(lemmas[i], ()):
        start = i - len(before)
        if start >= 0 and tuple(lemmas[start:i]) == before:
            return start
    return None


def _genitive_ending(word: Token) -> bool:
    """Whether the word ends as a genitive may; "-us" only for a lemma in "-us" ("tirgus"):
    elsewhere it is an accusative plural ("Aptaujas rezultātus Sabiedrības integrācijas
    fonds apkopoja": "rezultātus" names no part of the fund)."""
    text = word.text.lower()
    if text.endswith("us"):
        return word.lemma_.lower().endswith("us")
    return text.endswith(("u", "as", "es", "a", "s"))


def _can_address_a_person(form: str) -> bool:
    """Has a singular reading outside the locative, as a person's name has: "Augustā"
    (August, in), "Jāņiem" (the midsummer feast) open no name."""
    readings = load_lexicon().analyses(form)
    return not readings or any(a.feat("Number") != "Plur" and a.feat("Number") != "Ptan" and a.feat("Case") != "Loc"
                               for a in readings)


def _name_continues_in(outer: Span | None, inner: Span) -> bool:
    """`outer` goes on after `inner`, which no quote closes, with a capitalised word (after a
    quoted name comes a unit of it: FullStack tags 'SIA „ZAAO”' in 'SIA „ZAAO” Attīstības daļas')."""
    return (outer is not None and outer.end > inner.end and inner.doc[inner.end].text[:1].isupper()
            and inner[-1].text not in _config()["quotes"]["close"])


def _opens_a_longer_name(doc: Doc, words: list[str], lemmas: list[str], i: int) -> bool:
    """Word i continues a name that a place in the genitive opened ("Latvijas Pilsoniskā
    alianse", "Rīgas Tehniskā"): a capitalised word inside a sentence that is not itself a
    place, an acronym or a quote."""
    return (i < len(words) and _name_word(words[i])
            and not opens_text_unit(doc[i]) and not _is_place(words[i], lemmas[i]))


def _coordinated_places(doc: Doc, words: list[str], lemmas: list[str], spans: list[Span]) -> list[Span]:
    """A one-word person coordinated with one-word places ("no Krāslavas, Dagdas un Aglonas")
    is a place too, unless it is a calendar first name."""
    one_word = {span.start: span for span in spans if len(span) == 1}

    def neighbours(i: int):
        for step in (-2, 2):
            k = i + step
            if 0 <= k < len(words) and words[(i + k) // 2] in (",", "un", "vai"):
                yield one_word.get(k)

    out = []
    for span in spans:
        i = span.start
        if span.label_ == "PER" and len(span) == 1 and not _is_first_name(words[i], lemmas[i]) \
                and any(n is not None and n.label_ == "LOC" for n in neighbours(i)):
            span = Span(doc, i, i + 1, "LOC")
        out.append(span)
    return out


def _several(token: Token) -> bool:
    """A plural in a case no singular form shares (dative, locative: "bibliotēkās",
    "pašvaldībām"); "biedrības" may be a genitive singular."""
    return "Plur" in token.morph.get("Number") and bool({"Dat", "Loc"} & set(token.morph.get("Case")))


def _name_word(word: str) -> bool:
    """A capitalised word that can be part of a person's name ("Kalniņa", "Liepiņa-Zariņa"), not
    an acronym."""
    return word[:1].isupper() and all(part.isalpha() for part in word.split("-")) and not word.isupper()


def _name_run_end(doc: Doc, words: list[str], start: int, limit: int) -> int:
    """End of the run of at most `limit` name words from `start`; a hyphenated surname split
    in three tokens ("Liepiņa" "-" "Zariņa", as a pre-tokenised Doc may have it) counts as one word."""
    end, count = start, 0
    while end < len(words) and count < limit and _name_word(words[end]):
        end, count = end + 1, count + 1
        if end + 1 < len(words) and words[end] == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
                and _name_word(words[end + 1]):
            end += 2
    return end


def _common_word(form: str) -> bool:
    """The treebank knows `form` and never as a proper noun; or, a form it never saw, the
    dictionary reads it only as an inflection of lower-case headwords ("Seminārs", not
    "Liepāja": hunspell-lv lists place and personal names with their capitals)."""
    lexicon = load_lexicon()
    if lexicon.known(form):
        return all(a.upos != "PROPN" for a in lexicon.analyses(form))
    stems = lexicon.dictionary_stems(form)
    return bool(stems) and all(stem[:1].islower() for stem in stems)


class _SpanIndex:
    """Which of a Doc's non-overlapping spans (its entities) holds each token, so that
    checking a rule span against them does not scan them all (quadratic on long reports:
    a 1.7 MB report took minutes)."""

    def __init__(self, doc: Doc, spans: list[Span]):
        self.spans = spans
        self.owner = [-1] * len(doc)
        for i, span in enumerate(spans):
            self.owner[span.start:span.end] = [i] * len(span)

    def container(self, inner: Span, label: str) -> Span | None:
        """The span labelled `label` that covers `inner` and more."""
        i = self.owner[inner.start] if len(inner) else -1
        if i < 0 or self.owner[inner.end - 1] != i:
            return None
        outer = self.spans[i]
        return outer if outer.label_ == label and len(outer) > len(inner) else None

    def overlaps(self, span: Span) -> bool:
        return any(i >= 0 for i in self.owner[span.start:span.end])


def _lemma(token: Token) -> str:
    return _lemma_text(token.lemma_ or token.text)


def _lemma_text(lemma: str) -> str:
    return lemma if lemma[:1].isupper() else lemma.lower()


def _titles(doc: Doc, lemmas: list[str]) -> list[tuple[int, int]]:
    """Token ranges of titles: the model's events and products ("„Latgales vasara”"), and a
    quoted name right after a noun that introduces a title ("projekts „Rīgas stāsti”")."""
    title_heads = _config()["title_heads"]
    titles = [(e.start, e.end) for e in doc.ents if e.label_ in TITLE_LABELS]
    for i, lemma in enumerate(lemmas):
        if lemma in title_heads:
            end = _quoted_name_after(doc, i + 1)
            if end > i + 1:
                titles.append((i + 1, end))
    return titles


def _quoted_name_after(doc: Doc, i: int) -> int:
    """End (exclusive) of a quoted name starting at token i, else i."""
    quotes = _config()["quotes"]
    if i < len(doc) and doc[i].text in quotes["open"]:
        if doc[i].text in quotes["close"] and i > 0 and not doc[i - 1].whitespace_:
            return i  # a straight quote written onto the word before closes a name ('"Nordea banka" vēlas')
        for k in range(i + 1, min(len(doc), i + 12)):
            if doc[k].text in quotes["close"]:
                return k + 1
            if "\n" in doc[k].text:
                break
    return i


def _acronym_pairs(words: list[str], config: dict) -> list[tuple[int, int]]:
    """Two-word acronyms listed in the data file ("PIKC RVT")."""
    pairs = {tuple(a.split()) for a in config["org_acronyms"] if " " in a}
    return [(i, i + 2) for i in range(len(words) - 1) if (words[i], words[i + 1]) in pairs]


def _with_introduced_acronyms(doc: Doc, words: list[str], spans: list[Span]) -> list[Span]:
    """An acronym in brackets right after an entity ("Konkurences padome (KP)", "Eiropas
    Savienību (ES)") names that entity, there and wherever else the document writes it
    (FullStack train: an organisation's or place's acronym takes its label 42 of 42 times,
    later mentions 13 of 13; after a person it is the party, an organisation, 5 of 5)."""
    by_end = {span.end: span.label_ for span in spans}
    labels = {}
    for i in range(1, len(words) - 1):
        if words[i - 1] == "(" and words[i + 1] == ")" and words[i].isupper() and words[i].isalpha() \
                and len(words[i]) >= 2 and by_end.get(i - 1) in ("ORG", "LOC", "PER"):
            labels.setdefault(words[i], "ORG" if by_end[i - 1] == "PER" else by_end[i - 1])
    if not labels:
        return spans
    single = {span.start: span for span in spans if len(span) == 1}
    covered = {i for span in spans for i in range(span.start, span.end)}
    out = [span for span in spans if not (span.start in single and words[span.start] in labels)]
    out += [Span(doc, i, i + 1, labels[word]) for i, word in enumerate(words)
            if word in labels and (i not in covered or i in single)]
    return out


def _abbreviated_phrases(words: list[str]) -> set[str]:
    """Acronyms the text introduces for a lower-case phrase, "degvielas uzpildes stacijai
    (DUS)", "tiesiskās aizsardzības procesu (TAP)": abbreviations of common nouns, so no
    mention of them in the document names an organisation or a place."""
    acronyms = set()
    for i in range(1, len(words) - 1):
        acronym = words[i]
        if not (words[i - 1] == "(" and words[i + 1] == ")" and acronym.isupper() and acronym.isalpha()):
            continue
        phrase = words[max(0, i - 1 - len(acronym)):i - 1]
        if len(phrase) == len(acronym) and all(w.islower() and w.isalpha() for w in phrase) \
                and "".join(w[0] for w in phrase) == acronym.lower():
            acronyms.add(acronym)
    return acronyms


def _common_term_tokens(lemmas: list[str]) -> set[int]:
    """Indices of the tokens that make up a `common_terms` phrase of the data file."""
    lowered = [lemma.lower() for lemma in lemmas]
    tokens = set()
    for term in _config()["common_terms"]:
        n = len(term)
        for i in range(len(lowered) - n + 1):
            if lowered[i] == term[0] and lowered[i:i + n] == term:
                tokens.update(range(i, i + n))
    return tokens


def _words_and_lemmas(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's text and `_lemma`, read once: the rules test each token several times,
    and spaCy builds a Token object on every access."""
    strings = doc.vocab.strings
    words, lemmas = [], []
    for orth, lemma in doc.to_array([ORTH, LEMMA]).tolist():
        word = strings[orth]
        words.append(word)
        lemmas.append(_lemma_text(strings[lemma] or word))
    return words, lemmas
