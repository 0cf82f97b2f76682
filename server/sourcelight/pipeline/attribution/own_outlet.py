"""The page's own outlet is no other outlet: "he told Mashable" on Mashable's site is the
outlet's own interview, relayed by no one, and "Page Six has learned …" on Page Six is its own
reporting, resting on no other source. The outlet is known by the page's site name and the
words of its web address ("ReutersIndia", reuters.com: Reuters; telegraph.co.uk: the
Telegraph), compared whole, so that "AP" is not Japan Times' own."""
from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.model import Article, Attribution, SourceKind

# Words of a web address that name no outlet.
_ADDRESS_WORDS = frozenset({"www", "m", "amp", "mobile", "edition", "com", "net", "org", "co", "uk", "go", "edu",
                            "gov", "news", "html"})
_NOT_NAME = re.compile(r"[^0-9a-z]+")


def own_outlet_names(article: Article, lexicon: Lexicon) -> frozenset[str]:
    """The page's outlet, each way its site name and address spell it (folded)."""
    names = set()
    if article.site:
        names |= set(_folded(article.site, lexicon))
    for url in (article.url, article.canonical_url):
        host = urlsplit(url or "").hostname or ""
        names |= {label for label in host.casefold().split(".") if label and label not in _ADDRESS_WORDS}
    return frozenset(names - {""})


def without_own_outlet(attributions: list[Attribution | None], own: frozenset[str],
                       lexicon: Lexicon) -> list[Attribution | None]:
    """The attributions with the page's own outlet as no relay, and as no source: its own
    reporting rests on no one else."""
    if not own:
        return attributions
    kept: list[Attribution | None] = []
    for attribution in attributions:
        if attribution is not None and attribution.via and _is_own(attribution.via, own, lexicon):
            attribution = replace(attribution, via=None)
        if attribution is not None and attribution.kind is SourceKind.MEDIA and _is_own(attribution.who or "", own, lexicon):
            attribution = None
        kept.append(attribution)
    return kept


def _is_own(name: str, own: frozenset[str], lexicon: Lexicon) -> bool:
    return any(form in own for form in _folded(name, lexicon))


def _folded(name: str, lexicon: Lexicon) -> tuple[str, ...]:
    """'The Daily Beast' as 'thedailybeast' and, without its article, 'dailybeast'."""
    words = name.split()
    bare = words[1:] if len(words) > 1 and lexicon.patterns["definite"].fullmatch(words[0].casefold()) else words
    forms = (_NOT_NAME.sub("", name.casefold()), _NOT_NAME.sub("", " ".join(bare).casefold()))
    return tuple(dict.fromkeys(form for form in forms if form))


__all__ = ["own_outlet_names", "without_own_outlet"]
