"""stanza's parser trainer (`python -m stanza.models.parser`), except that with
--continue_from the training data is read with the vocabularies of the model it continues.

stanza builds the vocabularies (words, characters, UPOS, XPOS, FEATS, relations) from the
training file even when it continues a saved model, which keeps its own: on a training
file with other tags than the model's (predicted instead of gold: nlp/training/parser_tags.py)
the indices no longer match and training fails or silently learns from scrambled tags.

    python scripts/stanza_parser.py --mode train --continue_from MODEL.pt ...  (scripts/train_stanza.sh)
"""
import sys

import torch
from stanza.models import parser
from stanza.models.pos.vocab import MultiVocab

_DataLoader = parser.DataLoader


def _continued_vocab(argv: list[str]) -> MultiVocab | None:
    if "--continue_from" not in argv:
        return None
    saved = torch.load(argv[argv.index("--continue_from") + 1], map_location="cpu", weights_only=True)
    return MultiVocab.load_state_dict(saved["vocab"])


def main(argv: list[str]) -> None:
    continued = _continued_vocab(argv)
    if continued is not None:
        def data_loader(doc, batch_size, args, pretrain, vocab=None, **kwargs):
            return _DataLoader(doc, batch_size, args, pretrain, vocab=vocab or continued, **kwargs)

        parser.DataLoader = data_loader
    parser.main(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
