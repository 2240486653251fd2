"""Table-driven tests for the Latvian date/period normaliser (nlp.entities.dates)."""
from datetime import date as D

import pytest

from nlp.entities.dates import DateValue, find_dates, normalize_date, normalize_dates

# every case of every month name: nominative, genitive, dative, accusative, locative
MONTH_FORMS = {
    1: ["janvāris", "janvāra", "janvārim", "janvāri", "janvārī"],
    2: ["februāris", "februāra", "februārim", "februāri", "februārī"],
    3: ["marts", "marta", "martam", "martu", "martā"],
    4: ["aprīlis", "aprīļa", "aprīlim", "aprīli", "aprīlī"],
    5: ["maijs", "maija", "maijam", "maiju", "maijā"],
    6: ["jūnijs", "jūnija", "jūnijam", "jūniju", "jūnijā"],
    7: ["jūlijs", "jūlija", "jūlijam", "jūliju", "jūlijā"],
    8: ["augusts", "augusta", "augustam", "augustu", "augustā"],
    9: ["septembris", "septembra", "septembrim", "septembri", "septembrī"],
    10: ["oktobris", "oktobra", "oktobrim", "oktobri", "oktobrī"],
    11: ["novembris", "novembra", "novembrim", "novembri", "novembrī"],
    12: ["decembris", "decembra", "decembrim", "decembri", "decembrī"],
}
ABBREVIATIONS = {1: ["janv.", "jan."], 2: ["febr.", "feb."], 4: ["apr."], 6: ["jūn."], 7: ["jūl."],
                 8: ["aug."], 9: ["sept.", "sep."], 10: ["okt."], 11: ["nov."], 12: ["dec."]}
ALL_FORMS = [(m, f) for m, fs in MONTH_FORMS.items() for f in fs] + \
            [(m, f) for m, fs in ABBREVIATIONS.items() for f in fs]
LAST = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def V(a, b=None, g="day", fuzzy=False):
    return DateValue(a, b or a, g, fuzzy)


@pytest.mark.parametrize("month,form", ALL_FORMS)
def test_month_form_with_day_and_year(month, form):
    assert normalize_date(f"2020. gada 5. {form}") == V(D(2020, month, 5))


@pytest.mark.parametrize("month,form", ALL_FORMS)
def test_month_form_alone_takes_default_year(month, form):
    assert normalize_date(form, default_year=2020) == V(D(2020, month, 1), D(2020, month, LAST[month]), "month")


@pytest.mark.parametrize("month,form", ALL_FORMS)
def test_month_form_with_year(month, form):
    assert normalize_date(f"2020. gada {form}") == V(D(2020, month, 1), D(2020, month, LAST[month]), "month")


