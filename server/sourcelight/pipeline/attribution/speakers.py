"""Who a cue verb's speaker is on the dependency parse: its subject, the agent of a
passive, the subject it shares with the verb it hangs from, or the noun a relative clause
describes (spaCy's English labels, ClearNLP)."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import (MAX_CLIMB, PASSIVE_SUBJECTS, RELATIVE_PRONOUNS,
                                                   SHARED_SUBJECT_DEPS, SUBJECTS, to_infinitive)
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.phrases import beside_another_subject
from sourcelight.pipeline.attribution.object_speakers import (object_controls, object_credited, object_described,
                                                             object_perceived, object_quoted, on_the_object,
                                                             participle_on_object, taker_of_occasion,
                                                             subject_after_subordinator, subject_after_with)
from sourcelight.pipeline.attribution.relatives import cleft_subject, described_by_predicate, who_means
from sourcelight.pipeline.attribution.stranded import (name_left_behind, noun_right_before, name_after_participle,
                                                       quoted, stranded_speaker, subject_before_aside, unquoted_root_subject)
from sourcelight.pipeline.attribution.subject_misreads import (agent_misread, compound_noun_misread,
                                                               conjunct_after_object, disagreeing_inversion,
                                                               gerund_object_misread, object_left_by, object_misread,
                                                               participle_misread, perfect_misread,
                                                               plural_noun_misread, possessor_misread, reduced_passive,
                                                               stray_agent, tag_subject_misread)


def name_before(verb):
    """'…,” Viguerie notes.' parsed as a noun compound: a name right before the verb that
    hangs from it is its subject; and '… to his hip and a hospital spokesman said Swanson was …'
    parsed with the spokesman joined to the hip: a noun joined by "and" right before the
    sentence's main verb, which has no subject and a clause of its own, is that verb's subject."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.head.i == verb.i and before.dep_ == "compound" and before.pos_ == "PROPN":
        return before
    if before is not None and verb.dep_ == "ROOT" and before.dep_ == "conj" and before.pos_ in ("NOUN", "PROPN") \
            and before.head.i < before.i \
            and any(c.dep_ == "cc" and c.i < before.left_edge.i for c in before.head.children) \
            and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return before
    if before is not None and verb.dep_ == "conj" and before.pos_ in ("NOUN", "PROPN") \
            and before.dep_ in ("conj", "appos") and before.head.i < before.left_edge.i \
            and before.left_edge.i > verb.head.i and verb.doc[before.left_edge.i - 1].text == "," \
            and not any(t.dep_ == "cc" or t.pos_ in ("VERB", "AUX") for t in verb.doc[before.left_edge.i:verb.i]):
        # "The company will close three plants, chief executive Sarah Collins said" parsed with
        # the name joined to the plants and "said" to "close" with no "and": the noun phrase
        # set off by the comma right before the verb is its subject
        return before
    return None


def _subject_after_phrase(verb, inside):
    """The subject of a verb after the comma that closes the phrase holding ``inside``."""
    doc = verb.doc
    comma = next((t.i for t in doc[inside.i + 1:] if t.text == ","), None)
    if comma is None:
        return None
    return next((t for t in doc[comma + 1:] if t.dep_ in SUBJECTS and t.head.i > comma
                 and t.head.pos_ in ("VERB", "AUX")), None)


def _people_talked_to(verb):
    """'Residents we spoke to said …', 'nurses she spoke with said …', 'Everyone we spoke to
    said …': the parse reads "to said" as an infinitive or "said" as the preposition's
    object, but a past form ends the clause on the people, who said it."""
    doc = verb.doc
    at = verb.i
    if verb.tag_ != "VBD" or at < 4 or doc[at - 1].tag_ not in ("IN", "TO") or doc[at - 2].pos_ != "VERB" \
            or doc[at - 3].pos_ != "PRON" or not (doc[at - 4].pos_ in ("NOUN", "PROPN") or doc[at - 4].tag_ == "NN"):
        return None
    return doc[at - 4]


def _cleft_focus(verb):
    """'It was Hannibal Buress calling Cosby a rapist on stage that turned the tide': in "it
    was X doing", X does it, not the "it"."""
    head = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or head.lemma_ != "be":
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "attr" and c.i < verb.i), None)


