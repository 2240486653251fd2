"""A two-layer bidirectional LSTM over the CRF tagger's labels (UPOS and Case), run with numpy.

It reads the same word attributes as the CRF (the form, its endings, first letters and shape,
and the three ambiguity classes: the UPOS and case sets LVTB train gives the form, the parts
of speech hunspell-lv can read it as), one embedding each, but sees the whole sentence where
the CRF sees two words either side.
`lv_crf_tagger` adds the mean log probabilities of two such models (two training runs,
seeds 1 and 2), weighted, to the CRF's label scores and decodes the sum (a product of the
models). LVTB v2.5 dev, gold tokens, UPOS: CRF alone 96.70, each BiLSTM alone 96.95 / 96.94;
through the core backend 96.99 -> 97.21 with one (weight 1.5), 97.32 with both (weight 2.5;
1.5: 97.25, 2.0: 97.30, 3.0: 97.31), lemma 96.95 -> 97.05. The lexicon backend would gain as
much (one model: 96.87 -> 97.21), but each model costs ~60 us a word on one thread, so only
the trained backends (core, stanza) mix them in.

Trained with PyTorch by ``python scripts/train_bilstm_tagger.py``, which writes the weights
(`bilstm_seed1.npz`) and the vocabularies (`bilstm_seed1.json`); tagging needs numpy only: sentences of
similar length run as one padded batch, one matrix product per position for both directions.
"""
from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "lv_tagger"
# two runs of the training, seeds 1 and 2, whose log probabilities the tagger averages
DEFAULT_PATHS = tuple(MODEL_DIR / f"bilstm_seed{seed}.npz" for seed in (1, 2))
# the attributes of a word, in the order of the embeddings (see `word_attributes`)
ATTRIBUTES = ("w", "s1", "s2", "s3", "s4", "p3", "sh", "tb", "cc", "h")
PAD, UNKNOWN = 0, 1
# words' concatenated embeddings kept (~1.1 KB each: 50,000 is ~56 MB a model)
WORD_CACHE_SIZE = 50_000
BATCH_SIZE = 32  # sentences per padded batch


def word_attributes(values: dict[str, str]) -> tuple[str, ...]:
    """A word's attribute values (`crf_tagger.word_values`) in ATTRIBUTES order."""
    return tuple(values[key] for key in ATTRIBUTES)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)  # no overflow warnings for large negative x


