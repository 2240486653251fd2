"""The NER scoped to indicator contexts (what mining runs) against the NER over whole reports."""
import pytest

import nlp
from nlp.annotate.attach import DocEntities
from nlp.annotate.indicator_ner import indicator_regions
from nlp.extract.quantities import SPAN_KEY
from nlp.io.doc_consumer import indicators_from_doc
from nlp.pipeline import annotate

from conftest import SAMPLE, SEED_IDS


@pytest.fixture(scope="module")
def scoped():
    return nlp.load(entity_scope="indicators")


@pytest.fixture(scope="module")
def seeds():
    return [nlp.read_report(SAMPLE / f"{seed}.txt") for seed in SEED_IDS]


def test_pipeline_runs_the_ner_after_extraction(scoped):
    names = scoped.pipe_names
    assert "ner" not in names and "ner" in scoped.component_names
    assert names.index("quantity_matcher") < names.index("lv_indicator_ner") == names.index("lv_entity_rules") - 2
    assert names.index("lv_ner_crf") == names.index("lv_entity_rules") - 1


def test_unknown_scope_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown entity scope 'sentences'"):
        nlp.load(entity_scope="sentences")


def test_seed_records_are_the_same_as_with_the_ner_over_the_whole_report(nlp_pipeline, scoped, seeds):
    full = [r.to_dict() for report in seeds for r in indicators_from_doc(annotate(nlp_pipeline, report), report)]
    scoped_records = [r.to_dict() for report in seeds for r in indicators_from_doc(annotate(scoped, report), report)]
    assert len(full) == 61
    assert sum(e["source"] != "report" for r in full for e in r["entities"]) > 40  # entities found in the text
    assert scoped_records == full


def test_regions_cover_every_scope_of_every_quantity_and_the_rest_has_rule_entities_only(scoped, seeds):
    doc = annotate(scoped, seeds[0])
    regions = indicator_regions(doc)
    assert regions == sorted(regions) and all(a[1] < b[0] for a, b in zip(regions, regions[1:]))
    covered = {i for start, end in regions for i in range(start, end)}
    assert len(covered) < 0.9 * len(doc)  # the point: part of the report is not tagged
    context = DocEntities(doc)
    for quantity in doc.spans[SPAN_KEY]:
        for _, (lo, hi) in context.scopes(quantity.start_char, quantity.end_char):
            assert all(t.i in covered for t in doc.char_span(lo, hi, alignment_mode="expand"))
    rules_only = annotate(nlp.load(ner=False), seeds[0])

    def outside(d):
        return [(e.start, e.end, e.label_) for e in d.ents if e.start not in covered]

    assert outside(doc) == outside(rules_only)
