"""Speakers the small English parser leaves unlinked to their verb, found again: an
inverted speaker it took for an object or hung on a later verb ("…, said a former adviser,
Ivan Petrenko, who …"), a name left before the verb across commas and asides ("…, Paul
Manafort, bluntly suggested"), a subject left behind at the end ("…, filings released on
Friday revealed."), a surname tagged as an adverb ("said Skelly,"), and the subject of a
clause the parse made the verb's content ("Kasich offered the man a job, then says …")."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cast import CAST_KEY
from sourcelight.pipeline.attribution.deps import MAX_CLIMB, SUBJECTS


def stranded_speaker(verb):
    """The speaker of a verb with no subject on the parse, or None."""
    return (_inverted_object(verb) or _inverted_subject_taken(verb) or _speaker_taken_by_quote(verb)
            or _name_read_as_adverb(verb)
            or _name_read_as_verb(verb)
            or _subject_before_then(verb) or name_left_behind(verb) or _subject_left_behind(verb)
            or noun_right_before(verb) or _share_as_modifier(verb) or _description_as_modifier(verb))


def _share_as_modifier(verb):
    """'About 4 in 10 say they want …' parsed with the share as a number modifying the verb:
    the share is who speaks."""
    return next((c for c in verb.children if c.dep_ == "nummod" and c.tag_ == "CD" and c.i < verb.i), None)


def _description_as_modifier(verb):
    """'“…,” the 48-year-old said' parsed with "the" and "old" both hung on the verb, as if it
    were a noun: the adjective right before the verb, with a determiner before it, is who
    speaks."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.dep_ != "amod" or before.head.i != verb.i or before.pos_ != "ADJ":
        return None
    first = min(t.i for t in before.subtree)
    opening = verb.doc[first - 1] if first > 0 else None
    return before if opening is not None and opening.dep_ == "det" and opening.head.i == verb.i else None


def _subject_before_then(verb):
    """'Kasich offered the man a job, then says he'll welcome advice' and 'Sanders, who sits
    at zero endorsements, said that …' parsed with the first clause as what the verb
    reports: after "then", or where that clause is a relative one on the name ("Slinker,
    whose start-up uses …, said"), the subject of that clause speaks."""
    before = next((c for c in verb.children if c.dep_ in ("ccomp", "conj") and c.i < verb.i), None)
    if before is None:
        return None
    subjects = [c for c in before.children if c.dep_ == "nsubj"]
    then = any(c.dep_ == "advmod" and c.lower_ == "then" and c.i == verb.i - 1 for c in verb.children)
    doc = verb.doc
    relative = (any(c.tag_ == "WP" for c in subjects) and any(c.pos_ in ("PROPN", "NOUN") for c in subjects)) or any(
        # "Mr. Slinker, whose start-up uses big data …, said": the clause the parse made is the
        # name's relative one
        c.pos_ == "PROPN" and c.i + 2 < verb.i and doc[c.i + 1].text == "," and doc[c.i + 2].tag_ == "WP$"
        for c in subjects)
    if not (then or relative):
        return None
    return next((c for c in subjects if c.tag_ != "WP"), None)


