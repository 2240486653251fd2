"""Write LVTB train and dev with the tags the stanza parser reads at run time, for training
the parser on predicted rather than gold tags (nlp/training/NOTES.md, session 14).

At run time stanza parses with the UPOS/XPOS/FEATS that lv_core, the CRF tagger and the
lexicon assign (`nlp.load("stanza")`); a parser trained on gold tags loses ~6 LAS on
those. Here:

- dev gets exactly those tags (gold tokens, gold trees): the parser's model selection then
  scores what it will see.
- train gets them too, but the taggers were trained on train and err there far less than
  on unseen text. So each token that came out right is, with the probability that makes its
  gold XPOS as often wrong as on dev, given one of the analyses the tagger gave that gold
  XPOS by mistake on dev (preferring ones the form has elsewhere in train). No fold of
  lv_core is retrained: that is 35-45 CPU minutes per fold.

    python -m nlp.training.parser_tags [--data ../shared/data/lvtb] [--out nlp/training/.corpus]
"""
from __future__ import annotations

import argparse
import random
from collections import Counter, defaultdict
from pathlib import Path

from .evaluate_model import read_conllu

REPO = Path(__file__).resolve().parents[2]
Analysis = tuple[str, str, str]  # UPOS, XPOS, FEATS
# Below this many dev tokens a gold XPOS takes the error figures of its UPOS.
MIN_DEV_TOKENS = 20


def predicted_tags(nlp, sentences: list) -> list[list[Analysis]]:
    """The analyses stanza's parser gets in `nlp` (`nlp.load("stanza")`), over gold tokens."""
    from spacy.tokens import Doc

    before_stanza = nlp.pipe_names[: nlp.pipe_names.index("lv_stanza")]
    docs = (Doc(nlp.vocab, words=[t["form"] for t in s], spaces=[t["space"] for t in s]) for s in sentences)
    with nlp.select_pipes(enable=[p for p in before_stanza if p not in ("lv_numbers", "lv_sentences")]):
        return [[(t.pos_ or "X", t.tag_ or "_", str(t.morph)) for t in doc] for doc in nlp.pipe(docs, batch_size=256)]


def gold(token: dict) -> Analysis:
    return token["upos"], token["xpos"], token["feats"]


def error_model(sentences: list, predictions: list, group) -> dict[str, tuple[int, Counter]]:
    """Per group of gold tokens (`group(token)`): how many there are, and the wrong analyses
    they got, counted."""
    model: dict[str, tuple[int, Counter]] = {}
    for sentence, analyses in zip(sentences, predictions):
        for token, predicted in zip(sentence, analyses):
            seen, wrong = model.setdefault(group(token), (0, Counter()))
            if predicted != gold(token):
                wrong[predicted] += 1
            model[group(token)] = seen + 1, wrong
    return model


def error_rate(model: dict[str, tuple[int, Counter]], key: str | None = None) -> float:
    groups = [model[key]] if key is not None else model.values()
    return sum(sum(wrong.values()) for _, wrong in groups) / sum(seen for seen, _ in groups)


def noisy_train(train: list, predictions: list, dev: list, dev_predictions: list,
                rng: random.Random) -> list[list[Analysis]]:
    """Train's predicted analyses with extra errors drawn from dev's (see the module doc).
    A gold XPOS with fewer than MIN_DEV_TOKENS dev tokens (LVTB has over a thousand, most
    of them rare verb and adjective forms) takes the figures of its UPOS."""
    by_xpos = error_model(dev, dev_predictions, lambda t: t["xpos"])

    def group(token: dict) -> str:
        common = by_xpos.get(token["xpos"], (0,))[0] >= MIN_DEV_TOKENS
        return f"XPOS={token['xpos']}" if common else f"UPOS={token['upos']}"

    dev_model = error_model(dev, dev_predictions, group)
    train_model = error_model(train, predictions, group)
    rates = {key: (error_rate(dev_model, key), error_rate(train_model, key)) for key in dev_model if key in train_model}
    forms: dict[str, Counter] = defaultdict(Counter)
    for sentence in train:
        for token in sentence:
            forms[token["form"].lower()][gold(token)] += 1
    out = []
    for sentence, analyses in zip(train, predictions):
        row = []
        for token, predicted in zip(sentence, analyses):
            key = group(token)
            if predicted == gold(token) and key in dev_model:
                target, have = rates[key]
                if have < 1 and rng.random() < (target - have) / (1 - have):
                    # Another token's mistake can be this token's right analysis.
                    mistakes = {a: n for a, n in dev_model[key][1].items() if a != predicted}
                    plausible = [a for a in mistakes if a in forms[token["form"].lower()]] or list(mistakes)
                    if plausible:
                        predicted = rng.choices(plausible, weights=[mistakes[a] for a in plausible])[0]
            row.append(predicted)
        out.append(row)
    return out


def write_conllu(source: Path, target: Path, analyses: list[list[Analysis]]) -> None:
    """`source` with its UPOS/XPOS/FEATS columns replaced, token lines in `read_conllu`'s order."""
    flat = iter(a for sentence in analyses for a in sentence)
    with open(source, encoding="utf8") as lines, open(target, "w", encoding="utf8") as out:
        for line in lines:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                upos, xpos, feats = next(flat)
                cols[3:6] = upos, xpos, feats or "_"
                line = "\t".join(cols) + "\n"
            out.write(line)


def main() -> None:
    from ..pipeline import load

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "lvtb")
    parser.add_argument("--out", type=Path, default=REPO / "nlp" / "training" / ".corpus")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    files = {part: args.data / f"lv_lvtb-ud-{part}.v2.5.conllu" for part in ("train", "dev")}
    nlp = load("stanza", ner=False, parse=False)
    dev = list(read_conllu(files["dev"]))
    dev_predicted = predicted_tags(nlp, dev)
    write_conllu(files["dev"], args.out / "lvtb-dev.predicted.conllu", dev_predicted)
    train = list(read_conllu(files["train"]))
    train_predicted = predicted_tags(nlp, train)
    noisy = noisy_train(train, train_predicted, dev, dev_predicted, random.Random(args.seed))
    write_conllu(files["train"], args.out / "lvtb-train.predicted.conllu", noisy)
    rates = [100 * error_rate(error_model(s, p, lambda t: "all"))
             for s, p in ((dev, dev_predicted), (train, train_predicted), (train, noisy))]
    print("wrong analyses (UPOS+XPOS+FEATS): dev {:.2f} %, train as tagged {:.2f} %, train written {:.2f} %".format(*rates))

if __name__ == "__main__":
    main()
