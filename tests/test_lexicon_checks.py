"""The lexicon behind every backend: the hunspell-lv backoff for unseen forms, and its checks of a trained model's tags."""
import pytest

from nlp.morphology.hunspell import HunspellLv, learn_edits, lemmas
from nlp.morphology.lexicon import load_lexicon

# A miniature of hunspell-lv: a 1st-declension noun, a verb with a reflexive continuation
# class and a reflexive class, the negation prefix, and an entry that needs an affix to be a word.
AFF = """SET UTF-8
NEEDAFFIX {
PFX - Y 1
PFX - 0 ne .
SFX o Y 3
SFX o s a s is:vpg
SFX o s i s is:dpn
SFX o s u s is:vpa
SFX v Y 2
SFX v t ja/r t
SFX v t ju t
SFX r Y 1
SFX r 0 s a
SFX n Y 1
SFX n 0 a [^a]
SFX f Y 2
SFX f t jas t
SFX f t jos t
"""
DIC = """6
abaks/o po:lietv1r
mazgāt/v-f po:darbv22t
ģērbt/f po:darbv14t
krēsls/o po:lietv1r
nabag/n{ po:lietv1r
"""


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hunspell")
    (folder / "lv.aff").write_text(AFF, encoding="utf-8")
    (folder / "lv.dic").write_text(DIC, encoding="utf-8")
    return HunspellLv(folder / "lv.aff", folder / "lv.dic")


@pytest.mark.parametrize("form, stem, prefix, derivation", [
    ("abaks", "abaks", "", ""),
    ("abaka", "abaks", "", "o0"),
    ("abaki", "abaks", "", "o1"),
    ("mazgāja", "mazgāt", "", "v0"),
    ("mazgājas", "mazgāt", "", "v0+r0"),        # twofold: reflexive continuation
    ("nemazgāju", "mazgāt", "ne", "-0|v1"),       # prefix crossed with a suffix
    ("nabaga", "nabag", "", "n0"),
])
def test_forms_are_traced_to_their_dictionary_entry(mini, form, stem, prefix, derivation):
    assert (stem, prefix, derivation) in {(a.stem, a.prefix, a.derivation) for a in mini.analyses(form)}


def test_forms_listed_one_by_one_take_the_nominative_of_their_paradigm():
    from nlp.morphology.hunspell import _paradigm_headwords

    # (flags, part-of-speech code) readings, as HunspellLv reads them from the .dic
    entries = {form: (("=", "lietv2f"),) for form in ("viesis", "viesi", "viesiem", "viesu", "viesus")}
    entries |= {form: (("=", "lietv1f"),) for form in ("puika", "puikas", "puikām")}  # no nominative in "-s"
    entries |= {"abpus": (("=", "apstv"),)}  # an uninflected word, no paradigm
    assert _paradigm_headwords(entries) == {"viesi": "viesis", "viesiem": "viesis", "viesu": "viesis", "viesus": "viesis"}


@pytest.mark.parametrize("form", ["nabag", "abakx", "neabaka", "krēslu0"])
def test_non_words_have_no_analysis(mini, form):
    # "nabag" needs an affix; "ne-" is not allowed on the noun entries
    assert mini.analyses(form) == []


def test_lemma_edits_are_learnt_per_derivation(mini):
    treebank = [("abaka", "abaks", "NOUN", ""), ("abaki", "abaks", "NOUN", ""),
                ("mazgājas", "mazgāties", "VERB", ""), ("nemazgāju", "mazgāt", "VERB", "")]
    edits = learn_edits(mini, treebank)
    # an unseen noun of the same class, and an unseen reflexive form of the verb
    assert lemmas(mini, edits, "krēsli")[0][:2] == ("krēsls", "NOUN")
    assert lemmas(mini, edits, "krēsla")[0][:2] == ("krēsls", "NOUN")
    assert lemmas(mini, edits, "nemazgājas")[0][:2] == ("mazgāties", "VERB")


def test_an_unseen_derivation_takes_its_rule_class_edit_of_the_stem(mini):
    # the treebank shows the reflexive class "f" by its 3rd person only ("f0"): the 1st
    # person ("f1") rewrites the stem alike, stem + "ies", where the form's edit would differ
    edits = learn_edits(mini, [("ģērbjas", "ģērbties", "VERB", "")])
    assert "f1" not in edits["derivations"]
    assert lemmas(mini, edits, "mazgājos")[0][:2] == ("mazgāties", "VERB")
    assert lemmas(mini, edits, "ģērbjos")[0][:2] == ("ģērbties", "VERB")


