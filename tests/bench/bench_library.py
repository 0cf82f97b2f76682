"""The notebook's server time with 10,000 articles and 100,000 highlights (issue 13).

Run: .venv/bin/python tests/bench/bench_library.py [--articles 10000] [--highlights 100000]
         [--repeats 50] [--database-url postgresql+psycopg://...]

1. Fills a fresh database (SQLite in a temporary directory unless --database-url is given):
   --base articles (40) are annotated by the real pipeline from the English evaluation
   corpus (bench_attribution.corpus_paragraphs: random paragraphs of it, so each differs);
   --articles stored articles are made from them, each on one of 300 sites, dated over two
   years, with its named people and organizations renamed from a pool of 4,000 names (so the
   ledger has the long tail a real library has) and a rare word in its text; its library rows
   are written by the store's own code (store/sourcing_rows.write_rows). --highlights
   highlights (quotes from the text, notes from a 50-word vocabulary and 5,000 rare names,
   labels, tags) are bulk-inserted; the FTS triggers index them as they would be.
2. Times each request through the Flask test client (the app's whole path: token check,
   schema load, SQL, dump), --repeats times after one warm-up call: median and p95.
   Goal (issue 13): the library's first page < 150 ms server time.
"""
from __future__ import annotations

import argparse
import copy
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

from bench_attribution import corpus_paragraphs  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from sourcelight import annotate_text  # noqa: E402
from sourcelight.app import create_app  # noqa: E402
from sourcelight.store import ledger_totals, sourcing_rows  # noqa: E402
from sourcelight.store.articles import save_article  # noqa: E402
from sourcelight.store.models import ArticleRow, ArticleUrlRow, ArticleVersionRow, HighlightRow  # noqa: E402

TOKEN = "bench-token"
PORT = 8765
START = datetime(2025, 1, 6, 8, 0, tzinfo=timezone.utc)
WORDS = ("missile sanctions minister officials report denied election budget inflation rates court ruling "
         "protest police border refugees treaty summit vaccine outbreak climate drought harvest energy pipeline "
         "strike union wages pension reform scandal bribery witness source anonymous leaked document memo").split()
SYLLABLES = "ka ri to men sa lo vu ne di pa ro zu hel mar tin ob ga le si ur".split()
LABELS = ("important", "needs-source", "dubious", "agree", "disagree", None)
TAGS = ("politics", "economy", "health", "climate", "security", "follow-up", "quote", "todo")
RENAMED = {"named_person", "organization"}


def rare_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def base_articles(count: int, rng: random.Random) -> list[dict]:
    """``count`` articles annotated by the real pipeline, each a different mix of corpus paragraphs."""
    paragraphs = corpus_paragraphs(100_000)
    made = []
    for n in range(count):
        chosen = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(6, 10)))
        article = annotate_text("\n\n".join(chosen), f"https://base.example.com/{n}", title=f"Base story {n}",
                                lang_hint="en")
        made.append(article.to_dict())
    return made


def variant(base: dict, n: int, rng: random.Random, names: list[str]) -> dict:
    """One stored article's document: a base article on another site and day, people renamed."""
    document = copy.deepcopy(base)
    renames: dict[str, str] = {}
    for claim in document["claims"]:
        sourcing = claim.get("sourcing")
        if sourcing and sourcing["kind"] in RENAMED and sourcing.get("entity"):
            new = renames.setdefault(sourcing["entity"], rng.choice(names))
            sourcing["entity"] = sourcing["source"] = new
    rare = rare_name(rng)
    document["text"] = f"{document['text']}\n\nFiled by {rare}."
    document["title"] = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}: story {n}"
    day = START + timedelta(days=rng.randint(0, 729))
    document["published"] = day.date().isoformat() if rng.random() < 0.8 else None
    return document


