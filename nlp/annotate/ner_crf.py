"""`lv_ner_crf`: a second opinion on the trained NER's entities, from a feature CRF.

A linear-chain CRF (CRFsuite; BIO labels for PER, ORG, LOC and DATE) learnt from FullStack
train over the word, its endings and shape, the lexicon's part of speech, lemma, case and
number, whether it stands inside quotes, and whether the entity rules' gazetteers know it as
a place or a first name, for the word and its neighbours. Alone it is about as good as the
neural NER (FullStack dev, session 12: 73.6 against 72.6) and right on other spans, so the two
are combined before the domain rules: an NER entity the CRF gives almost no chance (the
probability that exactly this span has this label, from its marginals, under `threshold`) is
dropped, which may let the rules find the right one, and an entity the CRF is sure of (at least
`add_threshold`; its labels are then each position's likeliest, so no best-path search is
needed) is added where no entity is. FullStack dev through
`nlp.load()`: 80.06 -> 81.1 with the first, -> 81.6 with both (thresholds 0.002 and 0.9, chosen
with a first version: 80.8-81.1 for 0.0005-0.01, 81.6-81.9 for 0.7-0.97).

Train with ``python scripts/train_ner_crf.py`` (about 3 minutes on one CPU thread); tagging
reads CRFsuite's model file with `nlp.morphology.crf_model.LinearChainCrf`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..morphology.crf_model import installed_model
from ..morphology.crf_tagger import WORD_CACHE_SIZE, _shape
from . import entity_rules
from .indicator_ner import SCOPES, indicator_regions

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "models" / "lv_ner" / "crf.crfsuite"
LABELS = ("PER", "ORG", "LOC", "DATE")
# the word's own attributes that its neighbours at -2..2 also carry
NEIGHBOUR_KEYS = ("w", "s3", "sh", "pos", "lem", "case")
NEIGHBOUR_FLAGS = ("title", "place", "fname")
# attributes of a position, not of a word: the sentence's first word, quotes around, its ends
FIXED_NAMES = ("bias", "first", *(f"{offset}:inq" for offset in (-2, -1, 0, 1, 2)),
               *(f"{offset}:pad" for offset in (-2, -1, 1, 2)))


def _word_attributes(text: str, lemma: str, upos: str, case: str, number: str) -> tuple[list[str], dict[int, list[str]]]:
    """A word's own attributes and those it gives the words at each offset from it."""
    low = text.lower()
    values = {"w": low, "p2": low[:2], "p3": low[:3], "s1": low[-1:], "s2": low[-2:], "s3": low[-3:],
              "s4": low[-4:], "sh": _shape(text), "pos": upos, "lem": lemma.lower(), "case": case, "num": number}
    flags = {"title": text[:1].isupper(), "upper": text.isupper() and len(text) > 1,
             "place": entity_rules._is_place(text, lemma),
             "fname": entity_rules._is_first_name(text, lemma) and text[:1].isupper(),
             "common": text[:1].isupper() and entity_rules._common_word(text)}
    own = [f"{key}={value}" for key, value in values.items()] + [key for key, on in flags.items() if on]
    at = {offset: [f"{offset}:{key}={values[key]}" for key in NEIGHBOUR_KEYS]
          + [f"{offset}:{key}" for key in NEIGHBOUR_FLAGS if flags[key]] for offset in (-2, -1, 1, 2)}
    return own, at


def _in_quotes(words: Sequence[str]) -> list[bool]:
    """Whether each word stands inside quotes (a quote itself counts as inside once opened;
    the quote characters are the entity rules', `entity_patterns.json`)."""
    quotes, depth, out = entity_rules._config()["quotes"], 0, []
    for word in words:
        for char in word if len(word) == 1 else word[:1] + word[-1:]:
            depth = max(0, entity_rules.quote_depth(depth, char, quotes))
        out.append(depth > 0)
    return out


