"""Where an article shows a person's gender, so that "she said" never means a man named
just before (issue 9: pronouns resolve to the nearest compatible speaker).

What the text itself shows counts first: an honorific or role noun right before a name
("Ms. Lee", "Congresswoman Maxine Waters", "his wife Melania Trump") or in apposition after
it ("Lee, the company's spokeswoman"), or, on the parse, the pronoun of what a person named in
full does with their own thing ("Marguerite Vance took her campaign …", cast.genders_said).
Only where it shows none does a first name the lexicon lists as nearly always one gender's
give that gender ("Laurie Luhn"; never "Alexis" or "Jean"). A name the article shows with both
genders (two people called Clinton) stays unknown, and an unknown person fits every pronoun.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sourcelight.pipeline.attribution.described import describes_several, is_description
from sourcelight.pipeline.attribution.entities import people_of
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.names import ends_in_plural, title_before, without_possessive

# Up to three capitalised words: the name after a title.
# (one name, not the next sentence's: "Ms. Okafor.\n\nSam Reyes …", "Ms. Okafor. Sam Reyes …";
# a period only after an initial, "Ms. Dana J. Okafor")
_NAME_AFTER = re.compile(r"[ \t\u00a0]*((?:(?:[A-Z]\.|[A-Z][\w'’-]*)[ \t\u00a0]+){0,2}[A-Z][\w'’-]*)")
# "Lee, a spokeswoman" / "Dana Lee, the company's chief spokeswoman": the name before the
# comma, and up to four words between the article and the title.
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*[ \t\u00a0]+){0,2}[A-Z][\w'’-]*),\s+(?:a|an|the|[\w'’-]+['’]s)\s+"
                          r"(?:[\w'’-]+\s+){0,4}$")
_LOOK_BEHIND = 120


@dataclass(frozen=True)
class Genders:
    """The genders an article shows: by full name ("Melania Trump") and by a single name
    ("Mr. Trump", which then also stands for "Donald Trump")."""

    full: dict[str, str] = field(default_factory=dict)
    single: dict[str, str] = field(default_factory=dict)
    # single names titles give one gender while a full name they end has the other ("Mr.
    # Trump", "Ivanka Trump"): either, so neither
    either: frozenset[str] = frozenset()
    # every word a gendered title stands right before alone ("Mr. Trump", "Ms. Trump's"),
    # with the genders the titles give it, both where both do
    titled: dict[str, frozenset[str]] = field(default_factory=dict)
    # the article's people by full name, each a person of their own whatever their surname
    people: frozenset[str] = frozenset()
    # the full names whose gender only their first name gives (with_first_names)
    by_first_name: frozenset[str] = frozenset()

    def of(self, name: str) -> str | None:
        words = name.split()
        for start in range(len(words)):
            found = self.full.get(" ".join(words[start:]))
            if found:
                return found
        if not words:
            return None
        if words[-1] in self.single:
            return self.single[words[-1]]
        # "Lee" after "Dana Lee, a spokeswoman": the one full name it ends (not a surname a
        # title gives the other gender alone: "Mr. Trump" where "Ivanka Trump" is a woman, nor
        # another of the family named in full: "Fran Finney" beside "Hal Finney … his")
        if len(words) > 1 and " ".join(words) in self.people:
            return None
        ending = {gender for full, gender in self.full.items() if full.split()[-1] == words[-1]}
        if len(ending) != 1:
            return None
        gender = ending.pop()
        return None if self.titled_otherwise(words[-1], gender) else gender

    def titled_otherwise(self, word: str, gender: str) -> bool:
        """A title gives ``word`` alone another gender than ``gender`` somewhere ("Mr. Trump")."""
        return bool(self.titled.get(word, frozenset()) - {gender})


def genders_shown(text: str, lexicon: Lexicon) -> Genders:
    """Every name the article's text ties to a gender, without names it ties to both."""
    if not lexicon.pronoun_genders:
        return Genders()
    seen: dict[str, set[str]] = {}
    titled: dict[str, set[str]] = {}
    for gender, key in (("m", "masculine_titles"), ("f", "feminine_titles")):
        for title in lexicon.patterns[key].finditer(text):
            after = _NAME_AFTER.match(text, title.end())
            # (whose, too: "Mr. Moore's campaign" shows Moore is a man)
            name = without_possessive(after.group(1).replace(".", "").strip()) if after else ""
            if after and not _is_title_itself(after.group(1), lexicon):
                seen.setdefault(name, set()).add(gender)
            if name and " " not in name and not _is_title_itself(name, lexicon):
                titled.setdefault(name, set()).add(gender)
            before = _NAME_BEFORE.search(text, max(0, title.start() - _LOOK_BEHIND), title.start())
            if before:
                seen.setdefault(before.group(1).strip(), set()).add(gender)
    full: dict[str, str] = {}
    single: dict[str, str] = {}
    for name, genders in seen.items():
        if len(genders) != 1:
            continue
        (gender,) = genders
        (single if " " not in name else full)[name] = gender
    either = _either_gender(single, full)
    return Genders(full, {name: gender for name, gender in single.items() if name not in either}, either,
                   {name: frozenset(genders) for name, genders in titled.items()})


