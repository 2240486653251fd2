"""The CRF that judges and completes the trained NER's entities (nlp.annotate.ner_crf)."""
import pytest
from spacy.tokens import Doc, Span

import nlp
from nlp.annotate.ner_crf import DEFAULT_PATH, NerCrf, features


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
def crf():
    return NerCrf()


def test_the_pipeline_judges_the_ner_before_the_rules():
    names = nlp.load().pipe_names
    assert names.index("lv_ner") < names.index("lv_ner_crf") < names.index("lv_entity_rules")
    assert "lv_ner_crf" not in nlp.load(ner=False).pipe_names


def test_an_entity_the_crf_rules_out_is_dropped_and_a_likely_one_kept(analysed, crf):
    doc = analysed("Projektā piedalījās 45 dalībnieki no Rēzeknes un Daugavpils.")
    words = [t.text for t in doc]
    verb, town = words.index("piedalījās"), words.index("Rēzeknes")
    doc.ents = [Span(doc, verb, verb + 1, "PER"), Span(doc, town, town + 1, "LOC")]
    entities = {(e.text, e.label_) for e in crf(doc).ents}
    assert ("Rēzeknes", "LOC") in entities and ("piedalījās", "PER") not in entities


def test_a_person_is_kept_and_the_rules_still_name_report_organisations(analysed, crf):
    text = "Lekciju vadīja Inese Kalniņa no biedrības „Zaļā zeme”."
    doc = analysed(text)
    words = [t.text for t in doc]
    first = words.index("Inese")
    doc.ents = [Span(doc, first, first + 2, "PER"), Span(doc, words.index("biedrības"), words.index("”") + 1, "ORG")]
    # FullStack, where the CRF learnt, tags a quoted name without its type word ...
    assert [(e.text, e.label_) for e in crf(doc).ents] == [("Inese Kalniņa", "PER")]
    # ... the report genre's rules, which run after the CRF, with it
    assert {(e.text, e.label_) for e in nlp.load()(text).ents} == {
        ("Inese Kalniņa", "PER"), ("biedrības „Zaļā zeme”", "ORG")}


def test_other_labels_and_unsplit_docs_are_left_alone(crf):
    pipeline = nlp.load(ner=False)
    doc = Doc(pipeline.vocab, words=["Projektam", "piešķirti", "500", "EUR"])
    doc.ents = [Span(doc, 2, 4, "MONEY"), Span(doc, 1, 2, "DATE")]
    assert [(e.text, e.label_) for e in crf(doc).ents] == [("500 EUR", "MONEY")]


def test_state_scores_from_cached_parts_are_the_attributes_weights(analysed, crf):
    import numpy as np

    for text in ("Biedrība „Omītes” sadarbojās ar Rēzeknes novada pašvaldību.", "Paldies!", "Rīgā"):
        sentence = analysed(text)[:]
        expected = crf.model.scores([[crf.model.encode(attributes) for attributes in features(sentence)]])
        for _ in range(2):  # the second time from the cache
            assert np.allclose(crf.state_scores(sentence), expected)


def test_a_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="crf.crfsuite"):
        NerCrf(str(tmp_path / "crf.crfsuite"))
    assert DEFAULT_PATH.exists()


def test_the_crf_adds_what_it_is_sure_of_where_no_entity_is(analysed, crf):
    doc = analysed("Sanāksmi vadīja Inese Kalniņa. Projektā piedalījās 45 dalībnieki no Daugavpils.")
    doc.ents = [Span(doc, 0, 1, "ORG")]  # kept or dropped, never overlapped
    entities = [(e.text, e.label_) for e in crf(doc).ents]
    assert ("Inese Kalniņa", "PER") in entities and ("Daugavpils", "LOC") in entities
    assert not any(text in ("piedalījās", "dalībnieki") for text, _ in entities)


def test_indicator_scope_looks_only_where_indicators_take_entities():
    pipeline = nlp.load(entity_scope="indicators")
    assert pipeline.get_pipe("lv_ner_crf").scope == "indicators"
    with pipeline.select_pipes(disable=["lv_entity_rules"]):  # the rules find names anywhere
        doc = pipeline("Sanāksmi vadīja Inese Kalniņa.\n\nProjektā piedalījās 45 dalībnieki no Daugavpils.")
    entities = {(e.text, e.label_) for e in doc.ents}
    assert ("Daugavpils", "LOC") in entities and ("Inese Kalniņa", "PER") not in entities


def test_sentences_of_very_different_lengths_give_proper_marginals_without_warnings(crf):
    import warnings

    import numpy as np

    lengths = [2, 400, 1]
    scores = np.random.default_rng(0).normal(0, 5, (sum(lengths), len(crf.model.labels)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        marginals = crf.model.sentence_marginals(scores, lengths)
    assert [len(m) for m in marginals] == lengths
    assert all(np.allclose(m.sum(axis=1), 1.0) for m in marginals)
    assert np.allclose(marginals[0], crf.model.marginals(scores[:2]))


@pytest.mark.parametrize("words, inside", [
    (["biedrība", "„", "Zaļā", "zeme", "”", "un"], [False, True, True, True, False, False]),
    # a Latvian „…“ closes with “, which opens an English-style “…”
    (["„", "Omītes", "“", "un", "“", "Ivuški", "”", "."], [True, True, False, False, True, True, False, False]),
    (['"', "Nordea", "banka", '"', "vēlas"], [True, True, True, False, False]),
    (['"Nordea', 'banka"', "vēlas"], [True, False, False]),  # quotes written onto the words
])
def test_quote_state_follows_the_entity_rules_quotes(words, inside):
    from nlp.annotate.ner_crf import _in_quotes

    assert _in_quotes(words) == inside
