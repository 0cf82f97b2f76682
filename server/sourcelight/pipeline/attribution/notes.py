"""The plain sentence shown beside each claim. It says how the claim is sourced, never
whether it is true. Written in the article's language from its message catalogue
(messages.py; English when the language has none)."""
from __future__ import annotations

from urllib.parse import urlsplit

from sourcelight.pipeline.attribution.messages import Messages, messages_for
from sourcelight.pipeline.model import Attribution, QuoteKind, SourceKind


def unavailable_note(language: str) -> str:
    messages = messages_for(language)
    return messages.text("notes.unavailable", language=language or messages.text("notes.unknown_language"))


def claim_note(attribution: Attribution, hedges: tuple[str, ...], non_response: bool,
               denial: bool, links: tuple[str, ...], language: str = "en") -> str:
    """One or two plain sentences about how the claim is sourced. Each hedge is named once:
    not again when the source shown is the hedged phrase itself ("it is alleged")."""
    messages = messages_for(language)
    parts = [_sourcing_sentence(attribution, links, messages)]
    shown = (attribution.source or "").casefold()
    unique = [h for h in dict.fromkeys(hedges) if h.casefold() not in shown]
    if unique:
        quoted = messages.join("notes", (messages.text("notes.hedge", hedge=h) for h in unique))
        parts.append(messages.text("notes.hedged", hedges=quoted))
    if non_response:
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
    source = messages.text("notes.source", source=attribution.source) if attribution.source else ""
    via = messages.text("notes.via", via=attribution.via) if attribution.via else ""
    direct = messages.text("notes.direct_quote") if attribution.quote is QuoteKind.DIRECT else ""
    return messages.text("notes.rests_on", kind=messages.text(f"notes.kind.{attribution.kind.value}"),
                         source=source, via=via, direct=direct)


def _hosts(links: tuple[str, ...], messages: Messages) -> str:
    hosts = []
    for href in links:
        host = urlsplit(href).hostname or href
        host = host.removeprefix("www.")
        if host not in hosts:
            hosts.append(host)
    return messages.join("notes", hosts)
