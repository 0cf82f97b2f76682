"""Annotating pages in worker processes, so that a page over its time budget can be stopped.

A thread cannot be interrupted in the middle of lxml or trafilatura, and while it parses it
holds the GIL the highlight routes need. Each page therefore goes to a long-lived worker
process; when the budget runs out the worker is killed and replaced, the caller gets
ProcessingTimeout, and every other request has carried on meanwhile. The pool is shared by
every app in the process (tests create many apps; workers cost a second to start).
"""
from __future__ import annotations

import atexit
import logging
import multiprocessing
import signal
import threading
from typing import Any

from sourcelight import errors
from sourcelight.errors import ProcessingTimeout, SourcelightError

log = logging.getLogger(__name__)

# Slack on top of the pipeline's own budget for sending the page and the result over the pipe.
TRANSFER_SLACK_SECONDS = 2.0
# A worker also exits after this many pages, so a slow leak in a parser cannot grow forever.
PAGES_PER_WORKER = 500
# How long a new worker may take to import the pipeline and load its parser models. Not part
# of any page's budget: a page is timed from when a ready worker takes it.
STARTUP_SECONDS = 120.0


def _worker_main(connection) -> None:
    # Ctrl-C in the terminal reaches the whole process group; the parent decides when we stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from sourcelight.pipeline import annotate_page, annotate_text, warm_up
    from sourcelight.pipeline.attribution.parser import model_specs

    # The parser model loads once per worker, before the first page, with everything else a
    # page in a parsed language would wait for. (The rule languages load on their first page,
    # half a second: loading them while idle would make a page that comes meanwhile wait.)
    warm_up(tuple(model_specs()))
    connection.send(("ready", None))

    for _ in range(PAGES_PER_WORKER):
        try:
            job = connection.recv()
        except EOFError:
            return
        kind, payload, kwargs = job
        try:
            function = annotate_text if kind == "text" else annotate_page
            connection.send(("ok", function(payload, **kwargs)))
        except SourcelightError as error:
            connection.send(("error", (type(error).__name__, error.message, error.fields, error.retryable)))
        except Exception as error:  # noqa: BLE001 - a parser bug must not kill the worker silently
            connection.send(("crash", f"{type(error).__name__}: {error}"))


class _Worker:
    def __init__(self, context) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child,), daemon=True, name="sourcelight-annotator")
        self.process.start()
        child.close()
        self.jobs = 0
        self.ready = False

    def run(self, job: tuple, timeout: float) -> Any:
        if not self.ready:
            if not self.connection.poll(STARTUP_SECONDS):
                raise TimeoutError
            self.connection.recv()  # ("ready", None): models loaded
            self.ready = True
        self.connection.send(job)
        self.jobs += 1
        if not self.connection.poll(timeout):
            raise TimeoutError
        return self.connection.recv()

    def loaded(self, timeout: float = 0.0) -> bool:
        """Whether the worker has said it is ready, waiting up to ``timeout`` (its message is
        left for run()). The pipe, not a shared lock such as multiprocessing.Event: a server
        killed while holding that lock would leave its worker stuck forever."""
        if self.ready:
            return True
        try:
            return self.connection.poll(timeout)
        except (OSError, EOFError):
            return False  # stopped meanwhile

    @property
    def usable(self) -> bool:
        return self.process.is_alive() and self.jobs < PAGES_PER_WORKER

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()


class AnnotatorPool:
    """At most ``size`` pages annotated at once, each in its own worker process."""

    def __init__(self, size: int, *, transfer_slack_seconds: float = TRANSFER_SLACK_SECONDS) -> None:
        self._slack = transfer_slack_seconds
        self._size = size
        # spawn, not fork: the server has threads, and forking a threaded process can deadlock.
        self._context = multiprocessing.get_context("spawn")
        self._slots = threading.BoundedSemaphore(size)
        self._idle: list[_Worker] = []  # guarded by _lock
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []

    def annotate(self, kind: str, payload: str, *, budget_seconds: float, wait_seconds: float, **kwargs) -> Any:
        """Run annotate_page (kind "html") or annotate_text (kind "text") in a worker.

        Raises the pipeline's own errors, and ProcessingTimeout when every worker stays busy
        for ``wait_seconds`` or the page takes longer than ``budget_seconds``.
        """
        if not self._slots.acquire(timeout=wait_seconds):
            raise ProcessingTimeout("the server is busy annotating other pages; try again in a moment",
                                    retryable=True)
        try:
            worker = self._take_worker()
            try:
                status, value = worker.run((kind, payload, kwargs), budget_seconds + self._slack)
            except (TimeoutError, EOFError, BrokenPipeError, OSError):
                self._retire(worker)
                raise ProcessingTimeout(
                    f"the page took longer than {budget_seconds:g} seconds to process and was abandoned "
                    "(the limit is set by SOURCELIGHT_TIME_BUDGET_SECONDS)"
                ) from None
            self._give_back(worker)
        finally:
            self._slots.release()
        return _result(status, value)

    def warm(self) -> None:
        """Start the workers now, in the background, so the first page does not wait for them.

        One after the other: on a two-core machine, workers loading their models side by side
        (and beside the server starting up) make the first page wait for all of them."""
        def start() -> None:
            for _ in range(self._size):
                worker = _Worker(self._context)
                with self._lock:
                    self._workers.append(worker)
                    self._idle.append(worker)
                worker.loaded(STARTUP_SECONDS)

        threading.Thread(target=start, name="sourcelight-warm-workers", daemon=True).start()

    def close(self) -> None:
        with self._lock:
            workers, self._workers = self._workers, []
            self._idle.clear()
        for worker in workers:
            worker.stop()

    def _take_worker(self) -> _Worker:
        while True:
            with self._lock:
                # A worker that has loaded its models before one still loading them (just
                # after start, the first page must not queue behind the second worker's start).
                worker = next((w for w in self._idle if w.loaded()), None) \
                    or (self._idle[0] if self._idle else None)
                if worker is not None:
                    self._idle.remove(worker)
            if worker is None:
                worker = _Worker(self._context)
                with self._lock:
                    self._workers.append(worker)
                return worker
            if worker.usable:
                return worker
            self._retire(worker)

    def _give_back(self, worker: _Worker) -> None:
        if worker.usable:
            with self._lock:
                self._idle.append(worker)
        else:
            self._retire(worker)

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            if worker in self._workers:
                self._workers.remove(worker)


def _result(status: str, value: Any) -> Any:
    if status == "ok":
        return value
    if status == "error":
        name, message, fields, retryable = value
        error_type = getattr(errors, name, SourcelightError)
        raise error_type(message, fields=fields, retryable=retryable)
    # A bug on one page: the reader gets a plain answer (not a 500), the log gets the details.
    log.error("annotation worker failed: %s", value)
    raise errors.NoArticleFound("sourcelight failed on this page because of an internal error "
                                "(the server log has the details); it cannot be shown as an article")


_pools: dict[int, AnnotatorPool] = {}
_pools_lock = threading.Lock()


def shared_pool(size: int) -> AnnotatorPool:
    """The process-wide pool of that size (created on first use, closed at exit)."""
    with _pools_lock:
        pool = _pools.get(size)
        if pool is None:
            pool = _pools[size] = AnnotatorPool(size)
            atexit.register(pool.close)
        return pool
