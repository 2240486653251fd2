"""The BiLSTM half of the tagger (models/lv_tagger/bilstm.npz): numpy gives PyTorch's
probabilities, a sentence's tags do not depend on the sentences batched with it, mixing it
into the CRF's marginals tags LVTB dev better than the CRF alone, training writes a model."""
from itertools import islice
from pathlib import Path

import numpy as np
import pytest

import nlp
from nlp.morphology.bilstm import ATTRIBUTES, DEFAULT_PATHS, BiLstmTagger, train, word_attributes
from nlp.morphology.crf_tagger import CrfTagger
from nlp.training.evaluate_model import read_conllu

LVTB = Path(__file__).resolve().parents[2] / "shared" / "data" / "lvtb"


@pytest.fixture(scope="module")
def crf():
    return CrfTagger()


@pytest.fixture(scope="module")
def mixed():
    return CrfTagger(bilstm_paths=[str(path) for path in DEFAULT_PATHS])


def attributes(crf, words):
    return [word_attributes(crf.values_of(w)) for w in words]


def upos(model: BiLstmTagger, probabilities: np.ndarray) -> list[str]:
    return [model.labels[i].partition("|")[0] for i in probabilities.argmax(axis=1)]


def test_the_bilstm_alone_tags_a_report_sentence(mixed, crf):
    words = "Biedrība organizēja 12 pasākumus , kuros piedalījās vairāk nekā 345 dalībnieki .".split()
    for bilstm in mixed.bilstms:
        assert upos(bilstm, bilstm.probabilities([attributes(crf, words)])[0]) == [
            "NOUN", "VERB", "NUM", "NOUN", "PUNCT", "PRON", "VERB", "ADV", "SCONJ", "NUM", "NOUN", "PUNCT"]


def test_a_sentences_probabilities_do_not_depend_on_its_batch(mixed, crf):
    short = attributes(crf, "Tas ir labi .".split())
    longer = attributes(crf, "Projektā piedalījās 45 dalībnieki no Rēzeknes un Rīgas novada skolām .".split())
    bilstm = mixed.bilstms[0]
    alone = bilstm.probabilities([short])[0]
    together = bilstm.probabilities([longer, short, []])
    assert np.allclose(alone, together[1], atol=1e-5)
    assert together[2].shape == (0, len(bilstm.labels))
    assert np.allclose(alone.sum(axis=1), 1.0, atol=1e-5)


@pytest.mark.parametrize("k", range(len(DEFAULT_PATHS)))
def test_numpy_gives_pytorchs_probabilities(mixed, crf, k):
    torch = pytest.importorskip("torch")
    model = mixed.bilstms[k]
    weights = np.load(DEFAULT_PATHS[k])
    hidden = weights["w_hh_0_0"].shape[1]
    lstm = torch.nn.LSTM(weights["w_ih_0_0"].shape[1], hidden, num_layers=model.layers, bidirectional=True,
                         batch_first=True)
    state = {}
    for layer in range(model.layers):
        for direction, suffix in ((0, ""), (1, "_reverse")):
            state[f"weight_ih_l{layer}{suffix}"] = torch.from_numpy(weights[f"w_ih_{layer}_{direction}"])
            state[f"weight_hh_l{layer}{suffix}"] = torch.from_numpy(weights[f"w_hh_{layer}_{direction}"])
            state[f"bias_ih_l{layer}{suffix}"] = torch.from_numpy(weights[f"b_{layer}_{direction}"])
            state[f"bias_hh_l{layer}{suffix}"] = torch.zeros(4 * hidden)
    lstm.load_state_dict(state)
    words = attributes(crf, "Dalībnieki apmeklēja 3 (trīs) seminārus Daugavpilī .".split())
    x = torch.from_numpy(np.stack([model._embedding(a) for a in words]))[None]
    with torch.no_grad():
        scores = lstm(x)[0][0].numpy() @ weights["w_out"].T + weights["b_out"]
    expected = np.exp(scores - scores.max(axis=1, keepdims=True))
    expected /= expected.sum(axis=1, keepdims=True)
    assert np.allclose(model.probabilities([words])[0], expected, atol=1e-5)


def test_mixing_the_bilstm_in_tags_lvtb_dev_better_than_the_crf_alone(crf, mixed):
    sentences = list(islice(read_conllu(LVTB / "lv_lvtb-ud-dev.v2.5.conllu"), 300))
    words = [[t["form"] for t in s] for s in sentences]
    gold = [t["upos"] for s in sentences for t in s]

    def accuracy(tagger):
        predicted = [u for tags in tagger.tag_sentences(words) for u, _ in tags]
        return sum(p == g for p, g in zip(predicted, gold)) / len(gold)
    crf_alone, both = accuracy(crf), accuracy(mixed)
    assert both > crf_alone > 0.94


def test_the_core_backend_mixes_the_bilstm_in_and_the_lexicon_backend_does_not():
    tagger = nlp.load("core", ner=False).get_pipe("lv_crf_tagger")
    assert len(tagger.bilstms) == len(DEFAULT_PATHS) == 2
    assert nlp.load("lexicon", ner=False).get_pipe("lv_crf_tagger").bilstms == []


def test_training_writes_a_model_that_tags(tmp_path):
    pytest.importorskip("torch")
    sentences = list(islice(read_conllu(LVTB / "lv_lvtb-ud-train.v2.5.conllu"), 150))
    dev = list(islice(read_conllu(LVTB / "lv_lvtb-ud-dev.v2.5.conllu"), 30))
    path = tmp_path / "bilstm.npz"
    accuracy = train(sentences, dev, path, epochs=1, hidden=8, dims=(8,) * len(ATTRIBUTES), log=lambda _: None)
    assert 0 <= accuracy <= 100 and path.exists() and path.with_suffix(".json").exists()
    model = BiLstmTagger(path)
    probabilities = model.probabilities([[("a",) * len(ATTRIBUTES)] * 3])[0]
    assert probabilities.shape == (3, len(model.labels))


def test_a_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="train_bilstm_tagger.py"):
        BiLstmTagger(tmp_path / "bilstm.npz")


def test_a_file_that_is_no_bilstm_model_is_a_clear_error(tmp_path):
    path = tmp_path / "bilstm.npz"
    path.write_bytes(b"not a model")
    path.with_suffix(".json").write_text("{}")
    with pytest.raises(ValueError, match="bilstm.npz: not a BiLSTM tagger model"):
        BiLstmTagger(path)
