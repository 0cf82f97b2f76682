"""Whether a cue verb asks rather than claims: a question the writer puts ("Why would anyone
believe …?"), one its subject asks or looks into ("asked workers if they …", "waited to see
if …"), or one it leaves open ("does not answer whether …")."""
from __future__ import annotations

from sourcelight.pipeline.attribution.deps import first_conjunct, marked_by, to_infinitive


def in_question(verb) -> bool:
    """'Why would any rational person believe …?', 'Does that person get tired and say the
    wrong thing?': a verb whose auxiliary comes before its subject in a sentence that asks is
    a question the writer puts, not anything its subject said; so is one whose subject is the
    question word ("Who knows …?")."""
    verb = first_conjunct(verb)
    above = verb.head.head
    if verb.dep_ == "relcl" and above.pos_ in ("VERB", "AUX") and above.i != verb.head.i:
        # "What do you call a boy who calls himself a girl?": part of what is asked
        return in_question(above)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ == "WP" and verb.dep_ != "relcl" and asks(verb):
        return True  # "Who knows what might be out there in your shed?": no one the writer names
    if subject is None or not any(c.dep_ in ("aux", "auxpass") and c.i < subject.i for c in verb.children):
        return False
    return asks(verb)


def in_asked_clause(noun) -> bool:
    """'How was Mills able to represent Clinton during the FBI's interview of …?': a statement
    noun under a verb the writer asks, its auxiliary (or "be" itself) before its subject."""
    def asked(verb) -> bool:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        inverted = subject is not None and verb.lemma_ == "be" and verb.i < subject.i
        return in_question(verb) or (inverted and asks(verb))

    return any(asked(verb) for verb in noun.ancestors if verb.pos_ in ("VERB", "AUX"))


def asked_ahead(verb) -> bool:
    """'The question isn't how Sanders will respond', 'no one knows what the board will say':
    a cue in a clause a question word opens, with a modal ahead of it or after a preposition
    ('the debate over how the council responds'), is asked about, not said."""
    if verb.dep_ == "pcomp" and verb.tag_ in ("VB", "VBP", "VBZ") and any(
            c.dep_ in ("advmod", "mark") and c.lower_ in ("how", "whether", "if")
            for c in verb.children if c.i < verb.i):
        # "a fresh debate over how the United States responds to …": the debate's topic (but
        # "focused on how the attack was initially portrayed by the White House": a past saying)
        return True
    if verb.dep_ == "ROOT" or not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    # (not "This is why Democrats can't just … cry", "a time when many would be asking": a
    # reason and a time are told, not asked)
    return any((c.dep_ in ("advmod", "mark") and c.lower_ in ("how", "whether", "if"))
               or (c.dep_ == "dobj" and c.tag_ == "WP") for c in verb.children if c.i < verb.i)


def asks(token) -> bool:
    """The sentence of ``token`` is a question: it ends on a question mark, quotes aside; or
    the brackets that hold ``token`` do ("… at the foot of Mummy Mountain (did someone say
    Egypt?) in …")."""
    if token.sent.text.rstrip(" \"'”’").endswith("?"):
        return True
    sentence = token.sent
    opening = next((t for t in reversed(sentence[:token.i - sentence.start]) if t.text in "()"), None)
    closing = next((t for t in sentence[token.i - sentence.start + 1:] if t.text in "()"), None)
    return opening is not None and opening.text == "(" and closing is not None and closing.text == ")" \
        and token.doc[closing.i - 1].text == "?"


def leaves_open(verb, question_words: bool = False) -> bool:
    """'does not answer whether Scott had a gun', 'did not show if …': a negated cue whose
    only clause is a question leaves it open; with ``question_words``, for a verb of knowing,
    one a question word opens too ('do not know how many tunnels there are'; but 'did not
    explain why …' is a party's silence, a statement about them)."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    # (not "…, as police have said", an as-clause the parse hung on the verb)
    clauses = [c for c in verb.children
               if (c.dep_ in ("ccomp", "parataxis") and not marked_by(c, "as")) or question(c)]
    return bool(clauses) and all(marked_by(c, "whether", "if") or (question_words and _asks_what(c)) for c in clauses)


def weighs_whether(verb) -> bool:
    """'decide whether to tender into the offer', 'is weighing whether to run': a choice
    still open, with nothing said."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    return bool(clauses) and all(marked_by(c, "whether", "if") and to_infinitive(c) for c in clauses)


def question(child) -> bool:
    """'asked workers if they …', 'wondered whether …' (not the condition in 'would support
    Trump if he became the nominee', whose verb has a modal, nor one before the verb: "if you
    want to know why …, I wrote a primer")."""
    if child.dep_ != "advcl" or child.i < child.head.i:
        return False
    conditional = any(a.tag_ == "MD" for a in child.head.children if a.dep_ == "aux")
    return marked_by(child, "whether") or (not conditional and marked_by(child, "if"))


def looks_to_find_out(verb) -> bool:
    """'waited to see if Obama would appoint …', 'compares samples to determine how well they
    represent …': what a perception verb asks about, or sets out to learn, is no claim of its
    subject's."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    setting_out = to_infinitive(verb)
    return bool(clauses) and not any(c.dep_ == "dobj" for c in verb.children) and all(
        marked_by(c, "if", "whether") or (setting_out and _asks_what(c)) for c in clauses)


def knows_how(verb) -> bool:
    """'Georgians really know how to dance', 'she learned where to look': a way of doing
    something known, no claim (but 'knew how many tunnels there were' is one)."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    return bool(clauses) and all(to_infinitive(c) and _asks_what(c) for c in clauses)


def _asks_what(clause) -> bool:
    """The clause opens with a question word ("how well the samples represent …")."""
    return clause.left_edge.tag_ in ("WRB", "WP", "WDT")


__all__ = ["in_question", "asks", "leaves_open", "weighs_whether", "question", "looks_to_find_out", "knows_how"]
