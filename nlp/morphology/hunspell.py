"""Latvian word analysis from the hunspell-lv dictionary, for forms a treebank never saw.

hunspell-lv (Debian package ``hunspell-lv``, LGPL-2.1; copied into models/lv_lexicon/hunspell)
lists ~66,000 Latvian lemmas with their inflection flags; its affix rules generate ~6.8
million word forms. ``HunspellLv.analyses(form)`` undoes those rules the way hunspell
checks a word: for each ending that some suffix rule adds, restore the stem and look it up
in the dictionary with that flag (also through one continuation rule and the prefixes
"ne-", "jā-", "vis-"). Each analysis names the rules it used (its ``derivation``).

The dictionary's stem is not always the UD lemma: hunspell derives verbal nouns
("piedošanas" from "piedot"), reflexives ("atvadījās" from "atvadīt"), participles and
adverbs from the verb or adjective entry. So the lemma is not taken from the stem: for
every derivation the treebank's training words teach which lemma edit and UPOS it
implies (``learn_edits``), and an unseen form gets the edit of its derivation
(``HunspellLv.lemmas``).
"""
from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .lexicon import apply_rule, edit_rule

NEEDAFFIX_DEFAULT = "{"
# hunspell-lv part-of-speech codes (po: field of the .dic) -> UPOS
PO_UPOS = (("lietv", "NOUN"), ("īpv", "ADJ"), ("darb", "VERB"), ("apstv", "ADV"), ("skv", "NUM"))
# the parts of speech a trained model's tag may be corrected to (nlp.morphology.component)
OPEN_UPOS = ("NOUN", "VERB", "ADJ", "ADV")


@dataclass(frozen=True)
class AffixRule:
    flag: str
    index: int
    strip: str
    add: str
    continuation: str
    condition: re.Pattern
    key: str  # flag and index, e.g. "o3": how derivations name the rule


@dataclass(frozen=True)
class HunspellAnalysis:
    stem: str            # the dictionary entry
    upos: str            # from its po: code ("X" when it has none)
    prefix: str          # "ne", "jā", ... or ""
    derivation: str      # rule keys, e.g. "o3", "E12+d4", "-0|O1" (prefix|suffixes)


def _upos(po: str) -> str:
    return next((upos for code, upos in PO_UPOS if po.startswith(code)), "X")


# Nominative singular endings of the declensions whose irregular nouns hunspell-lv lists
# form by form, flag "=" and po "lietv<declension>f" ("viesis", "viesi", "viesiem", ...).
PARADIGM_NOMINATIVES = {"lietv1f": re.compile(r"[^aāeēiīoouū]s$|š$"), "lietv2f": re.compile(r"is$"),
                        "lietv4f": re.compile(r"a$"), "lietv5f": re.compile(r"e$")}


def _paradigm_headwords(entries: dict[str, tuple[tuple[str, str], ...]]) -> dict[str, str]:
    """Each form of a listed paradigm -> its nominative singular: the form of the same
    paradigm code with a nominative ending that shares the longest beginning with it
    ("viesiem" -> "viesis"); forms with no such nominative (plural-only nouns) are left out."""
    groups: dict[str, list[str]] = defaultdict(list)
    for word, readings in entries.items():
        for flags, po in readings:
            if flags == "=" and po in PARADIGM_NOMINATIVES:
                groups[po].append(word)
    headwords = {}
    for po, words in groups.items():
        nominatives = [w for w in words if PARADIGM_NOMINATIVES[po].search(w)]
        for word in words:
            shared = {h: len(os.path.commonprefix([h, word])) for h in nominatives}
            best = max(shared, key=shared.get, default=None)
            if best is not None and shared[best] >= max(3, len(best) - 3) and best != word:
                headwords[word] = best
    return headwords


