"""Find a sentence's attribution on its dependency parse: the cue is a predicate found by
lemma, the source is what that predicate says it comes from — the subject ("X said"), the
inverted subject ("said X"), the passive agent ("was told by X"), the object of "according
to X" / "per X", the cited party of "citing X" — as a span of the sentence.

Labels are those of spaCy's English pipelines (ClearNLP). Every word comes from the
lexicon's [syntax] section; what kind of source a span is comes from sources.classify (the
lexicon) refined by the parser's named entities (sourcekind.py).
"""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.lemmas import lemma
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.quotes import MASK
from sourcelight.pipeline.attribution.sourcekind import guess_source, media_of, phrase_tokens
from sourcelight.pipeline.model import SourceKind

SUBJECTS = ("nsubj", "csubj", "expl")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
# A verb without a subject of its own shares its head's: "…, saying", "smiled and said",
# "wants to say", "refused to comment".
SHARED_SUBJECT_DEPS = ("advcl", "conj", "xcomp", "pcomp", "prep")
CLAUSE_DEPS = ("ccomp", "parataxis")
RELATIVE_PRONOUNS = ("WDT", "WP")
MAX_CLIMB = 3


def find_in_parse(doc, masked: str, lexicon: Lexicon, skip: list[tuple[int, int]],
                  non_response_spans: tuple[tuple[int, int], ...] = ()) -> Finding | None:
    """The sentence's attribution, or None. ``doc`` is the parse of the sentence alone (its
    character offsets are the sentence's); ``masked`` the sentence with quotes masked;
    ``skip`` spans (hedges such as "is said to") whose verbs are no cue."""
    findings = []
    has_quote = MASK in masked
    not_cues = list(skip) + list(non_response_spans)
    for token in doc:
        if masked[token.idx:token.idx + 1] == MASK or any(s <= token.idx < e for s, e in not_cues):
            continue
        finding = (_verb_cue(token, lexicon, has_quote) or _preposition_cue(token, lexicon)
                   or _noun_cue(token, lexicon, has_quote))
        if finding is not None:
            findings.append((_depth(token), token.i, finding))
    if not findings:
        return _non_response(doc, masked, lexicon, non_response_spans) or _colon_cue(doc, masked, lexicon)
    # The cue highest in the tree wins ("Sanders denounced …, saying his campaign doesn't
    # want …": Sanders, not his campaign); at the same height, a relayed finding ("…,
    # Reuters reported, citing two officials") tells more.
    findings.sort(key=lambda item: (item[0], item[2].via is None, item[1]))
    return _with_colon(doc, _with_outlet_aside(findings[0][2], [f for _, _, f in findings[1:]]))


def _with_outlet_aside(finding: Finding, others: list[Finding]) -> Finding:
    """'X recounted that …, per the New York Times': an outlet cited beside the speaker
    relays the speaker's words."""
    if finding.via is not None or finding.kind is SourceKind.MEDIA:
        return finding
    for other in others:
        if other.kind is SourceKind.MEDIA and other.back_reference is None and other.source != finding.source:
            return replace(finding, via=other.source)
    return finding


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _with_colon(doc, finding: Finding) -> Finding:
    """'X said:' — the quotes that follow are X's."""
    after = doc.text[finding.cue_span[1]:].lstrip()
    if after[:1] == ":" or doc.text.rstrip().endswith(":"):
        return replace(finding, colon_intro=True)
    return finding


def _verb_cue(token, lexicon: Lexicon, has_quote: bool) -> Finding | None:
    syntax = lexicon.syntax
    if not token.tag_.startswith("VB") or token.dep_ in ("amod", "compound", "acomp"):
        return None
    word = _lemma(token, lexicon)
    phrasal = _phrasal(token, word, syntax.speech)
    speech, finding_verb = word in syntax.speech or phrasal, word in syntax.findings
    if not (speech or finding_verb):
        return None
    clause = has_quote or phrasal or _has_clause(token)
    source_token, passive = _speaker_of(token, lexicon)
    if source_token is None:
        return None
    guess = guess_source(source_token, lexicon)
    if guess is None:
        return None
    if word in syntax.needs_clause and not clause and not (
            finding_verb and guess.kind in (SourceKind.DOCUMENT, SourceKind.MEDIA)) and not (
            passive and guess.kind in (SourceKind.DOCUMENT, SourceKind.MEDIA, SourceKind.ORGANIZATION)):
        return None  # "added 200 jobs", but "polls show Clinton ahead", "was first reported by MSNBC"
    if not speech and guess.kind not in (SourceKind.DOCUMENT, SourceKind.MEDIA, SourceKind.ORGANIZATION):
        return None
    cue_start, cue_end = _cue_extent(token)
    finding = Finding(guess.kind, guess.text, (guess.start, guess.end), token.doc.text[cue_start:cue_end],
                      (cue_start, cue_end), back_reference=guess.back_reference,
                      predicate_end=_predicate_end(token))
    finding = _with_relays(token, source_token, finding, lexicon)
    return _with_citing(token, finding, lexicon)