def fill(store, articles: int, highlights: int, base_count: int, seed: int) -> None:
    rng = random.Random(seed)
    started = time.perf_counter()
    bases = base_articles(base_count, rng)
    print(f"annotated {base_count} base articles with the real pipeline in {time.perf_counter() - started:.1f} s")
    names = [f"{rare_name(rng)} {rare_name(rng)}" for _ in range(4000)]
    sites = [f"outlet{n}.example" for n in range(300)]
    texts: dict[str, str] = {}
    started = time.perf_counter()
    with store.session() as session:
        for n in range(articles):
            document = variant(bases[n % base_count], n, rng, names)
            article_id = f"{n:016x}"
            site = rng.choice(sites)
            url = f"https://www.{site}/story/{n}"
            read = START + timedelta(days=rng.randint(0, 729), seconds=rng.randint(0, 86_399))
            session.execute(insert(ArticleRow), [{
                "id": article_id, "canonical_url": url, "site": site, "title": document["title"], "language": "en",
                "latest_version": 1, "domain": site, "published": document["published"], "anchored_version": 1,
                "created": read, "updated": read}])
            session.execute(insert(ArticleVersionRow), [{
                "article_id": article_id, "version": 1, "fingerprint": f"{n:064x}", "text": document["text"],
                "document": json.dumps(document, ensure_ascii=False), "created": read}])
            session.execute(insert(ArticleUrlRow), [{"url": url, "article_id": article_id}])
            rows = sourcing_rows.rows_for_document(document, 1, read)
            sourcing_rows.write_rows(session, article_id, rows, title=document["title"], text=document["text"],
                                     domain=site, last_read=read, count_sources=False)
            texts[article_id] = document["text"]
        ledger_totals.refresh(session, None)  # as migration 0006 does: once, after all articles
    print(f"stored {articles:,} articles with their library rows in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    ids = list(texts)
    batch: list[dict] = []
    with store.session() as session:
        for n in range(highlights):
            article_id = rng.choice(ids)
            text = texts[article_id]
            start = rng.randrange(0, max(1, len(text) - 120))
            end = start + rng.randint(20, 120)
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12)))
            moment = START + timedelta(seconds=n * 600)
            batch.append({
                "id": str(uuid.UUID(int=rng.getrandbits(128))), "article_id": article_id, "version": 1,
                "exact": text[start:end], "prefix": text[max(0, start - 32):start], "suffix": text[end:end + 32],
                "start": start, "end_offset": end, "claim_id": None, "note": f"{words} {rare_name(rng)}",
                "label": rng.choice(LABELS), "tags": json.dumps(rng.sample(TAGS, k=rng.randint(0, 2))),
                "color": None, "anchor": "anchored", "created": moment, "updated": moment, "deleted": None})
            if len(batch) == 5000:
                session.execute(insert(HighlightRow.__table__), batch)
                batch = []
        if batch:
            session.execute(insert(HighlightRow.__table__), batch)
    print(f"stored {highlights:,} highlights in {time.perf_counter() - started:.1f} s")


def timed(client, path: str, repeats: int) -> tuple[float, float, dict]:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    base = f"http://127.0.0.1:{PORT}"
    first = client.get(path, headers=headers, base_url=base)
    assert first.status_code == 200, (path, first.status_code, first.get_data(as_text=True)[:300])
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(path, headers=headers, base_url=base)
        samples.append(time.perf_counter() - started)
        assert response.status_code == 200
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95, first.get_json()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--highlights", type=int, default=100_000)
    parser.add_argument("--base", type=int, default=40, help="articles annotated by the pipeline")
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--database-url", help="an empty database (default: SQLite in a temporary directory)")
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="sourcelight-bench-library-")
    config = {"DATA_DIR": data, "TOKEN": TOKEN, "PORT": PORT, "TESTING": True}
    if args.database_url:
        config["DATABASE_URL"] = args.database_url
    app = create_app(config)
    store = app.extensions["sourcelight"]["store"]
    fill(store, args.articles, args.highlights, args.base, args.seed)
    client = app.test_client()
    _, _, top = timed(client, "/api/v1/sources?limit=1", 1)
    key = top["sources"][0]["key"]
    _, _, page = timed(client, "/api/v1/library?limit=1", 1)
    site = page["articles"][0]["domain"]
    queries = [
        ("library, first page, no filter", "/api/v1/library"),
        ("library, site filter", f"/api/v1/library?site={site}"),
        ("library, kind share (anonymous >= 15%)", "/api/v1/library?kind=anonymous&min_share=0.15"),
        ("library, one month", "/api/v1/library?since=2025-06-01&until=2025-06-30"),
        ("library, label (highlights)", "/api/v1/library?label=dubious"),
        ("library, tag (highlights)", "/api/v1/library?tag=follow-up"),
        ("library, q common word", "/api/v1/library?q=officials"),
        ("library, q rare word (article text)", "/api/v1/library?q=" + rare_name(random.Random(args.seed + 1))),
        ("library, q word of notes", "/api/v1/library?q=bribery"),
        ("library, page 100 (offset 2475)", "/api/v1/library?offset=2475"),
        ("trends, everything", "/api/v1/library/trends"),
        ("trends, one site", f"/api/v1/library/trends?site={site}"),
        ("sources (ledger), first page", "/api/v1/sources"),
        ("sources, kind anonymous", "/api/v1/sources?kind=anonymous"),
        (f"source detail ({key})", f"/api/v1/sources/{key}"),
    ]
    backend = store.engine.dialect.name
    print(f"\n{backend}: {args.articles:,} articles, {args.highlights:,} highlights; "
          f"{args.repeats} calls each through the Flask test client")
    for label, path in queries:
        median, p95, body = timed(client, path, args.repeats)
        total = body.get("total", "")
        print(f"  {label:44s} median {median * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   total {total}")
    saves = []
    for n, base in enumerate(bases_for_saves(args.seed)):
        started = time.perf_counter()
        with store.session() as session:
            save_article(session, base, seen_url=base.url)
        saves.append(time.perf_counter() - started)
    print(f"  {'saving an article (store, ledger recount)':44s} median {statistics.median(saves) * 1000:7.1f} ms   "
          f"max {max(saves) * 1000:7.1f} ms   (n={len(saves)})")
    store.dispose()


def bases_for_saves(seed: int, count: int = 5):
    """Pages saved once the library is full: the write path with the ledger's recount."""
    rng = random.Random(seed + 2)
    paragraphs = corpus_paragraphs(100_000)
    return [annotate_text("\n\n".join(rng.sample(paragraphs, k=8)), f"https://late.example.com/{n}",
                          title=f"Late story {n}", lang_hint="en") for n in range(count)]


if __name__ == "__main__":
    main()
