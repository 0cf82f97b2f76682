"""Nothing acknowledged is lost, against the REAL server (a subprocess on its SQLite database):
kill -9 right after a burst of acknowledged writes, and many writers at once."""
from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import uuid

import pytest

from tests.conftest import load_fixture_page
from tests.helpers.server import start_server

PAGE, PAGE_URL = "wire-reuters-style", "https://wire.example.com/world/2024/durable"
BURST = 60
THREADS, THREAD_WRITES = 8, 12
PROCESSES, PROCESS_WRITES = 3, 12

# A writer in another OS process: posts highlights over HTTP, prints each status and id.
PROCESS_CLIENT = r"""
import json, sys, urllib.error, urllib.request, uuid
url, token, article_id, body, count, tag = sys.argv[1:7]
results = []
for n in range(int(count)):
    data = dict(json.loads(body), id=str(uuid.uuid4()), note=f"{tag} write {n}")
    request = urllib.request.Request(f"{url}/api/v1/articles/{article_id}/highlights", method="POST",
        data=json.dumps(data).encode(), headers={"Authorization": f"Bearer {token}",
                                                  "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            results.append([response.status, data["id"]])
    except urllib.error.HTTPError as error:
        results.append([error.code, data["id"]])
print(json.dumps(results))
"""


@pytest.fixture
def server(tmp_path):
    running = start_server(tmp_path)
    yield running
    running.stop()


@pytest.fixture
def article(server):
    status, body, _ = server.request("POST", "/api/v1/articles", {"url": PAGE_URL, "html": load_fixture_page(PAGE)})
    assert status == 201, body
    return body


def highlight_body(article, index: int, note: str) -> dict:
    claim = article["claims"][index % len(article["claims"])]
    exact = claim["text"][:30]
    return {"id": str(uuid.uuid4()), "quote": {"exact": exact},
            "position": {"start": claim["start"], "end": claim["start"] + len(exact)}, "note": note}


def stored_notes(server, article_id: str) -> dict[str, str]:
    status, body, _ = server.request("GET", f"/api/v1/articles/{article_id}/highlights")
    assert status == 200
    return {h["id"]: h["note"] for h in body["highlights"]}


def test_acknowledged_writes_survive_kill_9(server, article):
    acknowledged: dict[str, str] = {}
    for n in range(BURST):
        body = highlight_body(article, n, f"burst note {n}")
        status, stored, _ = server.request("POST", f"/api/v1/articles/{article['id']}/highlights", body)
        if status == 201:
            acknowledged[stored["id"]] = stored["note"]
    # The last ones are changes and a trash move, acknowledged just before the kill.
    first, second = list(acknowledged)[:2]
    status, _, _ = server.request("PATCH", f"/api/v1/highlights/{first}", {"note": "patched before the crash"})
    assert status == 200
    acknowledged[first] = "patched before the crash"
    assert server.request("DELETE", f"/api/v1/highlights/{second}")[0] == 200
    del acknowledged[second]
    server.kill()

    server.restart()
    assert len(acknowledged) == BURST - 1
    assert stored_notes(server, article["id"]) == acknowledged
    status, trash, _ = server.request("GET", "/api/v1/trash")
    assert [h["id"] for h in trash["highlights"]] == [second]


def test_writes_in_flight_at_kill_9_are_all_or_nothing(server, article):
    """Killed while four clients are writing: every acknowledged write is there, and nothing
    that was never sent appears (a write in flight is either whole or absent)."""
    acknowledged: set[str] = set()
    sent: set[str] = set()
    lock = threading.Lock()

    def writer(worker: int) -> None:
        for n in range(1000):
            body = highlight_body(article, worker + n, f"in flight {worker}/{n}")
            with lock:
                sent.add(body["id"])
            try:
                status, _, _ = server.request("POST", f"/api/v1/articles/{article['id']}/highlights", body)
            except (OSError, http.client.HTTPException):
                return  # the server is gone (mid-answer, the response is cut short)
            if status != 201:
                return
            with lock:
                acknowledged.add(body["id"])

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    while len(acknowledged) < 40:
        threading.Event().wait(0.005)
    server.kill()
    for thread in threads:
        thread.join()

    server.restart()
    notes = stored_notes(server, article["id"])
    assert acknowledged <= set(notes) <= sent
    assert all(note.startswith("in flight") for note in notes.values())