def _name_read_as_adverb(verb):
    """'…,” said Skelly, explaining …': a surname ending in -ly tagged as an adverb right
    after the verb, capitalised mid-sentence and closing the clause, is the speaker."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is None or after.head.i != verb.i or after.tag_ != "RB" or not after.text[:1].isupper():
        return None
    if after.text.isupper() or after.i + 1 >= len(after.doc) or not after.doc[after.i + 1].is_punct:
        return None
    return after


def _name_read_as_verb(verb):
    """'Schilling, through a spokeswoman, declined to comment.' with the surname tagged as a
    participle hung on the verb, or 'Jolly said he has worked …' with it tagged as an adverb: a
    word the article's cast knows as a person's name, opening the sentence and set off by a
    comma or right before the verb, is who speaks."""
    first = verb.doc[0]
    cast = verb.doc.user_data.get(CAST_KEY) or {}
    if (first.pos_ in ("PROPN", "PRON") or first.text not in cast or first.head.i != verb.i or len(verb.doc) < 3
            or (verb.doc[1].text != "," and verb.i != 1)):
        return None
    return first


def unquoted_root_subject(verb):
    root = verb.sent.root
    return next((c for c in root.children if c.dep_ in SUBJECTS and c.i < verb.i and not quoted(c)), None)


def quoted(token) -> bool:
    """Inside quotation marks: more opening than closing marks before it."""
    marks = [t.tag_ for t in token.doc[:token.i] if t.tag_ in ("``", "''")]
    return marks.count("``") > marks.count("''")


def _said_before(verb) -> bool:
    """What the verb reports comes before it ("…, said X")."""
    return any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)


def _inverted_subject_taken(verb):
    """'…, said a former spokesman for the ministry, Oleg Voloshyn, who …' parsed with the
    spokesman as the subject of a verb further on: after the words said, a verb with no
    subject speaks for the noun phrase that follows it straight away."""
    if not _said_before(verb) or verb.i + 1 >= len(verb.doc):
        return None
    doc = verb.doc
    follower = _subject_right_after(verb)
    if follower is None or follower.pos_ not in ("NOUN", "PROPN") or verb not in follower.head.ancestors:
        return None
    # Set off by commas before its verb ("a former adviser, Ivan Petrenko, who …"), unlike
    # the subject of the clause said ("…, said Mr. Trump was a candidate").
    if not any(t.text == "," for t in doc[follower.i + 1:follower.head.i]):
        return None
    return follower


def name_after_participle(subject, verb):
    """'Speaking from a stage at Microsoft’s headquarters in Redmond, Washington, Chief
    Executive Satya Nadella said …' parsed with the opening participle as the verb's subject
    and the name hung inside it: of a participle opening the sentence whose phrase the parse
    runs on to the verb, the name right before the verb speaks (name_left_behind); else None."""
    if subject.dep_ != "csubj" or subject.tag_ != "VBG" or subject.i != verb.sent.start or verb.i < 2 \
            or subject.right_edge.i != verb.i - 1:
        return None
    return name_left_behind(verb)


def _speaker_taken_by_quote(verb):
    """'“The risk,” said Edward Leamer, an economist who …, “is that …”' parsed with the speaker
    as the subject of the verb the quote resumes with: right after a closing quotation mark,
    the verb's speaker follows it, whatever verb inside the quote the parse hung them on."""
    doc = verb.doc
    closing = verb.i - (2 if verb.i >= 2 and doc[verb.i - 1].text == "," else 1)
    if closing < 0 or doc[closing].tag_ != "''" or verb.i + 1 >= len(doc):
        return None
    follower = _subject_right_after(verb)
    if follower is None or follower.pos_ not in ("NOUN", "PROPN") or follower.head.i < follower.i \
            or not quoted(follower.head) or quoted(follower):
        return None
    return follower


def _subject_right_after(verb):
    """The first subject whose phrase starts right after the verb, on whatever verb it hangs."""
    return next((t for t in verb.doc[verb.i + 1:] if t.dep_ == "nsubj" and t.left_edge.i == verb.i + 1), None)


def subject_before_aside(verb):
    """'after Mr. Trump, asked about the deaths of journalists under Mr. Putin, had said, …'
    parsed with "said" loose: a verb with no subject right after a participle aside or a
    description set off by commas belongs to the name before it (not to one inside it)."""
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and (after.pos_ == "PROPN" or (after.dep_ == "det" and after.head.pos_ == "PROPN")):
        return None  # an inverted speaker follows: "…, the mayor, reports USA Today."
    # A participle shares its clause's subject ("Fiorina was upfront about Donald Trump, the
    # current front-runner, saying …" is Fiorina).
    if verb.tag_ == "VBG" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    doc, position = verb.doc, _before_own_words(verb, ("aux", "neg", "advmod"))
    if position <= 0 or doc[position].text != ",":
        return None
    opening = next((i for i in range(position - 1, 0, -1) if doc[i].text == ","), None)
    if opening is None or opening + 1 >= position:
        return None
    name, aside = doc[opening - 1], doc[opening + 1:position]
    if name.pos_ != "PROPN" or name.ent_type_ in ("GPE", "LOC", "FAC", "DATE"):
        return None  # not "in Ames, Iowa, …"
    # a participle aside ("asked about …"), or a description of the name: a role with its
    # article or its owner ("Marc H. Morial, the chief executive of the National Urban League,
    # forcefully told …", "Jay DiPietro, the club's president, suggested …")
    # or a phrase on the verb itself ("Trump, after railing against …, produced …")
    participle = aside[0].tag_ in ("VBN", "VBD", "VBG") or (aside[0].dep_ == "prep" and aside[0].head.i == verb.i
                                                            and aside[-1].head.i != name.i)
    described = any(t.dep_ == "appos" and t.head.i == name.i and t.tag_ == "NN"
                    and any(c.dep_ in ("det", "poss") for c in t.children) for t in aside)
    return name if participle or described else None


