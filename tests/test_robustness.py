"""Property-based tests: random and mutated Latvian text never breaks the extractor."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import nlp
from nlp.errors import InputError

from conftest import SAMPLE, SEED_IDS

SEED_TEXT = "\n".join(nlp.read_report(SAMPLE / f"{s}.txt").text for s in SEED_IDS)
LATVIAN = "aābcčdeēfgģhiījkķlļmnņoprsštuūvzžAĀBCČDEĒFGĢHIĪJKĶLĻMNŅOPRSŠTUŪVZŽ0123456789 .,;:()–-„”“\"%€\n\t•"
settings.register_profile("lvmine", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("lvmine")


def check(text):
    try:
        records = nlp.extract(text)
    except InputError as err:  # e.g. only list bullets: a clear error, and only that one
        assert err.problem == "no text content after removing markup"
        return []
    report_text = nlp.read_text(text).text
    for record in records:
        assert report_text[record.start:record.end] == record.text
        assert record.start < record.end
        assert record.value is not None
    assert [r.to_dict() for r in nlp.extract(text)] == [r.to_dict() for r in records]  # deterministic
    return records


@given(st.text(alphabet=LATVIAN, min_size=1, max_size=400).filter(str.strip))
@example("•")
def test_random_latvian_characters(text):
    check(text)


@given(st.integers(min_value=0, max_value=len(SEED_TEXT) - 300), st.integers(min_value=50, max_value=300),
       st.lists(st.tuples(st.integers(min_value=0, max_value=299), st.sampled_from(LATVIAN)), max_size=20),
       st.randoms())
def test_mutated_report_text(start, length, edits, rng):
    chars = list(SEED_TEXT[start:start + length])
    for position, char in edits:
        if chars:
            op = rng.choice(["replace", "insert", "delete"])
            at = position % len(chars)
            if op == "replace":
                chars[at] = char
            elif op == "insert":
                chars.insert(at, char)
            else:
                del chars[at]
    text = "".join(chars)
    if text.strip():
        check(text)


@given(st.lists(st.sampled_from(["12", "3 (trīs)", "vairāk nekā", "dalībnieki", "pasākumi", "(", ")", "tai skaitā",
                                  "19 999,36", "euro", "2021.", "gada", "12.08.2019.", "Nr.", "no", "līdz", "–", ",",
                                  "divas", "simts", "%", "\n", "1)", "u.c."]), min_size=1, max_size=40))
def test_shuffled_report_phrases(words):
    text = " ".join(words)
    if text.strip():  # whitespace alone is rejected with a clear InputError, tested elsewhere
        check(text)
