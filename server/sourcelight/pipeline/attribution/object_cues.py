"""Cue verbs that say what they say through their object, with no clause after them: a thing
said ("repeated the allegation"; not "wrote the letter"), a body's finding ("the agency has
found 200 violations"), reasons cited ("Democrats cited several factors"), a thing doubted
("question the wisdom of …"), a position taken ("Christie endorsed Trump"), a judgement
("voters consider Clinton honest"), a listed
preposition ("agrees with Dean") and the frames of syntax.object_frames ("charged two
developers with …", "compared Trump to a coach", "attacked her opponent as a fraud",
"expressed misgivings about …") and syntax.said_frames ("defended Clinton against
allegations …")."""
from __future__ import annotations

from sourcelight.pipeline.attribution.person_signs import is_person_role
from sourcelight.pipeline.attribution.complements import has_object, is_reflexive, negated, reflexive_object
from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import marked_by, opened_by_that, to_infinitive
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.unnamed_people import person_word
from sourcelight.pipeline.model import SourceKind


def says_a_statement(verb, lexicon: Lexicon) -> bool:
    """'The Telegraph first reported the claims', 'repeated the allegation', 'predicted a
    Cruz win': the object is itself a thing said (not 'It didn't show the speech', 'had the authorities found the
    posts', where it was come upon)."""
    word = token_lemma(verb, lexicon)
    if word in lexicon.syntax.object_is_said:
        return any(c.dep_ == "dobj" for c in verb.children)  # "Patrick predicted a Cruz win"
    return word in lexicon.syntax.speech and word not in lexicon.syntax.perception and not negated(verb) and any(
        c.dep_ == "dobj" and token_lemma(c, lexicon) in lexicon.syntax.nouns and not _bare_document(c, lexicon)
        and not any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in verb.children)  # (not "offered no explanation", "did not offer an explanation")


def says_by_object(verb, word: str, lexicon: Lexicon) -> bool:
    """'sounded a warning about the cost', 'raised concerns about the deal', 'made the case for
    a new harbour': a verb that with such an object (syntax.said_objects) says what it tells,
    where it tells something: a clause ("made the case that …"), an infinitive ("made a pledge
    to cut taxes") or what it is about or for (not "gave a warning", "made a case"), unless
    negated."""
    syntax = lexicon.syntax

    def tells(token, clauses: tuple[str, ...]) -> bool:  # ("on Monday" is when, not what about)
        return any(g.dep_ in clauses or (g.dep_ in ("relcl", "ccomp") and opened_by_that(g)) or (
            g.dep_ == "prep" and g.lower_ in syntax.said_object_prepositions
            and not any(o.ent_type_ in ("DATE", "TIME") for o in g.children))
            for g in token.children if g.i > token.i)

    def others(noun) -> bool:  # "renewed Republican calls for …", "Clinton's call": not the subject's own
        return any((c.dep_ == "poss" and c.pos_ != "PRON") or (c.dep_ == "amod" and c.ent_type_ == "NORP")
                   for c in noun.children)

    # (not "was pilloried for making dubious claims": what the critics say he did; nor "more
    # productive ways to express your opposition", a way, not anyone's words)
    own_subject = verb.dep_ not in ("acl", "relcl") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return not negated(verb) and verb.dep_ != "pcomp" and own_subject and any(
        c.dep_ == "dobj" and (word, token_lemma(c, lexicon)) in syntax.said_objects and not others(c)
        and (tells(c, ("acl", "ccomp")) or tells(verb, ()))  # (the parse may hang "for a new harbour" on the verb)
        for c in verb.children)


def speaks_by_object(subject, guess, lexicon: Lexicon) -> bool:
    """Whether the subject of a verb of syntax.said_objects says what the object tells, not
    only prompts it: a person, a body or an outlet, not a document, a statement ("Remarks on
    the economy raise questions") nor one thing ("The attack raised concerns that …", "Trump's
    behavior raises questions", "It raises a question")."""
    word = token_lemma(subject, lexicon)
    if guess.kind is SourceKind.DOCUMENT or word in lexicon.syntax.nouns:
        return False
    if subject.pos_ == "PRON":
        reference = lexicon.back_reference(subject.text)
        return reference is None or not reference.one_thing
    if subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.ent_type_:
        return True  # a name, or a group ("researchers", "several sisters")
    return person_word(word, lexicon) or is_person_role(subject, lexicon) or word in lexicon.syntax.company_nouns \
        or bool(lexicon.patterns["organizations"].fullmatch(subject.text))