CASES = [
    # numeric
    ("20.10.2020.", {}, V(D(2020, 10, 20))),
    ("20.10.2020", {}, V(D(2020, 10, 20))),
    ("10.01.21.", {}, V(D(2021, 1, 10))),
    ("1.2.2019", {}, V(D(2019, 2, 1))),
    ("2020-10-20", {}, V(D(2020, 10, 20))),
    ("20/10/2020", {}, V(D(2020, 10, 20))),
    ("20.10.2020. g.", {}, V(D(2020, 10, 20))),
    # ranges
    ("20.10.2020. – 20.01.2021.", {}, V(D(2020, 10, 20), D(2021, 1, 20))),
    ("20.10.2020.-20.01.2021.", {}, V(D(2020, 10, 20), D(2021, 1, 20))),
    ("19.-23.12.20.", {}, V(D(2020, 12, 19), D(2020, 12, 23))),
    ("19.–23.12.2020", {}, V(D(2020, 12, 19), D(2020, 12, 23))),
    ("no 19. līdz 23. decembrim", {"default_year": 2020}, V(D(2020, 12, 19), D(2020, 12, 23))),
    ("no 2020. gada 19. līdz 23. decembrim", {}, V(D(2020, 12, 19), D(2020, 12, 23))),
    ("19.–23. decembrī", {"default_year": 2020}, V(D(2020, 12, 19), D(2020, 12, 23))),
    ("no 2020. gada 1. oktobra līdz 2021. gada 31. martam", {}, V(D(2020, 10, 1), D(2021, 3, 31))),
    ("no 2020. gada 1. oktobra līdz 31. decembrim", {}, V(D(2020, 10, 1), D(2020, 12, 31))),
    ("20.12 – 05.01", {"default_year": 2021}, V(D(2020, 12, 20), D(2021, 1, 5))),
    ("no oktobra līdz decembrim", {"default_year": 2020}, V(D(2020, 10, 1), D(2020, 12, 31), "month")),
    ("2020. gada oktobrī–decembrī", {}, V(D(2020, 10, 1), D(2020, 12, 31), "month")),
    ("2019.–2021. gadā", {}, V(D(2019, 1, 1), D(2021, 12, 31), "year")),
    ("no 2019. līdz 2021. gadam", {}, V(D(2019, 1, 1), D(2021, 12, 31), "year")),
    # two days: one value spanning both (normalize_dates gives them separately)
    ("06. un 19.12", {"default_year": 2020}, V(D(2020, 12, 6), D(2020, 12, 19))),
    ("6., 12. un 19. decembrī", {"default_year": 2020}, V(D(2020, 12, 6), D(2020, 12, 19))),
    # months: one value from the first month's start to the last one's end
    ("2023. gada maijā un jūnijā", {}, V(D(2023, 5, 1), D(2023, 6, 30), "month")),
    ("maijā, jūnijā un jūlijā", {"default_year": 2020}, V(D(2020, 5, 1), D(2020, 7, 31), "month")),
    # day.month without a year
    ("19.12", {"default_year": 2020}, V(D(2020, 12, 19))),
    ("19.12.", {"default_year": 2020}, V(D(2020, 12, 19))),
    ("19.12", {"period": (D(2020, 6, 1), D(2021, 5, 31))}, V(D(2020, 12, 19))),
    ("19.03", {"period": (D(2020, 6, 1), D(2021, 5, 31))}, V(D(2021, 3, 19))),
    ("19.03", {"period": (D(2020, 6, 1), D(2021, 5, 31)), "default_year": 2020}, V(D(2021, 3, 19))),
    ("12. augustā", {"default_year": 2019}, V(D(2019, 8, 12))),
    ("oktobrī", {"period": (D(2020, 3, 1), D(2021, 2, 28))}, V(D(2020, 10, 1), D(2020, 10, 31), "month")),
    ("janvārī", {"period": (D(2020, 3, 1), D(2021, 2, 28))}, V(D(2021, 1, 1), D(2021, 1, 31), "month")),
    # textual
    ("2019. gada 12. augustā", {}, V(D(2019, 8, 12))),
    ("2019. g. 12. augusts", {}, V(D(2019, 8, 12))),
    ("12. augusts 2019", {}, V(D(2019, 8, 12))),
    ("2020. gada 5. okt.", {}, V(D(2020, 10, 5))),
    ("2020. gada oktobrī", {}, V(D(2020, 10, 1), D(2020, 10, 31), "month")),
    ("oktobrī", {"default_year": 2020}, V(D(2020, 10, 1), D(2020, 10, 31), "month")),
    ("2020. gada februārī", {}, V(D(2020, 2, 1), D(2020, 2, 29), "month")),
    ("2020. gadā", {}, V(D(2020, 1, 1), D(2020, 12, 31), "year")),
    ("2020. g.", {}, V(D(2020, 1, 1), D(2020, 12, 31), "year")),
    ("2020", {}, V(D(2020, 1, 1), D(2020, 12, 31), "year")),
    # parts of the year (fuzzy thirds) and exact halves/quarters
    ("2021. gada sākumā", {}, V(D(2021, 1, 1), D(2021, 4, 30), "part_of_year", True)),
    ("2021. sākumā", {}, V(D(2021, 1, 1), D(2021, 4, 30), "part_of_year", True)),
    ("2020. beigās", {}, V(D(2020, 9, 1), D(2020, 12, 31), "part_of_year", True)),
    ("2020. gada beigās", {}, V(D(2020, 9, 1), D(2020, 12, 31), "part_of_year", True)),
    ("2021. gada vidū", {}, V(D(2021, 5, 1), D(2021, 8, 31), "part_of_year", True)),
    ("gada beigās", {"default_year": 2020}, V(D(2020, 9, 1), D(2020, 12, 31), "part_of_year", True)),
    ("2020. gada otrajā pusgadā", {}, V(D(2020, 7, 1), D(2020, 12, 31), "part_of_year")),
    ("2020. gada 1. ceturksnī", {}, V(D(2020, 1, 1), D(2020, 3, 31), "part_of_year")),
    ("2020. gada IV ceturksnī", {}, V(D(2020, 10, 1), D(2020, 12, 31), "part_of_year")),
    ("2011. gada ceturto ceturksni", {}, V(D(2011, 10, 1), D(2011, 12, 31), "part_of_year")),  # accusative
    ("2008. gada pēdējā ceturksnī", {}, V(D(2008, 10, 1), D(2008, 12, 31), "part_of_year")),
    ("2012. gada trešā ceturkšņa", {}, V(D(2012, 7, 1), D(2012, 9, 30), "part_of_year")),
    ("2021. gada pirmo pusi", {}, V(D(2021, 1, 1), D(2021, 6, 30), "part_of_year")),
    # parts of a month
    ("2020. gada oktobra sākumā", {}, V(D(2020, 10, 1), D(2020, 10, 10), "part_of_month", True)),
    ("februāra beigās", {"default_year": 2021}, V(D(2021, 2, 21), D(2021, 2, 28), "part_of_month", True)),
    # seasons
    ("2020. gada pavasarī", {}, V(D(2020, 3, 1), D(2020, 5, 31), "season", True)),
    ("2020. gada vasarā", {}, V(D(2020, 6, 1), D(2020, 8, 31), "season", True)),
    ("2020. gada rudenī", {}, V(D(2020, 9, 1), D(2020, 11, 30), "season", True)),
    ("2020. gada ziemā", {}, V(D(2019, 12, 1), D(2020, 2, 29), "season", True)),
    ("rudenī", {"default_year": 2020}, V(D(2020, 9, 1), D(2020, 11, 30), "season", True)),
    ("vasarā", {"period": (D(2020, 10, 1), D(2021, 9, 30))}, V(D(2021, 6, 1), D(2021, 8, 31), "season", True)),
]


