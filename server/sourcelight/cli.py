"""The `sourcelight` command: serve, annotate pages offline, token, contract, openapi, store."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Iterable, Iterator

from sourcelight import __version__
from sourcelight.errors import SourcelightError

log = logging.getLogger(__name__)

ANNOTATE_FORMATS = ("json", "jsonl", "html", "markdown")
FORMAT_SUFFIX = {"json": ".json", "jsonl": ".jsonl", "html": ".html", "markdown": ".md"}
INPUT_SUFFIXES = {"html": (".html", ".htm", ".xhtml"), "text": (".txt", ".text", ".md")}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.command == "serve" else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    # Migrations say what they do only when something goes wrong; the access log stays.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args) or 0
    except SourcelightError as error:
        print(f"sourcelight: {error.message}", file=sys.stderr)
        return 1


class _VersionAction(argparse.Action):
    """--version: the program and which engine and parser model annotate each language."""

    def __call__(self, parser, namespace, values, option_string=None):
        from sourcelight.pipeline.attribution.parser import engines_line

        print(f"sourcelight {__version__}\nattribution engines: {engines_line()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sourcelight", description=__doc__)
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and the attribution engines")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = sub.add_parser("serve", help="run the companion server for the browser extension")
    serve.add_argument("--host", default=None, help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=None, help="port (default 8765; 0 picks a free one)")
    serve.add_argument("--data-dir", default=None, help="where the database and token live")
    serve.add_argument("--allow-remote", action="store_true",
                       help="allow binding a non-loopback address (your notes become reachable from the network)")
    serve.set_defaults(handler=_cmd_serve)

    annotate = sub.add_parser("annotate", help="annotate saved pages or text offline and print the result")
    annotate.add_argument("inputs", nargs="+", metavar="FILE", help="files or directories; - reads standard input")
    annotate.add_argument("--url", default=None, help="the page's URL (single input)")
    annotate.add_argument("--from", dest="source_format", choices=("html", "text"), default="html")
    annotate.add_argument("--format", choices=ANNOTATE_FORMATS, default="json")
    annotate.add_argument("--lang", default=None, help="force the language instead of detecting it")
    annotate.add_argument("--out-dir", default=None, help="write one file per input here instead of stdout")
    annotate.set_defaults(handler=_cmd_annotate)

    token = sub.add_parser("token", help="print the pairing token the extension needs")
    token.add_argument("--data-dir", default=None)
    token.add_argument("--rotate", action="store_true", help="make a new token (pair the extension again)")
    token.set_defaults(handler=_cmd_token)

    contract = sub.add_parser("contract", help="write extension/lib/contract.js from the server's definitions")
    contract.add_argument("--out", default="extension/lib/contract.js")
    contract.set_defaults(handler=_cmd_contract)

    openapi = sub.add_parser("openapi", help="print the OpenAPI document or docs/api.md")
    openapi.add_argument("--format", choices=("json", "markdown"), default="json")
    openapi.add_argument("--out", default=None)
    openapi.set_defaults(handler=_cmd_openapi)

    from sourcelight.cli_store import add_store_commands

    add_store_commands(sub)
    return parser


# -- serve ------------------------------------------------------------------------------

def _cmd_serve(args: argparse.Namespace) -> int:
    from sourcelight.app import create_app
    from sourcelight.config import load_config
    from sourcelight.serving import is_loopback, serve
    from sourcelight.workers import shared_pool

    overrides = {key: value for key, value in {
        "HOST": args.host, "PORT": args.port, "DATA_DIR": args.data_dir,
    }.items() if value is not None}
    if args.allow_remote:
        overrides["ALLOW_REMOTE"] = True
    config = load_config(overrides)
    if not is_loopback(config["HOST"]):
        if not config["ALLOW_REMOTE"]:
            print(f"sourcelight: refusing to listen on {config['HOST']}: it is reachable from other machines. "
                  "Pass --allow-remote if that is really what you want.", file=sys.stderr)
            return 2
        print(f"WARNING: listening on {config['HOST']}: anyone who can reach this machine and has the "
              "token can read and change your notes.", file=sys.stderr)
    # Workers import the pipeline while this process migrates the database and binds.
    shared_pool(int(config["ANNOTATE_CONCURRENCY"])).warm()
    app = create_app(overrides)

    def ready(url: str) -> None:
        print(f"sourcelight {__version__} listening on {url} (data in {config['DATA_DIR']})", flush=True)
        print("Pair the extension with the token printed by: sourcelight token", flush=True)

    serve(app, config["HOST"], int(config["PORT"]), threads=int(config["THREADS"]),
          max_body=int(config["MAX_CONTENT_LENGTH"]), on_ready=ready)
    return 0


# -- annotate ---------------------------------------------------------------------------

def _iter_inputs(inputs: Iterable[str], source_format: str) -> Iterator[tuple[str, Path | None]]:
    for name in inputs:
        if name == "-":
            yield "-", None
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES[source_format]):
                yield str(child), child
        elif path.is_file():
            yield name, path
        else:
            raise SourcelightError(f"no such file or directory: {name}")


def _annotate_one(path: Path | None, args: argparse.Namespace):
    from sourcelight.pipeline import annotate_page, annotate_text
    from sourcelight.pipeline.options import PipelineOptions

    options = PipelineOptions(language=args.lang)
    if args.source_format == "text":
        text = sys.stdin.read() if path is None else path.read_text(encoding="utf-8", errors="replace")
        return annotate_text(text, args.url, options=options)
    data = sys.stdin.buffer.read() if path is None else path.read_bytes()
    return annotate_page(data, args.url, options=options)


def _render(article, fmt: str) -> str:
    if fmt in ("json", "jsonl"):
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=2 if fmt == "json" else None)
    from sourcelight.pipeline.render import render_markdown, render_standalone

    return render_standalone(article) if fmt == "html" else render_markdown(article)


def _cmd_annotate(args: argparse.Namespace) -> int:
    inputs = list(_iter_inputs(args.inputs, args.source_format))
    if args.url and len(inputs) > 1:
        raise SourcelightError("--url names one page; give one input with it")
    out_dir = Path(args.out_dir) if args.out_dir else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failures = 0
    many_json = args.format == "json" and len(inputs) > 1 and not out_dir
    records = []
    for index, (name, path) in enumerate(inputs):
        try:
            article = _annotate_one(path, args)
        except SourcelightError as error:
            failures += 1
            print(f"sourcelight: {name}: {error.message}", file=sys.stderr)
            if args.format == "jsonl" and not out_dir:
                print(json.dumps({"input": name, "error": {"code": type(error).__name__, "message": error.message}}))
            continue
        if many_json:
            records.append(article.to_dict())
            continue
        rendered = _render(article, args.format)
        if out_dir:
            stem = path.stem if path else f"stdin-{index}"
            (out_dir / f"{stem}{FORMAT_SUFFIX[args.format]}").write_text(rendered + "\n", encoding="utf-8")
        else:
            sys.stdout.write(rendered + "\n")
    if many_json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    return 1 if failures else 0


# -- small commands ---------------------------------------------------------------------

def _cmd_token(args: argparse.Namespace) -> int:
    from sourcelight.config import load_config
    from sourcelight.security import load_or_create_token

    config = load_config({"DATA_DIR": args.data_dir} if args.data_dir else None)
    if config["TOKEN"] and not args.rotate:
        print(config["TOKEN"])
        return 0
    print(load_or_create_token(config["DATA_DIR"], rotate=args.rotate))
    if args.rotate:
        print("The old token no longer works: restart `sourcelight serve` and pair the extension again.",
              file=sys.stderr)
    return 0


def _cmd_contract(args: argparse.Namespace) -> int:
    from sourcelight.contract import contract_js

    Path(args.out).write_text(contract_js(), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def _cmd_openapi(args: argparse.Namespace) -> int:
    from sourcelight.api.openapi import openapi_document, openapi_markdown

    text = json.dumps(openapi_document(), indent=2) + "\n" if args.format == "json" else openapi_markdown()
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