def _bare_document(noun, lexicon: Lexicon) -> bool:
    """'wrote letters for several of them', 'issued a statement': a document made, with nothing
    on it to tell what it says, is an act reported, not a claim (unlike 'repeated the allegation')."""
    documents = lexicon.patterns["documents"]
    return bool(documents.fullmatch(noun.text) or documents.fullmatch(token_lemma(noun, lexicon))) and not any(
        c.dep_ in ("acl", "relcl", "appos") or (c.dep_ == "prep" and c.lower_ in ("about", "of", "on")) for c in noun.children)


def body_tells(verb, source_token) -> bool:
    """'The company reported earnings', 'the agency has found 200 violations': a named or
    described body told a figure or finding, in the past, in the sentence's own verb (not
    'it showed a lack of will', 'has been trying to find', 'found itself at the center',
    'did not report the launch', 'reports earnings next week')."""
    return (verb.dep_ in ("ROOT", "conj") and source_token.pos_ != "PRON" and verb.tag_ in ("VBD", "VBN")
            and has_object(verb)
            and not negated(verb) and not reflexive_object(verb))


def cites_as_its_own(token, word: str, lexicon: Lexicon) -> bool:
    """ "Democrats cited several factors for the low turnout": a finite citing verb with an
    object gives the subject's reasons; "…, citing two officials" relays them instead."""
    finite = token.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in token.children)
    return word in lexicon.syntax.citing and finite and has_object(token)


def questions_a_thing(token, word: str, lexicon: Lexicon) -> bool:
    """ "Some Democrats question the wisdom of committing to Scott": a doubt about a thing,
    not "police questioned the suspect" (a person, a name or a pronoun for object)."""
    if word not in lexicon.syntax.questions_things:
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.pos_ == "NOUN" and not o.ent_type_ and not is_person_role(o, lexicon)
                                 for o in objects)


def takes_a_position(token, word: str, lexicon: Lexicon) -> bool:
    """ "The union endorsed Clinton", "China and Russia support the government", "The fare
    rise was backed by the harbour board": with an object (or by the agent of a passive), the
    position its subject takes, in a clause of the sentence's own; not in a clause on a noun
    ("met House members who have endorsed Trump", "a super PAC backing Cruz" say who those
    are), an infinitive ("resources to support their private endeavors") or a question."""
    if word not in lexicon.syntax.positions:
        return False
    if not (has_object(token) or any(c.dep_ == "agent" for c in token.children)):
        return False
    if any(t.tag_ in ("WDT", "WP") for c in token.children if c.dep_ == "dobj" for t in c.subtree):
        return False  # "isn't saying what techniques he would support": an open question
    current = token
    while current.head.i != current.i:
        if current.dep_ in ("relcl", "acl", "amod", "pcomp") or to_infinitive(current):
            return False
        if current.dep_ not in ("conj", "xcomp", "ccomp", "advcl"):
            break
        if current.dep_ == "advcl" and marked_by(current, *lexicon.syntax.time_prepositions):
            return False  # "received £25,000 after Okafor endorsed it": the time of the sentence's news
        current = current.head
    return True


