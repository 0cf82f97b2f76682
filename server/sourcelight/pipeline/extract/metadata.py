"""The article's header: title without the site's name, byline, site, date, canonical URL."""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from tld import get_fld

from sourcelight.pipeline.extract.records import Extraction, Metadata, PageSignals
from sourcelight.pipeline.extract.text import clean_inline
from sourcelight.pipeline.urls import canonicalize_url

__all__ = ["article_metadata", "choose_title", "strip_site_name", "site_of", "canonical"]

# Separators between a headline and the site's name in <title> and og:title.
_TITLE_SEPARATOR = re.compile(r"\s+[-–—|·•:»/]\s+|\s*\|\s*|\s+::\s+")
_TRAILING_SEPARATOR = re.compile(r"(?:\s+[-–—|·•:»/]|\s*\||\s+::)\s*$")
# "Site: Headline", "Site | Headline".
_PREFIX = re.compile(r"^(.{2,60}?)(?::|\s+[-–—|·•»/]|\s*\|)\s+")
_ALNUM = re.compile(r"[^\w]+")
# What follows a name in a byline field that is not a name: a date, a time, "Updated …".
_BYLINE_TAIL = re.compile(r"\s*(?:[,|·•–—-]\s*)?\d.*$")


def article_metadata(extraction: Extraction, signals: PageSignals, url: str | None,
                     title_hint: str | None) -> Metadata:
    """The header a reader sees, from trafilatura's metadata and the page's own headlines."""
    host = urlsplit(url).hostname if url else None
    site = clean_inline(extraction.sitename) or host
    names = [n for n in (site, extraction.sitename, host, _domain_label(url)) if n]
    title = choose_title(strip_site_name(extraction.title or title_hint or "", names, signals.headlines),
                         signals.headlines)
    return Metadata(
        title=title,
        byline=clean_byline(extraction.author),
        site=site or None,
        published=extraction.date or None,
        canonical_url=canonical(extraction.declared_url or signals.canonical_link, url),
    )


def clean_byline(author: str | None) -> str | None:
    """A byline without the date or time glued to it ("Jane Doe Nov. 20, 2019" → "Jane Doe")."""
    byline = clean_inline(author)
    byline = _BYLINE_TAIL.sub("", byline).strip(" ,;|·•–—-")
    return byline or None


def strip_site_name(title: str, site_names: list[str], headlines: tuple[str, ...] = ()) -> str:
    """The title without "- Site", "| Site" (or "Site: ") when that part names the site, or
    when what remains is exactly one of the page's own headlines."""
    title = clean_inline(title)
    parts = _TITLE_SEPARATOR.split(title)
    keys = {_key(n) for n in site_names if _key(n)}
    heads = {_key(h) for h in headlines}
    for _ in range(2):  # "Headline - Section | Site": at most two trailing parts
        if len(parts) > 1 and (_names_site(parts[-1], keys) or _key(title_before(title, parts[-1])) in heads):
            title = title_before(title, parts[-1])
            parts = parts[:-1]
    prefix = _PREFIX.match(title)
    if prefix and _names_site(prefix.group(1), keys) and len(title) > prefix.end():
        title = title[prefix.end():]
    return title


def title_before(title: str, last_part: str) -> str:
    """``title`` up to the separator before its last part."""
    return _TRAILING_SEPARATOR.sub("", title[: title.rindex(last_part)])


def _key(text: str) -> str:
    return _ALNUM.sub("", (text or "").casefold())


def _names_site(part: str, keys: set[str]) -> bool:
    key = _key(part)
    if not key:
        return False
    if re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", part.strip().lower()):
        return True  # "ExampleNews.com"
    return any(key == k or (len(k) >= 4 and (k in key or key in k) and len(key) <= 2 * len(k) + 4) for k in keys)


def _domain_label(url: str | None) -> str | None:
    """The registrable domain's first label ("examplenews" for www.examplenews.co.uk)."""
    if not url:
        return None
    domain = site_of(url)
    return domain.split(".")[0] if domain else None


def choose_title(metadata_title: str, headings: tuple[str, ...]) -> str:
    """The article's own headline rather than the shortened social one (og:title).

    A page heading counts when it shares most of its words with the metadata title, so that
    a site's logo in an <h1> is never taken for the headline.
    """
    title = clean_inline(metadata_title)
    title_words = set(re.findall(r"\w+", title.lower()))
    for heading in headings:
        words = set(re.findall(r"\w+", heading.lower()))
        if title_words and words and len(words & title_words) >= 0.6 * min(len(words), len(title_words)) \
                and len(heading) >= len(title):
            return heading
    return title or (headings[0] if headings else "")


def canonical(declared: str | None, url: str | None) -> str | None:
    """The page's declared canonical URL when it belongs to the page's own site, else the page's."""
    page = canonicalize_url(url)
    try:
        candidate = canonicalize_url(urljoin(url or "", declared)) if declared else None
    except ValueError:
        candidate = None
    if candidate and page and site_of(candidate) != site_of(page):
        # A page may not claim to be another site's article (it would merge into its notes).
        return page
    return candidate or page


def site_of(url: str) -> str:
    """The registrable domain ("bbc.co.uk", "user.github.io"), by the Public Suffix List."""
    return get_fld(url, fail_silently=True) or (urlsplit(url).hostname or "")