@pytest.mark.parametrize("text,kw,expected", CASES, ids=[c[0] for c in CASES])
def test_normalize_date(text, kw, expected):
    assert normalize_date(text, **kw) == expected


@pytest.mark.parametrize("text,kw", [
    ("19.12", {}),  # no year anywhere
    ("oktobrī", {}),
    ("31.02.2020", {}),  # no such day
    ("Maija", {"default_year": 2020}),  # a first name, not the month
    ("3,5 milj. eiro", {}),
    ("", {}),
    ("biedrība Mrija", {}),
])
def test_not_a_date(text, kw):
    assert normalize_date(text, **kw) is None


def test_normalize_dates_list():
    assert normalize_dates("06. un 19.12", default_year=2020) == [V(D(2020, 12, 6)), V(D(2020, 12, 19))]
    assert normalize_dates("2023. gada maijā un jūnijā") == [V(D(2023, 5, 1), D(2023, 5, 31), "month"),
                                                            V(D(2023, 6, 1), D(2023, 6, 30), "month")]
    # months written out of order are two dates, not a list running backwards
    assert len(find_dates("2023. gada decembrī un janvārī")) == 2
    assert normalize_dates("2020. gada 6., 12. un 19. decembrī") == [
        V(D(2020, 12, 6)), V(D(2020, 12, 12)), V(D(2020, 12, 19))]
    assert normalize_dates("19.-23.12.20.") == [V(D(2020, 12, 19), D(2020, 12, 23))]


def test_iso_helper():
    assert normalize_date("2021. gada sākumā").iso() == "2021-01-01/2021-04-30"
    assert normalize_date("20.10.2020.").iso() == "2020-10-20"


