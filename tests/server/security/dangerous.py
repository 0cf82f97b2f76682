"""What "sanitized" means, as a checker: the dangerous things left in a piece of reader HTML.

Parses the HTML the way a browser would find elements and attributes (lxml's HTML parser)
and also scans the raw string, so markup that only becomes dangerous after a re-parse
(mutation XSS) is caught by the string checks.
"""
from __future__ import annotations

import re

import lxml.html

FORBIDDEN_TAGS = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
    "select", "textarea", "svg", "math", "meta", "base", "link", "template", "noscript", "xmp", "plaintext",
    "noembed", "noframes", "video", "audio", "source", "details", "dialog", "portal", "isindex", "marquee",
})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background",
                            "data", "codebase", "cite", "longdesc", "usemap", "ping"})
FORBIDDEN_ATTRIBUTES = frozenset({"style", "srcdoc", "http-equiv", "formaction", "action"})
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file|blob|filesystem)\s*:", re.IGNORECASE)
_RAW_PATTERNS = {
    "script tag": re.compile(r"<\s*script", re.IGNORECASE),
    "svg tag": re.compile(r"<\s*svg", re.IGNORECASE),
    "math tag": re.compile(r"<\s*math", re.IGNORECASE),
    "iframe tag": re.compile(r"<\s*i?frame", re.IGNORECASE),
}
_CONTROL = re.compile(r"[\x00-\x20]+")


def _scheme_is_bad(value: str) -> bool:
    # Browsers drop tabs, newlines and leading controls inside a scheme: "jav\tascript:".
    return bool(_BAD_SCHEME.match(_CONTROL.sub("", value)))


def dangerous_markup(html: str) -> list[str]:
    """Descriptions of every dangerous element, attribute or URL in ``html`` (empty: safe)."""
    found = [name for name, pattern in _RAW_PATTERNS.items() if pattern.search(html)]
    if not html.strip():
        return found
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else "comment"
        if tag.lower() in FORBIDDEN_TAGS:
            found.append(f"<{tag}>")
        for name, value in element.attrib.items():
            name = name.lower()
            if name.startswith("on") or name in FORBIDDEN_ATTRIBUTES:
                found.append(f"<{tag} {name}=>")
            elif name in URL_ATTRIBUTES and _scheme_is_bad(value):
                if not (tag == "img" and name == "src" and value.strip().lower().startswith("data:image/")):
                    found.append(f"<{tag} {name}={value[:40]!r}>")
    return found
