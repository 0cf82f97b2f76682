"""Store benchmarks against the REAL server on SQLite.

Run: .venv/bin/python tests/bench/bench_store.py [--writes 100] [--highlights 100000] [--queries 300]

1. Highlight write latency with 8 concurrent clients (keep-alive connections), measured at
   the client, twice: paced (each client writes at random moments, on average every
   --pace-ms, like people annotating at once) and saturated (each client writes again the
   moment it has its answer: with writes serialized, latency is then ~8x the service time,
   a throughput figure more than a latency one). Goal: p95 < 20 ms.
2. Search latency over N seeded highlights (seeded directly through the store, which keeps
   the FTS index in step by its triggers): a mix of word, prefix, label, tag, site and time
   queries. The text uses a 50-word vocabulary, so any of those words is in a third of all
   highlights (a worst case for full-text search); a rare word (one of 5,000 names, like a
   person or place) stands for the usual search. Each query runs first through the store
   (the SQL), then through GET /api/v1/highlights.
   Goal: p95 < 50 ms.
"""
from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.helpers.server import start_server  # noqa: E402

CLIENTS = 8
PAGE = ROOT / "tests" / "fixtures" / "pages" / "wire-reuters-style" / "source.html"
WORDS = ("missile sanctions minister officials report denied election budget inflation rates court ruling "
         "protest police border refugees treaty summit vaccine outbreak climate drought harvest energy pipeline "
         "strike union wages pension reform scandal bribery witness source anonymous leaked document memo").split()
LABELS = ("important", "needs-source", "dubious", "agree", "disagree", None)
SYLLABLES = "ka ri to men sa lo vu ne di pa ro zu hel mar tin ob ga le si ur".split()
TAGS = ("politics", "economy", "health", "climate", "security", "follow-up", "quote", "todo")


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return f"p50 {p50 * 1000:6.2f} ms   p95 {p95 * 1000:6.2f} ms   (n={len(ordered)})"


class Client:
    """One keep-alive HTTP connection to the server."""

    def __init__(self, server) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        self.headers = {"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"}

    def call(self, method: str, path: str, body=None) -> tuple[int, dict]:
        self.connection.request(method, path, body=json.dumps(body) if body is not None else None,
                                headers=self.headers)
        response = self.connection.getresponse()
        return response.status, json.loads(response.read() or b"null")


def bench_writes(server, writes_per_client: int, pace_ms: float) -> None:
    client = Client(server)
    status, article = client.call("POST", "/api/v1/articles", {"url": "https://wire.example.com/bench",
                                                                "html": PAGE.read_text(encoding="utf-8")})
    assert status == 201, article
    claims = article["claims"]
    latencies: list[float] = []
    failures: list[int] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        own = Client(server)
        pacing = random.Random(n)
        for i in range(writes_per_client):
            if pace_ms:
                time.sleep(pacing.expovariate(1000 / pace_ms))
            claim = claims[(n + i) % len(claims)]
            exact = claim["text"][:30]
            body = {"id": str(uuid.uuid4()), "quote": {"exact": exact}, "note": f"client {n} note {i}",
                    "position": {"start": claim["start"], "end": claim["start"] + len(exact)}, "tags": ["bench"]}
            started = time.perf_counter()
            status, _ = own.call("POST", f"/api/v1/articles/{article['id']}/highlights", body)
            elapsed = time.perf_counter() - started
            with lock:
                (latencies if status == 201 else failures).append(elapsed if status == 201 else status)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    mode = f"paced, one per {pace_ms:.0f} ms each" if pace_ms else "saturated"
    print(f"highlight writes, {CLIENTS} concurrent clients ({mode}): {percentiles(latencies)}   "
          f"{len(latencies) / wall:.0f} writes/s   failures: {len(failures)}")
    if "database is locked" in server.log_text():
        print("  WARNING: 'database is locked' in the server log")


def make_names(rng: random.Random, count: int = 5000) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(names)