def cast_by_gender(cast: dict[str, str], genders: Genders) -> dict[str, str]:
    """The cast (cast.people_named), but a word a title shows is also another gender's
    ("Mr. Trump") than the fullest name it belongs to ("Ivanka Trump, the president's
    daughter") is nobody's in full: a "he" may then mean "Mr. Trump"."""
    def theirs(word: str, full: str) -> str:
        gender = genders.of(full) if full != word else None
        return word if gender is not None and genders.titled_otherwise(word, gender) else full
    return {word: theirs(word, full) for word, full in cast.items()}


def other_gender(source: str | None, span, name: str, genders: Genders, text: str, lexicon: Lexicon,
                 entity: str | None = None) -> bool:
    """Whether a claim's source cannot be the person called ``name``: its own words show
    another gender (its pronoun, or a title right before it: "Mr. Trump said" is not Ivanka
    Trump), or the person already taken for it does ("the president said" taken for "Mr.
    Trump"), or, showing none ("President Trump said"), its name is one the article's titles
    also give the other gender."""
    theirs = genders.of(name)
    if theirs is None:
        return False
    shown = _mention_gender(source, span, text, lexicon)
    if shown is None and entity:
        shown = _title_gender(entity, lexicon)
    if shown is not None:
        return shown != theirs
    # (a first name shows nothing of the surname alone: "Trump said" beside "Mr. Trump" and
    # "the former Mrs. Trump" may still mean Donald J. Trump)
    words = (source or "").split()
    return bool(words) and name not in genders.by_first_name \
        and genders.titled_otherwise(without_possessive(words[-1]), theirs)


def _mention_gender(source: str | None, span, text: str, lexicon: Lexicon) -> str | None:
    """The gender a claim's own words show for its source: its pronoun ("he said") or a title
    right before or opening the name ("Mr. Trump said", ``span`` locating it in ``text``)."""
    words = (source or "").strip()
    if lexicon.pronoun_genders.get(words.lower()):
        return lexicon.pronoun_genders[words.lower()]
    title = title_before(text, span.start, lexicon) if span is not None else None
    if title:
        return _title_gender(title, lexicon, alone=True)
    # (or the first name of a source named in full: "Donald J. Trump said" is no Ivana Trump)
    return _title_gender(words, lexicon) or _first_name_gender(words, lexicon)


def with_pronouns_said(genders: Genders, said: dict[str, str]) -> Genders:
    """The genders the titles show, and where they show none, the ones the article's own
    pronouns give a name ("Marguerite Vance took her campaign …"; cast.genders_said)."""
    full, single = dict(genders.full), dict(genders.single)
    for name, gender in said.items():
        if genders.of(name) is None and name not in genders.either:
            (single if " " not in name else full)[name] = gender
    return Genders(full, single, genders.either, genders.titled)


def with_first_names(genders: Genders, lexicon: Lexicon) -> Genders:
    """The genders the text shows, and for a person named in full (``genders.people``) it
    shows none, the one their first name nearly always has (gender.feminine_first_names:
    "Laurie Luhn" is a woman, so "he reportedly told her" is someone else), as for one it
    names by a listed first name alone."""
    full, guessed = dict(genders.full), set()
    for name in genders.people:
        words = name.split()
        # (and one the article names by a first name alone, its fullest: "Daniel, a New York
        # University senior who didn't want to give his last name")
        gender = _first_name_gender(name, lexicon) or _first_name_alone_gender(name, lexicon)
        # (a title before the surname alone may be another of the family's: "Mr. Moore" beside
        # "Sarah Moore" and "David Moore")
        shown = any(" ".join(words[start:]) in genders.full for start in range(len(words)))
        if gender is not None and not shown and name not in genders.either:
            full[name] = gender
            guessed.add(name)
    either = genders.either | _either_gender(genders.single, full)
    return Genders(full, {name: gender for name, gender in genders.single.items() if name not in either}, either,
                   genders.titled, genders.people, frozenset(guessed))


def _either_gender(single: dict[str, str], full: dict[str, str]) -> frozenset[str]:
    """The single names that also end a full name of the other gender: either's ("Mr. Moore"
    beside "Sarah Moore")."""
    return frozenset(name for name, gender in single.items()
                     if any(f.split()[-1] == name and g != gender for f, g in full.items()))


def _first_name_gender(name: str, lexicon: Lexicon) -> str | None:
    """The gender a name written in full has by its first name (gender.*_first_names)."""
    words = name.split()
    return lexicon.first_name_genders.get(words[0]) if len(words) > 1 else None


def _first_name_alone_gender(name: str, lexicon: Lexicon) -> str | None:
    """The gender of a person the article calls by a listed first name alone ("Daniel")."""
    words = name.split()
    return lexicon.first_name_genders.get(words[0]) if len(words) == 1 else None


