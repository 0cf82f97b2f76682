"""Which nouns name people by their ending, where every noun is capitalised and a capital
proves no name (German): "die Branchenkennerin", "eine Studentin", "Wissenschaftlerinnen"
are people, described, unnamed or a group, never a body (sources.person_suffixes)."""
from __future__ import annotations

from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.names import EDGE_PUNCTUATION
from sourcelight.pipeline.model import SourceKind


def person_by_suffix(head: str, lexicon: Lexicon) -> SourceKind | None:
    """'die Branchenkennerin', 'eine Studentin', 'Wissenschaftler:innen': where every noun is
    capitalised, a head noun with an ending only nouns for people have (sources.person_suffixes)
    is people, not a body: one described ("die Journalistin", whom the article may have named),
    one kept unnamed ("eine Studentin", "zwei Ärztinnen"), or a group left vague
    ("Wissenschaftlerinnen")."""
    words = head.strip(EDGE_PUNCTUATION).split()
    if not lexicon.person_suffixes or not words:
        return None
    last = words[-1].casefold()
    suffix = next((s for s in lexicon.person_suffixes if last.endswith(s) and len(last) > len(s) + 2), None)
    if suffix is None or _spokesperson_compound(words[-1], lexicon):
        return None
    group = group_kind(words[0], lexicon)
    if suffix.endswith(PLURAL_PERSON_SUFFIX) or group is SourceKind.ANONYMOUS:
        return group
    if len(words) > 1 and lexicon.patterns["definite"].fullmatch(words[0]):
        return SourceKind.NAMED_PERSON
    return None


def group_kind(first_word: str, lexicon: Lexicon) -> SourceKind:
    """People the text leaves unnamed, by the word their phrase opens with: counted ("eine
    Studentin", "zwei Politiker", "3 Ärztinnen") they are kept unnamed, anonymous; otherwise
    ("die Richter", "Wissenschaftlerinnen") a group left vague."""
    counted = lexicon.patterns["indefinite"].fullmatch(first_word.casefold()) or first_word.isdigit()
    return SourceKind.ANONYMOUS if counted else SourceKind.VAGUE


def _spokesperson_compound(word: str, lexicon: Lexicon) -> bool:
    """'Bahnsprecherin': a compound that ends in a spokesperson's word speaks for its body."""
    return any(lexicon.patterns["spokesperson"].fullmatch(word[i].upper() + word[i + 1:]) for i in range(1, len(word) - 3))


# The plural of a person's suffix ("-innen"): a group.
PLURAL_PERSON_SUFFIX = "innen"


__all__ = ["person_by_suffix", "group_kind"]
