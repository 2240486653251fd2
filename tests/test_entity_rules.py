"""Domain entity rules on real report phrasing, and their attachment to indicator records."""
import pytest

import nlp
from nlp.pipeline import annotate

from conftest import SAMPLE, SEED_IDS


@pytest.fixture(scope="module")
def seed_ents():
    doc = annotate(nlp.load(), nlp.read_report(SAMPLE / f"{SEED_IDS[0]}.txt"))
    return {(e.text, e.label_) for e in doc.ents}


@pytest.mark.parametrize("text, label", [
    ("Biedrība „Dienvidlatgales NVO atbalsta centrs”", "ORG"),
    ("Daugavpils Ukrainu biedrībai “Mrija”", "ORG"),
    ("Viļakas novada biedrībai “Omītes”", "ORG"),
    ("Žiguru slāvu ansamblim “Ivuški”", "ORG"),
    ("Daugavpils Ebreju muzejam", "ORG"),
    ("Rēzeknes poļu biedrībai", "ORG"),
    ("PIKC RVT Krāslavas struktūrvienību", "ORG"),
    ("DNVOAC", "ORG"),
    ("Latgales reģiona", "LOC"),
    ("Krāslavas apkaimēs", "LOC"),
    ("A.Stepanova", "PER"),
    ("Artūrs Mednis", "PER"),
    ("19.-23.12.20.", "DATE"),
    ("06. un 19.12", "DATE"),
    ("2021. gada sākumā", "DATE"),
    ("19 999,36 euro", "MONEY"),
])
def test_seed_entities(seed_ents, text, label):
    assert (text, label) in seed_ents


def test_sentence_initial_capitals_are_not_organisation_names(seed_ents):
    assert not any(text.startswith(("Atsevišķu", "Veicināt", "Ar ")) for text, _ in seed_ents)


def test_indicators_carry_their_organisation_place_and_date():
    records = {r.text: r for r in nlp.extract(SAMPLE / f"{SEED_IDS[0]}.txt")}
    bungas = {e["label"]: e for e in records["1 muzikālās bungas"].entities}
    assert bungas["ORG"]["canonical"] == "Daugavpils Ukrainu biedrība “Mrija”" and bungas["ORG"]["source"] == "sentence"
    assert bungas["DATE"]["source"] == "report" and bungas["DATE"]["date_start"] == "2020-10-20"
    festival = {e["label"]: e for e in records["3 (trīs) tiešsaistes vietēja līmeņa MT NVO pasākumi"].entities}
    assert (festival["DATE"]["date_start"], festival["DATE"]["date_end"]) == ("2020-12-19", "2020-12-23")
    assert festival["ORG"]["source"] == "report"  # the performer stands in
    master = {e["label"]: e for e in records["2 (divas) ukraiņu nacionālās virtuves meistarklases"].entities}
    assert (master["DATE"]["date_start"], master["DATE"]["date_end"]) == ("2020-12-06", "2020-12-19")


def test_inflected_mentions_share_one_id():
    a = nlp.extract("Daugavpils Ukrainu biedrībai “Mrija”: 1 dators.")[0].entities
    b = nlp.extract("Daugavpils Ukrainu biedrība “Mrija” saņēma 2 printerus.")[0].entities
    org = lambda ents: next(e for e in ents if e["label"] == "ORG")  # noqa: E731
    assert org(a)["id"] == org(b)["id"]


@pytest.mark.parametrize("first, second", [
    ("Rēzeknes poļu biedrībai", "Rēzeknes poļu biedrības"),
    ("Latgales reģionā", "Latgales reģiona"),
    ("biedrībai „Memory and Help”", "biedrības „Memory and Help”"),
])
def test_canonical_names_of_inflected_mentions_agree(first, second):
    from nlp.annotate.attach import canonical

    label = "LOC" if "reģion" in first else "ORG"
    assert canonical(label, first) == canonical(label, second)
