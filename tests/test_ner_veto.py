"""The CRF that judges the trained NER's entities (nlp.annotate.ner_veto)."""
import pytest
from spacy.tokens import Doc, Span

import nlp
from nlp.annotate.ner_veto import DEFAULT_PATH, NerVeto, features


@pytest.fixture(scope="module")
def analysed():
    """Report text tagged and lemmatised, without entities."""
    pipeline = nlp.load(ner=False)
    names = ("lv_numbers", "lv_sentences", "lv_crf_tagger", "lv_lexicon_morph")

    def analyse(text: str) -> Doc:
        doc = pipeline.make_doc(text)
        for name in names:
            doc = pipeline.get_pipe(name)(doc)
        return doc
    return analyse


@pytest.fixture(scope="module")
def veto():
    return NerVeto()


def test_the_pipeline_judges_the_ner_before_the_rules():
    names = nlp.load().pipe_names
    assert names.index("lv_ner") < names.index("lv_ner_veto") < names.index("lv_entity_rules")
    assert "lv_ner_veto" not in nlp.load(ner=False).pipe_names


def test_an_entity_the_crf_rules_out_is_dropped_and_a_likely_one_kept(analysed, veto):
    doc = analysed("Projektā piedalījās 45 dalībnieki no Rēzeknes un Daugavpils.")
    words = [t.text for t in doc]
    verb, town = words.index("piedalījās"), words.index("Rēzeknes")
    doc.ents = [Span(doc, verb, verb + 1, "PER"), Span(doc, town, town + 1, "LOC")]
    assert [(e.text, e.label_) for e in veto(doc).ents] == [("Rēzeknes", "LOC")]


def test_a_person_is_kept_and_the_rules_still_name_report_organisations(analysed, veto):
    text = "Lekciju vadīja Inese Kalniņa no biedrības „Zaļā zeme”."
    doc = analysed(text)
    words = [t.text for t in doc]
    first = words.index("Inese")
    doc.ents = [Span(doc, first, first + 2, "PER"), Span(doc, words.index("biedrības"), words.index("”") + 1, "ORG")]
    # FullStack, where the CRF learnt, tags a quoted name without its type word ...
    assert [(e.text, e.label_) for e in veto(doc).ents] == [("Inese Kalniņa", "PER")]
    # ... the report genre's rules, which run after the CRF, with it
    assert {(e.text, e.label_) for e in nlp.load()(text).ents} == {
        ("Inese Kalniņa", "PER"), ("biedrības „Zaļā zeme”", "ORG")}


def test_other_labels_and_unsplit_docs_are_left_alone(veto):
    pipeline = nlp.load(ner=False)
    doc = Doc(pipeline.vocab, words=["Projektam", "piešķirti", "500", "EUR"])
    doc.ents = [Span(doc, 2, 4, "MONEY"), Span(doc, 1, 2, "DATE")]
    assert [(e.text, e.label_) for e in veto(doc).ents] == [("500 EUR", "MONEY")]


def test_cached_attributes_are_the_same_attributes(analysed, veto):
    sentence = analysed("Biedrība „Omītes” sadarbojās ar Rēzeknes novada pašvaldību.")[:]
    encoded = [list(veto.model.encode(attributes)) for attributes in features(sentence)]
    assert features(sentence, {}, veto.model.encode) == encoded
    assert features(sentence, veto.words, veto.model.encode) == encoded


def test_a_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="veto.crfsuite"):
        NerVeto(str(tmp_path / "veto.crfsuite"))
    assert DEFAULT_PATH.exists()
