"""The escaping rules, one per format: every output format puts text a page supplied (its
title, site name, byline, quotes) through these, so that it is inert wherever it lands."""
from __future__ import annotations

import json
import re
from html import escape
from urllib.parse import quote

__all__ = ["escape_html", "escape_markdown", "escape_markdown_block", "markdown_url", "csv_cell", "yaml_string"]

_MARKDOWN_SPECIAL = set("\\`*_[]<>#|!&~")
_WHITESPACE_RUN = re.compile(r"\s+")


def escape_html(text: str) -> str:
    """HTML text or attribute value: & < > " ' as character references."""
    return escape(text, quote=True)


def escape_markdown(text: str) -> str:
    """Page-supplied text as literal Markdown on one line: every character Markdown or inline
    HTML could act on is backslash-escaped ("<img …>" stays text, "*Daesh" stays a word), and
    line breaks become spaces, so that no value can start a heading, list or quote."""
    flat = _WHITESPACE_RUN.sub(" ", text).strip()
    escaped = "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in flat)
    # A line may not begin as a list item, heading underline or numbered item either.
    return re.sub(r"^([-+=]|\d+[.)])", lambda m: "\\" + m.group(1) if m.group(1)[0] in "-+=" else
                  m.group(1)[:-1] + "\\" + m.group(1)[-1], escaped)


def escape_markdown_block(text: str) -> str:
    """Like escape_markdown, but paragraph breaks (blank lines) are kept."""
    return "\n\n".join(escape_markdown(part) for part in re.split(r"\n\s*\n", text) if part.strip())


def markdown_url(url: str) -> str:
    """A URL as a Markdown link target <…>: only http(s), and no character that ends it."""
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return ""
    return "<" + quote(url, safe=":/?#[]@!$&'()*+,;=%~-._") + ">"


def csv_cell(value: str | None) -> str:
    """A spreadsheet cell: a value starting with = + - @ (or tab, CR) is run as a formula by
    spreadsheets (CSV injection), so it gets a leading apostrophe."""
    value = value or ""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


# Characters a YAML double-quoted scalar must not carry raw: C0 and C1 controls, DEL, and the
# line/paragraph separators and NEL that YAML treats as line breaks (a title with one would
# fold or end the value), the byte-order mark, and what is not a character at all.
_YAML_UNSAFE = re.compile("[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def yaml_string(value: str | None) -> str:
    """A YAML front-matter value as a double-quoted scalar: JSON's string escaping (YAML 1.2
    reads JSON strings) plus \\uXXXX for every character YAML would read as a line break or
    refuse. Quotes, colons, '#', '---' and newlines in a title stay inside the value."""
    text = json.dumps(value or "", ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: "\\u%04x" % ord(m.group()), text)
