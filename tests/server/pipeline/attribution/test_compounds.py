"""German compounds are read as their last part, only where the first part is a word."""
from __future__ import annotations

import pytest

from sourcelight.pipeline.attribution.compounds import as_last_part
from sourcelight.pipeline.attribution.lexicon import load_lexicon


@pytest.mark.parametrize(("head", "last_part"), [
    ("Polizeibericht", "Bericht"),
    ("Bundesverkehrsministerium", "Ministerium"),
    ("der Verkehrsminister", "der Minister"),
    ("EU-Kommission", "Kommission"),
    ("Lebensmittelinformationsverordnung", "Verordnung"),
])
def test_a_compound_is_its_last_part(head, last_part):
    assert as_last_part(head, load_lexicon("de")) == last_part


@pytest.mark.parametrize("head", [
    "ein großer Apparat",  # "Appa" is no word: no council ("Rat")
    "Regierungsvertreter",  # listed whole: the lists say what it is
    "Müller",
    "Bahnsprecherin",  # a spokesperson's compound, read by person_nouns.py
])
def test_no_listed_word_ends_it(head):
    assert as_last_part(head, load_lexicon("de")) is None


def test_only_where_every_noun_is_capitalised():
    assert as_last_part("Policereport", load_lexicon("en")) is None
