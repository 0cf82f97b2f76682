"""The recogniser run beside the parser gives each sentence the parse and names that one
nlp.pipe over the whole model gives it."""
from __future__ import annotations

from sourcelight.pipeline.attribution import beside, parser

# An article's sentences, enough of them for the second thread: people, bodies, places,
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


def _annotations(doc):
    tokens = [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.ent_iob_, t.ent_type_)
              for t in doc]
    return tokens, [(e.start, e.end, e.label_) for e in doc.ents]


def test_the_recogniser_beside_the_parser_gives_what_one_pipe_gives():
    nlp = parser.load_parser("en")
    assert len(SENTENCES) >= beside.MIN_SENTENCES_BESIDE
    assert beside._recogniser_stands_alone(nlp)
    together = [_annotations(doc) for doc in nlp.pipe(SENTENCES)]
    side_by_side = [_annotations(doc) for doc in beside.parse_all(nlp, SENTENCES, batch_size=4)]
    assert side_by_side == together
    assert any(label == "PERSON" for _, names in side_by_side for _, _, label in names)

