"""Greedy decoding of spaCy's transition-based NER, vectorised over a batch of Docs.

spaCy's own decoder (`Parser.greedy_parse`) walks each document token by token in
compiled code, but its Cython 3 build takes and drops the GIL inside every validity check
and argmax (`StateC::B_`, `Vec.arg_max`): profiled here, a third of the NER's time went to
GIL hand-offs, and the decoder cost ~25 µs per token, as much as the tok2vec. The NER's
transition system makes a vectorised decoder simple: every action (B-, I-, L-, U-, O)
consumes exactly one token, so step t of every document is its token t, and one numpy
step advances all documents of the batch at once. The scores are the model's own (its
tok2vec, precomputed lower layer, maxout and output layer); the validity rules are
spaCy's `ner.pyx` for documents without preset entities, which is what `lv_ner`
gives it. `supported()` says when a model or a batch falls outside
that, and the caller then uses spaCy's decoder.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
from spacy.attrs import IS_SPACE, SENT_START
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc
from spacy.training.batchers import minibatch_by_words

# Tokens decoded together: the tok2vec slowed to half speed on batches of tens of
# thousands of tokens (memory traffic), and ~10k keep the decoder's steps well filled.
BATCH_TOKENS = 10_000


class Moves(NamedTuple):
    """The NER's actions as arrays over its classes."""
    kind: np.ndarray  # "B", "I", "L", "U" or "O" per class
    label: np.ndarray  # label index per class; 0 = no label
    labels: list[str]  # label names by index ("" at 0)


def moves_of(ner: EntityRecognizer) -> Moves:
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    labels = [""] + sorted({name[2:] for name in names if name[2:]})
    return Moves(np.array([name[0] for name in names]),
                 np.array([labels.index(name[2:]) for name in names]), labels)


def supported(ner: EntityRecognizer, docs: list[Doc]) -> bool:
    """True when this decoder gives spaCy's result: a greedy NER model with three state
    features, an output layer and maxout, over Docs without preset entities."""
    model = ner.model
    lower = model.get_ref("lower")
    return (ner.cfg.get("beam_width", 1) == 1 and model.attrs.get("has_upper", False)
            and not model.attrs.get("unseen_classes") and lower.get_dim("nF") == 3
            and lower.get_dim("nP") >= 2 and not any(doc.has_annotation("ENT_IOB") for doc in docs))


def greedy_entities(ner: EntityRecognizer, docs: list[Doc], max_tokens: int = BATCH_TOKENS) -> list[list[tuple[int, int, str]]]:
    """(start, end, label) token spans of each Doc, as `ner` would set them (greedy
    decoding; see `supported`). Docs are decoded together in groups of about `max_tokens`
    tokens (a longer Doc alone), so memory stays bounded whatever the batch."""
    moves = moves_of(ner)
    found: list[list[tuple[int, int, str]]] = [[] for _ in docs]
    for group in minibatch_by_words(list(enumerate(docs)), max_tokens, get_length=lambda item: len(item[1])):
        for (i, _), spans in zip(group, _decode(ner, [doc for _, doc in group], moves)):
            found[i] = spans
    return found


def _decode(ner: EntityRecognizer, docs: list[Doc], moves: Moves) -> list[list[tuple[int, int, str]]]:
    lengths = np.array([len(doc) for doc in docs], dtype=np.int64)
    found: list[list[tuple[int, int, str]]] = [[] for _ in docs]
    if not lengths.sum():
        return found
    model = ner.model
    lower, upper = model.get_ref("lower"), model.get_ref("upper")
    n_features, n_hidden, n_pieces = (lower.get_dim(d) for d in ("nF", "nO", "nP"))
    tokvecs = model.layers[0].predict(docs)
    # Row 0: the padding vector of each feature; row 1 + i: token i's contribution.
    cached = lower.predict(tokvecs).reshape(-1, n_features, n_hidden * n_pieces)
    bias = lower.get_param("b").reshape(-1)
    weights, out_bias = upper.get_param("W"), upper.get_param("b")
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    arrays = [doc.to_array([IS_SPACE, SENT_START]) for doc in docs if len(doc)]
    is_space = np.concatenate([a[:, 0] for a in arrays]).astype(bool)
    # SENT_START is 1 for a sentence start (-1 not, 0 unknown); uint64 in to_array.
    sent_start = np.concatenate([a[:, 1].astype(np.int64) == 1 for a in arrays] + [[False]])

    kind, class_label = moves.kind, moves.label
    begin, inside, last, unit, out = (kind == k for k in "BILUO")
    labelled = class_label != 0
    open_label = np.zeros(len(docs), dtype=np.int64)  # label of the open entity, 0 = none
    open_start = np.zeros(len(docs), dtype=np.int64)
    for t in range(int(lengths.max())):
        active = np.flatnonzero(lengths > t)
        pos = offsets[active] + t
        is_open = open_label[active] > 0
        # spaCy's state features: B(0); the open entity's first token; the token before B(0).
        first = np.where(is_open, offsets[active] + open_start[active] + 1, 0)
        before = np.where(is_open, pos, 0)
        unmaxed = cached[pos + 1, 0] + cached[first, 1] + cached[before, 2] + bias
        # Maxout as elementwise maxima of the pieces: numpy's max over a last axis of 2 is ~100x slower.
        pieces = unmaxed.reshape(len(active), n_hidden, n_pieces)
        hidden = pieces[:, :, 0]
        for piece in range(1, n_pieces):
            hidden = np.maximum(hidden, pieces[:, :, piece])
        scores = hidden @ weights.T + out_bias

        closed = ~is_open[:, None]
        may_continue = ((lengths[active] - t >= 2) & ~sent_start[pos + 1])[:, None]
        may_start = ~is_space[pos][:, None]
        same_label = class_label[None, :] == open_label[active][:, None]
        valid = ((begin & labelled) & closed & may_continue & may_start
                 | inside & ~closed & may_continue & same_label
                 | (last & labelled) & ~closed & same_label
                 | (unit & labelled) & closed & may_start
                 | out & closed)
        guess = np.where(valid, scores, -np.inf).argmax(axis=1)

        guess_kind, guess_label = kind[guess], class_label[guess]
        for i in np.flatnonzero(guess_kind == "L"):
            doc = active[i]
            found[doc].append((int(open_start[doc]), t + 1, moves.labels[open_label[doc]]))
        for i in np.flatnonzero(guess_kind == "U"):
            found[active[i]].append((t, t + 1, moves.labels[guess_label[i]]))
        opened = guess_kind == "B"
        open_label[active[opened]] = guess_label[opened]
        open_start[active[opened]] = t
        open_label[active[guess_kind == "L"]] = 0
    return found
