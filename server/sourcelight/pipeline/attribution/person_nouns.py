"""Which nouns name people by their ending, where every noun is capitalised and a capital
proves no name (German): "die Branchenkennerin", "eine Studentin", "Wissenschaftlerinnen"
are people, described, unnamed or a group, never a body (sources.person_suffixes,
sources.plural_person_suffixes)."""
from __future__ import annotations

from sourcelight.pipeline.attribution.lemmas import person_noun_number
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.names import EDGE_PUNCTUATION
from sourcelight.pipeline.model import SourceKind


def person_by_suffix(head: str, lexicon: Lexicon) -> SourceKind | None:
    """'die Branchenkennerin', 'eine Studentin', 'Wissenschaftler:innen': where every noun is
    capitalised, a head noun with an ending only nouns for people have (sources.person_suffixes,
    and sources.plural_person_suffixes for their plurals) is people, not a body: one described
    ("die Journalistin", whom the article may have named), one kept unnamed ("eine Studentin",
    "zwei Ärztinnen"), or a group left vague ("Wissenschaftlerinnen")."""
    words = head.strip(EDGE_PUNCTUATION).split()
    if not words:
        return None
    last = words[-1].casefold()
    plural = _ends_in(last, lexicon.plural_person_suffixes)
    if not (plural or _ends_in(last, lexicon.person_suffixes)) or _spokesperson_compound(words[-1], lexicon):
        return None
    group = group_kind(words[0], lexicon)
    if plural or group is SourceKind.ANONYMOUS:
        return group
    if len(words) > 1 and lexicon.patterns["definite"].fullmatch(words[0]):
        return SourceKind.NAMED_PERSON
    return None


def person_by_dictionary(head: str, lexicon: Lexicon) -> SourceKind | None:
    """'Врачи сказали', 'Медики рассказали': a lone word the morphology dictionary knows only
    as a noun for people, never as a name, is people the text does not name, though a capital
    opens the sentence: in the plural a group left vague, in the singular ('Врач сказал',
    'Владельца склада не удалось найти') one person described, as "the owner" is where an
    article shows it, whom the article may have named before. None for anything else (a name,
    a body, several words)."""
    words = head.strip(EDGE_PUNCTUATION).split()
    if len(words) != 1:
        return None
    number = person_noun_number(words[0], lexicon.language, lexicon.lemmatizer)
    if number == "plur":
        return SourceKind.VAGUE
    return SourceKind.NAMED_PERSON if number == "sing" else None


def group_kind(first_word: str, lexicon: Lexicon) -> SourceKind:
    """People the text leaves unnamed, by the word their phrase opens with: counted ("eine
    Studentin", "zwei Politiker", "3 Ärztinnen") they are kept unnamed, anonymous; otherwise
    ("die Richter", "Wissenschaftlerinnen") a group left vague."""
    counted = lexicon.patterns["indefinite"].fullmatch(first_word.casefold()) or first_word.isdigit()
    return SourceKind.ANONYMOUS if counted else SourceKind.VAGUE


def _ends_in(word: str, suffixes: tuple[str, ...]) -> bool:
    """The word ends in one of the suffixes, with a stem of three letters or more before it."""
    return any(word.endswith(s) and len(word) > len(s) + 2 for s in suffixes)


def _spokesperson_compound(word: str, lexicon: Lexicon) -> bool:
    """'Bahnsprecherin': a compound that ends in a spokesperson's word speaks for its body."""
    return any(lexicon.patterns["spokesperson"].fullmatch(word[i].upper() + word[i + 1:]) for i in range(1, len(word) - 3))


__all__ = ["person_by_suffix", "person_by_dictionary", "group_kind"]
