"""Markup vocabulary extraction recognises: class/id tokens CMSs use, never words of a language.

(trafilatura keeps its equivalents in xpaths.py.) Words of a language that mark clutter lines
("Reporting by", "Media caption") are data: lexicons/extraction.toml, read by clutter.py.
"""
from __future__ import annotations

import re


_SEPARATORS = re.compile(r"[-_\s]+")


class _Tokens:
    """Class/id names matched as whole parts: "share" matches "article-share_bar", not "shared"."""

    def __init__(self, *names: str) -> None:
        self.words = frozenset(n for n in names if not _SEPARATORS.search(n))
        self.compounds = tuple(f"-{_SEPARATORS.sub('-', n)}-" for n in names if _SEPARATORS.search(n))

    def search(self, marker: str) -> bool:
        normalized = _SEPARATORS.sub("-", marker.lower())
        if not self.words.isdisjoint(normalized.split("-")):
            return True
        return bool(self.compounds) and any(c in f"-{normalized}-" for c in self.compounds)


def _tokens(*names: str) -> _Tokens:
    return _Tokens(*names)


# Boxes inside article bodies that trafilatura keeps: promos, share bars, "subscribe to
# our channel", follow buttons.
BOILERPLATE = _tokens(
    "subscribe", "subscription", "newsletter", "promo", "share", "sharing", "shares", "social", "related",
    "outbrain", "taboola", "advert", "advertisement", "sponsored", "ad-slot", "signup", "paywall-prompt",
    "follow", "share-tools", "sharetools", "social-links", "share-buttons", "print-link",
)
# A box holding more text than this is more likely the article itself mis-classed.
BOILERPLATE_MAX_CHARS = 600

# The summary under the headline, which trafilatura drops with the header.
STANDFIRST = _tokens(
    "standfirst", "chapo", "chapeau", "intro", "dek", "subtitle", "subtitulo", "subheadline", "subhead",
    "sub-title", "summary", "lead", "teaser", "excerpt", "description", "sapo", "entradilla", "deck",
    "strapline",
)

# Bylines and datelines: their text belongs in the header, not the article text.
BYLINE = _tokens(
    "byline", "bylines", "author", "authors", "author-name", "dateline", "timestamp", "date", "time",
    "published", "pubdate", "updated", "article-date", "posted-on", "contributor", "contributors",
    "writer", "credit-author",
)
# Captions and picture credits: shown under their figure, not as article paragraphs.
CAPTION = _tokens(
    "caption", "captions", "figcaption", "media-caption", "image-caption", "photo-caption", "credit",
    "credits", "image-credit", "photo-credit", "picture-credit", "copyright",
)
# Byline, date and caption boxes longer than this are not one.
META_MAX_CHARS = 300

# Either of the two above: header or figure material.
META_BOX = _Tokens(*BYLINE.words, *CAPTION.words, *(c.strip("-") for c in BYLINE.compounds + CAPTION.compounds))

# Links that only share the page somewhere else.
SHARE_LINK = re.compile(
    r"^(?:mailto:\?|whatsapp:|sms:|fb-messenger:)|"
    r"(?:facebook\.com/(?:sharer|share|dialog/share)|twitter\.com/(?:intent|share|home\?status)|x\.com/intent|"
    r"linkedin\.com/(?:share|shareArticle|cws/share)|pinterest\.[a-z.]+/pin/create|reddit\.com/submit|"
    r"wa\.me/|api\.whatsapp\.com/send|t\.me/share|telegram\.me/share|vk\.com/share|tumblr\.com/share|"
    r"getpocket\.com/save|plus\.google\.com/share|news\.ycombinator\.com/submitlink|flipboard\.com/bookmarklet)",
    re.IGNORECASE,
)
