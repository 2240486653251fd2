"""Attach to each indicator the organisation(s), place(s) and date/period it belongs to.

Entities in the same sentence come first, then the same line (a list item), then
the nearest paragraph above; the report's performer and delegation period are
the fallback, marked `"source": "report"`. Names get a canonical nominative form
and an id that is the same for every mention of that entity across an archive
("Daugavpils Ukrainu biedrībai “Mrija”" and "… biedrība “Mrija”" share one)."""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from spacy.tokens import Doc, Span

from ..doc_text import doc_text
from ..entities.linking import adjective_nominative, canonical_name, lexicon_lemma_fn, match_case, normalize_key
from ..morphology import capitalised, load_lexicon
from ..reader import Report
from .entity_rules import place_nominative

ATTACH_LABELS = ("ORG", "LOC", "DATE")


@lru_cache(maxsize=1)
def _lemma_fn():
    return lexicon_lemma_fn()


INITIAL = re.compile(r"[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zž]?\.")
# A woman's surname in an oblique case -> nominative, by case ("Čubreviču" -> "Čubreviča")
FEMININE_ENDINGS = {"Dat": (("ai", "a"), ("ei", "e")), "Gen": (("as", "a"), ("es", "e")),
                    "Acc": (("u", "a"), ("i", "e")), "Loc": (("ā", "a"), ("ē", "e"))}


@lru_cache(maxsize=65536)
def canonical(label: str, text: str) -> str:
    if label == "PER" and (person := _person_name(text)):
        return person
    if label == "LOC" and (place := place_nominative(text)):
        return place
    if label in ("ORG", "LOC", "PER"):
        name = canonical_name(text, _lemma_fn())
        # a head canonical_name put into the nominative is not read again as a genitive
        # ("Viļņu" -> "Viļņa", which the treebank also has as the genitive of "Vilnis")
        return _genitive_head_to_nominative(name) if name == " ".join(text.split()) else name
    return " ".join(text.split())


def _person_name(text: str) -> str | None:
    """First name + surname in the nominative, the surname agreeing with the first name's
    gender and case ("Lidiju Čubreviču" -> "Lidija Čubreviča", "Annai Kalniņai" -> "Anna
    Kalniņa"): "-a" surnames are feminine nominatives or masculine genitives, and only the
    first name tells which. None when the mention does not start with a known first name."""
    from .entity_rules import first_names

    words = text.split()
    if len(words) == 2 and INITIAL.fullmatch(words[0]) and words[1][-1:] in ("a", "e"):
        # an initial tells no gender: "-a"/"-e" is kept as written, a woman's nominative (FullStack
        # train, initial + such a surname: 45 nominatives, 25 masculine genitives)
        return " ".join(words)
    if len(words) != 2 or not all(w.replace("-", "").isalpha() and w[:1].isupper() for w in words):
        return None
    first, surname = words
    lexicon = load_lexicon()
    names = first_names()
    readings = [("Nom", first)] if first in names else []
    readings += [(a.feat("Case"), capitalised(a.lemma)) for a in lexicon.analyses(first)
                 if a.feat("Case") and a.feat("Number") != "Plur" and capitalised(a.lemma) in names]
    # ... and, last, a woman's name by its ending, where the lexicon has another lemma ("Annas": "Annas")
    readings += [(case, first[: -len(ending)] + nominative) for case, pairs in FEMININE_ENDINGS.items()
                 for ending, nominative in pairs if first.endswith(ending) and first[: -len(ending)] + nominative in names]
    for case, name in dict.fromkeys(readings):
        if case == "Nom":
            return f"{name} {surname}"
        gender = "Fem" if name[-1] in "ae" else "Masc"
        # a reading of that gender and case whose lemma has that gender's ending (the suffix
        # guesser also reads "Krūmiņu" as a feminine accusative of "krūmiņš")
        same = next((a for a in lexicon.analyses(surname) if a.feat("Gender") == gender and a.feat("Case") == case
                     and (a.lemma[-1:] in "ae") == (gender == "Fem")), None)
        if same is not None:
            return f"{name} {surname[:1]}{same.lemma[1:]}"
        for ending, nominative in FEMININE_ENDINGS.get(case, ()) if gender == "Fem" else ():
            if surname.endswith(ending):
                return f"{name} {surname[: -len(ending)]}{nominative}"
    return None


