"""Latvian tokenizer rules (LVTB conventions), table-driven."""
import pytest


@pytest.mark.parametrize("text, tokens", [
    ("2021. gada sākumā", ["2021.", "gada", "sākumā"]),
    ("2019. gada 12. augustā", ["2019.", "gada", "12.", "augustā"]),
    ("ieguva 3. vietu", ["ieguva", "3.", "vietu"]),
    ("piedalījās 25. Nākamajā", ["piedalījās", "25", ".", "Nākamajā"]),
    # an item number after a sentence's end is one token (LVTB); at a line start it stays two
    ("apmērā. 6. Šo noteikumu", ["apmērā", ".", "6.", "Šo", "noteikumu"]),
    ("Rezultāti.\n1. Apzinātas", ["Rezultāti", ".", "1", ".", "Apzinātas"]),
    ("līdz 2019. Tad", ["līdz", "2019", ".", "Tad"]),
    ("2020.gads", ["2020.", "gads"]),
    ("12.08.2019. – 31.10.2020.", ["12.08.2019.", "–", "31.10.2020."]),
    ("no 19.-23.12.20. noorganizēti", ["no", "19.-23.12.20.", "noorganizēti"]),
    ("10.01.21. (141", ["10.01.21.", "(", "141"]),
    ("19 999,36 euro", ["19 999,36", "euro"]),
    ("peļņa 6 792 941 lats", ["peļņa", "6 792 941", "lats"]),
    # only groups of three digits after a single space: two numbers stay two
    ("1 00 gramu, 2019 2020, 3 100", ["1", "00", "gramu", ",", "2019", "2020", ",", "3 100"]),
    ("12\n000", ["12", "000"]),
    ("3,5 stundas", ["3,5", "stundas"]),
    ("medijos u.c., kā arī", ["medijos", "u.c.", ",", "kā", "arī"]),
    ("t.sk. 12", ["t.sk.", "12"]),
    ("Nr. 2", ["Nr.", "2"]),
    ("grāmatas utt.", ["grāmatas", "utt."]),
    ("2021. g. plkst. 10:00", ["2021.", "g.", "plkst.", "10:00"]),
    ("sākums plkst.14.40, beigas Plkst.9", ["sākums", "plkst.", "14.40", ",", "beigas", "Plkst.", "9"]),
    ("Dz. Kalniņa un Dž. Bērziņš", ["Dz.", "Kalniņa", "un", "Dž.", "Bērziņš"]),  # digraph initials
    ("A.Stepanova grāmata", ["A.", "Stepanova", "grāmata"]),
    ("Cēsu Sv. Jāņa baznīcā", ["Cēsu", "Sv.", "Jāņa", "baznīcā"]),   # LVTB writes "Sv." as one token
    ("A. Stepanova grāmata", ["A.", "Stepanova", "grāmata"]),
    ("Biedrība „Dienvidlatgales centrs”", ["Biedrība", "„", "Dienvidlatgales", "centrs", "”"]),
    ("studijai “Joriks” –", ["studijai", "“", "Joriks", "”", "–"]),
    ("mājaslapā (www.nvoc.lv) un", ["mājaslapā", "(", "www.nvoc.lv", ")", "un"]),
    ("Sīkāk http://biblio.kuldiga.lv/. Studija", ["Sīkāk", "http://biblio.kuldiga.lv/", ".", "Studija"]),
    ("raksti info@nvo.lv!", ["raksti", "info@nvo.lv", "!"]),
    ("facebook.com/kurzemesnvo;", ["facebook.com/kurzemesnvo", ";"]),
    ("Kā tā?! Nezinu!? Jā!", ["Kā", "tā", "?!", "Nezinu", "!?", "Jā", "!"]),
    # LVTB keeps a hyphenated word whole, but not after a genitive, where it joins two words
    ("Vīķe-Freiberga sūta e-pastu", ["Vīķe-Freiberga", "sūta", "e-pastu"]),
    ("Latvijas-Igaunijas robeža", ["Latvijas", "-", "Igaunijas", "robeža"]),
    ("3–4 reizes, 3-4 reizes", ["3", "–", "4", "reizes", ",", "3", "-", "4", "reizes"]),
    ("direktīva 80/987, rezultāts 46:47, sākums 13:00.", ["direktīva", "80", "/", "987", ",", "rezultāts", "46", ":",
                                                         "47", ",", "sākums", "13:00", "."]),
    ("Re&Re un A.A. Bērziņš", ["Re", "&", "Re", "un", "A.", "A.", "Bērziņš"]),
    ("8.a klase", ["8.", "a", "klase"]),
    ("2006.-2012. un 2007./08. gadā", ["2006.", "-", "2012.", "un", "2007.", "/", "08.", "gadā"]),
    ("1., 2. un 3. augustā", ["1.", ",", "2.", "un", "3.", "augustā"]),
    ("1999. – 2000. gadā", ["1999.", "–", "2000.", "gadā"]),
    ("groza šādi: 1. Direktīvas", ["groza", "šādi", ":", "1.", "Direktīvas"]),
    ('aizstāj." 2. Direktīvas', ["aizstāj", ".", '"', "2.", "Direktīvas"]),
    ("gribu runāt- nē, -jā /A. Puškaitis./", ["gribu", "runāt", "-", "nē", ",", "-", "jā", "/", "A.", "Puškaitis", ".",
                                               "/"]),
    ('Valmiera"pildot līgumu Nr.4', ["Valmiera", '"', "pildot", "līgumu", "Nr.", "4"]),
    ("vertikālā [38.]. Medaļas (2005., 2010.).", ["vertikālā", "[", "38.", "]", ".", "Medaļas", "(", "2005.", ",",
                                                  "2010.", ")", "."]),
    # spaCy's emoticons "0:1", "8)", "):" are a score, a list item and punctuation here; a
    # score's colon opens no list item ("46:47. Viesi"), while ":)" stays an emoticon
    ("zaudēja 0:1 un 46:47. Viesi: 8) apkopot (ēdieniem): divus :)",
     ["zaudēja", "0", ":", "1", "un", "46", ":", "47", ".", "Viesi", ":", "8", ")", "apkopot", "(", "ēdieniem", ")",
      ":", "divus", ":)"]),
    ("Beigas. Sākums [..] mob. 29240290, a/s Latvijas Gāze", ["Beigas", ".", "Sākums", "[..]", "mob.", "29240290", ",",
                                                           "a/s", "Latvijas", "Gāze"]),
])
def test_tokens(nlp_pipeline, text, tokens):
    assert [t.text for t in nlp_pipeline(text) if not t.is_space] == tokens


