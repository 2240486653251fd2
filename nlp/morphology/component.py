"""`lv_lexicon_morph`: lemma, UPOS and FEATS from the LVTB lexicon for tokens that no
trained component annotated (the fallback when models/lv_core is not installed)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import load_lexicon


@Language.factory("lv_lexicon_morph", default_config={"lexicon_path": None})
def make_lexicon_morph(nlp: Language, name: str, lexicon_path: str | None) -> "LexiconMorph":
    return LexiconMorph(lexicon_path)


class LexiconMorph:
    def __init__(self, lexicon_path: str | None = None):
        self.lexicon = load_lexicon(lexicon_path)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ or token.is_space:
                continue  # annotated by a trained component
            if token.is_punct:
                token.pos_ = "PUNCT"
                token.lemma_ = token.text
                continue
            best = self.lexicon.best(token.text)
            token.pos_ = best.upos
            token.lemma_ = best.lemma
            if best.feats and best.feats != "_":
                token.set_morph(best.feats)
        return doc
