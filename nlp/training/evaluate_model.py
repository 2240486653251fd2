"""Evaluate a trained Latvian spaCy pipeline (models/lv_core) on a CoNLL-U file.

Two settings:

* ``gold``: gold tokenisation and gold sentences (each CoNLL-U sentence is one Doc built
  from the gold words). Metrics are computed here, CoNLL 2018 style: UPOS, XPOS, UFeats
  (exact feature set), AllTags, Lemma, UAS, LAS (LAS compares the universal part of the
  relation, punctuation included), plus LAS with full relation labels.
* ``raw``: the pipeline runs on raw text (sentences joined into documents of
  ``sents_per_doc`` sentences, text rebuilt from the words and SpaceAfter=No), and the
  output is aligned to gold with ``spacy.training.Example`` and scored with spaCy's
  ``Scorer`` (token P/R/F, sentence F, and attribute accuracies over aligned tokens),
  except UAS/LAS, which are scored CoNLL 2018 style as above (``attachment_scores``).

Usage::

    python -m nlp.training.evaluate_model [MODEL_DIR] [CONLLU] [--threads 1] [--json OUT]

Defaults: models/lv_core and ../shared/data/lvtb/lv_lvtb-ud-test.v2.5.conllu.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from ..model_eval import attachment_scores

REPO = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = REPO / "models" / "lv_core"
DEFAULT_TEST = REPO.parent / "shared" / "data" / "lvtb" / "lv_lvtb-ud-test.v2.5.conllu"


def read_conllu(path):
    """Yield sentences as lists of dicts (multiword-token and empty-node lines skipped)."""
    sent = []
    with open(path, encoding="utf8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sent:
                    yield sent
                sent = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            sent.append(
                dict(
                    form=cols[1],
                    lemma=cols[2],
                    upos=cols[3],
                    xpos=cols[4],
                    feats="" if cols[5] == "_" else cols[5],
                    head=int(cols[6]),
                    deprel=cols[7],
                    space="SpaceAfter=No" not in cols[9].split("|"),
                )
            )
    if sent:
        yield sent


def _gold_doc(vocab, sents):
    """Build a gold Doc from several sentences (a space after each sentence's last token)."""
    from spacy.tokens import Doc

    words, spaces, pos, tags, morphs, lemmas, heads, deps, starts = ([] for _ in range(9))
    for sent in sents:
        offset = len(words)
        for i, t in enumerate(sent):
            words.append(t["form"])
            spaces.append(t["space"] if i < len(sent) - 1 else True)
            pos.append(t["upos"])
            tags.append(t["xpos"])
            morphs.append(t["feats"])
            lemmas.append(t["lemma"])
            heads.append(offset + (t["head"] - 1 if t["head"] > 0 else i))
            deps.append(t["deprel"])
            starts.append(i == 0)
    spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces, pos=pos, tags=tags, morphs=morphs,
               lemmas=lemmas, heads=heads, deps=deps, sent_starts=starts)


def _pct(n, d):
    return round(100.0 * n / d, 2) if d else 0.0


def evaluate_gold_tokens(nlp, sentences, batch_size=256):
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=[t["form"] for t in s], spaces=[t["space"] for t in s])
            for s in sentences]
    n_words = sum(len(s) for s in sentences)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(docs, batch_size=batch_size))
    elapsed = time.perf_counter() - t0
    c = dict(upos=0, xpos=0, feats=0, alltags=0, lemma=0, uas=0, las=0, las_full=0)
    for sent, doc in zip(sentences, docs):
        for t, tok in zip(sent, doc):
            upos = tok.pos_ == t["upos"]
            xpos = tok.tag_ == t["xpos"]
            feats = str(tok.morph) == t["feats"]
            c["upos"] += upos
            c["xpos"] += xpos
            c["feats"] += feats
            c["alltags"] += upos and xpos and feats
            c["lemma"] += tok.lemma_ == t["lemma"]
            head = 0 if tok.head.i == tok.i else tok.head.i + 1
            if head == t["head"]:
                c["uas"] += 1
                pred_dep = "root" if head == 0 else tok.dep_
                c["las"] += pred_dep.split(":")[0].lower() == t["deprel"].split(":")[0].lower()
                c["las_full"] += pred_dep.lower() == t["deprel"].lower()
    res = {k: _pct(v, n_words) for k, v in c.items()}
    res["words"] = n_words
    res["words_per_sec"] = round(n_words / elapsed)
    return res


