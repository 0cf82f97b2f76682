"""What a source found on the parse is: the phrase a head token stands for, and its kind from
the lexicon (sources.classify) refined by the parser's named entities.

The lexicon knows the words ("people familiar with", "critics", "the report", outlets by
name); the named entities know what the lexicon cannot list: that "Jane Doe" is a person
and "Acme Robotics" a company, whatever role words stand around them.
"""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.bodies import (body_in_apposition, body_named, body_word_before, one_word,
                                                    possessed_body, staff_of_body)
from sourcelight.pipeline.attribution.cast import BODIES, CAST_KEY, PERSON
from sourcelight.pipeline.attribution.person_signs import is_person_role
from sourcelight.pipeline.attribution.common_nouns import group_head, opening_capital, unlisted_noun
from sourcelight.pipeline.attribution.companies import designates_company
from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import object_of, possessor, text_of
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.names import without_possessive
from sourcelight.pipeline.attribution.outlets import names_outlet
from sourcelight.pipeline.attribution.persons import (ends_a_name, entity_of, gendered_pronoun_after, in_cast,
                                                     holders_for_places, name_after_role, name_set_off, one_holder,
                                                     outlet_by_name, owns_as_person, person_in, whole_name)
from sourcelight.pipeline.attribution.coordinations import (kind_of_groups, people_listed_beside, people_named,
                                                             roles_coordinated)
from sourcelight.pipeline.attribution.negative_subjects import answer_after, negative_opener
from sourcelight.pipeline.attribution.phrase_edges import past_closing_mark
from sourcelight.pipeline.attribution.phrases import conjoined, phrase_tokens, whole_words
from sourcelight.pipeline.attribution.sources import SourceGuess, classify
from sourcelight.pipeline.attribution.unnamed_people import counted_people, people_gathered, person_word
from sourcelight.pipeline.model import SourceKind

def guess_source(head, lexicon: Lexicon, tokens: list | None = None) -> SourceGuess | None:
    """The source phrase headed by ``head`` (or made of ``tokens``, where the parse gives
    no phrase) and its kind, or None when it names no source."""
    guess = _guess_source(head, lexicon, tokens)
    if guess is not None and guess.kind is SourceKind.NAMED_PERSON and _in_which(head):
        return None  # "another, Imogene, in which she stars …, wants …": a work's name, not a person's
    return guess


def _in_which(head) -> bool:
    """A name with a clause on it that a preposition and "which" open: no one is "in which"
    (a plain "which" the parse may have hung on a name from further on)."""
    return head.pos_ == "PROPN" and any(
        c.dep_ == "relcl" and any(w.lower_ == "which" and w.dep_ == "pobj" and w.i < c.i for w in c.subtree)
        for c in head.children)


