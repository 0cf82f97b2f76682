"""Speed and memory of the sourcing exports over a large notebook.

Run: .venv/bin/python tests/bench/bench_export.py [--articles 10000]
Stores one fixture page through the real pipeline, copies it (SQL, outside the timing) into
N articles on a temporary SQLite file, then times each export the API serves for everything:
the sourcing table per claim and per article, and the Obsidian/Logseq notes (a zip). Prints
seconds, output size and the process's peak memory. These formats read the articles one at a
time (collect_export(stream=True)), so memory grows with the output, not with the documents.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from sourcelight.outputs.formats import export_format, write_export
from sourcelight.pipeline import annotate_page
from sourcelight.store import Store
from sourcelight.store.articles import save_article
from sourcelight.store.export import collect_export

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "tests" / "fixtures" / "pages" / "wire-reuters-style" / "source.html"
COPY_ARTICLE = ("INSERT INTO articles (id, canonical_url, site, title, language, latest_version, domain, published, "
                "anchored_version, created, updated) SELECT :id, canonical_url || :n, site, title, language, "
                "latest_version, domain, published, anchored_version, created, updated FROM articles WHERE id = :src")
COPY_VERSION = ("INSERT INTO article_versions (article_id, version, fingerprint, text, document, created) "
                "SELECT :id, version, fingerprint, text, document, created FROM article_versions WHERE article_id = :src")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sourcelight-bench-export-"))
    try:
        store = Store(f"sqlite:///{folder / 'bench.db'}")
        store.upgrade()
        article = annotate_page(PAGE.read_text(encoding="utf-8"), "https://wire.example.com/world/story")
        with store.session() as session:
            source = save_article(session, article, seen_url=article.url)["id"]
        with store.engine.begin() as connection:
            for n in range(1, args.articles):
                values = {"id": f"bench{n:011d}", "n": f"?copy={n}", "src": source}
                connection.execute(text(COPY_ARTICLE), values)
                connection.execute(text(COPY_VERSION), values)
        print(f"{args.articles} articles of {len(article.claims)} claims each")
        for name, scope in (("sourcing-csv", "claims"), ("sourcing-csv", "articles"), ("obsidian", "claims")):
            fmt = export_format(name, scope)
            started = time.perf_counter()
            with store.read_session() as session:
                data = collect_export(session, every_article=True, records=fmt.records, stream=fmt.stream)
                body, _, _ = write_export(fmt, data)
            label = f"{name} ({scope})" if name == "sourcing-csv" else name
            print(f"{label:<26}{time.perf_counter() - started:>8.2f} s{len(body) / 1e6:>9.1f} MB")
        print(f"peak memory of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        store.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
