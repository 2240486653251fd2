"""A data-driven Latvian lemmatiser and morphological guesser.

It is learnt from a CoNLL-U treebank (UD Latvian LVTB): every word form seen in
training keeps all of its (lemma, UPOS, FEATS) analyses with counts, and every
word-final suffix of length 1..MAX_SUFFIX keeps the lemma edit rules it implies.
An unseen form is analysed by its longest known suffix, which is how Latvian
inflection works (the ending carries case, number and gender).

This is the fallback used when no trained spaCy pipeline (models/lv_core) is
installed, and the source of alternative analyses for ambiguous forms
("tiešsaistes" is genitive singular or nominative plural).

For unseen forms the hunspell-lv dictionary is asked when it knows the word
(nlp.morphology.hunspell): the suffix guesses whose UPOS it confirms come first, with its
lemma for that UPOS (their FEATS stay). On LVTB v2.5 dev this raised the lemma accuracy
of unseen forms from 68.5 % to 82.6 % (scripts/build_lexicon.py prints it).
"""
from __future__ import annotations

import gzip
import json
import os
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

MAX_SUFFIX = 6
ORDINAL = re.compile(r"\d+\.")
CARDINAL = re.compile(r"\d[\d ]*(?:,\d+)?")
CACHE_SIZE = 200_000
MIN_SUFFIX_COUNT = 2
# Shortest suffix whose readings are still offered as alternatives.
MIN_ALT_SUFFIX = 3
# Closed-class words are only trusted from the form table; the suffix guesser
# predicts open classes.
OPEN_CLASSES = {"NOUN", "ADJ", "VERB", "PROPN", "ADV"}

# Lemma endings (longest first) that choose the XPOS of a UPOS+FEATS reading: Latvian XPOS
# also carries the declension or conjugation class, which the lemma's ending shows.
XPOS_LEMMA_ENDINGS = (3, 2, 0)

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "models" / "lv_lexicon" / "lexicon.json.gz"
# hunspell-lv's lv_LV.aff / lv_LV.dic, beside the lexicon file
HUNSPELL_DIR = "hunspell"


class Analysis(NamedTuple):
    """One reading of a form (a tuple of plain values, which the garbage collector stops
    tracking: the lexicon caches one per reading of every form it meets)."""
    lemma: str
    upos: str
    feats: str
    count: int = 0

    @property
    def morph(self) -> str:
        """FEATS as spaCy writes them: "" for none (the treebank writes "_")."""
        return spacy_feats(self.feats)

    def feat(self, name: str) -> str | None:
        for pair in self.feats.split("|"):
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return None


