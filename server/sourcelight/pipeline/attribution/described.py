"""Whether a phrase describes a person instead of naming one ("the senator", "the Florida
senator", "Врач"): the notes say "described, not named", and the summary counts no one
for it among the people named on the record."""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.lemmas import lemma, lower_case_word, person_noun_number
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.names import EDGE_PUNCTUATION
from sourcelight.pipeline.attribution.person_nouns import person_by_suffix
from sourcelight.pipeline.attribution.sources import POSSESSOR, ends_in_word_of, phrase_head_end
from sourcelight.pipeline.attribution.person_signs import PERSON_ROLE_KEYS
from sourcelight.pipeline.model import SourceKind

# The owner's possessive mark before the words of a description: "Trump's | lawyer".
_POSSESSIVE = re.compile(r"(?<=\w)['’]s?(?=\s)")


def is_description(phrase: str, lexicon: Lexicon) -> bool:
    """'the senator', 'The former Mexican leader', 'the chairman of the panel': a person
    described by a definite article and a common noun for a head, with no name. (Where every
    noun is capitalised, German, only a noun with a person's ending reads as one: "die
    Branchenkennerin", sources.person_suffixes.)"""
    words = phrase.split()
    if len(words) > 1 and all(word.isalpha() and word.islower() for word in words):
        return True  # no capital, no name: "…, says search chief", "father and son agreed"
    if len(words) == 1 and person_noun_number(phrase.strip(EDGE_PUNCTUATION), lexicon.language, lexicon.lemmatizer):
        return True  # where no article marks it (Russian): "Министр заявил"
    if len(words) == 1 and lexicon.patterns["person_roles"].fullmatch(phrase.strip(EDGE_PUNCTUATION)):
        return True  # a role written as a name: "Mother remembered …", "Dad said …"
    last = words[-1].strip(EDGE_PUNCTUATION) if words else ""
    if len(words) > 1 and (last.islower() or (last.isupper() and len(last) > 1)) and lexicon.patterns[
            "person_roles"].fullmatch(last):
        return True  # a role after its body, no name: "Facebook CEO says …", "Harbour Trust chairman said"
    if _someones_person(phrase, lexicon):
        return True  # "Trump's lawyer", "Elton John's publicist": someone of a person named, unnamed
    if len(words) < 2 or not lexicon.patterns["definite"].fullmatch(words[0]):
        return False
    head = phrase[:phrase_head_end(phrase, lexicon)].split()[1:]
    # (a capitalised word no name is made of is a noun too, "the California Republican", and
    # so is an office written with capitals, "the First Lady")
    # (and so is an office's plural: "The Prime Ministers of Australia and Canada")
    return bool(head) and (head[-1][:1].islower() or head[-1].casefold() in lexicon.not_names
                           or ends_in_word_of(("person_roles",), " ".join(head), lexicon)
                           or (ends_in_word_of(("person_roles",), _singular(head[-1], lexicon), lexicon)
                               and _plural_may_be_office(head, lexicon))
                           or person_by_suffix(" ".join(words[:1] + head), lexicon) is SourceKind.NAMED_PERSON)


def _someones_person(phrase: str, lexicon: Lexicon) -> bool:
    """'Trump's lawyer', 'Elton John's publicist', 'the senator's chief of staff': after an
    owner's possessive, a head in lower case that is a noun for a person (a role, or a person
    noun of the parse's lexicon; not "Trump's campaign", a body, nor "DNAinfo's Eddie Small")."""
    owner = _POSSESSIVE.search(phrase)
    if owner is None:
        return False
    rest = phrase[owner.end():].strip()
    head = rest[:phrase_head_end(rest, lexicon)].strip()
    # (an office may take capitals, "Chad's Ambassador", but no name: "DNAinfo's Eddie Small")
    if not head or not all(word.islower() or any(lexicon.patterns[key].fullmatch(word) for key in PERSON_ROLE_KEYS)
                           for word in head.split()):
        return False
    last = head.split()[-1]
    return ends_in_word_of(PERSON_ROLE_KEYS, head, lexicon) or (
        lexicon.syntax is not None and _singular(last, lexicon) in lexicon.syntax.person_descriptions)


def _plural_may_be_office(head: list[str], lexicon: Lexicon) -> bool:
    """A capitalised plural of a role ("The Prime Ministers", "los Reyes") is an office, but not
    after a role ("el alcalde Reyes") or a word no dictionary writes in lower case ("el
    alcalde Tom Reyes"): there it is a surname."""
    if len(head) < 2:
        return True
    before = head[-2].strip(EDGE_PUNCTUATION)
    if lexicon.patterns["person_roles"].fullmatch(before):
        return False
    return before.islower() or lower_case_word(before, lexicon.language, lexicon.lemmatizer)


def describes_several(phrase: str, lexicon: Lexicon) -> bool:
    """'The foreign ministers of France and Germany': a description whose head is a plural
    (its lemma the word without an ending: not "radicalizado", whose lemma is a verb's),
    people described."""
    if not is_description(phrase, lexicon):
        return False  # (a name is no plural: "Bernie Sanders")
    head = phrase[:phrase_head_end(phrase, lexicon)].split()
    if not head:
        return False
    word = head[-1].strip(EDGE_PUNCTUATION).lower()
    singular = lemma(word, lexicon.language, lexicon.lemmatizer)
    return singular != word and word.startswith(singular)


def _singular(word: str, lexicon: Lexicon) -> str:
    word = word.strip(EDGE_PUNCTUATION).lower()
    return lemma(word, lexicon.language, lexicon.lemmatizer)


def person_description(words: str, lexicon: Lexicon) -> bool:
    """'The Florida senator', 'the billionaire business mogul', 'the Wisconsin Republican': a
    definite description of a person (a name the cast knows has its entity by then), and
    none that places them with an owner ("the deputy head of China's delegation", "the
    senator's former doctor": someone of theirs, not the person named before)."""
    parts = words.split()
    return (lexicon.syntax is not None and len(parts) > 1 and parts[0].casefold() in lexicon.syntax.description_determiners
            and not POSSESSOR.search(words))