def _is_title_itself(name: str, lexicon: Lexicon) -> bool:
    return any(lexicon.patterns[key].fullmatch(name) for key in ("masculine_titles", "feminine_titles"))


def fits(pronoun: str, name: str | None, genders: Genders, lexicon: Lexicon, named: bool = True) -> bool:
    """Whether ``pronoun`` can mean the source called ``name`` (``named``: people named on
    the record): always, unless both the pronoun's gender and the person's are known and
    differ, or the pronoun's number and theirs, or ``name`` is the writer's own "I"."""
    wanted = lexicon.pronoun_genders.get(pronoun.strip().lower())
    described_group = bool(name) and describes_several(name, lexicon)
    # (only names are joined as several: an unnamed "student at Duke University in Durham,
    # North Carolina" is one, whatever commas it holds)
    several = (named and len(people_of(name, lexicon.language)) > 1) or described_group or (
        bool(name) and ends_in_plural(name, lexicon))
    reference = lexicon.back_reference(pronoun)
    if reference is not None and reference.plural and name:
        # "Okafor and Park said … They added": the two of them, never one of them alone
        # (an unnamed "senior official" may still be "they")
        return several or not named
    if described_group and reference is None and not describes_several(pronoun, lexicon):
        return False  # "The foreign ministers of France and Germany said …" then "the boss said": not them
    if name and _speaks_for_another(pronoun, name, lexicon):
        return False  # "The mayor said …" then "The spokeswoman said …": someone else
    if name and lexicon.is_first_person(name) and not lexicon.is_first_person(pronoun):
        return False  # the writer ("I can't say …") is never a later "he", nor "the wine merchant"
    if wanted is None or not name:
        return True
    if several:
        return False  # "Two officials said …" or "Okafor and Park said …" then "He added …": not them
    # An earlier speaker known only by a pronoun shows its gender by that pronoun ("He
    # said …" then "She said …" are two people).
    # (a title the mention kept shows it first: "Mr. Trump" where the only Trump named in
    # full is a woman; cast.people_mentioned)
    # (or a listed first name a person goes by alone: "Marco said …" is no "she")
    shown = lexicon.pronoun_genders.get(name.strip().lower()) or _title_gender(name, lexicon) or genders.of(name) \
        or _described_as(name, lexicon) or (_first_name_alone_gender(name, lexicon) if named else None)
    return shown is None or shown == wanted


def _speaks_for_another(reference: str, name: str, lexicon: Lexicon) -> bool:
    """A spokesperson ("the spokeswoman") speaks for someone else: never an earlier speaker
    only described by another role ("the mayor"), who would have no spokesperson of their own."""
    spokesperson = lexicon.patterns["spokesperson"]
    return spokesperson.search(reference) is not None and spokesperson.search(name) is None \
        and is_description(name, lexicon)


def fits_description(words: str, name: str, genders: Genders, lexicon: Lexicon) -> bool:
    """Whether a description ("the actress", "the company's spokesman") can mean the person
    called ``name``: unless both genders are known and differ."""
    wanted = _described_as(words, lexicon)
    shown = genders.of(name) if wanted is not None else None
    return wanted is None or shown is None or shown == wanted


def _title_gender(name: str, lexicon: Lexicon, alone: bool = False) -> str | None:
    """The gender of a title opening ``name`` ("Mr. Trump"), or being it (``alone``: the title
    title_before found); else a title word with nothing after it is a name ("King declined …"
    is Michelle King)."""
    return next((gender for gender, key in (("m", "masculine_titles"), ("f", "feminine_titles"))
                 if any(m.start() == 0 and (alone or name[m.end():].strip())
                        for m in lexicon.patterns[key].finditer(name))), None)


def _described_as(name: str, lexicon: Lexicon) -> str | None:
    """The gender of a description's role noun: "his mother" is a woman whatever "his" says,
    "the company's spokesman" a man. (A capitalised last word is a name, "John King", except
    where every noun is capitalised: "der Mann".)"""
    words = name.split()
    last = words[-1] if words else ""
    if not last[:1].islower() and not (lexicon.capitalised_nouns and len(words) > 1):
        return None
    return next((gender for gender, key in (("m", "masculine_titles"), ("f", "feminine_titles"))
                 if lexicon.patterns[key].fullmatch(last)), None)


def same_pronoun(pronoun: str, word: str, lexicon: Lexicon) -> bool:
    """``word`` is a pronoun of the one gender ``pronoun`` has ("his" for "he")."""
    wanted = lexicon.pronoun_genders.get(pronoun.strip().lower())
    return wanted is not None and lexicon.pronoun_genders.get(word.lower()) == wanted


__all__ = ["Genders", "genders_shown", "cast_by_gender", "other_gender", "with_pronouns_said", "with_first_names",
           "fits", "fits_description", "same_pronoun"]
