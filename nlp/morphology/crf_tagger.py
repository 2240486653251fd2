"""`lv_crf_tagger`: a CRF tagger of part of speech and case whose features are the lexicon's.

A linear-chain CRF (CRFsuite) whose labels join UPOS and Case ("NOUN|Acc", "VERB"), over
the word, its endings and shape, and three ambiguity classes: the UPOS tags and the cases
LVTB train gives the form and the parts of speech the hunspell-lv dictionary can read it
as, for the word and its neighbours. The lexicon supplies them at run time; in training,
the treebank classes of each sentence come from the other four fifths of train
(jackknifing), so that the CRF learns how far to trust a class at the rate unseen forms
occur in new text. LVTB v2.5 dev, gold tokens, the CRF alone: UPOS 96.68 (96.49 for UPOS
labels alone), Case 96.60 (95.46 for lv_core's morphologizer).

As a component it tags what no trained model tagged (the lexicon backend), overrules a
trained tagger's UPOS where the CRF is sure (marginal probability >= `override_threshold`)
and its Case where the CRF is sure of it (`case_threshold`); `lv_lexicon_morph` then picks
the lemma and FEATS of a reading with that tag and case. With `bilstm_paths` (the trained
backends) the label scores also count BiLSTMs' mean log probabilities (`nlp.morphology.bilstm`),
which see the whole sentence. Train with
``python scripts/train_tagger.py`` (CRFsuite); tagging reads CRFsuite's model file into
`crf_model.LinearChainCrf`, which decodes a document's sentences together with numpy and
gives CRFsuite's labels and marginals at ~60 % of its cost.
"""
from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .bilstm import BiLstmTagger, word_attributes
from .crf_model import installed_model
from .lexicon import load_lexicon

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "models" / "lv_tagger" / "tagger.crfsuite"
# The dictionary classes of the training forms, beside the model: hunspell-lv's analysis is
# the slow part of a word's first sight (~0.3 ms), and the lexicon asks it only for unseen forms.
CLASSES_FILE = "dictionary_classes.json.gz"
UNSEEN = "UNK"
NO_CASE = "_"
WORD_CACHE_SIZE = 200_000


def _shape(word: str) -> str:
    """Character classes with runs cut at two: "Rīgā" -> "Xxx", "2021." -> "dd."."""
    out: list[str] = []
    for char in word:
        kind = "X" if char.isupper() else "x" if char.isalpha() else "d" if char.isdigit() else char
        if len(out) < 2 or out[-1] != kind or out[-2] != kind:
            out.append(kind)
    return "".join(out)[:6]


NEIGHBOUR_KEYS = {-2: ("w", "s3", "h", "tb"), -1: ("w", "s2", "s3", "s4", "h", "tb", "sh", "cc"),
                  1: ("w", "s2", "s3", "s4", "h", "tb", "sh", "cc"), 2: ("w", "s3", "h", "tb")}
PAIR_KEYS = ("w", "h", "tb")
EDGE = {key: "BEG" for key in PAIR_KEYS}, {key: "END" for key in PAIR_KEYS}


def word_values(word: str, treebank_classes: tuple[str, str], dictionary_class: str) -> dict[str, str]:
    """A word's attribute values by key: its form in lower case, endings, beginnings, shape
    and the three ambiguity classes (the CRF's attributes and the BiLSTMs' inputs)."""
    low = word.lower()
    treebank_class, case_class = treebank_classes
    return {"w": low, "s1": low[-1:], "s2": low[-2:], "s3": low[-3:], "s4": low[-4:], "s5": low[-5:],
            "p2": low[:2], "p3": low[:3], "sh": _shape(word), "h": dictionary_class, "tb": treebank_class,
            "cc": case_class}


