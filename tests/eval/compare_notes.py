"""Every sourcing note that differs between two runs of `sourcelight annotate` over the same pages.

Not collected by pytest. Each change to the English engine is read note by note on real pages
nobody here wrote (docs/testing.md): annotate the pages once with the commit before and once with
the change, one JSON file per page, then list what a reader would see change:

    .venv/bin/sourcelight annotate PAGES/ --urls PAGES/urls.tsv --format json --out-dir BEFORE/
    (check out the change)
    .venv/bin/sourcelight annotate PAGES/ --urls PAGES/urls.tsv --format json --out-dir AFTER/
    .venv/bin/python tests/eval/compare_notes.py BEFORE/ AFTER/

A claim counts as changed where its note, the entity it rests on, its cue or its non-answer flag
differs; a page's summary headline is shown where it differs. Pages are matched by file name and
claims by their text. The pages stay outside the repository (they are third-party).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Note:
    """What a reader sees of one claim."""
    note: str
    entity: str | None
    cue: str | None
    non_response: bool


@dataclass(frozen=True)
class PageChange:
    name: str
    claims: tuple[tuple[str, Note | None, Note | None], ...]
    headlines: tuple[str | None, str | None] | None


def _notes(page: dict) -> dict[str, Note]:
    notes = {}
    for claim in page.get("claims", []):
        sourcing = claim.get("sourcing") or {}
        notes[claim["text"]] = Note(claim.get("note", ""), sourcing.get("entity"), sourcing.get("cue"),
                                    bool(claim.get("non_response")))
    return notes


def compare_page(name: str, before: dict, after: dict) -> PageChange | None:
    """The claims of one page whose notes differ, in the order the page gives them."""
    old, new = _notes(before), _notes(after)
    texts = list(old) + [text for text in new if text not in old]
    changed = tuple((text, old.get(text), new.get(text)) for text in texts if old.get(text) != new.get(text))
    headlines = ((before.get("summary") or {}).get("headline"), (after.get("summary") or {}).get("headline"))
    headline_change = headlines if headlines[0] != headlines[1] else None
    if not changed and headline_change is None:
        return None
    return PageChange(name, changed, headline_change)


def compare_runs(before_dir: Path, after_dir: Path) -> tuple[list[PageChange], list[str]]:
    """The changed pages, and the pages only one run has (a page that failed in one of them)."""
    before = {p.name: p for p in before_dir.glob("*.json")}
    after = {p.name: p for p in after_dir.glob("*.json")}
    unmatched = sorted(set(before) ^ set(after))
    changes = []
    for name in sorted(set(before) & set(after)):
        change = compare_page(name, json.loads(before[name].read_text(encoding="utf-8")),
                              json.loads(after[name].read_text(encoding="utf-8")))
        if change is not None:
            changes.append(change)
    return changes, unmatched


def _show(note: Note | None) -> str:
    if note is None:
        return "(no such claim)"
    flag = " [non-answer]" if note.non_response else ""
    return f"{note.note}  (entity: {note.entity}; cue: {note.cue}){flag}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", type=Path, help="the --out-dir of the run before the change")
    parser.add_argument("after", type=Path, help="the --out-dir of the run with the change")
    args = parser.parse_args(argv)
    for folder in (args.before, args.after):
        if not folder.is_dir():
            parser.error(f"not a directory: {folder}")
    changes, unmatched = compare_runs(args.before, args.after)
    for change in changes:
        print(f"== {change.name}")
        for text, old, new in change.claims:
            print(f"  -- {text[:300]}\n     before: {_show(old)}\n     after:  {_show(new)}")
        if change.headlines is not None:
            print(f"  summary before: {change.headlines[0]}\n  summary after:  {change.headlines[1]}")
    for name in unmatched:
        print(f"!! {name}: annotated in one run only")
    claims = sum(len(change.claims) for change in changes)
    print(f"{claims} claims changed on {len(changes)} pages"
          + (f"; {len(unmatched)} pages in one run only" if unmatched else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
