"""`sourcelight annotate`: saved pages or text through the pipeline, one file or a whole batch.

A batch goes on past pages that fail and lists them at the end; each JSON Lines record names
its input file. A page's address comes from --url (one input), a --urls manifest, or the
<link rel="canonical"> the saved page carries, in that order.
"""
from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from sourcelight.errors import SourcelightError

__all__ = ["add_annotate_command", "read_url_manifest"]

log = logging.getLogger(__name__)

ANNOTATE_FORMATS = ("json", "jsonl", "html", "markdown")
FORMAT_SUFFIX = {"json": ".json", "jsonl": ".jsonl", "html": ".html", "markdown": ".md"}
INPUT_SUFFIXES = {"html": (".html", ".htm", ".xhtml"), "text": (".txt", ".text", ".md")}


@dataclass(frozen=True)
class Failure:
    input: str
    code: str
    message: str


def add_annotate_command(sub) -> None:
    annotate = sub.add_parser("annotate", help="annotate saved pages or text offline and print the result")
    annotate.add_argument("inputs", nargs="+", metavar="FILE", help="files or directories; - reads standard input")
    annotate.add_argument("--url", default=None, help="the page's URL (single input)")
    annotate.add_argument("--urls", default=None, metavar="MANIFEST",
                          help="a tab-separated file of 'path<TAB>url' lines (paths relative to the manifest) "
                               "giving each page its address")
    annotate.add_argument("--from", dest="source_format", choices=("html", "text"), default="html")
    annotate.add_argument("--format", choices=ANNOTATE_FORMATS, default="json")
    annotate.add_argument("--lang", default=None, help="force the language instead of detecting it")
    annotate.add_argument("--out-dir", default=None, help="write one file per input here instead of stdout")
    annotate.set_defaults(handler=_cmd_annotate)


def read_url_manifest(path: Path) -> dict[Path, str]:
    """'path<TAB>url' lines → {resolved path: url}; blank lines and lines starting with # are skipped.

    Raises SourcelightError naming the line that is not two tab-separated fields.
    """
    urls: dict[Path, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t"), start=1):
            if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
                continue
            if len(row) != 2 or not row[0].strip() or not row[1].strip():
                raise SourcelightError(f"{path}:{number}: expected 'path<TAB>url', found {len(row)} field(s)")
            urls[(path.parent / row[0].strip()).resolve()] = row[1].strip()
    return urls


def _iter_inputs(inputs: Iterable[str], source_format: str) -> Iterator[tuple[str, Path | None, Path]]:
    """Each input: its name, its file (None for standard input), and where it stands under the
    directory given (its own name for a file given by itself)."""
    for name in inputs:
        if name == "-":
            yield "-", None, Path("stdin")
            continue
        path = Path(name)
        if path.is_dir():
            suffixes = INPUT_SUFFIXES[source_format]
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes):
                yield str(child), child, child.relative_to(path)
        elif path.is_file():
            yield name, path, Path(path.name)
        else:
            raise SourcelightError(f"no such file or directory: {name}")


def _output_path(out_dir: Path, relative: Path, suffix: str, taken: set[Path]) -> Path:
    """Where one input's result is written: at its place under the directory given, so that
    pages saved as index.html in folders of their own do not overwrite each other; a name
    that is taken already (the same file name given twice) gets -2, -3 …"""
    target = out_dir / relative.with_suffix(suffix)
    count = 2
    while target in taken:
        target = target.with_name(f"{relative.stem}-{count}{suffix}")
        count += 1
    taken.add(target)
    return target


def _annotate_one(path: Path | None, url: str | None, args: argparse.Namespace):
    from sourcelight.pipeline import annotate_page, annotate_text
    from sourcelight.pipeline.extract import declared_url
    from sourcelight.pipeline.options import PipelineOptions

    options = PipelineOptions(language=args.lang)
    if args.source_format == "text":
        text = sys.stdin.read() if path is None else path.read_text(encoding="utf-8", errors="replace")
        return annotate_text(text, url, options=options)
    data = sys.stdin.buffer.read() if path is None else path.read_bytes()
    return annotate_page(data, url or declared_url(data), options=options)


def _render(article, fmt: str, name: str) -> str:
    if fmt == "jsonl":
        return json.dumps({"input": name, **article.to_dict()}, ensure_ascii=False)
    if fmt == "json":
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=2)
    from sourcelight.outputs import render_markdown, render_standalone

    return render_standalone(article) if fmt == "html" else render_markdown(article)


def _cmd_annotate(args: argparse.Namespace) -> int:
    inputs = list(_iter_inputs(args.inputs, args.source_format))
    if args.url and len(inputs) > 1:
        raise SourcelightError("--url names one page; give one input with it (or a --urls manifest)")
    manifest = read_url_manifest(Path(args.urls)) if args.urls else {}
    out_dir = Path(args.out_dir) if args.out_dir else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failures: list[Failure] = []
    many_json = args.format == "json" and len(inputs) > 1 and not out_dir
    records = []
    written: set[Path] = set()
    for name, path, relative in inputs:
        url = args.url or (manifest.get(path.resolve()) if path is not None else None)
        try:
            article = _annotate_one(path, url, args)
        except SourcelightError as error:
            failures.append(Failure(name, type(error).__name__, error.message))
        except Exception as error:  # noqa: BLE001 - one bad page must not end a batch of thousands
            log.exception("annotating %s failed", name)
            failures.append(Failure(name, "InternalError", f"{type(error).__name__}: {error}"))
        else:
            if many_json:
                records.append({"input": name, **article.to_dict()})
                continue
            rendered = _render(article, args.format, name)
            if out_dir:
                target = _output_path(out_dir, relative, FORMAT_SUFFIX[args.format], written)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(rendered + "\n", encoding="utf-8")
            else:
                sys.stdout.write(rendered + "\n")
            continue
        failure = failures[-1]
        if args.format == "jsonl" and not out_dir:
            print(json.dumps({"input": name, "error": {"code": failure.code, "message": failure.message}},
                             ensure_ascii=False))
    if many_json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    _report(failures, len(inputs))
    return 1 if failures else 0


def _report(failures: list[Failure], total: int) -> None:
    if not failures:
        return
    print(f"sourcelight: {len(failures)} of {total} input(s) failed:", file=sys.stderr)
    for failure in failures:
        print(f"  {failure.input}: {failure.message}", file=sys.stderr)
