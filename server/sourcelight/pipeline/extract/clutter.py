"""Lines that are not article text: moved where they belong (header, figure) or dropped.

Rules are about the shape of a line and the page's markup; the few words that mark a line
(credits, caption labels, share prompts) are data in lexicons/extraction/lines.toml.
"""
from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from sourcelight.pipeline.extract import vocabulary as vocab
from sourcelight.pipeline.extract.records import PageSignals, Piece
from sourcelight.pipeline.model import BlockKind

__all__ = ["tidy_pieces", "Tidied", "LinePhrases", "line_phrases"]

# A line with no letter or digit is a separator ("___", "* * *", "•").
_NO_WORD = re.compile(r"^[\W_]+$")
# A copyright notice: "© 2016 The Associated Press. All rights reserved. …", "Copyright 2026 …".
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}\b))", re.IGNORECASE)
# A list number printed as its own paragraph ("2.", "(3)", "4)").
_LIST_NUMBER = re.compile(r"^\(?\d{1,3}[.)]\)?$")
# A date or a time in a line: a year, or hh:mm.
_DATE_OR_TIME = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b|\b\d{1,2}[:.h]\d{2}\b")
# Header lines (byline, dateline) are short and come before the text proper.
HEADER_ZONE = 5
HEADER_LINE_MAX_CHARS = 200
SHARE_LINE_MAX_CHARS = 100
CREDIT_LINE_MAX_CHARS = 400
# A wire story's credit in brackets may list twenty reporters in as many cities ("(Additional
# reporting by … in JAKARTA, … in SINGAPORE, …; Writing by …; Editing by …)"): the brackets
# around it let it run longer.
BRACKETED_CREDIT_MAX_CHARS = 1200
# A teaser is short and mostly link: an article's own linked phrases are a few words of a sentence.
TEASER_LINE_MAX_CHARS = 160
TEASER_LINK_SHARE = 0.6
TEASER_MIN_WORDS = 4  # a headline, not a name ("Photos: Jane Doe")
# The longest paragraph ending in a "Full Article" link that is only another story's blurb.
READ_MORE_BLURB_MAX_CHARS = 400
_TEASER_LABEL = re.compile(r"^[^\W\d][^:.!?]{1,30}:\s+")
_SENTENCE_END = (".", "!", "?", "…", "»", "”", '"')


@dataclass(frozen=True)
class LinePhrases:
    credits: tuple[str, ...]
    captions: tuple[str, ...]
    share: tuple[str, ...]
    related: tuple[str, ...]
    read_more: tuple[str, ...]


@dataclass(frozen=True)
class Tidied:
    pieces: list[Piece]
    credits: tuple[str, ...]


@functools.cache
def line_phrases() -> LinePhrases:
    """lexicons/extraction/lines.toml, every language together. Raises ValueError on a bad file."""
    resource = resources.files("sourcelight.lexicons").joinpath("extraction").joinpath("lines.toml")
    data = tomllib.loads(resource.read_text(encoding="utf-8"))
    sections = {}
    for section in ("credits", "captions", "share", "related", "read_more"):
        phrases = [p for entries in data.get(section, {}).values() for p in entries]
        if any(p != p.strip().lower() or not p for p in phrases) or len(set(phrases)) != len(phrases):
            raise ValueError(f"lines.toml [{section}]: entries must be lower case, trimmed and unique")
        # Longest first, so "additional reporting by" wins over "reporting by".
        sections[section] = tuple(sorted(phrases, key=len, reverse=True))
    return LinePhrases(**sections)


def _starts_with(text: str, phrases: tuple[str, ...]) -> str | None:
    head = text.lstrip("(—–-[ ").casefold()
    return next((p for p in phrases if head.startswith(p)), None)


