"""What follows a cue verb on the parse, and what that makes of it: a clause, a colon or a
thing said that the verb reports ("said that …", "predicted a Cruz win", "…, the AP
reported"), or an object, a reflexive or a perceived event instead (what makes a verb say
nothing at all is said_nothing.py's); and whether the verb and its speaker are set off by commas
inside or after the words they report. syntax.py applies these tests to each candidate verb;
every word list comes from the lexicon's [syntax] section."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import marked_by, opened_by_that, text_of, to_infinitive
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.questions import question
from sourcelight.pipeline.attribution.speakers import name_before
from sourcelight.pipeline.attribution.unrealized import not_yet

CLAUSE_DEPS = ("ccomp", "parataxis")


def has_clause(token, infinitive: bool = True, colon: bool = True, predicate: bool = True) -> bool:
    """What was said follows the verb: a clause, a predicate ("calls the wall stupid"), a
    question ("asked workers if they …"), a clause on its object ("voiced doubts that …") or
    what it is said to be ("cited the tax as a reason"), a colon (right after it or its
    object, or ending the sentence: "He then listed the qualities a nominee needs:"), or
    (``infinitive``) a promise
    ("promised to cut waiting times"). Without ``colon``, a colon alone is no clause; without
    ``predicate``, neither is what the object is said to be. A colon ending the sentence of a
    verb denied shows what went wrong ("she’s not calculating his income taxes correctly:"),
    not what anyone said."""
    after = text_of(token.doc)[token.idx + len(token.text):].lstrip()
    opens = ("oprd", "xcomp") if infinitive else ("oprd",)
    colon = colon and not _clause_before_its_verb(token)
    return any((child.dep_ in CLAUSE_DEPS and not bare_infinitive(child) and not _ends_before_break(child, token)
                and not _bare_comparison(child))
               or child.dep_ in opens or question(child)
               or (child.dep_ == "dobj" and ((colon and colon_after(child.right_edge)) or content_clause(child)))
               for child in token.children) or (predicate and object_as_predicate(token)) \
        or token.dep_ in ("parataxis",) \
        or (colon and after[:1] == ":") or as_clause(token) \
        or (colon and token.dep_ == "ROOT" and text_of(token.doc).rstrip().endswith(":") and not negated(token)
            and not any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in token.children)) \
        or reporting_aside(token) or reporting_opener(token) or clause_on_addressee(token) \
        or clause_hung_above(token) is not None


def _clause_before_its_verb(token) -> bool:
    """'not everyone who saw the Stuart: A Life Backwards experienced …': a colon inside a
    clause on a noun whose verb comes later is part of a name, and opens nothing the clause says."""
    return token.dep_ == "relcl" and token.head.head.i > token.i


def _ends_before_break(clause, verb) -> bool:
    """'… the challenge faced by anyone appointed to fill Kaine's seat: That candidate would
    assume office in January', 'That’s right — a man in England found a statue …': the
    sentence before a colon or a dash, which the parse hung on the verb after it, is what the
    colon explains or the dash goes on from, not what the verb's subject said."""
    return clause.i < verb.i and clause.right_edge.i + 1 < verb.i and clause.doc[clause.right_edge.i + 1].text in (
        ":", "—", "–")


def clause_hung_above(verb):
    """'The nominee continues to insist, most recently in an interview with ABC News, that he
    really wants to …' and 'I hope in 2017 America says …' parsed with the clause as the head
    of the verb's own clause: that head, which is what the verb says, or None. Without a
    "that", the verb and its subject open the sentence, right before the head's subject."""
    current = verb
    while current.dep_ == "xcomp" and current.head is not current:
        current = current.head
    head = current.head
    if current.dep_ != "ccomp" or head.i <= verb.i or any(c.dep_ in CLAUSE_DEPS for c in verb.children):
        return None
    opened = any(c.dep_ == "mark" and c.lower_ == "that" and verb.i < c.i < head.i for c in head.children)
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # (not "Those discussions are continuing, he said": a comma sets off what the head says)
    leading = current.left_edge.i == 0 and subject is not None and current.right_edge.i + 1 == subject.left_edge.i \
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in current.children)
    return head if opened or leading else None