def _lemma(token, lexicon: Lexicon) -> str:
    return lemma(token.lower_, lexicon.language, lexicon.lemmatizer)


def _phrasal(token, word: str, speech: frozenset[str]) -> bool:
    """'called for', 'pointed out', 'talked about': the verb with its particle is a cue."""
    return any(child.dep_ in ("prt", "prep") and f"{word} {child.lower_}" in speech for child in token.children)


def _has_clause(token) -> bool:
    """What was said follows the verb: a clause, a predicate ("calls the wall stupid"), a
    question ("asked workers if they …") or a colon."""
    after = token.doc.text[token.idx + len(token.text):].lstrip()
    return any(child.dep_ in CLAUSE_DEPS or child.dep_ in ("xcomp", "oprd") or _question(child)
               for child in token.children) or token.dep_ in ("parataxis",) or after[:1] == ":"


def _predicate_end(verb) -> int | None:
    """'called the accusations baseless': the end of the verb's object predicate."""
    predicate = next((c for c in verb.children if c.dep_ == "oprd"), None)
    if predicate is None:
        return None
    last = max(predicate.subtree, key=lambda t: t.i)
    return last.idx + len(last.text)


def _question(child) -> bool:
    return child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in child.children)


def _cue_extent(token) -> tuple[int, int]:
    """The cue verb with its particle ('pointed out', 'called for')."""
    end = token.idx + len(token.text)
    for child in token.children:
        if child.dep_ == "prt" and child.i == token.i + 1:
            end = child.idx + len(child.text)
    return token.idx, end


def _name_before(verb):
    """'…,” Viguerie notes.' parsed as a noun compound: a name right before the verb that
    hangs from it is its subject."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.head.i == verb.i and before.dep_ == "compound" and before.pos_ == "PROPN":
        return before
    return None


def _speaker_of(verb, lexicon: Lexicon | None = None) -> tuple[object | None, bool]:
    """The token heading the speaker of ``verb``: its subject, the agent of a passive, or the
    subject it shares with the verb it hangs from. (token, passive?) With ``lexicon``, the
    passive subject of a citing verb is the speaker ("Putin was quoted as saying")."""
    current = verb
    for _ in range(MAX_CLIMB):
        children = list(current.children)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        if agent is not None:
            objects = [c for c in agent.children if c.dep_ == "pobj"]
            return (objects[0], True) if objects else (None, True)
        if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in children):
            passive_subject = next((c for c in children if c.dep_ in PASSIVE_SUBJECTS), None)
            if current.i != verb.i and passive_subject is not None and lexicon is not None and _lemma(current, lexicon) in lexicon.syntax.citing:
                return passive_subject, False
            return None, True  # "the plan was announced": no speaker in the sentence
        subject = next((c for c in children if c.dep_ in SUBJECTS), None) or _name_before(current)
        if subject is not None:
            if subject.tag_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head, False  # "the official who said": the official
            if subject.dep_ == "expl":
                return None, False  # "it was said"
            return subject, False
        if current.dep_ == "relcl" and current.i == verb.i:
            return current.head, False
        if current.dep_ not in SHARED_SUBJECT_DEPS or current.head.i == current.i:
            return None, False
        current = current.head
    return None, False


def _with_relays(verb, source_token, finding: Finding, lexicon: Lexicon) -> Finding:
    """The outlet that relays the claim: 'told Reuters', 'in an interview with CNN',
    'CNN's Jane Roe reported', 'according to Jane Roe of the New York Times'."""
    via = None
    if _lemma(verb, lexicon) in lexicon.syntax.recipients:
        for child in verb.children:
            target = child
            if child.dep_ == "prep" and child.lower_ == "to":
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif child.dep_ not in ("dative", "dobj", "iobj"):
                continue
            via = via or (media_of(target, lexicon) if target is not None else None)
    via = via or _interview_with(verb, lexicon)
    employer = _owner_outlet(source_token, lexicon)
    if employer and employer != finding.source and finding.kind is SourceKind.NAMED_PERSON:
        # "CNN's Jane Roe reported": a journalist's report is her outlet's, not a person
        # speaking on the record.
        return replace(finding, kind=SourceKind.MEDIA, via=employer)
    via = via or employer
    if via and via != finding.source:
        return replace(finding, via=via)
    return finding


