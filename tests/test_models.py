"""The shipped models load offline with plain spaCy and do their job on report phrases."""
import pytest
import spacy

import nlp
from nlp.pipeline import CORE_DIR, NER_DIR, PARSER_DIR


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


def test_parser_model_loads_with_plain_spacy():
    parser = spacy.load(PARSER_DIR)
    assert parser.pipe_names == ["parser"]
    assert "CC BY-SA 4.0" in parser.meta["license"]


def test_core_backend_parses_after_the_taggers():
    """lv_parser reads the final tags, so it runs after the CRF tagger and the lexicon, in place
    of lv_core's own parser; one tree per sentence, within lvmine's sentences."""
    pipeline = nlp.load("core")
    names = pipeline.pipe_names
    assert names.count("parser") == 1 and names.index("parser") > names.index("lv_lexicon_morph")
    doc = pipeline("Biedrība noorganizēja 12 pasākumus. Tajos piedalījās vairāk nekā 345 dalībnieki no Latgales.")
    assert len(list(doc.sents)) == 2
    for sentence in doc.sents:
        assert [t.dep_ for t in sentence].count("ROOT") == 1
        assert all(sentence.start <= t.head.i < sentence.end for t in sentence)
    by_text = {t.text: t for t in doc}
    assert (by_text["Biedrība"].dep_, by_text["Biedrība"].head.text) == ("nsubj", "noorganizēja")
    assert (by_text["pasākumus"].dep_, by_text["pasākumus"].head.text) == ("obj", "noorganizēja")
    assert (by_text["dalībnieki"].dep_, by_text["dalībnieki"].head.text) == ("nsubj", "piedalījās")
    assert by_text["12"].head.text == "pasākumus"


def test_core_backend_without_the_parser_extracts_the_same():
    """Mining leaves the parser out (`parse=False`): nothing it stores reads the parse."""
    from conftest import SAMPLE, SEED_IDS

    parsed, unparsed = nlp.load("core", ner=False), nlp.load("core", ner=False, parse=False)
    assert "parser" in parsed.pipe_names and "parser" not in unparsed.pipe_names
    report = nlp.read_report(SAMPLE / f"{SEED_IDS[1]}.txt")
    assert [r.to_dict() for r in nlp.extract(report, nlp=unparsed)] == \
        [r.to_dict() for r in nlp.extract(report, nlp=parsed)]


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



GOLD_TEXT = "Biedrība rīkoja 3 pasākumus."
GOLD = (["Biedrība", "rīkoja", "3", "pasākumus", "."], [1, 1, 3, 1, 1], ["nsubj", "root", "nummod", "obj", "punct"])


def _parsed(words, heads, deps):
    """A parsed Doc of GOLD_TEXT split into `words`."""
    from spacy.tokens import Doc

    spaces, at = [], 0
    for word in words:
        at = GOLD_TEXT.index(word, at) + len(word)
        spaces.append(GOLD_TEXT[at:at + 1] == " ")
    return Doc(spacy.blank("lv").vocab, words=words, spaces=spaces, heads=heads, deps=deps)


@pytest.mark.parametrize("words, heads, deps, uas, las", [
    # spaCy's parser calls the root "ROOT", the treebank "root": the same attachment
    (GOLD[0], GOLD[1], ["nsubj", "ROOT", "nummod", "obj", "punct"], 100.0, 100.0),
    # only the universal part of a label counts; punctuation counts like any word
    (GOLD[0], GOLD[1], ["nsubj:pass", "ROOT", "nummod", "obj", "punct"], 100.0, 100.0),
    (GOLD[0], [1, 1, 3, 1, 3], ["nsubj", "ROOT", "nummod", "obj", "punct"], 80.0, 80.0),
    (GOLD[0], GOLD[1], ["obj", "ROOT", "nummod", "nsubj", "punct"], 100.0, 60.0),
    # a word the tokenizer split wrongly is wrong, and so is every word attached to it:
    # 3 right of 6 predicted and 5 gold words
    (["Biedrība", "rīkoja", "3", "pasākum", "us", "."], [1, 1, 3, 1, 3, 1],
     ["nsubj", "ROOT", "nummod", "obj", "flat", "punct"], 100 * 2 * (3 / 6 * 3 / 5) / (3 / 6 + 3 / 5), None),
])
def test_attachment_scores_follow_conll_2018(words, heads, deps, uas, las):
    from spacy.training import Example

    from nlp.model_eval import attachment_scores

    scores = attachment_scores([Example(_parsed(words, heads, deps), _parsed(*GOLD))])
    assert scores["dep_uas"] == pytest.approx(uas)
    assert las is None or scores["dep_las"] == pytest.approx(las)