@pytest.mark.parametrize("form, lemma", [
    # forms absent from LVTB train whose lemma the suffix guesser got wrong
    ("nenogrieza", "nogriezt"),   # negation is not part of a verb's lemma
    ("karaļa", "karalis"),
    ("hartu", "harta"),
    ("fāžu", "fāze"),
    ("atrodu", "atrast"),
    ("iedzēruši", "iedzert"),
    ("slotām", "slota"),
    ("virpuļu", "virpulis"),
    ("tvirtās", "tvirts"),        # "tvielties" (a verb reading) is no dictionary headword; "tvirts" is
    ("zeķēs", "zeķe"),            # likewise the verb "zeķēt", against the noun "zeķe"
    ("implanti", "implants"),
    # irregular nouns the dictionary lists form by form take their nominative
    ("viesiem", "viesis"),
    ("mesijām", "mesija"),
])
def test_shipped_lexicon_lemmatises_unseen_forms(form, lemma):
    lexicon = load_lexicon()
    assert not lexicon.known(form)
    assert lexicon.best(form).lemma == lemma


@pytest.mark.parametrize("word, model_upos, upos, lemma", [
    ("atrodu", "NOUN", "VERB", "atrast"),         # the dictionary reads it only as a verb
    ("spiegdamas", "ADJ", "VERB", "spiegt"),
    ("fāžu", "NOUN", "NOUN", "fāze"),             # agrees: only the lemma is the dictionary's
    ("Riekstiņa", "PROPN", "PROPN", "Riekstiņa"),  # names are not the dictionary's business
    ("aizvestie", "ADJ", "VERB", "aizvest"),       # a participle: LVTB tags it VERB, the verb's lemma
    ("paplašinātiem", "ADJ", "VERB", "paplašināt"),
    ("hormonālais", "ADJ", "ADJ", "hormonāls"),    # its VERB reading ("hormbūt") is no dictionary verb
    ("pārtrūka", "NOUN", "VERB", "pārtrūkt"),      # the noun reading "pārtrūks" is no headword
    ("dabūšu", "NOUN", "VERB", "dabūt"),
    ("zeķēs", "NOUN", "NOUN", "zeķe"),             # "zeķe" is a listed noun: the model's reading stays
    ("brūnā", "VERB", "ADJ", "brūns"),             # no verb reading at all: the listed adjective
    ("burzījās", "NOUN", "VERB", "burzīties"),     # a reflexive verb, listed under "burzīt"
    ("sīka", "ADJ", "ADJ", "sīks"),                # a listed adjective stays one, though "sīkt" is a verb
    ("Dinaz", "SYM", "PROPN", "Dinaz"),            # a capitalised word is no symbol
    ("b", "SYM", "SYM", "b"),                      # a list marker is
    ("detalizētākos", "VERB", "ADJ", "detalizēts"),  # a participle's comparative is an adjective
    ("aizraujošākais", "VERB", "ADJ", "aizraujošs"),
    ("patīkamo", "VERB", "ADJ", "patīkams"),       # a present passive participle the treebank has as an adjective
    ("sasniedzamajām", "VERB", "VERB", "sasniegt"),  # and one it has not
    ("sarkans", "NOUN", "ADJ", "sarkans"),         # the form is itself an adjective entry
    ("šorīt", "VERB", "ADV", "šorīt"),             # and an adverb entry
    ("nekonkrēts", "VERB", "ADJ", "nekonkrēts"),   # an adjective entry with "ne-" (no verb "konkrēts")
    ("devītā", "NUM", "ADJ", "devītais"),          # an ordinal: ADJ, the masculine definite lemma
    ("divdesmitajos", "ADJ", "ADJ", "divdesmitais"),
    ("simtos", "NOUN", "NOUN", "simts"),           # a form of the noun, not of the ordinal
])
def test_trained_models_tags_of_unseen_words_are_checked_against_the_dictionary(word, model_upos, upos, lemma):
    import spacy
    from spacy.tokens import Doc

    from nlp.morphology.component import LexiconMorph

    doc = Doc(spacy.blank("lv").vocab, words=[word])
    doc[0].pos_, doc[0].lemma_ = model_upos, word
    LexiconMorph()(doc)
    assert (doc[0].pos_, doc[0].lemma_) == (upos, lemma)


def test_a_tag_changed_by_the_dictionary_gets_features_of_its_own():
    import spacy
    from spacy.tokens import Doc

    from nlp.morphology.component import LexiconMorph

    doc = Doc(spacy.blank("lv").vocab, words=["pārtrūka"])
    doc[0].pos_ = "NOUN"
    doc[0].set_morph("Case=Gen|Gender=Masc|Number=Sing")  # the model's, for a noun
    LexiconMorph()(doc)
    assert doc[0].pos_ == "VERB" and "Tense=Past" in str(doc[0].morph) and "Case" not in str(doc[0].morph)


