"""Every output format, and its one escaping rule per format (outputs/escaping.py): the
standalone page and Markdown of an annotated article (the CLI), the export of highlights as
W3C Web Annotation JSON-LD (with each claim's sourcing as classifying annotations), Markdown
and CSV, the sourcing tables (CSV per claim and per article), and notes for Obsidian/Logseq
(the API). The CLI and the export share the rules, so that text a page supplied (its title,
site name, byline, quotes) is inert in every format.

Pure: takes the pipeline's AnnotatedArticle or the store's ExportData, returns text.
"""
from sourcelight.outputs.article import render_markdown, render_standalone
from sourcelight.outputs.escaping import (
    csv_cell, escape_html, escape_markdown, escape_markdown_block, markdown_url, yaml_string,
)
from sourcelight.outputs.highlights import CSV_COLUMNS, JSONLD_CONTEXT, export_csv, export_jsonld, export_markdown
from sourcelight.outputs.notes import export_note, export_notes_zip, note_filename
from sourcelight.outputs.sourcing import (
    ARTICLE_COLUMNS, CLAIM_COLUMNS, export_sourcing_articles, export_sourcing_claims,
)

__all__ = [
    "escape_html", "escape_markdown", "escape_markdown_block", "markdown_url", "csv_cell", "yaml_string",
    "render_standalone", "render_markdown", "export_jsonld", "export_markdown", "export_csv",
    "export_sourcing_claims", "export_sourcing_articles", "export_note", "export_notes_zip", "note_filename",
    "JSONLD_CONTEXT", "CSV_COLUMNS", "CLAIM_COLUMNS", "ARTICLE_COLUMNS",
]
