"""The English parse engine's cost: per-stage time of annotate() and the ratio to what any
parse-based tool must spend (trafilatura.extract + one spaCy parse of the article text).

Run: .venv/bin/python tests/bench/bench_parse_engine.py [--runs 9]
Goals (issue 9): annotate ≤ 1.3 × (extract + one parse) on the English fixture pages; an
800-word English article ≤ 150 ms of server time on the 2-core machine. Not collected by
pytest. Figures depend on the machine's load: compare figures from one run only.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import trafilatura

from bench_attribution import corpus_paragraphs
from sourcelight import annotate
from sourcelight.pipeline.attribution import attribute_article, summarize_sourcing
from sourcelight.pipeline.attribution.parsed import parse_sentences
from sourcelight.pipeline.attribution.lexicon import load_lexicon
from sourcelight.pipeline.attribution.parser import load_parser, preload_parsers
from sourcelight.pipeline.extract import extract_article
from sourcelight.pipeline.language import detect_language
from sourcelight.pipeline.options import DEFAULT_OPTIONS
from sourcelight.pipeline.render import render_reader
from sourcelight.pipeline.sanitize import sanitize_html
from sourcelight.pipeline.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"


def median_ms(function, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def english_pages():
    for page in sorted(PAGES.iterdir()):
        html = (page / "source.html").read_text(encoding="utf-8")
        url = "https://example.com/" + page.name
        if annotate(html, url).language == "en":
            yield page.name, html, url


def article_of_words(words: int) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in corpus_paragraphs(words))
    return f"<html><body><article><h1>Synthetic {words} words</h1>{paragraphs}</article></body></html>"


def stages(html: str, url: str, runs: int) -> dict[str, float]:
    """Median milliseconds of each stage, each timed on its own input."""
    article = extract_article(html, url, lang_hint=None, title_hint=None, options=DEFAULT_OPTIONS)
    language = detect_language(article.text, hint=None, forced=None).language
    sentences = split_sentences(article, language)
    lexicon = load_lexicon(language)
    claims = attribute_article(article, sentences, language)
    summary = summarize_sourcing(claims, language)
    parse = median_ms(lambda: parse_sentences(sentences, lexicon), runs)
    return {
        "extract": median_ms(lambda: extract_article(html, url, lang_hint=None, title_hint=None,
                                                     options=DEFAULT_OPTIONS), runs),
        "language": median_ms(lambda: detect_language(article.text, hint=None, forced=None), runs),
        "segment": median_ms(lambda: split_sentences(article, language), runs),
        "parse": parse,
        "rules": median_ms(lambda: attribute_article(article, sentences, language), runs) - parse,
        "summary": median_ms(lambda: summarize_sourcing(claims, language), runs),
        "render": median_ms(lambda: sanitize_html(render_reader(article, claims, summary, language)), runs),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    started = time.perf_counter()
    preload_parsers()
    print(f"parser model load: {(time.perf_counter() - started) * 1000:.0f} ms (once per worker process)")
    nlp = load_parser("en")
    cases = list(english_pages()) + [("synthetic-800-words", article_of_words(800), "https://example.com/800")]
    print(f"{'page':<30}{'annotate':>10}{'extract':>9}{'parse':>8}{'ratio':>7}  stages (ms)")
    ratios = []
    for name, html, url in cases:
        total = median_ms(lambda: annotate(html, url), args.runs)
        text = annotate(html, url).text
        bare = median_ms(lambda: trafilatura.extract(html, url=url, favor_precision=True, include_comments=False),
                         args.runs)
        one_parse = median_ms(lambda: nlp(text), args.runs)
        ratio = total / (bare + one_parse)
        if not name.startswith("synthetic"):
            ratios.append(ratio)
        parts = stages(html, url, args.runs)
        shown = " ".join(f"{k} {v:.1f}" for k, v in parts.items())
        print(f"{name:<30}{total:>9.1f} {bare:>8.1f} {one_parse:>7.1f} {ratio:>6.2f}  {shown}")
    print(f"median ratio on the English fixture pages: {statistics.median(ratios):.2f} (goal ≤ 1.3)")


if __name__ == "__main__":
    main()
