"""Find quantified outcomes in a Doc: "vairāk nekā 345 dalībnieki", "3 (trīs) pasākumi",
"kopējais dalībnieku skaits 71", "19 999,36 euro", "10–15 %", "12 mēnešus".

Numbers come from `parsing.scan_numerics` (which already rules out dates, years,
ordinals, list markers, codes, phones and URLs); this component decides what
each number counts, using token morphology:
  * after the number, the counted noun is the head of the noun phrase: genitive
    modifiers ("tiešsaistes vietēja līmeņa MT NVO pasākumi") are stepped over,
    and number agreement (1/21/31 take a singular) picks between candidates;
  * an action noun ("5 žālūziju iegāde", "durvju nomaiņa (1)") counts its
    genitive object;
  * with no noun after it, a number takes the noun before it when linked by
    "skaits", ":", "–" or a bracket ("kopējais dalībnieku skaits 71").
Rules and word lists live in resources/quantity_rules.json and money.json.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..doc_text import doc_text
from ..parsing import qualifier_after, qualifier_before, scan_numerics
from ..parsing.money import currency_of
from ..parsing.numbers import scale_abbreviations, scale_value
from ..resources import load_resource, phrase_pattern
from . import morph

SPAN_KEY = "quantities"
# "2022. gadā", "2022. g.": a year between a count noun and its number
YEAR_PHRASE = re.compile(r"(?:1[89]|20)\d{2}\. (?:gad[a-zā]*|g\.)", re.IGNORECASE)


@dataclass
class Quantity:
    start: int  # char offsets of the whole mention (qualifier .. counted noun)
    end: int
    value: float | int
    value_max: float | int | None
    qualifier: str
    kind: str  # count | money | percent | duration | measure
    unit: str | None
    unit_text: str | None
    currency: str | None = None
    indicator: str | None = None
    parent: int | None = None  # index of the total in doc.spans["quantities"]
    elided: bool = False  # the counted noun is left out and must come from the total
    # ... or, with no total, from the count before it in the sentence, which this one is
    # coordinated with: "4 dalībnieki atrada darbu, bet 2 uzsāka ..."
    coordinated: bool = False


if not Span.has_extension("quantity"):
    Span.set_extension("quantity", default=None)


@lru_cache(maxsize=1)
def _rules() -> dict:
    rules = dict(load_resource("quantity_rules"))
    money = load_resource("money")
    currency_forms = [f for spec in money["currencies"].values() for f in spec["forms"]]
    scales = phrase_pattern(scale_abbreviations())
    rules["after_money"] = re.compile(rf"^\s*(?P<scale>{scales})?\s*(?P<cur>{phrase_pattern(currency_forms)})", re.I)
    rules["before_money"] = re.compile(rf"(?P<cur>{phrase_pattern(money['prefix_forms'])})\s*$", re.I)
    rules["percent"] = re.compile(rf"^\s*(?P<pct>{phrase_pattern(money['percent']['forms'])})", re.I)
    rules["percent_lemma"] = money["percent"]["lemma"]
    # "2,5 ha", "38 000 km.", "136 lpp.": an abbreviation, with its case, that no letter or
    # "." + letter follows (so "t" is no "t.sk.")
    abbreviations = {form: lemma for units in (rules["measure_units"], rules["count_abbreviations"])
                     for lemma, forms in units.items() for form in forms}
    alternatives = "|".join(re.escape(form) for form in sorted(abbreviations, key=len, reverse=True))
    rules["measure"] = re.compile(rf"^\s*(?P<unit>{alternatives})(?![^\W_]|\.[^\W\d_])")
    rules["measure_abbreviations"] = abbreviations
    rules["link_words"] = {w.lower() for w in rules["count_noun_links"]} | {"(", ":", "–", "-", "—"}
    rules["breakdown_marker"] = re.compile(phrase_pattern(rules["breakdown_markers"]), re.I)
    # "no kuriem atbalstīti 7": a marker, at most three words, then the number; earlier
    # parts may come between ("no tām 40 klātienē un 24 attālināti")
    part = r"\d[\d\s]*(?:\s+[^\W\d_]+){0,2}\s*(?:,|\s+un)"
    rules["part_after_marker"] = re.compile(
        rf"(?:{rules['breakdown_marker'].pattern})(?:\s+{part})*(?:\s+[^\W\d_]+){{0,3}}\s+$", re.I)
    # "No 40 aptaujātajiem uzņēmējiem 31 norādīja": the whole, after "no", just before the part
    rules["part_after_whole"] = re.compile(r"(?<![^\W\d_])no\s+\d[\d\s]*(?:\s+[^\W\d_]+){1,3}\s*,?\s+$", re.I)
    # "18 no 22 dalībniekiem", "4 no tiem publicēti": the part, then "no" and its whole
    pronouns = phrase_pattern(rules["breakdown_marker_genders"])
    rules["part_before_whole"] = re.compile(rf"^\s+(?:no\s+(?=\d)|(?:{pronouns})(?![^\W\d_]))", re.I)
    rules["possessive_pronouns"] = set(rules["possessive_pronouns"])
    links = phrase_pattern(rules["coordinated_count_links"])
    rules["coordinated_count"] = re.compile(rf"(?:,|(?<![^\W\d_])(?:{links}))\s+$", re.I)
    # "63 konsultācijas, otrajā – 71.": a word, a dash, then the number, which ends its clause
    rules["count_after_dash"] = re.compile(r"[^\W\d_]\s+[–—-]\s+$")
    return rules


def breakdown_marker_re() -> re.Pattern:
    """Words that open the parts of a total: "tai skaitā", "t.sk.", "no kuriem"."""
    return _rules()["breakdown_marker"]


@Language.factory("quantity_matcher")
def make_quantity_matcher(nlp: Language, name: str) -> "QuantityMatcher":
    return QuantityMatcher()


class QuantityMatcher:
    """Adds doc.spans["quantities"], each span carrying a `Quantity` in span._.quantity."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc_text(doc)
        for numeric in scan_numerics(text):
            if not numeric.is_quantity:
                continue
            quantity = self._quantity(doc, text, numeric)
            if quantity is None:
                continue
            for quantity in _values_of_change(doc, text, numeric, quantity):
                span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
                if span is None:
                    continue
                span._.quantity = quantity
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        doc.user_data.pop("_token_starts", None)
        return doc

    def _quantity(self, doc: Doc, text: str, numeric) -> Quantity | None:
        rules = _rules()
        start, end = numeric.start, numeric.end
        if _per_one(doc, text, numeric):
            return None
        value, value_max = numeric.value, numeric.value_max
        qualifier = "range" if value_max is not None else "exact"
        found = qualifier_before(text, start)
        if found and value_max is None:
            qualifier, start = found
        after = qualifier_after(text, end)
        unit_from = end
        if after and value_max is None:
            qualifier, unit_from = after
        if qualifier == "range":
            qualifier = "exact"

        money = rules["after_money"].match(text[unit_from:unit_from + 40])
        if money:
            if money["scale"]:  # "divi tūkst. EUR": digits took theirs in the numeric scanner
                value = scale_value(value, money["scale"])
                value_max = scale_value(value_max, money["scale"]) if value_max is not None else None
            code, lemma = currency_of(money["cur"])
            return Quantity(start, unit_from + money.end(), value, value_max, qualifier, "money",
                            lemma, money["cur"], currency=code)
        prefix = rules["before_money"].search(text[max(0, start - 12):start])
        if prefix:
            code, lemma = currency_of(prefix["cur"])
            return Quantity(start - len(prefix.group()), end, value, value_max, qualifier, "money",
                            lemma, prefix["cur"], currency=code)
        percent = rules["percent"].match(text[unit_from:unit_from + 30])
        if percent:
            return Quantity(start, unit_from + percent.end(), value, value_max, qualifier, "percent",
                            rules["percent_lemma"], percent["pct"])

        measure = rules["measure"].match(text[unit_from:unit_from + 12])
        if measure:
            unit = rules["measure_abbreviations"][measure["unit"]]
            return Quantity(start, unit_from + measure.end(), value, value_max, qualifier, _kind_of(unit), unit,
                            measure["unit"])

        if _change_verb_before(doc, numeric.start) and (
                counted := self._head_before(doc, start, end, count_noun_only=True)) is not None:
            # "Nodarbību skaits samazinājās no 24 līdz 18 pandēmijas ierobežojumu dēļ": what
            # changed is what the count noun counts, not the noun phrase after the number
            unit = morph.noun_lemma(counted, value)
            return Quantity(min(start, counted.idx), end, value, value_max, qualifier, _kind_of(unit), unit,
                            counted.text)
        head = self._head_after(doc, unit_from, value, governed=_after_preposition(doc, start))
        mention_end = head.idx + len(head.text) if head is not None else None
        if head is None and (shared := self._shared_head(doc, unit_from, value)) is not None:
            head, mention_end = shared
        before = text[max(0, start - 60):start]
        part = rules["part_after_marker"].search(before)
        marker = part and rules["breakdown_marker"].match(text, start - len(before) + part.start())
        is_part = part is not None and not determines_noun(doc, marker.group(), marker.end())
        if head is not None and (morph.is_place(head) or (morph.only_case(head, "Loc") and (
                not morph.agrees(head, value) or is_part or _predicate_before(doc, unit_from, head)))
                or (is_part and not morph.agrees(head, value))):
            # "no tām 6 Latgalē", "no tām 30 klātienē", "tai skaitā 2 ārzemēs": where or how, not
            # what, is counted (a locative the number cannot count, or any after a breakdown
            # marker or after the part's own predicate: "no kurām 9 publicētas reģionālajos
            # medijos"); "No tiem 21 kursus pabeidza": after a marker, a noun the number does
            # not agree with is no counted noun either. breakdown_linker takes the counted noun
            # from the total, or drops the mention when there is none. With no marker, the
            # noun is the count's before it in the sentence: "128 mājas vizītes, vidēji 11
            # mēnesī", "8 koncerti, 2 Rīgā".
            return Quantity(start, head.idx + len(head.text), value, value_max, qualifier, "count", None, None,
                            elided=True, coordinated=not is_part)
        if head is None:
            head = self._head_before(doc, start, numeric.end)
            if head is None:
                if rules["part_before_whole"].match(text[end:end + 12]):
                    # "pabeidza 18 no 22 dalībniekiem", "12 raksti, 4 no tiem publicēti":
                    # breakdown_linker gives it the whole's noun
                    return Quantity(start, end, value, value_max, qualifier, "count", None, None, elided=True)
                if is_part or rules["part_after_whole"].search(before):
                    # A part whose noun is the total's: "18 pieteikumi, no kuriem atbalstīti 7.";
                    # with how it was done, "no tām 20 attālināti.", "no tām 38 – attālināti.";
                    # before its verb, "no tiem 41 tika izskatīts", "No 40 uzņēmējiem 31 norādīja"
                    # (no noun phrase follows in any of them).
                    # ... and after a dash a few words that say what the part is, "no tiem 300 –
                    # bērnu apģērbs."
                    clause_end = re.match(r"(?:\s*[–—-](?:\s+[^\W\d_]+){1,3}|(?:\s+[^\W\d_]+)?)(?=\s*(?:[.,;()]|$))",
                                          text[end:])
                    if clause_end:
                        return Quantity(start, end + clause_end.end(), value, value_max, qualifier, "count",
                                        None, None, elided=True)
                    # ... named by a predicate noun: "no kuriem 5 bija studenti" counts students
                    named = self._predicate_noun_after(doc, end, value)
                    if named is not None:
                        unit = morph.noun_lemma(named, value)
                        return Quantity(start, named.idx + len(named.text), value, value_max, qualifier,
                                        _kind_of(unit), unit, named.text)
                    # ... or its verb, a preposition ("no tiem 4 ārpus Latvijas") or a
                    # comparative before "par" follows it
                    following = _word_after(doc, end)
                    if _verb_follows(doc, end) or following is not None and (
                            following.pos_ == "ADP" or morph.compared_by_par(following)):
                        return Quantity(start, end, value, value_max, qualifier, "count", None, None, elided=True)
                if rules["coordinated_count"].search(before) and (
                        _verb_follows(doc, end, finite=True)
                        or re.match(r"\s+[–—-]\s", text[end:]) and not before.rstrip().endswith(",")) \
                        or rules["count_after_dash"].search(before) and re.match(r"\s*(?:[.;)]|$)", text[end:]):
                    # "4 dalībnieki atrada darbu, bet 2 uzsāka ...": the subject of its own clause
                    # (or, after a word such as "un", a number whose dash stands for the verb: "4
                    # intervijas televīzijai un 2 – radio"; after a comma the noun may be another's)
                    # counts the noun of the count before it ("34 konsultācijas klātienē un 12
                    # attālināti", with a participle, is left out, as dev's gold has it); so does
                    # a number that a dash gives a clause of its own: "pirmajā pusgadā sniegtas 63
                    # konsultācijas, otrajā – 71.", "skaits – 58 (2022. gadā – 41)"
                    return Quantity(start, end, value, value_max, qualifier, "count", None, None,
                                    elided=True, coordinated=True)
                return None
            # "durvju nomaiņa (1)": the mention includes the closing bracket.
            bracketed = re.match(r"\s*\)", text[end:]) and text[:numeric.start].rstrip().endswith("(")
            mention_end = end + re.match(r"\s*\)", text[end:]).end() if bracketed else end
        unit = morph.noun_lemma(head, value)
        return Quantity(min(start, head.idx), max(mention_end, end), value, value_max, qualifier, _kind_of(unit),
                        unit, head.text)

    def _head_after(self, doc: Doc, offset: int, value, governed: bool = False) -> Token | None:
        """Head of the noun phrase that starts right after the number (`governed`: the number
        follows a preposition, which puts its noun in the dative in the plural)."""
        rules = _rules()
        i = _token_at_or_after(doc, offset)
        phrase: list[Token] = []
        while i is not None and i < len(doc) and len(phrase) < rules["noun_phrase_max_tokens"]:
            token = doc[i]
            if token.is_space:
                break
            # Skip a bracketed acronym inside the phrase: "11 mazākumtautību (MT) nevalstisko ...".
            if token.text == "(" and i + 2 < len(doc) and morph.is_abbreviation(doc[i + 1]) and doc[i + 2].text == ")":
                i += 3
                continue
            if not phrase and token.lower_ in rules["possessive_pronouns"] and i + 1 < len(doc) \
                    and morph.is_nominal(doc[i + 1]):
                i += 1  # whose: "12 viņu ģimenes locekļi", "5 mūsu biedri"
                continue
            if not morph.is_nominal(token) or morph.compared_by_par(token):
                break
            phrase.append(token)
            i += 1
        nouns = [k for k, t in enumerate(phrase) if morph.is_noun(t)]
        if len(nouns) > 1 and nouns[-1] == len(phrase) - 1 and self._coordinated_genitive(doc, i, phrase[-1], value):
            # "2 000 bukletu latviešu un krievu valodā": the last genitive goes with the one
            # after "un" to the locative they both modify, not to the number
            phrase, nouns = phrase[: nouns[-1]], nouns[:-1]
        if len(nouns) > 2 and nouns[-2] == nouns[-1] - 1 and nouns[0] < nouns[-2] \
                and _uncountable_locative(phrase[nouns[-1]], value) and not morph.is_place(phrase[nouns[-1]]) \
                and morph.can_be_genitive(phrase[nouns[-2]]):
            # A locative the number cannot count takes the genitive before it along: "2 000
            # bukletu latviešu valodā", "30 jauniešu vasaras nometnē" count the first noun.
            # Not a place's name, which says where: "5 izbraukuma sēdes Kurzemē" counts "sēde".
            phrase, nouns = phrase[: nouns[-2]], nouns[:-2]
        if not nouns:
            # A substantivised (definite) adjective: "tūkstotis brīvprātīgo", "5 jaunākie";
            # an indefinite one is an adverbial ("12 attālināti"), not a counted thing.
            return phrase[-1] if phrase and morph.is_definite_adjective(phrase[-1]) else None
        # Cases allowed by adjectives standing before the first noun: they agree with the head,
        # unless they can agree with a genitive first noun ("12 nevalstisko organizāciju pārstāvji").
        leading = [morph.cases(t) for t in phrase[: nouns[0]]]
        allowed = set.intersection(*leading) if leading else None
        if leading and morph.genitive_modifiers(phrase[: nouns[0]], phrase[nouns[0]]):
            allowed = None
        head_at = nouns[-1]
        for k in nouns:
            if k == nouns[-1] or not morph.can_be_genitive(phrase[k]) or not self._phrase_goes_on(phrase, k, allowed, value, governed):
                head_at = k
                break
        # Number agreement: "5 žālūziju iegāde" counts the plural genitive, not the singular head.
        if not morph.agrees(phrase[head_at], value):
            for k in reversed([n for n in nouns if n < head_at]):
                if not morph.is_abbreviation(phrase[k]) and morph.agrees(phrase[k], value):
                    head_at = k
                    break
        if nouns[0] < head_at and self._unit_first(phrase, nouns, value):
            # A unit of time or measure first is what the number gives: "12 stundu programma" (a
            # 12-hour programme), "2,4 tonnas atkritumu" (tonnes of waste); not "20 dienas centra
            # nodarbības", where "dienas" is a singular genitive of the day centre.
            head_at = nouns[0]
        return self._action_object(phrase, head_at)

    @staticmethod
    def _unit_first(phrase: list[Token], nouns: list[int], value) -> bool:
        """The phrase's first noun is a unit of time or measure that the number gives: a
        genitive plural ("12 stundu programma"), or a measure with the substance's genitives
        after it ("2,4 tonnas sadzīves atkritumu")."""
        rules = _rules()
        unit = phrase[nouns[0]]
        lemma = morph.noun_lemma(unit, value)
        if lemma in rules["measure_units"] and all(morph.can_be_genitive(phrase[k]) for k in nouns[1:]):
            return True
        return (lemma in rules["duration_units"] or lemma in rules["measure_units"]) and morph.genitive_plural(unit)

    def _predicate_noun_after(self, doc: Doc, offset: int, value) -> Token | None:
        """The nominative noun after a form of "būt" right after the number, agreeing with it
        ("5 bija studenti"); not a locative ("611 bija nakts stundās") or a preposition."""
        copula = _word_after(doc, offset)
        if copula is None or copula.lemma_ != "būt":
            return None
        noun = self._head_after(doc, copula.idx + len(copula.text), value)
        return noun if noun is not None and "Nom" in morph.cases(noun) and morph.agrees(noun, value) else None

    def _shared_head(self, doc: Doc, offset: int, value) -> tuple[Token, int] | None:
        """"1 starptautiska un 3 vietējās konferences": adjectives after the number, then "un"
        or a comma and another number whose noun they share. The shared noun, and where this
        number's own words end."""
        i = _token_at_or_after(doc, offset)
        adjectives = []
        while i is not None and i < len(doc) and morph.is_nominal(doc[i]) and not morph.is_noun(doc[i]):
            adjectives.append(doc[i])
            i += 1
        if not adjectives or i is None or i + 1 >= len(doc) or doc[i].lower_ not in ("un", ",", "vai") \
                or not doc[i + 1].like_num:
            return None
        head = self._head_after(doc, doc[i + 1].idx + len(doc[i + 1].text), value)
        return (head, adjectives[-1].idx + len(adjectives[-1].text)) if head is not None else None

    @staticmethod
    def _coordinated_genitive(doc: Doc, i: int | None, last: Token, value) -> bool:
        """The phrase stopped at "un" (token i) between the genitive `last` and another genitive
        that a locative the number cannot count follows."""
        return (i is not None and i + 2 < len(doc) and doc[i].lower_ == "un" and morph.can_be_genitive(last)
                and morph.is_noun(doc[i + 1]) and morph.can_be_genitive(doc[i + 1])
                and morph.is_noun(doc[i + 2]) and _uncountable_locative(doc[i + 2], value))

    @staticmethod
    def _phrase_goes_on(phrase: list[Token], k: int, allowed: set[str] | None, value, governed: bool = False) -> bool:
        """After a possibly-genitive noun, does a later word head the phrase? Yes for a
        genitive-capable word ("tiešsaistes vietēja līmeņa ... pasākumi"), or for adjectives
        that agree with a following noun ("pašvaldību sociālie dienesti"), unless they
        clash with the adjectives before the first noun ("informatīvas vēstules jaundibinātām NVO").
        A dative after a noun the number can count in the nominative or accusative is its
        recipient, not its head: "4 lekcijas senioriem", "6 nodarbības bērniem"; a locative
        with its adjectives there says where: "24 ziņas sociālajos tīklos". So is an
        indeclinable noun, which says where or how: "2 intervijas radio", "4 lekcijas video
        formātā" (but "3 lekciju video": the genitive does not take the number). After a
        preposition the number's own noun is the dative: "ar 37 apskates objektiem"."""
        nxt = phrase[k + 1]
        if morph.is_noun(nxt) and not morph.cases(nxt) and not morph.is_abbreviation(nxt) \
                and morph.counted_as_subject_or_object(phrase[k], value):
            return False
        if morph.is_abbreviation(nxt) and k + 2 == len(phrase) and _coordinated_with_dative(nxt) \
                and morph.counted_as_subject_or_object(phrase[k], value):
            return False  # "212 konsultācijas NVO un iniciatīvu grupām": for NGOs and groups
        if morph.is_noun(nxt) and not morph.can_be_genitive(nxt):
            # (not a locative right after: "9 tiešsaistes pasākumos" counts events)
            if morph.only_case(nxt, "Dat") and not governed and morph.counted_as_subject_or_object(phrase[k], value):
                return False
            return allowed is None or bool(morph.cases(nxt) & allowed)
        if morph.is_noun(nxt) or morph.can_be_genitive(nxt):
            return True
        j = k + 1
        while j < len(phrase) and not morph.is_noun(phrase[j]):
            j += 1
        if j == len(phrase) or morph.is_abbreviation(phrase[j]):
            return False
        if _adverbial(phrase[j]) and not governed and morph.counted_as_subject_or_object(phrase[k], value):
            # a recipient or a place with its adjectives: "420 pārtikas pakas trūcīgām
            # ģimenēm", "24 ziņas sociālajos tīklos"
            return False
        shared = morph.cases(phrase[j])
        for adjective in phrase[k + 1 : j]:
            shared &= morph.cases(adjective)
        if allowed is not None:
            shared &= allowed
        return bool(shared)

    def _action_object(self, phrase: list[Token], head_at: int) -> Token:
        """An action noun counts its genitive object: "durvju nomaiņa" -> durvis."""
        head = phrase[head_at]
        if head_at > 0 and morph.noun_lemma(head) in _rules()["action_nouns"]:
            before = phrase[head_at - 1]
            if morph.is_noun(before) and morph.can_be_genitive(before):
                return before
        return head

    def _head_before(self, doc: Doc, start: int, end: int, count_noun_only: bool = False) -> Token | None:
        """Noun before a number that has none after it: "dalībnieku skaits 71", "nomaiņa (1)";
        `count_noun_only`: only what a count noun counts, whatever follows the number."""
        rules = _rules()
        after = _token_at_or_after(doc, end)
        if not count_noun_only and after is not None and after < len(doc) and doc[after].is_alpha \
                and not doc[after].is_space:
            return None  # the number is followed by words that are not a counted noun
        i = _token_before(doc, start)
        linked = False
        while i is not None and i >= 0:
            if doc[i].text.lower() in rules["link_words"] or doc[i].lemma_.lower() in rules["change_verbs"]:
                linked = True  # "dalībnieku skaits – 71", "skaits pieauga no 830 līdz 915"
                i -= 1
            elif i > 0 and YEAR_PHRASE.fullmatch(f"{doc[i - 1].text} {doc[i].text}"):
                i -= 2  # "saņēmēju skaits 2022. gadā bija 312": the year is no counted noun
            elif (count_noun := _count_noun_before_locative(doc, i)) is not None:
                i = count_noun  # "biedru skaits gada beigās bija 64": when, not what
            elif doc[i].like_num and i + 1 < len(doc) and doc[i + 1].text == "\t":
                i = _token_before(doc, doc[i].idx)  # the row's cells before: "Semināru skaits\t8\t10"
            else:
                break
        if i is None or i < 0 or not morph.is_noun(doc[i]) or (linked and morph.only_case(doc[i], "Loc")):
            return None  # "gada laikā – 16 200": when, not what, is counted
        phrase = [doc[k] for k in range(max(0, i - 3), i + 1) if morph.is_nominal(doc[k])]
        if not phrase or phrase[-1].i != i:
            phrase = [doc[i]]
        if morph.noun_lemma(doc[i]) in rules["count_nouns"]:
            # what is counted: a genitive noun, or a substantivised adjective ("brīvprātīgo skaits")
            counted = phrase[-2] if len(phrase) >= 2 else None
            if counted is not None and morph.can_be_genitive(counted) and (
                    morph.is_noun(counted) or morph.is_definite_adjective(counted)):
                return counted
            return None
        if not linked or count_noun_only:
            return None
        return self._action_object(phrase, len(phrase) - 1)


