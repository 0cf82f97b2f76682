"""A REAL PostgreSQL server for the tests (no mocks), loaded as a pytest plugin by tests/conftest.py.

SOURCELIGHT_TEST_POSTGRES_URL (a postgresql+psycopg:// URL of a server we may create databases
on) if set; otherwise Debian's server binaries are run as the `postgres` user in a temporary
directory on a free loopback port for the whole session, started the first time a test asks for
it. Each test gets its own database. Tests that need it are skipped only when no server binaries
are installed.
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
