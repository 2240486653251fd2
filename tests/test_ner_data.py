"""FullStack -> spaCy conversion (nlp.training.ner_data): entity spans from the BIO column."""
import pytest

from nlp.training.ner_data import entity_spans


@pytest.mark.parametrize("bios, spans", [
    (["B-person", "I-person", "O"], [(0, 2, "PER")]),
    (["B-time", "B-time"], [(0, 1, "DATE"), (1, 2, "DATE")]),
    # an I- tag with nothing open, or of another type, starts a new entity
    (["O", "I-person", "I-person"], [(1, 3, "PER")]),
    (["I-GPE", "I-organization"], [(0, 1, "LOC"), (1, 2, "ORG")]),
    # GPE and location are both places: one entity
    (["B-GPE", "I-location"], [(0, 2, "LOC")]),
    (["O", "O"], []),
])
def test_entity_spans(bios, spans):
    assert entity_spans(bios) == spans