def frames_object(token, word: str, lexicon: Lexicon) -> bool:
    """ "Prosecutors charged two developers with defrauding investors", "firms sued by the
    NAACP for targeting black borrowers", "compared Trump to a coach": what the speaker says
    of the object, after the verb's listed preposition; after one of syntax.said_frames only
    against a thing said ("defended Clinton against allegations of …", not "defended the
    city against attacks")."""
    prepositions = {p for verb, p in lexicon.syntax.object_frames if verb == word}
    said = {p for verb, p in lexicon.syntax.said_frames if verb == word}
    if not prepositions and not said:
        return False  # most cue verbs: no frame to read
    # not a bare participle ("are women, compared with about a third of …"), but a passive
    # with its agent ("firms sued by the NAACP for …")
    bare_participle = token.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "agent") for c in token.children)
    if bare_participle or negated(token) or (word in lexicon.syntax.perception and reflexive_object(token)):
        return False  # (nor "saw themselves as the seeds of a new press": a self-image, not a claim)
    framed = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    # the preposition on the verb ("charged two developers WITH …") or on its object
    # ("expressed misgivings ABOUT Mrs. Clinton")
    holders = [token] + [c for c in framed if c.dep_ == "dobj"]
    return bool(framed) and any((c.dep_ == "prep" and any(
        (g.dep_ in ("pobj", "pcomp") or (c.lower_ == "as" and g.dep_ == "amod")) and (c.lower_ in prepositions or (
            c.lower_ in said and token_lemma(g, lexicon) in lexicon.syntax.nouns)) for g in c.children))
        or _framed_by_clause(c, prepositions) for holder in holders for c in holder.children)


def _framed_by_clause(child, prepositions: set[str]) -> bool:
    """'sees Mr. Netanyahu AS captured by …', 'see the campaign AS most unfair': the parse
    makes what follows the frame's word a clause it opens, not its object; a clause with a
    subject of its own is the time of the act ("cast their ballots AS the polls opened")."""
    return child.dep_ == "advcl" and any(
        g.dep_ in ("mark", "advmod") and g.i < child.i and g.lower_ in prepositions for g in child.children) \
        and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in child.children)


_PREDICATES = ("ADJ", "NOUN", "PROPN")  # a predicate with no verb of its own: "honest", "a job killer"


def judges_object(verb) -> bool:
    """'Just 30 percent of all voters consider Clinton honest', 'Mr. Netanyahu considers Mr.
    Obama hopelessly naive', 'is considered unclean by Muslims', 'the limit that economists
    consider sustainable': a predicate with no verb of its own, said of the object (or the
    passive subject, or the noun the clause is on), is the view. A verb after it is something
    weighed ("is considering running", "will consider how to spend it"), "considers himself an
    immigrant" a self-image, and a predicate with nothing it is said of ("the numbers
    generally considered the most accurate", however parsed) no one's view."""
    passive = verb.tag_ == "VBN" and (verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children))
    if passive:
        judged = any(c.dep_ == "agent" for c in verb.children)
    else:
        judged = verb.dep_ == "relcl" or any(
            c.dep_ == "dobj" or (c.dep_ == "ccomp" and c.pos_ in _PREDICATES and any(g.dep_ == "nsubj" for g in c.children))
            for c in verb.children)
    return judged and any(
        c.dep_ in ("ccomp", "oprd", "xcomp") and c.pos_ in _PREDICATES
        and not any(g.dep_ == "nsubj" and is_reflexive(g) for g in c.children)
        for c in verb.children)


def self_image(verb, word: str, lexicon: Lexicon) -> bool:
    """'Casting himself as her prosecutor …, Mr. Christie roused the crowd to chants of
    "Lock her up!"', 'sees herself as "the people's candidate"': how someone shows or sees
    themselves is no claim, a quote beside it or not; nor is where someone finds themselves
    ("when they find themselves unable to escape the venue"), nor what they call themselves
    ("the protesters, who call themselves “water protectors”, were camping")."""
    if word in lexicon.syntax.naming_verbs and reflexive_object(verb):
        return True
    if word not in lexicon.syntax.perception:
        return False
    return (reflexive_object(verb) and any(c.dep_ in ("prep", "oprd", "acomp", "xcomp") and (
        c.lower_ == "as" or c.dep_ != "prep") for c in verb.children)) or any(
        c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ in ("ADJ", "ADP") and any(
            g.dep_ == "nsubj" and is_reflexive(g) for g in c.children) for c in verb.children)


def listed_preposition(token, word: str, speech: frozenset[str]) -> bool:
    """'agrees with Dean': the verb with a listed preposition that has its object."""
    return any(child.dep_ == "prep" and f"{word} {child.lower_}" in speech
               and any(g.dep_ == "pobj" for g in child.children) for child in token.children)


__all__ = ["says_a_statement", "says_by_object", "speaks_by_object", "body_tells", "cites_as_its_own",
           "questions_a_thing", "takes_a_position", "frames_object", "judges_object", "self_image", "listed_preposition"]
