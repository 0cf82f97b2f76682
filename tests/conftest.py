"""Fixtures shared by every test: a fresh app on a real temporary SQLite database.

A module marked ``pytest.mark.both_databases`` runs each test that uses the app twice: on SQLite
and on a fresh database of the real PostgreSQL server from tests/helpers/postgres.py.
"""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PAGES = ROOT / "tests" / "fixtures" / "pages"
TEST_TOKEN = "test-token"
TEST_PORT = 8765

pytest_plugins = ["tests.helpers.postgres"]


def pytest_generate_tests(metafunc):
    if metafunc.definition.get_closest_marker("both_databases") and "app" in metafunc.fixturenames:
        metafunc.parametrize("app_database", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])


@pytest.fixture
def app_database():
    """The database the app stores in: SQLite unless the test's module is marked both_databases."""
    return "sqlite"


@pytest.fixture
def app(tmp_path, app_database, request):
    from sourcelight.app import create_app

    # None: the app's own default, SQLite in DATA_DIR.
    database_url = request.getfixturevalue("postgres_url") if app_database == "postgresql" else None
    app = create_app({"DATA_DIR": str(tmp_path / "data"), "DATABASE_URL": database_url, "TESTING": True,
                      "TOKEN": TEST_TOKEN, "PORT": TEST_PORT})
    yield app
    app.extensions["sourcelight"]["store"].dispose()


@pytest.fixture
def client(app):
    # The server only answers requests addressed to itself (DNS-rebinding defence), so the
    # test client talks to 127.0.0.1 on the configured port like a real browser would.
    from flask.testing import FlaskClient

    class LoopbackClient(FlaskClient):
        def open(self, *args, **kwargs):
            kwargs.setdefault("base_url", f"http://127.0.0.1:{TEST_PORT}")
            return super().open(*args, **kwargs)

    app.test_client_class = LoopbackClient
    return app.test_client()


@pytest.fixture
def auth_headers():
    return {"Authorization": f"Bearer {TEST_TOKEN}", "Content-Type": "application/json"}


def load_fixture_page(slug: str) -> str:
    return (FIXTURE_PAGES / slug / "source.html").read_text(encoding="utf-8")


@pytest.fixture
def fixture_page():
    return load_fixture_page
