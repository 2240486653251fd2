"""A first-order linear-chain CRF read from a CRFsuite model file and decoded with numpy.

CRFsuite trains `lv_crf_tagger`; tagging with pycrfsuite's Tagger, though, turns every
attribute string of every token into a C++ string and looks it up again on each call
(~40 us per token for ~45 attributes, the largest cost of the lexicon pipeline). Read here,
a word's attribute ids are looked up once per process, a document's label scores are one
sparse product with the weight matrix, Viterbi searches only the labels that can win, and
forward-backward runs on arrays.
Labels and marginals are CRFsuite's (the same model, the same tie-breaking: the first
best label).

The file format is CRFsuite's `crf1dm` (crf1d_model.c): a header of offsets, a FEAT chunk
of (type, source, destination, weight) records (type 0: attribute -> label, type 1: label
-> label), and the label and attribute strings in two CQDB string databases whose backward
arrays list each id's record.
"""
from __future__ import annotations

import struct
from pathlib import Path
from typing import Sequence

import numpy as np
from scipy import sparse

HEADER = struct.Struct("<4sI4sIIIIIIII")  # magic, size, type, version, #features, #labels, #attrs, offsets
FEATURE = np.dtype([("type", "<i4"), ("source", "<i4"), ("destination", "<i4"), ("weight", "<f8")])
CQDB_HEADER = struct.Struct("<4sIIIII")  # chunk, size, flag, byte order, #records, backward array offset
STATE, TRANSITION = 0, 1


def _strings(data: bytes, chunk: int) -> list[str]:
    """The keys of a CQDB string database (starting at `chunk`) in id order."""
    magic, _, _, _, records, backward = CQDB_HEADER.unpack_from(data, chunk)
    if magic != b"CQDB":
        raise ValueError("not a CQDB chunk")
    offsets = np.frombuffer(data, "<u4", records, chunk + backward)
    out = []
    for offset in offsets.tolist():
        # a record: the id (int32), the key's size with its NUL (uint32), the key
        size = struct.unpack_from("<I", data, chunk + offset + 4)[0]
        start = chunk + offset + 8
        out.append(data[start : start + size - 1].decode("utf-8"))
    return out


def _read_model(data: bytes) -> tuple[list[str], list[str], np.ndarray]:
    """Labels, attribute names and feature records of a crf1dm file."""
    magic, _, kind, _, _, _, _, features, label_chunk, attribute_chunk, _ = HEADER.unpack_from(data)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError("no crf1dm header")
    count = struct.unpack_from("<I", data, features + 8)[0]
    return (_strings(data, label_chunk), _strings(data, attribute_chunk),
            np.frombuffer(data, FEATURE, count, features + 12))