class _Word:
    """One word's attributes, formatted once for every position they are used at (as the
    model's attribute ids when an `encode` is given). Tuples: the garbage collector stops
    tracking them, and a cache of lists cost LVTB test cold ~0.2 s of full collections."""
    __slots__ = ("values", "own", "at")

    def __init__(self, word: str, treebank_classes: tuple[str, str], dictionary_class: str,
                 encode: Callable[[list[str]], tuple] = tuple):
        treebank_class, case_class = treebank_classes
        self.values = word_values(word, treebank_classes, dictionary_class)
        own = [f"{key}={value}" for key, value in self.values.items()]
        own += [f"tb={tag}" for tag in treebank_class.split("+")] + [f"h={tag}" for tag in dictionary_class.split("+")]
        own += [f"cc={case}" for case in case_class.split("+")]
        self.own = encode(own)
        self.at = {offset: encode([f"{offset}{key}={self.values[key]}" for key in keys])
                   for offset, keys in NEIGHBOUR_KEYS.items()}  # a dict of tuples is untracked too


def features(words: Sequence[str], treebank_classes: Callable[[str], tuple[str, str]],
             dictionary_class: Callable[[str], str], cache: dict | None = None,
             encode: Callable[[list[str]], tuple] = tuple) -> list[list]:
    """CRFsuite attributes of each word of a sentence (or, with `encode`, their ids);
    `treebank_classes` gives a lower-cased form's UPOS and case classes; `cache` keeps
    words' own attributes (by word) and the pair attributes of neighbours (by word pair)."""
    own = []
    for word in words:
        entry = cache.get(word) if cache is not None else None
        if entry is None:
            entry = _Word(word, treebank_classes(word.lower()), dictionary_class(word), encode)
            if cache is not None:
                cache[word] = entry
        own.append(entry)
    n = len(words)
    first = encode(["first"])
    padding = {offset: encode([f"{offset}pad"]) for offset in NEIGHBOUR_KEYS}
    # links[i]: the pair attributes of the words before and at position i (EDGE at the ends)
    links = [_pair(words, own, i, cache, encode) for i in range(n + 1)]
    out = []
    for i, word in enumerate(own):
        attrs = [*word.own, *first] if i == 0 else list(word.own)
        for offset in (-2, -1, 1, 2):
            j = i + offset
            attrs += own[j].at[offset] if 0 <= j < n else padding[offset]
        attrs += links[i + 1][0]
        attrs += links[i][1]
        out.append(attrs)
    return out


def _pair(words: Sequence[str], own: list[_Word], i: int, cache: dict | None,
          encode: Callable[[list[str]], tuple]) -> tuple[tuple, tuple]:
    """The attributes that words i-1 and i give each other: the first's "w|+1=a|b", the
    second's "-1|w=a|b" (the sentence's edges stand in beyond its ends)."""
    key = (words[i - 1] if i else None, words[i] if i < len(words) else None)
    pair = cache.get(key) if cache is not None else None
    if pair is None:
        before = own[i - 1].values if i else EDGE[0]
        after = own[i].values if i < len(words) else EDGE[1]
        pair = (encode([f"{name}|+1={before[name]}|{after[name]}" for name in PAIR_KEYS]),
                encode([f"-1|{name}={before[name]}|{after[name]}" for name in PAIR_KEYS]))
        if cache is not None:
            cache[key] = pair
    return pair


def _treebank_classes(readings) -> tuple[str, str]:
    """The UPOS set and the case set the treebank gives a form ((upos, case) pairs), as
    attribute values; training and tagging must write them alike."""
    readings = list(readings)
    return ("+".join(sorted({upos for upos, _ in readings})) or UNSEEN,
            "+".join(sorted({case for _, case in readings})) or UNSEEN)


def case_of(feats: str) -> str:
    """The Case value of a FEATS string, NO_CASE for none."""
    for feature in feats.split("|"):
        if feature.startswith("Case="):
            return feature[5:]
    return NO_CASE


def label(upos: str, feats: str) -> str:
    """The CRF's label of a treebank token: its UPOS, and its case if it has one."""
    case = case_of(feats)
    return upos if case == NO_CASE else f"{upos}|{case}"


def _dictionary_class(lexicon, known: dict[str, str] | None = None) -> Callable[[str], str]:
    """The parts of speech hunspell-lv reads a word as ("-" for none), `known` ones first."""
    known = known or {}
    cache: dict[str, str] = {}

    def dictionary_class(word: str) -> str:
        value = known.get(word) or cache.get(word)
        if value is None:
            if len(cache) > WORD_CACHE_SIZE:
                cache.clear()
            value = cache[word] = lexicon.tagger_dictionary_class(word)
        return value
    return dictionary_class


