"""Lemmatizer cost: the first use of each language's lemmatizer loads its dictionary
(once per process), then attribution looks words up from a cache.

Run: .venv/bin/python tests/bench/bench_lemmas.py
Prints, per language with a lemmatizer, the time of the first lookup (the dictionary load
a first article in that language pays), and the median time to attribute that language's
labelled corpus (tests/eval/corpus) with warm caches. Not collected by pytest. The machine
is shared: compare figures from one run, not across runs.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "eval"))
import eval_attribution  # noqa: E402

from sourcelight.pipeline.attribution.lemmas import lemma  # noqa: E402
from sourcelight.pipeline.attribution.lexicon import load_lexicon  # noqa: E402

RUNS = 5


def main() -> None:
    for language in ("de", "fr", "es", "ru"):
        lexicon = load_lexicon(language)
        started = time.perf_counter()
        lemma("test", language, lexicon.lemmatizer)
        load = time.perf_counter() - started
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            pairs = eval_attribution.run(language)
            times.append(time.perf_counter() - started)
        print(f"{language}: {lexicon.lemmatizer:9} first lookup (dictionary load) {load * 1000:7.0f} ms; "
              f"corpus of {len(pairs)} sentences attributed in {statistics.median(times) * 1000:6.1f} ms (median of {RUNS})")


if __name__ == "__main__":
    main()
