"""A process forked from this one that runs the named-entity recogniser for it (beside.py).

A thread beside the parser gains a seventh to a quarter of the parse time: most of the
recogniser's work holds the GIL. A second process takes all of it off the parser's core.
Forked, not spawned, once the model is loaded: the child has the same model and tokenizer
without loading them again (a second or more) and shares their memory until written.
Forking copies only the calling thread, and a lock another thread held would stay locked in
the child for ever; so a helper is forked only while the process runs one thread (an
annotator worker at warm-up, the command line), and only where fork is the platform's own
way to start processes (Linux: macOS's system libraries are not fork-safe). Everywhere
else, and whenever a helper is busy, gone or slow, beside.py runs the recogniser itself.
"""
from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from multiprocessing.connection import Pipe

log = logging.getLogger(__name__)

# How long a request may wait for the helper's names before the caller gives up on it and
# finds them itself (the most a page may ask is ~2,000 sentences: a few seconds).
ANSWER_SECONDS = 30.0
_OWN_DESCRIPTORS = "/proc/self/fd"  # Linux's list of a process's open files


class RecogniserHelper:
    """One forked child that runs ``nlp``'s recogniser on texts sent to it, one request at a time."""

    def __init__(self, nlp, recogniser: str) -> None:
        ours, theirs = Pipe()
        pid = os.fork()
        if pid == 0:  # the child: serve until the parent closes its end (or dies)
            try:
                ours.close()
                # Only its own pipe and the standard streams: a copy of the parent's connections
                # (a worker's pipe to the server, a database) would keep them open past the parent.
                _close_all_but(theirs.fileno())
                _serve(nlp, recogniser, theirs)
            finally:
                os._exit(1)  # never return into the parent's code
        theirs.close()
        self.pid = pid
        self._connection = ours
        self._lock = threading.Lock()
        self.alive = True

    def ask(self, texts: list[str], batch_size: int) -> bool:
        """Send ``texts`` for their names, to be collected with answer(); False, with nothing
        sent, when another thread has the helper or it is gone."""
        if not self.alive or not self._lock.acquire(blocking=False):
            return False
        try:
            self._connection.send((texts, batch_size))
            return True
        except (OSError, ValueError) as error:
            self._give_up(error)
            self._lock.release()
            return False

    def answer(self) -> list | None:
        """The ENT_IOB/ENT_TYPE array of each text asked about, or None if the helper failed."""
        try:
            if not self._connection.poll(ANSWER_SECONDS):
                self._give_up(TimeoutError(f"no answer in {ANSWER_SECONDS:g} s"))
                return None
            status, value = self._connection.recv()
        except (OSError, EOFError, ValueError) as error:
            self._give_up(error)
            return None
        finally:
            self._lock.release()
        if status != "ok":
            log.warning("the recogniser's helper process failed on a page: %s", value)
            return None
        return value

    def stop(self) -> None:
        self.alive = False
        self._connection.close()
        _reap(self.pid)

    def _give_up(self, error: Exception) -> None:
        log.warning("the recogniser's helper process is gone (%s); the recogniser runs in this process", error)
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:
            pass
        self.stop()


def can_fork() -> bool:
    """Whether a helper may be forked here and now (see the module's docstring)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and os.path.isdir(_OWN_DESCRIPTORS) \
        and threading.active_count() == 1


def _serve(nlp, recogniser: str, connection) -> None:
    # Ctrl-C reaches the whole process group; the parent decides when we stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from spacy.attrs import ENT_IOB, ENT_TYPE

    pipe = nlp.get_pipe(recogniser)
    code = 0
    try:
        while True:
            try:
                texts, batch_size = connection.recv()
            except (EOFError, OSError):
                break
            try:
                docs = pipe.pipe((nlp.make_doc(text) for text in texts), batch_size=batch_size)
                answer = ("ok", [doc.to_array([ENT_IOB, ENT_TYPE]) for doc in docs])
            except Exception as error:  # noqa: BLE001 - the parent runs the recogniser itself
                answer = ("error", f"{type(error).__name__}: {error}")
            connection.send(answer)
    except BaseException:  # noqa: BLE001 - nothing of the parent's may run in the child
        code = 1
    # Not the parent's exit handlers, nor a flush of the buffers it had when forked.
    os._exit(code)


def _close_all_but(kept: int) -> None:
    for name in os.listdir(_OWN_DESCRIPTORS):
        fd = int(name)
        if fd > 2 and fd != kept:
            try:
                os.close(fd)
            except OSError:
                pass  # (the descriptor listdir itself had open)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