def _guess_source(head, lexicon: Lexicon, tokens: list | None = None) -> SourceGuess | None:
    doc = head.doc
    if tokens is None:
        head, tokens = whole_words(head, conjoined(head))
    if not tokens or (head.ent_type_ in ("DATE", "TIME") and head.dep_ == "pobj" and head.head.dep_ == "agent"):
        return None  # "declared extinct by the 1970s": a time, no one
    if head.ent_type_ in ("DATE", "TIME") and head.pos_ == "NOUN" \
            and classify(head.text, 0, len(head.text), lexicon) is None:
        # "spend another year scolding each other", "this week's address": a time, no one (but
        # "minutes of the meeting showed" are a document)
        return None
    if (head.pos_ == "PRON" and head.dep_ == "nsubj" and "Acc" in head.morph.get("Case")) or (
            head.lower_ in ("'s", "’s") and head.i > 0 and head.doc[head.i - 1].lower_ == "let"):
        # "Let us know in the comments", "let’s see what our options are", "made them feel
        # that …": someone made to, not a source
        return None
    if len(tokens) == 1 and lexicon.is_first_person(head.text) \
            and head.pos_ == "PRON":
        # The writer speaking for themself ("I told Megyn Kelly …"): on the record, by byline.
        return SourceGuess(SourceKind.NAMED_PERSON, head.text, head.idx, head.idx + len(head.text))
    if _one_of_things(head, lexicon):
        return None  # "One of Schmidt’s first efforts … was to convince Page …": a deed, no one
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    end = past_closing_mark(text_of(doc), start, end)
    if negative_opener(text_of(doc), start, end, lexicon) is not None:
        return _party_of_no_one_on_parse(head, start, end, lexicon)
    if _gathered_documents(head, lexicon):
        return SourceGuess(SourceKind.DOCUMENT, text_of(doc)[start:end], start, end)  # "a trove of emails showed"
    if head.pos_ == "PROPN" and designates_company(head.text, lexicon) and (len(tokens) > 1 or head.i > 0):
        return SourceGuess(SourceKind.ORGANIZATION, text_of(doc)[start:end], start, end)  # "Zentrix Labs declined …"
    named_body = body_in_apposition(head, lexicon)
    if named_body is not None:
        kind = SourceKind.MEDIA if lexicon.patterns["media_names"].search(named_body.text) else SourceKind.ORGANIZATION
        return _named(named_body, tokens, kind)
    guess = classify(text_of(doc), start, end, lexicon)
    if guess is not None:
        guess = kind_of_groups(head, tokens, guess, text_of(doc), lexicon)
    common = opening_capital(guess, tokens, start, end, lexicon)
    if guess is not None and common is None:
        return None  # "Society may choose to believe …": a common noun, no one's name
    guess = common
    if guess is None and tokens[-1].i > head.i and any(t.dep_ in ("prep", "acl") for t in head.children if t.i > head.i):
        # "A report about the integration of immigrants noted", "a complaint filed by the SEC
        # and a complaint by Vermont": what the head names.
        guess = classify(text_of(doc), start, head.idx + len(head.text), lexicon)
    if guess is not None and guess.back_reference is not None:
        named = person_in(head, tokens, lexicon)
        if named is not None and named.root.dep_ == "appos" and named.root.head.i == head.i:
            # "a spokeswoman, Anna Richardson White, said": the name set off after the role speaks
            return _named(named, tokens, SourceKind.NAMED_PERSON)
        return guess
    if guess is not None and guess.kind is SourceKind.ORGANIZATION and (
            _people_on_a_persons_side(head, lexicon) or people_gathered(head, lexicon)):
        return replace(guess, kind=SourceKind.VAGUE)
    if guess is not None and guess.kind is SourceKind.ORGANIZATION and _document_about_a_body(head, start, lexicon):
        return replace(guess, kind=SourceKind.DOCUMENT)
    if guess is None and head.pos_ == "PRON" and len(tokens) > 1 and any(c.dep_ == "conj" for c in head.children):
        return guess_source(head, lexicon, tokens=[head])  # "She and her defenders argue": she, with others
    if guess is None or guess.kind is SourceKind.VAGUE:
        guess = _kept_unnamed(head, tokens, lexicon) or guess
    people = people_named(head, lexicon.is_first_person) or people_listed_beside(head) \
        or roles_coordinated(head, lexicon)
    if len(people) > 1:
        end = max(end, people[-1].end_char)  # "A, B and C" with C hung on B: to the last name
        return SourceGuess(SourceKind.NAMED_PERSON, text_of(doc)[start:end], start, end,
                           names=tuple(without_possessive(p.text) for p in people))
    if _counted_bodies(head):
        return SourceGuess(SourceKind.ORGANIZATION, text_of(doc)[start:end], start, end)
    person = person_in(head, tokens, lexicon) or name_after_role(tokens, lexicon)
    if person is None and guess is not None and guess.kind in (SourceKind.ANONYMOUS, SourceKind.VAGUE) \
            and len(tokens) == 1 and head.tag_ in ("NN", "NNP") and head.text[:1].isupper() \
            and head.text in (doc.user_data.get(CAST_KEY) or {}):
        # "…, Expert said" where the article named Paul Expert: the surname, not an expert
        return SourceGuess(SourceKind.NAMED_PERSON, head.text, start, end)
    if guess is not None and guess.kind is SourceKind.ORGANIZATION and (
            lexicon.patterns["metonyms"].fullmatch(guess.text) or lexicon.patterns["organizations"].fullmatch(guess.text)) \
            and (person is None or person.start <= head.i < person.end):
        # "Kyiv", "Twitter", whatever the recogniser guessed: the listed capital speaks for
        # its government, the listed company for itself (but "the Vatican spokesman, Federico
        # Lombardi" is Lombardi)
        return guess
    if guess is not None and guess.kind is SourceKind.ORGANIZATION and person is not None \
            and body_word_before(person, tokens, lexicon):
        return guess  # "whale rescue group Project Jonah", whatever the recogniser took the name for
    if guess is not None and guess.kind is SourceKind.ANONYMOUS and person is None:
        person = name_set_off(tokens)
        if person is None and (one_holder(head, lexicon) or holders_for_places(head, lexicon)):
            return replace(guess, kind=SourceKind.NAMED_PERSON)
    if guess is not None and guess.kind is SourceKind.MEDIA and person is None and len(tokens) == 1 \
            and ends_a_name(head, head.idx, head.idx + len(head.text), lexicon):
        return SourceGuess(SourceKind.NAMED_PERSON, guess.text, guess.start, guess.end)
    if guess is not None and guess.kind is SourceKind.VAGUE and person is None and head.pos_ == "PROPN" \
            and (named_body := entity_of(head)) is not None and named_body.label_ == "ORG" and len(named_body) > 2:
        return replace(guess, kind=SourceKind.ORGANIZATION)  # "Citizens for Responsibility and Ethics": a body's name
    if (guess is None or guess.kind is SourceKind.VAGUE) and person is None and staff_of_body(head, lexicon) \
            and not counted_people(head, lexicon):  # (but "two researchers at IBM" are left unnamed)
        return SourceGuess(SourceKind.ORGANIZATION, text_of(doc)[start:end], start, end)  # "researchers at IBM"
    if guess is not None and guess.kind is SourceKind.VAGUE and person is None and counted_people(head, lexicon):
        return replace(guess, kind=SourceKind.ANONYMOUS)  # "Three residents said": not "residents say"
    if guess is not None and guess.kind in (SourceKind.ANONYMOUS, SourceKind.MEDIA, SourceKind.VAGUE) and person is None:
        return guess
    if guess is not None and guess.kind is SourceKind.DOCUMENT and person is not None \
            and not person.start <= head.i < person.end and (_names_a_body(head, person, lexicon)
                                                            or _names_a_document(person, lexicon)
                                                            or token_lemma(head, lexicon) in lexicon.syntax.surveys):
        # "a study by the Council of the Great City Schools", "Data from the 2014 American
        # Community Survey": not a person's; and a study or a poll rests on its method even
        # where a person made it ("a study by a Russian sociologist, Mikhail Dmitriyev")
        return guess
    if guess is not None and guess.kind is SourceKind.MEDIA and outlet_by_name(head, start, end, lexicon):
        return guess  # "According to Axios": the list of outlets beats the recogniser's "person"
    if person is None and guess is not None and guess.kind is SourceKind.NAMED_PERSON and is_person_role(head, lexicon) \
            and head.tag_ not in ("NNS", "NNPS"):
        return guess  # "The Chief Justice", which the recogniser took for an organization (not "Border Patrol agents")
    if person is None and guess is not None and guess.kind is SourceKind.NAMED_PERSON:
        body = body_named(head, tokens, lexicon) or possessed_body(head, lexicon)
        if body is not None:
            return SourceGuess(body, guess.text, guess.start, guess.end)
    if (guess is not None and guess.kind is SourceKind.NAMED_PERSON and person is None
            and group_head(head)):
        # Capitals that are not a name: "Nine in 10 Democratic registered voters" is a group.
        guess = unlisted_noun(head, tokens, start, end, lexicon) or guess
    if guess is not None and guess.kind is SourceKind.NAMED_PERSON and person is None and head.i == tokens[0].i == 0 \
            and len(tokens) > 1 and head.tag_ in ("NN", "NNS") and not head.ent_type_ \
            and not any(t.text[:1].isupper() for t in tokens[1:]) \
            and head.text not in (doc.user_data.get(CAST_KEY) or {}):
        # "Staff on short-term contracts said": a capital only because the word opens the
        # sentence (a name alone the parse took for a noun stays one: "Trump calls for …", and
        # so does one with capitals in it: "Democracy for America, a … outfit, launched …")
        return unlisted_noun(head, tokens, start, end, lexicon) or replace(guess, kind=SourceKind.VAGUE)
    if guess is not None and guess.kind is SourceKind.NAMED_PERSON and person is None and head.pos_ != "PROPN":
        # "Much of the report argues", "Part of this framework involves …": a capital that
        # only opens the sentence is no name; a share of a source speaks as that source
        guess = _share_of(head, guess, lexicon) or guess
    if person is not None and not (guess is not None and guess.kind is SourceKind.MEDIA and person.root.i != head.i):
        return _named(person, tokens, SourceKind.NAMED_PERSON)
    entity = entity_of(head)
    if entity is not None and entity.label_ in BODIES and (head.pos_ == "PROPN" or (
            head.pos_ == "NOUN" and head.text[:1].isupper())) and in_cast(head, entity) and (
            not names_outlet(entity.text, lexicon) or gendered_pronoun_after(head.doc, head.i + 1, lexicon)):
        # "Manafort said" with the name tagged as a common noun and a company, where the
        # article named Paul Manafort as a person.
        return _named(whole_name(head, entity), tokens, SourceKind.NAMED_PERSON)
    if entity is not None and entity.label_ == "NORP" and _plural_people(head) and entity.root.i == head.i and not any(
            c.dep_ == "det" for c in head.children):
        # "Russians now say", "Muslims in the city said": people of a nation or faith, a
        # vague group (but "the Russians said" is one side speaking)
        return SourceGuess(SourceKind.VAGUE, text_of(doc)[start:end], start, end)
    if entity is not None and entity.label_ == "NORP" and head.tag_ in ("NN", "NNP") and entity.root.i == head.i:
        # one member of a party or nation: "A Democrat said" is unnamed, "the Wisconsin
        # Republican said" one person described; neither is the party
        if any(c.dep_ in ("det", "nummod") and lexicon.patterns["indefinite"].fullmatch(c.text) for c in head.children):
            return SourceGuess(SourceKind.ANONYMOUS, text_of(doc)[start:end], start, end)
        if any(c.dep_ == "det" and c.lower_ in lexicon.syntax.description_determiners for c in head.children):
            return SourceGuess(SourceKind.NAMED_PERSON, text_of(doc)[start:end], start, end)
    if entity is not None and entity.label_ == "ORG" and head.pos_ == "PROPN" and entity.root.i == head.i \
            and owns_as_person(entity, lexicon):
        return _named(whole_name(head, entity), tokens, SourceKind.NAMED_PERSON)
    if entity is not None and entity.label_ in BODIES:
        kind = SourceKind.MEDIA if names_outlet(entity.text, lexicon) else SourceKind.ORGANIZATION
        if guess is not None and guess.kind in (SourceKind.DOCUMENT, SourceKind.MEDIA) and head.pos_ != "PROPN":
            return guess  # "the Pentagon report": a document; "Acme Records": a company
        return SourceGuess(kind, guess.text if guess else text_of(doc)[start:end],
                           guess.start if guess else start, guess.end if guess else end)
    if guess is not None:
        return guess
    if head.pos_ == "PROPN" and head.tag_ != "NNPS" and head.text.casefold() in lexicon.not_names and all(
            t.is_punct for t in tokens if t.i != head.i):
        return None  # "WARNING: Video contains graphic images."
    if head.pos_ == "PROPN" and head.tag_ != "NNPS":
        # (a lone name the article shows is a body's: "Uber … its drivers"; so is one after a
        # noun for a body: "Research firm eMarketer")
        shown_a_body = (one_word(tokens) is not None and body_named(head, tokens, lexicon) is not None) \
            or body_word_before(whole_name(head, doc[head.i:head.i + 1]), tokens, lexicon)
        kind = SourceKind.ORGANIZATION if _acronym(head.text) or shown_a_body else SourceKind.NAMED_PERSON
        if names_outlet(text_of(doc)[start:end], lexicon):
            kind = SourceKind.MEDIA  # a site's address: "according to ouest-france.fr"
        return SourceGuess(kind, text_of(doc)[start:end], start, end)
    if head.pos_ == "NOUN" and head.text[:1].isupper() and head.text in (doc.user_data.get(CAST_KEY) or {}):
        return SourceGuess(SourceKind.NAMED_PERSON, text_of(doc)[start:end], start, end)  # a name tagged as a noun
    if head.pos_ == "NOUN" and _written_as_a_name(head.text) and body_word_before(doc[head.i:head.i + 1], tokens, lexicon):
        return SourceGuess(SourceKind.ORGANIZATION, text_of(doc)[start:end], start, end)  # "data analysis firm 1010data"
    owner = possessor(head)
    if owner is not None and head.dep_ in ("nsubj", "nsubjpass") and head.pos_ == "NOUN" \
            and token_lemma(head, lexicon) in lexicon.syntax.nouns:
        # "His remarks suggested": a statement speaks for its maker, not for a group of people
        return guess_source(owner, lexicon)
    guess = unlisted_noun(head, tokens, start, end, lexicon)
    if guess is not None and guess.kind is SourceKind.ORGANIZATION and names_outlet(guess.text, lexicon):
        return replace(guess, kind=SourceKind.MEDIA)  # "the Washington Post's investigative unit"
    return guess or _first_of_unlike(head, tokens, lexicon)