def read_conllu_words(path: str | Path) -> Iterator[tuple[str, str, str, str, str]]:
    """Yield (form, lemma, upos, feats, xpos) for every syntactic word of a CoNLL-U file."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                yield cols[1], cols[2], cols[3], cols[5], cols[4]


def edit_rule(form: str, lemma: str) -> tuple[int, str]:
    """(characters to strip from the form's end, string to append) turning form into lemma."""
    common = 0
    for a, b in zip(form.lower(), lemma.lower()):
        if a != b:
            break
        common += 1
    return len(form) - common, lemma[common:].lower()


def apply_rule(form: str, strip: int, append: str) -> str:
    return (form[: len(form) - strip] if strip else form) + append


class MorphLexicon:
    def __init__(self, forms: dict[str, list[list]], suffixes: dict[str, list[list]],
                 hunspell_edits: dict[str, list[list]] | None = None, hunspell_dir: Path | None = None,
                 xpos: dict[str, dict] | None = None):
        # forms: lowercased form -> [[lemma, upos, feats, count], ...] most frequent first
        # suffixes: suffix -> [[strip, append, upos, feats, count], ...] most frequent first
        # hunspell_edits: hunspell derivation -> lemma edits learnt from the treebank
        # xpos: {"written": "UPOS|FEATS" -> every XPOS the treebank wrote for it,
        #        "likeliest": "UPOS|FEATS|lemma ending" -> the XPOS it wrote most}
        self.forms = forms
        self.suffixes = suffixes
        self.hunspell_edits = hunspell_edits or {}
        self.xpos = xpos or {"written": {}, "likeliest": {}}
        self.hunspell_dir = hunspell_dir
        self._hunspell = None
        self._cache: dict[str, list[Analysis]] = {}
        self._dictionary_cache: dict[str, dict[str, str]] = {}
        self._stems_cache: dict[str, set[str]] = {}
        self._analyses_cache: dict[str, list] = {}
        self._lexemes: set[tuple[str, str]] | None = None

    def seen_lexeme(self, lemma: str, upos: str) -> bool:
        """Whether the treebank gave some form this lemma and UPOS."""
        if self._lexemes is None:
            self._lexemes = {(entry[0], entry[1]) for entries in self.forms.values() for entry in entries}
        return (lemma, upos) in self._lexemes

    @classmethod
    def train(cls, words: Iterable[tuple[str, str, str, str, str]]) -> "MorphLexicon":
        form_counts: dict[str, Counter] = defaultdict(Counter)
        suffix_counts: dict[str, Counter] = defaultdict(Counter)
        xpos_written: dict[str, set] = defaultdict(set)
        xpos_counts: dict[str, Counter] = defaultdict(Counter)
        for form, lemma, upos, feats, xpos in words:
            xpos_written[_tags_key(upos, feats)].add(xpos)
            for n in XPOS_LEMMA_ENDINGS:
                xpos_counts[_tags_key(upos, feats, lemma, n)][xpos] += 1
            low = form.lower()
            # Keep proper-noun lemmas capitalised, everything else lowercase.
            lemma_out = lemma if upos == "PROPN" else lemma.lower()
            form_counts[low][(lemma_out, upos, feats)] += 1
            if upos in OPEN_CLASSES and low.isalpha():
                strip, append = edit_rule(low, lemma)
                for n in range(1, min(MAX_SUFFIX, len(low) - 1) + 1):
                    suffix_counts[low[-n:]][(strip, append, upos, feats)] += 1
        forms = {f: [[*k, c] for k, c in cnt.most_common()] for f, cnt in form_counts.items()}
        suffixes = {
            s: [[*k, c] for k, c in cnt.most_common(8) if c >= MIN_SUFFIX_COUNT]
            for s, cnt in suffix_counts.items()
        }
        xpos_tables = {"written": {k: sorted(v) for k, v in xpos_written.items()},
                       "likeliest": {k: c.most_common(1)[0][0] for k, c in xpos_counts.items()}}
        return cls(forms, {s: v for s, v in suffixes.items() if v}, xpos=xpos_tables)

    def to_disk(self, path: str | Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            json.dump({"forms": self.forms, "suffixes": self.suffixes, "hunspell_edits": self.hunspell_edits,
                       "xpos": self.xpos}, handle, ensure_ascii=False)

    @classmethod
    def from_disk(cls, path: str | Path) -> "MorphLexicon":
        path = Path(path)
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            data = _tuples(json.load(handle))
        hunspell_dir = path.parent / HUNSPELL_DIR
        return cls(data["forms"], data["suffixes"], data.get("hunspell_edits"),
                   hunspell_dir if (hunspell_dir / "lv_LV.dic").exists() else None, data.get("xpos"))

    def hunspell_lemmas(self, form: str) -> dict[str, str]:
        """UPOS -> lemma of `form` from the hunspell dictionary, by the edits the treebank
        taught for its derivations ({} when the dictionary does not know the form)."""
        if not self.hunspell_edits or self.hunspell_dir is None:
            return {}
        # cached: a trained backend asks for every occurrence of an unseen word
        return bounded_cache(self._dictionary_cache, form, self._hunspell_lemmas)

    def load_dictionary(self) -> None:
        """Read the hunspell dictionary (0.5 s) now rather than at the first unseen form: a
        pipeline pays it while it loads, not in the middle of its first document."""
        from .hunspell import HunspellLv

        if self._hunspell is None and self.hunspell_edits and self.hunspell_dir is not None:
            self._hunspell = HunspellLv(self.hunspell_dir / "lv_LV.aff", self.hunspell_dir / "lv_LV.dic")

    def dictionary_stems(self, form: str) -> set[str]:
        """The hunspell-lv headwords `form` (or its lower case) is an inflection of (cached:
        the entity rules ask for every capitalised name candidate)."""
        return bounded_cache(self._stems_cache, form, self._dictionary_stems)

    def _dictionary_stems(self, form: str) -> set[str]:
        self.load_dictionary()
        return {a.stem for a in self.hunspell_analyses(form)} if self._hunspell is not None else set()

    def dictionary_headword(self, lemma: str, upos: str) -> bool:
        """Whether hunspell-lv lists `lemma` as a `upos` headword (not only derives one from
        an ending)."""
        self.load_dictionary()
        if self._hunspell is None:
            return False
        if upos == "VERB" and lemma.endswith("ties"):
            # hunspell-lv lists a reflexive verb under its base verb ("burzīties" -> "burzīt").
            return "VERB" in self._hunspell.headword_upos(lemma) | self._hunspell.headword_upos(lemma[:-3])
        return upos in self._hunspell.headword_upos(lemma)

    def listed_upos(self, form: str) -> set[str]:
        """The parts of speech of `form`'s dictionary readings whose lemma hunspell-lv lists
        as a headword of that part of speech (the others are only an ending's guess)."""
        return {upos for upos, lemma in self.hunspell_lemmas(form).items() if self.dictionary_headword(lemma, upos)}

    def _hunspell_lemmas(self, form: str, entries_as_listed: bool = True) -> dict[str, str]:
        from .hunspell import lemmas

        self.load_dictionary()
        best: dict[str, str] = {}
        for lemma, upos, _ in lemmas(self._hunspell, self.hunspell_edits, form, self.hunspell_analyses(form),
                                     entries_as_listed):
            best.setdefault(upos, lemma)
        if not best:
            best = self._compound_lemmas(form, entries_as_listed)
        return best

    def hunspell_analyses(self, form: str) -> list:
        """hunspell-lv's analyses of `form` (cached: the tagger's dictionary class, the lemmas
        and the entity rules' dictionary stems all ask for an unseen word's)."""
        self.load_dictionary()
        return bounded_cache(self._analyses_cache, form, self._hunspell.analyses)

    def tagger_dictionary_class(self, form: str) -> str:
        """The parts of speech hunspell-lv reads `form` as, joined, as `lv_crf_tagger` and its
        BiLSTMs were trained to see them ("-" for none): a form that is itself an entry as
        the treebank's unchanged entries mostly are (a base-form signal: the CRF alone on
        LVTB dev, 96.67 UPOS against 96.62 with the entries' own parts of speech)."""
        if not self.hunspell_edits or self.hunspell_dir is None:
            return "-"
        return "+".join(sorted(self._hunspell_lemmas(form, entries_as_listed=False))) or "-"

    def _compound_lemmas(self, form: str, entries_as_listed: bool = True) -> dict[str, str]:
        """A compound the dictionary lacks, read as its last word ("valstspilsētas" ->
        "valsts" + "pilsētas", "valstspilsēta"): the longest tail of five or more letters
        the dictionary knows after a first part the treebank has seen as a word or, for the
        lemmas, as a noun's stem ("darb|vietu" -> "darbvieta", "čiekur|kaltē" ->
        "čiekurkalte"; LVTB dev, gold tokens, core: 7 lemmas fixed with `KIND_TAIL`, none
        broken). The tagger's dictionary class keeps whole words only, as its models were
        trained."""
        from .hunspell import lemmas

        low = form.lower()
        if not low.isalpha():
            return {}
        if entries_as_listed and low.endswith(KIND_TAIL) and len(low) > len(KIND_TAIL):
            return {"NOUN": low}
        for cut in range(COMPOUND_MIN_PART, len(low) - COMPOUND_MIN_TAIL + 1):
            head = low[:cut]
            if head not in self.forms and not (entries_as_listed and self._noun_stem(head)):
                continue
            readings = lemmas(self._hunspell, self.hunspell_edits, low[cut:], entries_as_listed=entries_as_listed)
            if readings:
                best: dict[str, str] = {}
                for lemma, upos, _ in readings:
                    if upos in COMPOUND_UPOS:
                        best.setdefault(upos, head + lemma)
                return best
        return {}

    def _noun_stem(self, head: str) -> bool:
        """`head` is a noun without its ending: the treebank or hunspell-lv has it with one."""
        return any(head + ending in self.forms or self.dictionary_headword(head + ending, "NOUN")
                   for ending in STEM_ENDINGS)

    def consistent_xpos(self, xpos: str, lemma: str, upos: str, feats: str) -> str:
        """`xpos` if the treebank ever wrote it for this UPOS and FEATS; otherwise the XPOS it
        wrote most for them and the lemma's ending (the tagger predicts XPOS apart from the
        morphologizer, and the lexicon may have changed UPOS/FEATS since). stanza's parser
        reads XPOS: LVTB dev, 800 sentences, gold tokens, stanza backend: XPOS 82.3 -> 83.7,
        LAS 73.0 -> 75.3 (always taking the table's XPOS: 75.2)."""
        if xpos in self.xpos["written"].get(_tags_key(upos, feats), ()):
            return xpos
        likeliest = self.xpos["likeliest"]
        for n in XPOS_LEMMA_ENDINGS:
            choice = likeliest.get(_tags_key(upos, feats, lemma, n))
            if choice is not None:
                return choice
        return xpos

    def known(self, form: str) -> bool:
        return form.lower() in self.forms

    def analyses(self, form: str) -> tuple[Analysis, ...]:
        """All analyses of a form, most likely first (seen forms, else suffix guesses)."""
        return bounded_cache(self._cache, form, self._analyse)

    def _analyse(self, form: str) -> tuple[Analysis, ...]:
        entries = self.forms.get(form.lower())
        if not entries:
            numeral = numeral_reading(form)
            if numeral:
                return (numeral,)
            return tuple(dict.fromkeys([*self.prefixed(form), *self._with_dictionary(form, self._guess(form))]))
        seen = [Analysis(lemma, upos, feats, count) for lemma, upos, feats, count in entries]
        # A treebank sees each form in only some of its uses; Latvian endings are
        # systematically ambiguous ("-u" is accusative singular and genitive plural),
        # so the suffix rules add the paradigm's other readings after the seen ones.
        # Only readings of a lexeme already seen with this form are added (same lemma and UPOS).
        keys = {(a.lemma.lower(), a.upos, a.feats) for a in seen}
        lexemes = {(a.lemma.lower(), a.upos) for a in seen}
        return (*seen, *(
            a for a in self._guess(form)
            if (a.lemma.lower(), a.upos) in lexemes and (a.lemma.lower(), a.upos, a.feats) not in keys
        ))

    def prefixed(self, form: str) -> list[Analysis]:
        """An unseen debitive ("jānovērš") or superlative ("vistumšākajā") read through the
        word after its prefix, which suffix rules cannot see: the lemma of "novērš" as a
        present-tense verb ("novērst"), of "tumšākajā" as a comparative ("tumšs"). LVTB
        lemmatises both to the plain word; dev had 14 such debitives and 9 superlatives wrong."""
        low = form.lower()
        for prefix, rest_upos, rest_feature, feature in PREFIXED_FORMS:
            rest = low[len(prefix):]
            if not low.startswith(prefix) or len(rest) < 3:
                continue
            readings = [a for a in self.analyses(rest) if a.upos in rest_upos and rest_feature in a.feats.split("|")]
            if feature == "Mood=Nec":
                return [Analysis(a.lemma, "VERB", DEBITIVE_FEATS[a.lemma.endswith("ties")], a.count)
                        for a in readings[:1]]
            return [a._replace(feats=a.feats.replace(rest_feature, feature)) for a in readings]
        return []

    def _guess(self, form: str) -> list[Analysis]:
        """Analyses implied by the form's ending: the longest known suffix first, then the
        readings that shorter suffixes (down to MIN_ALT_SUFFIX letters) add."""
        low = form.lower()
        out: list[Analysis] = []
        keys: set[tuple[str, str, str]] = set()
        for n in range(min(MAX_SUFFIX, len(low) - 1), 0, -1):
            rules = self.suffixes.get(low[-n:])
            if not rules or (out and n < MIN_ALT_SUFFIX):
                continue
            for strip, append, upos, feats, count in rules:
                if strip > n:
                    continue  # it would strip letters the matched ending does not vouch for ("Tamm" -> "ts")
                lemma = apply_rule(low, strip, append)
                if upos == "PROPN":
                    lemma = capitalised(lemma)
                if (lemma, upos, feats) not in keys:
                    keys.add((lemma, upos, feats))
                    out.append(Analysis(lemma, upos, feats, count))
        return out or [Analysis(form, "X", "", 0)]

    def _with_dictionary(self, form: str, guesses: list[Analysis]) -> list[Analysis]:
        """The dictionary knows which parts of speech an unseen word can be: the guesses whose
        reading has a lemma it lists as a headword come first, then the others it confirms
        (stable order), with its lemma. LVTB dev, gold tokens, lexicon backend: headwords
        first, UPOS 91.99 -> 92.67, lemma 93.69 -> 94.21."""
        dictionary = self.hunspell_lemmas(form)
        if not dictionary:
            return guesses
        listed = self.listed_upos(form)
        guesses = sorted(guesses, key=lambda a: (a.upos not in listed, a.upos not in dictionary))
        return list(dict.fromkeys(a._replace(lemma=dictionary.get(a.upos, a.lemma)) for a in guesses))

    def best(self, form: str) -> Analysis:
        return self.analyses(form)[0]


# (prefix, the parts of speech and the feature the rest of the word must have, the feature
# the whole word has instead)
PREFIXED_FORMS = (("jā", ("VERB", "AUX"), "Tense=Pres", "Mood=Nec"),
                  ("vis", ("ADJ", "ADV"), "Degree=Cmp", "Degree=Sup"))
# LVTB's FEATS of a debitive, by whether the verb is reflexive (513 of 521 in train)
DEBITIVE_FEATS = {False: "Mood=Nec|Polarity=Pos|VerbForm=Fin|Voice=Act",
                  True: "Mood=Nec|Polarity=Pos|Reflex=Yes|VerbForm=Fin|Voice=Act"}
COMPOUND_MIN_PART, COMPOUND_MIN_TAIL = 3, 5
# the parts of speech a compound's last word lends it (nouns and adjectives compound freely)
COMPOUND_UPOS = ("NOUN", "ADJ")
# the endings a compound's first part drops ("darbs" -> "darb|vieta", "piemiņa" -> "piemiņ|lieta")
STEM_ENDINGS = ("s", "a", "e", "is", "i", "š", "us", "u")
# "of the kind" compounds are indeclinable nouns, lemma as written ("gelveida", "apļveida":
# LVTB train 9 of 10; "dzīvesveida" is the noun "dzīvesveids")
KIND_TAIL = "veida"


def capitalised(word: str) -> str:
    """`word` with its first letter in capitals: the lemma of a name the lexicon lower-cased."""
    return word[:1].upper() + word[1:]


def spacy_feats(feats: str) -> str:
    """CoNLL-U FEATS as spaCy writes them: "" for none (the treebank writes "_")."""
    return "" if feats == "_" else feats


def _tags_key(upos: str, feats: str, lemma: str = "", ending: int = 0) -> str:
    """Key of the XPOS tables: UPOS, FEATS as spaCy writes them ("" for none) and, when
    `ending` > 0, the last `ending` letters of the lemma."""
    feats = spacy_feats(feats)
    return f"{upos}|{feats}|{lemma.lower()[-ending:]}" if ending else f"{upos}|{feats}"


def numeral_reading(form: str) -> Analysis | None:
    """A number in digits keeps its form as lemma. With its ordinal dot ("1816.", "35.") it is
    an ordinal adjective: all 888 such tokens of LVTB train; unseen ones came out as X (suffix
    guesses) or NUM (the trained model). Without one ("4711", "6 792 941", "3,5") it is a
    cardinal: 944 of 946 in train (a tokenizer-joined "20 000" is new to the lexicon)."""
    if ORDINAL.fullmatch(form):
        return Analysis(form, "ADJ", "NumType=Ord", 0)
    return Analysis(form, "NUM", "NumType=Card", 0) if CARDINAL.fullmatch(form) else None


def _tuples(value):
    """JSON data with its lists as tuples: Python's cyclic garbage collector stops tracking
    tuples and dicts of plain values, and had walked the lexicon's ~135,000 lists on each
    full collection (objects it tracks after loading the lexicon backend: 408k -> 272k)."""
    if isinstance(value, list):
        return tuple(_tuples(item) for item in value)
    if isinstance(value, dict):
        return {key: _tuples(item) for key, item in value.items()}
    return value


def bounded_cache(cache: dict, form, compute):
    """`compute(form)` (a form, or any key), remembered in `cache`, which is emptied past
    CACHE_SIZE entries so that memory stays flat over a large archive."""
    value = cache.get(form)
    if value is None:
        if len(cache) > CACHE_SIZE:
            cache.clear()
        value = cache[form] = compute(form)
    return value


def load_lexicon(path: str | Path | None = None) -> MorphLexicon:
    """The lexicon at `path` (default: the shipped one), loaded once per process: every
    component shares one instance, its analysis cache and its hunspell dictionary."""
    return _load_lexicon(str(DEFAULT_PATH) if path is None else os.path.abspath(path))


@lru_cache(maxsize=4)
def _load_lexicon(path: str) -> MorphLexicon:
    return MorphLexicon.from_disk(path)
