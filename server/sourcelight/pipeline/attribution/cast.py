"""Who an article names, read off its parses once: the cast of people (every word of a
person's name, mapped to the fullest name) and the words of the organizations' names. The
parse engine keeps both on every parse, so that "Acme said" or "Canova said" alone is read
with the whole article in mind.
"""
from __future__ import annotations

import re
from collections import Counter

from sourcelight.pipeline.attribution.companies import (companies_named, holds_a_listed_company, listed_body,
                                                        starts_a_company)
from sourcelight.pipeline.attribution.cue_lemmas import inverted_tag
from sourcelight.pipeline.attribution.deps import hyphenated_word
from sourcelight.pipeline.attribution.lemmas import unknown_word
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.names import (opening_participle, person_mentions, title_before,
                                                   without_possessive, without_role_in_front)
from sourcelight.pipeline.attribution.person_signs import PERSON_ROLE_KEYS, names_with_roles, own_genders

PERSON = "PERSON"
# The recogniser's labels for bodies: organizations, places and groups.
BODIES = ("ORG", "GPE", "NORP", "FAC", "LOC")
# Where each parse keeps the article's cast (doc.user_data): the people it names anywhere,
# and the words of the organizations' names.
CAST_KEY = "sourcelight.cast"
ROLES_KEY = "sourcelight.roles"
SHARED_ROLES_KEY = "sourcelight.shared_roles"
BODIES_KEY = "sourcelight.bodies"
GENDERS_KEY = "sourcelight.genders"
THINGS_KEY = "sourcelight.things"
# The recogniser's labels for names no one is: places, peoples, events, works, laws.
THINGS = ("GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE")
# The most words a nickname in quotation marks takes between two parts of a name, and the
# marks around it ("Bobby" of Robert C. “Bobby” Scott is a word of his name).
NICKNAME_TOKENS = 4
NICKNAME_MARKS = "\"“”‘’'"
# How often, at least, the recogniser must take a name for a body before its guesses of a
# person there are set aside (mostly_bodies), and the most words such a name has.
MOSTLY_BODY_LEAST = 3
MOSTLY_BODY_WORDS = 3
# What may follow a surname in a person's name: "Jr.", "Sr.", "III".
NAME_SUFFIX = re.compile(r"[A-Z][a-z]{0,2}\.|[IVX]+", re.ASCII)


def people_named(parses, lexicon: Lexicon, bodies: frozenset[str] = frozenset(),
                 companies: list[list[str]] | None = None) -> dict[str, str]:
    """One article, one cast: every word of a name the entity recogniser took for a person
    anywhere in the article, or that the text shows is a person's (a role in apposition or
    in front: "Canova, a law professor", "Sen. Ted Cruz"), mapped to the fullest name it
    belongs to. A word two people's names share ("Scott" of Robert C. “Bobby” Scott and Tim
    Scott) means the one the article names first, as news writing introduces its principal
    before others of the same name. A name seen as a person stays a person ("Bozell says"
    where the recogniser guessed a company).

    ``parses`` are (parse, parsed) pairs in the article's order; ``parsed`` False marks a
    sentence only the recogniser ran on: from it, only full names ("Paul Manafort") count, a
    lone word it took for a person may be a company ("Facebook"). ``bodies`` are the names it
    mostly took for a body (mostly_bodies): none of them is a person ("Carrier").
    ``companies``, the article's companies_named where the caller has them already."""
    parses = list(parses)
    if companies is None:
        companies = companies_named([p for p, _ in parses], lexicon)
    common = _common_words([p for p, _ in parses], lexicon)
    names_of: dict[str, dict[str, None]] = {}  # word -> its names, in the order first seen
    seen: dict[str, None] = {}  # every name, in the order first seen
    for parse, parsed in parses:
        spans = [_after_tag(_unquoted(e), lexicon) for e in parse.ents if e.label_ == PERSON]
        spans = [e for e in spans if len(e) and not starts_a_company(e.text, companies)
                 and not listed_body(e.text, lexicon) and not holds_a_listed_company(e.text, lexicon)
                 and not _mostly_a_body(e.text, bodies, common) and (parsed or len(e.text.split()) >= 2)]
        spans += list(names_with_roles(parse, lexicon)) if parsed else []
        spans += list(_nicknamed(parse))
        # in the sentence's order, a part of a longer name ("Scott" of "Robert C. “Bobby”
        # Scott") not on its own
        spans = sorted((span for span in spans if not any(
            other.start <= span.start and span.end <= other.end and len(other) > len(span) for other in spans)),
            key=lambda span: span.start)
        for name in (without_possessive(span.text) for span in spans):
            seen.setdefault(name, None)
            for word in name_words(name):
                if word[:1].isupper() and len(word) > 1:
                    names_of.setdefault(word, {}).setdefault(name, None)
    order = {name: place for place, name in enumerate(seen)}
    trimmed = {name: _without_run_on(name, order, common) for name in order}
    return {word: _named_first(list(dict.fromkeys(trimmed[name] for name in names)))
            for word, names in names_of.items()}