def evaluate_raw_text(nlp, sentences, sents_per_doc=10, batch_size=64):
    from spacy.scorer import Scorer
    from spacy.training import Example

    refs = [_gold_doc(nlp.vocab, sentences[i:i + sents_per_doc])
            for i in range(0, len(sentences), sents_per_doc)]
    texts = [d.text for d in refs]
    n_words = sum(len(s) for s in sentences)
    t0 = time.perf_counter()
    preds = list(nlp.pipe(texts, batch_size=batch_size))
    elapsed = time.perf_counter() - t0
    examples = [Example(p, r) for p, r in zip(preds, refs)]
    s = Scorer(nlp).score(examples)
    keys = ["token_p", "token_r", "token_f", "sents_p", "sents_r", "sents_f", "pos_acc",
            "tag_acc", "morph_acc", "lemma_acc"]
    res = {k: round(100.0 * s[k], 2) for k in keys if s.get(k) is not None}
    if "parser" in nlp.pipe_names:  # CoNLL 2018 style like the gold-token scores, not spaCy's
        res.update({k: round(v, 2) for k, v in attachment_scores(examples).items()})
    res["words"] = n_words
    res["words_per_sec"] = round(n_words / elapsed)
    return res


def evaluate_core(model_dir=DEFAULT_MODEL, conllu_path=DEFAULT_TEST, raw=True) -> dict:
    """Load the pipeline from ``model_dir`` and score it on ``conllu_path``.

    Returns ``{"load_seconds": float, "gold_tokens": {...}, "raw_text": {...}}`` with
    percentages (see module docstring); ``raw_text`` is omitted when ``raw`` is false.
    """
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(model_dir)
    load = time.perf_counter() - t0
    sentences = list(read_conllu(conllu_path))
    out = {"model": str(model_dir), "data": str(conllu_path), "load_seconds": round(load, 2),
           "sentences": len(sentences), "gold_tokens": evaluate_gold_tokens(nlp, sentences)}
    if raw:
        out["raw_text"] = evaluate_raw_text(nlp, sentences)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model_dir", nargs="?", default=str(DEFAULT_MODEL))
    ap.add_argument("conllu", nargs="?", default=str(DEFAULT_TEST))
    ap.add_argument("--threads", type=int, default=1,
                    help="BLAS/OpenMP threads (set before numpy loads; default 1)")
    ap.add_argument("--no-raw", action="store_true", help="skip the raw-text evaluation")
    ap.add_argument("--json", help="also write the result dict to this file")
    args = ap.parse_args(argv)
    if "numpy" not in sys.modules:
        for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
            os.environ[var] = str(args.threads)
    res = evaluate_core(args.model_dir, args.conllu, raw=not args.no_raw)
    g = res["gold_tokens"]
    print(f"model {res['model']}  data {res['data']}  ({res['sentences']} sentences, "
          f"{g['words']} words)  load {res['load_seconds']} s")
    print("gold tokens+sentences:  UPOS {upos}  XPOS {xpos}  UFeats {feats}  AllTags {alltags}  "
          "Lemma {lemma}  UAS {uas}  LAS {las} (full labels {las_full})  "
          "{words_per_sec} words/s".format(**g))
    if "raw_text" in res:
        r = res["raw_text"]
        print("raw text: Tokens F1 {token_f}  Sentences F1 {sents_f}  UPOS {pos_acc}  "
              "XPOS {tag_acc}  UFeats {morph_acc}  Lemma {lemma_acc}  UAS {dep_uas}  "
              "LAS {dep_las} (CoNLL 2018: every word, universal labels)  {words_per_sec} words/s".format(**r))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2))
    return res


if __name__ == "__main__":
    main()