class HunspellLv:
    def __init__(self, aff_path: str | Path, dic_path: str | Path):
        # added ending -> stripped ending -> rules (rules sharing both restore the same stem)
        self.suffixes: dict[str, dict[str, list[AffixRule]]] = defaultdict(lambda: defaultdict(list))
        self.prefixes: list[AffixRule] = []
        # flag -> added ending -> the rules whose added part carries that flag as continuation
        self.continued_by: dict[str, dict[str, list[AffixRule]]] = defaultdict(lambda: defaultdict(list))
        self.needaffix = NEEDAFFIX_DEFAULT
        self._read_aff(Path(aff_path))
        # stem -> ((flags, po), ...): tuples of strings, which the garbage collector stops
        # tracking (lists of 66,000 entries would slow every full collection of a worker)
        self.entries: dict[str, tuple[tuple[str, str], ...]] = self._read_dic(Path(dic_path))
        self.paradigm_headwords = _paradigm_headwords(self.entries)
        self.max_add = max(map(len, self.suffixes))
        # flag -> the lengths of the endings of the rules it continues, longest first
        self.first_lengths = {flag: sorted({len(add) for add in firsts}, reverse=True)
                              for flag, firsts in self.continued_by.items()}
        # added ending -> stripped ending -> the rules whose flag some rule continues: all
        # that can apply to a base the dictionary lacks (~7 of ~80 rules per unseen form)
        self.continued_suffixes = {add: {strip: [rule for rule in rules if rule.flag in self.continued_by]
                                         for strip, rules in by_strip.items()}
                                   for add, by_strip in self.suffixes.items()}

    def _read_aff(self, path: Path) -> None:
        counts: dict[str, int] = Counter()
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if parts[:1] == ["NEEDAFFIX"] and len(parts) > 1:
                self.needaffix = parts[1]
            if len(parts) < 4 or parts[0] not in ("SFX", "PFX") or (len(parts) == 4 and parts[2] in "YN"):
                continue
            kind, flag = parts[0], parts[1]
            strip = "" if parts[2] == "0" else parts[2]
            add, _, continuation = parts[3].partition("/")
            add = "" if add == "0" else add
            condition = parts[4] if len(parts) > 4 else "."
            rule = AffixRule(flag, counts[kind + flag], strip, add, continuation,
                             re.compile(condition + "$" if kind == "SFX" else "^" + condition),
                             f"{flag}{counts[kind + flag]}")
            counts[kind + flag] += 1
            if kind == "SFX":
                self.suffixes[add][strip].append(rule)
                for cont in continuation:
                    self.continued_by[cont][add].append(rule)
            else:
                self.prefixes.append(rule)

    @staticmethod
    def _read_dic(path: Path) -> dict[str, tuple[tuple[str, str], ...]]:
        entries: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split()
            if not parts:
                continue
            word, _, flags = parts[0].partition("/")
            po = next((p[3:] for p in parts[1:] if p.startswith("po:")), "")
            entries[word].append((flags, po))
        return {word: tuple(readings) for word, readings in entries.items()}

    def _suffix_analyses(self, word: str, needed_flag: str | None = None) -> list[tuple[str, str, str]]:
        """(stem, po, derivation) for `word` as a dictionary entry plus at most one suffix rule
        and its continuation; `needed_flag`: the entry must carry this (a prefix's) flag."""
        out = []
        for flags, po in self.entries.get(word, ()):
            if self.needaffix not in flags and (needed_flag is None or needed_flag in flags):
                out.append((self.paradigm_headwords.get(word, word), po, ""))
        # the first rules' stems of a base, per flag: several rules of one flag share them
        firsts_of: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
        # k up to the whole word: the .aff has FULLSTRIP ("viens" -> "pirmais")
        for k in range(min(self.max_add, len(word)), -1, -1):
            ending = word[len(word) - k:]
            by_strip = self.suffixes.get(ending)
            if not by_strip:
                continue
            kept = word[: len(word) - k]
            for strip, rules in by_strip.items():
                base = kept + strip
                entries = self.entries.get(base, ())
                if entries:
                    entry_flags = "".join(flags for flags, _ in entries)  # flags are single characters
                else:
                    entry_flags, rules = "", self.continued_suffixes[ending][strip]
                for rule in rules:
                    # twofold: the base may itself be a form that an earlier rule made and
                    # whose added part carries this rule's flag as its continuation
                    continued = rule.flag in self.continued_by
                    if not (continued or rule.flag in entry_flags) or not rule.condition.search(base):
                        continue
                    if rule.flag in entry_flags:
                        out += [(base, po, rule.key) for flags, po in entries
                                if rule.flag in flags and (needed_flag is None or needed_flag in flags)]
                    if continued:
                        key = (base, rule.flag)
                        if key not in firsts_of:
                            firsts_of[key] = self._first_rules(base, rule.flag, needed_flag)
                        out += [(stem, po, f"{first}+{rule.key}") for stem, po, first in firsts_of[key]]
        return out

    def _first_rules(self, base: str, flag: str, needed_flag: str | None) -> list[tuple[str, str, str]]:
        """(stem, po, first rule's key) for `base` as a form a rule whose continuation
        carries `flag` made from a dictionary entry."""
        firsts = self.continued_by[flag]
        out = []
        for k in self.first_lengths[flag]:
            if k > len(base):
                continue
            for first in firsts.get(base[len(base) - k:], ()):
                stem = base[: len(base) - k] + first.strip
                entries = self.entries.get(stem)
                if entries and first.condition.search(stem):
                    out += [(stem, po, first.key) for flags, po in entries
                            if first.flag in flags and (needed_flag is None or needed_flag in flags)]
        return out

    def headword_upos(self, word: str) -> set[str]:
        """The parts of speech the dictionary lists `word` under as a headword."""
        return {_upos(po) for _, po in self.entries.get(word, ())}

    def analyses(self, form: str) -> list[HunspellAnalysis]:
        """Every dictionary reading of `form` (tried as written, then in lower case)."""
        out: list[HunspellAnalysis] = []
        for word in dict.fromkeys((form, form.lower())):
            out += [HunspellAnalysis(stem, _upos(po), "", d) for stem, po, d in self._suffix_analyses(word)]
            for rule in self.prefixes:
                if rule.add and word.startswith(rule.add) and len(word) > len(rule.add) + 2:
                    rest = rule.strip + word[len(rule.add):]
                    out += [HunspellAnalysis(stem, _upos(po), rule.add, f"{rule.key}|{d}")
                            for stem, po, d in self._suffix_analyses(rest, rule.flag)]
        return list(dict.fromkeys(out))


