"""`lv_indicator_ner`: the trained NER run only over the text indicator records take their
entities from — the sentence and the line of each quantity (`DocEntities.scopes`).

Mining stores the entities attached to indicators and no others, and the statistical NER is
most of its cost, so `nlp.load(entity_scope="indicators")` (what `lvmine mine` uses) runs
the NER here instead of over the whole report: on the sample archive about half the text.
The NER component itself stays in the pipeline, disabled, and this one runs its model,
decoded by `greedy_ner` (same entities, without spaCy's per-token GIL hand-offs) whenever
that decoder supports the model.
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


@Language.factory("lv_indicator_ner", default_config={"ner_pipe": "ner"})
def make_indicator_ner(nlp: Language, name: str, ner_pipe: str) -> "IndicatorNER":
    return IndicatorNER(nlp, ner_pipe)


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


class IndicatorNER:
    def __init__(self, nlp: Language, ner_pipe: str):
        self.nlp = nlp
        self.ner_pipe = ner_pipe

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        # get_pipe finds disabled components too: the NER is in the pipeline but not run by it.
        ner = self.nlp.get_pipe(self.ner_pipe)
        for batch in minibatch(docs, batch_size):
            regions = [(doc, start, end) for doc in batch for start, end in indicator_regions(doc)]
            # The NER reads words and whitespace only; copying the other attributes took a fifth of its time.
            parts = [doc[start:end].as_doc(array_head=REGION_ATTRS) for doc, start, end in regions]
            found: dict[int, list[Span]] = {id(doc): [] for doc in batch}
            for (doc, start, _), spans in zip(regions, self._entities(ner, parts)):
                found[id(doc)] += [Span(doc, start + first, start + end, label) for first, end, label in spans]
            for doc in batch:
                doc.set_ents(found[id(doc)], default="outside")
                yield doc

    @staticmethod
    def _entities(ner: EntityRecognizer, parts: list[Doc]) -> list[list[tuple[int, int, str]]]:
        if greedy_ner.supported(ner, parts):
            return greedy_ner.greedy_entities(ner, parts)
        return [[(e.start, e.end, e.label_) for e in part.ents] for part in ner.pipe(parts, batch_size=64)]