class BiLstmTagger:
    """Label probabilities of each word of a batch of sentences."""

    def __init__(self, path: str | Path):
        path = Path(path)
        if not path.exists() or not path.with_suffix(".json").exists():
            raise FileNotFoundError(f"{path}: the BiLSTM tagger model (with its .json) is not installed "
                                    "(python scripts/train_bilstm_tagger.py writes it)")
        try:
            self._load(np.load(path), json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            raise ValueError(f"{path}: not a BiLSTM tagger model written by scripts/train_bilstm_tagger.py "
                             f"({type(error).__name__}: {error})") from None
        self.words: dict[tuple[str, ...], np.ndarray] = {}  # attribute values -> concatenated embedding

    def _load(self, weights, meta: dict) -> None:
        self.labels: list[str] = meta["labels"]
        self.vocabularies = [{value: i for i, value in enumerate(values, start=2)} for values in meta["vocabularies"]]
        self.embeddings = [weights[f"embedding_{k}"] for k in range(len(self.vocabularies))]
        self.layers = meta["layers"]
        # per layer, both directions stacked: input weights (2 x in x 4H), recurrent weights
        # (2 x H x 4H) and biases (2 x 1 x 4H), gates reordered from PyTorch's (i, f, g, o) to
        # (i, f, o, g): one sigmoid over the first three
        self.params = []
        for layer in range(self.layers):
            w_ih, w_hh, bias = ([_gates_reordered(weights[f"{name}_{layer}_{direction}"]) for direction in (0, 1)]
                                for name in ("w_ih", "w_hh", "b"))
            self.params.append((np.stack([w.T for w in w_ih]), np.stack([w.T for w in w_hh]),
                                np.stack(bias)[:, None, :]))
        self.output = weights["w_out"].T.copy(), weights["b_out"]

    def _embedding(self, attributes: tuple[str, ...]) -> np.ndarray:
        vector = self.words.get(attributes)
        if vector is None:
            if len(self.words) > WORD_CACHE_SIZE:
                self.words.clear()
            vector = self.words[attributes] = np.concatenate([
                table[vocabulary.get(value, UNKNOWN)]
                for table, vocabulary, value in zip(self.embeddings, self.vocabularies, attributes)])
        return vector

    def probabilities(self, sentences: Sequence[Sequence[tuple[str, ...]]]) -> list[np.ndarray]:
        """Each sentence's (words x labels) probabilities, from its words' attribute values
        (`word_attributes`). Sentences of similar length run together (less padding)."""
        out: list[np.ndarray] = [np.empty(0)] * len(sentences)
        order = sorted(range(len(sentences)), key=lambda k: len(sentences[k]))
        for start in range(0, len(order), BATCH_SIZE):
            batch = order[start:start + BATCH_SIZE]
            for k, probabilities in zip(batch, self._batch([sentences[k] for k in batch])):
                out[k] = probabilities
        return out

    def _batch(self, sentences: list[Sequence[tuple[str, ...]]]) -> list[np.ndarray]:
        lengths = np.array([len(sentence) for sentence in sentences])
        if not lengths.any():
            return [np.empty((0, len(self.labels)))] * len(sentences)
        longest = int(lengths.max())
        inside = np.arange(longest)[None, :] < lengths[:, None]  # (sentences, longest)
        x = np.zeros((len(sentences), longest, sum(table.shape[1] for table in self.embeddings)), dtype=np.float32)
        x[inside] = np.stack([self._embedding(attributes) for sentence in sentences for attributes in sentence])
        for w_ih, w_hh, bias in self.params:
            # the backward direction reads each sentence reversed within its length, so that
            # the padding after a sentence's end never reaches its words' outputs
            inputs = np.stack([x, _reverse(x, lengths)]).reshape(2, -1, x.shape[2])  # one product per direction
            gates_in = (inputs @ w_ih + bias).reshape(2, *x.shape[:2], -1)
            both = self._recurrence(gates_in, w_hh)
            x = np.concatenate([both[0], _reverse(both[1], lengths)], axis=2)
        w_out, b_out = self.output
        scores = x[inside] @ w_out + b_out
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        scores /= scores.sum(axis=1, keepdims=True)
        return np.split(scores, np.cumsum(lengths)[:-1])

    @staticmethod
    def _recurrence(gates_in: np.ndarray, w_hh: np.ndarray) -> np.ndarray:
        """The LSTM states of both directions (2 x sentences x longest x H) from their input
        gates (2 x sentences x longest x 4H), one position at a time."""
        hidden = w_hh.shape[1]
        h = np.zeros((2, gates_in.shape[1], hidden), dtype=np.float32)
        c = np.zeros_like(h)
        out = np.empty((*gates_in.shape[:3], hidden), dtype=np.float32)
        for t in range(gates_in.shape[2]):
            gates = gates_in[:, :, t] + h @ w_hh
            sig = _sigmoid(gates[..., :3 * hidden])
            c = sig[..., hidden:2 * hidden] * c + sig[..., :hidden] * np.tanh(gates[..., 3 * hidden:])
            h = sig[..., 2 * hidden:] * np.tanh(c)
            out[:, :, t] = h
        return out


def _gates_reordered(weights: np.ndarray) -> np.ndarray:
    """Rows (or entries) of the four gates from PyTorch's (i, f, g, o) to (i, f, o, g)."""
    i, f, g, o = np.split(weights, 4, axis=0)
    return np.concatenate([i, f, o, g], axis=0)


def _reverse(x: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each sentence's positions reversed within its own length (the padding stays after it)."""
    positions = np.arange(x.shape[1])[None, :]
    index = np.where(positions < lengths[:, None], lengths[:, None] - 1 - positions, positions)
    return np.take_along_axis(x, index[:, :, None], axis=1)


def train(sentences: list[list[dict]], dev: list[list[dict]], path: Path, *, epochs: int = 15,
          hidden: int = 128, dims: Sequence[int] = (64, 16, 24, 32, 32, 16, 16, 32, 16, 32),
          min_count: int = 2, dropout: float = 0.3, word_dropout: float = 0.1, seed: int = 1,
          log: Callable[[str], None] = print) -> float:
    """Train on treebank sentences ({"form", "upos", "feats"} dicts) with jackknifed treebank
    classes (as the CRF), keep the epoch with the best dev UPOS, write `path` (.npz) and its
    .json; returns that UPOS accuracy. Needs PyTorch (the stanza extra)."""
    import random
    import time

    import torch
    from torch import nn

    from .crf_tagger import CrfTagger, jackknifed_classes, label, word_values

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    random.seed(seed)
    crf = CrfTagger()  # its dictionary classes and treebank classes, as tagging reads them
    train_attributes = [[word_attributes(word_values(t["form"], classes(t["form"].lower()), crf.dictionary_class(t["form"])))
                         for t in sentence] for sentence, classes in zip(sentences, jackknifed_classes(sentences))]
    dev_attributes = [[word_attributes(crf.values_of(t["form"])) for t in sentence] for sentence in dev]
    vocabularies = []
    for k in range(len(ATTRIBUTES)):
        counts = Counter(attributes[k] for sentence in train_attributes for attributes in sentence)
        vocabularies.append([value for value, n in counts.items() if n >= min_count])
    index = [{value: i for i, value in enumerate(values, start=2)} for values in vocabularies]
    labels = sorted({label(t["upos"], t["feats"]) for sentence in sentences for t in sentence})
    label_ids = {name: i for i, name in enumerate(labels)}
    upos_of = [name.partition("|")[0] for name in labels]

    def encode(sentence_attributes):
        return torch.tensor([[index[k].get(value, UNKNOWN) for k, value in enumerate(attributes)]
                             for attributes in sentence_attributes])
    train_x = [encode(s) for s in train_attributes]
    train_y = [torch.tensor([label_ids[label(t["upos"], t["feats"])] for t in s]) for s in sentences]
    dev_x = [encode(s) for s in dev_attributes]

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.embeddings = nn.ModuleList(nn.Embedding(len(v) + 2, d, padding_idx=PAD) for v, d in zip(vocabularies, dims))
            self.dropout = nn.Dropout(dropout)
            self.lstm = nn.LSTM(sum(dims), hidden, num_layers=2, bidirectional=True, batch_first=True, dropout=dropout)
            self.output = nn.Linear(2 * hidden, len(labels))

        def forward(self, x, lengths):
            e = self.dropout(torch.cat([emb(x[:, :, k]) for k, emb in enumerate(self.embeddings)], -1))
            packed = nn.utils.rnn.pack_padded_sequence(e, lengths, batch_first=True, enforce_sorted=False)
            h, _ = nn.utils.rnn.pad_packed_sequence(self.lstm(packed)[0], batch_first=True)
            return self.output(self.dropout(h))

    model = Model()
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    loss_of = nn.CrossEntropyLoss(ignore_index=-1)

    def dev_accuracy() -> float:
        model.eval()
        right = total = 0
        with torch.no_grad():
            for b in range(0, len(dev_x), 64):
                xs = dev_x[b:b + 64]
                guesses = model(nn.utils.rnn.pad_sequence(xs, batch_first=True), torch.tensor([len(x) for x in xs])).argmax(-1)
                for j, x in enumerate(xs):
                    for guess, token in zip(guesses[j, :len(x)].tolist(), dev[b + j]):
                        right += upos_of[guess] == token["upos"]
                        total += 1
        model.train()
        return 100 * right / total

    best, order = -1.0, list(range(len(train_x)))
    for epoch in range(epochs):
        start, total_loss = time.perf_counter(), 0.0
        random.shuffle(order)
        for b in range(0, len(order), 32):
            batch = order[b:b + 32]
            xs = [train_x[i].clone() for i in batch]
            for x in xs:  # the form unknown now and then, so that its other attributes learn to stand in
                x[torch.rand(len(x)) < word_dropout, 0] = UNKNOWN
            y = nn.utils.rnn.pad_sequence([train_y[i] for i in batch], batch_first=True, padding_value=-1)
            scores = model(nn.utils.rnn.pad_sequence(xs, batch_first=True), torch.tensor([len(x) for x in xs]))
            loss = loss_of(scores.reshape(-1, len(labels)), y.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimizer.step()
            total_loss += loss.item()
        accuracy = dev_accuracy()
        log(f"epoch {epoch}: loss {total_loss:.1f}, dev UPOS {accuracy:.2f} ({time.perf_counter() - start:.0f} s)")
        if accuracy > best:
            best = accuracy
            _export(model, path, labels, vocabularies, {"epoch": epoch, "dev_upos": round(accuracy, 2), "hidden": hidden,
                                                        "dims": list(dims), "seed": seed})
    return best


def _export(model, path: Path, labels: list[str], vocabularies: list[list[str]], settings: dict) -> None:
    """The weights as numpy arrays (float32; the two LSTM biases summed) and the vocabularies."""
    state = {name: value.detach().numpy().astype(np.float32) for name, value in model.state_dict().items()}
    arrays = {f"embedding_{k}": state[f"embeddings.{k}.weight"] for k in range(len(vocabularies))}
    for layer in range(model.lstm.num_layers):
        for direction, suffix in ((0, ""), (1, "_reverse")):
            arrays[f"w_ih_{layer}_{direction}"] = state[f"lstm.weight_ih_l{layer}{suffix}"]
            arrays[f"w_hh_{layer}_{direction}"] = state[f"lstm.weight_hh_l{layer}{suffix}"]
            arrays[f"b_{layer}_{direction}"] = state[f"lstm.bias_ih_l{layer}{suffix}"] + state[f"lstm.bias_hh_l{layer}{suffix}"]
    arrays["w_out"], arrays["b_out"] = state["output.weight"], state["output.bias"]
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)
    meta = {"labels": labels, "vocabularies": vocabularies, "layers": model.lstm.num_layers, "training": settings}
    path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
