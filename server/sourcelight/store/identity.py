"""Which site a URL belongs to: its registrable domain ("bbc.co.uk", not "co.uk" or "www.bbc.co.uk").

Articles are only ever merged within one site: a copy of a story on another domain is its
own article, so that a page elsewhere can never take a stored article (and its highlights)
over by copying its text or naming its URL as canonical.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from tld import get_fld


def site_of(url: str | None) -> str | None:
    """The registrable domain of ``url`` (the Public Suffix List, bundled with ``tld``); the
    bare host for hosts without one (localhost, an IP address); None without a host."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return (get_fld(url, fail_silently=True) or host).lower()
