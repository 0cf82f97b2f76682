"""A consistent copy of the database, taken while the server keeps running."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from datetime import datetime, timezone
from pathlib import Path

from sourcelight.errors import InvalidInput
from sourcelight.store import Store


def backup(store: Store, destination: str | os.PathLike) -> Path:
    """Copy the database to ``destination`` (a file, or a directory to put a dated file in).

    SQLite: the online backup API, page by page under a read transaction, so writers carry
    on and the copy is one consistent snapshot. PostgreSQL: pg_dump (a plain SQL file).
    Raises InvalidInput when the destination exists as a file or pg_dump is missing.
    """
    target = Path(destination)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    suffix = ".db" if store.is_sqlite else ".sql"
    if target.is_dir():
        target = target / f"sourcelight-{stamp}{suffix}"
    if target.exists():
        raise InvalidInput(f"{target} exists already; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        if store.is_sqlite:
            _sqlite_backup(store, partial)
        else:
            _pg_dump(store, partial)
        os.replace(partial, target)
    finally:
        if partial.exists():
            partial.unlink()
    return target


def _sqlite_backup(store: Store, partial: Path) -> None:
    source = sqlite3.connect(str(store.sqlite_path), timeout=30)
    copy = sqlite3.connect(str(partial))
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
        copy.commit()
    finally:
        copy.close()
        source.close()


def _pg_dump(store: Store, partial: Path) -> None:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise InvalidInput("pg_dump is not installed; install PostgreSQL's client tools to back up PostgreSQL")
    url = store.url.set(drivername="postgresql")
    environment = dict(os.environ)
    if url.password:
        environment["PGPASSWORD"] = url.password
    dsn = url.set(password=None).render_as_string(hide_password=False)
    subprocess.run([pg_dump, "--no-owner", "--file", str(partial), dsn], check=True, env=environment)
