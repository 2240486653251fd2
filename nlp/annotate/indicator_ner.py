"""`lv_ner`: the trained NER, over whole documents or only over the text indicator records
take their entities from, decoded by `greedy_ner`.

spaCy's own "ner" component stays in the pipeline, disabled, holding the model; this one
runs it. Its decoding goes through `greedy_ner` (the same entities, vectorised over the
batch, without spaCy's per-token GIL hand-offs) whenever that decoder supports the model
and the Docs (no preset entities), and through spaCy's otherwise.

scope="doc": every token of every Doc (what `nlp.load()` gives a notebook).
scope="indicators": only the sentence and the line of each quantity
(`DocEntities.scopes`), as `lv_indicator_ner` after extraction. Mining stores the entities
attached to indicators and no others, and the statistical NER is most of its cost, so
`nlp.load(entity_scope="indicators")` (what `lvmine mine` uses) tags about half the text of
the sample archive, with the same records.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.attrs import NORM, ORTH, SPACY
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from ..extract.quantities import SPAN_KEY
from . import greedy_ner
from .attach import DocEntities


REGION_ATTRS = [ORTH, NORM, SPACY]


# "doc": the NER tags the whole text; "indicators": only the sentences and lines that
# indicator records take entities from, which is all mining stores.
SCOPES = ("doc", "indicators")


@Language.factory("lv_ner", default_config={"ner_pipe": "ner", "scope": "doc"})
def make_scoped_ner(nlp: Language, name: str, ner_pipe: str, scope: str) -> "ScopedNER":
    if scope not in SCOPES:
        raise ValueError(f"unknown entity scope {scope!r}; choose one of {', '.join(SCOPES)}")
    return ScopedNER(nlp, ner_pipe, scope)


def indicator_regions(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) covering every scope of every quantity, merged, in order."""
    scopes = DocEntities(doc).scopes
    ranges = []
    for quantity in doc.spans.get(SPAN_KEY, []):
        bounds = [bound for _, bound in scopes(quantity.start_char, quantity.end_char)]
        region = doc.char_span(min(lo for lo, _ in bounds), max(hi for _, hi in bounds), alignment_mode="expand")
        if region is not None and len(region):
            ranges.append((region.start, region.end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class ScopedNER:
    def __init__(self, nlp: Language, ner_pipe: str, scope: str):
        self.nlp = nlp
        self.ner_pipe = ner_pipe
        self.scope = scope

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        # get_pipe finds disabled components too: the NER is in the pipeline but not run by it.
        ner = self.nlp.get_pipe(self.ner_pipe)
        for batch in minibatch(docs, batch_size):
            if self.scope == "doc":
                yield from self._tag_docs(ner, batch)
            else:
                yield from self._tag_regions(ner, batch)

    @staticmethod
    def _tag_docs(ner: EntityRecognizer, docs: list[Doc]) -> Iterator[Doc]:
        if not greedy_ner.supported(ner, docs):
            yield from ner.pipe(docs)
            return
        for doc, spans in zip(docs, greedy_ner.greedy_entities(ner, docs)):
            doc.set_ents([Span(doc, start, end, label) for start, end, label in spans], default="outside")
            yield doc

    @staticmethod
    def _tag_regions(ner: EntityRecognizer, docs: list[Doc]) -> Iterator[Doc]:
        regions = [(doc, start, end) for doc in docs for start, end in indicator_regions(doc)]
        # The NER reads words and whitespace only; copying the other attributes took a fifth of its time.
        parts = [doc[start:end].as_doc(array_head=REGION_ATTRS) for doc, start, end in regions]
        if greedy_ner.supported(ner, parts):
            tagged = greedy_ner.greedy_entities(ner, parts)
        else:
            tagged = [[(e.start, e.end, e.label_) for e in part.ents] for part in ner.pipe(parts, batch_size=64)]
        found: dict[int, list[Span]] = {id(doc): [] for doc in docs}
        for (doc, start, _), spans in zip(regions, tagged):
            found[id(doc)] += [Span(doc, start + first, start + end, label) for first, end, label in spans]
        for doc in docs:
            doc.set_ents(found[id(doc)], default="outside")
            yield doc
