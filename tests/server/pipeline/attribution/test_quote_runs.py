"""Whose a quote running over paragraphs is (quotes.quote_states, context._quote_speakers)."""
from __future__ import annotations

from attribution_articles import build_article
from sourcelight.pipeline.attribution import attribute_article


def _claims(paragraphs):
    article, sentences = build_article(paragraphs)
    return attribute_article(article, sentences, "en")


def test_a_quote_left_open_at_a_paragraph_end_is_not_the_next_paragraphs_speaker():
    # No quotation mark reopens the next paragraph: the open mark is a stray, and "Moore said
    # that …" reports his own claim, not the quoted paragraph before it.
    claims = _claims([["“As we have explained before, the only plan for the harbour is the one the council announced in May."],
                      ["Then, in June, David Moore said that the budget would grow."]])
    assert claims[0].sourcing.who != "David Moore"
    assert claims[1].sourcing.who == "David Moore"


def test_a_quote_reopened_in_the_next_paragraph_runs_on_to_its_speaker():
    claims = _claims([["“We will win this fight, and the next one, and every one after that."],
                      ["“Nobody should doubt it,” David Moore said."]])
    assert [c.sourcing.who for c in claims] == ["David Moore", "David Moore"]


def test_a_quote_closed_in_the_next_paragraph_without_reopening_runs_on_to_its_end():
    # The writer left out the mark that reopens the quote but closes it at the paragraph's end.
    claims = _claims([["In an interview Sarah Collins declared “I think the harbour plan may be obsolete."],
                      ["The harbour was set up a long time ago, many, many years ago.", "Things are different now.”"],
                      ["The council said it would not comment."]])
    assert [c.sourcing.who for c in claims[:3]] == ["Sarah Collins"] * 3
    assert claims[3].sourcing.who == "The council"


def test_a_quote_runs_over_a_paragraph_with_no_marks_to_the_paragraph_that_closes_it():
    claims = _claims([["“The ferry is all we have left,” Tom Reyes said."],
                      ["“This is a town that was built around its harbour."],
                      ["This is a town that will not give it up without a fight."],
                      ["This is a town that votes.”"],
                      ["The harbour board meets again in May."]])
    assert [c.sourcing.who for c in claims[:4]] == ["Tom Reyes"] * 4
    assert claims[4].sourcing.kind.value == "unattributed"
