"""`lv_stanza`: lemmas (and a dependency parse, and UPOS, XPOS, FEATS, when the models
include a parser and a tagger) from a stanza pipeline run over the Doc's own tokens and
sentences.

Stanza is given lvmine's tokens (`tokenize_pretokenized`), so the Doc keeps its tokens,
offsets and sentences and every downstream component works unchanged. We do not use
spacy-stanza: it pins stanza < 1.7 and re-tokenizes with stanza's own tokenizer.

Models are read from a stanza resources directory (a `resources.json` plus
`lv/<processor>/<package>.pt`) and never downloaded (`download_method=None`). The default
is models/lv_stanza: stanza's lemmatizer and biaffine parser trained on LVTB
(scripts/train_stanza.sh). It has no tagger, so both work on "pretagged" words: the
UPOS/XPOS/FEATS an upstream component (the lv_core morphologizer and tagger) put on the
Doc. Pointing LVMINE_STANZA_DIR (or the component's `model_dir`) at a directory with the
official stanza Latvian models (pos, lemma, depparse) uses stanza's own tagger instead.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Iterator

from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.util import minibatch

STANZA_DIR = Path(__file__).resolve().parents[2] / "models" / "lv_stanza"
STANZA_DIR_VARIABLE = "LVMINE_STANZA_DIR"


def stanza_dir(model_dir: str | Path | None = None) -> Path:
    """The models directory in force: the argument, else $LVMINE_STANZA_DIR, else ours."""
    return Path(model_dir or os.environ.get(STANZA_DIR_VARIABLE) or STANZA_DIR)


def stanza_processors(model_dir: Path) -> list[str]:
    """The analysis processors a resources directory offers for Latvian, in pipeline order."""
    resources_file = model_dir / "resources.json"
    if not resources_file.exists():
        raise FileNotFoundError(f"{model_dir}: not a stanza models directory (no resources.json)")
    offered = json.loads(resources_file.read_text(encoding="utf-8")).get("lv", {}).get("default_processors", {})
    wanted = [p for p in ("pos", "lemma", "depparse") if p in offered]
    if "lemma" not in wanted:
        raise FileNotFoundError(f"{resources_file}: no Latvian lemma model listed")
    return wanted


def stanza_pipeline(model_dir: Path, parse: bool = True):
    """A stanza Pipeline over pre-tokenized sentences, from local files only, without its
    parser unless `parse`. Without a pos model, the lemmatizer (and parser) take the UPOS
    already on the words."""
    import stanza

    processors = [p for p in stanza_processors(model_dir) if parse or p != "depparse"]
    pretagged = {} if "pos" in processors else {"lemma_pretagged": True, "depparse_pretagged": True}
    return stanza.Pipeline(
        lang="lv", dir=str(model_dir), processors=",".join(["tokenize", *processors]),
        tokenize_pretokenized=True, download_method=None, use_gpu=False, logging_level="WARN", **pretagged,
    )


@Language.factory("lv_stanza", default_config={"model_dir": None, "batch_size": 16, "parse": True})
def make_stanza_tagger(nlp: Language, name: str, model_dir: str | None, batch_size: int,
                       parse: bool) -> "StanzaTagger":
    return StanzaTagger(stanza_dir(model_dir), batch_size, parse)


class StanzaTagger:
    """Runs stanza on the non-space tokens of each sentence and writes its analysis back.
    `pipe` sends the sentences of a whole batch of Docs in one stanza call, which is what
    keeps stanza's own batching busy. `parse` false leaves out stanza's parser (most of
    its time) where nothing reads the parse."""

    def __init__(self, model_dir: Path, batch_size: int = 16, parse: bool = True):
        self.model_dir = model_dir
        self.batch_size = batch_size
        processors = stanza_processors(model_dir)
        self.tags = "pos" in processors
        self.parses = parse and "depparse" in processors
        self.pipeline = stanza_pipeline(model_dir, self.parses)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        from stanza.models.common.doc import Document

        for batch in minibatch(docs, size=batch_size or self.batch_size):
            sentences = [(doc, words) for doc in batch for words in _sentence_tokens(doc)]
            if sentences:
                if self.tags:
                    source = [[t.text for t in words] for _, words in sentences]
                else:
                    source = Document([[_pretagged(i, t) for i, t in enumerate(words)] for _, words in sentences])
                parses: dict[int, list] = {}
                for (doc, words), result in zip(sentences, self.pipeline(source).sentences):
                    self._write(words, result.words)
                    parses.setdefault(id(doc), []).append((words, result.words))
                if self.parses:
                    for doc in batch:
                        _write_parse(doc, parses.get(id(doc), []))
            yield from batch

    def _write(self, tokens: list[Token], words) -> None:
        for token, word in zip(tokens, words):
            token.lemma_ = word.lemma or token.text
            if self.tags:
                token.pos_ = word.upos or ""
                token.tag_ = word.xpos or ""
                token.set_morph(word.feats or None)


def _write_parse(doc: Doc, sentences: list[tuple[list[Token], list]]) -> None:
    """Stanza's trees, written in one `from_array`: setting `Token.head` one token at a time
    passes through invalid intermediate trees, from which spaCy re-derives sentence starts
    (it moved 2 of LVTB test's sentence starts). Whitespace tokens were not sent to stanza
    and keep their heads."""
    if not sentences:
        return
    array = doc.to_array([HEAD, DEP])
    for tokens, words in sentences:
        _fill(array, doc, tokens, words)
    doc.from_array([HEAD, DEP], array)


def _fill(array, doc: Doc, tokens: list[Token], words) -> None:
    for token, word in zip(tokens, words):
        # Stanza heads are 1-based within the sentence, 0 for the root.
        head = token if word.head == 0 else tokens[word.head - 1]
        array[token.i, 0] = (head.i - token.i) % 2**64  # relative, two's complement in uint64
        array[token.i, 1] = doc.vocab.strings.add("ROOT" if word.head == 0 else word.deprel)


def _sentence_tokens(doc: Doc) -> Iterator[list[Token]]:
    spans = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for span in spans:
        words = [t for t in span if not t.is_space]
        if words:
            yield words


def _pretagged(index: int, token: Token) -> dict:
    word = {"id": index + 1, "text": token.text, "upos": token.pos_ or "X"}
    if token.tag_:
        word["xpos"] = token.tag_
    if str(token.morph):
        word["feats"] = str(token.morph)
    return word
