"""Tests for nlp.entities.linking (canonical names, entity registry)."""
from dataclasses import dataclass
from pathlib import Path

import pytest

from nlp.entities.linking import EntityRegistry, canonical_name, lexicon_lemma_fn, normalize_key


@pytest.fixture(scope="module")
def lemma_fn():
    try:
        return lexicon_lemma_fn()
    except (FileNotFoundError, OSError):  # pragma: no cover
        pytest.skip("models/lv_lexicon not available")


@pytest.mark.parametrize("text,expected", [
    ("Daugavpils Ukrainu biedrībai “Mrija”", "Daugavpils Ukrainu biedrība “Mrija”"),
    ("Rēzeknes poļu biedrībai", "Rēzeknes poļu biedrība"),
    ("Rēzeknes poļu biedrība", "Rēzeknes poļu biedrība"),
    ("biedrībā \"Mrija\"", "biedrība \"Mrija\""),
    ("Rīgas domei", "Rīgas dome"),
    ("Latvijas Universitātē", "Latvijas Universitāte"),
    ("Latvijas Republikas Saeimai", "Latvijas Republikas Saeima"),
    ("Valsts kultūrkapitāla fondam", "Valsts kultūrkapitāla fonds"),
    ("Latvijas Nacionālajai bibliotēkai", "Latvijas Nacionālā bibliotēka"),  # agreeing adjective
    ("Jānim Bērziņam", "Jānis Bērziņš"),  # first name agrees with the surname
    # "-u"/"-o" genitive plurals also read as accusatives: modifiers, not agreeing words
    ("Bērnu un ģimenes lietu ministriju", "Bērnu un ģimenes lietu ministrija"),
    ("Latvijas Neredzīgo biedrību", "Latvijas Neredzīgo biedrība"),
    # an adjective agrees with the head across a genitive, in either gender's reading
    ("Latvijas Nacionālajā mākslas muzejā", "Latvijas Nacionālais mākslas muzejs"),
    ("SIA “Latvijas Gāze”", "SIA “Latvijas Gāze”"),  # quoted name and abbreviation kept
    ("LU", "LU"),
    ("  Rīgas   domei ", "Rīgas dome"),
    ("", ""),
])
def test_canonical_name_lexicon(lemma_fn, text, expected):
    assert canonical_name(text, lemma_fn) == expected


def test_canonical_name_plain_string_lemma_fn():
    table = {"biedrībai": "biedrība", "Biedrībai": "biedrība", "fondam": "fonds"}
    fn = lambda w: table.get(w, w)  # noqa: E731
    assert canonical_name("Rēzeknes poļu biedrībai", fn) == "Rēzeknes poļu biedrība"
    assert canonical_name("Daugavpils Ukrainu Biedrībai “Mrija”", fn) == "Daugavpils Ukrainu Biedrība “Mrija”"
    assert canonical_name("“Mrija”", fn) == "“Mrija”"


@dataclass
class _A:
    lemma: str
    upos: str
    feats: str

    def feat(self, name):
        return dict(p.split("=") for p in self.feats.split("|") if "=" in p).get(name)


def test_canonical_name_keeps_genitive_modifiers():
    table = {
        "Ukrainu": _A("Ukraina", "PROPN", "Case=Gen|Number=Plur"),
        "biedrību": _A("biedrība", "NOUN", "Case=Acc|Gender=Fem"),
        "Daugavpils": _A("Daugavpils", "PROPN", "Case=Gen"),
    }
    assert canonical_name("Daugavpils Ukrainu biedrību", table.get) == "Daugavpils Ukrainu biedrība"


def test_normalize_key():
    assert normalize_key("Biedrība “Mrija”") == normalize_key('biedrība "Mrija"') == "biedrība mrija"


def test_registry_links_inflected_mentions(lemma_fn, tmp_path):
    reg = EntityRegistry(threshold=90, lemma_fn=lemma_fn)
    a = reg.add("Daugavpils Ukrainu biedrībai “Mrija”", "ORG")
    b = reg.add("Daugavpils Ukrainu biedrība \"Mrija\"", "ORG")
    c = reg.add("Rēzeknes poļu biedrībai", "ORG")
    d = reg.add("Rēzeknes poļu biedrība", "ORG")
    e = reg.add("Rēzeknes Poļu biedrībā", "ORG")
    assert a == b and c == d == e and a != c
    assert reg[a].name == "Daugavpils Ukrainu biedrība “Mrija”"
    assert reg[c].count == 3
    assert len(reg) == 2
    # labels keep entities apart
    assert reg.add("Rēzeknes poļu biedrība", "LOC") not in (a, c)
    assert reg.lookup("Rēzeknes poļu biedrībai", "ORG") == c
    assert reg.lookup("Jelgavas vācu biedrība", "ORG") is None
    path = tmp_path / "reg.json"
    reg.save(path)
    reg2 = EntityRegistry.load(path, lemma_fn=lemma_fn)
    assert reg2.to_dict() == reg.to_dict()
    assert reg2.lookup("Rēzeknes poļu biedrībai", "ORG") == c
    assert reg2.add("Daugavpils Ukrainu biedrībā “Mrija”", "ORG") == a


def test_registry_fuzzy_threshold():
    reg = EntityRegistry(threshold=85)
    a = reg.add("Latvijas Universitāte")
    assert reg.add("Latvijas Universitate") == a  # typo / missing diacritic
    assert reg.add("Latvijas Universitātes") == a
    assert reg.add("Rīgas Tehniskā universitāte") != a
    strict = EntityRegistry(threshold=100)
    x = strict.add("Latvijas Universitāte")
    assert strict.add("Latvijas Universitate") != x


FULLSTACK_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "fullstack-ner" / "data"


def _fullstack_names(limit: int) -> list[tuple[str, str]]:
    """Distinct ORG/LOC/PER mentions of the FullStack corpus, in every inflected form written."""
    from nlp.training.ner_data import entity_spans, read_paragraph

    names: dict[tuple[str, str], None] = {}
    for path in sorted(FULLSTACK_DATA.glob("*.conll2003")):
        for sentence in read_paragraph(path):
            forms = [form for form, _ in sentence["tokens"]]
            for start, end, label in entity_spans([tag for _, tag in sentence["tokens"]]):
                if label in ("ORG", "LOC", "PER"):
                    names[(" ".join(forms[start:end]), label)] = None
        if len(names) >= limit:
            break
    return list(names)[:limit]


@pytest.mark.skipif(not FULLSTACK_DATA.exists(), reason="the FullStack NER corpus is not beside the repo")
def test_blocked_linking_equals_a_full_scan(lemma_fn):
    """Fuzzy candidates come from the words' first and last letters; on real inflected names
    the links are those of comparing every name with every other (token_sort_ratio given
    as a scorer turns the blocking off and scores the same)."""
    from rapidfuzz import fuzz

    names = _fullstack_names(2500)
    blocked = EntityRegistry(threshold=90, lemma_fn=lemma_fn)
    full = EntityRegistry(threshold=90, lemma_fn=lemma_fn, scorer=fuzz.token_sort_ratio)
    ids = [(blocked.add(text, label), full.add(text, label)) for text, label in names]
    assert [blocked[a].name for a, _ in ids] == [full[b].name for _, b in ids]
    assert len(blocked) < len(names) - 100  # inflected mentions did link


def test_canonical_name_of_an_unseen_place_from_its_dictionary_headword(lemma_fn):
    assert canonical_name("Līksnā", lemma_fn) == "Līksna"  # not an adjective "līksns"
