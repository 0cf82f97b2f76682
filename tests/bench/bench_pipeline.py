"""Pipeline speed and memory: annotate() on every fixture page and on synthetic pages of
10 KB, 100 KB, 1 MB and 5 MB.

Run: .venv/bin/python tests/bench/bench_pipeline.py [--runs 15] [--skip-large]
Prints, per page, the median and p95 wall time of annotate() over N runs (after one warm-up
run), beside bare trafilatura.extract() with the same settings and the ratio of the two
medians (goal: ≤ 1.5× on the fixture pages),
and the peak Python memory of one annotate() run (tracemalloc; C allocations inside lxml
are not counted, so read it as a lower bound). Then each stage's share of the time over
all fixtures. Not collected by pytest (no test_ prefix). The machine is shared: compare
figures from one run, not across runs.
"""
from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
import tracemalloc
from pathlib import Path

import trafilatura

from sourcelight import annotate
from sourcelight.pipeline.attribution import attribute_article, summarize_sourcing
from sourcelight.pipeline.extract import extract_article
from sourcelight.pipeline.language import detect_language
from sourcelight.pipeline.options import DEFAULT_OPTIONS, PipelineOptions
from sourcelight.pipeline.render import render_reader
from sourcelight.pipeline.sanitize import sanitize_html
from sourcelight.pipeline.segment import split_sentences

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
LARGE_PAGE_BYTES = 1_000_000
SYNTHETIC_SIZES = (10_000, 100_000, 1_000_000, 5_000_000)
# The 5 MB page is over the default text budget (1M characters): measure the work, not the refusal.
BENCH_OPTIONS = PipelineOptions(max_text_chars=20_000_000, max_elements=1_000_000, time_budget_seconds=600)

# Sentences of varied sourcing, cycled to build a long article that still reads like news.
_SENTENCES = (
    "The council said on Tuesday that the budget for road repairs would rise by 4% next year.",
    "\"We cannot keep patching the same holes every winter,\" said Maria Lopez, who chairs the transport committee.",
    "Two officials familiar with the talks said the contract had been delayed by a dispute over penalties.",
    "Critics say the plan does too little for the villages outside the ring road.",
    "According to a report by the regional audit office, a third of the network is in poor condition.",
    "The contractor declined to comment on the delay.",
    "Residents in Northfield told the Gazette that some potholes had been reported more than a year ago.",
)


def fixture_pages() -> list[tuple[str, str, str | None]]:
    pages = []
    for directory in sorted(p for p in PAGES.iterdir() if (p / "source.html").is_file()):
        expected = directory / "expected.json"
        url = json.loads(expected.read_text(encoding="utf-8"))["url"] if expected.is_file() else None
        pages.append((directory.name, (directory / "source.html").read_text(encoding="utf-8"), url))
    return pages


def synthetic_page(target_bytes: int = LARGE_PAGE_BYTES) -> str:
    """A ~1 MB news page: menus, a long article in sections, related links and a footer."""
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    head = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Roads report</title>'
            '<meta property="og:site_name" content="Bench Gazette"></head><body>'
            f'<header><nav><ul>{nav}</ul></nav></header><main><article><h1>Roads report</h1>')
    tail = ('</article><aside><h3>Related</h3><ul>'
            + "".join(f'<li><a href="/r/{i}">Related story number {i}</a></li>' for i in range(30))
            + '</ul></aside></main><footer>Copyright Bench Gazette. All rights reserved.</footer></body></html>')
    parts, size, n = [head], len(head) + len(tail), 0
    while size < target_bytes:
        if n % 12 == 0:
            parts.append(f"<h2>Part {n // 12 + 1} of the roads report</h2>")
        sentences = " ".join(_SENTENCES[(n + k) % len(_SENTENCES)] for k in range(4))
        parts.append(f"<p>{sentences} (Paragraph {n}.)</p>")
        size += len(parts[-1])
        n += 1
    parts.append(tail)
    return "".join(parts)


