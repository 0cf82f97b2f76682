"""The annotator pool: real worker processes, typed errors carried over, budgets enforced."""
from __future__ import annotations

import threading
import time

import pytest

from sourcelight.errors import NoArticleFound, ProcessingTimeout
from sourcelight.pipeline.options import PipelineOptions
from sourcelight.workers import AnnotatorPool

OPTIONS = PipelineOptions()
TEXT = "The council said the bridge would reopen in May.\n\nCritics say the repairs were rushed."
SLOW_PAGE = "<html><body><article>" + "".join(
    f"<p>Paragraph {i} of a very long page says the officials reported that costs rose again.</p>" for i in range(9000)
) + "</article></body></html>"


@pytest.fixture(scope="module")
def pool():
    pool = AnnotatorPool(1, transfer_slack_seconds=0.0)
    yield pool
    pool.close()


def test_annotates_in_a_worker_and_returns_the_article(pool):
    article = pool.annotate("text", TEXT, budget_seconds=30, wait_seconds=5, url="https://e.example/a", options=OPTIONS)
    assert [c.text for c in article.claims][:1] == ["The council said the bridge would reopen in May."]


def test_pipeline_errors_keep_their_type_and_message(pool):
    with pytest.raises(NoArticleFound, match="empty"):
        pool.annotate("html", "   ", budget_seconds=30, wait_seconds=5, options=OPTIONS)


def test_a_page_over_its_budget_is_abandoned_and_the_next_page_still_works(pool):
    started = time.monotonic()
    with pytest.raises(ProcessingTimeout):
        pool.annotate("html", SLOW_PAGE, budget_seconds=0.3, wait_seconds=5, url="https://e.example/slow", options=OPTIONS)
    assert time.monotonic() - started < 5
    article = pool.annotate("text", TEXT, budget_seconds=30, wait_seconds=5, options=OPTIONS)
    assert article.claims


class _StandInWorker:
    """A worker as the pool sees it, without a process: loaded or still loading its models."""

    def __init__(self, loaded: bool) -> None:
        self.loaded = threading.Event()
        if loaded:
            self.loaded.set()
        self.usable = True


def test_a_page_goes_to_a_worker_that_has_loaded_not_to_one_still_loading():
    pool = AnnotatorPool(2)
    loading, ready = _StandInWorker(loaded=False), _StandInWorker(loaded=True)
    pool._idle.extend([loading, ready])  # the order right after start: the second began loading later
    assert pool._take_worker() is ready
    assert pool._take_worker() is loading  # with no loaded worker left, the page waits for one
