"""Server cold start: from launching `sourcelight serve` to the first answered POST /api/v1/articles.

Run: .venv/bin/python tests/bench/bench_cold_start.py [--runs 5]
Prints the median and worst of several runs, each with a fresh data directory (so the
database is created and migrated too). Goal (issue 9): < 3 s.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.helpers.server import start_server  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "pages" / "seed-sputnik-iran-missiles" / "source.html"


def one_run() -> tuple[float, float]:
    html = SEED.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        server = start_server(Path(tmp))
        listening = time.perf_counter() - started
        try:
            status, body, _ = server.request("POST", "/api/v1/articles", {"url": "https://example.com/a", "html": html})
            first = time.perf_counter() - started
            if status != 201:
                raise SystemExit(f"unexpected answer {status}: {body}")
        finally:
            server.stop()
    return listening, first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = [one_run() for _ in range(parser.parse_args().runs)]
    listening = [r[0] for r in runs]
    first = [r[1] for r in runs]
    print(f"cold start, {len(runs)} runs (fresh data directory each)")
    print(f"  listening:            median {statistics.median(listening) * 1000:7.0f} ms   worst {max(listening) * 1000:7.0f} ms")
    print(f"  first POST answered:  median {statistics.median(first) * 1000:7.0f} ms   worst {max(first) * 1000:7.0f} ms   (goal < 3000 ms)")


if __name__ == "__main__":
    main()