def _values_of_change(doc: Doc, text: str, numeric, quantity: Quantity) -> list[Quantity]:
    """After a verb of change, "no 830 līdz 915" is the value before and the value after
    ("lasītāju skaits pieauga no 830 līdz 915"), two exact mentions of the range's unit, and
    "līdz 915" alone is the value reached, not an upper bound. A range that falls, "no 120
    līdz 95", is two values with or without the verb."""
    if quantity.value_max is None:
        reached = quantity.qualifier == "at_most" and re.search(
            r"(?<![^\W\d_])līdz\s*$", text[max(0, numeric.start - 12):numeric.start], re.I) is not None
        if reached and _change_verb_before(doc, text.rfind("līdz", 0, numeric.start)):
            quantity.qualifier = "exact"
        return [quantity]
    upper = re.search(r"\s+(līdz)\s+", text[numeric.start:numeric.end]) if numeric.kind == "range" else None
    if upper is None or not (quantity.value_max < quantity.value or _change_verb_before(doc, numeric.start)):
        return [quantity]
    low_end = numeric.start + upper.start()
    before = replace(quantity, end=low_end, value_max=None, qualifier="exact")
    after = replace(quantity, start=numeric.start + upper.start(1), value=quantity.value_max, value_max=None,
                    qualifier="exact")
    return [before, after]


