"""Store fixtures: a fresh Store on SQLite and on a REAL PostgreSQL server (no mocks).

The PostgreSQL server and its per-test databases come from tests/helpers/postgres.py (shared with
the API tests). The PostgreSQL half is skipped only when no server binaries are installed.
"""
from __future__ import annotations

import itertools

import pytest

from sourcelight import annotate_text
from sourcelight.store import Store


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
