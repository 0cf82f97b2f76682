"""One article, one cast: every mention of the same source ("Dana Lee", "Lee", "Ms. Lee",
"she") becomes one entity, so that notes name who a claim rests on and the summary counts
people, not strings.

Pronouns and descriptions are resolved in context.py; this pass gives every named person
the fullest name the article uses for them: a name the parser's entity recogniser saw
anywhere in the article (the cast), or a longer name another claim rests on.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from sourcelight.pipeline.attribution.cast import name_words
from sourcelight.pipeline.attribution.compounds import as_last_part
from sourcelight.pipeline.attribution.described import describes_several
from sourcelight.pipeline.attribution.lemmas import inflected_noun
from sourcelight.pipeline.attribution.lexicon import Lexicon, load_lexicon
from sourcelight.pipeline.attribution.messages import messages_for
from sourcelight.pipeline.attribution.person_signs import PERSON_ROLE_KEYS
from sourcelight.pipeline.attribution.sources import ends_in_word_of
from sourcelight.pipeline.model import Attribution, SourceKind


def unify_entities(attributions: list[Attribution | None], cast: dict[str, str], lexicon: Lexicon,
                   other_gender: Callable[[Attribution, str], bool] = lambda _, __: False,
                   bodies: frozenset[str] = frozenset()) -> list[Attribution | None]:
    """The attributions with each named person's entity set to their fullest name, unless
    ``other_gender`` says the claim's own words show a person of another gender than that
    name's ("Mr. Trump said" where the only Trump named in full is Ivanka Trump). ``bodies``
    are one-word names the article shows are a body's ("Mozilla … its")."""
    attributions = _bodies_by_fuller_name(_speakers_not_outlets(attributions), lexicon)
    names = dict(cast)
    for attribution in attributions:
        if attribution is not None and attribution.kind is SourceKind.NAMED_PERSON and not is_pair(attribution, lexicon):
            full = _bare(attribution.who or "", lexicon)
            for word in full.split():
                # the cast, read off the whole article, decides the words it knows ("Obama"
                # of two Obamas stays nobody's in full); the writer's "I" in "Both Sam & I"
                # is no word of anyone's name
                if word[:1].isupper() and not lexicon.is_first_person(word) and _known(word, cast) is None \
                        and len(full) > len(names.get(word, "")):
                    names[word] = full
    return [_each_unified(a, names, lexicon) if a is not None and is_pair(a, lexicon) else _unified(
        a, _fitting_names(a, names, lexicon, other_gender), lexicon, bodies) for a in attributions]


def without_nouns_as_names(attributions: list[Attribution | None], lexicon: Lexicon) -> list[Attribution | None]:
    """Where every noun is capitalised (German), a lone word that no name in the article
    resolved and that the dictionary knows as an inflected noun ("Patienten", "Preise", "in
    Industriekreisen") is a group or a thing spoken of, not a person named on the record."""
    if not lexicon.capitalised_nouns:
        return attributions
    return [replace(a, kind=SourceKind.VAGUE) if a is not None and a.kind is SourceKind.NAMED_PERSON
            and a.source and len(a.source.split()) == 1 and a.entity in (None, a.source)
            and inflected_noun(a.source.strip(), lexicon.language, lexicon.lemmatizer) else a for a in attributions]


def _fitting_names(attribution: Attribution | None, names: dict[str, str], lexicon: Lexicon,
                   other_gender: Callable[[Attribution, str], bool]) -> dict[str, str]:
    """The cast's fullest names for the words of the claim's source (all _unified looks up),
    but not one its own words show is another gender's: then the one of that family they fit."""
    if attribution is None or not attribution.who:
        return {}
    words = {_fold(word) for word in _bare(attribution.who, lexicon).split()} | {_fold(attribution.who)}
    fitting = {}
    for word, full in names.items():
        if _fold(word) not in words:
            continue
        if full != word and not other_gender(attribution, full):
            fitting[word] = full
            continue
        # "Mrs. Clinton said" where the article names Bill and Hillary Clinton (the surname is
        # then nobody's in full), or where it went to the other one: the one of the family the
        # claim's own words fit, where only one does and they rule another out
        family = {name for name in names.values() if name != word and _fold(name.split()[-1]) == _fold(word)}
        kin = {name for name in family if not other_gender(attribution, name)}
        if len(kin) == 1 and kin != family:
            fitting[word] = kin.pop()
        elif full == word:
            fitting[word] = full
    return fitting


