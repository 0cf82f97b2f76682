"""Which URL identifies a page: the one rule the pipeline and the store share."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["canonicalize_url", "TRACKING_PARAMS"]

# Query parameters that only track the reader; two URLs differing in them are one page.
TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|ocid|cmpid|icid|_ga|igshid|"
    r"yclid|wt\.mc_id|ito|smid|share|sh|at_medium|at_campaign|xtor|__twitter_impression)$",
    re.IGNORECASE,
)


def canonicalize_url(url: str | None) -> str | None:
    """The URL that identifies a page: http(s) only, no fragment, no tracking parameters."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not TRACKING_PARAMS.match(k)])
    netloc = parts.netloc.lower()
    default_port = {"http": ":80", "https": ":443"}[parts.scheme.lower()]
    if netloc.endswith(default_port):
        netloc = netloc[: -len(default_port)]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))
