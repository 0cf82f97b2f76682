"""Compound nouns, where a language writes them as one word and capitalises every noun
(German): "Bundesgesundheitsministerium" is a ministry, "Polizeibericht" a report and "der
Verkehrsminister" a minister because their last part is, whatever the lists hold whole; none
is a person's name."""
from __future__ import annotations

from sourcelight.pipeline.attribution.lemmas import compound_stem
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.names import EDGE_PUNCTUATION

# The shortest first part a compound has ("Stadt|rat"), and the shortest last part that is a
# word of its own, not an abbreviation ("Amt", not "AG").
MIN_STEM = 3
MIN_TAIL = 3
# The lists whose words a compound may end in.
TAIL_LISTS = ("documents", "organizations", "person_roles")


def as_last_part(head: str, lexicon: Lexicon) -> str | None:
    """``head`` with its last word cut to the listed word that ends it ("dem Polizeibericht" ->
    "dem Bericht", "Umweltbundesamt" -> "Amt"), or None where no listed word ends it."""
    if not lexicon.capitalised_nouns:
        return None
    words = head.strip(EDGE_PUNCTUATION).split()
    if not words:
        return None
    word = words[-1]
    if any(lexicon.patterns[key].fullmatch(word) for key in TAIL_LISTS + ("spokesperson",)):
        return None  # listed whole ("Regierungsvertreter"): the lists say what it is
    for start in range(MIN_STEM, len(word) - MIN_TAIL + 1):
        tail = word[start].upper() + word[start + 1:]
        if not tail[1:].islower() or not (word[start - 1].isalpha() or word[start - 1] == "-"):
            continue
        spokesperson = lexicon.patterns["spokesperson"].fullmatch(tail) is not None
        listed = any(lexicon.patterns[key].fullmatch(tail) for key in TAIL_LISTS)
        # (the dictionary is asked only about a first part before a listed word)
        if not (spokesperson or listed) or (
                word[start - 1] != "-" and not compound_stem(word[:start], lexicon.language, lexicon.lemmatizer)):
            continue  # "Appa|rat" is no council
        if spokesperson:
            return None  # "Bahnsprecherin", "Gewerkschaftsvertreter": person_nouns.py reads them
        return " ".join(words[:-1] + [tail])
    return None


__all__ = ["as_last_part"]