def _speakers_not_outlets(attributions: list[Attribution | None]) -> list[Attribution | None]:
    """'… said Atlantic City Mayor Don Guardian.' then '“…,” Guardian said.': a one-word source
    read as an outlet's name is the person who already spoke under it, as a name seen as a
    person stays a person (a "Bloomberg" never quoted as a person stays the outlet)."""
    speakers: dict[str, str] = {}
    unified: list[Attribution | None] = []
    for attribution in attributions:
        who = attribution.who if attribution is not None else None
        if attribution is not None and attribution.kind is SourceKind.MEDIA and who in speakers:
            attribution = replace(attribution, kind=SourceKind.NAMED_PERSON, entity=speakers[who])
        elif attribution is not None and attribution.kind is SourceKind.NAMED_PERSON and who and len(who.split()) > 1:
            speakers.setdefault(who.split()[-1], who)
        unified.append(attribution)
    return unified


def _bodies_by_fuller_name(attributions: list[Attribution | None], lexicon: Lexicon) -> list[Attribution | None]:
    """'The Scottish Ambulance Service said …' then 'A spokesman for the ambulance service
    said …': a body described by the words of a name another claim rests on, its last word
    the same, is that body, counted once."""
    bodies: list[str] = []
    unified: list[Attribution | None] = []
    for attribution in attributions:
        if attribution is not None and attribution.kind is SourceKind.ORGANIZATION and attribution.who:
            words = attribution.who.split()
            if len(words) > 1 and attribution.entity in (None, attribution.source) \
                    and lexicon.patterns["definite"].fullmatch(words[0]) and all(w.islower() for w in words[1:]):
                wanted = [_fold(w) for w in words[1:]]
                fuller = next((name for name in reversed(bodies) if _fold(name.split()[-1]) == wanted[-1]
                               and set(wanted) <= {_fold(w) for w in name.split()}
                               and len(name.split()) > len(wanted)), None)
                if fuller is not None:
                    attribution = replace(attribution, entity=fuller)
            elif any(w[:1].isupper() for w in words[1:] or words):
                bodies.append(attribution.who)
        unified.append(attribution)
    return unified


def people_of(who: str | None, language: str) -> list[str]:
    """The people a source's entity names: one, or each of several named together, whose
    names the entity joins with the language's list separator ("Dana Okafor, Lee Park"); a
    description of several is one whole, whatever commas it holds ("The Prime Ministers of
    Australia, Canada and New Zealand")."""
    if not who:
        return []
    lexicon = load_lexicon(language)
    if lexicon is not None and describes_several(who, lexicon):
        return [who]
    return who.split(messages_for(language).text("summary.list_separator"))


def _each_unified(pair: Attribution, names: dict[str, str], lexicon: Lexicon) -> Attribution:
    """'Mr. Grassley and Mr. Leahy said': each by their fullest name, as when they speak alone."""
    people = people_of(pair.entity, lexicon.language)
    if len(people) < 2:
        return pair
    members = [_unified(Attribution(kind=SourceKind.NAMED_PERSON, source=name), names, lexicon).who for name in people]
    return replace(pair, entity=messages_for(lexicon.language).join("summary", members))


def is_pair(attribution: Attribution, lexicon: Lexicon) -> bool:
    """'Both men said …', 'Dana Okafor and Lee Park said …': people, whose names are no
    fuller form of either's (the entity lists each, as the summary does)."""
    reference = lexicon.back_reference(attribution.source or "")
    if reference is not None and reference.count == 2:
        return True
    return attribution.kind is SourceKind.NAMED_PERSON and len(people_of(attribution.entity, lexicon.language)) > 1


def _bare(name: str, lexicon: Lexicon) -> str:
    """The name without titles in front ("Mr.", "Senator", "Prime Minister", and with an
    article before the title, "le juge Bocock"), nor a role joined to a body's name before it
    ("Flixbus-Manager Stenger", "Condor-Sprecherin Magdalena Hauser"), nor an article and words
    in lower case ("The elder Mateen")."""
    words = name.split()
    if len(words) > 2 and lexicon.is_determiner(words[0]) and (
            lexicon.patterns["titles"].match(" ".join(words[1:])) or _joined_role(words[1], lexicon)):
        name = " ".join(words[1:])
    while True:
        match = lexicon.patterns["titles"].match(name)
        if not match or match.end() == 0 or match.end() >= len(name):
            break
        name = name[match.end():].lstrip(" .")
    words = name.split()
    while len(words) > 1 and words[1][:1].isupper() and _joined_role(words[0], lexicon):
        words = words[1:]
    named_at = next((i for i, word in enumerate(words) if i > 0 and word[:1].isupper()), 0)
    if named_at > 1 and lexicon.is_determiner(words[0].lower()) and all(w.islower() for w in words[1:named_at]):
        words = words[named_at:]  # "The elder Mateen": a name with words that tell which one
    # "der Vereinsvorsitzende David Bendels", "le président Alain Fuchs", "beispielsweise
    # Condor-Sprecherin Magdalena Hauser": what describes a full name is not part of it
    while len(words) > 2 and sum(w[:1].isupper() for w in words[1:]) >= 2 and (
            words[0].islower() or lexicon.is_determiner(words[0].lower()) or _role_word(words[0], lexicon)):
        words = words[1:]
    return " ".join(words).strip()


