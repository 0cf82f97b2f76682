"""The export formats by name, as the API (?format=&scope=) and the CLI (--format, --scope)
offer them: which writer, which articles it needs, what it is served as."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from sourcelight.outputs.highlights import export_csv, export_jsonld, export_markdown
from sourcelight.outputs.notes import export_note, export_notes_zip, note_filename
from sourcelight.outputs.sourcing import export_sourcing_articles, export_sourcing_claims

if TYPE_CHECKING:
    from sourcelight.store.export import ExportData

__all__ = ["ExportFormat", "FORMAT_NAMES", "SCOPES", "export_format", "write_export"]

JSONLD_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"'
MARKDOWN_TYPE = "text/markdown; charset=utf-8"
CSV_TYPE = "text/csv; charset=utf-8"


@dataclass(frozen=True)
class ExportFormat:
    write: Callable[[ExportData], str | bytes]
    content_type: str
    filename: str
    every_article: bool  # every stored article, highlighted or not (else those with highlights)
    records: bool = False  # each article's full record (every version): what the JSON-LD import restores
    stream: bool = False  # the writer reads the articles once, in order: they can be read as it goes


def _jsonld(data: ExportData) -> str:
    return json.dumps(export_jsonld(data), ensure_ascii=False, indent=2) + "\n"


def _notes(data: ExportData) -> str | bytes:
    """One article asked for: its note; everything: a zip of notes."""
    if data.article_id:
        return export_note(data, next(iter(data.articles)))
    return export_notes_zip(data)


_FORMATS = {
    ("jsonld", None): ExportFormat(_jsonld, JSONLD_TYPE, "sourcelight.jsonld", every_article=True, records=True),
    ("markdown", None): ExportFormat(export_markdown, MARKDOWN_TYPE, "sourcelight-highlights.md", every_article=False),
    ("csv", None): ExportFormat(export_csv, CSV_TYPE, "sourcelight-highlights.csv", every_article=False),
    ("sourcing-csv", "claims"): ExportFormat(export_sourcing_claims, CSV_TYPE, "sourcelight-claims.csv",
                                             every_article=True, stream=True),
    ("sourcing-csv", "articles"): ExportFormat(export_sourcing_articles, CSV_TYPE, "sourcelight-articles.csv",
                                               every_article=True, stream=True),
    ("obsidian", None): ExportFormat(_notes, "application/zip", "sourcelight-notes.zip", every_article=True,
                                     stream=True),
}
FORMAT_NAMES = tuple(dict.fromkeys(name for name, _ in _FORMATS))
SCOPES = ("claims", "articles")


def export_format(name: str, scope: str = "claims") -> ExportFormat:
    """The format called ``name`` (``scope`` matters for sourcing-csv only). KeyError if none."""
    return _FORMATS.get((name, scope)) or _FORMATS[(name, None)]


def write_export(fmt: ExportFormat, data: ExportData) -> tuple[str | bytes, str, str]:
    """(body, content type, file name) of an export: one article's note is a Markdown file
    named after it, not a zip. Call it inside the read session the data was collected in."""
    if fmt.write is _notes and data.article_id:
        article = next(iter(data.articles))
        return export_note(data, article), MARKDOWN_TYPE, note_filename(article)
    return fmt.write(data), fmt.content_type, fmt.filename