def determines_noun(doc: Doc, marker: str, end: int) -> bool:
    """A pronoun breakdown marker ("no tā", "no tiem") that a noun follows (after `end`)
    determines that noun ("no tā laika": since then); it opens no parts."""
    if marker.lower() not in _rules()["breakdown_marker_genders"]:
        return False
    after = doc.char_span(end, len(doc_text(doc)), alignment_mode="expand")
    following = next((token for token in after or [] if not token.is_space), None)
    return following is not None and following.pos_ == "NOUN"


def _kind_of(unit: str) -> str:
    rules = _rules()
    return "duration" if unit in rules["duration_units"] else "measure" if unit in rules["measure_units"] else "count"


def _per_one(doc: Doc, text: str, numeric) -> bool:
    """"Viens" written out after a rate's noun or "uz": "maksa vienam bērnam" is per child."""
    if not text[numeric.start:numeric.end].lower().startswith("vien"):
        return False
    i = _token_before(doc, numeric.start)
    return i is not None and doc[i].lemma_.lower() in _rules()["per_one_heads"]


def _change_verb_before(doc: Doc, offset: int) -> bool:
    """A verb of change right before `offset`, or before a dash there ("dubultojās – no 40 līdz 80")."""
    i = _token_before(doc, offset)
    if i is not None and i > 0 and doc[i].text in ("–", "—", "-", ":"):
        i -= 1
    return i is not None and doc[i].lemma_.lower() in _rules()["change_verbs"]


