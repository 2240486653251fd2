"""Table-driven tests for the pure parsers: digits, number words, qualifiers, money."""
import pytest
from atciparotajs.cardinals import cardinal

from nlp.parsing import currency_of, parse_digits, parse_money, parse_number, parse_number_words
from nlp.parsing.qualifiers import qualifier_after, qualifier_before


@pytest.mark.parametrize("text, expected", [
    ("19 999,36", 19999.36),
    ("1 476", 1476),
    ("1\u00a0476", 1476),
    ("1\u202f000\u202f000", 1000000),
    ("31830,96", 31830.96),
    ("16000", 16000),
    ("0,5", 0.5),
    ("7", 7),
])
def test_parse_digits(text, expected):
    assert parse_digits(text) == expected


@pytest.mark.parametrize("text", ["19 99", "1.476", "abc", "12,", "", "1 4760"])
def test_parse_digits_rejects(text):
    with pytest.raises(ValueError):
        parse_digits(text)


@pytest.mark.parametrize("words, expected", [
    ("trīs", 3), ("divas", 2), ("divām", 2), ("piecus", 5), ("deviņas", 9), ("desmit", 10),
    ("vienpadsmit", 11), ("divdesmit pieci", 25), ("simts", 100), ("tūkstotis", 1000),
    ("divi simti", 200), ("divsimt trīsdesmit", 230), ("trīs tūkstoši divi simti", 3200),
    ("Četrām", 4), ("septiņiem", 7), ("vienai", 1), ("miljons", 1000000), ("divtūkstoš piecsimt", 2500),
    ("pusotru", 1.5), ("pusotra tūkstoša", 1500), ("pusotrs simts", 150),
])
def test_number_words(words, expected):
    assert parse_number_words(words) == expected


@pytest.mark.parametrize("words", ["trīsi", "dalībnieki", "simtiņš", ""])
def test_not_number_words(words):
    assert parse_number_words(words) is None


def test_number_words_in_every_case_and_gender_agree_with_an_independent_speller():
    # atciparotajs spells numbers in all 11 case/gender buckets; our parser must read them all back.
    numbers = list(range(1, 1200)) + list(range(1200, 1_000_000, 4999))
    wrong = [(n, b, cardinal(n, b)) for n in numbers for b in range(1, 12) if parse_number_words(cardinal(n, b)) != n]
    assert wrong == []


@pytest.mark.parametrize("text, expected", [("12", 12), ("divdesmit", 20), ("vārds", None)])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("prefix, qualifier", [
    ("vairāk nekā ", "more_than"), ("Vairāk kā ", "more_than"), ("pāri ", "more_than"), ("virs ", "more_than"),
    ("vismaz ", "at_least"), ("ne mazāk kā ", "at_least"),
    ("apmēram ", "approx"), ("aptuveni ", "approx"), ("ap ", "approx"), ("~", "approx"),
    ("mazāk nekā ", "less_than"), ("gandrīz ", "less_than"),
    ("ne vairāk kā ", "at_most"), ("līdz ", "at_most"),
    ("piedalījās ", None), ("kapec ", None), ("sapulcē ", None),
])
def test_qualifier_before(prefix, qualifier):
    text = "Tajā " + prefix + "40 dalībnieki"
    found = qualifier_before(text, text.index("40"))
    assert (found[0] if found else None) == qualifier
    if found:
        assert text[found[1]:text.index("40")].strip().lower() == prefix.strip().lower()


@pytest.mark.parametrize("suffix, qualifier", [(" un vairāk dalībnieku", "at_least"), (" vai mazāk", "at_most"), (" dalībnieki", None)])
def test_qualifier_after(suffix, qualifier):
    text = "30" + suffix
    found = qualifier_after(text, 2)
    assert (found[0] if found else None) == qualifier


@pytest.mark.parametrize("text, amount, currency", [
    ("19 999,36 euro", 19999.36, "EUR"),
    ("16000 eiro", 16000, "EUR"),
    ("EUR 500", 500, "EUR"),
    ("€ 12,50", 12.5, "EUR"),
    ("1,5 milj. EUR", 1_500_000, "EUR"),
    ("20 tūkst. eiro", 20_000, "EUR"),
    ("300 lati", 300, "LVL"),
    ("45 latu", 45, "LVL"),
    ("100 USD", 100, "USD"),
])
def test_parse_money(text, amount, currency):
    value, code = parse_money(text)
    assert value == pytest.approx(amount) and code == currency


@pytest.mark.parametrize("text", ["19 999,36", "euro", "12 dalībnieki", "2020.gads"])
def test_parse_money_rejects(text):
    with pytest.raises(ValueError):
        parse_money(text)


@pytest.mark.parametrize("word, code", [("eiro", "EUR"), ("EUR", "EUR"), ("latiem", "LVL"), ("dators", None)])
def test_currency_of(word, code):
    found = currency_of(word)
    assert (found[0] if found else None) == code
