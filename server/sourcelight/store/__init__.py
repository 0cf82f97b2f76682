"""The store: articles and their versions, highlights; the only package that speaks SQL.

``Store(database_url)`` owns the engine. Every unit of work is ``with store.session() as s:``,
one transaction, committed (and on SQLite fsynced, synchronous=FULL) before the block exits,
so an HTTP response is only sent for writes that are durable. ``store.read_session()`` is a
transaction that only reads: on SQLite it takes no write lock and waits for no writer (WAL).
"""
from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

__all__ = ["Store"]

# The execution option that marks a read-only session's connection (BEGIN, not BEGIN IMMEDIATE).
READ_ONLY = "sourcelight_read_only"
# How long a writer waits for another writer's transaction before giving up (SQLite).
BUSY_TIMEOUT_MS = 30_000

# One lock per SQLite file, shared by every Store of this process on that file.
_FILE_LOCKS: dict[str, threading.RLock] = {}
_FILE_LOCKS_GUARD = threading.Lock()


def _file_lock(path: str) -> threading.RLock:
    with _FILE_LOCKS_GUARD:
        return _FILE_LOCKS.setdefault(path, threading.RLock())


class Store:
    def __init__(self, database_url: str) -> None:
        self.url = make_url(database_url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.is_sqlite:
            self._prepare_sqlite_file()
            self.engine = create_engine(database_url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000,
                                                                    "check_same_thread": False})
            _configure_sqlite(self.engine)
        else:
            self.engine = create_engine(database_url, pool_pre_ping=True)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.engine.execution_options(**{READ_ONLY: True}), expire_on_commit=False)
        # Every SQLite transaction takes the write lock (BEGIN IMMEDIATE, below). Threads of
        # this process queue on a Python lock first: it hands over the moment the holder
        # commits, where SQLite's busy handler would poll with sleeps of up to 100 ms (the
        # tail of the write latency under 8 clients). Other processes still meet busy_timeout.
        if self.is_sqlite:
            path = self.sqlite_path
            self._queue = _file_lock(str(path.resolve()) if path else f"memory-{id(self)}")
        else:
            self._queue = contextlib.nullcontext()

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        with self._queue, self._sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def read_session(self) -> Iterator[Session]:
        """A transaction for reading only: on SQLite a deferred one (BEGIN), which under WAL
        never waits for a writer and holds no lock that a writer waits for."""
        with self._read_sessions() as session, session.begin():
            yield session

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema to ``revision`` (Alembic); safe to run on every start."""
        from sourcelight.store.migrate import upgrade

        upgrade(self.engine, revision)
        self._restrict_sqlite_files()

    def dispose(self) -> None:
        self.engine.dispose()

    @property
    def sqlite_path(self) -> Path | None:
        database = self.url.database
        return Path(database) if self.is_sqlite and database and database != ":memory:" else None

    def _prepare_sqlite_file(self) -> None:
        path = self.sqlite_path
        if path is not None and not path.exists():
            # Created readable only by the user: the notes are private.
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))

    def _restrict_sqlite_files(self) -> None:
        path = self.sqlite_path
        if path is None:
            return
        for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            if candidate.exists():
                os.chmod(candidate, 0o600)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:
        # We issue BEGIN ourselves (below), so pysqlite must not.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
        cursor.execute("PRAGMA synchronous=FULL")  # a commit is on disk before we answer
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection) -> None:
        # Take the write lock at the start: a deferred transaction that later upgrades to
        # a writer fails with "database is locked" instead of waiting its turn. A read-only
        # session begins deferred: it never becomes a writer.
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
