"""Who relays a claim found on the parse: the outlet a speaker told ('told Reuters', 'in an
interview with CNN'), the outlet a journalist works for ('CNN's Jane Roe reported', 'Jane
Roe of the New York Times'), and the party a relay cites ('Reuters reported, citing three
officials')."""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.clauses import Finding
from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import marked_by, object_of_as
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.object_speakers import quoting_verb
from sourcelight.pipeline.attribution.sources import classify
from sourcelight.pipeline.attribution.outlet_names import media_of, reporting_site
from sourcelight.pipeline.attribution.sourcekind import guess_source
from sourcelight.pipeline.attribution.speakers import SUBJECTS, speaker_of
from sourcelight.pipeline.model import SourceKind


def with_relays(verb, source_token, finding: Finding, lexicon: Lexicon) -> Finding:
    """The outlet that relays the claim: 'told Reuters', 'in an interview with CNN',
    'CNN's Jane Roe reported', 'according to Jane Roe of the New York Times'."""
    via = None
    referred = None  # "told the paper": the outlet named before, which context.py finds
    # "told Reuters", and with any cue "to" the outlet: "said to New Scientist", "confirmed to CNN"
    takes_recipient = token_lemma(verb, lexicon) in lexicon.syntax.recipients
    for child in verb.children:
        target = child
        if child.dep_ == "prep" and child.lower_ == "to":
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ not in ("dative", "dobj", "iobj") or not takes_recipient:
            continue
        via = via or (reporting_site(target, lexicon) if target is not None else None)
        # ("admitted to the paper" is no "told the paper": a word for "to" may be anything)
        guess = guess_source(target, lexicon) if target is not None and via is None and takes_recipient else None
        if guess is not None and guess.back_reference is not None and SourceKind.MEDIA in guess.back_reference.refers_to:
            referred = referred or guess.back_reference
    via = via or interview_with(verb, lexicon) or _spoken_to(verb, lexicon) or _published_in(verb, lexicon) \
        or _quoting_outlet(verb, lexicon)
    employer = employer_outlet(source_token, lexicon)
    if employer and employer != finding.source and finding.kind is SourceKind.NAMED_PERSON:
        # "CNN's Jane Roe reported": a journalist's report is her outlet's, not a person
        # speaking on the record.
        return replace(finding, kind=SourceKind.MEDIA, via=employer)
    via = via or employer or _holder_outlet(source_token, lexicon)
    if via is None and finding.kind is SourceKind.ANONYMOUS \
            and lexicon.patterns["anonymous_heads"].fullmatch(source_token.text):
        # "BBC sources described …": unnamed sources the outlet named before them has
        # (by the outlet's name: "a former television producer", "media bosses" name none;
        # nor does the outlet relay its own people: "a Fox News administrative assistant said")
        via = next((outlet for c in source_token.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                    and (outlet := media_of(c, lexicon))), None)
    if via and via != finding.source:
        return replace(finding, via=via)
    if referred is not None and finding.via is None:
        return replace(finding, via_reference=referred)
    return finding


def _quoting_outlet(verb, lexicon: Lexicon) -> str | None:
    """'Local newspapers quote Salinas as saying …', 'An early tweet quoted the president as
    saying …': the outlet or document that quotes the speaker."""
    quoting = quoting_verb(verb, lexicon)
    subject = next((c for c in quoting.children if c.dep_ in SUBJECTS), None) if quoting is not None else None
    if subject is None and quoting is not None:
        # "Reyes was quoted by Reuters as saying …": the passive's agent quotes
        agent = next((c for c in quoting.children if c.dep_ == "agent"), None)
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subject is None:
        return None
    outlet = media_of(subject, lexicon)
    if outlet is not None:
        return outlet
    guess = guess_source(subject, lexicon)
    return guess.text if guess is not None and guess.kind in (SourceKind.MEDIA, SourceKind.DOCUMENT) else None


def interview_with(verb, lexicon: Lexicon) -> str | None:
    """'said in an interview with CNN', 'said in a Fox interview': the outlet interviewing
    (or holding the recording: "In an audio recording obtained by The New York Times, Clinton
    can be heard saying …", on the verb the saying completes)."""
    holders = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    for prep in (c for holder in holders for c in holder.children):
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            # (by the word as listed too: "recording" is no "record")
            if noun.dep_ == "pobj" and (token_lemma(noun, lexicon) in lexicon.syntax.nouns
                                        or noun.lower_ in lexicon.syntax.nouns):
                outlet = outlet_of_statement(noun, lexicon)
                if outlet:
                    return outlet
    return None