def clause_on_addressee(verb) -> bool:
    """'yelling to the officers that her husband was unarmed': a that-clause the parse hung
    on the person addressed, as if it were a relative clause ("that" its subordinator, not its
    subject, nor the object of a passive, which has none: not "the officers that the mayor hired")."""
    def content(clause) -> bool:
        passive = any(m.dep_ == "auxpass" for m in clause.children)
        return any(m.lower_ == "that" and (m.dep_ == "mark" or (m.dep_ == "dobj" and passive)) for m in clause.children)

    # ("claiming without any evidence that Obama wanted …": a content clause the parse hung
    # on the noun of the verb's phrase, as "acl", where the verb has no object of its own)
    unattached = ("relcl", "acl") if not any(c.dep_ in ("dobj", "ccomp") for c in verb.children) else ("relcl",)
    return any(c.dep_ == "prep" and any(
        o.dep_ == "pobj" and any(r.dep_ in unattached and content(r) for r in o.children)
        for o in c.children) for c in verb.children)




def only_adverbials_before(verb, start: int) -> bool:
    """Everything before the subject at ``start`` modifies the verb: a clause a subordinator
    opens ("when the time came,"), a phrase ("In the end,"), an adverb or a conjunction."""
    left = [c for c in verb.children if c.i < start and not c.is_punct]
    return bool(left) and all(
        c.dep_ in ("prep", "advmod", "npadvmod", "cc", "mark", "intj")
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" or (m.dep_ == "advmod" and m.tag_ == "WRB")
                                      for m in c.children if m.i < c.i))
        for c in left)


def object_as_predicate(verb) -> bool:
    """'cited the tax as a major reason …', 'denounced the attack as terrorism': what the
    object is said to be; also 'called the citation and the demand a transparent political
    ploy', where the parse took the predicate for an apposition with no comma before it."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or reflexive_object(verb) or objects[0].ent_type_ in ("PERCENT", "MONEY", "QUANTITY"):
        return False  # ("The Stoxx Europe 600 Index added 0.9 percent as banks rallied": a market's move)
    said_as = any(c.dep_ == "prep" and c.lower_ == "as" and c.i > objects[0].i
                  and any(p.dep_ == "pobj" for p in c.children) for c in verb.children)
    return said_as or any(_predicate_read_as_apposition(t) for o in verb.children
                          if o.dep_ == "dobj" or (o.dep_ == "conj" and o.pos_ == "NOUN") for t in o.subtree)


def _predicate_read_as_apposition(token) -> bool:
    """A noun phrase with its determiner that the parse hung on the one before as an
    apposition, though no comma sets it off."""
    doc = token.doc
    return (token.dep_ == "appos" and token.pos_ == "NOUN" and token.left_edge.i > 0
            and doc[token.left_edge.i - 1].is_alpha and token.left_edge.tag_ == "DT")


def content_clause(noun) -> bool:
    """'expressed concern that the plan would fail', 'expressed confidence it was holding the
    better hand': a clause with its own subject on the object says what the concern is (not a
    relative clause, 'the plan that failed')."""
    return any(c.dep_ in ("acl", "ccomp") and (opened_by_that(c) or any(m.dep_ == "nsubj" for m in c.children))
               for c in noun.children)


def colon_after(token) -> bool:
    """ "Whitlock Endorses Aberly: I Am ‘Horrified’": a colon after the verb's object opens
    what was said."""
    return text_of(token.doc)[token.idx + len(token.text):].lstrip()[:1] == ":"


def _bare_comparison(clause) -> bool:
    """'High streets saw 1.5 per cent fewer shoppers and shopping centres 2 per cent fewer in
    May' parsed with the last "fewer" as a clause: a comparative with no subject of its own
    is part of what was counted, not a clause anyone said."""
    return clause.tag_ in ("JJR", "JJS", "RBR", "RBS") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children)


def bare_infinitive(verb) -> bool:
    """'would like to see Ryan stay on': a bare infinitive is what was seen or heard, not a
    clause anyone said; nor is an infinitive with a subject of its own, which the parse
    makes of a noun ("Trump adds 200 staff to campaign")."""
    if verb.tag_ != "VB":
        return False
    if to_infinitive(verb):
        return any(c.dep_ == "nsubj" for c in verb.children)
    return not any(c.dep_ in ("aux", "mark", "nsubjpass", "auxpass") for c in verb.children)


def tells_how_much(verb, lexicon: Lexicon) -> bool:
    """'says something about the media', 'said little about his plans': how much the words
    tell of a topic, which is the writer's judgment, not a claim they make."""
    amount = next((c for c in verb.children
                   if c.dep_ == "dobj" and token_lemma(c, lexicon) in lexicon.syntax.told_amounts), None)
    return amount is not None and any(
        c.dep_ == "prep" and c.lower_ == "about" for c in (*verb.children, *amount.children))


