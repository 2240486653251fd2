"""Build the spaCy pipeline lvmine runs: Latvian tokenizer and morphology, then the
extraction stages (quantity_matcher -> indicator_classifier -> breakdown_linker)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops

# Importing the modules registers their @Language.factory components.
from .annotate import entity_rules as _entity_rules  # noqa: F401
from .annotate import indicator_ner as _scoped_ner
from .annotate import ner_crf as _ner_crf  # noqa: F401
from .classify import indicators as _classify  # noqa: F401
from .extract import breakdowns as _breakdowns  # noqa: F401
from .extract import quantities as _quantities  # noqa: F401
from .extract import sentences as _sentences  # noqa: F401
from .morphology import component as _morph  # noqa: F401
from .morphology import crf_tagger as _crf_tagger  # noqa: F401
from . import reader
from .doc_text import KEY as DOC_TEXT_KEY
from .morphology.bilstm import DEFAULT_PATHS as BILSTM_PATHS
from .morphology.stanza_tagger import stanza_dir, stanza_processors
from .tokenizer import customize_tokenizer

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
EXTRACTION_PIPES = ("quantity_matcher", "indicator_classifier", "breakdown_linker", "lv_entity_rules")


CORE_DIR = MODELS_DIR / "lv_core"
# The core backend's parser: it reads the tags lvmine's taggers set, so it runs after them.
PARSER_DIR = MODELS_DIR / "lv_parser"
NER_DIR = MODELS_DIR / "lv_ner"
BACKENDS = ("lexicon", "core", "stanza")
ENTITY_SCOPES = _scoped_ner.SCOPES
PIPE_BATCH_SIZE = 32
# spaCy's NER component (disabled: it holds the model) and the one that runs it, by scope.
NER_PIPES = ("ner", "lv_ner", "lv_indicator_ner", "lv_ner_crf")


def build(base: Language | None = None, ner: Language | None = None, stanza: bool = False,
          entity_scope: str = "doc", parse: bool = True, parser: Language | None = None) -> Language:
    """Add lvmine's components to `base` (default: a blank Latvian pipeline): the Latvian
    tokenizer rules, sentence starts, the stanza analysis (`stanza`, optional), lexicon
    morphology for whatever is left unannotated, a parser that reads those tags (`parser`,
    optional), a trained NER (`ner`, optional) over `entity_scope` (see ENTITY_SCOPES), and
    the extraction stages."""
    if entity_scope not in ENTITY_SCOPES:
        raise ValueError(f"unknown entity scope {entity_scope!r}; choose one of {', '.join(ENTITY_SCOPES)}")
    nlp = customize_tokenizer(base if base is not None else spacy.blank("lv"))
    # nlp.pipe's default batch: lv_core's config says 1,000 documents, and activations for
    # that many (tens of thousands of tokens) ran its tok2vec at half speed here (LVTB test,
    # one BLAS thread: 8.3k words/s at 1,000, 11.8k at 32, 11.6k at 16; see README, Speed).
    nlp.batch_size = PIPE_BATCH_SIZE
    if base is None and not stanza and (ner is None or entity_scope == "indicators"):
        # spaCy refuses texts over 1,000,000 characters because its neural components need
        # ~1 GB per 100,000 characters of one document. Without any over whole documents (the
        # lexicon backend; the NER, if any, only over indicator regions: what mining runs),
        # every step is linear: take every text the reader accepts.
        nlp.max_length = reader.MAX_BYTES
    nlp.add_pipe("lv_numbers", first=True)
    # Sentences from line breaks and punctuation, before any parser, which parses within them:
    # LVTB dev, sentence F1 96.66 against the core parser's own 92.35 (measured at 95.98: core
    # UPOS and lemma the same, LAS 74.62 -> 74.72; stanza LAS 82.74 -> 83.11).
    nlp.add_pipe("lv_sentences", after="lv_numbers")
    # A trained backend is the accurate choice: its CRF tagger mixes in two BiLSTMs'
    # probabilities (~+120 us a word; LVTB dev, gold tokens, core: UPOS 96.99 -> 97.32). The
    # lexicon backend, the fast one, keeps the CRF alone.
    tagger_config = {"bilstm_paths": [str(path) for path in BILSTM_PATHS]} if base is not None else {}
    if stanza:
        # After `base`'s own components: without a stanza tagger, stanza lemmatizes and
        # parses with the UPOS/FEATS they assign, once the CRF and the lexicon have checked
        # them (LVTB dev, gold tokens: LAS 76.03 -> 76.68, UAS 80.81 -> 81.16 for the lexicon).
        if base is not None:
            nlp.add_pipe("lv_crf_tagger", config=tagger_config)
            nlp.add_pipe("lv_lexicon_morph", name="lv_lexicon_tags")
        nlp.add_pipe("lv_stanza", config={"parse": parse})
    else:
        # UPOS for the lexicon backend, a second opinion for a trained tagger
        nlp.add_pipe("lv_crf_tagger", config=tagger_config)
    nlp.add_pipe("lv_lexicon_morph")
    if parser is not None:
        nlp.add_pipe("parser", source=parser)
    if ner is not None:
        if "tok2vec" in ner.pipe_names:
            # The NER keeps its own copy of its tok2vec, independent of the core model's.
            ner.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        nlp.add_pipe("ner", source=ner)
        nlp.disable_pipe("ner")  # lv_ner runs it (see annotate/indicator_ner.py)
        if entity_scope == "doc":
            nlp.add_pipe("lv_ner", after="ner", config={"scope": "doc"})
    for name in EXTRACTION_PIPES:
        nlp.add_pipe(name)
    if ner is not None and entity_scope == "indicators":
        # After extraction, where the quantities it serves are known.
        nlp.add_pipe("lv_ner", name="lv_indicator_ner", before="lv_entity_rules", config={"scope": "indicators"})
    if ner is not None:
        # the NER's entities judged, and the CRF's added, before the rules add theirs
        nlp.add_pipe("lv_ner_crf", before="lv_entity_rules", config={"scope": entity_scope})
    return nlp


def check_backend(backend: str) -> None:
    """Raise a clear error (ValueError, FileNotFoundError, ImportError) when `backend`
    is unknown or its models or packages are missing, before anything is loaded."""
    import importlib.util

    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    if backend == "core" and not (CORE_DIR / "meta.json").exists():
        raise FileNotFoundError(f"{CORE_DIR}: the trained core model is not installed")
    if backend == "stanza":
        if importlib.util.find_spec("stanza") is None:
            raise ImportError("the stanza backend needs stanza: pip install torch==2.13.0 (or another CPU "
                              "build), then pip install 'lvmine[stanza]'")
        if "pos" not in stanza_processors(stanza_dir()) and not (CORE_DIR / "meta.json").exists():
            raise FileNotFoundError(f"{CORE_DIR}: the stanza models take their tags from the core model, "
                                    "which is not installed")


@lru_cache(maxsize=6)
def load(backend: str = "lexicon", ner: bool = True, entity_scope: str = "doc", parse: bool = True) -> Language:
    """The pipeline extraction uses, with `doc.ents` and every component above.

    backend="lexicon" (default): the LVTB form/suffix lexicon for lemmas and morphology;
    "core": the trained LVTB pipeline in models/lv_core (tagger, morphologizer, lemmatizer,
    parser), with the lexicon refining its lemmas; "stanza": stanza over lvmine's tokens
    (needs the [stanza] extra) — our LVTB-trained stanza lemmatizer and parser
    (models/lv_stanza) on lv_core's tags and sentences, or the official stanza models
    (tagger, lemmatizer, parser) in the directory named by $LVMINE_STANZA_DIR. The default
    extracts as well as the others (dev gold strict F1 0.984 for all three, see README) at
    a fraction of their cost.
    The NER model in models/lv_ner is added when present and `ner` is true; without it,
    entities come from the domain rules alone and the pipeline runs several times faster.
    entity_scope="indicators" runs the NER only where indicator records take entities
    from (see ENTITY_SCOPES): mining's records are the same at about half the NER cost,
    but `doc.ents` elsewhere holds rule entities only. parse=False leaves out the trained
    backends' dependency parser (stanza's: ~80 % of that backend's time; the core backend's
    lv_parser and lv_core's own), as mining does: extraction does not read the parse, and the
    sentences come from before it."""
    check_backend(backend)
    # The models' matrix products go to numpy (OpenBLAS) instead of thinc's default blis:
    # same LVTB scores, 11 % more words/s for lv_core on one thread here (README, Speed).
    # build() runs inside too: it copies the NER's tok2vec, and a copy made outside got
    # blis again (4x slower here: that copy was most of mining's time).
    with use_ops("numpy", use_blis=False):
        # lv_parser, where installed, parses with the final tags instead of lv_core's parser
        # (LVTB test, gold tokens: see README)
        parser = spacy.load(PARSER_DIR) if backend == "core" and parse and (PARSER_DIR / "meta.json").exists() else None
        base = spacy.load(CORE_DIR, exclude=["parser"] if parser or not parse else []) if backend == "core" else None
        if backend == "stanza" and "pos" not in stanza_processors(stanza_dir()):
            # Our stanza models have no tagger: UPOS/XPOS/FEATS come from lv_core, and so do
            # the sentences (its parser's), which stanza's parser then parses again.
            base = spacy.load(CORE_DIR, exclude=["trainable_lemmatizer"])
        ner_model = spacy.load(NER_DIR) if ner and (NER_DIR / "meta.json").exists() else None
        return build(base, ner_model, stanza=backend == "stanza", entity_scope=entity_scope, parse=parse,
                     parser=parser)


def make_report_doc(nlp: Language, report) -> Doc:
    """A Doc of the report's clean text carrying its delegation period, so that dates
    written without a year are resolved inside it."""
    doc = nlp.make_doc(report.text)
    doc.user_data[DOC_TEXT_KEY] = report.text  # the tokenizer keeps the text: no need to rebuild it
    if report.period_start:
        doc.user_data["period"] = (report.period_start, report.period_end)
    return doc


def annotate(nlp: Language, report) -> Doc:
    return nlp(make_report_doc(nlp, report))


def annotate_many(nlp: Language, reports, batch_size: int = 16) -> Iterator[Doc]:
    return nlp.pipe((make_report_doc(nlp, r) for r in reports), batch_size=batch_size)
