"""The person a source phrase names on the parse: the recogniser's person, a name after a
role ("chief executive of Acme Robotics Jane Doe") or set off by a comma ("his best friend at
Lehigh, Bruce Turry"), a name the article's cast knows, or the one holder of an office a
named owner makes ("Donald Trump's campaign manager"). The people a coordination names
together are coordinations.py's."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cast import BODIES, CAST_KEY, PERSON
from sourcelight.pipeline.attribution.person_signs import ROLE_BEFORE_NAME_KEYS, is_person_role
from sourcelight.pipeline.attribution.companies import designates_company
from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.names import is_institution, without_possessive, without_role_in_front
from sourcelight.pipeline.attribution.deps import object_of, text_of
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.thing_names import THING_NAMES_KEY


def whole_name(head, entity):
    """The entity, widened to the name words in front the recogniser left out ("Rosette"
    of "Rosette Pambakian")."""
    start = entity.start
    while start > 0 and head.doc[start - 1].pos_ == "PROPN" and head.doc[start - 1].dep_ in ("compound", "flat") \
            and head.doc[start - 1].head.i == head.i:
        start -= 1
    return head.doc[start:entity.end]


def owns_as_person(entity, lexicon: Lexicon) -> bool:
    """'Carly Fiorina said the truth about her biography …' with the name taken for an
    organization: a plain two- or three-word name, listed as no body, that a gendered pronoun
    after it in the sentence refers back to with no other person named between."""
    words = list(entity)
    if not 2 <= len(words) <= 3 or not all(w.is_alpha and w.text.istitle() for w in words):
        return False
    if is_institution(entity.text, lexicon) or designates_company(entity.text, lexicon):
        return False
    return gendered_pronoun_after(entity.doc, entity.end, lexicon)


def gendered_pronoun_after(doc, start: int, lexicon: Lexicon) -> bool:
    """A "he", "she", "his" or "her" comes after token ``start`` in the sentence with no other
    person, body or thing's pronoun before it: what the name before ``start`` is referred back
    by."""
    for token in doc[start:]:
        if (token.ent_type_ in (PERSON, "ORG") and token.ent_iob_ == "B") or token.lower_ in ("it", "its"):
            return False  # (a thing's pronoun first: "Bloomberg says it started marking down her wealth")
        if token.lower_ in lexicon.pronoun_genders and token.tag_ in ("PRP", "PRP$") \
                and token.dep_ not in ("dobj", "pobj", "dative"):
            return True  # (not an object: "Bloomberg pegged him at $2.9 billion" is someone else)
    return False


def thing_pronoun_after(name, lexicon: Lexicon) -> bool:
    """The first owner's pronoun in the clause the name is the subject of is "its", with no
    other name before it: "Vidyard announced updates to its video platform" refers back to a
    body (not "Okafor said the board had changed its timetable", another clause's)."""
    verb = name.head
    if name.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
        return False
    for token in name.doc[name.i + 1:]:
        if token.ent_iob_ == "B" or token.pos_ == "PROPN":
            return False
        if token.tag_ == "PRP$":
            clause = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
            reference = lexicon.back_reference(token.text)
            return clause is not None and clause.i == verb.i and reference is not None and reference.one_thing
    return False


def in_cast(head, entity) -> bool:
    """Every word of the entity belongs to a person's name seen elsewhere in the article."""
    cast = head.doc.user_data.get(CAST_KEY) or {}
    words = without_possessive(entity.text).split()
    if len(words) == 1 and thing_opening_a_name(words[0], head.doc):
        return False
    # A particle capitalised at the start ("De Blasio said" after "Bill de Blasio") is still
    # a word of that name.
    names = [cast[w].casefold().split() for w in words if w in cast]
    return bool(names) and all(w in cast or any(w.casefold() in name for name in names) for w in words)


def _object_of_the_head(name, head, lexicon: Lexicon) -> bool:
    """'a longtime adviser to Dana Okafor', 'a friend of Lee Park': the person the head is
    adviser or friend to, as 'the parents of local woman Laura Stevens' are hers, not who
    speaks (but in 'chief executive of Acme Robotics Jane Doe' a body's name comes between,
    and the name is the executive's; and a spokesman for Jane Doe speaks for her); nor is a
    group placed with a name that name ("volunteers with Lee Park")."""
    # (the name set beside the preposition's object, "the parents of local woman Laura
    # Stevens", where the parse may hang it on the head with no comma between)
    before = name.doc[name.start - 1] if name.start > 0 else None
    anchor = name.root
    if name.root.dep_ == "appos" and name.root.head.dep_ == "pobj":
        anchor = name.root.head
    elif name.root.dep_ == "appos" and name.root.head.i == head.i and before is not None and before.dep_ == "pobj":
        anchor = before
    preposition = anchor.head
    if anchor.dep_ == "pobj" and preposition.dep_ == "prep" and preposition.head.i == head.i \
            and head.tag_ == "NNS" and preposition.lower_ in lexicon.syntax.affiliation_prepositions \
            and not lexicon.patterns["documents"].fullmatch(head.text):
        # "volunteers with Lee Park", "fans at the Super Bowl": a group the name places, not
        # the name (but "documents from Diane Blair" are hers)
        return True
    between = name.doc[preposition.i + 1:name.start]
    if anchor.dep_ != "pobj" or preposition.dep_ != "prep" or any(
            t.text[:1].isupper() and not t.text.endswith(".") and not lexicon.patterns["titles"].fullmatch(t.text)
            and t.ent_type_ != PERSON for t in between):
        return False  # (a title or a description before the name is the name's: "a friend of Mr. Park")
    if preposition.head.i == head.i and preposition.lower_ in lexicon.syntax.topic_prepositions and (
            lexicon.patterns["documents"].fullmatch(head.text) or lexicon.patterns["documents"].fullmatch(
                token_lemma(head, lexicon))):
        return True  # "a profile on Lena Moraes", "a report about Jane Doe": what it is about
    if preposition.head.dep_ == "amod" and preposition.head.head.i == head.i:
        return True  # "People close to Ms. Haley", "sources familiar with Lee": near the person, not the person
    return (preposition.head.i == head.i and preposition.lower_ in lexicon.syntax.relation_prepositions
            and (is_person_role(head, lexicon) or token_lemma(head, lexicon) in lexicon.syntax.person_descriptions)
            and not lexicon.patterns["spokesperson"].fullmatch(head.text))


def company_name(entity, lexicon: Lexicon) -> bool:
    """'Zentrix Labs', 'Pell Therapeutics Inc.': a name the recogniser took for a person that
    ends in a word only a company's name ends in."""
    return designates_company(entity[-1].text, lexicon)


def _body_taken_for_a_person(entity) -> bool:
    """A one-word name the article's pronouns show is a body's and no person's ("Parcelo … its
    couriers": thing_names), which the recogniser took for a person here."""
    doc = entity.doc
    name = without_possessive(entity.text)
    return name in (doc.user_data.get(THING_NAMES_KEY) or frozenset()) \
        and (name not in (doc.user_data.get(CAST_KEY) or {}) or thing_opening_a_name(name, doc))


def thing_opening_a_name(name: str, doc) -> bool:
    """'Mozilla', which the article's pronouns show is a body's name, where the cast has it only
    as the first word of a name the recogniser took for a person's ("Mozilla Suite"): a person's
    name ends in a body's word ("Michael Bloomberg"), not the other way round."""
    full = (doc.user_data.get(CAST_KEY) or {}).get(name)
    return full is not None and name in (doc.user_data.get(THING_NAMES_KEY) or frozenset()) \
        and full.split()[-1] != name


def entity_of(token):
    doc = token.doc
    for entity in doc.ents:
        if entity.start <= token.i < entity.end:
            return entity
    return None


def person_in(head, tokens, lexicon: Lexicon):
    """A person named in the phrase: the head's own entity, or a name the role words lead
    up to ('chief executive of Acme Jane Doe'), or the name in apposition ('the
    spokeswoman, Jane Doe')."""
    entity = entity_of(head)
    if entity is not None and entity.label_ == PERSON and entity.text[:1].isalpha() \
            and not company_name(entity, lexicon) and not _body_taken_for_a_person(entity):
        return without_role_in_front(entity, lexicon)  # (not "’s Note" of "Editor’s Note:", the recogniser's slip)
    if head.pos_ == "PROPN" and entity is not None and entity.label_ != PERSON:
        # "Ursula von der Leyen" where the recogniser split off "Leyen" as a place: a person's
        # name running up to the head is the head's.
        before = next((e for e in head.doc.ents if e.label_ == PERSON and e.end == head.i
                       and e.start >= tokens[0].i), None)
        if before is not None:
            return head.doc[before.start:head.i + 1]
        titled = _titled_name_after(entity, tokens, lexicon) or _name_after_member_word(entity, head, lexicon)
        if titled is not None:
            return titled
        # "Director of Product Management Joe Ambeault", read as one organization from
        # "Product": a role opening the phrase leads up to a name
        led = len(tokens) > 1 and entity.start > tokens[0].i and is_person_role(tokens[0], lexicon, ROLE_BEFORE_NAME_KEYS)
        if led and tokens[-1].i == head.i:
            return trailing_name(tokens, lexicon)
        role_set_off = head.dep_ != "ROOT" and any(c.dep_ == "appos" and head.i < c.i < head.head.i and (
            c.ent_type_ == PERSON or (c.pos_ == "NOUN" and is_person_role(c, lexicon))) for c in head.children)
        if not (tokens[-1].pos_ == "NOUN" and is_person_role(tokens[-1], lexicon)) and not role_set_off:
            return None  # a body: "the Doe Foundation"
        # "The Mandan, North Dakota, police chief, Jason Ziegler,": a role the parse hung on
        # its place, and the name set off after it
    token_ids = {t.i for t in tokens}
    for entity in reversed(head.doc.ents):
        if entity.label_ == PERSON and entity.start in token_ids and entity.end - 1 == tokens[-1].i \
                and entity.text[:1].isalpha() and not company_name(entity, lexicon) \
                and not _body_taken_for_a_person(entity) \
                and not any(a.dep_ in ("relcl", "acl") and a.i in token_ids for a in entity.root.ancestors) \
                and not _object_of_the_head(entity, head, lexicon):
            return without_role_in_front(entity, lexicon)  # not "Levine, who has given money to Marco Rubio"
    trailing = trailing_name(tokens, lexicon) if head.pos_ == "NOUN" and tokens[-1].pos_ == "PROPN" \
        and tokens[-1].i > head.i else None
    if trailing is not None and not _object_of_the_head(trailing, head, lexicon) \
            and not _among_examples(trailing, head):
        return trailing
    role = head.pos_ == "NOUN" and is_person_role(head, lexicon)
    named = _named_by_participle(head, lexicon)
    if named is not None:
        return named
    for child in head.children:
        if child.dep_ == "appos" and not head.i < head.head.i < child.i:
            # (an "apposition" past the verb is the parser's slip: "The lawyers also pointed
            # to …, Sen. John McCain of Arizona …")
            inner = entity_of(child)
            if inner is not None and _object_of_the_head(inner, head, lexicon):
                continue  # "the parents of local woman Lena Moraes" with the name hung on "parents"
            if inner is not None and inner.label_ == PERSON:
                return inner
            if child.pos_ == "NOUN":
                # "The other man, his cousin James York, 40,": the description's own name
                named = [entity_of(c) for c in child.children if c.dep_ == "appos" and c.i > child.i]
                person = next((e for e in named if e is not None and e.label_ == PERSON), None)
                if person is not None:
                    return person
            if child.pos_ == "PROPN" and child.i > head.i and (role or (
                    inner is not None and inner.label_ not in ("NORP", "GPE", "LOC") and in_cast(child, inner))):
                # "his nephew Michery el Soheil", whatever the recogniser took the name for, and
                # "One Republican presidential hopeful, Carly Fiorina," whom the article shows
                # is a person
                first = child.i
                while first - 1 > head.i and head.doc[first - 1].pos_ == "PROPN":
                    first -= 1
                return head.doc[first:child.i + 1]
    if role:
        # "a former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn, …" where the
        # parse hung the name on the ministry: the role's name is the person.
        for token in head.subtree:
            inner = entity_of(token) if token.dep_ == "appos" and token.i > head.i else None
            if inner is not None and inner.label_ == PERSON and token.head.dep_ == "pobj":
                return inner
    return None


def _titled_name_after(body, tokens, lexicon: Lexicon):
    """'The Council on American-Islamic Relations National Executive Director Nihad Awad',
    which the parse heads with the council: a title in capitals right after the body's name
    leads up to the person's name that ends the phrase."""
    doc = body.doc
    person = next((e for e in doc.ents if e.label_ == PERSON and e.start > body.start and e.end - 1 == tokens[-1].i),
                  None)
    if person is None or person.start - 1 < body.end - 1 or not is_person_role(doc[person.start - 1], lexicon,
                                                                                ROLE_BEFORE_NAME_KEYS):
        return None
    if not all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in doc[body.end:person.start]):
        return None  # (not "the lawyer for Director Jane Doe": a preposition between)
    return person