def speaker_of(verb, lexicon: Lexicon | None = None) -> tuple[object | None, bool]:
    """The token heading the speaker of ``verb``: its subject, the agent of a passive, or the
    subject it shares with the verb it hangs from. (token, passive?) With ``lexicon``, the
    passive subject of a citing verb is the speaker ("Putin was quoted as saying")."""
    talked_to = _people_talked_to(verb)
    if talked_to is not None:
        return talked_to, False
    inverted = _inverted_aside(verb)
    if inverted is not None:
        return inverted, False
    misread = participle_misread(verb)
    if misread is not None:
        return misread, False
    if reduced_passive(verb):
        return None, True
    if plural_noun_misread(verb) or compound_noun_misread(verb) or object_misread(verb) or possessor_misread(verb) \
            or disagreeing_inversion(verb) or gerund_object_misread(verb):
        return None, False
    # Speakers the verb's own subject does not give: an object that does the saying, the name
    # before an aside, the noun after "with".
    hidden = (tag_subject_misread(verb) or object_described(verb) or object_credited(verb)
              or object_quoted(verb, lexicon)
              or _statement_saying(verb, lexicon)
              or taker_of_occasion(verb, lexicon)
              or participle_on_object(verb) or object_perceived(verb, lexicon)
              or subject_after_with(verb, lexicon) or subject_before_aside(verb) or object_controls(verb, lexicon)
              or subject_after_subordinator(verb, lexicon))
    if hidden is not None:
        return hidden, False
    focus = _cleft_focus(verb)
    if focus is not None:
        return focus, False
    if verb.dep_ == "advcl" and verb.tag_ in ("VBP", "VBZ", "VBD") and not any(
            c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "expl" for c in verb.children):
        # "…, with Russia backing the government as the United States, Britain and France
        # support some opposition groups" parsed with the subject inside "as": a present tense
        # has a subject of its own, never the one of the clause it hangs on; so has a past one
        # right after a name ("… was the best friend Donald J. Trump always hoped to have")
        stranded = stranded_speaker(verb)
        if verb.tag_ != "VBD" or (stranded is not None and stranded.pos_ == "PROPN"):
            return stranded, False
    if all(c.ent_type_ in ("DATE", "TIME") for c in verb.children if c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS):
        # "…, the day after it knocked everyone sideways at the festival, the 31-year-old filmmaker
        # says …" parsed with the description set beside the festival (and "the day" or nothing
        # as the subject): the noun right before the verb is its own
        described = noun_right_before(verb)
        if described is not None and described.dep_ == "appos":
            return described, False
    current, came_by, below = verb, None, None
    for _ in range(MAX_CLIMB):
        if came_by == "conj" and current.pos_ in ("NOUN", "PROPN") and current.dep_ in ("dobj", "attr") \
                and current.head.pos_ in ("VERB", "AUX"):
            # "He adopted a fake Southern accent and joked, …" parsed with "joked" on the
            # object: a verb joined to a noun goes with the verb that noun is the object of
            current = current.head
            continue
        # (not an auxiliary inside a quote before it: "“Is the ferry late?” asked Okafor")
        children = [c for c in current.children if c.dep_ not in ("auxpass", "aux") or not quoted(c) or quoted(current)]
        agent = next((c for c in children if c.dep_ == "agent"), None)
        cited = next((c for c in children if c.dep_ in PASSIVE_SUBJECTS), None) if current.i != verb.i else None
        if cited is not None and agent is not None and lexicon is not None \
                and token_lemma(current, lexicon) in lexicon.syntax.citing:
            return cited, False  # "Reyes was quoted by Reuters as saying …": Reyes, whom Reuters quotes
        if agent is not None and not agent_misread(current, children):
            objects = [c for c in agent.children if c.dep_ == "pobj"]
            return (objects[0], True) if objects else (None, True)
        perfect = any(c.dep_ == "auxpass" and perfect_misread(current, c) for c in children)
        if not perfect and any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in children):
            passive_subject = next((c for c in children if c.dep_ in PASSIVE_SUBJECTS), None)
            if (current.i != verb.i and passive_subject is not None and lexicon is not None
                    and token_lemma(current, lexicon) in lexicon.syntax.citing):
                return passive_subject, False
            if came_by == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
                return None, True  # "were mocked and criticized on social media": passive too
            if current.i != verb.i and passive_subject is not None and (
                    came_by in ("conj", "xcomp") or _time_gerund(below, lexicon)):
                # "Trump was forced into damage control and said …", "Trump was prompted to say
                # …", "After saying her foot was swollen, she was taken to hospital"
                return passive_subject, False
            if current.i == verb.i:
                return stray_agent(verb), True  # "the plan was announced": no speaker in the sentence
            return None, True
        # Of two subjects (a parse that took a quoted word for one), the nearer is the speaker.
        subjects = [c for c in children if c.dep_ in SUBJECTS or (perfect and c.dep_ in PASSIVE_SUBJECTS)]
        if len(subjects) > 1:
            # "Republican establishment figures — … — both suggested": "both" floats; "Sanders
            # called on Gov. Rick Snyder to resign" parsed with the governor as a second subject
            # is what "on" was left without
            subjects = [c for c in subjects if c.tag_ != "DT" and not object_left_by(c, current)] or subjects
            # "says study co-author Boris Kingma" parsed with "co" as a subject of its own: a
            # role word running up to a name describes it
            subjects = [c for c in subjects if not any(
                o.i > c.i and o.ent_type_ == "PERSON" and all(t.dep_ in ("compound", "nsubj") for t in c.doc[c.i + 1:o.i])
                for o in subjects)] or subjects
            # "A study in the journal Nature suggests": the journal's name, not a subject of its own
            subjects = [c for c in subjects if not beside_another_subject(c, subjects)] or subjects
            # "Sen. Michael Doherty (R-Warren) said Christie when he first ran “sold himself …”":
            # a subject after the verb that the verb's clause after it lacks is that clause's
            subjects = [c for c in subjects if not (c.i > current.i and any(
                k.dep_ == "ccomp" and k.i > c.i and not any(s.dep_ in SUBJECTS for s in k.children)
                for k in current.children))] or subjects
        subject = min(subjects, key=lambda c: abs(c.i - current.i)) if subjects else (
            name_before(current) if current.i == verb.i or current.pos_ in ("VERB", "AUX") else None)
        if subject is not None:
            subject = conjunct_after_object(subject) or subject
        named = name_after_participle(subject, verb) if subject is not None and current.i == verb.i else None
        if named is not None:
            return named, False
        if subject is not None and verb.dep_ == "pcomp" and verb.i < subject.i < current.i \
                and not any(t.text == "," for t in verb.doc[verb.i + 1:subject.i]):
            # "In declaring Trump has “no responsibility” …, they feign …" parsed with "In" on
            # "has": what follows the gerund is what it declares; the subject after the
            # phrase's comma speaks (not "In saying that …, Okafor broke …", set off already)
            return _subject_after_phrase(verb, subject), False
        if subject is not None and current.i != verb.i and quoted(subject) and not quoted(verb):
            # "“We were wrong,” Ramos, 58, told AFP": a subject inside the quote is not the
            # speaker; nor in "Clinton seemed ready, telling the crowd, “Some people get …”".
            return name_left_behind(verb) or unquoted_root_subject(verb), False
        if subject is not None:
            if subject.tag_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return who_means(subject, current.head), False  # "the official who said": the official
            if subject.tag_ in RELATIVE_PRONOUNS and subject.i > 0 and subject.doc[subject.i - 1].pos_ in (
                    "NOUN", "PROPN") and lexicon is not None and lexicon.patterns["relatives"].fullmatch(subject.lower_):
                # "turned to the Chicago Police Department which reported …" with the clause
                # not parsed as relative: the noun right before it
                return who_means(subject, subject.doc[subject.i - 1]), False
            if subject.dep_ == "expl" or (came_by in ("acomp", "prep", "pcomp") and subject.lower_ == "it") or (
                    came_by in ("xcomp", "dep", "advcl") and subject.lower_ == "it" and (
                        current.pos_ == "ADJ" or any(c.dep_ in ("acomp", "oprd") or (
                            c.dep_ == "attr" and current.lemma_ == "be") for c in children))):
                # "it was said", "it's worth noting", "it goes without saying", "it's not
                # hard to see why …", "It is hard not think that …", "makes it hard to see how …",
                # "It seems unfair to tell them: …", "Having described …, it is now time to …"
                return None, False
            if subject.lower_ == "it" and current.i != verb.i and current.lemma_ == "be":
                cleft = cleft_subject(current)
                if cleft is not None:
                    return cleft, False  # "It was at the conference that Swanson …, pointing to …"
            if subject.tag_ == "IN":  # "Of Carson, Levine … said" parsed with "Of" as the subject
                subject = next((c for c in subject.children if c.dep_ == "pobj"), subject)
            if subject.tag_ == "DT" and not any(subject.children) and current.dep_ == "advcl":
                # "Trump and Clinton vied …, each touting their experience and saying …": the
                # determiner stands for the subject of the clause it hangs on
                shared = next((c for c in current.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                plural = shared is not None and (
                    shared.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in shared.children))
                if plural:
                    return shared, False
            inner = next((c for c in subject.children if c.dep_ == "nsubj"), None) if subject.dep_ == "csubj" else None
            if inner is not None and subject.tag_ == "VBG":
                # "Majorities of voters going to the polls said …" parsed as a clausal
                # subject: the participle's subject is who speaks.
                return inner, False
            if subject.dep_ == "csubj" and subject.tag_ == "VBG" and (
                    subject.i == subject.sent.start or subject.doc[subject.left_edge.i - 1].text == ",") and any(
                    c.dep_ in ("dobj", "ccomp", "xcomp") for c in subject.children):
                # "Observing CPU load … won’t reveal …", "…, giving fans hope that …": a doing, no
                # one speaks (a name the parse took for a gerund has no object: "Schilling
                # describes himself …")
                return None, False
            return subject, False
        if current.dep_ == "relcl" and (current.i == verb.i or came_by == "conj"):
            if to_infinitive(current):
                # "Cruz is the only contender to have pledged …": the one the noun describes
                return described_by_predicate(current.head) or current.head, False
            return current.head, False  # "Murdoch, who is enjoying his role and is saying …": Murdoch
        if current.i == verb.i and verb.dep_ == "dep" and current.head.lemma_ == "be" and (
                before := noun_right_before(verb)) is not None:
            # "That's a fraction of the minimum $20 million experts say it costs" parsed with
            # "experts" as the object of "of" and "say" hung loose on "is": not what "is" says
            # of its subject, the noun right before speaks.
            return before, False
        if came_by == "advcl" and current.pos_ == "ADV" and current.dep_ == "advmod" and current.head.i != current.i:
            current = current.head  # "went so far as to say": the degree adverb's verb has the subject
            continue
        if came_by == "prep" and (named := subject_before_aside(current)) is not None:
            return named, False  # "Trump, after railing against …, produced …" with "Trump" hung elsewhere
        if current.dep_ not in SHARED_SUBJECT_DEPS or current.head.i == current.i:
            if current.i != verb.i:
                # the subject the parse left unlinked from the verb ours shares it with
                # ("… Brenda Johnson also railed against immigrants, and explained …")
                shares = came_by == "conj" and current.pos_ in ("VERB", "AUX")
                return (stranded_speaker(current) if shares else None), False
            return stranded_speaker(verb), False
        root = current.head
        if root.dep_ == "ROOT" and root.pos_ in ("PROPN", "NOUN") and root.text[:1].isupper() and root.i == 0:
            # "Trump defended eminent domain, calling …" parsed with "Trump" as the root
            # noun: the name the clause hangs on is who speaks.
            return root, False
        came_by, below = current.dep_, current
        if current.dep_ == "conj" and current.head.tag_ == "VB" and (
                (current.tag_ in ("VBD", "VBZ") and current.head.dep_ in ("acl", "xcomp"))
                or (current.tag_ in ("VBD", "VBZ", "VBG") and _after_modal(current.head))) and (above := next(
                    (a for a in current.head.ancestors if a.pos_ in ("VERB", "AUX")), None)) is not None \
                and (above.tag_ == current.tag_ or current.tag_ == "VBG"):
            # "Romney ran on his ability to jolt the recovery and accused Obama of …": a past
            # tense is no infinitive's twin; it goes with the verb of the same tense above (nor
            # a twin of a verb after "would": "backpedaled on his prediction that Russia would
            # pull out …, and blamed the tumble in oil prices"), and a participle goes with the
            # verb above ("reversed a decision that the plaintiffs did not have standing, as
            # well as ruling that …")
            current = above
            continue
        current = current.head
    return None, False


def _time_gerund(preposition, lexicon: Lexicon | None) -> bool:
    """'After saying …', 'Before telling reporters …': a preposition of time whose object is a
    participle, whose unspoken subject is the subject of the clause it hangs on (not "by":
    "is justified by arguing …" is argued by nobody named)."""
    return lexicon is not None and preposition is not None and preposition.dep_ == "prep" \
        and preposition.lower_ in lexicon.syntax.time_prepositions and any(
            c.dep_ == "pcomp" and c.tag_ == "VBG" for c in preposition.children)


def _statement_saying(verb, lexicon: Lexicon | None):
    """'Detzner issued a statement saying …': a participle on a statement noun tells what
    the statement says, and whoever issued it is the speaker; one who received it is not."""
    if lexicon is None:
        return None
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") and verb.i > 0 and verb.doc[verb.i - 1].text != "," \
            and token_lemma(verb.head, lexicon) in lexicon.syntax.receipt:
        # "The Times obtained an email from Mr. Podesta saying …" parsed with the participle on the verb
        return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i
                     and token_lemma(c, lexicon) in lexicon.syntax.nouns), None)
    if not on_the_object(verb):
        return None
    if token_lemma(verb.head, lexicon) not in lexicon.syntax.nouns:
        return None
    if token_lemma(verb.head.head, lexicon) in lexicon.syntax.receipt:
        return verb.head  # "Residents received letters saying …": the letters say it
    return speaker_of(verb.head.head, lexicon)[0]


