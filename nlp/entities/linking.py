"""Canonical (nominative) entity names and a small fuzzy entity registry.

    >>> from nlp.entities.linking import canonical_name, lexicon_lemma_fn
    >>> canonical_name("Daugavpils Ukrainu biedrībai “Mrija”", lexicon_lemma_fn())
    'Daugavpils Ukrainu biedrība “Mrija”'
    >>> canonical_name("Rēzeknes poļu biedrībai", lexicon_lemma_fn())
    'Rēzeknes poļu biedrība'

``canonical_name`` puts the head of a Latvian name (its last word outside quotes) into its
lemma (nominative) form and keeps everything in quotes verbatim. Genitive modifiers
("Daugavpils Ukrainu") stay as they are. When ``lemma_fn`` returns analyses (objects
with ``.lemma``, ``.upos`` and ``.feat("Case")``, like ``nlp.morphology`` ``Analysis``), the
words that agree with the head (same case, not genitive: "Jānim Bērziņam",
"Nacionālajai bibliotēkai", also across genitives: "Nacionālajā mākslas muzejā") are put
into the nominative as well; a lemma function with a ``readings(word)`` attribute (all
analyses) lets an adjective agree in any of its readings. With a plain ``str -> str`` lemma
function only the head changes.

``EntityRegistry`` gives ids to entities: a mention whose canonical form matches a known
name or alias (exactly after normalisation, or by rapidfuzz above ``threshold``) gets
that entity's id; otherwise a new id. ``save``/``load`` use JSON.

``link_entities`` runs a registry over the distinct entities of a whole archive (the
store's ``entities`` table) and gives the rows of its ``entity_links`` table.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

__all__ = ["canonical_name", "lexicon_lemma_fn", "normalize_key", "Entity", "EntityRegistry", "link_entities",
           "LINKED_LABELS"]

QUOTE_RE = re.compile(r"“[^”]*”|„[^“”]*[“”]|«[^»]*»|\"[^\"]*\"|'[^']*'")
WORD_RE = re.compile(r"[^\W\d_][^\W_]*(?:-[^\W\d_][^\W_]*)*")
QUOTE_CHARS = "“”„«»\"'`´‘’"

LemmaFn = Callable[[str], Any]


def lexicon_lemma_fn():
    """The repo's LVTB lexicon as a lemma function returning ``Analysis`` objects. A
    capitalised word the lexicon reads first as a common noun takes its first proper-noun
    reading ("Mazsalacas" is the town's genitive, not the nominative plural of a guessed
    "mazsalaca"); one read as a common noun or adjective that inflects exactly one capitalised
    hunspell-lv headword takes that ("Līksnā" -> "Līksna", not an adjective "līksns"); others
    ("Nacionālajai", whose guessed proper-noun readings come after the adjective's) stay."""

    from nlp.morphology import load_lexicon

    lex = load_lexicon()

    def best(word: str):
        analyses = lex.analyses(word)
        first = analyses[0]
        if not (word[:1].isupper() and first.upos in ("NOUN", "ADJ")):
            return first
        proper = next((a for a in analyses if a.upos == "PROPN"), None) if first.upos == "NOUN" else None
        if proper is not None:
            return proper
        headwords = [stem for stem in lex.dictionary_stems(word) if stem[:1].isupper()]
        return first._replace(lemma=headwords[0], upos="PROPN") if len(headwords) == 1 else first

    best.readings = lex.analyses  # every reading, for agreement (see canonical_name)
    return best


def _lemma_and_case(lemma_fn: LemmaFn, word: str):
    r = lemma_fn(word)
    if r is None:
        return word, None, None, None
    if isinstance(r, str):
        return r, None, None, None
    feat = getattr(r, "feat", None)
    case = feat("Case") if feat else None
    gender = feat("Gender") if feat else None
    definite = feat("Definite") if feat else None
    return r.lemma, case, getattr(r, "upos", None), (gender, definite)


def match_case(original: str, lemma: str) -> str:
    if not lemma:
        return original
    if original.isupper() and len(original) > 1:
        return lemma.upper()
    if original[:1].isupper():
        return lemma[:1].upper() + lemma[1:]
    return lemma


def adjective_nominative(lemma: str, gender: Optional[str], definite: Optional[str]) -> str:
    """nacionāls + Fem/Def -> nacionālā; + Masc/Def -> nacionālais; + Fem/Ind -> nacionāla."""
    if not lemma or lemma[-1] not in "sš":
        return lemma
    stem = lemma[:-1]
    if gender == "Fem":
        return stem + ("ā" if definite == "Def" else "a")
    if definite == "Def":
        return stem + "ais"
    return lemma


def _convertible(word: str) -> bool:
    """Abbreviations (SIA, LU), numbers and one-letter words are left alone."""
    return len(word) > 1 and not word.isupper() and not any(c.isdigit() for c in word)


def _readings(lemma_fn: LemmaFn, word: str) -> list:
    """Every analysis of `word`, when the lemma function offers them (``readings``), else none."""
    readings = getattr(lemma_fn, "readings", None)
    return readings(word) if readings else []


def _singular_reading(lemma_fn: LemmaFn, word: str):
    """A named thing is one: for a head read first as a genitive plural, its singular
    reading in another case ("Kristīgo Palīdzības fondu": the accusative of "fonds", not
    "of the funds"), if it has one."""
    options = _readings(lemma_fn, word)
    if not options or options[0].feat("Case") != "Gen" or options[0].feat("Number") != "Plur":
        return None
    return next((a for a in options if a.upos == options[0].upos and a.lemma == options[0].lemma
                 and a.feat("Number") == "Sing" and a.feat("Case") not in (None, "Gen")), None)


def canonical_name(text: str, lemma_fn: LemmaFn) -> str:
    """Nominative canonical form of an entity mention (see the module doc)."""
    text = re.sub(r"\s+", " ", (text or "").strip())
    if not text:
        return text
    quoted = [m.span() for m in QUOTE_RE.finditer(text)]

    def outside(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in quoted)

    words = [m for m in WORD_RE.finditer(text) if outside(*m.span())]
    if not words:
        return text
    head = words[-1]
    if not _convertible(head.group()):
        return text
    h_lemma, h_case, h_upos, h_gd = _lemma_and_case(lemma_fn, head.group())
    if h_case == "Gen" and (singular := _singular_reading(lemma_fn, head.group())) is not None:
        h_lemma, h_case, h_gd = singular.lemma, singular.feat("Case"), (singular.feat("Gender"), singular.feat("Definite"))
    if h_case in ("Nom", "Gen"):  # already nominative (or a genitive phrase: leave it)
        return text
    if h_upos is not None and h_case is None:  # no noun reading ("Kask" read as an adverb)
        return text
    repl = {head.span(): match_case(head.group(), h_lemma)}
    if h_case is not None:
        # words agreeing with the head: same case, walking back over a contiguous run and
        # over the genitives between ("Nacionālajā mākslas muzejā": the adjective agrees too)
        for m in reversed(words[:-1]):
            w = m.group()
            if not _convertible(w):
                break
            lemma, case, upos, (gender, definite) = _lemma_and_case(lemma_fn, w)
            if case == "Gen":
                continue
            if case != h_case:
                break
            head_gender = h_gd[0] if h_gd else None
            if upos in ("ADJ", "DET") or (upos == "VERB" and definite):
                if gender and head_gender and gender != head_gender:
                    # "Nacionālajā" is feminine and masculine alike; "Neredzīgo biedrību" is a
                    # genitive plural (also read as an accusative): a modifier, left as it is
                    options = _readings(lemma_fn, w)
                    agreeing = next((a for a in options if a.upos == upos and a.feat("Case") == h_case
                                     and a.feat("Gender") == head_gender), None)
                    if agreeing is None or any(a.feat("Case") == "Gen" for a in options):
                        break
                    lemma, gender, definite = agreeing.lemma, head_gender, agreeing.feat("Definite")
                new = adjective_nominative(lemma, gender or head_gender, definite)
            elif w[:1].isupper():
                new = lemma  # a name in apposition: "Jānim Bērziņam"
            else:
                break  # a lower-case noun before the head is its genitive: "lietu ministriju"
            repl[m.span()] = match_case(w, new)
    out, pos = [], 0
    for (s, e), new in sorted(repl.items()):
        out.append(text[pos:s])
        out.append(new)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def normalize_key(name: str) -> str:
    """Matching key: lower case, quotes unified/removed, punctuation and spaces collapsed."""
    s = name.lower()
    s = "".join(" " if c in QUOTE_CHARS else c for c in s)
    s = re.sub(r"[^\w\s&+-]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


@dataclass
class Entity:
    id: str
    name: str  # canonical name of the first mention
    label: Optional[str] = None
    aliases: list = field(default_factory=list)  # other canonical names seen
    count: int = 0


# With the default scorer at a threshold of at least BLOCKING_MIN_THRESHOLD, a name is
# compared only with the known names that share the first or the last BLOCK_LETTERS letters
# of one of its words: a match that close differs by a few letters, which cannot reach both
# ends of every word (on the distinct FullStack ORG/LOC/PER mentions, and on 60,000 names
# made from their words, the links are the same as comparing with every name; 60,000 names
# link in 16 s instead of ~330 s).
BLOCK_LETTERS = 3
BLOCKING_MIN_THRESHOLD = 85.0


def _blocks(form: str) -> set[str]:
    return {part for word in form.split() for part in (word[:BLOCK_LETTERS], word[-BLOCK_LETTERS:])}


class EntityRegistry:
    """Assign ids to entity mentions, merging mentions whose canonical names match.

    ``threshold`` is a rapidfuzz score (0-100) for ``scorer`` (default
    ``rapidfuzz.fuzz.token_sort_ratio``); matches are only made within one label when a
    label is given. ``lemma_fn`` (see ``canonical_name``) turns mentions into canonical
    names; without it the mention text is used as it is. With the default scorer and a
    threshold of 85 or more, fuzzy candidates are found through the words' first and last
    letters (see BLOCK_LETTERS), which keeps linking an archive's names roughly linear.
    """

    def __init__(self, threshold: float = 90.0, lemma_fn: Optional[LemmaFn] = None,
                 scorer: Optional[Callable] = None, prefix: str = "E",
                 make_id: Optional[Callable[[Optional[str], str], str]] = None):
        self.threshold = float(threshold)
        self.lemma_fn = lemma_fn
        self.prefix = prefix
        # make_id(label, canonical name) -> id of a new entity; default: prefix + a number.
        self.make_id = make_id
        self._scorer = scorer
        self.entities: dict[str, Entity] = {}
        self._keys: dict[Optional[str], dict[str, str]] = {}  # label -> {match form of a key: id}
        # label -> {first/last letters of a word: match forms having them}, and each form's
        # place in _keys[label]
        self._blocked: dict[Optional[str], dict[str, list[str]]] = {}
        self._rank: dict[Optional[str], dict[str, int]] = {}

    # -- matching
    @property
    def scorer(self):
        """token_sort_ratio by default, computed as `ratio` over keys whose words were
        sorted once when registered (`_form`): sorting every candidate on every lookup
        made linking 20,000 entities take minutes."""
        if self._scorer is None:
            from rapidfuzz import fuzz
            return fuzz.ratio
        return self._scorer

    def _form(self, key: str) -> str:
        return " ".join(sorted(key.split())) if self._scorer is None else key

    def canonical(self, text: str) -> str:
        return canonical_name(text, self.lemma_fn) if self.lemma_fn else re.sub(r"\s+", " ", text.strip())

    def lookup(self, text: str, label: Optional[str] = None) -> Optional[str]:
        """Id of the entity ``text`` refers to, or None (nothing is added)."""
        return self._match(normalize_key(self.canonical(text)), label)[0]

    def _match(self, key: str, label: Optional[str]):
        key = self._form(key)
        known = self._keys.get(label, {})
        if key in known:
            return known[key], 100.0
        from rapidfuzz import process

        # One label's keys (an archive has tens of thousands): no scan over the others.
        labels = [label] if label is not None else list(self._keys)
        if not key:
            return None, 0.0
        best = None  # the highest score; a tie goes to the name registered first, as in a full scan
        for n, lab in enumerate(labels):
            for form, score, _ in process.extract(key, self._candidates(key, lab), scorer=self.scorer,
                                                  score_cutoff=self.threshold, limit=None):
                order = (-score, n, self._rank[lab][form])
                if best is None or order < best[0]:
                    best = (order, lab, form)
        if best is None:
            return None, 0.0
        return self._keys[best[1]][best[2]], float(-best[0][0])

    def _candidates(self, key: str, label: Optional[str]) -> list[str]:
        """The known names of `label` that `key` may match: those sharing a word's first or
        last letters with it (BLOCK_LETTERS), or all of them for another scorer or a
        lower threshold."""
        if self._scorer is not None or self.threshold < BLOCKING_MIN_THRESHOLD:
            return list(self._keys.get(label, {}))
        blocked = self._blocked.get(label, {})
        found: set[str] = set()
        for block in _blocks(key):
            found.update(blocked.get(block, ()))
        return list(found)

    # -- updating
    def add(self, text: str, label: Optional[str] = None, count: bool = True) -> str:
        """Register a mention; returns the id of the (new or matched) entity. `count`
        false registers the name without counting a mention."""
        name = self.canonical(text)
        key = normalize_key(name)
        eid, _ = self._match(key, label)
        if eid is None:
            eid = self.make_id(label, name) if self.make_id else f"{self.prefix}{len(self.entities) + 1}"
            while eid in self.entities:
                eid += "_"
            self.entities[eid] = Entity(eid, name, label)
        ent = self.entities[eid]
        ent.count += count
        if name != ent.name and name not in ent.aliases:
            ent.aliases.append(name)
        self._register(label, self._form(key), eid)
        return eid

    def _register(self, label: Optional[str], form: str, eid: str) -> None:
        keys = self._keys.setdefault(label, {})
        if form not in keys:
            self._rank.setdefault(label, {})[form] = len(keys)
            for block in _blocks(form):
                self._blocked.setdefault(label, {}).setdefault(block, []).append(form)
        keys[form] = eid

    def __len__(self) -> int:
        return len(self.entities)

    def __getitem__(self, eid: str) -> Entity:
        return self.entities[eid]

    def __iter__(self):
        return iter(self.entities.values())

    # -- persistence
    def to_dict(self) -> dict:
        return {"threshold": self.threshold, "prefix": self.prefix,
                "entities": [asdict(e) for e in self.entities.values()]}

    def save(self, path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")

    @classmethod
    def from_dict(cls, data: dict, lemma_fn: Optional[LemmaFn] = None, scorer=None,
                  make_id=None) -> "EntityRegistry":
        reg = cls(data.get("threshold", 90.0), lemma_fn, scorer, data.get("prefix", "E"), make_id)
        for e in data.get("entities", []):
            ent = Entity(**e)
            reg.entities[ent.id] = ent
            for name in [ent.name, *ent.aliases]:
                reg._register(ent.label, reg._form(normalize_key(name)), ent.id)
        return reg

    @classmethod
    def load(cls, path, lemma_fn: Optional[LemmaFn] = None, scorer=None, make_id=None) -> "EntityRegistry":
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")), lemma_fn, scorer, make_id)


# Names that vary between mentions; dates and money are normalised values, not names.
LINKED_LABELS = ("ORG", "LOC", "PER")


def link_entities(entities, registry: EntityRegistry) -> list[dict]:
    """Rows of the `entity_links` table for `entities` (dicts with id, label, canonical):
    each ORG/LOC/PER entity gets the id and name of the registry entity its canonical
    name matches (exactly or by rapidfuzz), a new one if none does; other labels link to
    themselves. Entities are registered in (label, canonical, id) order, so the links do
    not depend on the order in which documents were mined."""
    rows = []
    for entity in sorted(entities, key=lambda e: (e["label"], e["canonical"], e["id"])):
        if entity["label"] in LINKED_LABELS:
            linked_id = registry.add(entity["canonical"], entity["label"], count=False)
            linked_name = registry[linked_id].name
        else:
            linked_id, linked_name = entity["id"], entity["canonical"]
        rows.append({"entity_id": entity["id"], "label": entity["label"], "canonical": entity["canonical"],
                     "linked_id": linked_id, "linked_name": linked_name})
    return rows