def _after_preposition(doc: Doc, offset: int) -> bool:
    before = _token_before(doc, offset)
    return before is not None and doc[before].pos_ == "ADP"


def _verb_follows(doc: Doc, offset: int, finite: bool = False) -> bool:
    """A verb (`finite`: a finite one) is the next word after `offset`, or after adverbs and
    pronouns there ("no kuriem 20 veiksmīgi nokārtoja", "22 to sekmīgi pabeidza")."""
    following = _token_at_or_after(doc, offset)
    while following is not None and following + 1 < len(doc) and doc[following].pos_ in ("ADV", "PRON"):
        following += 1
    return following is not None and doc[following].pos_ in ("VERB", "AUX") and (
        not finite or doc[following].morph.get("VerbForm") == ["Fin"])


def _coordinated_with_dative(token: Token) -> bool:
    """"un" or a comma after `token`, then within three words a noun that can only be a
    dative: the indeclinable `token` ("NVO") is a dative too."""
    doc, i = token.doc, token.i + 1
    if i >= len(doc) or doc[i].lower_ not in ("un", "vai", ","):
        return False
    for following in doc[i + 1 : i + 4]:
        if morph.is_noun(following) and morph.only_case(following, "Dat"):
            return True
        if not morph.is_nominal(following):
            return False
    return False