def _unquoted(span):
    """The recogniser's span without quotation marks at its edges ("Donald Trump ''", the
    ASCII closing quote read as part of the name), and one side of a possessive inside it: the
    full name after it ("Twitter’s Jack Dorsey"), else the owner before it ("Carlson’s Fox
    contract")."""
    start, end = span.start, span.end
    owner = next((t for t in span[:-1] if t.tag_ == "POS" or (len(t) > 2 and t.text.endswith(("’s", "'s")))), None)
    if owner is not None:  # (a full name is two words or more)
        start, end = (owner.i + 1, end) if end - owner.i > 2 else (start, owner.i + (owner.tag_ != "POS"))
    while start < end and (span.doc[start].is_punct or span.doc[start].lower_ in ("’s", "'s")):
        start += 1
    while end > start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[start:end]


def _after_tag(span, lexicon: Lexicon):
    """'Wrote Okafor: “…”', 'Entrusting Donald Trump with …', 'Top Clinton adviser': the
    name without the inverted tag, the verb or the capitalised word no name has that the
    recogniser ran into it, nor a role or title in front."""
    if len(span) > 1 and (inverted_tag(span[0], lexicon) or span[0].text.casefold() in lexicon.not_names):
        return span[1:]
    if len(span) > 2 and span.start == 0 and opening_participle(span[0].text, lexicon):
        return span[1:]
    return without_role_in_front(span, lexicon)


def written_cast(texts, lexicon: Lexicon) -> dict[str, str]:
    """Where no recogniser ran (the rule engine's languages), the cast the text itself shows:
    the surname of every name of two words written in full (person_mentions: "Eliane
    Steinmeyer"), mapped to the name first written with it, so that "Steinmeyer" alone later is
    the same person; not where the first word opens a clause ("Cuando Rajoy"). Where a capital
    makes no name (German: "Nächster Anruf", "Thema Fashion" are two nouns), only names a
    particle joins ("Kris de Decker": "de Decker" and "Decker" later are him) and names whose
    last word the dictionary does not know ("Claas Relotius", not "Thema Fashion") or whose
    first the lexicon lists as a first name ("Sabine Keller", gender.feminine_first_names)."""
    cast: dict[str, str] = {}
    for text in texts:
        for name in person_mentions(text, lexicon):
            words = name.split()
            if lexicon.capitalised_nouns:
                joined = len(words) >= 3 and all(lexicon.patterns["name_particles"].fullmatch(word)
                                                 for word in words[1:-1])
                # (a listed first name makes a name of a known word: "Sabine Keller")
                rare = len(words) == 2 and not _no_first_name(words[0], lexicon) and (
                    unknown_word(words[-1], lexicon.language, lexicon.lemmatizer)
                    or words[0] in lexicon.first_name_genders)
                if (joined or rare) and len(words[-1]) > 1:
                    cast.setdefault(words[-1], name)
            elif len(words) == 2 and len(words[-1]) > 1 and not _no_first_name(words[0], lexicon):
                cast.setdefault(words[-1], name)
    return cast


def _no_first_name(word: str, lexicon: Lexicon) -> bool:
    """A capitalised word that opens a clause or a phrase ("Cuando", "Le"), not a name."""
    return word.casefold() in lexicon.not_names or lexicon.is_determiner(word) or any(
        lexicon.patterns[key].fullmatch(word) for key in ("subordinators", "leading_conjunctions"))


def mostly_bodies(parses, lexicon: Lexicon) -> frozenset[str]:
    """Names the recogniser took for a body, a place or a product at least twice as often as
    for a person: one word ("Carrier", the company whose plant a story is about, read as a
    person now and then), or a name of a few words one of which the article also writes as a
    common word ("Whole Foods", a person once in 27 sentences of an article that writes "whole
    paycheck"; not "Hori Parata", whose names the recogniser often takes for a tribe's): its
    guesses of a person there are the exceptions."""
    parses = list(parses)
    labels: dict[str, Counter] = {}
    for parse in parses:
        for entity in parse.ents:
            words = entity[:-1] if len(entity) > 1 and entity[-1].tag_ == "POS" else entity
            if len(words) <= MOSTLY_BODY_WORDS:
                person = entity.label_ == PERSON
                labels.setdefault(without_possessive(entity.text), Counter())[person] += 1
    mostly = [name for name, count in labels.items() if count[False] >= max(2 * count[True], MOSTLY_BODY_LEAST)]
    common = _common_words(parses, lexicon) if any(len(name.split()) > 1 for name in mostly) else frozenset()
    return frozenset(name for name in mostly
                     if len(words := name.split()) == 1 or any(w.casefold() in common for w in words))


