"""The store commands, run as a user runs them: `python -m sourcelight db upgrade|export|import|backup`."""
from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest

from sourcelight import annotate_text
from sourcelight.store import Store
from sourcelight.store.articles import save_article
from sourcelight.store.highlights import create_highlight
from sourcelight.store.migrate import head_revision
from tests.conftest import load_fixture_page
from tests.helpers.server import start_server

TEXT = ("Iran has moved ballistic missiles into Iraq, three Iranian officials told Reuters on Friday.\n\n"
        "The defence minister said in a statement that the report was false.")


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOURCELIGHT_")}
    return subprocess.run([sys.executable, "-m", "sourcelight", *args], capture_output=True, text=True,
                          input=stdin, env=env, timeout=120)


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}


@pytest.fixture
def filled_data_dir(tmp_path) -> Path:
    """A data directory whose database holds one article with two highlights."""
    data_dir = tmp_path / "filled"
    data_dir.mkdir()
    store = Store("sqlite:///" + str(data_dir / "sourcelight.db"))
    store.upgrade()
    article = annotate_text(TEXT, "https://news.example.com/iran", title="Missiles")
    with store.session() as session:
        document = save_article(session, article, seen_url=article.url)
        for phrase, note in (("three Iranian officials", "=cmd|' /C calc'!A0"), ("the report was false", "denied")):
            start = document["text"].index(phrase)
            create_highlight(session, document["id"], {"quote": {"exact": phrase}, "note": note, "tags": ["cli"],
                                                       "position": {"start": start, "end": start + len(phrase)}})
    store.dispose()
    return data_dir


def test_db_upgrade_creates_the_latest_schema(tmp_path):
    data_dir = tmp_path / "fresh"
    result = run_cli("db", "upgrade", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert head_revision() in result.stderr
    assert {"articles", "article_versions", "highlights", "alembic_version"} <= tables(data_dir / "sourcelight.db")
    assert (data_dir / "sourcelight.db").stat().st_mode & 0o077 == 0  # private notes
    again = run_cli("db", "upgrade", "--data-dir", str(data_dir))
    assert again.returncode == 0, again.stderr


def test_export_import_round_trip_is_exact_and_idempotent(filled_data_dir, tmp_path):
    exported = tmp_path / "notes.jsonld"
    result = run_cli("export", "--format", "jsonld", "--out", str(exported), "--data-dir", str(filled_data_dir))
    assert result.returncode == 0, result.stderr
    items = json.loads(exported.read_text())["first"]["items"]
    assert sum(1 for i in items if i["id"].startswith("urn:uuid:")) == 2  # and the claims' annotations

    target = tmp_path / "target"
    for expected in ("imported 2 highlights and 1 articles", "imported 0 highlights and 0 articles"):
        imported = run_cli("import", str(exported), "--data-dir", str(target))
        assert imported.returncode == 0, imported.stderr
        assert expected in imported.stderr
    again = run_cli("export", "--format", "jsonld", "--data-dir", str(target))
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == json.loads(exported.read_text())


def test_import_reads_standard_input(filled_data_dir, tmp_path):
    exported = run_cli("export", "--data-dir", str(filled_data_dir)).stdout
    imported = run_cli("import", "-", "--data-dir", str(tmp_path / "target"), stdin=exported)
    assert imported.returncode == 0 and "imported 2 highlights" in imported.stderr


def test_markdown_and_csv_exports_to_standard_output(filled_data_dir):
    markdown = run_cli("export", "--format", "markdown", "--data-dir", str(filled_data_dir))
    assert markdown.returncode == 0 and "> three Iranian officials" in markdown.stdout
    exported = run_cli("export", "--format", "csv", "--data-dir", str(filled_data_dir))
    rows = list(csv.DictReader(io.StringIO(exported.stdout, newline="")))
    assert sorted(r["note"] for r in rows) == ["'=cmd|' /C calc'!A0", "denied"]


@pytest.mark.parametrize(("content", "message"), [("not json", "is not JSON"),
                                                  ('{"type": "Annotation"}', "not a Web Annotation collection")])
def test_import_of_a_bad_file_fails_clearly_and_writes_nothing(tmp_path, content, message):
    bad = tmp_path / "bad.jsonld"
    bad.write_text(content)
    result = run_cli("import", str(bad), "--data-dir", str(tmp_path / "target"))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_backup_while_the_server_runs_and_writes(tmp_path):
    server = start_server(tmp_path)
    try:
        status, article, _ = server.request("POST", "/api/v1/articles", {
            "url": "https://wire.example.com/world/backup", "html": load_fixture_page("wire-reuters-style")})
        assert status == 201
        claim = article["claims"][0]
        exact = claim["text"][:25]
        acknowledged: list[str] = []
        stop = threading.Event()

        def writer() -> None:
            while not stop.is_set():
                body = {"id": str(uuid.uuid4()), "quote": {"exact": exact},
                        "position": {"start": claim["start"], "end": claim["start"] + len(exact)}}
                if server.request("POST", f"/api/v1/articles/{article['id']}/highlights", body)[0] == 201:
                    acknowledged.append(body["id"])

        thread = threading.Thread(target=writer)
        thread.start()
        while len(acknowledged) < 20:
            threading.Event().wait(0.01)
        before_backup = set(acknowledged)
        (tmp_path / "copies").mkdir()
        result = run_cli("backup", str(tmp_path / "copies"), "--data-dir", str(server.data_dir))
        stop.set()
        thread.join()
        assert result.returncode == 0, result.stderr
        copy = Path(result.stdout.strip().rsplit(" ", 1)[1])
        assert copy.parent == tmp_path / "copies" and copy.stat().st_mode & 0o077 == 0

        with sqlite3.connect(copy) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            in_copy = {r[0] for r in connection.execute("SELECT id FROM highlights")}
            fts_rows = connection.execute("SELECT count(*) FROM highlights_fts").fetchone()[0]
        assert before_backup <= in_copy <= set(acknowledged)
        assert fts_rows == len(in_copy)
        # The copy is a working sourcelight database.
        restored = Store("sqlite:///" + str(copy))
        restored.upgrade()
        with restored.session() as session:
            from sourcelight.store.highlights import search_highlights

            assert search_highlights(session, limit=200)[1] == len(in_copy)
        restored.dispose()
        assert "database is locked" not in server.log_text()
        # A backup never overwrites a file.
        refused = run_cli("backup", str(copy), "--data-dir", str(server.data_dir))
        assert refused.returncode == 1 and "exists already" in refused.stderr
    finally:
        server.stop()
