"""The store's commands: db upgrade, export, import, backup."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sourcelight.errors import InvalidInput
from sourcelight.outputs.formats import FORMAT_NAMES, SCOPES


def add_store_commands(sub) -> None:
    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db_sub.add_parser("upgrade", help="migrate the database to the latest schema (serve does it too)")
    _data_dir_option(upgrade)
    upgrade.set_defaults(handler=_cmd_db_upgrade)

    export = sub.add_parser("export", help="export highlights and sourcing (JSON-LD, Markdown, CSV, "
                                           "sourcing tables, Obsidian/Logseq notes)")
    export.add_argument("--format", choices=FORMAT_NAMES, default="jsonld")
    export.add_argument("--scope", choices=SCOPES, default="claims",
                        help="sourcing-csv: a row per claim or per article")
    export.add_argument("--out", default=None, help="file to write (default: standard output)")
    export.add_argument("--article", default=None, help="only this article")
    _data_dir_option(export)
    export.set_defaults(handler=_cmd_export)

    importer = sub.add_parser("import", help="import a JSON-LD export (idempotent)")
    importer.add_argument("file", help="a .jsonld file written by `sourcelight export`; - reads standard input")
    _data_dir_option(importer)
    importer.set_defaults(handler=_cmd_import)

    backup = sub.add_parser("backup", help="a consistent copy of the database, also while the server runs")
    backup.add_argument("path", help="file to create, or a directory to put a dated copy in")
    _data_dir_option(backup)
    backup.set_defaults(handler=_cmd_backup)


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", default=None, help="data directory (default: the configured one)")


def _open_store(args: argparse.Namespace):
    from sourcelight.config import load_config
    from sourcelight.store import Store

    config = load_config({"DATA_DIR": args.data_dir} if args.data_dir else None)
    store = Store(config["DATABASE_URL"])
    store.upgrade()
    return store


def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    from sourcelight.store.migrate import current_revision

    store = _open_store(args)
    print(f"database at revision {current_revision(store.engine)}", file=sys.stderr)
    store.dispose()
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from sourcelight.outputs.formats import export_format, write_export
    from sourcelight.store.export import collect_export

    fmt = export_format(args.format, args.scope)
    store = _open_store(args)
    with store.read_session() as session:
        data = collect_export(session, article_id=args.article, every_article=fmt.every_article, records=fmt.records,
                              stream=fmt.stream)
        body, _, _ = write_export(fmt, data)
    store.dispose()
    if args.out:
        if isinstance(body, bytes):
            Path(args.out).write_bytes(body)
        else:
            Path(args.out).write_text(body, encoding="utf-8", newline="")
    elif isinstance(body, bytes):
        sys.stdout.buffer.write(body)
    else:
        sys.stdout.write(body)
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from sourcelight.store import export as exporter

    raw = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    try:
        document = json.loads(raw)
    except ValueError as error:
        raise InvalidInput(f"{args.file} is not JSON ({error})") from None
    store = _open_store(args)
    with store.session() as session:
        counts = exporter.import_jsonld(session, document)
    store.dispose()
    print(f"imported {counts['highlights']} highlights and {counts['articles']} articles; "
          f"{counts['unchanged']} highlights were there already", file=sys.stderr)
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    from sourcelight.store.backup import backup

    store = _open_store(args)
    target = backup(store, args.path)
    store.dispose()
    print(f"backed up to {target}")
    return 0
