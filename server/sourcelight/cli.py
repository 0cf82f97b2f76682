"""The `sourcelight` command: serve, annotate pages offline, token, contract, openapi, store."""
from __future__ import annotations

import argparse
import json
import logging
import sys
import threading
from pathlib import Path

from sourcelight import __version__
from sourcelight.errors import SourcelightError

log = logging.getLogger(__name__)



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

    from sourcelight.cli_annotate import add_annotate_command

    add_annotate_command(sub)

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
    from sourcelight.config import is_loopback, load_config
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
    # Workers import the pipeline while this process imports the web stack, migrates the
    # database and binds: they, not this process, decide when the first page can be answered.
    shared_pool(int(config["ANNOTATE_CONCURRENCY"])).warm()
    from sourcelight.app import create_app
    from sourcelight.serving import serve
    from sourcelight.store.sourcing_rows import load_name_rules

    app = create_app(overrides)

    def ready(url: str) -> None:
        print(f"sourcelight {__version__} listening on {url} (data in {config['DATA_DIR']})", flush=True)
        print("Pair the extension with the token printed by: sourcelight token", flush=True)
        # This process is idle until the workers have loaded their models (they take longer
        # than binding does): load what saving the first page needs meanwhile.
        threading.Thread(target=load_name_rules, name="sourcelight-load-name-rules", daemon=True).start()

    serve(app, config["HOST"], int(config["PORT"]), threads=int(config["THREADS"]),
          max_body=int(config["MAX_CONTENT_LENGTH"]), on_ready=ready)
    return 0


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