def features(tokens: Sequence) -> list[list[str]]:
    """CRFsuite attributes of each token of one sentence (training; `NerCrf.state_scores`
    sums the same attributes' weights from per-word parts)."""
    words = [_word_attributes(*_analysis(token)) for token in tokens]
    quoted = _in_quotes([token.text for token in tokens])
    lows = [token.text.lower() for token in tokens]
    n = len(words)
    out = []
    for i, (own, _) in enumerate(words):
        attributes = [*own, "bias", *(["first"] if i == 0 else [])]
        for offset in (-2, -1, 0, 1, 2):
            j = i + offset
            if 0 <= j < n:
                attributes += [f"{offset}:inq"] if quoted[j] else []
                attributes += words[j][1][-offset] if offset else []
            else:
                attributes.append(f"{offset}:pad")
        if i > 0:
            attributes.append(f"-1w|w={lows[i - 1]}|{lows[i]}")
        if i + 1 < n:
            attributes.append(f"w|+1w={lows[i]}|{lows[i + 1]}")
        out.append(attributes)
    return out


def _analysis(token) -> tuple[str, str, str, str, str]:
    """What a token's attributes depend on: form, lemma, UPOS, case and number."""
    return (token.text, token.lemma_, token.pos_, (token.morph.get("Case") or [""])[0],
            (token.morph.get("Number") or [""])[0])


def bio_labels(sentence: Span) -> list[str]:
    """The BIO labels of a gold sentence's LABELS entities."""
    tags = ["O"] * len(sentence)
    for entity in sentence.ents:
        if entity.label_ in LABELS:
            tags[entity.start - sentence.start] = "B-" + entity.label_
            for k in range(entity.start + 1, entity.end):
                tags[k - sentence.start] = "I-" + entity.label_
    return tags