def _role_word(word: str, lexicon: Lexicon) -> bool:
    """'Jurist', 'président', and where compounds are one word, 'Vereinsvorsitzende'."""
    if ends_in_word_of(PERSON_ROLE_KEYS, word, lexicon):
        return True
    tail = as_last_part(word, lexicon)  # (a dictionary lookup per part: only where the word itself is no role)
    return tail is not None and ends_in_word_of(PERSON_ROLE_KEYS, tail, lexicon)


def _joined_role(word: str, lexicon: Lexicon) -> bool:
    """'Flixbus-Manager', 'Condor-Sprecherin': a body's name and a person's role in one word."""
    return "-" in word and ends_in_word_of(PERSON_ROLE_KEYS, word, lexicon)


def _unified(attribution: Attribution | None, names: dict[str, str], lexicon: Lexicon,
             bodies: frozenset[str] = frozenset()) -> Attribution | None:
    person = _known(attribution.who, names) if attribution is not None \
        and attribution.kind is SourceKind.ORGANIZATION and " " not in attribution.who else None
    if (person is not None
            # (not a body's name that opens one: "Mozilla" is no "Mozilla Suite" the recogniser
            # took for a person)
            and not (attribution.who in bodies and _fold(person.split()[-1]) != _fold(attribution.who))
            # (not where the sentence's own words say it is a body: "the company", "it")
            and (attribution.source is None or attribution.who in attribution.source)):
        # "Sanders said", which the recogniser took for a company, where the article names
        # Bernie Sanders as a person: a name seen as a person stays a person.
        attribution = replace(attribution, kind=SourceKind.NAMED_PERSON)
    if attribution is None or attribution.kind is not SourceKind.NAMED_PERSON or not attribution.who \
            or lexicon.is_first_person(attribution.who):
        return attribution
    bare = _bare(attribution.who, lexicon)
    words = bare.split()
    if not words:
        return attribution
    full = _known(words[-1], names)
    # Only a fuller name is news to the reader ("Lee" is Dana Lee); a title dropped from
    # the same name is not ("Senator Dana Lee" stays as the sentence gives it).
    # (a particle capitalised at a sentence's start is the same word: "De Blasio" is Bill de Blasio)
    if full and {_fold(w) for w in words} <= {_fold(w) for w in name_words(full)} \
            and len(full.split()) > len(words) and full != attribution.entity:
        return replace(attribution, entity=full)
    if full and full != bare and all(names.get(word) == full for word in words):
        # a description the recogniser ran into the name ("Billionaire Donald Trump", a
        # headline's "Pastor …"), whose every word the cast knows as that person's: the
        # person, counted once
        return replace(attribution, entity=full)
    return attribution


def _fold(word: str) -> str:
    return word.casefold().replace("’", "'")


def _known(word: str, names: dict[str, str]) -> str | None:
    """The full name the cast knows ``word`` by, whatever its capitals or apostrophe: a
    transcript's "PENCE" is Mike Pence, "O'Neill" is James O’Neill."""
    full = names.get(word)
    if full is None:
        folded = _fold(word)
        full = next((name for known, name in names.items() if _fold(known) == folded), None)
    return full


def bare_name(name: str, language: str) -> str:
    """``name`` without the titles in front, by the language's lexicon (for counting), nor
    what describes it before a listed first name that opens it ("Virologe Christian Drosten";
    where no word before it is one: "Anna Maria Schmidt")."""
    lexicon = load_lexicon(language)
    if lexicon is None:
        return name
    words = _bare(name, lexicon).split()
    first = next((i for i in range(1, len(words) - 1) if words[i] in lexicon.first_name_genders
                  and words[i + 1][:1].isupper()), None)
    if first is not None and not any(word in lexicon.first_name_genders for word in words[:first]):
        words = words[first:]
    return " ".join(words)