FIND_CASES = [
    ("Delegācija notika 2019. gada 12. augustā Rīgā.", {},
     [("2019. gada 12. augustā", V(D(2019, 8, 12)))]),
    ("Projekts ilga no 19. līdz 23. decembrim, atskaite 20.01.2021.", {"default_year": 2020},
     [("no 19. līdz 23. decembrim", V(D(2020, 12, 19), D(2020, 12, 23))),
      ("20.01.2021.", V(D(2021, 1, 20)))]),
    ("Tikšanās 06. un 19.12 Daugavpilī.", {"period": (D(2020, 11, 1), D(2021, 1, 31))},
     [("06. un 19.12", V(D(2020, 12, 6), D(2020, 12, 19)))]),
    # the last explicit year in the text is used for a later yearless date
    ("2020. gadā biedrība rīkoja koncertu oktobrī un izstādi 5. novembrī.", {},
     [("2020. gadā", V(D(2020, 1, 1), D(2020, 12, 31), "year")),
      ("oktobrī", V(D(2020, 10, 1), D(2020, 10, 31), "month")),
      ("5. novembrī", V(D(2020, 11, 5)))]),
    ("Maija Kalniņa saņēma 3.5 milj. eiro un 2020 balsis.", {"default_year": 2020}, []),
    ("Augusts Bērziņš ieradās 2021. gada sākumā.", {},
     [("2021. gada sākumā", V(D(2021, 1, 1), D(2021, 4, 30), "part_of_year", True))]),
    ("Pagājušā gada beigās nekas nenotika.", {"default_year": 2020}, []),
    ("Posms 20.10.2020. – 20.01.2021. noslēdzās.", {},
     [("20.10.2020. – 20.01.2021.", V(D(2020, 10, 20), D(2021, 1, 20)))]),
    ("Nometne notiks vasarā un rudenī.", {},  # no year available: skipped
     []),
    # lists of years are one span from the first to the last year
    ("Pasākumi notika 2020. un 2021. gadā.", {},
     [("2020. un 2021. gadā", V(D(2020, 1, 1), D(2021, 12, 31), "year"))]),
    ("Dati par 2010., 2011. un 2012.gadā sniegtajiem pakalpojumiem.", {},
     [("2010., 2011. un 2012.gadā", V(D(2010, 1, 1), D(2012, 12, 31), "year"))]),
    # ... but dates that each write their own month or year word are dates of their own
    ("Sacensības notika 20. aprīlī un 21. aprīlī.", {"default_year": 2020},
     [("20. aprīlī", V(D(2020, 4, 20))), ("21. aprīlī", V(D(2020, 4, 21)))]),
    ("Salīdzināja 1999. gadu un 2005. gadu.", {},
     [("1999. gadu", V(D(1999, 1, 1), D(1999, 12, 31), "year")),
      ("2005. gadu", V(D(2005, 1, 1), D(2005, 12, 31), "year"))]),
    # "this year" before a yearless date belongs to its span; the year is the report's
    ("Atvēršanas svētki š.g. 15.novembrī plkst.14.00 grāmatnīcā.", {"default_year": 2021},
     [("š.g. 15.novembrī plkst.14.00", V(D(2021, 11, 15)))]),
    ("Šā gada maijā notika forums.", {"default_year": 2022},
     [("Šā gada maijā", V(D(2022, 5, 1), D(2022, 5, 31), "month"))]),
    ("Šogad februārī sākām.", {"default_year": 2023}, [("Šogad februārī", V(D(2023, 2, 1), D(2023, 2, 28), "month"))]),
    # centuries, in digits or Roman numerals, with a part (decade thirds, fuzzy) and open ends
    ("Pils celta 16. gadsimtā.", {}, [("16. gadsimtā", V(D(1501, 1, 1), D(1600, 12, 31), "year"))]),
    ("XIX gadsimta beigās te dzīvoja ebreji.", {},
     [("XIX gadsimta beigās", V(D(1871, 1, 1), D(1900, 12, 31), "year", True))]),
    ("Tradīcija nodzīvoja līdz 21. gadsimtam.", {},
     [("līdz 21. gadsimtam", DateValue(None, D(2100, 12, 31), "year", False))]),
    ("Piedalījās 21 gadsimta cilvēks.", {}, []),  # a count, not an ordinal
    # several centuries under one word: a range after a dash, else a list (one span each)
    ("Muzejā ir 17.-18. gs. mēbeles.", {}, [("17.-18. gs.", V(D(1601, 1, 1), D(1800, 12, 31), "year"))]),
    ("Zīmējumi no XVIII–XIX gadsimta.", {}, [("XVIII–XIX gadsimta", V(D(1701, 1, 1), D(1900, 12, 31), "year"))]),
    ("18. un 19. gs. māksla.", {}, [("18. un 19. gs.", V(D(1701, 1, 1), D(1900, 12, 31), "year"))]),
    # a season's two years: one span from the first to the second
    ("Līgas 2011./2012. gada sezonā uzvarēja.", {}, [("2011./2012. gada", V(D(2011, 1, 1), D(2012, 12, 31), "year"))]),
    # school years: 1 September to 31 August of the next year
    ("2022./2023. mācību gadā nodarbības apmeklēja 48 skolēni.", {},
     [("2022./2023. mācību gadā", V(D(2022, 9, 1), D(2023, 8, 31), "year"))]),
    ("Pulciņš darbojās 2021/22 m.g. visu gadu.", {}, [("2021/22 m.g.", V(D(2021, 9, 1), D(2022, 8, 31), "year"))]),
    ("Kopš 2020./2021. mācību gada skola strādā attālināti.", {},
     [("Kopš 2020./2021. mācību gada", DateValue(D(2020, 9, 1), None, "year", False))]),
    ("Tabulā 2021./2023. mācību gadā nav datu.", {}, []),  # not consecutive years: no school year
]