def test_an_unknown_capitalised_word_inside_a_sentence_is_a_name():
    import spacy
    from spacy.tokens import Doc

    from nlp.morphology.component import LexiconMorph

    doc = Doc(spacy.blank("lv").vocab, words=["Bille", "satika", "Billi", "un", "Taimanu", "ar", "Vīru"],
              sent_starts=[True] + [False] * 6)
    LexiconMorph()(doc)
    assert doc[0].pos_ != "PROPN"  # a sentence's first word: capitalised by position
    assert [(t.pos_, t.lemma_[:1]) for t in (doc[2], doc[4])] == [("PROPN", "B"), ("PROPN", "T")]
    assert doc[6].pos_ == "NOUN"  # a word the treebank knows keeps its reading


def test_an_unseen_number_with_its_ordinal_dot_is_an_ordinal_adjective():
    import spacy
    from spacy.tokens import Doc

    from nlp.morphology.component import LexiconMorph

    lexicon = load_lexicon()
    assert not lexicon.known("1816.") and lexicon.best("1816.").upos == "ADJ"
    doc = Doc(spacy.blank("lv").vocab, words=["1816.", "1816"])
    doc[0].pos_ = doc[1].pos_ = "NUM"  # what the trained model says
    LexiconMorph()(doc)
    assert (doc[0].pos_, doc[0].lemma_, str(doc[0].morph)) == ("ADJ", "1816.", "NumType=Ord")
    assert doc[1].pos_ == "NUM"


@pytest.mark.parametrize("number", ["6 792 941", "245 208", "4711", "12,75"])
def test_an_unseen_number_without_a_dot_is_a_cardinal(number):
    import spacy
    from spacy.tokens import Doc

    from nlp.morphology.component import LexiconMorph

    lexicon = load_lexicon()
    assert not lexicon.known(number)
    assert (lexicon.best(number).upos, lexicon.best(number).feats) == ("NUM", "NumType=Card")  # lexicon backend
    doc = Doc(spacy.blank("lv").vocab, words=[number])
    doc[0].pos_ = "SYM"  # what the trained model said for "245 208"
    LexiconMorph()(doc)
    assert (doc[0].pos_, doc[0].lemma_, str(doc[0].morph)) == ("NUM", number, "NumType=Card")


@pytest.mark.parametrize("word, model_upos, lemma", [
    ("DNVOAC", "NOUN", "DNVOAC"),     # an acronym the dictionary does not know keeps its capitals
    ("SIA", "NOUN", "SIA"),           # ... also one the treebank lemmatises both ways
    ("KRĀSAS", "NOUN", "krāsa"),      # a dictionary word in capitals (a heading) does not
    ("EUR", "PROPN", "EUR"),          # ... but one the dictionary lists in capitals does
    ("Sharks", "X", "Sharks"),        # a foreign word stays as written
    ("Group", "X", "Group"),          # ... also one the treebank has seen (its lexicon lemma is "group")
])
def test_acronyms_and_foreign_words_keep_their_spelling(word, model_upos, lemma):
    import spacy
    from spacy.tokens import Doc

    from nlp.morphology.component import LexiconMorph

    doc = Doc(spacy.blank("lv").vocab, words=[word])
    doc[0].pos_, doc[0].lemma_ = model_upos, word.lower()  # what the trained lemmatizer gives
    LexiconMorph()(doc)
    assert doc[0].lemma_ == lemma


@pytest.mark.parametrize("word, upos", [
    ("Gafanovičs", "PROPN"),   # a capitalised "foreign word" in Latvian letters is a name
    ("Moše", "PROPN"),
    ("Lusvulpen", "X"),        # ... one without them stays foreign
])
def test_an_unseen_foreign_word_in_latvian_letters_is_a_name(word, upos):
    import spacy
    from spacy.tokens import Doc

    from nlp.morphology.component import LexiconMorph

    doc = Doc(spacy.blank("lv").vocab, words=[word])
    doc[0].pos_, doc[0].lemma_ = "X", word
    LexiconMorph()(doc)
    assert (doc[0].pos_, doc[0].lemma_) == (upos, word)