def tidy_pieces(pieces: list[Piece], signals: PageSignals, *, title: str, byline: str | None) -> Tidied:
    """The pieces without clutter lines; credits taken out for the header."""
    phrases = line_phrases()
    credits: list[str] = []
    out: list[Piece] = []
    title_key = _key(title)
    byline_key = _key(byline) if byline else ""
    carried_number = ""
    for position, piece in enumerate(pieces):
        if piece.kind is BlockKind.IMAGE or not piece.text:
            out.append(piece)
            continue
        text = piece.text
        if carried_number and piece.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM):
            piece = _prefixed(piece, carried_number + " ")
            carried_number = ""
        if piece.kind is BlockKind.PARAGRAPH and _LIST_NUMBER.match(text):
            carried_number = text
            continue
        if _NO_WORD.match(text) or (_COPYRIGHT.match(text) and len(text) <= CREDIT_LINE_MAX_CHARS):
            continue  # (a separator, or the publisher's copyright notice: no article text)
        if position < HEADER_ZONE and piece.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH) and title_key \
                and _key(text) == title_key:
            continue  # the headline again, as the first heading or paragraph
        if piece.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE) and _is_credit(text, phrases):
            credits.append(_unwrap(text))
            continue
        caption = _starts_with(text, phrases.captions)
        if caption or (piece.kind is BlockKind.PARAGRAPH and text in signals.meta_texts):
            _caption_to_figure(out, _strip_label(text, caption) if caption else text)
            continue
        if _is_share_line(piece, phrases) or _is_teaser_line(piece, phrases):
            continue
        if position < HEADER_ZONE and piece.kind is BlockKind.PARAGRAPH and _is_header_line(text, byline_key):
            continue
        piece, trailing = _split_trailing_credit(piece, phrases)
        if trailing:
            credits.append(trailing)
        piece = _without_read_more(_without_trailing_teaser(piece, phrases), phrases)
        if piece is not None:
            out.append(piece)
    return Tidied(out, tuple(dict.fromkeys(credits)))


def tidy_text_pieces(pieces: list[Piece]) -> Tidied:
    """Pasted text: its credit lines, whole or ending a paragraph ("… (Reporting by …;
    Editing by …)"), go to the header; nothing else is judged clutter in text a reader chose."""
    phrases = line_phrases()
    credits: list[str] = []
    out: list[Piece] = []
    for piece in pieces:
        if _is_credit(piece.text, phrases):
            credits.append(_unwrap(piece.text))
            continue
        piece, trailing = _split_trailing_credit(piece, phrases)
        if trailing:
            credits.append(trailing)
        if piece.text:
            out.append(piece)
    return Tidied(out, tuple(dict.fromkeys(credits)))


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _prefixed(piece: Piece, prefix: str) -> Piece:
    links = tuple((href, s + len(prefix), e + len(prefix)) for href, s, e in piece.links)
    return dataclasses.replace(piece, text=prefix + piece.text, links=links)


def _is_credit(text: str, phrases: LinePhrases) -> bool:
    bracketed = text.startswith("(") and text.endswith(")")
    longest = BRACKETED_CREDIT_MAX_CHARS if bracketed else CREDIT_LINE_MAX_CHARS
    return len(text) <= longest and _starts_with(text, phrases.credits) is not None


def _unwrap(text: str) -> str:
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    return text


def _strip_label(text: str, label: str) -> str:
    rest = text.lstrip("(—–-[ ")[len(label):]
    return rest.lstrip(" ,:;-–—").strip()


def _caption_to_figure(out: list[Piece], caption: str) -> None:
    """Put a caption line under the picture just before it, if that picture has none."""
    for index in range(len(out) - 1, max(-1, len(out) - 3), -1):
        piece = out[index]
        if piece.kind is BlockKind.IMAGE and piece.image is not None:
            if not piece.image.caption and caption:
                out[index] = dataclasses.replace(piece, image=dataclasses.replace(piece.image, caption=caption))
            return


