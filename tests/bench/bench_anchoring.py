"""Re-anchoring benchmark: the matcher alone, then in the store with readers running meanwhile.

Run: .venv/bin/python tests/bench/bench_anchoring.py [--highlights 100] [--page-chars 100000] [--readers 4]

1. The matcher (store/anchoring.py): a 100,000-character page, 100 highlights of 20 to 20,000
   characters (log-uniform), then the page edited in 30 places (text inserted and deleted,
   words changed inside some highlights). Re-anchors them all with one article budget and
   prints the time and the states. Again with every highlight 20,000 characters long (the
   worst case: the budget decides, and what it cuts off is orphaned and kept).
   Goal: under 1 s.
2. The store on SQLite (a temporary file): the same article stored as version 1 with the
   highlights, version 2 saved, then store/reanchor.bring_up_to_date in one thread while
   --readers threads list articles, list another article's highlights and search, each in
   its read-only session, as the API's read routes do. Prints the re-anchoring time and the
   readers' latency percentiles while it ran. Goal: re-anchoring < 1 s, reads p95 < 50 ms.

Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "server"))

from sourcelight.store import Store  # noqa: E402
from sourcelight.store.anchoring import Budget, Quote, anchor_quote, context_of  # noqa: E402
from sourcelight.store.highlights import create_highlight, list_highlights, search_highlights  # noqa: E402
from sourcelight.store.articles import list_articles  # noqa: E402
from sourcelight.store.models import ArticleRow, ArticleVersionRow  # noqa: E402
from sourcelight.store.reanchor import bring_up_to_date  # noqa: E402

WORDS = ("the minister said officials report talks would resume next week according to sources who "
         "spoke on condition of anonymity critics say markets rose after announcement bridge reopen "
         "winter residents described queues pharmacy agency document seen by newspaper").split()


def prose(rng: random.Random, chars: int) -> str:
    out, size = [], 0
    while size < chars:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + "."
        out.append(sentence)
        size += len(sentence) + 1
    return " ".join(out)[:chars]


def make_case(rng: random.Random, page_chars: int, sizes: list[int]) -> tuple[str, str, list[Quote]]:
    old = prose(rng, page_chars)
    quotes = []
    for size in sizes:
        start = rng.randrange(0, len(old) - size)
        prefix, suffix = context_of(old, start, start + size)
        quotes.append(Quote(old[start:start + size], prefix, suffix, start, start + size))
    new = old
    for _ in range(30):  # inserted and deleted text, and words changed, anywhere on the page
        at = rng.randrange(0, len(new) - 60)
        kind = rng.random()
        if kind < 0.4:
            new = new[:at] + " " + prose(rng, rng.randint(10, 400)) + new[at:]
        elif kind < 0.7:
            new = new[:at] + new[at + rng.randint(1, 40):]
        else:
            new = new[:at] + "CHANGED" + new[at + 5:]
    return old, new, quotes


def bench_matcher(args) -> None:
    rng = random.Random(7)
    for label, sizes in (
        ("20 to 20,000 characters", [int(20 * 1000 ** rng.random()) for _ in range(args.highlights)]),
        ("all 20,000 characters", [20_000] * args.highlights),
    ):
        _, new, quotes = make_case(rng, args.page_chars, sizes)
        budget = Budget()
        started, cpu = time.perf_counter(), time.thread_time()
        anchors = [anchor_quote(new, quote, budget) for quote in quotes]
        wall, used = time.perf_counter() - started, time.thread_time() - cpu
        states = Counter(a.state for a in anchors)
        print(f"matcher: {len(quotes)} highlights of {label} on a {len(new):,}-character edited page: "
              f"{wall * 1000:.0f} ms wall, {used * 1000:.0f} ms CPU; {dict(states)} (goal < 1 s)")


def bench_store(args) -> None:
    rng = random.Random(11)
    old, new, quotes = make_case(rng, args.page_chars, [int(20 * 1000 ** rng.random()) for _ in range(args.highlights)])
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db")
        store.upgrade()
        with store.session() as session:
            for article_id, text in (("bench", old), ("other", prose(rng, 5_000))):
                session.add(ArticleRow(id=article_id, canonical_url=f"https://bench.example/{article_id}",
                                       site="bench", title=article_id, language="en", latest_version=1,
                                       domain="bench.example", anchored_version=1))
                session.flush()
                session.add(ArticleVersionRow(article_id=article_id, version=1, fingerprint=article_id, text=text,
                                              document=json.dumps({"text": text, "claims": []})))
            session.flush()
            for quote in quotes:
                create_highlight(session, "bench", {"quote": {"exact": quote.exact},
                                                    "position": {"start": quote.start, "end": quote.end}})
            other_text = session.get(ArticleVersionRow, 2).text
            for n in range(50):
                start = (n * 97) % (len(other_text) - 40)
                create_highlight(session, "other", {"quote": {"exact": other_text[start:start + 30]},
                                                    "position": {"start": start, "end": start + 30},
                                                    "note": f"note {n} about the minister"})
        with store.session() as session:  # what save_article does for a changed text
            session.add(ArticleVersionRow(article_id="bench", version=2, fingerprint="bench-2", text=new,
                                          document=json.dumps({"text": new, "claims": []})))
            session.get(ArticleRow, "bench").latest_version = 2

        done = threading.Event()
        latencies: list[float] = []

        def reader(n: int) -> None:
            reads = (lambda s: list_articles(s), lambda s: list_highlights(s, "other"),
                     lambda s: search_highlights(s, q="minister"))
            k = n
            while not done.is_set():
                started = time.perf_counter()
                with store.read_session() as session:
                    reads[k % len(reads)](session)
                latencies.append((time.perf_counter() - started) * 1000)
                k += 1
                time.sleep(0.002)

        readers = [threading.Thread(target=reader, args=(n,)) for n in range(args.readers)]
        for thread in readers:
            thread.start()
        time.sleep(1.0)
        idle = list(latencies)  # the same reads with nothing else going on: the machine's baseline
        before = len(latencies)
        started = time.perf_counter()
        written = bring_up_to_date(store, "bench")
        elapsed = time.perf_counter() - started
        during = latencies[before:]
        done.set()
        for thread in readers:
            thread.join()
        with store.read_session() as session:
            states = Counter(h["anchor"] for h in list_highlights(session, "bench"))
        store.dispose()
    print(f"store (SQLite): re-anchored {written} highlights on a {len(new):,}-character page in "
          f"{elapsed * 1000:.0f} ms (goal < 1 s); {dict(states)}")
    print(f"store (SQLite): reads by {args.readers} threads meanwhile: {_percentiles(during)} (goal p95 < 50 ms); "
          f"the same reads before it: {_percentiles(idle)}")


def _percentiles(latencies: list[float]) -> str:
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) >= 20 else max(latencies)
    return (f"{len(latencies)} reads, p50 {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms, "
            f"max {max(latencies):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--highlights", type=int, default=100)
    parser.add_argument("--page-chars", type=int, default=100_000)
    parser.add_argument("--readers", type=int, default=4)
    args = parser.parse_args()
    bench_matcher(args)
    bench_store(args)


if __name__ == "__main__":
    main()