def jackknifed_classes(sentences: list[list[dict]], folds: int = 5) -> list[Callable[[str], tuple[str, str]]]:
    """For each treebank sentence, the treebank classes of a lower-cased form as the other
    folds of `sentences` give them (sentence k is in fold k % `folds`)."""
    parts: list[dict[str, Counter]] = [dict() for _ in range(folds)]
    for k, sentence in enumerate(sentences):
        for token in sentence:
            parts[k % folds].setdefault(token["form"].lower(), Counter())[token["upos"], case_of(token["feats"])] += 1

    def classes_without(fold: int) -> Callable[[str], tuple[str, str]]:
        others = [part for f, part in enumerate(parts) if f != fold]
        return lambda low: _treebank_classes(reading for part in others for reading in part.get(low, ()))
    by_fold = [classes_without(fold) for fold in range(folds)]
    return [by_fold[k % folds] for k in range(len(sentences))]


def train(sentences: list[list[dict]], model_path: Path, *, folds: int = 5, c1: float = 0.05,
          c2: float = 0.01, iterations: int = 200) -> None:
    """Train on treebank sentences ({"form", "upos", "feats"} dicts) with jackknifed
    treebank classes."""
    import pycrfsuite

    lexicon = load_lexicon()
    lexicon.load_dictionary()
    dictionary_class = _dictionary_class(lexicon)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence, treebank_classes in zip(sentences, jackknifed_classes(sentences, folds)):
        trainer.append(features([t["form"] for t in sentence], treebank_classes, dictionary_class),
                       [label(t["upos"], t["feats"]) for t in sentence])
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations})
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    words = {token["form"] for sentence in sentences for token in sentence}
    with gzip.open(model_path.parent / CLASSES_FILE, "wt", encoding="utf-8") as fh:
        json.dump({word: dictionary_class(word) for word in sorted(words)}, fh, ensure_ascii=False)


@Language.factory("lv_crf_tagger", default_config={"model_path": None, "override_threshold": 0.7,
                                                   "case_threshold": 0.95, "bilstm_paths": [],
                                                   "bilstm_weight": 2.5})
def make_crf_tagger(nlp: Language, name: str, model_path: str | None, override_threshold: float,
                    case_threshold: float, bilstm_paths: list[str], bilstm_weight: float) -> "CrfTagger":
    return CrfTagger(model_path, override_threshold, case_threshold, bilstm_paths, bilstm_weight)