def _interview_with(verb, lexicon: Lexicon) -> str | None:
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and _lemma(noun, lexicon) in lexicon.syntax.nouns:
                for inner in noun.children:
                    if inner.dep_ == "prep":
                        for obj in inner.children:
                            if obj.dep_ == "pobj" and (outlet := media_of(obj, lexicon)):
                                return outlet
                if (outlet := _possessor_outlet(noun, lexicon)):
                    return outlet
    return None


def _owner_outlet(source_token, lexicon: Lexicon) -> str | None:
    """'CNN's Jane Roe' or 'Jane Roe of the New York Times': the outlet she works for;
    'documents seen by Reuters': the outlet that saw them."""
    outlet = _possessor_outlet(source_token, lexicon)
    if outlet:
        return outlet
    for clause in source_token.children:
        if clause.dep_ in ("acl", "relcl"):
            for agent in clause.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        if obj.dep_ == "pobj" and (outlet := media_of(obj, lexicon)):
                            return outlet
    for prep in source_token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "with", "for"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and (outlet := media_of(obj, lexicon)):
                    return outlet
    return None


def _possessor_outlet(noun, lexicon: Lexicon) -> str | None:
    for child in noun.children:
        if child.dep_ == "poss" and (outlet := media_of(child, lexicon)):
            return outlet
    return None


def _with_citing(verb, finding: Finding, lexicon: Lexicon) -> Finding:
    """'Reuters reported, citing three officials' or 'Reuters, citing three officials,
    reported': the officials are the source, Reuters relays them."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    for child in list(verb.children) + [g for s in subjects for g in s.children]:
        if child.dep_ not in ("advcl", "xcomp", "prep", "conj", "acl"):
            continue
        if _lemma(child, lexicon) not in lexicon.syntax.citing:
            continue
        cited = next((c for c in child.children if c.dep_ in ("dobj", "pobj")), None)
        if cited is None:
            continue
        guess = guess_source(cited, lexicon)
        if guess is None or guess.kind is SourceKind.UNATTRIBUTED:
            continue
        return Finding(guess.kind, guess.text, (guess.start, guess.end), finding.cue, finding.cue_span,
                       via=finding.source, back_reference=guess.back_reference,
                       via_reference=finding.back_reference)
    return finding


def _preposition_cue(token, lexicon: Lexicon) -> Finding | None:
    """'according to X', 'per X', and a sentence-level 'citing X' / 'quoting X'."""
    for phrase in lexicon.syntax.prepositions:
        if token.lower_ != phrase[0]:
            continue
        doc = token.doc
        words = [doc[i].lower_ for i in range(token.i, min(len(doc), token.i + len(phrase)))]
        if tuple(words) != phrase:
            continue
        last = doc[token.i + len(phrase) - 1]
        obj = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
        if obj is None and len(phrase) > 1:
            obj = next((c for c in token.children if c.dep_ in ("pobj", "dobj")), None)
        if obj is None:
            continue
        guess = guess_source(obj, lexicon)
        if guess is None:
            continue
        cue_end = last.idx + len(last.text)
        finding = Finding(guess.kind, guess.text, (guess.start, guess.end), doc.text[token.idx:cue_end],
                          (token.idx, cue_end), back_reference=guess.back_reference)
        employer = _owner_outlet(obj, lexicon)
        if employer and employer != finding.source and finding.kind is SourceKind.NAMED_PERSON:
            return replace(finding, kind=SourceKind.MEDIA, via=employer)  # "according to Jane Roe of the Times"
        via = employer or _citer(token, lexicon)
        if via and via != finding.source:
            finding = replace(finding, via=via)
        return finding
    return None


def _citer(token, lexicon: Lexicon) -> str | None:
    """Who does the citing in '…, citing two officials': the subject of the verb it hangs
    from ('The AP reported the raid, citing …')."""
    if _lemma(token, lexicon) not in lexicon.syntax.citing or token.head.i == token.i:
        return None
    speaker, _ = _speaker_of(token.head, lexicon)
    guess = guess_source(speaker, lexicon) if speaker is not None else None
    if guess is None or guess.kind not in (SourceKind.MEDIA, SourceKind.ORGANIZATION, SourceKind.DOCUMENT):
        return None
    return guess.text
    return None


def _noun_cue(token, lexicon: Lexicon, has_quote: bool = False) -> Finding | None:
    """'In a statement, the ministry blamed …' (the subject of the verb the phrase hangs
    on), 'a statement from the ministry', 'the ministry's statement', 'reports that …'."""
    if token.pos_ not in ("NOUN", "PROPN") or _lemma(token, lexicon) not in lexicon.syntax.nouns:
        return None
    owner = _statement_owner(token)
    if owner is not None and owner.head.lower_ != "by" and not (has_quote or _that_clause(token)):
        owner = None  # "Obama's announcement of new actions" reports an act; "the claim by X" names its author
    if owner is None and token.dep_ == "pobj" and token.head.lower_ in ("in", "during"):
        verb = token.head.head
        if verb.pos_ in ("VERB", "AUX"):
            owner, _ = _speaker_of(verb)
    if owner is None:
        if not _that_clause(token):
            return None
        owner = token  # "reports that …": the reports themselves
    guess = guess_source(owner, lexicon)
    if guess is None:
        return None
    return Finding(guess.kind, guess.text, (guess.start, guess.end), token.text,
                   (token.idx, token.idx + len(token.text)), back_reference=guess.back_reference)


