"""Lexicons: every shipped file passes the closed schema and is in canonical form, and the
schema turns away the mistakes a contributor is likely to make."""
from __future__ import annotations

import copy
import tomllib

import pytest

from sourcelight.pipeline.attribution.lexicon import available_languages, compile_lexicon, lexicon_path, load_lexicon
from sourcelight.pipeline.attribution.lexicon_schema import SCHEMA, LexiconError, canonical_words

LANGUAGES = available_languages()


def _data(language: str) -> dict:
    return tomllib.loads(lexicon_path(language).read_text(encoding="utf-8"))


def test_the_five_languages_ship_a_lexicon():
    assert {"en", "de", "fr", "es", "ru"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_loads_and_names_its_language(language):
    lexicon = load_lexicon(language)
    assert lexicon is not None and lexicon.language == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_lexicon_is_in_canonical_form(language):
    data = _data(language)
    for section, keys in SCHEMA.items():
        for key, kind in keys.items():
            if kind == "words":
                words = data[section][key]
                assert words == canonical_words(words), f"{language}: {section}.{key} is not sorted/unique"
    phrases = list(data["back_references"])
    assert phrases == canonical_words(phrases)


def _broken(mutate):
    data = copy.deepcopy(_data("en"))
    mutate(data)
    return data


@pytest.mark.parametrize("mutate", [
    lambda d: d.pop("flags"),
    lambda d: d.update(extra={"x": []}),
    lambda d: d["cues"].update(speach=["said"]),
    lambda d: d["cues"].pop("speech"),
    lambda d: d["cues"].update(speech="said"),
    lambda d: d["cues"].update(speech=["said", ""]),
    lambda d: d["cues"].update(speech=["said", 3]),
    lambda d: d["quotes"].update(pairs=[["“"]]),
    lambda d: d["meta"].update(name=""),
    lambda d: d["back_references"].update({"the report": {"refers_to": ["newspaper"], "fallback": "media"}}),
    lambda d: d["back_references"].update({"the report": {"refers_to": ["media"], "fallback": "outlet"}}),
    lambda d: d["back_references"].update({"the report": {"refers_to": ["media"]}}),
    lambda d: d["grammar"].update(contractions=[["did not"]]),
    lambda d: d["gender"].update(neutral_first_names=["Alexis"]),
    lambda d: d["gender"].pop("masculine_pronouns"),
    lambda d: d["gender"].update(feminine_first_names="Laurie"),
], ids=["missing-section", "unknown-section", "unknown-key", "missing-key", "string-not-list",
        "empty-word", "non-string-word", "bad-quote-pair", "empty-name", "unknown-kind",
        "unknown-fallback", "missing-fallback", "contraction-not-a-pair", "unknown-gender-key",
        "missing-gender-key", "first-names-not-a-list"])
def test_schema_rejects_broken_lexicons(mutate):
    with pytest.raises(LexiconError):
        compile_lexicon(_broken(mutate), "broken.toml")


def test_a_negation_listed_one_way_matches_the_other_way():
    data = _data("en")
    data["flags"]["non_responses"] = ["did not return calls", "wouldn't say"]
    lexicon = compile_lexicon(data, "en.toml")
    for text in ("The mayor didn’t return calls.", "The mayor did not return calls.",
                 "The mayor would not say.", "The mayor wouldn't say."):
        assert lexicon.find("non_responses", text), text
    assert not lexicon.find("non_responses", "The mayor did not return to the council.")


@pytest.mark.parametrize("language", ["xx", "", None, "../en", "EN"])
def test_unknown_or_malformed_language_has_no_lexicon(language):
    assert load_lexicon(language) is None
