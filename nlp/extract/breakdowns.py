"""`breakdown_linker`: link parts to their total.

  "12 pasākumi (8 sabiedriskās diskusijas, 4 diskusiju akcijas)"  -> 8 and 4 have parent 12
  "82 dalībnieki tai skaitā vismaz 19 MT pārstāvji"               -> 19 has parent 82

A bracket opened right after a total holds its parts when they are of the same
indicator category or a narrower one (so "festivāls (141 dalībnieks)" is not a breakdown,
"15 pasākumi (10 darbnīcas, 5 ekskursijas)" is); a
marker such as "tai skaitā" links whatever follows it in the same sentence.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..classify.indicators import within_category
from ..doc_text import doc_text
from ..resources import load_resource
from . import morph
from .quantities import SPAN_KEY, breakdown_marker_re, determines_noun

# "no" just before a whole whose part follows it: "No 40 uzņēmējiem 31 norādīja"
NO_BEFORE_WHOLE = re.compile(r"(?<![^\W\d_])no\s+$", re.IGNORECASE)


@Language.factory("breakdown_linker")
def make_breakdown_linker(nlp: Language, name: str) -> "BreakdownLinker":
    return BreakdownLinker()


class BreakdownLinker:
    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans.get(SPAN_KEY, []))
        text = doc_text(doc)
        scale_tops: set[int] = set()
        inherited: set[int] = set()  # parts that count their total's noun
        for k, span in enumerate(spans):
            quantity = span._.quantity
            quantity.parent = _total_before(spans, k, text)
            if quantity.parent is None and quantity.elided and k + 1 < len(spans) and _joined_by_no(spans, k, text):
                if isinstance(quantity.value, float) and not quantity.value.is_integer():
                    # "4,7 no 5 punktiem": no part of a whole but a score on a scale, whose top
                    # is no outcome of its own
                    _take_noun(quantity, spans[k + 1]._.quantity)
                    quantity.elided = False
                    scale_tops.add(k + 1)
                else:
                    quantity.parent = k + 1  # the part before its whole: "18 no 22 dalībniekiem"
            if quantity.parent is None and k > 0:
                # A sibling part in the same bracket or list: "(8 diskusijas, 4 akcijas)".
                sibling = spans[k - 1]._.quantity
                if sibling.parent is not None and _next_in_list(text, sibling, quantity):
                    quantity.parent = sibling.parent
            if quantity.parent is not None and (quantity.elided or _modifies_the_totals_noun(spans, k, inherited, text)):
                _take_noun(quantity, spans[quantity.parent]._.quantity)
                inherited.add(k)
            elif quantity.coordinated and k > 0 and _same_sentence(spans[k - 1], span) \
                    and not _counted_in_locative(spans[k - 1]):
                previous = spans[k - 1]._.quantity
                _take_noun(quantity, previous)
                quantity.parent, quantity.elided = previous.parent, previous.unit is None
        # A part whose counted noun is left out and that has no total counts nothing we can name.
        keep = [span for k, span in enumerate(spans)
                if k not in scale_tops and not (span._.quantity.elided and span._.quantity.parent is None)]
        if len(keep) < len(spans):
            index = {id(span): n for n, span in enumerate(keep)}
            for span in keep:
                q = span._.quantity
                q.parent = index.get(id(spans[q.parent])) if q.parent is not None else None
            doc.spans[SPAN_KEY] = keep
        return doc


def _take_noun(quantity, source) -> None:
    """`quantity` counts what `source` counts: its unit, category and kind."""
    quantity.unit, quantity.indicator, quantity.kind = source.unit, source.indicator, source.kind


def _total_before(spans, k: int, text: str) -> int | None:
    """Index of the total that span k breaks down, if any (the nearest earlier non-part)."""
    quantity = spans[k]._.quantity
    for j in range(k - 1, -1, -1):
        total = spans[j]._.quantity
        if total.parent is not None:
            continue
        between = text[total.end : quantity.start]
        if "\n" in between:
            return None
        if not (quantity.elided or quantity.kind == total.kind):
            # a part is of its total's kind: no age under a count of clients; a total of
            # another kind is passed over ("14 iniciatīvas par kopējo summu 9 800 euro, t.sk. 5
            # jauniešu iniciatīvas")
            continue
        if _opens_bracket_directly(between) and (quantity.elided or within_category(quantity.indicator, total.indicator)
                                                 or _listed_parts_sum_to(spans, j, text)):
            return j
        if quantity.elided and re.fullmatch(r"\s*,?\s*(?:[^\W\d_]+\s+)?", between) and not _origin_of_previous(spans, j, text) \
                and NO_BEFORE_WHOLE.search(text[max(0, total.start - 10) : total.start]):
            return j  # "No 40 aptaujātajiem uzņēmējiem 31 norādīja", "No 25 pašvaldībām atsaucās 21."
        # the marker between them, or right after an elided part: "12 raksti, 4 no tiem publicēti"
        marker = breakdown_marker_re().search(between)
        if marker and determines_noun(spans[k].doc, marker.group(), total.end + marker.end()):
            marker = None  # "no tā laika 5 izstājušies": since then, no part
        marker_after_part = marker is None and quantity.elided
        if marker_after_part:
            marker = breakdown_marker_re().match(text[quantity.end : quantity.end + 20].lstrip())
        # ... unless a sentence ends between them (the dot of "t.sk." itself does not count),
        # other than right before the marker, "33 dalībnieki. No tiem 21 ...", or right before
        # a part the marker follows, "48 seniori; 41 no viņiem ..."
        gap = between.rstrip().rstrip(".;") if marker_after_part else _after_opening_marker(between)
        if marker and not re.search(r"[.;]\s", breakdown_marker_re().sub(" ", gap)):
            # "25 dalībnieki no 8 novadiem, 20 no tiem ...": a count after "no" right after
            # another says where that one's things come from; "no tiem" means the first
            candidates = [j - 1, j] if _origin_of_previous(spans, j, text) else [j]
            gender = load_resource("quantity_rules")["breakdown_marker_genders"].get(marker.group().lower())
            if not gender:
                return candidates[0]
            # "56 pedagogi no 14 skolām, no tiem 9": "tiem" is masculine, "skolām" feminine
            agreeing = [c for c in candidates if _gender(spans[c]) in (None, gender)]
            if agreeing:
                return agreeing[0]
            earlier = _earlier_total_of_gender(spans, candidates[0], gender)
            return candidates[0] if earlier is None else earlier
        return None
    return None


def _after_opening_marker(between: str) -> str:
    """`between` from the marker on, when the marker opens the sentence after the total."""
    opening = re.match(rf"\s*[.;]\s+(?=(?:{breakdown_marker_re().pattern}))", between, re.I)
    return between[opening.end():] if opening else between


def _origin_of_previous(spans, j: int, text: str) -> bool:
    """Span j is a total that "no" joins to the total right before it ("25 dalībnieki no 8 novadiem")."""
    return j > 0 and spans[j - 1]._.quantity.parent is None and _joined_by_no(spans, j - 1, text)


def _joined_by_no(spans, k: int, text: str) -> bool:
    """Only "no" stands between span k and the next one ("18 no 22", "25 dalībnieki no 8 novadiem")."""
    return re.fullmatch(r"\s+no\s+", text[spans[k]._.quantity.end : spans[k + 1]._.quantity.start], re.I) is not None


def _modifies_the_totals_noun(spans, k: int, inherited: set[int], text: str) -> bool:
    """Part k's noun is left out and the words it has modify its total's noun: an adjective
    of the total's gender ("40 konsultācijas: 25 juridiskās"), or a genitive that cannot agree
    with the number ("20 pasākumi (5 sporta …)": a singular genitive) or that follows a part
    in the same list that counted the total's noun ("48 juridiskās, 60 grāmatvedības un 48
    projektu vadības" konsultācijas)."""
    noun = _counted_noun(spans[k])
    quantity = spans[k]._.quantity
    if noun is not None and morph.is_definite_adjective(noun) and not morph.is_noun(noun):
        # an adjective of the total's gender describes its noun: "40 konsultācijas: 25 juridiskās";
        # "20 dalībnieki (12 brīvprātīgie …)" are volunteers
        if morph.names_a_kind_of_person(noun):
            return False
        gender = noun.morph.get("Gender")
        return bool(gender) and gender[0] == _gender(spans[quantity.parent])
    if noun is None or not morph.is_noun(noun) or not morph.can_be_genitive(noun):
        return False
    if not morph.agrees(noun, quantity.value):
        return True
    sibling = spans[k - 1]._.quantity if k > 0 else None
    return k - 1 in inherited and sibling.parent == quantity.parent and _next_in_list(text, sibling, quantity)