def _one_of_things(head, lexicon: Lexicon) -> bool:
    """'One of his goals was to convince …', 'one of the efforts was to tell …': one of things
    no word of which names a person, a body, an outlet or a document, said to be a deed, is not
    anyone who could speak (an unlisted noun with a saying verb still speaks: "one of the
    cooks said")."""
    things = object_of(head, "of") if head.tag_ == "CD" and head.head.lemma_ == "be" else None
    if things is None:
        return False
    owned = {t.i for c in things.children if c.dep_ == "poss" for t in c.subtree}  # ("Tom Reyes's efforts")
    return things.tag_ == "NNS" and not things.ent_type_ and not any(
        t.pos_ == "PROPN" and t.i not in owned for t in things.subtree) \
        and classify(things.text, 0, len(things.text), lexicon) is None \
        and not person_word(token_lemma(things, lexicon), lexicon) and not is_person_role(things, lexicon)


def _first_of_unlike(head, tokens, lexicon: Lexicon) -> SourceGuess | None:
    """'His campaign and much of the media will tell you …': sources of unlike kinds that
    no phrase of the lexicon's covers, which the first one's kind stands for."""
    if head.pos_ == "PRON" or not any(c.dep_ == "conj" for c in head.children):
        return None
    alone = whole_words(head, phrase_tokens(head))[1]
    first = guess_source(head, lexicon, tokens=alone) if alone and alone[-1].i < tokens[-1].i else None
    if first is None:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return replace(first, text=text_of(head.doc)[start:end], start=start, end=end, back_reference=None)


