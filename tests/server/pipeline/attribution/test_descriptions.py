"""Which of several holders of a role "the president" means (descriptions.role_held_nearby)."""
from sourcelight.pipeline.attribution.descriptions import role_held_nearby
from sourcelight.pipeline.model import Attribution, SourceKind

PRESIDENT = Attribution(kind=SourceKind.NAMED_PERSON, source="the president")


def _resolved(named_before: list[str], holders: set[str], named_here: list[str] = ()) -> str | None:
    mentions = {0: named_before, 1: list(named_here)}
    return role_held_nearby(PRESIDENT, 1, lambda i: mentions[i], frozenset(holders)).entity


def test_the_one_holder_named_just_before_is_the_president():
    # the cast gives "Trump" to Ivanka Trump; the sentence before wrote "Mr. Trump"
    assert _resolved(["Nikki R. Haley", "Mr. Trump"], {"Ivanka Trump", "George W. Bush"}) == "Mr. Trump"


def test_two_people_of_one_surname_named_before_leave_the_role_open():
    assert _resolved(["George W. Bush", "George H. W. Bush"], {"George W. Bush", "George H. W. Bush"}) is None


def test_a_holder_named_in_the_sentence_itself_leaves_the_role_open():
    assert _resolved(["Mr. Trump"], {"Donald Trump", "Vladimir V. Putin"}, named_here=["Vladimir V. Putin"]) is None