def outlet_of_statement(noun, lexicon: Lexicon) -> str | None:
    """'an interview with CNN', 'a Fox interview', 'CNN's interview': the outlet it was given
    to; 'a recording obtained by The New York Times': the outlet that has it."""
    for inner in noun.children:
        if inner.dep_ == "prep" and (outlet := _outlet_object(inner, lexicon, site=True)):
            return outlet
    # (the participle may hang on the noun's own object: "an audio recording from the event
    # obtained by The New York Times"; an outlet by name: "a statement released by his
    # official transition website" is his own, no relay)
    held = _noun_and_objects(noun)
    for participle in (c for n in held for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        for agent in participle.children:
            if agent.dep_ == "agent" and (outlet := _outlet_object(agent, lexicon)) \
                    and lexicon.patterns["media_names"].search(outlet):
                return outlet
    return possessor_outlet(noun, lexicon)


def _spoken_to(verb, lexicon: Lexicon) -> str | None:
    """'Speaking to Reuters, the senator said …': the outlet a participle beside the verb
    says was spoken to."""
    for participle in verb.children:
        if participle.dep_ != "advcl" or participle.tag_ != "VBG":
            continue
        for prep in participle.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "with") \
                    and (outlet := _outlet_object(prep, lexicon, site=True)):
                return outlet
    return None


def _published_in(verb, lexicon: Lexicon) -> str | None:
    """'wrote in The Atlantic', 'argues at The Federalist', 'said on CNN': the outlet that
    carried the words."""
    return next((outlet for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("in", "on", "at")
                 and (outlet := _outlet_object(prep, lexicon))), None)


def _outlet_object(prep, lexicon: Lexicon, site: bool = False) -> str | None:
    """The outlet a preposition governs ("with CNN", "to Reuters"), if it governs one; with
    ``site``, a web address too ("an interview with PolitickerNJ.com")."""
    outlet_in = reporting_site if site else media_of
    return next((outlet for obj in prep.children if obj.dep_ == "pobj" and (outlet := outlet_in(obj, lexicon))), None)


def owner_outlet(source_token, lexicon: Lexicon) -> str | None:
    """'CNN's Jane Roe' or 'Jane Roe of the New York Times': the outlet she works for;
    'documents seen by Reuters', 'audio provided to The Times': the outlet that has them."""
    return employer_outlet(source_token, lexicon) or _holder_outlet(source_token, lexicon)


def employer_outlet(source_token, lexicon: Lexicon) -> str | None:
    """'CNN's Jane Roe', 'Jane Roe of the New York Times': the outlet a journalist works for
    (a person it has is no journalist of it: "The minister, as quoted by Reuters, said")."""
    outlet = possessor_outlet(source_token, lexicon)
    if outlet:
        return outlet
    for prep in source_token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "with", "for") and (outlet := _outlet_object(prep, lexicon)):
            return outlet
    return None


def _holder_outlet(source_token, lexicon: Lexicon) -> str | None:
    """The outlet that has what is cited ("documents seen by Reuters", "a copy of the memo
    seen by Reuters"): a relay only."""
    held = _noun_and_objects(source_token, "of")
    for clause in (c for noun in held for c in noun.children):
        # (and "Maria Okafor, as quoted by Reuters, said", the as-clause hung on the name; on
        # the noun of an "of", only a verb of getting or seeing: "exit polls conducted by Edison
        # Research for AP" are Edison's)
        own = clause.head.i == source_token.i
        if (clause.dep_ == "acl" and (own or token_lemma(clause, lexicon) in lexicon.syntax.receipt)) or (own and (
                clause.dep_ == "relcl" or (clause.dep_ == "advcl" and marked_by(clause, "as")))):
            for agent in clause.children:
                # "seen by Reuters", and "audio provided to The Times": the outlet that has it
                if (agent.dep_ == "agent" or (agent.dep_ in ("prep", "dative") and agent.lower_ == "to"
                                              and clause.dep_ == "acl")) and (outlet := _outlet_object(agent, lexicon)):
                    return outlet
    return None


def _noun_and_objects(noun, *prepositions: str) -> list:
    """The noun and the objects of its prepositions (only of ``prepositions``, where given)."""
    return [noun] + [o for p in noun.children if p.dep_ == "prep" and (not prepositions or p.lower_ in prepositions)
                     for o in p.children if o.dep_ == "pobj"]


def possessor_outlet(noun, lexicon: Lexicon) -> str | None:
    for child in noun.children:
        if child.dep_ == "poss" and (outlet := media_of(child, lexicon) or _short_title(child, lexicon)):
            return outlet
    return None


def _short_title(owner, lexicon: Lexicon) -> str | None:
    """'Times' Michael Paulson', 'Post's Kathianne Boniello': a paper's name without its
    article, owning a journalist."""
    if owner.pos_ != "PROPN" or any(c.dep_ == "compound" for c in owner.children):
        return None
    title = f"The {owner.text}"
    return title if lexicon.patterns["media_names"].fullmatch(title) else None


