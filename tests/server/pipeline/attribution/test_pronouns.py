"""How far back a pronoun finds the source it means (antecedents.antecedent_of), and whom an
unnamed spokesperson speaks for (spokespeople.body_named_before)."""
from __future__ import annotations

from attribution_articles import build_article
from sourcelight.pipeline.attribution import attribute_article

NARRATIVE = [["The ferry has run since 1952."], ["Its timetable changed twice in the last decade."],
             ["Fares rose by a third in 2019."], ["The town council has not met since March."]]


def _claims(paragraphs, language="en"):
    article, sentences = build_article(paragraphs)
    return attribute_article(article, sentences, language)


def test_a_pronoun_after_paragraphs_of_narrative_is_not_the_speaker_further_up():
    claims = _claims([["Harbour Trust officials said the ferry plan would fail."], *NARRATIVE,
                      ["They believe the ferry can be saved."]])
    they = claims[-1].sourcing
    assert they.who == "They"
    assert "Harbour Trust officials" not in claims[-1].note


def test_a_pronoun_a_paragraph_or_two_after_the_speaker_is_still_that_speaker():
    claims = _claims([["Harbour Trust officials said the ferry plan would fail."], *NARRATIVE[:2],
                      ["They believe the ferry can be saved."]])
    assert claims[-1].sourcing.who == "Harbour Trust officials"


def test_a_description_may_still_mean_a_person_named_further_up():
    claims = _claims([["Mayor Sarah Collins said the ferry plan would fail."], *NARRATIVE,
                      ["The mayor said the town would appeal."]])
    assert claims[-1].sourcing.who == "Sarah Collins"


def test_an_unnamed_spokesperson_speaks_for_the_body_the_sentence_before_is_about():
    claims = _claims([["Acme Robotics opened a new office in the harbour on Monday.",
                       "A spokesman said the ferry plan was on hold."]])
    assert claims[1].sourcing.kind.value == "organization"
    assert claims[1].sourcing.who == "Acme Robotics"