@pytest.mark.parametrize("word, model_upos, upos, lemma", [
    ("un", "NOUN", "CCONJ", "un"),                    # a tag the treebank never gave the form
    ("dalībniekiem", "VERB", "NOUN", "dalībnieks"),
    ("dalībniekiem", "NOUN", "NOUN", "dalībnieks"),   # agrees: kept
])
def test_trained_models_tags_of_seen_words_are_checked_against_the_treebank(word, model_upos, upos, lemma):
    import spacy
    from spacy.tokens import Doc

    from nlp.morphology.component import LexiconMorph

    doc = Doc(spacy.blank("lv").vocab, words=[word])
    doc[0].pos_, doc[0].lemma_ = model_upos, word
    LexiconMorph()(doc)
    assert (doc[0].pos_, doc[0].lemma_) == (upos, lemma)


@pytest.mark.parametrize("word, model_lemma, lemma", [
    ("Vida", "vida", "Vida"),      # a name that is also a common word's form keeps its capital
    ("Rasma", "Rasma", "Rasma"),
])
def test_a_proper_nouns_lemma_keeps_its_capital(word, model_lemma, lemma):
    import spacy
    from spacy.tokens import Doc

    from nlp.morphology.component import LexiconMorph

    doc = Doc(spacy.blank("lv").vocab, words=[word, "nerunāja"])
    doc[0].pos_, doc[0].lemma_ = "PROPN", model_lemma
    doc[1].pos_, doc[1].lemma_ = "VERB", "nerunāt"
    LexiconMorph()(doc)
    assert (doc[0].pos_, doc[0].lemma_) == ("PROPN", lemma)


@pytest.mark.parametrize("word, feats, lemma", [
    ("Trikātas", "Case=Gen|Gender=Fem|Number=Sing", "Trikāta"),
    ("Zilupi", "Case=Acc|Gender=Fem|Number=Sing", "Zilupe"),
    ("Rokfelleram", "Case=Dat|Gender=Masc|Number=Sing", "Rokfellers"),
    ("Jafā", "Case=Loc|Gender=Fem|Number=Sing", "Jafa"),
    ("Rimša", "Case=Gen|Gender=Masc|Number=Sing", "Rimša"),   # "-a" is also a nominative: kept
    ("Kasparoviči", "Case=Nom|Gender=Masc|Number=Plur", "Kasparoviči"),  # plurals: kept
])
def test_an_unseen_name_the_lemmatizer_kept_as_written_takes_its_nominative(word, feats, lemma):
    import spacy
    from spacy.tokens import Doc

    from nlp.morphology.component import LexiconMorph

    doc = Doc(spacy.blank("lv").vocab, words=[word])
    doc[0].pos_, doc[0].lemma_ = "PROPN", word
    doc[0].set_morph(feats)
    LexiconMorph()(doc)
    assert doc[0].lemma_ == lemma


def test_lexicon_without_the_dictionary_falls_back_to_suffix_guesses(tmp_path):
    import shutil

    from nlp.morphology.lexicon import DEFAULT_PATH, MorphLexicon

    shutil.copy(DEFAULT_PATH, tmp_path / "lexicon.json.gz")  # no hunspell/ folder beside it
    lexicon = MorphLexicon.from_disk(tmp_path / "lexicon.json.gz")
    assert lexicon.hunspell_lemmas("fāžu") == {}
    assert lexicon.best("fāžu").lemma != "fāze"  # the suffix guesser alone gets this one wrong
    assert lexicon.best("meistarklasēs").lemma == "meistarklase"


@pytest.mark.parametrize("xpos, lemma, upos, feats, expected", [
    # the tagger's XPOS agrees with UPOS and FEATS: it stays
    ("ncmsa1", "gals", "NOUN", "Case=Acc|Gender=Masc|Number=Sing", "ncmsa1"),
    ("zc", ",", "PUNCT", "", "zc"),
    # a feminine XPOS for a masculine accusative: the treebank's XPOS for it and the lemma's ending
    ("ncfsa4", "gals", "NOUN", "Case=Acc|Gender=Masc|Number=Sing", "ncmsa1"),
    ("ncmsa1", "glezna", "NOUN", "Case=Acc|Gender=Fem|Number=Plur", "ncfpa4"),
    # UPOS/FEATS the treebank never had: nothing to choose from, the tagger's XPOS stays
    ("ncmsa1", "gals", "NOUN", "Case=Foo", "ncmsa1"),
])
def test_xpos_follows_upos_and_feats(xpos, lemma, upos, feats, expected):
    assert load_lexicon().consistent_xpos(xpos, lemma, upos, feats) == expected


