"""The sourcing diff between two versions of an article, on the real pipeline's output of a
story as it was first published and as it was updated the next day."""
from __future__ import annotations

import pytest

from sourcelight import annotate_text
from sourcelight.sourcing_diff import diff_sourcing, normalize_text

URL = "https://news.example.com/world/2026/11/iran-missiles-iraq"
FIRST = (
    "Iran has moved ballistic missiles into Iraq, three Iranian officials told Reuters on Friday.",
    "The missiles could reportedly reach Riyadh and Tel Aviv within minutes of launch.",
    "The Iraqi defence ministry declined to comment.",
    "Critics say the transfer breaks a 2015 agreement between the two countries.",
    "Oil prices rose by two percent in early trading in London.",
)
# The update: the hedge on the second sentence is gone, the ministry answered, a State
# Department spokeswoman is quoted, and the paragraph on oil prices was cut.
UPDATED = (
    "Iran has moved ballistic missiles into Iraq, three Iranian officials told Reuters on Friday.",
    "The missiles could reach Riyadh and Tel Aviv within minutes of launch.",
    "The Iraqi defence ministry said on Saturday that no missiles had entered the country.",
    "Critics say the transfer breaks a 2015 agreement between the two countries.",
    "Jane Roe, a spokeswoman for the US State Department, said Washington was watching closely.",
)


def annotated(paragraphs):
    return annotate_text("\n\n".join(paragraphs), URL, title="Iran moves missiles into Iraq", lang_hint="en").to_dict()


@pytest.fixture(scope="module")
def first():
    return annotated(FIRST)


@pytest.fixture(scope="module")
def updated():
    return annotated(UPDATED)


@pytest.fixture(scope="module")
def diff(first, updated):
    return diff_sourcing(first, updated)


def test_the_same_version_has_no_changes(first):
    diff = diff_sourcing(first, first)
    assert not diff.changed
    assert diff.claims_added == diff.claims_removed == diff.hedges_changed == ()
    assert diff.summary_before == diff.summary_after


def test_a_quoted_spokeswoman_is_an_added_claim_and_source(diff, updated):
    added = {c.text: c for c in diff.claims_added}
    claim = added[UPDATED[4]]
    assert claim.kind == "named_person" and claim.source == "Jane Roe"
    # The id is the claim's id in the newer version, so the reader can scroll to it.
    assert next(c for c in updated["claims"] if c["id"] == claim.claim_id)["text"] == UPDATED[4]
    assert {"name": "Jane Roe", "kind": "named_person"} in diff.sources_added


def test_a_cut_paragraph_is_a_removed_claim(diff):
    # The oil paragraph, and the refusal to comment (replaced by the ministry's answer).
    assert [c.text for c in diff.claims_removed] == [FIRST[2], FIRST[4]]


def test_a_hedge_dropped_from_the_same_sentence_is_a_hedge_change_not_a_new_claim(diff):
    assert [(h["text"], h["before"], h["after"]) for h in diff.hedges_changed] == [(UPDATED[1], ["reportedly"], [])]
    assert UPDATED[1] not in {c.text for c in diff.claims_added}
    assert FIRST[1] not in {c.text for c in diff.claims_removed}


def test_a_party_that_declined_to_comment_and_answered_later(diff):
    [answered] = diff.non_responses_answered
    assert answered["party"] == "The Iraqi defence ministry"
    assert answered["before_text"] == FIRST[2]
    assert answered["after_text"] == UPDATED[2]


def test_unchanged_sentences_are_not_listed(diff):
    listed = {c.text for c in diff.claims_added + diff.claims_removed}
    assert FIRST[0] not in listed and FIRST[3] not in listed


def test_counts_before_and_after(diff):
    assert diff.summary_before["claims"] == 5 and diff.summary_after["claims"] == 5
    assert diff.summary_before["hedged"] == 1 and diff.summary_after["hedged"] == 0
    assert diff.summary_before["non_responses"] == 1 and diff.summary_after["non_responses"] == 0
    assert diff.summary_after["by_kind"]["named_person"] == diff.summary_before["by_kind"]["named_person"] + 1


def test_claims_are_matched_by_text_when_their_ids_shift():
    # A paragraph inserted at the top: every id moves by one, nothing else changed.
    before = annotated(FIRST[:4])
    after = annotated(("Tensions in the region have risen sharply since the summer, officials said.",) + FIRST[:4])
    diff = diff_sourcing(before, after)
    assert [c.text for c in diff.claims_added] == ["Tensions in the region have risen sharply since the summer, "
                                                   "officials said."]
    assert diff.claims_removed == () and diff.hedges_changed == () and diff.non_responses_answered == ()


def test_a_different_sentence_with_the_same_subject_is_not_the_same_claim():
    before = annotated(("Critics say the transfer breaks a 2015 agreement between the two countries.",))
    after = annotated(("Critics say the missiles could reach Riyadh.",))
    diff = diff_sourcing(before, after)
    assert len(diff.claims_added) == len(diff.claims_removed) == 1


def test_a_party_still_silent_is_not_answered():
    before = annotated(FIRST[:3])
    after = annotated(FIRST[:2] + ("The Iraqi defence ministry did not respond to a request for comment on Saturday.",))
    assert diff_sourcing(before, after).non_responses_answered == ()


def test_the_answered_silence_is_the_one_the_answer_replaced():
    # The ministry was silent twice; only the second silence gave way to an answer.
    still = "The Iraqi defence ministry did not say how many troops were on the border."
    before = annotated((still,) + FIRST[1:3])
    after = annotated((still,) + UPDATED[1:3])
    [answered] = diff_sourcing(before, after).non_responses_answered
    assert (answered["before_text"], answered["after_text"]) == (FIRST[2], UPDATED[2])


def test_a_source_dropped():
    diff = diff_sourcing(annotated(FIRST[:4]), annotated(FIRST[:3]))
    assert {"name": "Critics", "kind": "vague"} in diff.sources_dropped


def test_normalized_text_ignores_case_spacing_and_quote_style():
    assert normalize_text("He said “no”  to  it.") == normalize_text('he said "no" to it.')