@pytest.mark.parametrize("text,kw,expected", FIND_CASES, ids=[c[0][:30] for c in FIND_CASES])
def test_find_dates(text, kw, expected):
    got = [(text[s:e], v) for s, e, v in find_dates(text, **kw)]
    assert got == expected


def test_find_dates_can_keep_yearless_spans():
    text = "Tikšanās 4.septembrī, bet izstāde oktobrī."
    assert find_dates(text) == []
    assert [(text[s:e], v) for s, e, v in find_dates(text, keep_unresolved=True)] == \
        [("4.septembrī", None), ("oktobrī", None)]


def test_normalize_date_year_list():
    assert normalize_date("2020. un 2021. gadā") == V(D(2020, 1, 1), D(2021, 12, 31), "year")


@pytest.mark.parametrize("text,kw,expected", [
    ("Birojs atrodas 11. novembra krastmalā un 13.janvāra ielā.", {"default_year": 2020}, []),
    ("24. Līdz 2015. gada 30. septembrim jāiesniedz.", {},  # a deadline: no start
     [("Līdz 2015. gada 30. septembrim", DateValue(None, D(2015, 9, 30), "day"))]),
    ("Bērns pirmā dzīves gada beigās sāk runāt.", {"default_year": 2020}, []),
    ("Atskaite jāiesniedz līdz gada beigām.", {"default_year": 2020},
     [("līdz gada beigām", DateValue(None, D(2020, 12, 31), "part_of_year", True))]),
    ("Tas notika 80. gadu beigās.", {"default_year": 2020}, []),
], ids=["street", "numbered-item", "life-year", "year-end", "decade-end"])
def test_find_dates_false_positives(text, kw, expected):
    assert [(text[s:e], v) for s, e, v in find_dates(text, **kw)] == expected


@pytest.mark.parametrize("text,expected", [
    ("1990. gados", V(D(1990, 1, 1), D(1999, 12, 31), "year")),
    ("1990. gadu sākumā", V(D(1990, 1, 1), D(1993, 12, 31), "year", True)),
    ("1990. gadu beigās", V(D(1997, 1, 1), D(1999, 12, 31), "year", True)),
    ("1980.–1990. gados", V(D(1980, 1, 1), D(1999, 12, 31), "year")),
    ("par 1990. gadu", V(D(1990, 1, 1), D(1990, 12, 31), "year")),
])
def test_decades(text, expected):
    assert normalize_date(text) == expected