def _share_of(head, guess: SourceGuess, lexicon: Lexicon) -> SourceGuess | None:
    """The kind of "X of Y" where the head X is no name: that of Y where Y is a body, an
    outlet or a document ("Much of the report"), else a vague part of something."""
    whole = object_of(head, "of")
    if whole is None or any(t.ent_type_ == PERSON for t in whole.subtree):
        return None
    kind = guess_source(whole, lexicon)
    kinds = (SourceKind.ORGANIZATION, SourceKind.MEDIA, SourceKind.DOCUMENT)
    return replace(guess, kind=kind.kind if kind is not None and kind.kind in kinds else SourceKind.VAGUE)


def _counted_bodies(head) -> bool:
    """'Four casinos — Bally's, Caesars, Harrah's and Trump Taj Mahal — reported': a counted
    group whose members are listed beside it as bodies speaks as those bodies, not as a name
    the recogniser took for a person among them (but "Two senators, Dana Okafor and Lee
    Park, said" are the people named)."""
    if head.tag_ != "NNS" or not any(c.dep_ == "nummod" for c in head.children):
        return False
    first = next((c for c in head.children if c.dep_ == "appos"), None)
    return first is not None and first.ent_type_ in BODIES


def _party_of_no_one_on_parse(head, start: int, end: int, lexicon: Lexicon) -> SourceGuess | None:
    """ "No Acme spokesman would comment", "No one from Acme commented": only the body named
    (the lexicon knows "spokesman for", the recogniser that "Acme" is a company); "No official
    commented" rests on no one."""
    guess = classify(text_of(head.doc), start, end, lexicon)
    if guess is not None or not answer_after(text_of(head.doc), end, lexicon):
        return guess
    for preposition in (c for c in head.children if c.dep_ == "prep" and c.i > head.i):
        for body in (c for c in preposition.children if c.dep_ == "pobj"):
            guess = guess_source(body, lexicon)
            if guess is not None and guess.back_reference is None \
                    and guess.kind in (SourceKind.ORGANIZATION, SourceKind.MEDIA):
                return guess
    return None