def _mostly_a_body(name: str, bodies: frozenset[str], common: frozenset[str]) -> bool:
    """'Whole Foods', 'Carrier', or 'Outside Carrier' with a common word run into it: a name
    of ``bodies`` (mostly_bodies), whatever the recogniser guessed this once."""
    name = without_possessive(name)
    words = name.split()
    return name in bodies or (bool(words) and words[-1] in bodies and all(w.casefold() in common for w in words[:-1]))


def _common_words(parses, lexicon: Lexicon) -> frozenset[str]:
    """Words no first name is: those the article also writes in lower case, the words that
    describe a person ("billionaire") and the party or nation words ("Republican")."""
    words = {token.lower_ for parse in parses for token in parse if token.is_lower}
    words |= {token.lower_ for parse in parses for entity in parse.ents if entity.label_ == "NORP" for token in entity}
    return frozenset(words | lexicon.syntax.person_descriptions)


def _named_first(names: list[str]) -> str:
    """Of the names one word belongs to (in the order the article gives them), the fullest
    name of the person named first: "Donald J. Trump" for "Donald Trump", "Trump" and
    "Donald J. Trump". Where the word alone comes before any one person's name and two
    people share it ("Mr. Obama said …" long before "Michelle Obama"), it is nobody's in full."""
    people = [n for n in names if not any(_fuller(other, n) for other in names)]
    if len(people) == 1:
        return people[0]
    for name in names:
        theirs = [person for person in people if person == name or _fuller(person, name)]
        if len(theirs) == 1:
            return theirs[0]
        if len(name.split()) == 1:
            return name
    return people[0]


def _without_run_on(name: str, order: dict[str, int], common: frozenset[str]) -> str:
    """'Chris Christie Address Heroin', 'Billionaire Donald Trump' (Title Case headings and
    descriptions the recogniser ran into a name) are 'Chris Christie' and 'Donald Trump' where
    the article also names them so. Words after the shorter name, other than a suffix
    ("Joseph F. Dunford Jr.", "Robert Griffin III"), and words before it are none of the name
    when one of those after (all of those before) is a ``common`` word, or the shorter name
    came first (``order``: each name's place in the article): "Debbie Wasserman Schultz" and
    "Aung San Suu Kyi", introduced so, stay whole; a word in capitals after a name is a
    dateline's."""
    written = name_words(name)
    words = [w.casefold() for w in written]
    for other, place in order.items():
        core = [w.casefold() for w in name_words(other)]
        if not 2 <= len(core) < len(words):
            continue
        first = place < order[name]
        extra = written[len(core):]
        if words[:len(core)] == core and not all(NAME_SUFFIX.fullmatch(w) for w in extra) and (
                first or any(w.casefold() in common or (w.isupper() and len(w) > 1) for w in extra)):
            return other
        if words[-len(core):] == core and (all(w in common for w in words[:-len(core)]) or first):
            return other
    return name


def name_words(name: str) -> list[str]:
    """The words of a name, a nickname without its quotation marks ("Bobby" of Robert C.
    “Bobby” Scott)."""
    return [w.strip(NICKNAME_MARKS) for w in name.split()]


def _fuller(name: str, than: str) -> bool:
    """'Donald J. Trump' is a fuller name of 'Donald Trump'; 'Melania Trump' is someone else,
    and so is a headline with the words in another order ("Clinton Cash Debunks Hillary" is
    no fuller "Hillary Clinton")."""
    words, others = [w.casefold() for w in name_words(name)], [w.casefold() for w in name_words(than)]
    if not set(others) <= set(words) or (set(others) == set(words) and len(name) <= len(than)):
        return False
    places = [words.index(w) for w in others]
    return places == sorted(places)


def role_holders(holders: dict[str, frozenset[str]]) -> dict[str, str]:
    """The one person the article gives each role (holders_by_role), so that "the president
    said" means Obama, not whoever was quoted last. A role two people hold in the article
    ("President Obama", "Acme's president, Dana Lee") is nobody's here."""
    return {role: next(iter(names)) for role, names in holders.items() if len(names) == 1}