def train(docs: Iterable[Doc], model_path: Path, *, c1: float = 0.1, c2: float = 0.01, iterations: int = 300) -> None:
    """Train on analysed gold Docs (tags and lemmas set, gold entities and sentences)."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for doc in docs:
        for sentence in doc.sents:
            trainer.append(features(sentence), bio_labels(sentence))
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    model_path.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))


@Language.factory("lv_ner_crf", default_config={"model_path": None, "threshold": 0.002, "add_threshold": 0.9,
                                                 "scope": "doc"})
def make_ner_crf(nlp: Language, name: str, model_path: str | None, threshold: float, add_threshold: float,
                 scope: str) -> "NerCrf":
    if scope not in SCOPES:
        raise ValueError(f"unknown entity scope {scope!r}; choose one of {', '.join(SCOPES)}")
    return NerCrf(model_path, threshold, add_threshold, scope)


class NerCrf:
    """Drops the trained NER's PER/ORG/LOC/DATE entities that the CRF gives a probability
    under `threshold`, and adds the CRF's own where it is sure and no entity is, in the
    sentences of `scope` (as `lv_ner`'s: the whole Doc, or where indicators take entities)."""

    def __init__(self, model_path: str | None = None, threshold: float = 0.002, add_threshold: float = 0.9,
                 scope: str = "doc"):
        self.model = installed_model(Path(model_path or DEFAULT_PATH), "the NER's CRF", "python scripts/train_ner_crf.py")
        self.threshold = threshold
        self.add_threshold = add_threshold
        self.scope = scope
        self.fixed = {name: self.model.weight(self.model.encode([name])) for name in FIXED_NAMES}
        self.words: dict = {}  # analysed words' and word pairs' summed weights, once per process

    def _word(self, token) -> tuple:
        """(own weights, weights it gives each offset, lower-cased form) of an analysed word."""
        key = _analysis(token)
        entry = self.words.get(key)
        if entry is None:
            own, at = _word_attributes(*key)
            weight, encode = self.model.weight, self.model.encode
            entry = self.words[key] = (weight(encode(own)), {offset: weight(encode(names)) for offset, names in at.items()},
                                       token.text.lower())
        return entry

    def _pair(self, first: str, second: str) -> tuple:
        """The weights two neighbouring words give each other: the first's "w|+1w=a|b", the
        second's "-1w|w=a|b"."""
        key = (first, second)
        pair = self.words.get(key)
        if pair is None:
            weight, encode = self.model.weight, self.model.encode
            pair = self.words[key] = (weight(encode([f"w|+1w={first}|{second}"])),
                                      weight(encode([f"-1w|w={first}|{second}"])))
        return pair

    def state_scores(self, tokens: Sequence) -> np.ndarray:
        """(tokens x labels) state scores of one sentence: the weights of `features(tokens)`
        summed, from cached parts (a word's own, what it gives its neighbours, a pair's)."""
        words = [self._word(token) for token in tokens]
        n = len(words)
        scores = np.array([own for own, _, _ in words]) + self.fixed["bias"]
        scores[0] += self.fixed["first"]
        quoted = np.array(_in_quotes([token.text for token in tokens]))
        for offset in (-2, -1, 0, 1, 2):
            # positions [lo, hi) have a word at i + offset; the others get the padding
            lo = min(n, max(0, -offset))
            hi = max(lo, min(n, n - offset))
            scores[lo:hi][quoted[lo + offset:hi + offset]] += self.fixed[f"{offset}:inq"]
            if offset:
                if hi > lo:
                    scores[lo:hi] += np.array([words[i + offset][1][-offset] for i in range(lo, hi)])
                scores[:lo] += self.fixed[f"{offset}:pad"]
                scores[hi:] += self.fixed[f"{offset}:pad"]
        if n > 1:
            pairs = [self._pair(words[i][2], words[i + 1][2]) for i in range(n - 1)]
            scores[:-1] += np.array([first for first, _ in pairs])
            scores[1:] += np.array([second for _, second in pairs])
        return scores

    def span_probability(self, marginals, start: int, end: int, label: str) -> float:
        """A lower bound of the probability that tokens [start, end) of a sentence, and no
        more, are one `label` entity: its weakest B/I marginal, and that the next token
        does not continue it."""
        begin, inside = self.model.label_index.get("B-" + label), self.model.label_index.get("I-" + label)
        if begin is None or inside is None:
            return 0.0
        probability = marginals[start, begin]
        for k in range(start + 1, end):
            probability = min(probability, marginals[k, inside])
        if end < len(marginals):
            probability = min(probability, 1 - marginals[end, inside])
        return float(probability)

    def _sentences(self, doc: Doc) -> list[Span]:
        if not doc.has_annotation("SENT_START"):
            return [doc[:]]  # a pre-tokenised Doc that nothing split into sentences
        if self.scope == "doc":
            return list(doc.sents)
        regions = indicator_regions(doc)
        return [sentence for sentence in doc.sents
                if any(start < sentence.end and sentence.start < end for start, end in regions)]

    def _likeliest_entities(self, marginals) -> list[tuple[int, int, str]]:
        """(start, end, label) of the entities that each position's likeliest label makes."""
        spans, start, label = [], None, None
        for i, name in enumerate([self.model.labels[k] for k in marginals.argmax(axis=1)] + ["O"]):
            if start is not None and name == "I-" + label:
                continue
            if start is not None:
                spans.append((start, i, label))
            start, label = (i, name[2:]) if name[:2] in ("B-", "I-") else (None, None)
        return spans

    def __call__(self, doc: Doc) -> Doc:
        sentences = [sentence for sentence in self._sentences(doc) if len(sentence)]
        if not sentences:
            return doc
        if len(self.words) > WORD_CACHE_SIZE:
            self.words.clear()
        lengths = [len(sentence) for sentence in sentences]
        scores = np.concatenate([self.state_scores(sentence) for sentence in sentences])
        entities = list(doc.ents)
        dropped, added = set(), []
        for sentence, marginals in zip(sentences, self.model.sentence_marginals(scores, lengths)):
            judged = [e for e in entities if e.label_ in LABELS and sentence.start <= e.start < sentence.end]
            proposed = self._likeliest_entities(marginals)
            for entity in judged:
                end = min(entity.end, sentence.end) - sentence.start
                if self.span_probability(marginals, entity.start - sentence.start, end, entity.label_) < self.threshold:
                    dropped.add(entity)
            taken = [e for e in entities if e not in dropped and sentence.start < e.end and e.start < sentence.end]
            taken += added
            sure = [(self.span_probability(marginals, start, end, label), start, end, label)
                    for start, end, label in proposed]
            for probability, start, end, label in sorted(sure, reverse=True):
                span = Span(doc, sentence.start + start, sentence.start + end, label)
                if probability >= self.add_threshold and all(span.end <= e.start or e.end <= span.start for e in taken):
                    added.append(span)
                    taken.append(span)
        if dropped or added:
            doc.set_ents(sorted([e for e in entities if e not in dropped] + added, key=lambda e: e.start))
        return doc
