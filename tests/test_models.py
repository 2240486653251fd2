"""The shipped models load offline with plain spaCy and do their job on report phrases."""
import pytest
import spacy

import nlp
from nlp.pipeline import CORE_DIR, NER_DIR


@pytest.fixture(scope="module")
def core():
    return spacy.load(CORE_DIR)


def test_core_model_components(core):
    assert {"tok2vec", "morphologizer", "tagger", "trainable_lemmatizer", "parser"} <= set(core.pipe_names)
    assert "CC BY-SA 4.0" in core.meta["license"]


@pytest.mark.parametrize("sentence, word, lemma", [
    ("Pasākumā uzrunājām dalībniekus no visas Latvijas.", "dalībniekus", "dalībnieks"),
    ("Semināri notika 119 NVO pārstāvjiem.", "pārstāvjiem", "pārstāvis"),
    ("Notika divas kulinārijas meistarklases.", "meistarklases", "meistarklase"),
    ("Iedzīvotāji piedalījās 10 konsultācijās.", "konsultācijās", "konsultācija"),
])
def test_report_words_lemmatised(sentence, word, lemma):
    pipeline = nlp.load("core")
    doc = pipeline(sentence)
    assert next(t for t in doc if t.text == word).lemma_ == lemma


def test_core_backend_extracts(core):
    records = nlp.extract_many(["Notika 4 semināri, kuros piedalījās vairāk nekā 120 jaunieši."], nlp=nlp.load("core"))
    assert [(r.value, r.unit, r.qualifier) for r in records] == [(4, "seminārs", "exact"), (120, "jaunietis", "more_than")]


def test_ner_model_labels():
    ner = spacy.load(NER_DIR)
    assert {"PER", "ORG", "LOC", "DATE"} <= set(ner.get_pipe("ner").labels)
    doc = ner("Jānis Bērziņš strādā biedrībā “Kurzemes NVO centrs” Liepājā.")
    assert ("Liepājā", "LOC") in {(e.text, e.label_) for e in doc.ents}


def test_pipeline_accepts_a_pretokenised_doc():
    from spacy.tokens import Doc

    pipeline = nlp.load()
    doc = pipeline(Doc(pipeline.vocab, words=["Notika", "5", "semināri", "Rīgā", "."]))
    assert [t.lemma_ for t in doc][2] == "seminārs"
    assert ("Rīgā", "LOC") in {(e.text, e.label_) for e in doc.ents}
