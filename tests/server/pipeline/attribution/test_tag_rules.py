"""The model's attribute rules found by tag and word: the same matches, and so the same parts
of speech, lemmas and morphology, as spaCy's Matcher gives."""
from __future__ import annotations

import spacy

from sourcelight.pipeline.attribution import parser
from sourcelight.pipeline.attribution.tag_rules import TagRules

# Sentences that reach the model's rarer rules: contractions it rewrites ("ain't", "y'all",
# "nothin'"), "there is", a run of spaces, dashes, quotes, numbers.
SENTENCES = [
    "“We ain't leaving,” y'all heard the mayor say, and nothin' changed.",
    "There is no plan, and there were never any talks,  the minister's office said.",
    "Acme Robotics Inc. didn't respond; its shares fell 3.2% to $41.50 on Tuesday.",
    "“Gets me every time,” she got up and said — then left.",
    "I'm sure he'd've known, wouldn't he?",
    "Reporting by Dana Lee\n\nEditing by Lee Park",
]


def _matcher_matches(ruler, doc):
    return sorted((int(ruler.vocab.strings[m_id]), m_id, start, end)
                  for m_id, start, end in ruler.matcher(doc, allow_missing=True, as_spans=False))


def test_the_model_rules_match_as_spacys_matcher_does():
    nlp = parser.load_parser("en")
    ruler = nlp.get_pipe("attribute_ruler")
    rules = TagRules.for_ruler(ruler)
    assert rules is not None
    for doc in nlp.pipe(SENTENCES, disable=["attribute_ruler"]):
        assert rules(doc) == _matcher_matches(ruler, doc), doc.text


def test_the_loaded_model_finds_its_rules_by_tag_and_still_applies_them():
    nlp = parser.load_parser("en")
    assert isinstance(nlp.get_pipe("attribute_ruler").match, TagRules)
    doc = nlp("The officials were told there is no plan.")
    assert [(t.pos_, t.lemma_) for t in doc if t.lower_ in ("were", "is")] == [("AUX", "be"), ("VERB", "be")]
    assert str(doc[2].morph) == "Mood=Ind|Tense=Past|VerbForm=Fin"


def test_a_ruler_with_patterns_beyond_tag_rules_keeps_the_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"POS": "ADV"})
    assert TagRules.for_ruler(ruler) is None