def _that_clause(noun) -> bool:
    return any(c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" for g in c.children) for c in noun.children)


def _statement_owner(noun):
    for child in noun.children:
        if child.dep_ == "poss" and child.tag_ not in ("PRP$",):
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                return obj
    return None


def _non_response(doc, masked: str, lexicon: Lexicon, spans: tuple[tuple[int, int], ...]) -> Finding | None:
    """'Acme Records declined to comment', 'the ministry did not respond', 'X could not be
    reached': the party that did not answer is the source of the non-answer."""
    for start, end in spans:
        for token in doc:
            if not start <= token.idx < end or not token.tag_.startswith("VB"):
                continue
            if _lemma(token, lexicon) not in lexicon.syntax.non_responses:
                continue
            party = _party_of(token)
            if party is None:
                continue
            guess = guess_source(party, lexicon)
            if guess is None:
                continue
            return Finding(guess.kind, guess.text, (guess.start, guess.end), doc.text[start:end], (start, end),
                           back_reference=guess.back_reference)
    return None


def _party_of(verb):
    current = verb
    for _ in range(MAX_CLIMB):
        for child in current.children:
            if child.dep_ in SUBJECTS + PASSIVE_SUBJECTS and child.dep_ != "expl":
                if child.tag_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                    return current.head
                return child
        if current.dep_ not in SHARED_SUBJECT_DEPS + ("ccomp",) or current.head.i == current.i:
            return None
        current = current.head
    return None


__all__ = ["find_in_parse", "phrase_tokens"]


def _colon_cue(doc, masked: str, lexicon: Lexicon) -> Finding | None:
    """'Lynch: No outside influence on FBI probe' — a name, a colon, then what they said
    (the news convention for headlines and quote paragraphs)."""
    colon = next((t for t in doc if t.text == ":" and masked[t.idx:t.idx + 1] == ":"), None)
    if colon is None or colon.i == 0 or colon.i > 6 or colon.i + 1 >= len(doc):
        return None
    before = doc[:colon.i]
    after = doc[colon.i + 1:]
    if any(t.dep_ == "det" for t in before) or not (
            MASK in masked or any(t.pos_ in ("VERB", "AUX") for t in after)):
        return None  # "The Latest: …", "Superdelegates: 121." are labels, not speakers
    head = before.root
    named = head.pos_ == "PROPN" or head.text[:1].isupper()  # headline style: "Trump: …", "Poll: …"
    if not named or any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    guess = guess_source(head, lexicon, tokens=list(before))
    if guess is None or guess.kind is SourceKind.UNATTRIBUTED:
        return None
    return Finding(guess.kind, guess.text, (guess.start, guess.end), ":", (colon.idx, colon.idx + 1),
                   back_reference=guess.back_reference)