@pytest.mark.parametrize("word, expected", [
    ("trīs", True), ("divām", True), ("divdesmit", True), ("simts", True), ("tūkstoši", True),
    ("12", True), ("1,5", True), ("dalībnieki", False), ("gada", False),
])
def test_like_num(nlp_pipeline, word, expected):
    assert nlp_pipeline.make_doc(word)[0].like_num is expected


@pytest.mark.parametrize("backend", ["lexicon", "core"])
def test_a_run_of_question_and_exclamation_marks_ends_a_sentence(backend):
    from nlp import load

    doc = load(backend, ner=False)("Kā tā?! Notika 5 semināri. Vai tiešām?! - Jā, tā pati, kas vakar.")
    assert [s.text.strip() for s in doc.sents] == [
        "Kā tā?!", "Notika 5 semināri.", "Vai tiešām?!", "- Jā, tā pati, kas vakar."]


@pytest.mark.parametrize("text, sentences", [
    # a quote against the final mark closes the sentence; the next quote opens one
    ('"Kāpēc?" "Tās ir ceļā." Vida klusēja.', ['"Kāpēc?"', '"Tās ir ceļā."', "Vida klusēja."]),
    ("Gatavs!” – „Nav gan!”", ["Gatavs!”", "– „Nav gan!”"]),
    # a dash before a lower-case word goes on with the sentence
    ("- Gribi uzsmēķēt? - es jautāju. - Nē.", ["- Gribi uzsmēķēt? - es jautāju.", "- Nē."]),
    ("Nezinu... Varbūt rīt.", ["Nezinu...", "Varbūt rīt."]),
    # a list closed by "u.c." ends its sentence before a capital, not before a number
    ("Gatavoja galdu, krēslu u.c. Arī zīmēja.", ["Gatavoja galdu, krēslu u.c.", "Arī zīmēja."]),
    ("Notika semināri u.c. 2021. gadā.", ["Notika semināri u.c. 2021. gadā."]),
    ("Tā ir jāorganizē. [..] Laiki mainās.", ["Tā ir jāorganizē.", "[..] Laiki mainās."]),
])
def test_sentences_end_at_quotes_and_dialogue_dashes(text, sentences):
    from nlp import load

    for backend in ("lexicon", "core"):  # the parser parses within these sentences
        assert [s.text.strip() for s in load(backend, ner=False)(text).sents] == sentences


def test_sentences_split_at_lines_and_full_stops_not_abbreviations(nlp_pipeline):
    doc = nlp_pipeline("Notika 5 semināri u.c. pasākumi. Tajos piedalījās A. Bērziņa.\n2) Sniegtas 12 konsultācijas")
    assert [s.text.strip() for s in doc.sents] == [
        "Notika 5 semināri u.c. pasākumi.", "Tajos piedalījās A. Bērziņa.", "2) Sniegtas 12 konsultācijas"]