@pytest.fixture
def export_file(tmp_path, make_article, highlight_body):
    """A JSON-LD export of another notebook: one article, 40 highlights."""
    from sourcelight.store import Store
    from sourcelight.store.articles import save_article
    from sourcelight import outputs
    from sourcelight.store.export import collect_export
    from sourcelight.store.highlights import create_highlight

    other = Store("sqlite:///" + str(tmp_path / "other.db"))
    other.upgrade()
    article = make_article(url="https://elsewhere.example.net/imported")
    with other.session() as session:
        document = save_article(session, article, seen_url=article.url)
        for n in range(40):
            create_highlight(session, document["id"], highlight_body(document["text"], "Iran", note=f"imported {n}"))
        exported = outputs.export_jsonld(collect_export(session))
    other.dispose()
    path = tmp_path / "other.jsonld"
    path.write_text(json.dumps(exported), encoding="utf-8")
    return path, document["id"]


def test_threads_and_processes_writing_at_once_all_succeed(server, article, export_file):
    """8 client threads and 3 client processes over HTTP, and `sourcelight import` writing to
    the same database file from its own process, all at once."""
    thread_results: list[tuple[int, str]] = []
    lock = threading.Lock()

    def thread_writer(worker: int) -> None:
        # At least THREAD_WRITES each, and on until the import is over: the two overlap.
        n = 0
        while n < THREAD_WRITES or importer.poll() is None:
            n += 1
            body = highlight_body(article, worker + n, f"thread {worker} write {n}")
            status, _, _ = server.request("POST", f"/api/v1/articles/{article['id']}/highlights", body)
            with lock:
                thread_results.append((status, body["id"]))

    template = {k: v for k, v in highlight_body(article, 0, "").items() if k in ("quote", "position")}
    processes = [subprocess.Popen([sys.executable, "-c", PROCESS_CLIENT, server.url, server.token, article["id"],
                                   json.dumps(template), str(PROCESS_WRITES), f"process {p}"],
                                  stdout=subprocess.PIPE, text=True) for p in range(PROCESSES)]
    importer = subprocess.Popen([sys.executable, "-m", "sourcelight", "import", str(export_file[0]),
                                 "--data-dir", str(server.data_dir)], stderr=subprocess.PIPE, text=True,
                                env=server.env)
    threads = [threading.Thread(target=thread_writer, args=(w,)) for w in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    process_results = [tuple(r) for p in processes for r in json.loads(p.communicate(timeout=120)[0])]

    results = thread_results + process_results
    assert len(results) >= THREADS * THREAD_WRITES + PROCESSES * PROCESS_WRITES
    assert {status for status, _ in results} == {201}
    assert set(stored_notes(server, article["id"])) == {hid for _, hid in results}
    assert "database is locked" not in server.log_text()
    import_log = importer.communicate(timeout=120)[1]
    assert importer.returncode == 0, import_log
    status, imported, _ = server.request("GET", f"/api/v1/highlights?article={export_file[1]}&limit=200")
    assert (status, imported["total"]) == (200, 40)


def test_sqlite_connections_are_set_up_for_durability(tmp_path):
    """What the guarantees above rest on: WAL, fsync at every commit, foreign keys enforced."""
    from sqlalchemy import text

    from sourcelight.store import Store

    store = Store("sqlite:///" + str(tmp_path / "sourcelight.db"))
    store.upgrade()
    try:
        with store.session() as session:
            settings = {name: session.execute(text(f"PRAGMA {name}")).scalar()
                        for name in ("journal_mode", "synchronous", "foreign_keys")}
        assert settings == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}
    finally:
        store.dispose()