def test_find_dates_short_day_month_needs_two_digits_or_dot():
    text = "Sēde 12.03.2021 plkst. 14:30, telpa 3.12; nākamā 3.12. un 04.12"
    got = [text[s:e] for s, e, _ in find_dates(text)]
    assert got == ["12.03.2021 plkst. 14:30", "3.12. un 04.12"]  # a clock time joins its day
    assert normalize_date("3.12", default_year=2021) == V(D(2021, 12, 3))  # a whole text: accepted


# "kopš"/"sākot ar" before a single date: a period with no end; "līdz": one with no start.
# The words belong to the span (as FullStack marks them, and as "no" belongs to a range).
OPEN_CASES = [
    ("Biedrība darbojas kopš 2019. gada.", {},
     [("kopš 2019. gada", DateValue(D(2019, 1, 1), None, "year"))]),
    ("Kopš 2020. gada 1. oktobra notiek nodarbības.", {},
     [("Kopš 2020. gada 1. oktobra", DateValue(D(2020, 10, 1), None, "day"))]),
    ("Sākot ar 2020. gada oktobri, tikšanās notiek katru nedēļu.", {},
     [("Sākot ar 2020. gada oktobri", DateValue(D(2020, 10, 1), None, "month"))]),
    ("Pieteikties var līdz 31.03.2021.", {},
     [("līdz 31.03.2021.", DateValue(None, D(2021, 3, 31), "day"))]),
    ("Projekts turpināsies līdz pat 2021. gada beigām.", {},
     [("līdz pat 2021. gada beigām", DateValue(None, D(2021, 12, 31), "part_of_year", True))]),
    ("kopš oktobra", {"default_year": 2020},  # the year still comes from the context
     [("kopš oktobra", DateValue(D(2020, 10, 1), None, "month"))]),
    ("Projekts ilga no 19. līdz 23. decembrim.", {"default_year": 2020},
     [("no 19. līdz 23. decembrim", V(D(2020, 12, 19), D(2020, 12, 23)))]),
    ("Viens no 2019. gada projektiem.", {},  # "no" alone opens nothing
     [("2019. gada", V(D(2019, 1, 1), D(2019, 12, 31), "year"))]),
]


@pytest.mark.parametrize("text,kw,expected", OPEN_CASES, ids=[c[0][:30] for c in OPEN_CASES])
def test_open_periods(text, kw, expected):
    assert [(text[s:e], v) for s, e, v in find_dates(text, **kw)] == expected


def test_open_period_iso_and_bounds():
    since = normalize_date("kopš 2019. gada")
    assert since.iso() == "2019-01-01/.." and since.bounds() == ("2019-01-01", None)
    until = normalize_date("līdz 2021. gada 31. martam")
    assert until.iso() == "../2021-03-31" and until.bounds() == (None, "2021-03-31")