def _gathered_documents(head, lexicon: Lexicon) -> bool:
    """'A new batch of State Department emails', 'a trove of memos': a collection of documents
    (the lexicon's syntax.collections) is documents, not the body named inside."""
    if token_lemma(head, lexicon) not in lexicon.syntax.collections:
        return False
    held = object_of(head, "of")
    documents = lexicon.patterns["documents"]
    return held is not None and bool(documents.fullmatch(held.text) or documents.fullmatch(token_lemma(held, lexicon)))


def _document_about_a_body(head, start: int, lexicon: Lexicon) -> bool:
    """'A document on the Trump campaign's website states …', 'a report about the harbour
    board': a document where a body is only what it is about or where it was found."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "prep" and c.lower_ in ("on", "about", "in", "at") and c.i > head.i
                                      for c in head.children):
        return False
    alone = classify(text_of(head.doc), start, head.idx + len(head.text), lexicon)
    return alone is not None and alone.kind is SourceKind.DOCUMENT


def _names_a_document(name, lexicon: Lexicon) -> bool:
    guess = classify(name.text, 0, len(name.text), lexicon)
    return guess is not None and guess.kind is SourceKind.DOCUMENT


def _names_a_body(head, name, lexicon: Lexicon) -> bool:
    """The recogniser's "person" after a document noun is an institution's name by the
    lists, alone ("Research Center") or with the words that lead up to it from the
    document's preposition ("the Council of the Great City Schools")."""
    doc = head.doc
    start = head.i + 1
    if start < name.start and doc[start].dep_ == "prep":
        start += 1
    for phrase in (name, doc[start:name.end] if start < name.end else name):
        guess = classify(phrase.text, 0, len(phrase.text), lexicon)
        if guess is not None and guess.kind is SourceKind.ORGANIZATION:
            return True
    return False


