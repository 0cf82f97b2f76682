"""The plain sentence shown beside each claim. It says how the claim is sourced, never
whether it is true. (Interface text, in the reader's language: English.)"""
from __future__ import annotations

from urllib.parse import urlsplit

from sourcelight.pipeline.model import Attribution, QuoteKind, SourceKind

_KIND_PHRASES = {
    SourceKind.NAMED_PERSON: "a person named on the record",
    SourceKind.ORGANIZATION: "an organization",
    SourceKind.MEDIA: "another outlet",
    SourceKind.DOCUMENT: "a document",
    SourceKind.ANONYMOUS: "an anonymous source",
    SourceKind.VAGUE: "a vague source",
}


def unavailable_note(language: str) -> str:
    return f"Sourcing analysis is not available for this language ({language or 'unknown'})."


def claim_note(attribution: Attribution, hedges: tuple[str, ...], non_response: bool,
               denial: bool, links: tuple[str, ...]) -> str:
    """One or two plain sentences about how the claim is sourced."""
    parts = [_sourcing_sentence(attribution, links)]
    if hedges:
        parts.append("Hedged: " + ", ".join(f"“{h}”" for h in hedges) + ".")
    if non_response:
        parts.append("Reports that someone did not respond.")
    if denial:
        parts.append("Reports a denial.")
    if links and attribution.kind is not SourceKind.UNATTRIBUTED:
        parts.append(f"Links to {_hosts(links)}.")
    return " ".join(parts)


def _sourcing_sentence(attribution: Attribution, links: tuple[str, ...]) -> str:
    if attribution.kind is SourceKind.UNATTRIBUTED:
        if links:
            return f"No source is named in the sentence; its only support is a link to {_hosts(links)}."
        return "No source is named for this sentence."
    text = f"Rests on {_KIND_PHRASES[attribution.kind]}"
    if attribution.source:
        text += f": “{attribution.source}”"
    if attribution.via:
        text += f", relayed by {attribution.via}"
    if attribution.quote is QuoteKind.DIRECT:
        text += " (direct quote)"
    return text + "."


def _hosts(links: tuple[str, ...]) -> str:
    hosts = []
    for href in links:
        host = urlsplit(href).hostname or href
        host = host.removeprefix("www.")
        if host not in hosts:
            hosts.append(host)
    return ", ".join(hosts)
