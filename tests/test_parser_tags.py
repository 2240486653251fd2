"""The training data for the stanza parser on predicted tags (nlp/training/parser_tags.py)."""
import random

from nlp.training.evaluate_model import read_conllu
from nlp.training.parser_tags import error_model, error_rate, noisy_train, write_conllu

# "grāmatas": genitive singular or nominative plural, the syncretism the tagger gets wrong.
GEN_SG = ("NOUN", "ncfsg4", "Case=Gen|Gender=Fem|Number=Sing")
NOM_PL = ("NOUN", "ncfpn4", "Case=Nom|Gender=Fem|Number=Plur")
VERB = ("VERB", "vmnist330an", "Aspect=Imp|Mood=Ind|Number=Sing|Person=3|Polarity=Pos|Tense=Past|VerbForm=Fin|Voice=Act")


def sentence(*tokens):
    return [{"form": form, "upos": a[0], "xpos": a[1], "feats": a[2]} for form, a in tokens]


def test_error_model_counts_wrong_analyses_per_group():
    gold = [sentence(("grāmatas", GEN_SG), ("lasīja", VERB)), sentence(("grāmatas", GEN_SG))]
    predicted = [[NOM_PL, VERB], [GEN_SG]]
    model = error_model(gold, predicted, lambda t: t["xpos"])
    assert model["ncfsg4"] == (2, {NOM_PL: 1})
    assert error_rate(model, "ncfsg4") == 0.5
    assert error_rate(model, "vmnist330an") == 0.0
    assert error_rate(model) == 1 / 3


def test_noisy_train_matches_dev_error_rate_with_the_forms_own_ambiguity():
    # dev: the genitive is read as the nominative plural in 40 of 100 cases; verbs never wrong
    dev = [sentence(("grāmatas", GEN_SG), ("lasīja", VERB)) for _ in range(100)]
    dev_predicted = [[NOM_PL if i < 40 else GEN_SG, VERB] for i in range(100)]
    # train, tagged without a mistake (the taggers were trained there); the form also occurs
    # as a nominative plural, so that is the mistake it can plausibly get
    train = [sentence(("grāmatas", GEN_SG), ("lasīja", VERB)) for _ in range(2000)]
    train += [sentence(("grāmatas", NOM_PL))]
    perfect = [[(t["upos"], t["xpos"], t["feats"]) for t in s] for s in train]
    noisy = noisy_train(train, perfect, dev, dev_predicted, random.Random(0))
    genitives = [row[0] for row in noisy[:2000]]
    assert set(genitives) == {GEN_SG, NOM_PL}
    assert 0.35 < genitives.count(NOM_PL) / 2000 < 0.45
    assert all(row[1] == VERB for row in noisy[:2000])  # no error on dev, none added
    assert noisy[-1] == [NOM_PL]  # a right analysis of an XPOS with no dev mistakes stays


def test_write_conllu_replaces_only_the_tag_columns(tmp_path):
    source = tmp_path / "gold.conllu"
    source.write_text(
        "# sent_id = 1\n"
        "1\tViņš\tviņš\tPRON\tpp3msn\tCase=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs\t2\tnsubj\t_\t_\n"
        "2\tlasīja\tlasīt\tVERB\tvmnist330an\t_\t0\troot\t_\t_\n"
        "3\tgrāmatas\tgrāmata\tNOUN\tncfsg4\tCase=Gen|Gender=Fem|Number=Sing\t2\tobj\t_\tSpaceAfter=No\n"
        "4\t.\t.\tPUNCT\tzs\t_\t2\tpunct\t_\t_\n\n",
        encoding="utf8")
    target = tmp_path / "predicted.conllu"
    predicted = [[("PRON", "pp3msn", "Case=Nom"), ("VERB", "vmnist330an", ""), NOM_PL, ("PUNCT", "zs", "")]]
    write_conllu(source, target, predicted)
    [written] = read_conllu(target)
    assert [(t["upos"], t["xpos"], t["feats"]) for t in written] == [
        ("PRON", "pp3msn", "Case=Nom"), ("VERB", "vmnist330an", ""), NOM_PL, ("PUNCT", "zs", "")]
    assert [(t["form"], t["lemma"], t["head"], t["deprel"]) for t in written] == [
        ("Viņš", "viņš", 2, "nsubj"), ("lasīja", "lasīt", 0, "root"), ("grāmatas", "grāmata", 2, "obj"), (".", ".", 2, "punct")]
    assert target.read_text(encoding="utf8").startswith("# sent_id = 1\n")
    assert "\t_\t2\tpunct" in target.read_text(encoding="utf8")  # empty FEATS written as "_"


def test_tagged_corpus_gives_the_parser_the_written_tags_and_the_gold_tree(tmp_path):
    import spacy
    from spacy.tokens import Doc, DocBin

    from nlp.training.tagged_corpus import tagged_corpus

    nlp = spacy.blank("lv")
    gold = Doc(nlp.vocab, words=["Viņa", "lasīja", "grāmatas", "."], spaces=[True, True, False, False],
               pos=["PRON", "VERB", "NOUN", "PUNCT"], tags=["pp", "vmnist330an", NOM_PL[1], "zs"],
               morphs=["", VERB[2], NOM_PL[2], ""], heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "obj", "punct"],
               sent_starts=[True, False, False, False])
    docs = DocBin()
    docs.add(gold)
    docs.to_disk(tmp_path / "train.spacy")
    [example] = list(tagged_corpus(str(tmp_path / "train.spacy"))(nlp))
    predicted = example.predicted
    assert [t.tag_ for t in predicted] == ["pp", "vmnist330an", "ncfpn4", "zs"]
    assert str(predicted[2].morph) == NOM_PL[2]
    assert not predicted.has_annotation("DEP")  # what the parser must learn is only in the reference
    assert [t.dep_ for t in example.reference] == ["nsubj", "ROOT", "obj", "punct"]
    assert [t.is_sent_start for t in predicted] == [True, False, False, False]
