"""Whether an anonymous source's anonymity is explained, in each language with a lexicon
(the same behaviour as English: the reason where the article gives one, "" where it does
not). Sentences written for this test."""
from __future__ import annotations

import pytest

from attribution_articles import build_article
from sourcelight.pipeline.attribution import attribute_article

EXPLAINED = [
    ("de", "Ein Beamter, der anonym bleiben wollte, sagte, weil er nicht befugt sei, öffentlich zu sprechen, "
           "die Ermittlungen liefen seit Monaten.", "weil er nicht befugt"),
    ("fr", "Un responsable, qui a requis l'anonymat car il n'est pas autorisé à s'exprimer, a déclaré que "
           "l'enquête durait depuis des mois.", "car il n'est pas autorisé"),
    ("es", "Un funcionario, que pidió el anonimato porque no está autorizado a hablar, dijo que la "
           "investigación dura desde hace meses.", "porque no está autorizado"),
    ("ru", "Чиновник, пожелавший остаться неназванным, поскольку не уполномочен говорить с прессой, сообщил, "
           "что проверка идёт несколько месяцев.", "поскольку не уполномочен"),
]
UNEXPLAINED = [
    ("de", "Ein Beamter, der anonym bleiben wollte, sagte, die Ermittlungen liefen seit Monaten."),
    ("fr", "Un responsable, qui a requis l'anonymat, a déclaré que l'enquête durait depuis des mois."),
    ("es", "Un funcionario, que pidió el anonimato, dijo que la investigación dura desde hace meses."),
    ("ru", "Чиновник, пожелавший остаться неназванным, сообщил, что проверка идёт несколько месяцев."),
]


def _claim(language: str, sentence: str):
    article, sentences = build_article([[sentence]])
    return attribute_article(article, sentences, language)[0]


@pytest.mark.parametrize(("language", "sentence", "reason"), EXPLAINED, ids=[c[0] for c in EXPLAINED])
def test_the_reason_for_anonymity_is_reported(language, sentence, reason):
    claim = _claim(language, sentence)
    assert claim.sourcing.kind.value == "anonymous"
    assert claim.anonymity_reason.startswith(reason)


@pytest.mark.parametrize(("language", "sentence"), UNEXPLAINED, ids=[c[0] for c in UNEXPLAINED])
def test_anonymity_without_a_reason_says_none_is_given(language, sentence):
    claim = _claim(language, sentence)
    assert claim.sourcing.kind.value == "anonymous"
    assert claim.anonymity_reason == ""