def _kept_unnamed(head, tokens, lexicon: Lexicon) -> SourceGuess | None:
    """'Two people briefed on the negotiations': the participle clause the phrase leaves out
    as an aside is what makes the people an anonymous source."""
    clause = next((c for c in head.children if c.dep_ == "acl" and c.i > head.i and c.tag_ == "VBN"), None)
    if clause is None:
        return None
    last = clause.right_edge
    whole = classify(text_of(head.doc), tokens[0].idx, last.idx + len(last.text), lexicon)
    return whole if whole is not None and whole.kind is SourceKind.ANONYMOUS else None


def _people_on_a_persons_side(head, lexicon: Lexicon) -> bool:
    """'his allies', 'Ailes’s allies claimed': a plural the lexicon knows for bodies and for
    people alike ("NATO allies" are states), owned by a person, is people on that person's
    side, a vague group."""
    owner = possessor(head)
    if head.tag_ != "NNS" or owner is None or not person_word(token_lemma(head, lexicon), lexicon):
        return False
    return owner.lower_ in lexicon.pronoun_genders or owner.ent_type_ == PERSON \
        or owner.text in (head.doc.user_data.get(CAST_KEY) or {})


def _plural_people(head) -> bool:
    """'Russians', 'Hispanics' (which the tagger may take for one name): a nation's, a faith's
    or a party's people in the plural."""
    return head.tag_ in ("NNS", "NNPS") or (head.tag_ == "NNP" and head.lower_.endswith("s")
                                            and not head.lower_.endswith("ss"))


def _written_as_a_name(word: str) -> bool:
    """'1010data', 'eMarketer': a word no dictionary has, with figures or a capital inside,
    which the tagger may take for a common noun."""
    return any(c.isalpha() for c in word) and (any(c.isdigit() for c in word) or any(c.isupper() for c in word[1:]))


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1


def _named(entity, tokens, kind: SourceKind) -> SourceGuess:
    while len(entity) > 1 and entity[-1].is_punct and all(t.is_punct for t in entity.doc[entity.end:]):
        entity = entity[:-1]  # '“…,” recalls Stephen.': the recogniser ran the name into the full stop
    text = without_possessive(entity.text)
    return SourceGuess(kind, text, entity.start_char, entity.start_char + len(text))