def _name_after_member_word(body, head, lexicon: Lexicon):
    """'House Intelligence Republican Mike Pompeo', which the recogniser read as one body: a word
    for one member of a party or a group ("Republican") leads up to the name that ends it."""
    doc = head.doc
    if body.end - 1 != head.i or lexicon.syntax is None:
        return None
    for length in (2, 3):
        start = head.i - length + 1
        name = doc[start:head.i + 1]
        if start - 1 < body.start or doc[start - 1].lower_ not in lexicon.syntax.person_descriptions:
            continue
        if all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.casefold() not in lexicon.not_names
               for t in name) and not lexicon.patterns["organizations"].search(name.text):
            return name
    return None


def _named_by_participle(head, lexicon: Lexicon):
    """'a former correspondent named Rudi Bakhtiar', 'a nurse called Dana Okafor': the name
    the participle gives the described person."""
    for child in head.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and token_lemma(child, lexicon) in lexicon.syntax.naming_verbs:
            for given in child.children:
                inner = entity_of(given) if given.dep_ in ("oprd", "dobj", "attr") else None
                if inner is not None and inner.label_ == PERSON:
                    return inner
    return None


def name_after_role(tokens, lexicon: Lexicon):
    """'Spokeswoman Haley Morris', which the recogniser reads as one organization: a role
    word the lexicon knows, then a name."""
    if len(tokens) < 3 or tokens[0].pos_ not in ("NOUN", "PROPN") or not all(t.pos_ == "PROPN" for t in tokens[1:]):
        return None
    if not is_person_role(tokens[0], lexicon, ROLE_BEFORE_NAME_KEYS):
        return None
    return tokens[0].doc[tokens[1].i:tokens[-1].i + 1]