Edit = tuple[bool, int, str, str]  # keep the prefix, strip, append, UPOS


def _edit(analysis: HunspellAnalysis, body: str, lemma: str, upos: str) -> Edit:
    keep = bool(analysis.prefix) and lemma.lower().startswith(analysis.prefix)
    target = lemma[len(analysis.prefix):] if keep else lemma
    return (keep, *edit_rule(body, target), upos)


def _suffix_rules(derivation: str) -> str:
    """A derivation's suffix rules, without its prefix rule ("-0|E12+d4" -> "E12+d4", "-0|" -> "")."""
    return derivation.rpartition("|")[2]


def _flags(derivation: str) -> str:
    """A derivation's suffix rules without their numbers ("-0|E12+d4" -> "E+d"): the
    inflection classes it went through."""
    return re.sub(r"\d+", "", _suffix_rules(derivation) or derivation)


def learn_edits(hunspell: HunspellLv, words: Iterable[tuple[str, ...]],
                top: int = 4) -> dict[str, dict[str, list[list]]]:
    """The lemma edits that treebank (form, lemma, upos, feats) words teach, from those
    hunspell can analyse: {"derivations": derivation -> [[keep_prefix, strip, append,
    upos, count], ...] (edits of the form, most frequent first), "flags": suffix flags ->
    the same, as edits of the dictionary stem}.

    The flags' stem edits are for derivations the treebank never showed: a class of rules
    rewrites its stems alike ("f", "e", "(": a reflexive verb, lemma = stem + "ies", since
    hunspell-lv lists "turēties" under "turēt"), where the form's edits would differ by rule."""
    by_derivation: dict[str, Counter] = defaultdict(Counter)
    by_flags: dict[str, Counter] = defaultdict(Counter)
    for form, lemma, upos, *_ in words:
        if not form.isalpha() or upos == "PROPN":
            continue
        low, lemma = form.lower(), lemma.lower()
        for analysis in hunspell.analyses(form):
            body = low[len(analysis.prefix):] if analysis.prefix else low
            by_derivation[analysis.derivation][_edit(analysis, body, lemma, upos)] += 1
            by_flags[_flags(analysis.derivation)][_edit(analysis, analysis.stem.lower(), lemma, upos)] += 1
    return {table: {key: [[*edit, n] for edit, n in counts.most_common(top)] for key, counts in tables.items()}
            for table, tables in (("derivations", by_derivation), ("flags", by_flags))}


