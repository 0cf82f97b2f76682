"""Store fixtures: a fresh Store on SQLite and on a REAL PostgreSQL server (no mocks).

PostgreSQL: SOURCELIGHT_TEST_POSTGRES_URL (a postgresql+psycopg:// URL of a server we may
create databases on) if set; otherwise Debian's server binaries are run as the `postgres`
user in a temporary directory on a free loopback port for the whole session. Each test gets
its own database. The PostgreSQL half is skipped only when no server binaries are installed.
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from sourcelight import annotate_text
from sourcelight.store import Store

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
_database_numbers = itertools.count(1)


def _pg_bin() -> Path | None:
    candidates = sorted(glob.glob(PG_BIN_GLOB), key=lambda p: int(Path(p).parent.name))
    for candidate in reversed(candidates):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(*command: str) -> list[str]:
    # initdb refuses to run as root; the cluster belongs to the postgres user.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


@pytest.fixture(scope="session")
def postgres_server():
    """The base URL (no database name) of a running PostgreSQL server."""
    configured = os.environ.get("SOURCELIGHT_TEST_POSTGRES_URL")
    if configured:
        yield configured.rsplit("/", 1)[0]
        return
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries (initdb) are not installed")
    root = Path(tempfile.mkdtemp(prefix="sourcelight-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        shutil.chown(sockets, "postgres", "postgres")
    port = _free_port()
    run = dict(check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    subprocess.run(_as_postgres(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                                "-E", "UTF8", "--no-sync"), **run)
    # fsync off: this throwaway cluster tests behaviour, not the disk. A time zone far from
    # UTC: timestamps must come back the same whatever zone the server's sessions use.
    options = (f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 "
               "-c timezone=Asia/Tokyo")
    subprocess.run(_as_postgres(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                                str(root / "server.log"), "-w", "start"), **run)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_postgres(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def new_postgres_url(postgres_server):
    """Makes fresh, empty databases on the PostgreSQL server; all dropped after the test."""
    import psycopg

    admin = postgres_server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    made: list[str] = []

    def make() -> str:
        name = f"sl_test_{os.getpid()}_{next(_database_numbers)}"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return f"{postgres_server}/{name}"

    yield make
    with psycopg.connect(admin, autocommit=True) as connection:
        for name in made:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_url(new_postgres_url):
    """A fresh, empty database on the PostgreSQL server."""
    return new_postgres_url()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request):
    return request.param


@pytest.fixture
def new_database_url(backend, request, tmp_path):
    """Makes empty databases on the backend under test (for copying one store into another)."""
    numbers = itertools.count(1)
    if backend == "sqlite":
        return lambda: "sqlite:///" + str(tmp_path / f"sourcelight-{next(numbers)}.db")
    return request.getfixturevalue("new_postgres_url")


@pytest.fixture
def database_url(new_database_url):
    """An empty database on each backend the store supports."""
    return new_database_url()


@pytest.fixture
def store(database_url):
    """A Store at the latest schema, on a fresh database."""
    store = Store(database_url)
    store.upgrade()
    yield store
    store.dispose()


PARAGRAPHS = (
    "Iran has moved ballistic missiles into Iraq, three Iranian officials told Reuters on Friday.",
    "The defence minister said in a statement that the report was false and had no basis.",
    "Critics say the missiles could reach Riyadh and Tel Aviv within minutes of launch.",
    "According to a document seen by the newspaper, the transfer began several months ago.",
)


@pytest.fixture
def paragraphs():
    return PARAGRAPHS


@pytest.fixture
def make_article():
    """Annotate plain text (the real pipeline) into an AnnotatedArticle for a URL."""

    def make(url: str = "https://news.example.com/world/iran-missiles", paragraphs=PARAGRAPHS,
             title: str = "Iran moves missiles into Iraq"):
        return annotate_text("\n\n".join(paragraphs), url, title=title, lang_hint="en")

    return make


@pytest.fixture
def saved_article(store, make_article):
    """An article stored through the store; returns its stored document (id, text, claims...)."""
    from sourcelight.store.articles import save_article

    article = make_article()
    with store.session() as session:
        return save_article(session, article, seen_url=article.url)


@pytest.fixture
def highlight_body():
    """The body of a highlight on ``phrase`` (its first occurrence) in ``text``."""

    def body(text: str, phrase: str, **extra):
        start = text.index(phrase)
        return {"quote": {"exact": phrase}, "position": {"start": start, "end": start + len(phrase)}, **extra}

    return body