def test_a_taggers_xpos_is_made_consistent_in_the_pipeline():
    import spacy
    from spacy.tokens import Doc

    from nlp.morphology.component import LexiconMorph

    doc = Doc(spacy.blank("lv").vocab, words=["Biedrība", "rīkoja", "pasākumus"])
    for token, pos, tag, morph in zip(doc, ["NOUN", "VERB", "NOUN"], ["ncfsn4", "vmnist230an", "ncfpa4"],
                                      ["Case=Nom|Gender=Fem|Number=Sing",
                                       "Evident=Fh|Mood=Ind|Person=3|Polarity=Pos|Tense=Past|VerbForm=Fin|Voice=Act",
                                       "Case=Acc|Gender=Masc|Number=Plur"]):
        token.pos_, token.tag_ = pos, tag
        token.set_morph(morph)
    LexiconMorph()(doc)
    assert [t.tag_ for t in doc] == ["ncfsn4", "vmnist230an", "ncmpa1"]


@pytest.mark.parametrize("word, model_feats, feats", [
    # FEATS the treebank gave the form are kept, even a rarer reading
    ("gleznas", "Case=Acc|Gender=Fem|Number=Plur", "Case=Acc|Gender=Fem|Number=Plur"),
    # FEATS it never gave the form become the nearest it did
    ("pasākumus", "Case=Acc|Gender=Fem|Number=Plur", "Case=Acc|Gender=Masc|Number=Plur"),
    ("gleznas", "Case=Gen|Gender=Masc|Number=Sing", "Case=Gen|Gender=Fem|Number=Sing"),
])
def test_a_models_feats_are_checked_against_the_treebank(word, model_feats, feats):
    import spacy
    from spacy.tokens import Doc

    from nlp.morphology.component import LexiconMorph

    doc = Doc(spacy.blank("lv").vocab, words=[word])
    doc[0].pos_ = "NOUN"
    doc[0].set_morph(model_feats)
    LexiconMorph()(doc)
    assert str(doc[0].morph) == feats


@pytest.mark.parametrize("form, readings", [
    ("valstspilsētas", {"NOUN": "valstspilsēta"}),   # "valsts" + "pilsētas": a compound the dictionary lacks
    ("mākslasdarbi", {"NOUN": "mākslasdarbs"}),
    ("darbvietu", {"NOUN": "darbvieta"}),            # a first part without its ending: "darbs"
    ("piemiņlietas", {"NOUN": "piemiņlieta", "ADJ": "piemiņliets"}),  # "piemiņa"; its tail's guesses too
    ("čiekurkaltē", {"NOUN": "čiekurkalte", "ADJ": "čiekurkalts"}),  # "čiekurs": hunspell's, not LVTB's
    ("pulverveida", {"NOUN": "pulverveida"}),        # "of the kind": indeclinable, as written
    ("networking", {}),                              # no Latvian parts: no reading
])
def test_compounds_the_dictionary_lacks_are_read_as_their_last_word(form, readings):
    lexicon = load_lexicon()
    assert not lexicon.known(form)
    assert lexicon.hunspell_lemmas(form) == readings


@pytest.mark.parametrize("form, upos, lemma, feature", [
    # debitives: "jā" + the present tense; LVTB lemmatises them to the verb
    ("jānovērš", "VERB", "novērst", "Mood=Nec"),
    ("jāsēžas", "VERB", "sēsties", "Reflex=Yes"),
    ("jāatlaiž", "VERB", "atlaist", "Mood=Nec"),
    # superlatives: "vis" + the comparative; lemmatised to the plain adjective or adverb
    ("vistumšākajā", "ADJ", "tumšs", "Degree=Sup"),
    ("Visērtākie", "ADJ", "ērts", "Degree=Sup"),
])
def test_unseen_debitives_and_superlatives_are_read_through_their_base_word(form, upos, lemma, feature):
    lexicon = load_lexicon()
    assert not lexicon.known(form)
    best = lexicon.best(form)
    assert (best.upos, best.lemma) == (upos, lemma) and feature in best.feats.split("|")


@pytest.mark.parametrize("form", ["jāņogas", "visuaptverošā", "jānis"])
def test_words_that_only_begin_like_a_debitive_or_superlative_are_not_read_so(form):
    assert load_lexicon().prefixed(form) == []


@pytest.mark.parametrize("word, model_upos, lemma", [
    ("jānovērš", "VERB", "novērst"),        # the trained lemmatiser had kept the form
    ("viszemiskākā", "ADJ", "zemisks"),     # ... and had kept "vis": "viszemisks"
])
def test_trained_models_unseen_debitives_and_superlatives_take_the_base_words_lemma(word, model_upos, lemma):
    import spacy
    from spacy.tokens import Doc

    from nlp.morphology.component import LexiconMorph

    doc = Doc(spacy.blank("lv").vocab, words=[word])
    doc[0].pos_, doc[0].lemma_ = model_upos, word
    LexiconMorph()(doc)
    assert doc[0].lemma_ == lemma
