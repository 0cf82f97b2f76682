"""Attribution engine speed: what attribute_article + summarize_sourcing add to annotate.

Run: .venv/bin/python tests/bench/bench_attribution.py [--runs 50]
For every fixture page (extracted and split once, outside the timing) and for a synthetic
1,000-word English article, prints the median and worst milliseconds per article and
sentences per second. Goals: median ≤ 5 ms on a typical article, < 20 ms for 1,000 words.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from sourcelight.pipeline.attribution import attribute_article, summarize_sourcing
from sourcelight.pipeline.attribution.lexicon import load_lexicon
from sourcelight.pipeline.extract import article_from_text, extract_article
from sourcelight.pipeline.language import detect_language
from sourcelight.pipeline.options import DEFAULT_OPTIONS
from sourcelight.pipeline.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
CORPUS = ROOT / "tests" / "eval" / "corpus" / "en.jsonl"


def _prepared_pages():
    for page in sorted(PAGES.iterdir()):
        html = (page / "source.html").read_text(encoding="utf-8")
        try:
            article = extract_article(html, "https://example.com/" + page.name, lang_hint=None,
                                      title_hint=None, options=DEFAULT_OPTIONS)
        except Exception as error:  # a fixture the extractor rejects is not a benchmark case
            print(f"skip {page.name}: {error}")
            continue
        language = detect_language(article.text, hint=article.lang_hint, forced=None).language
        yield page.name, article, split_sentences(article, language), language


def corpus_paragraphs(words: int) -> list[str]:
    """Paragraphs of three sentences of the English corpus, at least ``words`` words in all."""
    import json
    sentences = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    paragraphs, count, current = [], 0, []
    for sentence in sentences:
        current.append(sentence)
        count += len(sentence.split())
        if len(current) == 3:
            paragraphs.append(" ".join(current))
            current = []
        if count >= words:
            break
    return paragraphs + [" ".join(current)] if current else paragraphs


def _thousand_words():
    paragraphs = corpus_paragraphs(1000)
    words = sum(len(p.split()) for p in paragraphs)
    text = "\n\n".join(paragraphs)
    article = article_from_text(text, None, title="Synthetic", lang_hint="en", options=DEFAULT_OPTIONS)
    return f"synthetic-{words}-words", article, split_sentences(article, "en"), "en"


def _time(article, sentences, language, runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        claims = attribute_article(article, sentences, language)
        summarize_sourcing(claims, language)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    for language in ("en", "de", "fr", "es", "ru"):
        load_lexicon(language)  # compiled once per process, like the server's workers
    cases = list(_prepared_pages()) + [_thousand_words()]
    medians = []
    print(f"{'article':<32}{'lang':>5}{'sent':>6}{'median ms':>11}{'worst ms':>10}{'sent/s':>10}")
    for name, article, sentences, language in cases:
        timings = _time(article, sentences, language, args.runs)
        median = statistics.median(timings)
        medians.append(median)
        rate = len(sentences) / (median / 1000) if median else float("inf")
        print(f"{name:<32}{language:>5}{len(sentences):>6}{median:>11.2f}{max(timings):>10.2f}{rate:>10.0f}")
    print(f"median over articles: {statistics.median(medians):.2f} ms")


if __name__ == "__main__":
    main()