def _genitive_head_to_nominative(name: str) -> str:
    """A name cut from a longer phrase keeps its head in the genitive ("Latgales reģiona
    mazākumtautību ...", "biedrības „Latvijas Poļu savienība”"): put that head word, the
    last one before any quoted part, into the nominative too."""
    words = name.split(" ")
    quoted = next((i for i, w in enumerate(words) if w[:1] in "„“\"«"), len(words))
    if quoted == 0:
        return name
    head = words[quoted - 1]
    lexicon = load_lexicon()
    options = [a for a in lexicon.analyses(head) if a.upos in ("NOUN", "PROPN")]
    if head[:1].isupper():  # a capitalised head's proper-noun readings first ("Mazsalacas")
        options.sort(key=lambda a: a.upos != "PROPN")
    if options and options[0].feat("Case") == "Gen" and options[0].lemma:
        lemma = options[0].lemma
        shared = next((i for i, (a, b) in enumerate(zip(head.lower(), lemma.lower())) if a != b), min(len(head), len(lemma)))
        words[quoted - 1] = head[:shared] + lemma[shared:].lower()  # the written capitals stay
        # ... with the adjectives that agree with it ("Rīgas Tehniskās universitātes" -> "Rīgas
        # Tehniskā universitāte"); genitive nouns before it ("Rēzeknes poļu") are modifiers.
        gender, number = options[0].feat("Gender"), options[0].feat("Number")
        for i in range(quoted - 2, -1, -1):
            dictionary = lexicon.hunspell_lemmas(words[i])
            if "NOUN" in dictionary and "ADJ" not in dictionary:
                break  # a noun the suffix guesses also read as an adjective ("Rēzeknes valstspilsētas domes")
            agreeing = next((a for a in lexicon.analyses(words[i]) if a.upos == "ADJ" and a.feat("Case") == "Gen"
                             and a.feat("Gender") == gender and a.feat("Number") == number), None)
            if agreeing is None:
                break
            words[i] = match_case(words[i], adjective_nominative(agreeing.lemma, gender, agreeing.feat("Definite")))
    return " ".join(words)


def entity_id(label: str, canonical_text: str) -> str:
    return f"{label}-" + hashlib.sha1(f"{label}|{normalize_key(canonical_text)}".encode()).hexdigest()[:10]


def entity_dict(span: Span, source: str) -> dict:
    name = canonical(span.label_, span.text)
    out = {"label": span.label_, "text": span.text, "canonical": name, "id": entity_id(span.label_, name),
           "start": span.start_char, "end": span.end_char, "source": source}
    value = span._.date_value if span.has_extension("date_value") else None
    if value is not None:
        date_start, date_end = value.bounds()
        out.update(date_start=date_start, date_end=date_end, granularity=value.granularity)
    return out


class DocEntities:
    """One Doc's entities and sentences, read once (Doc.text, Doc.ents and Doc.sents are
    rebuilt on every access), to attach entities to each of its mentions."""

    def __init__(self, doc: Doc):
        self.text = doc_text(doc)
        # Per label, in text order, with their start offsets for bisecting a scope: a scan of
        # every entity for every mention was quadratic on long reports. A clock time or weekday
        # alone is no mention's date (`_undated_time`): left out once here.
        ents = doc.ents
        self.by_label = {label: [e for e in ents if e.label_ == label and not (label == "DATE" and _undated_time(e.text))]
                         for label in ATTACH_LABELS}
        self.starts = {label: [e.start_char for e in ents] for label, ents in self.by_label.items()}
        self.sentences = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") \
            else [(0, len(self.text))]
        self.sentence_starts = [start for start, _ in self.sentences]

    def sentence(self, start: int) -> tuple[int, int]:
        """(start, end) of the sentence holding character `start`."""
        return self.sentences[max(0, bisect_right(self.sentence_starts, start) - 1)]

    def scopes(self, start: int, end: int) -> tuple[tuple[str, tuple[int, int]], ...]:
        """Where a mention at [start, end) takes its entities from, closest first:
        ("sentence", (start, end)) and ("line", (start, end)) character ranges."""
        text = self.text
        line = (text.rfind("\n", 0, start) + 1, (text.find("\n", end) + 1 or len(text) + 1) - 1)
        return ("sentence", self.sentence(start)), ("line", line)

    def attach(self, start: int, end: int, report: Report) -> list[dict]:
        """Entities for a mention at [start, end): one per label, the nearest in the closest scope."""
        chosen: list[dict] = []
        scopes = self.scopes(start, end)
        for label in ATTACH_LABELS:
            ents, starts = self.by_label[label], self.starts[label]
            for source, (lo, hi) in scopes:
                inside = [e for e in ents[bisect_left(starts, lo):bisect_left(starts, hi)]
                          if e.end_char <= hi and not (e.start_char < end and e.end_char > start)]
                if inside:
                    nearest = min(inside, key=lambda e: min(abs(e.start_char - end), abs(start - e.end_char)))
                    chosen.append(entity_dict(nearest, source))
                    break
            else:
                fallback = _report_fallback(label, report)
                if fallback:
                    chosen.append(fallback)
        return chosen


def _undated_time(text: str) -> bool:
    """A clock time or a day of the week alone ("plkst. 14.00", "piektdien") says when in a day
    or a week, not which day: a mention takes its date from further out, or from the report's
    period."""
    from ..entities.dates import find_undated_times

    return find_undated_times(text) == [(0, len(text))]


def _report_fallback(label: str, report: Report) -> dict | None:
    if label == "ORG" and report.performer:
        name = canonical("ORG", report.performer)
        return {"label": "ORG", "text": report.performer, "canonical": name, "id": entity_id("ORG", name),
                "start": None, "end": None, "source": "report"}
    if label == "DATE" and report.period_start:
        text = f"{report.period_start.isoformat()}/{report.period_end.isoformat()}"
        return {"label": "DATE", "text": text, "canonical": text, "id": entity_id("DATE", text), "start": None,
                "end": None, "source": "report", "date_start": report.period_start.isoformat(),
                "date_end": report.period_end.isoformat(), "granularity": "period"}
    return None