def with_citing(verb, finding: Finding, lexicon: Lexicon) -> Finding:
    """'Reuters reported, citing three officials' or 'Reuters, citing three officials,
    reported': the officials are the source, Reuters relays them."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    for child in list(verb.children) + [g for s in subjects for g in s.children]:
        if child.dep_ not in ("advcl", "xcomp", "prep", "conj", "acl"):
            continue
        if token_lemma(child, lexicon) not in lexicon.syntax.citing or any(
                c.dep_ in SUBJECTS for c in child.children):
            continue  # (not a clause with its own citer: "…, although other media quoted …")
        cited = next((c for c in child.children if c.dep_ in ("dobj", "pobj")), None)
        if cited is None or not citable(cited, lexicon):
            continue
        guess = guess_source(cited, lexicon)
        if guess is None or guess.kind is SourceKind.UNATTRIBUTED:
            continue
        return Finding.of(guess, finding.cue, finding.cue_span, via=finding.source,
                          via_reference=finding.back_reference)
    return finding


def citable(cited, lexicon: Lexicon) -> bool:
    """Whether what is cited can be a source: a name, a pronoun, or a word the lexicon knows
    for one ('officials', 'a report'). 'he said, citing Trump's blue-collar appeal' cites a
    reason, and the speaker stays the source."""
    if cited.pos_ in ("PROPN", "PRON") or cited.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return classify(cited.text, 0, len(cited.text), lexicon) is not None


def citer(token, lexicon: Lexicon) -> str | None:
    """Who does the citing in '…, citing two officials': the subject of the verb it hangs
    from ('The AP reported the raid, citing …')."""
    if token_lemma(token, lexicon) not in lexicon.syntax.citing or token.head.i == token.i:
        return None
    speaker, _ = speaker_of(token.head, lexicon)
    guess = guess_source(speaker, lexicon) if speaker is not None else None
    if guess is None or guess.kind not in (SourceKind.MEDIA, SourceKind.ORGANIZATION, SourceKind.DOCUMENT):
        return None
    return guess.text


def heard_by_writer(verb, lexicon: Lexicon) -> bool:
    """'… that Laterza invited her,” she told me', 'said to us', and 'I spoke with another
    assistant who said …': the writer is who the source spoke to."""
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    if any((c.dep_ in ("dative", "dobj") and lexicon.is_first_person(c.text)) or (
            c.dep_ == "prep" and c.lower_ == "to" and any(
                o.dep_ == "pobj" and lexicon.is_first_person(o.text) for o in c.children))
           for c in verb.children):
        return True
    if verb.dep_ != "relcl":
        return False
    talked = verb.head  # up from the one the clause is on to the verb the writer talked by
    while talked.dep_ in ("pobj", "prep") and talked.head.i != talked.i:
        talked = talked.head
    return talked.pos_ == "VERB" and any(c.dep_ == "nsubj" and lexicon.is_first_person(c.text)
                                        for c in talked.children)


def outlet_reporting(preposition, others: list[tuple[object, Finding]]) -> Finding | None:
    """The outlet whose reporting verb has the "according to" phrase in its clause ("Reuters
    reported that, according to two officials, …"); ``others`` are the sentence's other cues,
    each with the token it was found at."""
    ancestors = {a.i for a in preposition.ancestors}
    return next((finding for token, finding in others if token.i in ancestors and finding.kind is SourceKind.MEDIA
                 and finding.via is None), None)


def relayed_speaker(outlet: Finding, others: list[Finding], opening: bool = False) -> Finding | None:
    """'The plant will close, two officials said, Reuters reported.': an outlet reporting
    after a speaker's words relays that speaker, as 'Reuters reported, citing two officials'
    does; so does one ``opening`` the sentence ("According to CNN, Lee said …")."""
    if outlet.kind is not SourceKind.MEDIA or outlet.via is not None:
        return None
    speaker = next((f for f in others if f.kind is not SourceKind.MEDIA and (opening or (
        f.cue_span[1] <= outlet.source_span[0] and f.cue_span[1] <= outlet.cue_span[0]))), None)
    return replace(speaker, via=outlet.source) if speaker is not None else None


def with_outlet_aside(finding: Finding, others: list[tuple[object, Finding]], cue=None) -> Finding:
    """'X recounted that …, per the New York Times': an outlet cited beside the speaker
    relays the speaker's words, and so does one whose as-clause opens the sentence ("As Us
    Weekly reported in July, both families are hoping …"); not one speaking by a verb inside
    what the speaker says ("Banzi says that several retail outlets that claim to be selling …
    are paying …"). ``others`` are the sentence's other findings with their cue tokens,
    ``cue`` the finding's own cue token."""
    if finding.via is not None or finding.kind is SourceKind.MEDIA:
        return finding
    for token, other in others:
        if other.kind is not SourceKind.MEDIA or other.back_reference is not None or other.source == finding.source:
            continue
        # after the speaker's words: "CNN, Cruz said, called it …" is Cruz telling what CNN said
        opening = ((token.dep_ == "advcl" and marked_by(token, "as")) or object_of_as(token)) \
            and other.cue_span[1] < finding.source_span[0]
        # (below the clause the speaker's verb takes, not the parse hanging a closing "…, the
        # Associated Press reported" on that verb)
        said_inside = cue is not None and token.pos_ == "VERB" and token.head != cue and cue in token.ancestors \
            and not marked_by(token, "as")  # ("…,” as NPR's Debbie Elliot reported" relays)
        if (other.source_span[0] > finding.cue_span[0] and not said_inside) or opening:
            return replace(finding, via=other.source)
    return finding


__all__ = ["with_relays", "with_citing", "owner_outlet", "employer_outlet", "heard_by_writer", "citer", "citable",
           "outlet_reporting", "relayed_speaker", "with_outlet_aside"]