def _before_own_words(verb, deps: tuple[str, ...]) -> int:
    """The index of the word before the verb, back over the verb's own words of ``deps``
    right before it ("also", "not", "had")."""
    position = verb.i - 1
    while position > 0 and verb.doc[position].dep_ in deps and verb.doc[position].head.i == verb.i:
        position -= 1
    return position


def noun_right_before(verb):
    """'… more ethanol than the oil industry says the markets can handle', parsed with the
    industry as the object of 'than': a finite verb with no subject speaks for the noun right
    before it."""
    if verb.i == 0 or verb.tag_ not in ("VBZ", "VBP", "VBD") or verb.dep_ in ("acl", "amod"):
        return None
    before = verb.doc[verb.i - 1]
    # A common noun only: a name there is more often where the speaker is from ("an exchange
    # student in Montana asked").
    if before.pos_ == "NOUN" and before.dep_ in ("pobj", "dobj", "npadvmod", "appos") and before.head.i < before.i:
        return before  # (and "… at the Toronto film festival, the 31-year-old filmmaker says …")
    # A person's name is the speaker though ("At a campaign event in St. Clairsville, Ohio,
    # 62-year-old Brenda Johnson also railed against …, and explained …" with the name hung on "in",
    # "the best friend Donald J. Trump always hoped to have" with the name set beside "friend").
    before = verb.doc[_before_own_words(verb, ("advmod", "neg"))]
    if before.pos_ == "PROPN" and before.ent_type_ == "PERSON" and before.dep_ in ("pobj", "appos") \
            and before.head.i < before.i:
        return before
    return None