def seed(database_url: str, count: int, rng: random.Random, names: list[str]) -> None:
    """Articles on a few sites and ``count`` highlights spread over two years."""
    from sqlalchemy import insert

    from sourcelight import annotate_text
    from sourcelight.store import Store
    from sourcelight.store.articles import save_article
    from sourcelight.store.models import HighlightRow

    store = Store(database_url)
    store.upgrade()
    article_ids = []
    for n in range(40):
        text = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + "." for _ in range(6))
        article = annotate_text(text, f"https://site{n % 8}.example.com/story/{n}", title=f"Story {n}")
        with store.session() as session:
            article_ids.append(save_article(session, article, seen_url=article.url)["id"])
    now = datetime.now(timezone.utc)
    batch = []
    for n in range(count):
        quote = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 14)))
        note = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 20))) + " " + rng.choice(names)
        created = now - timedelta(seconds=rng.randint(0, 2 * 365 * 86400))
        batch.append({"id": str(uuid.uuid4()), "article_id": rng.choice(article_ids), "version": 1, "exact": quote,
                      "prefix": "", "suffix": "", "start": 0, "end": len(quote), "claim_id": None, "note": note,
                      "label": rng.choice(LABELS), "tags": json.dumps(rng.sample(TAGS, rng.randint(0, 2))),
                      "color": None, "anchor": "anchored", "created": created, "updated": created, "deleted": None})
        if len(batch) == 5000:
            with store.session() as session:
                session.execute(insert(HighlightRow), batch)
            batch = []
    if batch:
        with store.session() as session:
            session.execute(insert(HighlightRow), batch)
    store.dispose()


def search_queries(rng: random.Random, count: int, names: list[str]) -> list[dict]:
    now = datetime.now(timezone.utc)
    makers = [
        lambda: {"q": rng.choice(WORDS)},
        lambda: {"q": rng.choice(names)},
        lambda: {"q": rng.choice(WORDS)[:4]},  # a prefix
        lambda: {"q": f"{rng.choice(WORDS)} {rng.choice(WORDS)}"},
        lambda: {"label": rng.choice(LABELS[:-1])},
        lambda: {"tag": rng.choice(TAGS)},
        lambda: {"site": f"site{rng.randint(0, 7)}.example.com"},
        lambda: {"since": now - timedelta(days=rng.randint(1, 60))},
        lambda: {"q": rng.choice(WORDS), "label": rng.choice(LABELS[:-1])},
        lambda: {},
    ]
    return [rng.choice(makers)() for _ in range(count)]


def bench_search(highlights: int, queries: int) -> None:
    from sourcelight.store import Store
    from sourcelight.store.highlights import search_highlights

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        data_dir.mkdir(mode=0o700)
        url = "sqlite:///" + str(data_dir / "sourcelight.db")
        started = time.perf_counter()
        names = make_names(rng)
        seed(url, highlights, rng, names)
        print(f"seeded {highlights} highlights in {time.perf_counter() - started:.1f} s")
        plan = search_queries(rng, queries, names)

        store = Store(url)
        timings: dict[str, list[float]] = {}
        for query in plan:
            kind = "+".join(sorted(query)) or "(none)"
            kind += " (rare word)" if query.get("q") in names else ""
            with store.session() as session:
                begun = time.perf_counter()
                search_highlights(session, **query, limit=20)
                timings.setdefault(kind, []).append(time.perf_counter() - begun)
        store.dispose()
        print(f"search through the store over {highlights}: {percentiles([t for v in timings.values() for t in v])}")
        for kind, samples in sorted(timings.items()):
            print(f"  {kind:16s} {percentiles(samples)}")

        server = start_server(Path(tmp))
        try:
            client = Client(server)
            http_times = []
            for query in plan:
                params = {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in query.items()}
                begun = time.perf_counter()
                status, _ = client.call("GET", "/api/v1/highlights?" + urlencode({**params, "limit": 20}))
                http_times.append(time.perf_counter() - begun)
                assert status == 200, (status, query)
            print(f"search through GET /api/v1/highlights:   {percentiles(http_times)}")
        finally:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=100, help="highlight POSTs per client")
    parser.add_argument("--pace-ms", type=float, default=100, help="mean time between a client's paced writes")
    parser.add_argument("--highlights", type=int, default=100_000, help="highlights to seed for search")
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(Path(tmp))
        try:
            bench_writes(server, args.writes, args.pace_ms)
            bench_writes(server, args.writes, 0)
        finally:
            server.stop()
    bench_search(args.highlights, args.queries)


if __name__ == "__main__":
    main()
