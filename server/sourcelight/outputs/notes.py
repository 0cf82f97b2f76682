"""Notes for Obsidian and Logseq: one Markdown note per article with YAML front matter (title,
link, site, dates, sourcing shares, tags) and one block per highlight, the quote with the
reader's note under it and a link back to the passage on the page, ending in a block id
derived from the highlight's id ("^sl-<uuid>"), so that links to a block survive a re-export.

One article: one note. Everything: a zip with one note per article (note_filename).
"""
from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sourcelight.outputs.escaping import escape_markdown, escape_markdown_block, markdown_url, yaml_string
from sourcelight.pipeline.model import ATTRIBUTED_KINDS, UNNAMED_KINDS, SourceKind

if TYPE_CHECKING:
    from sourcelight.store.export import ExportArticle, ExportData

__all__ = ["export_note", "export_notes_zip", "note_filename", "block_id"]

# Characters Obsidian does not allow in a file name or that break a link to it.
_NAME_UNSAFE = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f\x7f]+')
# A tag is letters, digits, "_", "-" and "/"; anything else goes.
_TAG_UNSAFE = re.compile(r"[^\w/-]+")
# A text fragment (#:~:text=) longer than this links by its first and last words instead.
FRAGMENT_WHOLE_CHARS = 80
FRAGMENT_EDGE_CHARS = 40
# Zip entries get a fixed time, so that the same notebook exports to the same bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def block_id(highlight_id: str) -> str:
    """The block id of a highlight: its id is a UUID (letters, digits, dashes), which block
    ids allow as they are."""
    return "sl-" + re.sub(r"[^0-9A-Za-z-]", "", highlight_id).lower()


def note_filename(article: ExportArticle) -> str:
    """The note's file name: its title made safe, and the article id (unique), so that two
    articles never share a note, whatever their titles."""
    title = _NAME_UNSAFE.sub(" ", article.title or "").strip(" .")
    title = re.sub(r"\s+", " ", title)[:80].strip(" .") or "article"
    return f"{title} ({_NAME_UNSAFE.sub('-', article.id)}).md"


def export_note(data: ExportData, article: ExportArticle) -> str:
    """One article's note: front matter, title, link and sourcing line, then its highlights."""
    highlights = [h for h in data.highlights if h["article_id"] == article.id]
    document = article.document
    url = article.url or document.url or ""
    lines = ["---", *_front_matter(article, highlights, url), "---", "",
             f"# {escape_markdown(article.title or url or 'Untitled')}", ""]
    target = markdown_url(url)
    meta = [f"[Original page]({target})"] if target else []
    meta += [escape_markdown(x) for x in (document.site, document.published) if x]
    if meta:
        lines += [" · ".join(meta), ""]
    headline = (document.data.get("summary") or {}).get("headline")
    if headline:
        lines += [f"**Sourcing:** {escape_markdown(headline)}", ""]
    if highlights:
        lines += ["## Highlights", ""]
    for highlight in highlights:
        lines += _block(highlight, document, url)
    return "\n".join(lines).rstrip() + "\n"


def export_notes_zip(data: ExportData) -> bytes:
    """Every article's note in one zip archive (names from note_filename)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for article in data.articles:
            info = zipfile.ZipInfo(note_filename(article), date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, export_note(data, article).encode("utf-8"))
    return buffer.getvalue()


def _front_matter(article: ExportArticle, highlights: list[dict[str, Any]], url: str) -> list[str]:
    document = article.document
    claims = [c for c in document.claims if c.kind]
    by_kind = {k.value: sum(1 for c in claims if c.kind == k.value) for k in SourceKind}
    attributed = sum(by_kind[k.value] for k in ATTRIBUTED_KINDS)
    unnamed = sum(by_kind[k.value] for k in UNNAMED_KINDS)
    lines = [f"title: {yaml_string(article.title or url)}", f"url: {yaml_string(url)}",
             f"site: {yaml_string(document.site)}"]
    if document.published:
        lines.append(f"published: {yaml_string(document.published)}")
    lines += [f"saved: {yaml_string(article.created[:10])}", f"sourcelight_id: {yaml_string(article.id)}",
              f"version: {article.version}", f"claims: {len(claims)}"]
    if claims:
        # Shares of all claims by kind, and of attributed claims resting on unnamed sources
        # (the reader's summary's anonymous share): numbers Dataview and Bases can sort on.
        lines += [f"sourcing_{kind}: {count / len(claims):.2f}" for kind, count in by_kind.items()]
        if attributed:
            lines.append(f"anonymous_share: {unnamed / attributed:.2f}")
    tags = ["sourcelight"]
    for highlight in highlights:
        for tag in ([highlight["label"]] if highlight["label"] else []) + list(highlight["tags"]):
            clean = _TAG_UNSAFE.sub("-", tag.strip()).strip("-/")
            if clean and not clean.isdigit() and clean not in tags:
                tags.append(clean)
    lines += ["tags:"] + [f"  - {yaml_string(tag)}" for tag in tags]
    return lines


def _block(highlight: dict[str, Any], document: Any, url: str) -> list[str]:
    """The highlight as one block quote: quote, label and tags, the note, the sourcing of its
    claim, the link back to the passage; then its block id on a line of its own (Obsidian's
    rule for block quotes)."""
    parts = [escape_markdown_block(highlight["quote"]["exact"])]
    tags = [f"**{escape_markdown(highlight['label'])}**"] if highlight["label"] else []
    tags += ["#" + clean for clean in (_TAG_UNSAFE.sub("-", t.strip()).strip("-/") for t in highlight["tags"]) if clean]
    if tags:
        parts.append(" ".join(tags))
    if highlight["note"]:
        parts.append(highlight["note"])  # the reader's own Markdown, as written
    claim = document.claim(highlight["claim_id"])
    if claim and claim.note:
        parts.append(f"*Sourcing:* {escape_markdown(claim.note)}")
    if highlight["orphaned"]:
        parts.append("*This passage is no longer in the latest version of the article.*")
    link = markdown_url(_fragment_url(url, highlight["quote"]["exact"])) if url else ""
    if link:
        parts.append(f"[Open on the page]({link})")
    quoted = "\n>\n".join("\n".join("> " + line if line else ">" for line in part.split("\n")) for part in parts)
    return [quoted, "", f"^{block_id(highlight['id'])}", ""]


def _fragment_url(url: str, exact: str) -> str:
    """The page's URL with a text fragment that scrolls to the quote (#:~:text=start,end)."""
    words = re.sub(r"\s+", " ", exact).strip()
    if len(words) <= FRAGMENT_WHOLE_CHARS:
        directive = _fragment_part(words)
    else:
        start = words[:FRAGMENT_EDGE_CHARS].rsplit(" ", 1)[0]
        end = words[-FRAGMENT_EDGE_CHARS:].split(" ", 1)[-1]
        directive = _fragment_part(start) + "," + _fragment_part(end)
    return url.split("#", 1)[0] + "#:~:text=" + directive


def _fragment_part(text: str) -> str:
    # "-", "," and "&" delimit a text directive: they must be percent-encoded inside one.
    return quote(text, safe="").replace("-", "%2D")
