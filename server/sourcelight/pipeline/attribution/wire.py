"""A wire story's credit relays its claims: "WASHINGTON (Reuters) — …" or "(AP) —" at the
head of the text says the agency reported what follows, so the claims a site republishes
from it are relayed by that agency (unless the site is the agency itself).
"""
from __future__ import annotations

import re
from dataclasses import replace

from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.model import Article, Attribution, SourceKind

# A dateline: up to a few capitalised words (place, date), the agency in brackets, a dash.
_AGENCY_CREDIT = r"(?:[A-Z][\w.,'’ ]{0,48})?\(\s*(?P<agency>[^()]{2,40}?)\s*\)"
_DASH = r"(?:--|[-—–])"  # "WASHINGTON -- …" where the page typed two hyphens for the dash
DATELINE = re.compile(rf"^{_AGENCY_CREDIT}\s*{_DASH}")
# Any dateline, with or without an agency: "WASHINGTON (Reuters) –", "PHILADELPHIA, July 29
# (UPI) —", "New York (AFP) –", "BEIRUT —".
ANY_DATELINE = re.compile(rf"^(?:{_AGENCY_CREDIT}|[A-Z][A-Z.'’ ]{{2,30}}"
                          rf"(?:,\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?)\s*{_DASH}\s+")
# How many of the first sentences may carry the dateline (a kicker or standfirst may come first).
DATELINE_SENTENCES = 3


def wire_agency(article: Article, sentences, lexicon: Lexicon) -> str | None:
    """The agency a dateline credits, when the page is not the agency's own."""
    for sentence in list(sentences)[:DATELINE_SENTENCES]:
        match = DATELINE.match(sentence.text)
        if not match:
            continue
        name = lexicon.patterns["media_names"].fullmatch(match.group("agency").strip())
        if name is None:
            return None
        agency = name.group()
        own = " ".join(filter(None, (article.site, article.url))).casefold()
        return None if agency.casefold().replace(" ", "") in own.replace(" ", "") else agency
    return None


def without_dateline(text: str) -> str:
    """The sentence with its dateline blanked out (same length, same offsets): "MACAU (Reuters)
    – Sheldon Adelson said …" is Adelson speaking, not Macau."""
    match = ANY_DATELINE.match(text)
    return " " * match.end() + text[match.end():] if match else text


def relayed_by_agency(attributions: list[Attribution | None], agency: str | None) -> list[Attribution | None]:
    """Every attributed claim without a relay of its own is relayed by the wire agency."""
    if agency is None:
        return attributions
    return [a if a is None or a.via or a.kind in (SourceKind.MEDIA, SourceKind.UNATTRIBUTED)
            else replace(a, via=agency) for a in attributions]