def lemmas(hunspell: HunspellLv, edits: dict[str, dict[str, list[list]]], form: str,
           analyses: list[HunspellAnalysis] | None = None, entries_as_listed: bool = True) -> list[tuple[str, str, int]]:
    """(lemma, UPOS, evidence count) readings of an unseen `form` (from its `analyses`, if
    given), best first: each analysis's learnt edits; a derivation the treebank never showed
    falls back to its unprefixed derivation, else to its flags' edits of the dictionary stem
    (count 0). A form that is itself an entry of a known part of speech reads as that entry;
    with `entries_as_listed` false, as the treebank's unchanged entries mostly are (ADP,
    NOUN, CCONJ, ADV): the tagger's dictionary class, which its models were trained with."""
    low = form.lower()
    derivations = edits["derivations"]
    scored: Counter = Counter()
    for analysis in hunspell.analyses(form) if analyses is None else analyses:
        # An entry that is not the lower-cased form itself is its own lemma: a form the
        # dictionary lists in a full paradigm ("viesiem": stem "viesis"), and a capitalised
        # headword ("Valmiera", not the learnt edits' "valmiera"; LVTB dev lemma +0.01 for
        # this part, +0.02 with the paradigms).
        listed_form = not analysis.derivation and analysis.stem != low[len(analysis.prefix):]
        if listed_form:
            scored[(analysis.stem, analysis.upos)] += 0
            continue
        if entries_as_listed and not _suffix_rules(analysis.derivation) and analysis.upos != "X":
            # the form is itself an entry of a known part of speech, or one with "ne-": that
            # reading, as strong as the treebank's strongest for such forms ("plats" an
            # adjective, not the prepositions and conjunctions that most unchanged entries
            # are; "nekonkrēts" the adjective, no verb "konkrēts"). LVTB dev, gold tokens:
            # core UPOS 97.350 -> 97.416, lexicon 96.907 -> 96.973 (entries alone)
            lemma = analysis.stem if analysis.upos == "VERB" else analysis.prefix + analysis.stem
            scored[(lemma, analysis.upos)] += max((e[-1] for e in derivations.get(analysis.derivation, ())), default=0)
            continue
        learnt = derivations.get(analysis.derivation)
        if not learnt and analysis.prefix:
            # a prefixed derivation the treebank lacks: the unprefixed one's edits; UD
            # Latvian keeps "ne-" in the lemma of adjectives and adverbs, not of verbs
            learnt = [[upos != "VERB", strip, append, upos, count]
                      for _, strip, append, upos, count in derivations.get(_suffix_rules(analysis.derivation), ())]
        if learnt:
            body = low[len(analysis.prefix):] if analysis.prefix else low
            for keep, strip, append, upos, count in learnt:
                scored[(analysis.prefix if keep else "") + apply_rule(body, strip, append), upos] += count
            continue
        # the rule class's edit of the stem, for the dictionary's own part of speech
        keep, strip, append, _, _ = next((e for e in edits["flags"].get(_flags(analysis.derivation), ())
                                          if e[3] == analysis.upos), (False, 0, "", "", 0))
        scored[((analysis.prefix if keep else "") + apply_rule(analysis.stem, strip, append), analysis.upos)] += 0
    return [(lemma, upos, n) for (lemma, upos), n in sorted(scored.items(), key=lambda kv: -kv[1])]
