"""The vectorised NER decoder gives exactly spaCy's entities, on real Latvian text."""
import pytest
from spacy.tokens import Doc, Span

import nlp
from nlp.annotate.greedy_ner import greedy_entities, supported
from nlp.annotate.indicator_ner import REGION_ATTRS, indicator_regions
from nlp.pipeline import make_report_doc
from nlp.training.ner_data import SRC as FULLSTACK, load_split, read_paragraph

from conftest import SAMPLE, SEED_IDS


@pytest.fixture(scope="module")
def scoped():
    return nlp.load(entity_scope="indicators")


def spacy_entities(ner, docs):
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in ner.pipe(docs)]


def sentence_split(pipeline, texts):
    """Docs with lvmine's tokens and sentence starts (the NER must not cross them), no entities."""
    with pipeline.select_pipes(enable=["lv_numbers", "lv_sentences"]):
        return list(pipeline.pipe(texts))


def test_same_entities_as_spacy_on_the_seed_reports_and_their_regions(scoped):
    ner = scoped.get_pipe("ner")
    reports = [nlp.read_report(SAMPLE / f"{seed}.txt") for seed in SEED_IDS]
    whole = sentence_split(scoped, [r.text for r in reports])
    assert all(doc.has_annotation("SENT_START") for doc in whole) and supported(ner, whole)
    ours = greedy_entities(ner, whole)
    assert sum(map(len, ours)) > 50
    assert ours == spacy_entities(ner, whole)

    regions = []
    for report in reports:
        doc = scoped(make_report_doc(scoped, report))
        regions += [doc[start:end].as_doc(array_head=REGION_ATTRS) for start, end in indicator_regions(doc)]
    ours = greedy_entities(ner, regions)
    assert sum(map(len, ours)) > 20
    # Small token groups (regions over the limit go alone, out of order): same result, in order.
    assert max(map(len, regions)) > 120 and greedy_entities(ner, regions, max_tokens=100) == ours
    assert ours == spacy_entities(ner, regions)


@pytest.mark.skipif(not (FULLSTACK / "split.tsv").exists(), reason="the FullStack NER corpus is not beside the repo")
def test_same_entities_as_spacy_on_fullstack_dev_paragraphs(scoped):
    ner = scoped.get_pipe("ner")
    names = [name for name, split in load_split().items() if split == "dev"][:300]
    texts = [" ".join(s["text"] for s in read_paragraph(FULLSTACK / "data" / name) if s["text"]) for name in names]
    docs = sentence_split(scoped, texts)
    ours = greedy_entities(ner, docs)
    assert sum(map(len, ours)) > 200
    assert ours == spacy_entities(ner, docs)


def test_empty_and_whitespace_docs(scoped):
    ner = scoped.get_pipe("ner")
    docs = [Doc(scoped.vocab, words=[]), Doc(scoped.vocab, words=["\n", "Rīgā", "\n"], spaces=[False, False, False]),
            *sentence_split(scoped, ["Biedrība „Omītes” Daugavpilī 2021. gada 12. augustā."])]
    ours = greedy_entities(ner, docs)
    assert ours[0] == [] and all(start > 0 for start, _, _ in ours[1])
    assert ours == spacy_entities(ner, docs)


def test_preset_entities_are_left_to_spacy(scoped):
    ner = scoped.get_pipe("ner")
    doc = scoped.make_doc("Rēzeknes poļu biedrība rīkoja koncertu Rīgā.")
    doc.set_ents([Span(doc, 6, 7, "ORG")])
    assert not supported(ner, [doc])
