"""What is and is not a quantity: table-driven over real Latvian report phrasing."""
import pytest

from nlp.parsing import scan_numerics


def quantities(text):
    return [(text[n.start:n.end], n.value, n.value_max) for n in scan_numerics(text) if n.is_quantity]


def kinds(text):
    return {text[n.start:n.end]: n.kind for n in scan_numerics(text)}


@pytest.mark.parametrize("text, expected", [
    ("piedalījās 345 dalībnieki", [("345", 345, None)]),
    ("izlietoti 19 999,36 euro", [("19 999,36", 19999.36, None)]),
    ("3 (trīs) pasākumi", [("3 (trīs)", 3, None)]),
    ("2 (divas) meistarklases", [("2 (divas)", 2, None)]),
    ("trīs (3) semināri", [("trīs (3)", 3, None)]),
    ("10–15 dalībnieki", [("10–15", 10, 15)]),
    ("10-15 dalībnieki", [("10-15", 10, 15)]),
    ("no 10 līdz 15 dalībniekiem", [("no 10 līdz 15", 10, 15)]),
    ("apmeklēja 15 līdz 18 personas", [("15 līdz 18", 15, 18)]),
    # not a range: the second number is not the larger, or a clock time; "no 120 līdz 95"
    # is kept whole for the quantity matcher, which makes it two values
    ("no 18 samazinājās līdz 15", [("18", 18, None), ("15", 15, None)]),
    ("samazinājās no 120 līdz 95", [("no 120 līdz 95", 120, 95)]),
    ("notika no 17.00 līdz 19.00", []),
    ("divdesmit pieci bērni", [("divdesmit pieci", 25, None)]),
    ("durvju nomaiņa (1)", [("1", 1, None)]),
    ("12 pasākumi (8 diskusijas, 4 akcijas)", [("12", 12, None), ("8", 8, None), ("4", 4, None)]),
    # digits times a scale word in any case, or its abbreviation
    ("vairāk nekā 15 tūkstošus reižu", [("15 tūkstošus", 15000, None)]),
    ("ar 2 tūkstošiem apmeklētāju", [("2 tūkstošiem", 2000, None)]),
    ("piesaistīti 1,5 miljoni eiro", [("1,5 miljoni", 1500000, None)]),
    ("saņemti 2,3 tūkst. EUR", [("2,3 tūkst.", 2300, None)]),
    # a range times its scale word
    ("5–6 tūkstoši lietotāju", [("5–6 tūkstoši", 5000, 6000)]),
    ("2–3 tūkst. EUR", [("2–3 tūkst.", 2000, 3000)]),
])
def test_quantities(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text, kind", [
    ("12.08.2019.", "date"),
    ("10.01.21.", "date"),
    ("19.-23.12.20.", "date_range"),
    ("2020-10-20", "date"),
    ("19.12", "date"),
    ("2021. gada", "year"),
    ("2020.gads", "year"),
    ("3. vieta", "ordinal"),
    ("06. un", "ordinal"),
    ("Nr. 2.5-8-26", "code"),
    ("Covid-19", "code"),
    ("26123456", "phone"),
    ("+371 67 123 456", "phone"),
    ("www.nvoc.lv", "url"),
    ("facebook.com/kurzemesnvo", "url"),
    ("info@biedriba.lv", "url"),
    ("10:30", "time"),
])
def test_not_quantities(text, kind):
    found = scan_numerics(text)
    assert found, text
    assert found[0].start == 0 and found[0].kind == kind and not found[0].is_quantity


@pytest.mark.parametrize("text", [
    "1) Veicināt sadarbību.\n2) Sekmēt līdzdalību.",
    "1. Apzinātas vajadzības.\n2. Rēzeknes apkaimēs veikta aptauja.",
    "Līgums Nr. 1-12/2020 noslēgts 2020. gada 15. janvārī.",
    "Pasākums notika 06. un 19.12 tiešsaistē.",
    "Komanda ieguva 3. vietu.",
])
def test_no_quantity_in(text):
    assert quantities(text) == []


def test_list_marker_then_count():
    text = "4. 9 tiešsaistes pasākumos"
    assert kinds(text)["4."] == "list_marker"
    assert quantities(text) == [("9", 9, None)]
