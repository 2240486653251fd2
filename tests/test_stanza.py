"""The stanza backend: local models only (no network), lvmine's own tokens, the same Doc
attributes as the spaCy backends, and the official-models directory via an env variable."""
import json
import shutil
import socket
from pathlib import Path

import pytest

import nlp
from nlp.morphology.stanza_tagger import STANZA_DIR, STANZA_DIR_VARIABLE, StanzaTagger

pytest.importorskip("stanza")

LVTB_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "lvtb" / "lv_lvtb-ud-dev.v2.5.conllu"

REPORT_WORDS = [
    ("Pasākumā uzrunājām dalībniekus no visas Latvijas.", "dalībniekus", "dalībnieks"),
    ("Semināri notika 119 NVO pārstāvjiem.", "pārstāvjiem", "pārstāvis"),
    ("Notika divas kulinārijas meistarklases.", "meistarklases", "meistarklase"),
    ("Iedzīvotāji piedalījās 10 konsultācijās.", "konsultācijās", "konsultācija"),
]


@pytest.fixture(scope="module")
def offline(request):
    """Every socket connection fails while the backend loads and runs."""
    def refuse(*args, **kwargs):
        raise OSError("network blocked in this test")

    patch = pytest.MonkeyPatch()
    patch.setattr(socket.socket, "connect", refuse)
    patch.setattr(socket, "create_connection", refuse)
    request.addfinalizer(patch.undo)


@pytest.fixture(scope="module")
def stanza_nlp(offline):
    return nlp.load("stanza", ner=False)


@pytest.mark.parametrize("sentence, word, lemma", REPORT_WORDS)
def test_report_words_lemmatised(stanza_nlp, sentence, word, lemma):
    doc = stanza_nlp(sentence)
    assert next(t for t in doc if t.text == word).lemma_ == lemma


def test_same_doc_attributes_as_the_spacy_backend(stanza_nlp):
    """Tokens, sentences and tags are the Doc the core backend makes; the lemmas (set on
    every word) and the parse are stanza's."""
    text = ("Biedrība „Dienvidlatgales NVO atbalsta centrs” 2021. gadā noorganizēja 12 pasākumus "
            "(8 diskusijas, 4 akcijas), kuros piedalījās vairāk nekā 345 dalībnieki.\n"
            "Izlietoti 19 999,36 EUR.")
    doc, reference = stanza_nlp(text), nlp.load("core", ner=False)(text)
    assert [t.text for t in doc] == [t.text for t in reference]
    assert [s.start for s in doc.sents] == [s.start for s in reference.sents]
    for attribute in ("pos_", "tag_", "morph"):
        assert [getattr(t, attribute) for t in doc] == [getattr(t, attribute) for t in reference]
    words = [t for t in doc if not t.is_space]
    assert all(t.pos_ and t.tag_ and t.lemma_ for t in words)
    assert next(t for t in doc if t.text == "pasākumus").lemma_ == "pasākums"
    assert next(t for t in doc if t.text == "dalībnieki").lemma_ == "dalībnieks"


def test_stanza_parse_is_one_tree_per_sentence(stanza_nlp):
    doc = stanza_nlp("Biedrība noorganizēja 12 pasākumus. Tajos piedalījās vairāk nekā 345 dalībnieki no Latgales.")
    assert stanza_nlp.get_pipe("lv_stanza").parses
    for sentence in doc.sents:
        assert [t.dep_ for t in sentence].count("ROOT") == 1
        assert all(sentence.start <= t.head.i < sentence.end for t in sentence)
    assert next(t for t in doc if t.text == "dalībnieki").dep_ == "nsubj"


def test_stanza_parse_keeps_the_sentences(stanza_nlp):
    """LVTB test text whose second sentence start moved when heads were set one by one."""
    text = ("Pīters Stīvesants uzrāpjas uz pilsētas palisādes un sakostiem zobiem murmina, ka drīzāk mirs, "
            "nevis padosies. Taču šāds nodoms ir tikai viņam vienam – 93 pilsētas vadošie tirgotāji, ieskaitot "
            "viņa paša dēlu, paraksta prasību, lai Stīvesants atdod pilsētu un izvairās no “pilnīgas iznīcības”, "
            "ko radītu angļu kuģu lielgabali.")
    assert [s.text.split()[0] for s in stanza_nlp(text).sents] == ["Pīters", "Taču"]


def test_stanza_parser_accuracy_on_lvtb_dev(stanza_nlp):
    """Gold tokens of the first 100 LVTB dev sentences: LAS 75.8 when this was written
    (lv_core's own parser: 74.9); a misplaced head or label would fall far below."""
    from nlp.training.evaluate_model import evaluate_gold_tokens, read_conllu

    if not LVTB_DEV.exists():
        pytest.skip(f"{LVTB_DEV} is not there")
    sentences = list(read_conllu(LVTB_DEV))[:100]
    with stanza_nlp.select_pipes(enable=[p for p in stanza_nlp.pipe_names if p not in nlp.pipeline.EXTRACTION_PIPES
                                         and p not in ("lv_numbers", "lv_sentences")]):
        scores = evaluate_gold_tokens(stanza_nlp, sentences)
    assert scores["las"] >= 72