def _is_teaser_line(piece: Piece, phrases: LinePhrases) -> bool:
    """A link to another story between paragraphs ("Read more: …"): a short line that starts with
    a teaser label, or a "Label: " followed by mostly the linked headline of another story."""
    text = piece.text
    if piece.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or len(text) > TEASER_LINE_MAX_CHARS:
        return False
    if _starts_with(text, phrases.related):
        return True  # (a list of them too: an ad widget's "FROM THE WEB …" items)
    if piece.kind is not BlockKind.PARAGRAPH:
        return False
    # "Label: Linked headline of another story" in any language.
    label = _TEASER_LABEL.match(text)
    if label is None:
        return False
    linked = [text[start:end] for _, start, end in piece.links if start >= label.end() - 1]
    return bool(linked) and sum(map(len, linked)) >= TEASER_LINK_SHARE * (len(text) - label.end()) \
        and max(len(t.split()) for t in linked) >= TEASER_MIN_WORDS and not text.rstrip().endswith(_SENTENCE_END)


def _is_share_line(piece: Piece, phrases: LinePhrases) -> bool:
    if len(piece.text) > SHARE_LINE_MAX_CHARS and not piece.links:
        return False
    if piece.links and all(vocab.SHARE_LINK.search(href) for href, _, _ in piece.links) \
            and len(piece.text) <= 2 * SHARE_LINE_MAX_CHARS:
        return True
    return len(piece.text) <= SHARE_LINE_MAX_CHARS and _starts_with(piece.text, phrases.share) is not None


def _is_header_line(text: str, byline_key: str) -> bool:
    """A byline or dateline run into one line ("JANE DOENov. 20, 2019Updated …")."""
    if len(text) > HEADER_LINE_MAX_CHARS or text.rstrip().endswith(_SENTENCE_END[1:]):
        return False
    key = _key(text)
    if byline_key and (key.startswith(byline_key) or f" {byline_key}" in f" {key}"):
        return True
    return bool(_DATE_OR_TIME.search(text)) and len(text) <= HEADER_LINE_MAX_CHARS // 2 \
        and not text.rstrip().endswith(".")


def _without_read_more(piece: Piece, phrases: LinePhrases) -> Piece | None:
    """A paragraph that ends in a link to the rest of another story ("… suggest more central
    bank action Full Article"): a short one is that story's blurb and goes (None); a long one
    keeps its text without the link's words."""
    text = piece.text
    if piece.kind is not BlockKind.PARAGRAPH or not piece.links:
        return piece
    tail = " ".join(text.split()).casefold()
    label = next((p for p in phrases.read_more if tail.endswith(p)), None)
    if label is None:
        return piece
    cut = len(text.rstrip()) - len(label)
    if not any(start <= cut < end for _, start, end in piece.links):
        return piece  # the words, but no link: the article's own
    if len(text) <= READ_MORE_BLURB_MAX_CHARS:
        return None
    return _cut_at(piece, cut)


def _without_trailing_teaser(piece: Piece, phrases: LinePhrases) -> Piece:
    """A paragraph ending in a bracketed link to another story ("… win by fifty. (RELATED:
    Forget ISIS, …)"): the teaser goes, the paragraph stays."""
    text = piece.text
    if piece.kind is not BlockKind.PARAGRAPH or not text.endswith(")"):
        return piece
    opening = text.rfind("(")
    if opening <= 0 or len(text) - opening > TEASER_LINE_MAX_CHARS or not _starts_with(text[opening:], phrases.related):
        return piece
    return _cut_at(piece, opening)


def _split_trailing_credit(piece: Piece, phrases: LinePhrases) -> tuple[Piece, str]:
    """A paragraph ending in "(Reporting by …; Editing by …)": the credit goes to the header."""
    text = piece.text
    if piece.kind is not BlockKind.PARAGRAPH or not text.endswith(")"):
        return piece, ""
    opening = text.rfind("(")
    if opening <= 0 or not _is_credit(text[opening:], phrases):
        return piece, ""
    return _cut_at(piece, opening), _unwrap(text[opening:])


def _cut_at(piece: Piece, end: int) -> Piece:
    """The piece's text up to ``end`` (trailing spaces dropped), with the links that start in it."""
    kept = piece.text[:end].rstrip()
    links = tuple((h, s, min(e, len(kept))) for h, s, e in piece.links if s < len(kept))
    return dataclasses.replace(piece, text=kept, links=links)
