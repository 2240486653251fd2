"""`lv_ner_veto`: a second opinion on the trained NER's entities, from a feature CRF.

A linear-chain CRF (CRFsuite; BIO labels for PER, ORG, LOC and DATE) learnt from FullStack
train over the word, its endings and shape, the lexicon's part of speech, lemma, case and
number, whether it stands inside quotes, and whether the entity rules' gazetteers know it as
a place or a first name, for the word and its neighbours. Alone it is about as good as the
neural NER (FullStack dev, session 12: 73.6 against 72.6), and right on other spans, so it
judges the NER's entities: one the CRF gives almost no chance (the probability that exactly
this span has this label, from its marginals, under `threshold`) is dropped before the domain
rules, which may then find the right one. FullStack dev through `nlp.load()`: 80.06 -> 81.1
(threshold 0.002; 80.8-81.1 for 0.0005-0.01).

Train with ``python scripts/train_ner_veto.py`` (about 5 minutes on one CPU thread); tagging
reads CRFsuite's model file with `nlp.morphology.crf_model.LinearChainCrf`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..morphology.crf_model import LinearChainCrf
from ..morphology.crf_tagger import WORD_CACHE_SIZE, _shape
from . import entity_rules

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "models" / "lv_ner" / "veto.crfsuite"
LABELS = ("PER", "ORG", "LOC", "DATE")
OPENING_QUOTES, CLOSING_QUOTES, STRAIGHT_QUOTES = "„“«", "”»", '"'
# the word's own attributes that its neighbours at -2..2 also carry
NEIGHBOUR_KEYS = ("w", "s3", "sh", "pos", "lem", "case")
NEIGHBOUR_FLAGS = ("title", "place", "fname")


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
    """Whether each word stands inside quotes (a quote itself counts as inside once opened)."""
    inside, out = False, []
    for word in words:
        if word in STRAIGHT_QUOTES:
            inside = not inside
        elif word in OPENING_QUOTES:
            inside = True
        elif word in CLOSING_QUOTES:
            inside = False
        out.append(inside)
    return out


def features(tokens: Sequence, cache: dict | None = None, encode: Callable[[list[str]], tuple] = tuple) -> list[list]:
    """CRFsuite attributes (with `encode`, their ids) of each token of one sentence;
    `cache` keeps each analysed word's attributes."""
    words = []
    for token in tokens:
        key = (token.text, token.lemma_, token.pos_, (token.morph.get("Case") or [""])[0],
               (token.morph.get("Number") or [""])[0])
        entry = cache.get(key) if cache is not None else None
        if entry is None:
            own, at = _word_attributes(*key)
            entry = (encode(own), {offset: encode(names) for offset, names in at.items()}, token.text.lower())
            if cache is not None:
                cache[key] = entry
        words.append(entry)
    quoted = _in_quotes([token.text for token in tokens])
    n = len(words)
    out = []
    for i, (own, _, low) in enumerate(words):
        names = ["bias"] + (["first"] if i == 0 else [])
        names += [f"{offset}:inq" for offset in (-2, -1, 0, 1, 2) if 0 <= i + offset < n and quoted[i + offset]]
        names += [f"{offset}:pad" for offset in (-2, -1, 1, 2) if not 0 <= i + offset < n]
        if i > 0:
            names.append(f"-1w|w={words[i - 1][2]}|{low}")
        if i + 1 < n:
            names.append(f"w|+1w={low}|{words[i + 1][2]}")
        attributes = list(own) + list(encode(names))
        for offset in (-2, -1, 1, 2):
            if 0 <= i + offset < n:
                attributes += words[i + offset][1][-offset]
        out.append(attributes)
    return out


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


@Language.factory("lv_ner_veto", default_config={"model_path": None, "threshold": 0.002})
def make_ner_veto(nlp: Language, name: str, model_path: str | None, threshold: float) -> "NerVeto":
    return NerVeto(model_path, threshold)


class NerVeto:
    """Drops the trained NER's PER/ORG/LOC/DATE entities that the CRF gives a probability
    under `threshold`; the other entities stay."""

    def __init__(self, model_path: str | None = None, threshold: float = 0.002):
        model_path = Path(model_path or DEFAULT_PATH)
        if not model_path.exists():
            raise FileNotFoundError(f"{model_path}: the NER's CRF is not installed "
                                    "(python scripts/train_ner_veto.py writes it)")
        self.model = LinearChainCrf(model_path)
        self.index = {name: i for i, name in enumerate(self.model.labels)}
        self.threshold = threshold
        self.words: dict = {}  # analysed words' attribute ids, found once per process

    def span_probability(self, marginals, start: int, end: int, label: str) -> float:
        """A lower bound of the probability that tokens [start, end) of a sentence, and no
        more, are one `label` entity: its weakest B/I marginal, and that the next token
        does not continue it."""
        begin, inside = self.index.get("B-" + label), self.index.get("I-" + label)
        if begin is None or inside is None:
            return 0.0
        probability = marginals[start, begin]
        for k in range(start + 1, end):
            probability = min(probability, marginals[k, inside])
        if end < len(marginals):
            probability = min(probability, 1 - marginals[end, inside])
        return float(probability)

    def __call__(self, doc: Doc) -> Doc:
        judged = [entity for entity in doc.ents if entity.label_ in LABELS]
        if not judged:
            return doc
        if len(self.words) > WORD_CACHE_SIZE:
            self.words.clear()
        if doc.has_annotation("SENT_START"):
            sentences = list({entity.sent.start: entity.sent for entity in judged}.values())
        else:
            sentences = [doc[:]]  # a pre-tokenised Doc that nothing split into sentences
        scores = self.model.scores([features(sentence, self.words, self.model.encode) for sentence in sentences])
        dropped = set()
        offset = 0
        for sentence in sentences:
            marginals = self.model.marginals(scores[offset:offset + len(sentence)])
            offset += len(sentence)
            for entity in judged:
                if sentence.start <= entity.start < sentence.end and self.span_probability(
                        marginals, entity.start - sentence.start, min(entity.end, sentence.end) - sentence.start,
                        entity.label_) < self.threshold:
                    dropped.add(entity)
        if dropped:
            doc.set_ents([entity for entity in doc.ents if entity not in dropped])
        return doc
