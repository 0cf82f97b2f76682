"""The annotator pool: real worker processes, typed errors carried over, budgets enforced."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from sourcelight.errors import NoArticleFound, ProcessingTimeout
from sourcelight.pipeline.options import PipelineOptions
from sourcelight.workers import AnnotatorPool
from tests.helpers.server import start_server

OPTIONS = PipelineOptions()
SEED = Path(__file__).parents[1] / "fixtures" / "pages" / "seed-sputnik-iran-missiles" / "source.html"
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
        self._loaded = loaded
        self.usable = True

    def loaded(self) -> bool:
        return self._loaded


def test_a_page_goes_to_a_worker_that_has_loaded_not_to_one_still_loading():
    pool = AnnotatorPool(2)
    loading, ready = _StandInWorker(loaded=False), _StandInWorker(loaded=True)
    pool._idle.extend([loading, ready])  # the order right after start: the second began loading later
    assert pool._take_worker() is ready
    assert pool._take_worker() is loading  # with no loaded worker left, the page waits for one


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_workers_do_not_outlive_a_server_killed_while_they_start(tmp_path):
    # Killed (kill -9, a crash) right after its first page, while its second worker is still
    # loading: no worker may stay behind holding a model's memory for good.
    server = start_server(tmp_path)
    try:
        workers = _children(server.process.pid)
        status, _, _ = server.request("POST", "/api/v1/articles", {"url": "https://e.example/k", "html": SEED.read_text()})
        assert status == 201
        workers |= _children(server.process.pid)
    finally:
        server.kill()
    assert workers
    deadline = time.monotonic() + 60
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)]
