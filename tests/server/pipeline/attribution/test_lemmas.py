"""Cue verbs by lemma: a lexicon lists "sagen" once and every inflected form is a cue, in
each language with a lemmatizer; words the lists do not hold are no cues."""
from __future__ import annotations

import copy
import tomllib

import pytest

from sourcelight.pipeline.attribution.lexicon import compile_lexicon, lexicon_path, load_lexicon
from sourcelight.pipeline.attribution.lexicon_schema import LexiconError


@pytest.mark.parametrize(("language", "sentence", "cue"), [
    ("de", "Die Ministerin erzählte von ihrer Reise.", "erzählte"),
    ("de", "Die Ärzte schilderten eine angespannte Lage.", "schilderten"),
    ("fr", "Les habitants racontent une nuit d'angoisse.", "racontent"),
    ("fr", "La directrice déplorait un manque de moyens.", "déplorait"),
    ("es", "Los vecinos relataron una noche de miedo.", "relataron"),
    ("es", "La alcaldesa lamentaba la falta de ayudas.", "lamentaba"),
    ("ru", "Жительница призналась, что боится.", "призналась"),
    ("ru", "Депутаты заявили о поддержке закона.", "заявили"),
    ("ru", "Министр рассказала о планах.", "рассказала"),
])
def test_every_form_of_a_listed_lemma_is_a_cue(language, sentence, cue):
    lexicon = load_lexicon(language)
    assert cue in [m.group() for m in lexicon.find("speech", sentence)]


@pytest.mark.parametrize(("language", "sentence"), [
    ("de", "Der Bericht liegt der Zeitung vor."),
    ("ru", "Иран передал ракеты ополченцам."),
    ("es", "La empresa cerró la fábrica."),
])
def test_verbs_whose_lemma_is_not_listed_are_no_cues(language, sentence):
    assert load_lexicon(language).find("speech", sentence) == ()


def _data(language: str) -> dict:
    return tomllib.loads(lexicon_path(language).read_text(encoding="utf-8"))


@pytest.mark.parametrize("mutate", [
    lambda d: d["grammar"].update(lemmatizer="stemmer"),
    lambda d: d["grammar"].pop("lemmatizer"),
    lambda d: d["grammar"].update(source_forms="inflected"),
    lambda d: d["cues"].update(speech_lemmas="sagen"),
], ids=["unknown-lemmatizer", "missing-lemmatizer", "unknown-source-forms", "lemmas-not-a-list"])
def test_schema_rejects_a_broken_lemma_setup(mutate):
    data = copy.deepcopy(_data("de"))
    mutate(data)
    with pytest.raises(LexiconError):
        compile_lexicon(data, "broken.toml")
