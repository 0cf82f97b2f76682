"""Language detection: deterministic, hint used only when unsure, confidence reported."""
from __future__ import annotations

import pytest

from sourcelight.pipeline.language import detect_language, normalize_language_tag

SAMPLES = {
    "en": "The minister said on Monday that the government would not raise taxes this year, despite pressure.",
    "de": "Der Minister sagte am Montag, die Regierung werde die Steuern in diesem Jahr trotz des Drucks nicht erhöhen.",
    "fr": "Le ministre a déclaré lundi que le gouvernement n'augmenterait pas les impôts cette année, malgré la pression.",
    "es": "El ministro dijo el lunes que el gobierno no subiría los impuestos este año, a pesar de la presión.",
    "ru": "Министр заявил в понедельник, что правительство не будет повышать налоги в этом году, несмотря на давление.",
}


@pytest.mark.parametrize(("language", "text"), SAMPLES.items())
def test_detects_each_supported_language_confidently(language, text):
    guess = detect_language(text)
    assert guess.language == language
    assert guess.confidence > 0.9


def test_same_text_same_answer():
    text = "Short mixed text avec quelques mots und etwas Deutsch."
    assert len({detect_language(text) for _ in range(5)}) == 1


def test_page_lang_attribute_is_only_a_hint():
    # A page mislabelled lang="de" whose text is plainly English stays English.
    assert detect_language(SAMPLES["en"], hint="de").language == "en"


def test_hint_decides_when_the_text_is_too_short():
    assert detect_language("OK", hint="fr-FR").language == "fr"
    assert detect_language("OK").language == "und"


def test_forced_language_wins():
    guess = detect_language(SAMPLES["en"], forced="de")
    assert (guess.language, guess.confidence) == ("de", 1.0)


@pytest.mark.parametrize(("tag", "code"), [("en-US", "en"), ("pt_BR", "pt"), ("DE", "de"), ("", None), ("x!", None)])
def test_language_tags_are_normalized(tag, code):
    assert normalize_language_tag(tag) == code
