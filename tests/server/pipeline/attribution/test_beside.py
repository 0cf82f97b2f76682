"""The recogniser run beside the parser (in a helper process, or in a second thread) gives
each sentence the parse and names that one nlp.pipe over the whole model gives it, and a
page keeps its notes when the helper dies."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sourcelight.pipeline.attribution import beside, helper_process, parser

ROOT = Path(__file__).resolve().parents[4]
SERVER = ROOT / "server"
WIRE_PAGE = ROOT / "tests" / "fixtures" / "pages" / "wire-reuters-style" / "source.html"

# An article's sentences, enough of them for the second core: people, bodies, places,
# dates and money for the recogniser, quotes and clauses for the parser.
SENTENCES = [
    "Harbour Point Partners said on Tuesday that it would close its Leeds office by March.",
    "“We did not take this decision lightly,” said Dana Okafor, the firm's chief executive.",
    "The GMB union, which represents 340 of the staff, called the move a betrayal.",
    "Lee Park, a regional organiser, said members had been told nothing until Monday.",
    "According to a filing with Companies House, the firm lost £4.2 million last year.",
    "A spokeswoman for Leeds City Council declined to comment.",
    "Two people familiar with the talks said a buyer from Rotterdam had walked away.",
    "Mr. Okafor told the Yorkshire Post that the Leeds staff would be offered jobs in Manchester.",
    "The Department for Business did not respond to a request for comment.",
]
# Sentences read for their names alone.
NAMES_ONLY = ["The office opened in 1998 under Margaret Ellison.", "Rotterdam Holdings owns two sites."]


def _annotations(doc):
    tokens = [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.ent_iob_, t.ent_type_)
              for t in doc]
    return tokens, [(e.start, e.end, e.label_) for e in doc.ents]


def test_the_recogniser_in_a_second_thread_gives_what_one_pipe_gives(monkeypatch):
    monkeypatch.setattr(helper_process, "can_fork", lambda: False)
    monkeypatch.setattr(beside, "_helpers", {})
    nlp = parser.load_parser("en")
    assert len(SENTENCES) >= beside.MIN_SENTENCES_BESIDE
    assert beside._recogniser_stands_alone(nlp)
    together = [_annotations(doc) for doc in nlp.pipe(SENTENCES)]
    parses, named = beside.parse_all(nlp, SENTENCES, batch_size=4, names_only=NAMES_ONLY)
    assert [_annotations(doc) for doc in parses] == together
    assert any(label == "PERSON" for _, names in map(_annotations, parses) for _, _, label in names)
    alone = [[(e.text, e.label_) for e in doc.ents] for doc in nlp.pipe(NAMES_ONLY)]
    assert [[(e.text, e.label_) for e in doc.ents] for doc in named] == alone


# Run in a fresh interpreter: a helper is forked only from a process with one thread, which
# pytest's may not be. Prints what each parse gave, and the claims of a page annotated with
# the helper, just after it was killed, with the helper forked in its place, and with the
# recogniser in a thread.
_SCRIPT = r"""
import json, os, signal, sys, threading
from sourcelight import annotate
from sourcelight.pipeline.attribution import beside, parser

sentences, names_only, page = json.loads(sys.stdin.read())
nlp = parser.load_parser("en")

def annotations(doc):
    return [[t.text, t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_] for t in doc]

def claims():
    article = annotate(page, "https://example.com/news/harbour-point")
    return [[c.text, repr(c.sourcing)] for c in article.claims]

beside.start_helper(nlp)
helper = beside._helpers.get(id(nlp))
out = {"forked": helper is not None and helper.alive}
parses, named = beside.parse_all(nlp, sentences, 4, names_only)
out["parses"] = [annotations(d) for d in parses]
out["names_only"] = [[[e.text, e.label_] for e in d.ents] for d in named]
out["one_pipe"] = [annotations(d) for d in nlp.pipe(sentences)]
out["one_pipe_names"] = [[[e.text, e.label_] for e in d.ents] for d in nlp.pipe(names_only)]
out["with_helper"] = claims()
out["helper_served"] = helper.alive
os.kill(helper.pid, signal.SIGKILL)
out["after_kill"] = claims()
out["gave_up_on_it"] = not helper.alive
out["next_page"] = claims()
replacement = beside._helpers[id(nlp)]
out["forked_again"] = replacement is not helper and replacement.alive
threading.Thread(target=threading.Event().wait, daemon=True).start()  # no fork from here on
replacement.stop()
out["in_a_thread"] = claims()
print(json.dumps(out))
"""


def test_the_recogniser_in_a_helper_process_gives_what_one_pipe_gives_and_survives_its_death():
    if not sys.platform.startswith("linux"):
        return  # helpers are forked on Linux only; elsewhere the thread above is the path
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SERVER), os.environ.get("PYTHONPATH", "")]))
    given = json.dumps([SENTENCES, NAMES_ONLY, WIRE_PAGE.read_text(encoding="utf-8")])
    run = subprocess.run([sys.executable, "-c", _SCRIPT], input=given, capture_output=True, text=True,
                         env=env, timeout=300, check=True)
    out = json.loads(run.stdout.splitlines()[-1])
    assert out["forked"] and out["helper_served"]
    assert out["parses"] == out["one_pipe"]
    assert out["names_only"] == out["one_pipe_names"]
    assert any(kind == "PERSON" for names in out["names_only"] for _, kind in names)
    # The page's notes are the same whichever way the names were found.
    assert any("NAMED_PERSON" in sourcing for _, sourcing in out["with_helper"])
    assert out["with_helper"] == out["after_kill"] == out["next_page"] == out["in_a_thread"]
    assert out["gave_up_on_it"] and out["forked_again"]
