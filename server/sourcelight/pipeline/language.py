"""Language detection: which language an article is written in, and how sure we are.

langdetect's profiles load when this module is imported (the server imports it at start),
so the first request does not pay for them; its seed is fixed so the same text always
gives the same answer.
"""
from __future__ import annotations

import re

from langdetect import DetectorFactory, detector_factory
from langdetect.lang_detect_exception import LangDetectException

from sourcelight.pipeline.model import LanguageGuess

__all__ = ["detect_language", "normalize_language_tag", "UNDETERMINED"]

UNDETERMINED = "und"
# Enough text to be sure; more only costs time (langdetect samples n-grams anyway).
SAMPLE_CHARS = 700
# Below this, a page's own lang attribute is a better guide than the detector.
MIN_CONFIDENCE = 0.80
# Fewer letters than this and detection is noise.
MIN_LETTERS = 20

DetectorFactory.seed = 0
detector_factory.init_factory()

_LANG_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


def normalize_language_tag(tag: str | None) -> str | None:
    """'en-US' → 'en', 'pt_BR' → 'pt'; None for anything that is not a language tag."""
    if not tag:
        return None
    match = _LANG_TAG.match(tag.strip())
    return match.group(1).lower() if match else None


def detect_language(text: str, *, hint: str | None = None, forced: str | None = None) -> LanguageGuess:
    """Guess the language of ``text``.

    ``forced`` wins outright (confidence 1.0). ``hint`` (the page's lang attribute) is used
    only when the text is too short or the detector unsure. Never raises.
    """
    forced_code = normalize_language_tag(forced)
    if forced_code:
        return LanguageGuess(forced_code, 1.0)
    hint_code = normalize_language_tag(hint)
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return LanguageGuess(hint_code or UNDETERMINED, 0.0)
    try:
        detector = detector_factory._factory.create()
        detector.append(sample)
        candidates = detector.get_probabilities()
    except LangDetectException:
        return LanguageGuess(hint_code or UNDETERMINED, 0.0)
    if not candidates:
        return LanguageGuess(hint_code or UNDETERMINED, 0.0)
    best = candidates[0]
    code = normalize_language_tag(best.lang) or UNDETERMINED
    confidence = round(float(best.prob), 4)
    if confidence < MIN_CONFIDENCE and hint_code:
        hinted = next((c for c in candidates if normalize_language_tag(c.lang) == hint_code), None)
        return LanguageGuess(hint_code, round(float(hinted.prob), 4) if hinted else confidence)
    return LanguageGuess(code, confidence)