# A clock time or a part of the day after a day joins the date's span (FullStack marks 16 of
# 17 clock times so); the value stays the day, and a clock time is never read as a day and
# month ("10.10").
CLOCK_CASES = [
    ("Seminārs notiks 2020. gada 5. decembrī plkst. 14.00 Rēzeknē.", {},
     [("2020. gada 5. decembrī plkst. 14.00", V(D(2020, 12, 5)))]),
    ("Sapulce 6.12.2020. plkst.10:30–12:00 zālē.", {}, [("6.12.2020. plkst.10:30–12:00", V(D(2020, 12, 6)))]),
    ("Tikšanās 15.novembrī pulksten 11.00.", {"default_year": 2020}, [("15.novembrī pulksten 11.00", V(D(2020, 11, 15)))]),
    ("Sapulce 6.12.2020. plkst. 10.10, nākamā 7.12.2020.", {},
     [("6.12.2020. plkst. 10.10", V(D(2020, 12, 6))), ("7.12.2020.", V(D(2020, 12, 7)))]),
    ("Sākums plkst. 10.10 zālē.", {"default_year": 2020}, []),
    ("2020. gadā plkst. 10.00 sākās darbs.", {}, [("2020. gadā", V(D(2020, 1, 1), D(2020, 12, 31), "year"))]),
    # "ap" brings a clock time in only after a day; alone it may be an amount
    ("15. aprīlī ap 6.30 konstatēts ugunsgrēks.", {"default_year": 2020},
     [("15. aprīlī ap 6.30", V(D(2020, 4, 15)))]),
    ("2020. gadā ap 3.50 km.", {}, [("2020. gadā", V(D(2020, 1, 1), D(2020, 12, 31), "year"))]),
    # right after a day no clock word is needed (FullStack train 11 of 11), unless it is an amount
    ("Koncerts 12. jūlijā 14.00 Doma laukumā.", {"default_year": 2020}, [("12. jūlijā 14.00", V(D(2020, 7, 12)))]),
    ("Darbnīca 12. jūlijā 14.00–16.00 zālē.", {"default_year": 2020},
     [("12. jūlijā 14.00–16.00", V(D(2020, 7, 12)))]),
    ("Samaksāts 2021. gada 5. maijā 12.50 EUR.", {}, [("2021. gada 5. maijā", V(D(2021, 5, 5)))]),
    ("Periods 01.02.2021. 31.12.2021.", {}, [("01.02.2021.", V(D(2021, 2, 1))), ("31.12.2021.", V(D(2021, 12, 31)))]),
    # a part of the day belongs to the day's span (FullStack train 8 of 8)
    ("Tas notika 27. februāra vakarā plkst. 19.30.", {"default_year": 2020},
     [("27. februāra vakarā plkst. 19.30", V(D(2020, 2, 27)))]),
    ("15. jūlija naktī zagļi ielauzās.", {"default_year": 2020}, [("15. jūlija naktī", V(D(2020, 7, 15)))]),
]


@pytest.mark.parametrize("text,kw,expected", CLOCK_CASES, ids=[c[0][:30] for c in CLOCK_CASES])
def test_clock_times(text, kw, expected):
    assert [(text[s:e], v) for s, e, v in find_dates(text, **kw)] == expected


# A clock time standing alone (FullStack train marks clock times as time expressions): after
# a clock word the hour alone will do; without one only "H:MM", "no H.MM līdz H.MM" or an hour
# on the dot ("20.00") that no currency or lower-case word follows, since "12.50" may be a
# price. One after a day is left to find_dates.
@pytest.mark.parametrize("text, expected", [
    ("Sapulce sāksies plkst. 14.00 zālē.", ["plkst. 14.00"]),
    ("Tikšanās pulksten 11 pie domes.", ["pulksten 11"]),
    ("Konsultācijas no plkst.11 līdz 15 katru dienu.", ["no plkst.11 līdz 15"]),
    ("Darba laiks no 9.00 līdz 12.30.", ["no 9.00 līdz 12.30"]),
    ("Laiks: 12:35, 10:30–12:00.", ["12:35", "10:30–12:00"]),
    ("Biļete maksā 12.50 EUR.", []),
    ("Koncerts sāksies 20.00 Mārkalnes estrādē.", ["20.00"]),
    ("Darba laiks 9.00–17.30.", ["9.00–17.30"]),
    ("Biļete maksā 12.00 EUR, abonements 20.00 eiro, atlaide 10.00 %.", []),
    ("Atlikums uz gada beigām 12.50.", []),
    ("Spēle beidzās 3:1.", []),
    # a day of the week is a time expression of its own, also before a day
    ("Piektdien ielikti logi, sestdien, 21. novembrī, svētki.", ["Piektdien", "sestdien"]),
    ("Pirmdienas rītā un svētdienas skolā.", []),
    ("Plkst. 25.00 nav pulksteņa laiks.", []),
])
def test_clock_times_and_weekdays_alone(text, expected):
    from nlp.entities.dates import find_undated_times

    assert [text[s:e] for s, e in find_undated_times(text)] == expected