def _subject_left_behind(verb):
    """'…, disclosures filed on Sunday night revealed.' parsed with the subject hung on the
    clause before the comma: a sentence-final verb with no subject speaks for the noun
    phrase between the last comma and itself."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or any(t.pos_ not in ("PUNCT", "SPACE") for t in doc[verb.i + 1:]):
        return None
    comma = next((i for i in range(verb.i - 1, -1, -1) if doc[i].text == ","), None)
    if comma is None or comma + 1 >= verb.i:
        return None
    span = range(comma + 1, verb.i)
    roots = [doc[i] for i in span if doc[i].head.i not in span]
    if len(roots) == 1 and roots[0].pos_ in ("NOUN", "PROPN"):
        return roots[0]
    return None


def _inverted_object(verb):
    """'“…,” added another New Hampshire Republican.' parsed with the speaker as the verb's
    object: after the words said, a verb with no subject names its speaker behind it."""
    after_quote = any(t.tag_ == "''" for t in verb.doc[max(0, verb.i - 2):verb.i])
    after_comma = verb.i > 0 and verb.doc[verb.i - 1].text == ","  # "…, said a former adviser"
    # (or a quote the parse cut off as a sentence of its own, or hung on the verb as its
    # auxiliary: "“Is the ferry late?” asked Mr. Okafor, referring to …")
    said_before = (after_quote or after_comma) and (_said_before(verb) or (after_quote and (
        verb.sent.start == verb.i or any(quoted(c) for c in verb.children if c.i < verb.i))))
    # (or the parse's adverbial noun: "…, reports USA Today.")
    objects = [c for c in verb.children if c.i > verb.i and (c.dep_ == "dobj" or (
        c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME")))]
    # (not a verb in a row of predicates: "…, opposed his trade deal and outstripped his plans";
    # but the rest of a quote split by the tag is no predicate: "…,” added one, “and he is …”")
    coordinated = any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not quoted(c) for c in verb.children)
    if said_before and not coordinated and len(objects) == 1 and objects[0].pos_ in ("PROPN", "NOUN", "NUM"):
        return objects[0]  # "“Trump is disgusting,” read one."
    return None


def name_left_behind(verb):
    """'In a statement to the Observer, her adviser, Jake Sullivan, said: …' parsed with the
    speaker hung on the Observer and no subject for 'said': a named person or body ending
    right before the verb (a comma between) is who speaks."""
    index = verb.i - 1
    # Back over commas, a parenthesis ("Sen. Elizabeth Warren (D-MA) said"), the verb's own
    # auxiliaries ("…, Carlos Curbelo, have said") and adverbs of manner ("Paul Manafort,
    # bluntly suggested"; not "…, then says").
    while index >= 0 and (verb.doc[index].text in (",", ")")
                          or (verb.doc[index].dep_ == "advmod" and verb.doc[index].head.i == verb.i
                              and verb.doc[index].lower_.endswith("ly"))
                          or (verb.doc[index].dep_ == "aux" and verb.doc[index].head.i == verb.i)):
        if verb.doc[index].text == ")":
            while index >= 0 and verb.doc[index].text != "(":
                index -= 1
        index -= 1
    if index < 0:
        return None
    aside = _participle_aside_ending_at(verb.doc[index], verb)
    if aside is not None:  # "…,” Bill Eastland, wearing a cowboy hat, said": back over the aside
        index = aside.left_edge.i - 1
        while index >= 0 and verb.doc[index].text == ",":
            index -= 1
        if index < 0:
            return None
    before = verb.doc[index]
    # "…, Col. Steven Warren, a military spokesman in Baghdad, said": up from the end of
    # the apposition to the name it describes.
    description = before if before.pos_ == "NOUN" and before.dep_ == "appos" else None
    for _ in range(MAX_CLIMB + 1):
        if before.pos_ == "PROPN" and before.ent_type_ in ("PERSON", "ORG") and (before.dep_ in (
                "appos", "conj", "pobj", "npadvmod") or (before.dep_ == "attr" and not quoted(before))):
            # attr: "“…,” Gene Sperling, a top adviser, said" with the name hung on the quote
            # "In an interview with hosts Joe Scarborough and Mika Brzezinski, the candidate
            # stated": who was talked with is not who speaks; the description is the subject.
            if _talked_with(before, verb):
                return description
            holder = _role_holder(before)
            if holder is not None:
                return holder
            return _described_list(before) or before
        if before.dep_ not in ("pobj", "prep", "appos") or before.head.i == before.i or before.head.i > verb.i:
            return None
        before = before.head
    return None


def _role_holder(name):
    """'In a message to Clinton, Tanden, head of the Center for American Progress, recounted
    …' with no subject on the parse: the body a role is of is not who speaks; the name set
    off right before the role is."""
    role = name
    for _ in range(MAX_CLIMB):  # up the body's own phrase ("of the Center for American Progress")
        if role.dep_ not in ("pobj", "prep") or role.head.i >= role.i:
            break
        role = role.head
    if role is name or role.pos_ != "NOUN" or role.dep_ != "appos":
        return None
    index = role.left_edge.i - 1
    if index < 1 or role.doc[index].text != ",":
        return None
    holder = role.doc[index - 1]
    if holder.pos_ != "PROPN":
        return None
    # the role on the name, or both on the name before ("to Clinton, Tanden, head of …")
    return holder if holder.i == role.head.i or (holder.dep_ in ("appos", "conj") and holder.head.i == role.head.i) else None


def _described_list(name):
    """'two members of Congress, Ileana Ros-Lehtinen and Carlos Curbelo': the description a
    list of names is in apposition to."""
    first = name
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.i != name.i and first.dep_ == "appos" and first.head.pos_ == "NOUN":
        return first.head
    if first.i != name.i and first.pos_ == "NOUN" and first.dep_ == "appos":
        return first
    return None


def _participle_aside_ending_at(token, verb):
    """The participle clause set off by commas that ``token`` ends ('wearing a cowboy hat')."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.i >= verb.i:
            return None
        if ancestor.tag_ in ("VBG", "VBN") and ancestor.dep_ in ("advcl", "acl") and ancestor.right_edge.i == token.i:
            start = ancestor.left_edge.i
            return ancestor if start > 0 and verb.doc[start - 1].text == "," and start == ancestor.i else None
    return None


def _talked_with(name, verb) -> bool:
    """The name is the object of 'with' on a noun, on the way up to the verb ('an interview
    with X'; not 'with Trump and Christie all calling for …')."""
    current = name
    for _ in range(MAX_CLIMB + 2):
        if current.dep_ == "pobj" and current.head.lower_ == "with" and current.head.head.pos_ == "NOUN":
            return True
        if current.head.i == current.i or current.head.i == verb.i:
            return False
        current = current.head
    return False


__all__ = ["subject_before_aside", "stranded_speaker", "name_left_behind", "noun_right_before", "unquoted_root_subject",
           "quoted"]