def says_a_ritual(verb, lexicon: Lexicon) -> bool:
    """'could say goodbye to all that', 'said grace', 'thank God it did', 'which the firm
    calls home': words said as a custom, which claim nothing, whatever clause follows (a quote
    beside them still may)."""
    return any(c.dep_ in ("dobj", "oprd") and token_lemma(c, lexicon) in lexicon.syntax.rituals for c in verb.children)


def has_object(verb) -> bool:
    """What was found or shown is named ('polls show Clinton ahead'), not 'reports live
    from the field'."""
    return any(c.dep_ in ("dobj", "attr", "oprd") for c in verb.children)


def negated(verb) -> bool:
    """'did not report the launch': an outlet or body that told nothing (a study that 'did
    not find evidence' still found something)."""
    return any(c.dep_ == "neg" for c in verb.children)


def reflexive_object(verb) -> bool:
    return any(c.dep_ == "dobj" and is_reflexive(c) for c in verb.children)


def is_reflexive(token) -> bool:
    """'himself', 'themselves': the subject again."""
    return token.lower_.endswith(("self", "selves"))


def sees_it_happen(verb) -> bool:
    """'cannot hear smugglers digging', 'watched the mayor leave': what a verb of perception
    takes in is an event, its doer named inside; nothing anyone claimed (what a poll finds
    happening, "found Clinton leading Sanders", is its finding: syntax.py asks this of no
    verb of finding)."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    return bool(clauses) and all((c.tag_ in ("VBG", "VB") or _bare_infinitive_misread(verb, c))
                                 and any(g.dep_ == "nsubj" for g in c.children)
                                 and not any(g.dep_ in ("mark", "aux") for g in c.children) for c in clauses)


def _bare_infinitive_misread(verb, clause) -> bool:
    """'The group saw operating profits rise': a present form right after its subject, which
    follows a past verb of perceiving, is the parse's misread of a bare infinitive (not "I
    learned how they think", nor "I learned this … — rate cards are mostly fiction")."""
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return clause.tag_ == "VBP" and verb.tag_ == "VBD" and subject is not None \
        and subject.left_edge.i == verb.i + 1 and clause.i == subject.i + 1 \
        and not any(c.tag_ in ("WRB", "WP", "WDT") or c.dep_ == "mark" for c in clause.children)


def says_without_object(verb) -> bool:
    """'Few economists agree.', 'Some residents worry about traffic.': an unnamed group's
    view, told with no object, is the claim the sentence rests on."""
    # (a "conj" only of the sentence's own verb, not "begin shouting, pointing and jeering")
    # (nor a comparison the parse made a clause of: "High streets saw … 2 per cent fewer")
    # (a passive's subject is its object: "This task can then be claimed by another worker",
    # but "the move was seen by some as a rebuke" says what they think of it)
    return (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")) and not any(
        c.dep_ in ("dobj", "attr", "dative", "acomp", "neg") or (c.dep_ in CLAUSE_DEPS and _bare_comparison(c))
        for c in verb.children) and not _passive_of_a_thing(verb)


def _passive_of_a_thing(verb) -> bool:
    return any(c.dep_ == "nsubjpass" and c.lower_ != "it" for c in verb.children) and not has_clause(verb) \
        and not any(t.dep_ == "prep" and t.lower_ == "as" for t in verb.subtree if t.i > verb.i)


def reporting_aside(verb) -> bool:
    """'…, the Associated Press reported on Wednesday.': a verb with no object of its own
    whose subject opens after a comma reports the words before the comma."""
    if verb.i == 0 or verb.dep_ == "relcl" or to_infinitive(verb) or any(
            c.dep_ in ("dobj", "attr", "oprd", "dative", "xcomp") for c in verb.children):
        return False  # not "…, who added to her delegate lead", nor "…, libertarians—to counter …"
    subject = next((c for c in verb.children if c.dep_ in ("nsubj",) and c.i < verb.i), None)
    if subject is None or subject.tag_ in ("WP", "WDT"):
        return False
    start = subject.left_edge.i
    doc = verb.doc
    if verb.dep_ == "ROOT" and only_adverbials_before(verb, start):
        return False  # "But when the time came, Washington backed out.": no words before to report
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].is_punct:
        # "…, fundraising documents show." with the modifier misread as a verb of its own
        while start > 0 and verb.i - start < 4 and doc[start - 1].pos_ in ("NOUN", "PROPN", "ADJ", "VERB") \
                and doc[start - 1].tag_ in ("NN", "NNS", "NNP", "JJ", "VBG"):
            start -= 1
    return start > 0 and doc[start - 1].text == ","