def test_stanza_backend_extracts(stanza_nlp):
    text = "Notika 4 semināri, kuros piedalījās vairāk nekā 120 jaunieši."
    records = nlp.extract(text, nlp=stanza_nlp)
    assert [(r.value, r.unit, r.qualifier) for r in records] == [(4, "seminārs", "exact"), (120, "jaunietis", "more_than")]


def test_without_the_parser_the_records_are_the_same(stanza_nlp, offline):
    """Mining leaves stanza's parser out: nothing it stores reads the parse."""
    from conftest import SAMPLE, SEED_IDS

    unparsed = nlp.load("stanza", ner=False, parse=False)
    assert stanza_nlp.get_pipe("lv_stanza").parses and not unparsed.get_pipe("lv_stanza").parses
    report = nlp.read_report(SAMPLE / f"{SEED_IDS[0]}.txt")
    assert [r.to_dict() for r in nlp.extract(report, nlp=unparsed)] == \
        [r.to_dict() for r in nlp.extract(report, nlp=stanza_nlp)]


def test_pretokenized_doc_without_sentences(stanza_nlp):
    from spacy.tokens import Doc

    doc = stanza_nlp(Doc(stanza_nlp.vocab, words=["Notika", "divas", "meistarklases", "."]))
    assert [t.lemma_ for t in doc] == ["notikt", "divi", "meistarklase", "."]


def test_official_layout_from_the_environment(tmp_path, monkeypatch, offline):
    """A stanza resources directory laid out like the official download (its package names,
    resources.json with dependencies fields) is used when the variable names it."""
    (tmp_path / "lv" / "lemma").mkdir(parents=True)
    shutil.copy(STANZA_DIR / "lv" / "lemma" / "lvtb_lvmine.pt", tmp_path / "lv" / "lemma" / "lvtb_nocharlm.pt")
    resources = {"lv": {"lang_name": "Latvian",
                        "packages": {"default": {"tokenize": "lvtb", "lemma": "lvtb_nocharlm"}},
                        "default_processors": {"tokenize": "lvtb", "lemma": "lvtb_nocharlm"},
                        "tokenize": {"lvtb": {}}, "lemma": {"lvtb_nocharlm": {"dependencies": []}}}}
    (tmp_path / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    monkeypatch.setenv(STANZA_DIR_VARIABLE, str(tmp_path))
    nlp.pipeline.load.cache_clear()  # load() caches pipelines by backend, not by directory
    try:
        pipeline = nlp.load("stanza", ner=False)
    finally:
        nlp.pipeline.load.cache_clear()
    assert pipeline.get_pipe("lv_stanza").model_dir == tmp_path
    doc = pipeline("Iedzīvotāji piedalījās 10 konsultācijās.")
    assert next(t for t in doc if t.text == "konsultācijās").lemma_ == "konsultācija"


def test_missing_models_directory_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="resources.json"):
        StanzaTagger(tmp_path)


def test_parser_training_continues_with_the_models_own_vocabularies(monkeypatch):
    """scripts/stanza_parser.py: continuing the shipped parser on a file whose tags differ
    (predicted, not gold) reads that file with the model's vocabularies, so that a tag's
    index means what it meant when the model was trained."""
    import importlib.util

    from stanza.models import parser

    spec = importlib.util.spec_from_file_location(
        "stanza_parser", Path(__file__).resolve().parents[1] / "scripts" / "stanza_parser.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    model = str(STANZA_DIR / "lv" / "depparse" / "lvtb_lvmine.pt")
    vocab = script._continued_vocab(["--mode", "train", "--continue_from", model])
    assert {"upos", "xpos", "feats", "deprel"} <= set(vocab._vocabs)
    assert script._continued_vocab(["--mode", "train"]) is None

    given = {}
    monkeypatch.setattr(script, "_DataLoader", lambda doc, batch_size, args, pretrain, vocab=None, **kwargs:
                        given.setdefault("vocab", vocab))
    monkeypatch.setattr(parser, "DataLoader", parser.DataLoader)  # put back after the test
    # stanza's train() reads its training file with DataLoader(doc, batch_size, args, pretrain)
    monkeypatch.setattr(parser, "main", lambda argv: parser.DataLoader(None, 5000, {}, None))
    script.main(["--mode", "train", "--continue_from", model])
    assert given["vocab"]["upos"].unit2id("VERB") == vocab["upos"].unit2id("VERB")
    assert given["vocab"]["xpos"].unit2id("ncfsg4") == vocab["xpos"].unit2id("ncfsg4")