def timings_ms(work, runs: int) -> list[float]:
    work()  # warm-up: lexicons, regexes and trafilatura's caches
    times = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return times


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bare_trafilatura(html: str, url: str | None):
    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True,
                               include_images=True, include_links=True, include_formatting=True,
                               favor_precision=True, deduplicate=False, with_metadata=True)


def stage_ms(html: str, url: str | None) -> dict[str, float]:
    """One pass through the stages in pipeline order, each timed alone."""
    times: dict[str, float] = {}

    def timed(name, work):
        started = time.perf_counter()
        result = work()
        times[name] = (time.perf_counter() - started) * 1000
        return result

    article = timed("extract", lambda: extract_article(html, url, options=DEFAULT_OPTIONS))
    guess = timed("language", lambda: detect_language(article.text, hint=article.lang_hint, forced=None))
    sentences = timed("segment", lambda: split_sentences(article, guess.language))
    claims = timed("attribute", lambda: attribute_article(article, sentences, guess.language))
    summary = timed("summarize", lambda: summarize_sourcing(claims, guess.language))
    html_out = timed("render", lambda: render_reader(article, claims, summary))
    timed("sanitize", lambda: sanitize_html(html_out))
    return times


def print_stage_shares(pages, runs: int) -> None:
    totals: dict[str, float] = {}
    for _, html, url in pages:
        stage_ms(html, url)  # warm-up
        for _ in range(runs):
            for name, ms in stage_ms(html, url).items():
                totals[name] = totals.get(name, 0.0) + ms
    whole = sum(totals.values())
    print("stage shares over all fixtures: " + ", ".join(f"{n} {100 * t / whole:.0f}%" for n, t in totals.items()))


def peak_mib(html: str, url: str | None) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        annotate(html, url, options=BENCH_OPTIONS)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per page (median and p95 reported)")
    parser.add_argument("--skip-large", action="store_true", help="leave out the synthetic 1 MB and 5 MB pages")
    args = parser.parse_args()

    pages = fixture_pages()
    header = (f"{'page':32} {'html KB':>8} {'claims':>7} {'annotate med':>13} {'p95':>8} "
              f"{'trafilatura med':>16} {'p95':>8} {'ratio':>6} {'peak MiB':>9}")
    print(header)
    medians, bare = [], []
    for slug, html, url in pages:
        print_row(slug, html, url, args.runs, medians, bare)
    print(f"{'fixtures: sum of medians':32} {'':8} {'':7} {sum(medians):13.1f} {'':8} {sum(bare):16.1f} {'':8} "
          f"{sum(medians) / sum(bare):6.2f}")
    for size in SYNTHETIC_SIZES:
        if args.skip_large and size >= LARGE_PAGE_BYTES:
            continue
        runs = args.runs if size < LARGE_PAGE_BYTES else 3
        print_row(f"synthetic-{size // 1000}kb ({runs} runs)", synthetic_page(size), "https://bench.example/roads",
                  runs, [], [])
    print_stage_shares(pages, max(1, args.runs // 3))


def print_row(name: str, html: str, url: str | None, runs: int, medians: list, bare: list) -> None:
    claims = len(annotate(html, url, options=BENCH_OPTIONS).claims)
    ours = timings_ms(lambda: annotate(html, url, options=BENCH_OPTIONS), runs)
    theirs = timings_ms(lambda: bare_trafilatura(html, url), runs)
    ms, bare_ms = statistics.median(ours), statistics.median(theirs)
    medians.append(ms)
    bare.append(bare_ms)
    print(f"{name:32} {len(html.encode()) / 1024:8.1f} {claims:7d} {ms:13.1f} {p95(ours):8.1f} {bare_ms:16.1f} "
          f"{p95(theirs):8.1f} {ms / bare_ms:6.2f} {peak_mib(html, url):9.1f}")


if __name__ == "__main__":
    main()