def _final_names(tokens) -> list:
    """The proper nouns that end the phrase, up to the first word that is none."""
    run = []
    for token in reversed(tokens):
        if token.pos_ != "PROPN":
            break
        run.insert(0, token)
    return run


def _among_examples(name, head) -> bool:
    """'A group of advocates, including Public Citizen, Sierra Club and Americans for Financial
    Reform, is calling …': a name in the members a participle lists ("including", "such as")
    is one of them, or the tail of one's name, never the head's."""
    return any(a.dep_ == "prep" and a.tag_ == "VBG" for a in name.root.ancestors if head.is_ancestor(a))


def trailing_name(tokens, lexicon: Lexicon):
    """'chief executive of X Robotics Jane Doe' where the entity recogniser saw no person:
    the last two capitalised words that belong to no organization's name."""
    # A company's name may run into the person's ("Northwind Robotics Jane Doe", which the
    # recogniser reads as one organization): the run stops only at a non-name.
    run = _final_names(tokens)
    if run and run[-1].ent_type_ in BODIES and len(run) < 3:
        return None
    names = run[0].doc[run[0].i:run[-1].i + 1].text if run else ""
    if run and (lexicon.patterns["media_names"].search(names) or lexicon.patterns["organizations"].search(names)):
        return None  # "an interview with The New York Times": the outlet, no "York Times"
    if run and designates_company(run[-1].text, lexicon):
        return None  # "engineers from Zentrix Labs": a company's name
    if any(t.dep_ == "prep" for t in run):
        return None  # "Surfers Against Sewage": a group's name, "Against" no first name
    if len(run) < 2:
        return None
    return run[0].doc[run[-2].i:run[-1].i + 1] if len(run) > 2 else run[0].doc[run[0].i:run[-1].i + 1]


