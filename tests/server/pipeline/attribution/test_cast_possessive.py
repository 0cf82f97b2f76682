from spacy.tokens import Doc, Span

from sourcelight.pipeline.attribution.cast import people_named
from sourcelight.pipeline.attribution.lexicon import load_lexicon
from sourcelight.pipeline.attribution.parser import load_parser


def test_a_possessive_the_recogniser_ran_into_a_name_does_not_break_the_article():
    # a real page's "…’s Clinton" came out of the recogniser as one person, its "’s" tagged as a
    # closing quotation mark: the article is still annotated, and Clinton is a person in it
    nlp = load_parser("en")
    doc = Doc(nlp.vocab, words=["’s", "Clinton", "campaign", "said", "so", "."])
    for token, tag in zip(doc, ["''", "NNP", "NN", "VBD", "RB", "."]):
        token.tag_ = tag
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert people_named([(doc, True)], load_lexicon("en")).get("Clinton") == "Clinton"


def _parsed_as_body(text: str, name_tokens: int = 1):
    doc = load_parser("en")(text)
    doc.ents = [Span(doc, 0, name_tokens, label="ORG")]
    return doc


def test_a_name_taken_for_a_company_that_speaks_about_her_own_things_is_a_person():
    # "Lovato has previously spoken out about her body image": the recogniser's company is a
    # person, whose later "Lovato said" is hers
    doc = _parsed_as_body("Castellano has previously spoken out about her body image.")
    assert people_named([(doc, True)], load_lexicon("en")).get("Castellano") == "Castellano"


def test_a_pronoun_on_what_another_person_did_says_nothing_of_the_subject():
    doc = _parsed_as_body("Castellano attacked Reyes over her emails.")
    assert "Castellano" not in people_named([(doc, True)], load_lexicon("en"))
