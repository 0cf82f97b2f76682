"""Speed of the sourcing diff between two versions of an article (sourcelight/sourcing_diff.py).

Run: .venv/bin/python tests/bench/bench_sourcing_diff.py [--runs 20]
Builds synthetic English articles of 1,000, 2,500 and 5,000 words (about all the English
corpus holds) with bench_attribution.corpus_paragraphs, annotates them, and a second version of each in which
every fifth paragraph has a sentence edited, every seventh is cut and a new one is inserted
every eleventh (annotation outside the timing). Prints claims per version, changes found and
the median and worst milliseconds of diff_sourcing. Goal: well under the time the reader takes
to lay the article out (< 50 ms for 5,000 words).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_attribution import corpus_paragraphs  # noqa: E402

from sourcelight import annotate_text  # noqa: E402
from sourcelight.sourcing_diff import diff_sourcing  # noqa: E402

URL = "https://news.example.com/world/synthetic"


def _versions(words: int) -> tuple[dict, dict]:
    paragraphs = corpus_paragraphs(words)
    updated = []
    for index, paragraph in enumerate(paragraphs):
        if index % 7 == 6:
            continue  # cut
        if index % 5 == 4:
            paragraph = paragraph.replace(" the ", " this ", 2) + " Officials declined to say more."
        updated.append(paragraph)
        if index % 11 == 10:
            updated.append(f"A spokesperson for the agency said on Monday that review number {index} was complete.")
    first = annotate_text("\n\n".join(paragraphs), URL, title="Synthetic", lang_hint="en").to_dict()
    second = annotate_text("\n\n".join(updated), URL, title="Synthetic", lang_hint="en").to_dict()
    return first, second


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print(f"{'words':>7}{'claims v1':>11}{'claims v2':>11}{'added':>7}{'removed':>9}{'hedges':>8}"
          f"{'median ms':>11}{'worst ms':>10}")
    for words in (1_000, 2_500, 5_000):
        first, second = _versions(words)
        timings, diff = [], None
        for _ in range(args.runs):
            started = time.perf_counter()
            diff = diff_sourcing(first, second)
            timings.append((time.perf_counter() - started) * 1000)
        print(f"{words:>7}{len(first['claims']):>11}{len(second['claims']):>11}{len(diff.claims_added):>7}"
              f"{len(diff.claims_removed):>9}{len(diff.hedges_changed):>8}{statistics.median(timings):>11.2f}"
              f"{max(timings):>10.2f}")


if __name__ == "__main__":
    main()