def reporting_opener(verb) -> bool:
    """'Breitbart News' Michael Patrick Leahy previously reported, The Clinton Foundation
    refused …': a verb with a subject and nothing after it, set off by a comma before the
    clause the parse hung it on, introduces that clause (not "Ali didn't feel well and was
    unable to attend, so …")."""
    doc = verb.doc
    return (verb.dep_ in ("ccomp", "parataxis") and verb.right_edge.i == verb.i and verb.head.i > verb.i + 1
            and doc[verb.i + 1].text == "," and any(c.dep_ == "nsubj" for c in verb.children))


def as_clause(verb) -> bool:
    """'As the Post reported, …': the sentence the as-clause hangs on is what was said (not
    'as he's affectionately known by his grandchildren', which describes its subject, nor 'as
    it claims more territory' or 'as she continues to face', which have an object of their own,
    nor 'as the MSCI Asia Pacific Index added 0.4 percent', a market's move)."""
    # (a ccomp where the parse hung it on a verb before: "does not answer whether …, as police have said")
    return verb.dep_ in ("advcl", "ccomp") and marked_by(verb, "as") and not any(
        # a scene, not a report: "As Freddy … joked with his best friend at the table, …",
        # "The crowd cheered as Trump spoke about the wall"
        c.dep_ == "prep" and c.lower_ in ("with", "about") for c in verb.children) and not any(
        (c.dep_ == "nsubjpass" and c.lower_ != "it") or c.dep_ in ("dobj", "xcomp")
        or (c.dep_ == "npadvmod" and c.ent_type_ in ("PERCENT", "MONEY", "QUANTITY")) for c in verb.children)


def says_what_came_before(verb) -> bool:
    """'That's what my friend Andy McCarthy wrote recently.': what the sentence before said
    is theirs."""
    return verb.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.tag_ == "WP" for c in verb.children) and any(
        c.dep_ == "nsubj" and c.tag_ == "DT" for c in verb.head.children)


def set_off_cue(verb) -> str | None:
    """'CNN, Cruz said, called the announcement significant', '…, said Marcia Smith, …, Teck
    wants …' and 'Russians now say they admire Putin …, a study by a Russian sociologist
    concluded this year.': a speaker and verb set off by commas inside the sentence, or closing
    it after the words they report, speak for all of it: "inside" or "closing", else None."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "appos":
        subject = name_before(verb)  # "Democrats, Frank notes, applaud …" read as a noun "Frank notes"
    if verb.dep_ not in ("parataxis", "ccomp", "appos") or verb.tag_ not in ("VBD", "VBZ", "VBP") or subject is None or any(
            c.dep_ in CLAUSE_DEPS for c in verb.children):
        return None
    # the speaker before the verb, or after it ("…, said Marcia Smith, a vice president, Teck wants …")
    start = subject.left_edge.i if subject.i < verb.i else verb.i
    end = max([verb.i] + [c.right_edge.i for c in verb.children if c.i > verb.i and not c.is_punct])
    doc = verb.doc
    while start > 0 and doc[start - 1].tag_ in ("''", "``"):
        start -= 1  # ",'' a study … concluded": past the quote that closes before it
    if start == 0 or doc[start - 1].text != ",":
        return None
    if verb.head.i < verb.i and all(t.is_punct for t in doc[end + 1:]):
        return "closing"
    if verb.dep_ in ("parataxis", "appos") and end + 1 < len(doc) and doc[end + 1].text == ",":
        return "inside"
    return None


__all__ = ["CLAUSE_DEPS", "says_a_ritual", "has_clause", "not_yet", "has_object", "reflexive_object",
           "is_reflexive", "negated", "says_without_object", "says_what_came_before", "sees_it_happen",
           "set_off_cue"]