def _after_modal(verb) -> bool:
    """A bare verb after a modal or "do" in a clause of its own ("that Russia would pull
    out", "that the plaintiffs did not have standing"), which no finite verb or participle
    can share."""
    return verb.dep_ in ("ccomp", "relcl", "acl", "advcl") and any(
        c.dep_ == "aux" and (c.tag_ == "MD" or c.lemma_ == "do") for c in verb.children)


def _inverted_aside(verb):
    """'Part of the problem, say experts like Paul Bauman, is the ground itself', parsed
    with 'Part' as the subject of 'say' and the experts as the subject of 'is': a verb set
    off by commas whose next words are the subject of the clause it reports speaks for them."""
    doc = verb.doc
    if verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    own = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if own is not None and own.left_edge.i <= verb.i - 1 <= own.right_edge.i and any(
            t.text == "," for t in doc[own.left_edge.i:verb.i - 1]):
        # the comma closes an aside the subject opened: "aides to Gov. Kasich, who had a long
        # career in Congress, said their speeches, …, would"
        return None
    # "The biggest reason advisors get fired, writes Beyer, is …" parsed with the name the
    # object of the aside: the name set off right after the verb is who writes
    named = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN" and c.left_edge.i == verb.i + 1), None)
    # (the subject the parse gave the aside is the main verb's, which has none)
    main_subject_taken = own is None or (verb.head.i > verb.i and not any(
        c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS for c in verb.head.children))
    if verb.dep_ == "parataxis" and main_subject_taken and named is not None and named.right_edge.i + 1 < len(doc) \
            and doc[named.right_edge.i + 1].text == ",":
        return named
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < verb.i:
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1), None)
        if subject is None or subject.right_edge.i + 1 >= len(doc):
            continue
        if subject.right_edge.text == "," or doc[subject.right_edge.i + 1].text == ",":
            return subject
    return None


def party_of(verb):
    """Who did (or did not do) what ``verb`` says: its subject, or the one it shares."""
    current = verb
    for _ in range(MAX_CLIMB):
        subjects = [c for c in current.children if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS and c.dep_ != "expl"]
        if subjects:
            # One phrase split in two subjects ("Sullivan's lawyer | Beth Wilkinson did not
            # respond"): the name next to the role is the party; else the first subject.
            child = subjects[0]
            touching = [c for c in subjects[1:] if c.left_edge.i == child.right_edge.i + 1 and c.pos_ == "PROPN"]
            child = touching[0] if touching else child
            if child.tag_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            return child
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head  # "The Fed chief, refusing to comment, left": the one it is said of
        if current.dep_ not in SHARED_SUBJECT_DEPS + ("ccomp",) or current.head.i == current.i:
            # the subject the parse left unlinked ("Schilling, through a spokeswoman, declined …")
            return stranded_speaker(verb) if current.i == verb.i else None
        current = current.head
    return None


__all__ = ["speaker_of", "party_of", "SUBJECTS", "PASSIVE_SUBJECTS", "SHARED_SUBJECT_DEPS"]
