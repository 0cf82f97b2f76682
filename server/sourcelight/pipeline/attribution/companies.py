"""Which capitalised names are companies' and other bodies' by the lexicon, whatever the
recogniser said: a designator only a company's name ends in ("Zentrix Labs", "Inc."), a body
the lists know, and the first words of a company's name the article gives in full."""
from __future__ import annotations

from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.names import without_possessive
from sourcelight.pipeline.attribution.sources import classify
from sourcelight.pipeline.model import SourceKind


def companies_named(parses, lexicon: Lexicon) -> list[list[str]]:
    """The words of every organization's name the lists confirm ("Acme Robotics Inc.")."""
    companies = []
    for parse in parses:
        for entity in parse.ents:
            if entity.label_ == "ORG" and listed_body(entity.text, lexicon):
                companies.append(entity.text.split())
    return companies


def listed_body(name: str, lexicon: Lexicon) -> bool:
    """'Kyiv', 'the Home Office', 'Zentrix Labs': a name the lists know as a body, whatever
    the recogniser said."""
    words = without_possessive(name).split()
    if words and designates_company(words[-1], lexicon):
        return True
    guess = classify(name, 0, len(name), lexicon)
    if guess is not None and guess.kind is SourceKind.MEDIA and person_ending_in_outlet(name, lexicon):
        return False
    return guess is not None and guess.kind in (SourceKind.ORGANIZATION, SourceKind.MEDIA)


def person_ending_in_outlet(name: str, lexicon: Lexicon) -> bool:
    """'Michael Bloomberg', 'Steve Forbes', 'Don Guardian': a one-word outlet's name, written
    as a surname is, that the recogniser's person ends with after one or two capitalised words
    of a name ("The Guardian" is the paper; "Jake Tapper CNN" no one's name)."""
    outlet = lexicon.patterns["media_names"].search(name)
    if outlet is None or not outlet.group().istitle() or " " in outlet.group():
        return False
    before = name[:outlet.start()].split()
    return 1 <= len(before) <= 2 and outlet.end() == len(without_possessive(name).rstrip()) \
        and before[0].casefold() != "the" and all(word[:1].isupper() for word in before)


def designates_company(word: str, lexicon: Lexicon) -> bool:
    """'Labs' of "Zentrix Labs", 'Inc.': a capitalised word only a company's name ends in."""
    word = word.rstrip(".")
    return lexicon.syntax is not None and word[:1].isupper() and word.casefold() in lexicon.syntax.company_designators


def holds_a_listed_company(name: str, lexicon: Lexicon) -> bool:
    """'Will Twitter Be Next': a headline the recogniser took for a person's name, with a
    company the lists know among its words."""
    words = without_possessive(name).split()
    return len(words) >= 2 and any(lexicon.patterns["organizations"].fullmatch(word) for word in words)


def starts_a_company(name: str, companies: list[list[str]]) -> bool:
    """'Acme Robotics', which the recogniser took for a person in a headline, where the
    article names Acme Robotics Inc.: the first words of a company's name are no person's."""
    words = without_possessive(name).split()
    return len(words) >= 2 and any(len(c) > len(words) and c[:len(words)] == words for c in companies)


__all__ = ["companies_named", "listed_body", "person_ending_in_outlet", "designates_company", "holds_a_listed_company",
           "starts_a_company"]