def installed_model(path: Path, what: str, command: str) -> "LinearChainCrf":
    """The CRF model at `path`, or a clear error naming what is missing and the command that
    writes it."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: {what} is not installed ({command} writes it)")
    return LinearChainCrf(path)


class LinearChainCrf:
    """Scores, best labels and marginals of a CRFsuite model, for sentences given as lists
    of attribute ids per token (`encode` turns attribute strings into ids)."""

    def __init__(self, path: str | Path):
        path = Path(path)
        try:
            self.labels, attribute_names, records = _read_model(path.read_bytes())
        except (ValueError, struct.error) as error:
            raise ValueError(f"{path}: not a CRFsuite first-order CRF model ({error})") from None
        labels, attributes = len(self.labels), len(attribute_names)
        self.label_index = {name: i for i, name in enumerate(self.labels)}
        self.attribute_ids = {name: i for i, name in enumerate(attribute_names)}
        self.state = np.zeros((attributes, labels))
        state = records[records["type"] == STATE]
        self.state[state["source"], state["destination"]] = state["weight"]
        self.transition = np.zeros((labels, labels))
        transition = records[records["type"] == TRANSITION]
        self.transition[transition["source"], transition["destination"]] = transition["weight"]
        self.transition_rows = self.transition.tolist()
        # dominance[j, k]: the most that label j can gain over label k at a position from the
        # transitions into and out of it; where k's state score is higher by more, no best
        # path has j there (swapping j for k would improve it)
        into = (self.transition[:, :, None] - self.transition[:, None, :]).max(axis=0)
        out_of = (self.transition[:, None, :] - self.transition[None, :, :]).max(axis=2)
        self.dominance = into + out_of

    def encode(self, attributes: Sequence[str]) -> tuple[int, ...]:
        """The ids of the attributes the model knows (the others carry no weight)."""
        ids = self.attribute_ids
        return tuple([ids[a] for a in attributes if a in ids])

    def weight(self, ids: Sequence[int]) -> np.ndarray:
        """The summed state weights (one per label) of a set of attribute ids."""
        return self.state[list(ids)].sum(axis=0)

    def scores(self, sentences: Sequence[Sequence[Sequence[int]]]) -> np.ndarray:
        """(tokens x labels) state scores of the tokens of all `sentences`, one row per token
        in order: each token's attribute weights summed (one sparse product)."""
        ids = [i for sentence in sentences for token in sentence for i in token]
        lengths = [len(token) for sentence in sentences for token in sentence]
        rows = sparse.csr_matrix((np.ones(len(ids)), ids, np.cumsum([0, *lengths])),
                                 shape=(len(lengths), len(self.state)))
        return rows @ self.state

    def viterbi(self, scores: np.ndarray, lengths: Sequence[int]) -> list[list[int]]:
        """The best label sequence (label indices) of each sentence, whose tokens are the
        next `lengths[k]` rows of `scores`. The only candidates at a position are the labels
        that its best-scoring label does not beat whatever their neighbours (`dominance`):
        ~2.4 of 59 per word on LVTB dev, so the search runs over a few."""
        n = len(scores)
        if n == 0:
            return [[] for _ in lengths]
        top = scores.argmax(axis=1)
        keep = scores[np.arange(n), top][:, None] - scores <= self.dominance[:, top].T
        ends = np.cumsum(keep.sum(axis=1)).tolist()
        labels = np.nonzero(keep)[1].tolist()  # ascending at each position
        values = scores[keep].tolist()
        positions = [(labels[a:b], values[a:b]) for a, b in zip([0, *ends[:-1]], ends)]
        out, start = [], 0
        for length in lengths:
            out.append(self._best_path(positions[start:start + length]))
            start += length
        return out

    def _best_path(self, positions: list[tuple[list[int], list[float]]]) -> list[int]:
        """Viterbi over each position's (candidate labels, their state scores)."""
        if not positions:
            return []
        transition = self.transition_rows
        candidates, best = positions[0]
        back: list[list[int]] = []
        for following, states in positions[1:]:
            pointers, reached = [], []
            for label, state in zip(following, states):
                column = [score + transition[previous][label] for score, previous in zip(best, candidates)]
                k = column.index(max(column))  # the first best, as CRFsuite breaks ties
                pointers.append(k)
                reached.append(column[k] + state)
            back.append(pointers)
            candidates, best = following, reached
        k = best.index(max(best))
        chosen = [k]
        for pointers in reversed(back):
            k = pointers[k]
            chosen.append(k)
        return [position[0][k] for position, k in zip(positions, reversed(chosen))]

    def marginals(self, scores: np.ndarray) -> np.ndarray:
        """(tokens x labels) probability of each label at each position of one sentence."""
        return self.sentence_marginals(scores, [len(scores)])[0]

    def sentence_marginals(self, scores: np.ndarray, lengths: Sequence[int]) -> list[np.ndarray]:
        """Each sentence's (tokens x labels) marginals, its tokens the next `lengths[k]` rows
        of `scores`: forward-backward in log space over all sentences at once, padded to the
        longest (one numpy step per position, not per token)."""
        if not lengths:
            return []
        lengths = np.asarray(lengths)
        longest, labels = int(lengths.max()), len(self.labels)
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        padded = np.zeros((len(lengths), longest, labels))
        positions = np.arange(longest)
        inside = positions[None, :] < lengths[:, None]  # (sentences, longest)
        padded[inside] = scores[(starts[:, None] + positions[None, :])[inside]]
        alpha = np.empty_like(padded)
        beta = np.zeros_like(padded)
        alpha[:, 0] = padded[:, 0]
        for t in range(1, longest):
            alpha[:, t] = _logsumexp(alpha[:, t - 1, :, None] + self.transition, axis=1) + padded[:, t]
        for t in range(longest - 2, -1, -1):
            following = _logsumexp(self.transition + (padded[:, t + 1] + beta[:, t + 1])[:, None, :], axis=2)
            # a sentence's last position keeps beta 0: nothing follows it
            beta[:, t] = np.where(inside[:, t + 1, None], following, 0.0)
        total = _logsumexp(alpha[np.arange(len(lengths)), lengths - 1], axis=1)
        # past a sentence's end its alpha grows without bound: padding, set to probability 0
        probabilities = np.exp(np.where(inside[:, :, None], alpha + beta - total[:, None, None], -np.inf))
        return [probabilities[k, :length] for k, length in enumerate(lengths)]


def _logsumexp(values: np.ndarray, axis: int) -> np.ndarray:
    top = values.max(axis=axis, keepdims=True)
    return np.log(np.exp(values - top).sum(axis=axis)) + np.squeeze(top, axis=axis)
