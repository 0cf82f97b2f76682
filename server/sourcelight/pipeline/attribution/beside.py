"""Parse sentences with the named-entity recogniser running beside the parser, on a second core.

In the small English model the recogniser reads the words through a tok2vec of its own and
nothing the tagger or parser sets, and it costs more than they do together; part of either
side's time is spent in matrix products and transition loops that release the GIL. Run on
copies of the same tokens in a second thread, the recogniser's names are then copied onto
the parses: an 800-word article parses in a seventh to a quarter less time (measured on the
2-core machine), with the same tags, parse and names, except that a name may now run over a
sentence break the parser put inside a sentence ("… Trump Supporter Who Was in a Hospital",
a Title Case headline).
"""
from __future__ import annotations

import functools
import os
from concurrent.futures import ThreadPoolExecutor

RECOGNISER = "ner"
LISTENER = "tok2vec-listener"  # spaCy's name for a layer that reads another pipe's tok2vec
# Below this many sentences a second thread costs more than it saves.
MIN_SENTENCES_BESIDE = 8


def parse_all(nlp, texts: list[str], batch_size: int) -> list:
    """One parse per text, as ``nlp.pipe`` gives it."""
    pool = _pool() if len(texts) >= MIN_SENTENCES_BESIDE and _recogniser_stands_alone(nlp) else None
    if pool is None:
        return list(nlp.pipe(texts, batch_size=batch_size))
    from spacy.attrs import ENT_IOB, ENT_TYPE

    # Both copies are made here: the tokenizer adds words to the vocabulary the two threads share.
    words = [nlp.make_doc(t) for t in texts]
    copies = [nlp.make_doc(t) for t in texts]
    recogniser = nlp.get_pipe(RECOGNISER)
    named = pool.submit(lambda: list(recogniser.pipe(copies, batch_size=batch_size)))
    parses = list(nlp.pipe(words, batch_size=batch_size, disable=(RECOGNISER,)))
    for parse, names in zip(parses, named.result()):
        parse.from_array([ENT_IOB, ENT_TYPE], names.to_array([ENT_IOB, ENT_TYPE]))
    return parses


@functools.cache
def _recogniser_stands_alone(nlp) -> bool:
    """The recogniser is last and has a tok2vec of its own (it does not listen to the
    shared one, which would make it wait for the tok2vec pipe)."""
    if not nlp.pipe_names or nlp.pipe_names[-1] != RECOGNISER:
        return False
    model = nlp.get_pipe(RECOGNISER).model
    return not any(layer.name == LISTENER for layer in model.walk())


@functools.cache
def _pool() -> ThreadPoolExecutor | None:
    if (os.cpu_count() or 1) < 2:
        return None
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="sourcelight-recogniser")
