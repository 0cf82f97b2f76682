"""The engine's scores on the labelled corpora must not fall below the floors pinned in
baseline.json (measured scores minus a small margin): "corpus" is the development corpus,
"holdout" sentences written after the engine and kept out of its tuning (baseline.json
says which English ones were looked at later). Reproduce the figures with
`.venv/bin/python tests/eval/eval_attribution.py [--corpus tests/eval/holdout]`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import eval_attribution  # noqa: E402

HERE = Path(__file__).parent
BASELINE = json.loads((HERE / "baseline.json").read_text(encoding="utf-8"))
FOLDERS = {"corpus": eval_attribution.CORPUS, "holdout": HERE / "holdout"}

METRICS = {
    "kind_macro_f1": lambda m: m["kind_macro_f1"],
    "kind_accuracy": lambda m: m["kind_accuracy"],
    "detection_f1": lambda m: m["detection"]["f1"],
    "detection_precision": lambda m: m["detection"]["precision"],
    "source_overlap_f1": lambda m: m["source_overlap"]["f1"],
    "unnamed_recall": lambda m: m["unnamed_recall"],
    "cue_f1": lambda m: m["cue"]["f1"],
    "non_response_f1": lambda m: m["non_response"]["f1"],
}
FLOORS = [(corpus, language, metric, floor)
          for corpus in FOLDERS for language, floors in BASELINE[corpus].items()
          for metric, floor in floors.items()]


@pytest.fixture(scope="module")
def scores():
    return {corpus: {language: eval_attribution.score(eval_attribution.run(language, folder))
                     for language in eval_attribution.languages(folder)}
            for corpus, folder in FOLDERS.items()}


def test_every_corpus_language_has_floors_and_enough_sentences(scores):
    for corpus, folder in FOLDERS.items():
        assert set(BASELINE[corpus]) == set(eval_attribution.languages(folder))
    development = scores["corpus"]
    assert development["en"]["sentences"] >= 250
    assert all(development[language]["sentences"] >= 50 for language in ("de", "fr", "es", "ru"))
    assert sum(s["sentences"] for s in development.values()) >= 400


@pytest.mark.parametrize(("corpus", "language", "metric", "floor"), FLOORS,
                         ids=[f"{c}-{lang}-{m}" for c, lang, m, _ in FLOORS])
def test_score_stays_above_its_floor(scores, corpus, language, metric, floor):
    measured = METRICS[metric](scores[corpus][language])
    assert measured >= floor, f"{corpus} {language} {metric}: {measured} < floor {floor}"


@pytest.mark.parametrize("corpus", list(FOLDERS))
def test_corpus_labels_use_the_taxonomy(corpus):
    kinds = set(eval_attribution.KINDS)
    for language in eval_attribution.languages(FOLDERS[corpus]):
        for records in eval_attribution.load_articles(language, FOLDERS[corpus]):
            for record in records:
                assert record["kind"] in kinds
                assert record["kind"] != "unattributed" or record["source"] is None
