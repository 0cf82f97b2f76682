"""The plain sentence shown beside each claim. It says how the claim is sourced, never
whether it is true. Written in the article's language from its message catalogue
(messages.py; English when the language has none)."""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from sourcelight.pipeline.attribution.entities import is_pair, people_of
from sourcelight.pipeline.attribution.lexicon import load_lexicon
from sourcelight.pipeline.attribution.messages import Messages, messages_for
from sourcelight.pipeline.attribution.described import describes_several, is_description
from sourcelight.pipeline.model import Attribution, QuoteKind, SourceKind


def unavailable_note(language: str) -> str:
    messages = messages_for(language)
    return messages.text("notes.unavailable", language=language or messages.text("notes.unknown_language"))


def claim_note(attribution: Attribution, hedges: tuple[str, ...], non_response: bool,
               denial: bool, links: tuple[str, ...], language: str = "en",
               anonymity_reason: str | None = None, silent_party: str | None = None) -> str:
    """One or two plain sentences about how the claim is sourced. Each hedge is named once:
    not again when the source shown is the hedged phrase itself ("it is alleged"). A
    non-response names the party that did not answer: ``silent_party`` where the source only
    reports it ("He said the company declined to comment"), else the source."""
    messages = messages_for(language)
    parts = [_sourcing_sentence(attribution, links, messages)]
    shown = (attribution.source or "").casefold()
    unique = [h for h in dict.fromkeys(hedges) if h.casefold() not in shown]
    if unique:
        quoted = messages.join("notes", (messages.text("notes.hedge", hedge=h) for h in unique))
        parts.append(messages.text("notes.hedged", hedges=quoted))
    if anonymity_reason is not None:
        parts.append(messages.text("notes.anonymity_reason_given" if anonymity_reason else "notes.no_reason_given"))
    if non_response and (silent_party or (attribution.kind is not SourceKind.UNATTRIBUTED and attribution.who)):
        parts.append(messages.text("notes.non_response_named",
                                   source=_mid_sentence(silent_party or attribution.who, language)))
    elif non_response:
        parts.append(messages.text("notes.non_response"))
    if denial:
        parts.append(messages.text("notes.denial"))
    if links and attribution.kind is not SourceKind.UNATTRIBUTED:
        parts.append(messages.text("notes.links", hosts=_hosts(links, messages)))
    return " ".join(parts)


def _sourcing_sentence(attribution: Attribution, links: tuple[str, ...], messages: Messages) -> str:
    if attribution.kind is SourceKind.UNATTRIBUTED:
        if links:
            return messages.text("notes.no_source_only_link", hosts=_hosts(links, messages))
        return messages.text("notes.no_source")
    lexicon = load_lexicon(messages.language)
    if attribution.entity and lexicon is not None and lexicon.is_third_person(attribution.entity):
        # an earlier "He" nothing resolved either ("He died believing … In 1885, he told …"): no name
        attribution = replace(attribution, entity=None)
    source = ""
    if attribution.source and attribution.entity and attribution.entity != attribution.source:
        source = messages.text("notes.source_resolved", source=attribution.source,
                               entity=_shown_people(attribution, lexicon, messages))
    elif attribution.source:
        source = messages.text("notes.source", source=attribution.source)
    via = messages.text("notes.via", via=attribution.via) if attribution.via else ""
    direct = messages.text("notes.direct_quote") if attribution.quote is QuoteKind.DIRECT else ""
    kind = _kind_key(attribution, lexicon)
    return messages.text("notes.rests_on", kind=messages.text(kind), source=source, via=via, direct=direct)


def _shown_people(attribution: Attribution, lexicon, messages: Messages) -> str:
    """The entity as the note names it: of several people, the writer's own "I" as the
    writer ("Sam and I wrote": Sam, the writer)."""
    if lexicon is None or not is_pair(attribution, lexicon):
        return attribution.entity
    return messages.join("summary", (messages.text("notes.writer_listed") if lexicon.is_first_person(name) else name
                                     for name in people_of(attribution.entity, lexicon.language)))


def _kind_key(attribution: Attribution, lexicon) -> str:
    """The message for what the claim rests on: a kind, or, for a person, the pair a phrase
    such as "both men" means, the writer's own "I", or a "he" or "the senator" no name was
    found for (no person "named on the record" the reader could tell)."""
    if attribution.kind is SourceKind.NAMED_PERSON and lexicon is not None:
        if is_pair(attribution, lexicon):
            # ("the President and the First Lady": described, and neither named here)
            described = all(is_description(name, lexicon) for name in people_of(attribution.entity, lexicon.language))
            return "notes.described_people" if described else "notes.named_pair"
        unnamed = attribution.source is not None and attribution.entity in (None, attribution.source)
        if unnamed and lexicon.is_first_person(attribution.source):
            return "notes.writer"
        if unnamed and lexicon.is_pronoun(attribution.source):
            return "notes.pronoun_person"
        # (a "she" the sentences before resolved to "the ferry captain" names no one either)
        who = attribution.entity or attribution.source
        if who and is_description(who, lexicon):
            return "notes.described_people" if describes_several(who, lexicon) else "notes.described_person"
    return f"notes.kind.{attribution.kind.value}"


def _mid_sentence(name: str, language: str) -> str:
    """'The Pentagon' inside a sentence is 'the Pentagon' (the lexicon's definite articles), and
    'He' is 'he' (not the writer's "I")."""
    lexicon = load_lexicon(language)
    pronoun = lexicon is not None and lexicon.is_third_person(name)
    if lexicon is not None and (lexicon.patterns["definite"].match(name) or pronoun) and name[:1].isupper():
        return name[:1].lower() + name[1:]
    return name


def _hosts(links: tuple[str, ...], messages: Messages) -> str:
    hosts = []
    for href in links:
        host = urlsplit(href).hostname or href
        host = host.removeprefix("www.")
        if host not in hosts:
            hosts.append(host)
    return messages.join("notes", hosts)