def shared_roles(holders: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """The roles the article gives several people (holders_by_role): "President Trump" and
    "President George W. Bush"."""
    return {role: names for role, names in holders.items() if len(names) > 1}


def holders_by_role(parses, cast: dict[str, str], lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """'President Barack Obama', 'Mayor Jane Doe': the people the article gives each role in
    front of a name (the role word in lower case -> their fullest names)."""
    holders: dict[str, set[str]] = {}
    for parse in parses:
        for entity in parse.ents:
            if entity.label_ != PERSON or entity.start == 0:
                continue
            role = parse[entity.start - 1]
            # (and a lower-case noun the parse hangs on the name: "Phoenix architect Marwan
            # Al-Sayed", "photographer Lorenzo Tugnoli")
            described = role.tag_ == "NN" and role.is_lower and role.dep_ == "compound" \
                and entity.start <= role.head.i < entity.end
            # (whatever the parse made of it, a listed noun for a person: "the house that
            # architect Marwan Al-Sayed created", with "architect" read as a verb)
            described = described or (role.is_lower and lexicon.syntax is not None
                                       and role.text in lexicon.syntax.person_descriptions)
            # a hyphenated role by its first word: "President-elect Donald Trump"
            first, _ = hyphenated_word(role)
            word = parse[first]
            if not described and not lexicon.patterns["person_roles"].fullmatch(word.text) and not (
                    word.text[:1].isupper() and lexicon.patterns["titles"].fullmatch(word.text)):
                continue
            name = without_possessive(entity.text)
            holders.setdefault(parse[first:role.i + 1].text.lower(), set()).add(cast.get(name.split()[-1], name))
    return {role: frozenset(names) for role, names in holders.items()}


def _nicknamed(parse):
    """'Rep. Robert C. “Bobby” Scott', 'Rubin “Hurricane” Carter': a nickname in quotation
    marks cuts the recogniser's person in two; the name is the whole run."""
    people = [e for e in parse.ents if e.label_ == PERSON]
    for first, last in zip(people, people[1:]):
        gap = parse[first.end:last.start]
        if len(gap) > NICKNAME_TOKENS or not all(t.is_quote or t.text[:1].isupper() for t in gap):
            continue
        opening = next((t.i for t in parse[first.start:last.start] if t.is_quote), None)
        if opening is not None and any(t.text[:1].isupper() for t in parse[opening + 1:last.start]):
            yield parse[first.start:last.end]


def genders_said(parses, lexicon: Lexicon) -> dict[str, str]:
    """The gender the article's own pronouns give a person: "Fiorina threw her support …",
    "Trump took his campaign to Ohio" (what the subject does with its own thing; not "Warren
    said he should resign", where the pronoun is often someone else). A name given both
    stays unknown unless one gender has at least twice the other's count."""
    votes: dict[str, Counter] = {}
    for parse in parses:
        for entity in parse.ents:
            # a surname alone may be another of the family ("Clinton took his …")
            if entity.label_ == PERSON and len(entity) >= 2:
                for gender in own_genders(entity.root, lexicon, clause_wide=True):
                    votes.setdefault(without_possessive(entity.text), Counter())[gender] += 1
    genders = {}
    for full, count in votes.items():
        ranked = count.most_common()
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if ranked[0][1] >= 2 * runner_up:
            genders[full] = ranked[0][0]
    return genders


_NAME_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


def people_mentioned(text: str, cast: dict[str, str], lexicon: Lexicon,
                     things: frozenset[str] = frozenset(), roles: dict[str, str] | None = None) -> list[str]:
    """The people a sentence names, in order, by the fullest name the article gives them: a
    run of words of the cast ("Chatwal pleaded guilty" → Sant Singh Chatwal), or a name the
    sentence alone shows (two or more name words) unless the recogniser took it for a place
    or another of ``things`` (things_named), or "the" and a role the article gives one person
    (``roles``, role_holders: "the admiral chuckled" after "Adm. Harry B. Harris Jr."). Parsed
    or not, a sentence then tells a later "he said" who was just named."""
    found: list[tuple[int, str]] = []
    runs: list[tuple[int, int]] = []
    run_end = -1
    for match in _NAME_WORD.finditer(text):
        word = without_possessive(match.group().rstrip("."))
        full = cast.get(word) if word[:1].isupper() else None
        if full is None:
            continue
        if full == word and (title := title_before(text, match.start(), lexicon)) is not None:
            full = f"{title} {word}"  # a surname nobody's in full: its title shows who (genders.cast_by_gender)
        if found and found[-1][1] == full and text[run_end:match.start()].strip() == "":
            run_end = match.end()
            runs[-1] = (runs[-1][0], run_end)
            continue  # "Sant Singh Chatwal": one mention
        found.append((match.start(), full))
        run_end = match.end()
        runs.append((match.start(), run_end))
    # "the Obama administration", "a Trump supporter": a name that only tells which noun is
    # meant names no one a later "he" could be
    found = [mention for mention, (start, end) in zip(found, runs) if not _attributive(text, start, end, lexicon)]
    for written in person_mentions(text, lexicon):
        name = without_possessive(written)  # "Keith Lamont Scott's wife": Keith Lamont Scott
        # a name the cast knows is found above, whole ("Robert C. “Bobby” Scott", not "Robert C")
        # not "South Carolina", nor "Outside Carrier" at the head of a sentence
        # (nor "Malaysia Airlines Flight", a longer name a body's opens)
        if not any(word.rstrip(".") in cast for word in name.split()) and name not in things \
                and name.split()[-1] not in things and not _opened_by_a_body(name, things):
            found.append((text.find(written), name))
    found += [(match.start(), holder) for role, holder in (roles or {}).items()
              for match in re.finditer(rf"\b[Tt]he {re.escape(role)}\b", text)]
    return [name for _, name in sorted(found)]


def _opened_by_a_body(name: str, things: frozenset[str]) -> bool:
    # (a one-word place may open a person's name: "Jordan Peterson")
    words = name.split()
    return any(" ".join(words[:end]) in things for end in range(2, len(words)))


def _attributive(text: str, start: int, end: int, lexicon: Lexicon) -> bool:
    """A name between a determiner and a lower-case word: "the Obama administration" (not
    after a word that may also open a clause, "… that Putin holds a grudge", nor a role the
    recogniser took for a name, "the President-elect in the three weeks")."""
    before = text[:start].split()
    after = text[end:].split()
    roles = any(lexicon.patterns[key].fullmatch(word.strip(".,;:")) for key in PERSON_ROLE_KEYS
                for word in text[start:end].split())
    return bool(before and after and not roles and lexicon.is_determiner(before[-1].lower())
                and not lexicon.patterns["relatives"].fullmatch(before[-1].lower())
                and after[0][:1].islower() and after[0][:1].isalpha())


def bodies_named(parses, companies: list[list[str]] = ()) -> frozenset[str]:
    """Every word of a name the entity recogniser took for an organization anywhere in
    ``parses``, and of the ``companies`` (companies_named) named anywhere: "Acme said" alone
    is a company where the article names Acme Robotics."""
    names = [without_possessive(e.text).split() for parse in parses for e in parse.ents if e.label_ == "ORG"]
    return frozenset(word for words in names + list(companies) for word in words
                     if word[:1].isupper() and len(word) > 1)


def works_named(parses, lexicon: Lexicon) -> frozenset[str]:
    """The names written anywhere in the article right after a noun for a work ("his musical
    La La Land", syntax.work_nouns): titles, no one's name wherever else they stand."""
    nouns = lexicon.syntax.work_nouns if lexicon.syntax is not None else frozenset()
    return frozenset(without_possessive(e.text) for parse in parses for e in parse.ents
                     if e.start > 0 and parse[e.start - 1].text in nouns
                     and not parse[e.start - 1].tag_.startswith("VB"))


def things_named(parses, bodies: frozenset[str]) -> frozenset[str]:
    """The names the recogniser took anywhere in the article for a place, a people, an event
    or a work, or for a body when of several words ("such as Time Warner, …. “The work is
    done,” he said" is no person's "he"), and nowhere for a person ("For black voters in states
    like South Carolina, he said"), and ``bodies``, the names it took mostly for a body
    (mostly_bodies)."""
    parses = list(parses)
    people = {without_possessive(e.text) for parse in parses for e in parse.ents if e.label_ == PERSON}
    return frozenset(name for parse in parses for e in parse.ents
                     if (e.label_ in THINGS or (e.label_ == "ORG" and len(e) >= 2))
                     and (name := without_possessive(e.text)) not in people) | bodies


__all__ = ["people_named", "written_cast", "role_holders", "shared_roles", "holders_by_role", "SHARED_ROLES_KEY", "people_mentioned", "bodies_named", "things_named", "mostly_bodies", "THINGS_KEY", "genders_said",
           "name_words", "CAST_KEY", "ROLES_KEY", "works_named",
           "BODIES_KEY", "GENDERS_KEY", "BODIES", "PERSON"]