def _next_in_list(text: str, earlier, later) -> bool:
    """Do two quantities stand next to each other in one list ("8 diskusijas, 4 akcijas")?"""
    return re.fullmatch(r"\s*(?:,|;|un)?\s*", text[earlier.end : later.start]) is not None


def _counted_noun(span):
    """The token of a count's counted noun, if it is inside the mention."""
    return next((token for token in reversed(span) if token.text == span._.quantity.unit_text), None)


def _counted_in_locative(span) -> bool:
    """The count's noun is a locative, where things happen ("3 Kurzemes pilsētās"): a bare count
    after it ("un 2 Rīgā") does not count the same thing."""
    noun = _counted_noun(span)
    return noun is not None and morph.only_case(noun, "Loc")


def _gender(span) -> str | None:
    """Grammatical gender of a count's counted noun, where its tagger says."""
    noun = _counted_noun(span)
    return noun.morph.get("Gender")[0] if noun is not None and noun.morph.get("Gender") else None


def _earlier_total_of_gender(spans, j: int, gender: str) -> int | None:
    """The nearest total before span j, in its sentence, whose counted noun has `gender`."""
    for i in range(j - 1, -1, -1):
        if not _same_sentence(spans[i], spans[j]):
            return None
        if spans[i]._.quantity.parent is None and _gender(spans[i]) == gender:
            return i
    return None


def _same_sentence(earlier, later) -> bool:
    """Two mentions in one of the Doc's sentences (`lv_sentences`: the dot of "2022. gadā" or
    "t.sk." ends none), and no ";" between them."""
    return earlier[-1].sent.start == later[0].sent.start and ";" not in earlier.doc[earlier.end:later.start].text


def _listed_parts_sum_to(spans, j: int, text: str) -> bool:
    """The counts listed right after total j (joined by commas, ";" or "un") add up to it:
    "3 darbinieki: 2 projektu vadītāji un 1 grāmatvedis" are its parts, whatever their nouns."""
    total, listed, k = spans[j]._.quantity, 0, j + 1
    while k < len(spans) and (
            re.fullmatch(r"\s*[(:]\s*", text[total.end : spans[k]._.quantity.start]) if k == j + 1
            else _next_in_list(text, spans[k - 1]._.quantity, spans[k]._.quantity)):
        listed += spans[k]._.quantity.value
        k += 1
    return k > j + 2 and listed == total.value


def _opens_bracket_directly(between: str) -> bool:
    """The text from a total to a part is just an opening bracket or a colon, no other words
    ("24 nodarbības: 16 Rēzeknē un 8 Preiļos")."""
    return re.fullmatch(r"\s*[(:]\s*", between) is not None
