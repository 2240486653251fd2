"""Training examples for models/lv_parser: a parser that reads the run-time tags.

`spacy train nlp/training/parser.cfg --code nlp/training/tagged_corpus.py` reads DocBins made
from parser_tags' CoNLL-U (`spacy convert`): their UPOS/XPOS/FEATS are the tags lvmine's
taggers give (dev) or would give (train, with dev's mistakes written in), their heads and
labels the treebank's. spaCy's own corpus reader hands a component only the words, so here
the predicted Doc carries those tags (and the sentence starts, which lvmine sets before any
parser) for the parser's tok2vec to read; the reference keeps the gold tree.
"""
from __future__ import annotations

from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.util import registry


@registry.readers("lvmine.TaggedCorpus.v1")
def tagged_corpus(path: str):
    def read(nlp):
        for gold in DocBin().from_disk(path).get_docs(nlp.vocab):
            tagged = Doc(nlp.vocab, words=[t.text for t in gold], spaces=[bool(t.whitespace_) for t in gold],
                         pos=[t.pos_ for t in gold], tags=[t.tag_ for t in gold],
                         morphs=[str(t.morph) for t in gold], sent_starts=[bool(t.is_sent_start) for t in gold])
            yield Example(tagged, gold)
    return read