def one_holder(head, lexicon: Lexicon) -> bool:
    """'Donald Trump's campaign manager': a named owner makes a single office its one holder,
    as "the" does ("the deputy foreign minister"); not "a Trump aide" or "Trump's aides"."""
    return head.tag_ == "NN" and lexicon.patterns["person_roles"].fullmatch(head.lower_) is not None and any(
        c.dep_ == "poss" and c.pos_ == "PROPN" for c in head.children) and not any(c.dep_ == "det" for c in head.children)


def holders_for_places(head, lexicon: Lexicon) -> bool:
    """'The foreign ministers of France and Germany', 'the Prime Ministers of Australia,
    Canada and New Zealand': an office that each of the places named has one holder of, so
    people described, not left unnamed (but "the ministers of a few states" and "officials
    of Germany" are)."""
    # (a plural whatever the tag, "the Prime Ministers" read as a name: its lemma another word)
    office = token_lemma(head, lexicon)
    if office == head.lower_ or not lexicon.patterns["person_roles"].fullmatch(office) or not any(
            c.dep_ == "det" and lexicon.patterns["definite"].fullmatch(c.text) for c in head.children):
        return False
    place = object_of(head, "of")
    # (the parse may hang the places after the first on the office: "… of Norway, Iceland")
    others = [c for t in (place, head) if t is not None for c in t.children if c.dep_ == "conj"]
    return place is not None and place.ent_type_ in ("GPE", "NORP") and any(
        c.ent_type_ in ("GPE", "NORP") for c in others)


