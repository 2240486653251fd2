"""Tokenization and sentence segmentation scored against a CoNLL-U treebank's raw text.

Treebank sentences are joined into gold Docs of DOC_SENTENCES sentences; gold
tokens and sentences are character spans of their text, and a prediction counts
only where its span is exactly right.
"""
from __future__ import annotations

import time
from pathlib import Path

from spacy.language import Language

DOC_SENTENCES = 20


def _f1(gold: int, predicted: int, correct: int) -> float:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return 100 * 2 * p * r / (p + r) if p + r else 0.0


def gold_documents(nlp: Language, sentences: list, per_doc: int = DOC_SENTENCES) -> list:
    """Gold Docs of `per_doc` treebank sentences each (text rebuilt from words and SpaceAfter)."""
    from .training.evaluate_model import _gold_doc

    return [_gold_doc(nlp.vocab, sentences[i : i + per_doc]) for i in range(0, len(sentences), per_doc)]


def tokenization_scores(nlp: Language, conllu: str | Path) -> dict[str, float]:
    """Token F1, sentence F1 and words/second of `nlp` on the treebank's raw text."""
    from .training.evaluate_model import read_conllu

    refs = gold_documents(nlp, list(read_conllu(conllu)))
    counts = dict.fromkeys(("tok_gold", "tok_pred", "tok_ok", "sent_gold", "sent_pred", "sent_ok"), 0)
    words = 0
    start = time.perf_counter()
    docs = list(nlp.pipe(r.text for r in refs))
    elapsed = time.perf_counter() - start  # the pipeline's time, not the scoring's
    for ref, doc in zip(refs, docs):
        gold_tokens = {(t.idx, t.idx + len(t.text)) for t in ref}
        gold_sents = {(s.start_char, s.end_char) for s in ref.sents}
        predicted = {(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space}
        sents = {(s.start_char, s.end_char) for s in doc.sents} if doc.has_annotation("SENT_START") else set()
        words += len(predicted)
        counts["tok_gold"] += len(gold_tokens)
        counts["tok_pred"] += len(predicted)
        counts["tok_ok"] += len(gold_tokens & predicted)
        counts["sent_gold"] += len(gold_sents)
        counts["sent_pred"] += len(sents)
        counts["sent_ok"] += len(gold_sents & sents)
    return {
        "token_f1": _f1(counts["tok_gold"], counts["tok_pred"], counts["tok_ok"]),
        "sentence_f1": _f1(counts["sent_gold"], counts["sent_pred"], counts["sent_ok"]),
        "words_per_second": words / elapsed,
    }


PUBLISHED = {  # UD Latvian LVTB, raw text, as published
    "Stanza 1.5.1": {"upos": 96.70, "lemma": 96.12, "las": 85.77},
    "UDPipe 2.15": {"upos": 97.15, "lemma": 96.76, "las": 86.56},
}


def parses(nlp: Language) -> bool:
    """Whether the pipeline assigns a dependency parse (spaCy parser or stanza depparse)."""
    return "parser" in nlp.pipe_names or ("lv_stanza" in nlp.pipe_names and nlp.get_pipe("lv_stanza").parses)


def installed_backends() -> list[str]:
    """The backends whose models and packages are installed."""
    from .pipeline import BACKENDS, check_backend

    installed = []
    for backend in BACKENDS:
        try:
            check_backend(backend)
        except (FileNotFoundError, ImportError):
            continue
        installed.append(backend)
    return installed


def evaluate_backend(backend: str, conllu: str | Path) -> dict[str, float | None]:
    """Raw-text tokenization/sentences and gold-token tagging, lemmas and parse of one backend."""
    from .pipeline import EXTRACTION_PIPES, NER_PIPES, load
    from .training.evaluate_model import evaluate_gold_tokens, read_conllu

    nlp = load(backend)
    analysis = [p for p in nlp.pipe_names if p not in EXTRACTION_PIPES + NER_PIPES]
    sentences = list(read_conllu(conllu))
    with nlp.select_pipes(enable=analysis):
        raw_scores = tokenization_scores(nlp, conllu)
        raw_attrs = raw_attribute_scores(nlp, sentences)
        # Gold tokens: nothing may re-tokenize or re-split them.
        with nlp.select_pipes(disable=["lv_numbers", "lv_sentences"]):
            gold = evaluate_gold_tokens(nlp, sentences)
    has_parser = parses(nlp)
    tags_xpos = "tagger" in nlp.pipe_names or "lv_stanza" in nlp.pipe_names
    return {
        "raw token F1": raw_scores["token_f1"],
        "raw sentence F1": raw_scores["sentence_f1"],
        "raw UPOS": raw_attrs["pos_acc"],
        "raw lemma": raw_attrs["lemma_acc"],
        "raw UAS": raw_attrs["dep_uas"],
        "raw LAS": raw_attrs["dep_las"],
        "gold UPOS": gold["upos"],
        "gold XPOS": gold["xpos"] if tags_xpos else None,
        "gold UFeats": gold["feats"],
        "gold lemma": gold["lemma"],
        "gold UAS": gold["uas"] if has_parser else None,
        "gold LAS": gold["las"] if has_parser else None,
        # The raw-text pass is the first over the text (cold: the lexicon meets every form
        # for the first time); the gold-token pass follows it over the same words (warm).
        "words/s (raw text, cold)": round(raw_scores["words_per_second"]),
        "words/s (gold tokens, warm)": gold["words_per_sec"],
    }


def raw_attribute_scores(nlp: Language, sentences: list, per_doc: int = DOC_SENTENCES) -> dict[str, float]:
    """UPOS, lemma and UAS/LAS from raw text, aligned to gold tokens by spaCy's Example
    (tokens the tokenizer got wrong count as errors). Percentages."""
    from spacy.scorer import Scorer
    from spacy.training import Example

    refs = gold_documents(nlp, sentences, per_doc)
    examples = [Example(pred, ref) for pred, ref in zip(nlp.pipe(r.text for r in refs), refs)]
    out = {
        "pos_acc": 100 * Scorer.score_token_attr(examples, "pos")["pos_acc"],
        "lemma_acc": 100 * Scorer.score_token_attr(examples, "lemma")["lemma_acc"],
        "dep_uas": None,
        "dep_las": None,
    }
    if parses(nlp):
        out.update(attachment_scores(examples))
    return out


def attachment_scores(examples: list) -> dict[str, float]:
    """UAS and LAS as the CoNLL 2018 shared task scores them (and so the published LVTB
    figures): F1 over words, every word counted (punctuation too), a label right when its
    universal part is ("nsubj:pass" = "nsubj"), a head right when it is the word aligned to
    the gold head. Only words the tokenizer got exactly right can be right.

    spaCy's Scorer.score_deps is not this: it compares labels case-sensitively, so every
    predicted "ROOT" missed the treebank's "root" (LVTB dev, lv_core: LAS 69.4 there, 74.5
    here)."""
    gold_words = predicted_words = uas = las = 0
    for example in examples:
        pred, ref, align = example.predicted, example.reference, example.alignment
        gold_words += len(ref)
        predicted_words += len(pred)
        one_to_one = {i: int(align.x2y[i][0]) for i in range(len(pred))
                      if align.x2y.lengths[i] == 1 and align.y2x.lengths[int(align.x2y[i][0])] == 1}
        for i, j in one_to_one.items():
            head, gold_head = pred[i].head.i, ref[j].head.i
            if (head == i) != (gold_head == j) or (head != i and one_to_one.get(head) != gold_head):
                continue
            uas += 1
            label = "root" if head == i else pred[i].dep_
            gold_label = "root" if gold_head == j else ref[j].dep_
            las += label.split(":")[0].lower() == gold_label.split(":")[0].lower()
    return {"dep_uas": _f1(gold_words, predicted_words, uas), "dep_las": _f1(gold_words, predicted_words, las)}
