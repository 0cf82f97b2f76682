"""Re-anchoring a stored quote in a text that changed (pure functions, no database)."""
from __future__ import annotations

import pytest

from sourcelight.contract import ANCHORED, MOVED, ORPHANED
from sourcelight.store.anchoring import Budget, Quote, anchor_quote, context_of, find_exact_near

OLD = ("The ministry said on Monday that the talks would resume next week. "
       "Three officials, speaking on condition of anonymity, said the deal was close. "
       "Markets rose sharply after the announcement.")
QUOTE = "said the deal was close"


def selectors(text: str, exact: str) -> dict:
    start = text.index(exact)
    prefix, suffix = context_of(text, start, start + len(exact))
    return {"exact": exact, "prefix": prefix, "suffix": suffix, "start": start, "end": start + len(exact)}


def place(new_text: str, old_text: str = OLD, exact: str = QUOTE, budget: Budget | None = None):
    return anchor_quote(new_text, Quote(**selectors(old_text, exact)), budget)


def test_unchanged_text_keeps_the_quote_where_it_was():
    anchor = place(OLD)
    assert (anchor.state, OLD[anchor.start:anchor.end]) == (ANCHORED, QUOTE)
    assert anchor.start == OLD.index(QUOTE)


def test_text_inserted_before_moves_the_quote_to_its_new_place():
    new = "UPDATE: this story has been updated with a reaction from the opposition. " + OLD
    anchor = place(new)
    assert anchor.state == MOVED
    assert new[anchor.start:anchor.end] == QUOTE
    assert anchor.start == new.index(QUOTE)


def test_repeated_quote_is_placed_by_its_context():
    # The quote occurs twice in the new text; the stored prefix/suffix pick the right one.
    exact = "the talks would resume"
    old = "Officials hoped the talks would resume soon. Later the ministry said the talks would resume next week."
    new = "Breaking. " + old
    s = selectors(old, "the ministry said " + exact)
    start = s["start"] + len("the ministry said ")
    prefix, suffix = context_of(old, start, start + len(exact))
    anchor = anchor_quote(new, Quote(exact, prefix, suffix, start, start + len(exact)))
    assert anchor.start == new.rindex(exact)
    assert anchor.state == MOVED


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        # A typo fixed inside the quote.
        (lambda t: t.replace("said the deal was close", "said the deal was clsoe"), "said the deal was clsoe"),
        # A word changed inside the quote.
        (lambda t: t.replace("said the deal was close", "said the deal was near"), "said the deal was near"),
        # A word inserted inside the quote, and text added before it.
        (lambda t: "Updated. " + t.replace("the deal was close", "the deal was very close"),
         "said the deal was very close"),
    ],
    ids=["typo", "word-changed", "word-inserted-and-shifted"],
)
def test_slightly_changed_quote_is_found_approximately_by_its_context(edit, expected):
    new = edit(OLD)
    anchor = place(new)
    assert anchor.state == MOVED
    assert new[anchor.start:anchor.end].strip(" .") == expected


def test_quote_whose_passage_was_removed_is_an_orphan_and_keeps_its_old_position():
    new = ("The ministry said on Monday that the talks would resume next week. "
           "Markets rose sharply after the announcement.")
    anchor = place(new)
    s = selectors(OLD, QUOTE)
    assert anchor.state == ORPHANED
    assert (anchor.start, anchor.end) == (s["start"], s["end"])


def test_quote_in_an_unrelated_text_is_an_orphan():
    anchor = place("A recipe for lemon cake: flour, sugar, eggs, butter and two lemons, baked for forty minutes.")
    assert anchor.state == ORPHANED


@pytest.mark.parametrize(
    ("start", "within", "expected"),
    [
        (OLD.index(QUOTE), 0, OLD.index(QUOTE)),  # exactly at the position
        (OLD.index(QUOTE) - 5, 10, OLD.index(QUOTE)),  # a few characters off
        (OLD.index(QUOTE) + 7, 10, OLD.index(QUOTE)),
        (0, 10, None),  # too far from the position
    ],
)
def test_exact_quote_is_accepted_only_at_or_near_the_position(start, within, expected):
    assert find_exact_near(OLD, QUOTE, start, within=within) == expected


def test_context_is_the_text_around_the_quote():
    start = OLD.index(QUOTE)
    prefix, suffix = context_of(OLD, start, start + len(QUOTE))
    assert OLD[:start].endswith(prefix) and prefix
    assert OLD[start + len(QUOTE):].startswith(suffix) and suffix


def test_past_the_budget_a_changed_quote_is_orphaned_and_keeps_its_place():
    new = OLD.replace("said the deal was close", "said the deal was clsoe")
    spent = Budget(seconds=0.0)
    anchor = place(new, budget=spent)
    assert (anchor.state, anchor.start, anchor.end) == (ORPHANED, OLD.index(QUOTE), OLD.index(QUOTE) + len(QUOTE))
    assert place(new).state == MOVED  # with time left, the same quote is found


def test_an_exhausted_budget_still_finds_exact_quotes():
    new = "UPDATE: more. " + OLD
    anchor = place(new, budget=Budget(seconds=0.0))
    assert (anchor.state, new[anchor.start:anchor.end]) == (MOVED, QUOTE)


def test_a_word_that_occurs_thousands_of_times_is_placed_by_its_context():
    filler = "the cat sat on the mat. " * 3000
    old = filler + "Then the dog barked at the cat loudly. " + filler
    exact = "the cat"
    start = old.index("barked at the cat") + len("barked at ")
    prefix, suffix = context_of(old, start, start + len(exact))
    new = "A new first line. " + old
    anchor = anchor_quote(new, Quote(exact, prefix, suffix, start, start + len(exact)))
    assert anchor.start == start + len("A new first line. ") and anchor.state == MOVED


def test_a_long_quote_edited_in_many_places_is_found_with_its_new_ends():
    words = [f"word{i % 97}x{i % 13}" for i in range(4000)]
    old = " ".join(words)
    start = old.index("word50x")
    end = start + 15_000
    exact = old[start:end]
    prefix, suffix = context_of(old, start, end)
    edited = exact
    for at in range(1000, 15_000, 2000):
        edited = edited[:at] + "EDIT" + edited[at + 2:]
    new = "Prepended. " + old[:start] + edited + old[end:]
    anchor = anchor_quote(new, Quote(exact, prefix, suffix, start, end))
    assert anchor.state == MOVED
    assert (anchor.start, anchor.end) == (len("Prepended. ") + start, len("Prepended. ") + start + len(edited))