def _adverbial(token: Token) -> bool:
    """Only a dative or only a locative: to whom or where, after a noun the number counts."""
    return morph.only_case(token, "Dat") or morph.only_case(token, "Loc")


def _word_after(doc: Doc, offset: int) -> Token | None:
    """The first token at or after `offset` (spaces skipped), if any."""
    following = _token_at_or_after(doc, offset)
    return doc[following] if following is not None else None


def _uncountable_locative(token: Token, value) -> bool:
    """Only a locative, and in no form the number could count: where things are, not what."""
    return morph.only_case(token, "Loc") and not morph.agrees(token, value)


def _predicate_before(doc: Doc, offset: int, head: Token) -> bool:
    """A verb form not in the locative stands between the number and the locative `head`: the
    number is its subject, and the locative says where ("9 publicētas reģionālajos medijos")."""
    first = _token_at_or_after(doc, offset)
    return first is not None and any(
        t.pos_ in ("VERB", "AUX") and "Loc" not in t.morph.get("Case") for t in doc[first:head.i])


def _count_noun_before_locative(doc: Doc, i: int) -> int | None:
    """Index of a count noun ("skaits") just before the locative noun at `i` and the genitives
    that qualify it ("gada beigās", "pārskata periodā"), else None."""
    if not (morph.is_noun(doc[i]) and morph.only_case(doc[i], "Loc")):
        return None
    k = i - 1
    while k >= 0 and i - k <= 3:
        if morph.is_noun(doc[k]) and morph.noun_lemma(doc[k]) in _rules()["count_nouns"]:
            return k
        # genitives that qualify the locative, or a word agreeing with it ("katrā nodarbībā")
        if not (morph.is_noun(doc[k]) and morph.can_be_genitive(doc[k])) \
                and not (not morph.is_noun(doc[k]) and "Loc" in morph.cases(doc[k])):
            return None
        k -= 1
    return None


def _token_at_or_after(doc: Doc, offset: int) -> int | None:
    """Index of the first token starting at or after `offset` (newline tokens count, spaces do not)."""
    i = bisect_left(_token_starts(doc), offset)
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    return i if i < len(doc) else None


def _token_before(doc: Doc, offset: int) -> int | None:
    """Index of the last non-space token ending at or before `offset`."""
    i = bisect_left(_token_starts(doc), offset) - 1
    while i >= 0 and (doc[i].is_space or doc[i].idx + len(doc[i].text) > offset):
        i -= 1
    return i if i >= 0 else None


def _token_starts(doc: Doc) -> list[int]:
    starts = doc.user_data.get("_token_starts")
    if starts is None or len(starts) != len(doc):
        starts = doc.user_data["_token_starts"] = doc.to_array("IDX").tolist()  # no Token objects
    return starts