class CrfTagger:
    """Sets UPOS (and Case) where no trained tagger did, or where the CRF overrules it (the
    FEATS are then cleared to the CRF's case alone: they were for the other tag, and the
    lexicon picks a reading of the new one), and a trained tagger's Case where the CRF is
    sure of another."""

    def __init__(self, model_path: str | None = None, override_threshold: float = 0.7,
                 case_threshold: float = 0.95, bilstm_paths: Sequence[str] = (), bilstm_weight: float = 2.5):
        model_path = Path(model_path or DEFAULT_PATH)
        self.model = installed_model(model_path, "the CRF tagger model", "python scripts/train_tagger.py")
        self.label_tags = [(upos, case or NO_CASE) for upos, _, case in (name.partition("|") for name in self.model.labels)]
        self.labels_of_upos: dict[str, list[int]] = {}
        for i, name in enumerate(self.model.labels):
            self.labels_of_upos.setdefault(name.partition("|")[0], []).append(i)
        self.override_threshold = override_threshold
        self.case_threshold = case_threshold
        self.lexicon = load_lexicon()
        self.lexicon.load_dictionary()
        with gzip.open(model_path.parent / CLASSES_FILE, "rt", encoding="utf-8") as fh:
            self.dictionary_class = _dictionary_class(self.lexicon, json.load(fh))
        self.words: dict = {}  # words' and word pairs' attribute ids, found once per process
        self._scores = np.empty((0, len(self.model.labels)))  # of the last call's tokens
        self._starts: list[int] = [0]  # each sentence's first row in it
        self._marginals: dict[int, object] = {}
        self.bilstms = [BiLstmTagger(path) for path in bilstm_paths]
        # each BiLSTM's label columns in the CRF's order (all learnt the labels of LVTB train)
        self._bilstm_columns = [[bilstm.labels.index(name) for name in self.model.labels] for bilstm in self.bilstms]
        self.bilstm_weight = bilstm_weight

    def values_of(self, word: str) -> dict[str, str]:
        """`word_values` of a word as tagging reads it."""
        return word_values(word, self.treebank_classes(word.lower()), self.dictionary_class(word))

    def treebank_classes(self, low: str) -> tuple[str, str]:
        return _treebank_classes((upos, case_of(feats)) for _, upos, feats, _ in self.lexicon.forms.get(low, ()))

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[str, str]]]:
        """(UPOS, Case or NO_CASE) of each word of each sentence (their marginals stay
        available until the next call)."""
        if not sentences:
            return []
        if len(self.words) > WORD_CACHE_SIZE:
            self.words.clear()
        lengths = [len(words) for words in sentences]
        self._scores = self.model.scores([features(words, self.treebank_classes, self.dictionary_class, self.words,
                                                   self.model.encode) for words in sentences])
        self._starts = np.cumsum([0, *lengths]).tolist()
        self._marginals = {}
        if self.bilstms:
            # `features` has just put every word of `sentences` in the cache, with its values
            attributes = [[word_attributes(self.words[word].values) for word in words] for words in sentences]
            log_probabilities = sum(np.log(np.concatenate(bilstm.probabilities(attributes))[:, columns] + 1e-12)
                                    for bilstm, columns in zip(self.bilstms, self._bilstm_columns))
            self._scores += self.bilstm_weight / len(self.bilstms) * log_probabilities
        return [[self.label_tags[i] for i in path] for path in self.model.viterbi(self._scores, lengths)]

    def tag_words(self, words: Sequence[str]) -> list[tuple[str, str]]:
        """(UPOS, Case or NO_CASE) of each word of one sentence."""
        return self.tag_sentences([words])[0]

    def _marginal(self, labels: list[int], sentence: int, i: int) -> float:
        """The probability that word `i` of sentence `sentence` of the last call has one of
        `labels` (forward-backward runs only for the sentences that ask)."""
        if sentence not in self._marginals:
            start, end = self._starts[sentence], self._starts[sentence + 1]
            self._marginals[sentence] = self.model.marginals(self._scores[start:end])
        return float(self._marginals[sentence][i, labels].sum())

    def upos_marginal(self, upos: str, sentence: int, i: int) -> float:
        return self._marginal(self.labels_of_upos.get(upos, []), sentence, i)

    def label_marginal(self, name: str, sentence: int, i: int) -> float:
        index = self.model.label_index
        return self._marginal([index[name]] if name in index else [], sentence, i)

    def __call__(self, doc: Doc) -> Doc:
        self._tag_docs([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Documents tagged `batch_size` at a time where BiLSTMs run (per position they pay
        the same numpy calls for 30 sentences as for one), one at a time for the CRF alone
        (LVTB test, lexicon backend: warm 18k words/s in batches of 32, 24k one by one)."""
        if not self.bilstms:
            yield from map(self, docs)
            return
        for batch in minibatch(docs, size=batch_size):
            self._tag_docs(batch)
            yield from batch

    def _tag_docs(self, docs: list[Doc]) -> None:
        sentences = [[t for t in sentence if not t.is_space]
                     for doc in docs for sentence in (doc.sents if doc.has_annotation("SENT_START") else [doc[:]])]
        sentences = [tokens for tokens in sentences if tokens]
        tags = self.tag_sentences([[t.text for t in tokens] for tokens in sentences])
        for s, (tokens, sentence_tags) in enumerate(zip(sentences, tags)):
            for i, (token, (upos, case)) in enumerate(zip(tokens, sentence_tags)):
                if not token.pos_ or (token.pos_ != upos and self.upos_marginal(upos, s, i) >= self.override_threshold):
                    token.pos_ = upos
                    token.set_morph(None if case == NO_CASE else f"Case={case}")
                elif token.pos_ == upos and case != NO_CASE and token.has_morph():
                    feats = token.morph.to_dict()
                    if feats.get("Case", case) != case and \
                            self.label_marginal(f"{upos}|{case}", s, i) >= self.case_threshold:
                        feats["Case"] = case
                        token.set_morph(feats)
