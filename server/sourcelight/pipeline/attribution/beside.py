"""Parse sentences with the named-entity recogniser running beside the parser, on a second core.

In the small English model the recogniser reads the words through a tok2vec of its own and
nothing the tagger or parser sets, and it costs more than they do together. Run on copies of
the same tokens in a helper process (helper_process.py) or, where there is none, a second
thread, the recogniser's names are then copied onto the parses: the same tags, parse and
names, except that a name may now run over a sentence break the parser put inside a
sentence ("… Trump Supporter Who Was in a Hospital", a Title Case headline). On the 2-core
machine an 800-word article's parse takes about 75 ms so, against 140 ms in one thread and
115 ms with the recogniser in a second thread (most of its work holds the GIL).
"""
from __future__ import annotations

import functools
import os
import threading
from concurrent.futures import ThreadPoolExecutor

from sourcelight.pipeline.attribution import helper_process

RECOGNISER = "ner"
LISTENER = "tok2vec-listener"  # spaCy's name for a layer that reads another pipe's tok2vec
# Below this many sentences a second core costs more than it saves.
MIN_SENTENCES_BESIDE = 8
# The share of the recogniser's work a helper process takes. The tagger, parser and their
# tok2vec cost about four fifths of the recogniser (63 against 80 ms for an 800-word article
# on the 2-core machine), so with nine tenths of it in the helper both cores finish together.
HELPER_SHARE = 0.9


def parse_all(nlp, texts: list[str], batch_size: int, names_only: list[str] = ()) -> tuple[list, list]:
    """One parse per text, as ``nlp.pipe`` gives it, and the recogniser's names alone for
    each of ``names_only`` (a Doc with entities and no parse)."""
    names_only = list(names_only)
    if len(texts) < MIN_SENTENCES_BESIDE or not _second_core_helps(nlp):
        return (list(nlp.pipe(texts, batch_size=batch_size)),
                list(nlp.pipe(names_only, batch_size=batch_size, disable=_all_but_recogniser(nlp))))
    from spacy.attrs import ENT_IOB, ENT_TYPE

    # The tokenizer adds words to the vocabulary: every Doc is made here, in this thread.
    words = [nlp.make_doc(t) for t in texts]
    every = list(texts) + names_only
    named = [nlp.make_doc(t) for t in every]
    recogniser = nlp.get_pipe(RECOGNISER)
    share = _helper_share(named)
    helper = _helper_asked(nlp, every[:share], batch_size)
    if helper is not None:
        parses = list(nlp.pipe(words, batch_size=batch_size, disable=(RECOGNISER,)))
        named[share:] = recogniser.pipe(named[share:], batch_size=batch_size)
        names = helper.answer()
        if names is not None and len(names) == share and all(len(a) == len(d) for a, d in zip(names, named)):
            for doc, array in zip(named, names):
                doc.from_array([ENT_IOB, ENT_TYPE], array)
        else:
            named[:share] = recogniser.pipe(named[:share], batch_size=batch_size)
    else:
        pending = _pool().submit(lambda: list(recogniser.pipe(named, batch_size=batch_size)))
        parses = list(nlp.pipe(words, batch_size=batch_size, disable=(RECOGNISER,)))
        named = pending.result()
    for parse, names in zip(parses, named):
        parse.from_array([ENT_IOB, ENT_TYPE], names.to_array([ENT_IOB, ENT_TYPE]))
    return parses, named[len(texts):]


def _helper_share(docs: list) -> int:
    """How many of ``docs``, from the first, the helper finds the names in: HELPER_SHARE of
    the words."""
    words = sum(len(doc) for doc in docs)
    taken = 0
    for count, doc in enumerate(docs):
        if taken >= HELPER_SHARE * words:
            return count
        taken += len(doc)
    return len(docs)


def start_helper(nlp) -> None:
    """Fork the recogniser's helper process now if it may be (helper_process.py): a worker
    calls this at start, so that no page waits for the fork."""
    _helper(nlp)


def _helper_asked(nlp, texts: list[str], batch_size: int) -> helper_process.RecogniserHelper | None:
    """The helper that took ``texts``, or None (one found gone is replaced, if it may be)."""
    for _ in range(2):
        helper = _helper(nlp)
        if helper is None:
            return None
        if helper.ask(texts, batch_size):
            return helper
        if helper.alive:
            return None  # busy with another thread's page
    return None


def _helper(nlp) -> helper_process.RecogniserHelper | None:
    """The live helper for ``nlp``, forked now if there is none and it may be."""
    with _helpers_lock:
        helper = _helpers.get(id(nlp))
        if helper is not None and helper.alive:
            return helper
        if not _second_core_helps(nlp) or not helper_process.can_fork():
            return None
        helper = _helpers[id(nlp)] = helper_process.RecogniserHelper(nlp, RECOGNISER)
        return helper


def _all_but_recogniser(nlp) -> tuple[str, ...]:
    return tuple(name for name in nlp.pipe_names if name != RECOGNISER)


def _second_core_helps(nlp) -> bool:
    """There is a second core, and the recogniser can run on it apart from the parser."""
    return (os.cpu_count() or 1) >= 2 and _recogniser_stands_alone(nlp)


@functools.cache
def _recogniser_stands_alone(nlp) -> bool:
    """The recogniser is last and has a tok2vec of its own (it does not listen to the
    shared one, which would make it wait for the tok2vec pipe)."""
    if not nlp.pipe_names or nlp.pipe_names[-1] != RECOGNISER:
        return False
    model = nlp.get_pipe(RECOGNISER).model
    return not any(layer.name == LISTENER for layer in model.walk())


_helpers: dict[int, helper_process.RecogniserHelper] = {}  # by id() of the pipeline, loaded once per process
_helpers_lock = threading.Lock()


@functools.cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="sourcelight-recogniser")