def name_set_off(tokens):
    """'his best friend at Lehigh, Bruce Turry': a person described, then named after a
    comma, whatever the recogniser took the name for (here part of "Lehigh, Bruce Turry")."""
    run = _final_names(tokens)
    lower = [i for i, token in enumerate(run) if not token.text[:1].isupper()]
    run = run[lower[-1] + 1:] if lower else run  # only the capitalised words at the end
    if not 2 <= len(run) <= 3 or run[0].i == 0 or run[0].doc[run[0].i - 1].text != ",":
        return None
    return run[0].doc[run[0].i:run[-1].i + 1]


def outlet_by_name(head, start: int, end: int, lexicon: Lexicon) -> bool:
    """A listed outlet's name in the phrase from ``start`` to ``end`` covers its head and is
    no person's ("According to Axios", not "Mayor Don Guardian")."""
    found = lexicon.patterns["media_names"].search(text_of(head.doc), start, end)
    return found is not None and found.start() <= head.idx < found.end() and not ends_a_name(
        head, found.start(), found.end(), lexicon)


def ends_a_name(head, start: int, end: int, lexicon: Lexicon) -> bool:
    """An outlet's word that ends a person's name: "Mayor Don Guardian", or "Guardian" alone
    where the article names Don Guardian and a "he" or "she" refers back to it ("Guardian said
    he understood …"; but "Bloomberg says it started …" is the outlet)."""
    doc = head.doc
    if any(e.label_ == PERSON and e.start_char < start and end <= e.end_char and doc[e.start].lower_ != "the"
           for e in doc.ents):
        return True
    text = text_of(doc)
    word = text[start:end]
    full = (doc.user_data.get(CAST_KEY) or {}).get(word)
    return full is not None and len(full.split()) > 1 and full.split()[-1] == word \
        and text[:start].split()[-1:] not in (["the"], ["The"]) and gendered_pronoun_after(doc, head.i + 1, lexicon)


__all__ = ["entity_of", "thing_opening_a_name", "whole_name", "in_cast", "person_in", "name_after_role",
           "one_holder", "holders_for_places", "name_set_off", "owns_as_person", "gendered_pronoun_after",
           "outlet_by_name", "ends_a_name"]
