"""Title Case headlines for the parser: "Howard Dean Tells Democratic Convention" reads to the
small English model as one long name, so it finds no verb and no speaker. In a sentence set in
Title Case, the capitalised cue verbs and function words are handed to the parser in lower
case ("Howard Dean tells Democratic Convention"). Only the case changes, so every offset into the parse is an
offset into the sentence, and the words shown to the reader come from the sentence itself."""
from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from sourcelight.pipeline.attribution.cue_lemmas import regular_stems
from sourcelight.pipeline.attribution.lemmas import lemma
from sourcelight.pipeline.attribution.lexicon import Lexicon

# Words this long or longer decide whether a sentence is set in Title Case: the short ones
# ("of", "to", "a") stay lower case in most headline styles.
TELLING_LENGTH = 4
# The share of those words that must be capitalised, and how many there must be.
TITLE_SHARE = 0.8
TITLE_WORDS = 3
# A run of this many telling words in lower case is running text, not a headline.
LOWER_RUN = 3

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# "Ranchi25 Bokaro10 … Details Awaited*14 | 59": names glued to figures make a table's row
# (two of them, or one among cells joined by " | "), no headline.
_GLUED_FIGURES = re.compile(r"[^\W\d_]{2,}\d+\b")


def in_title_case(text: str) -> bool:
    """ "Trump Says He Will Build The Wall", not "Senator Bernie Sanders of Vermont told CNN"
    (a sentence of names with a lower-case verb) nor a line in capitals, nor a table's row
    of names glued to figures ("DistrictCases Ranchi25 Bokaro10 … Details Awaited*14")."""
    words = [w for w in _WORD.findall(text) if len(w) >= TELLING_LENGTH]
    if len(words) < TITLE_WORDS or all(w.isupper() for w in words):
        return False
    glued = _GLUED_FIGURES.findall(text)
    if len(glued) >= 2 or (glued and " | " in text):
        return False
    capitalised = [w[0].isupper() and not w.isupper() for w in words]
    # "The other groups that signed the letter are Demand Progress, American Family Voices, …":
    # a sentence of names, with a run of lower-case words no headline style has.
    lower_run = any(not any(capitalised[i:i + LOWER_RUN]) for i in range(len(words) - LOWER_RUN + 1))
    return sum(capitalised) >= TITLE_SHARE * len(words) and not lower_run


@functools.cache
def function_words(language: str) -> frozenset[str]:
    """The language's function words as spaCy lists them ("is", "the", "to", "now"): a
    Title Case "Is Now Calling Obama The …" reads as names until they are in lower case.

    Read from the list's own file: importing spacy.lang.fr to reach it compiles the French
    tokenizer's exceptions, 2 to 4 seconds that the first French page spent inside its time
    budget (the language package itself is not otherwise needed: French has no parser)."""
    spec = importlib.util.find_spec("spacy")
    listed = Path(spec.submodule_search_locations[0], "lang", language, "stop_words.py") if spec else None
    if listed is None or not listed.is_file():
        import spacy.util

        return frozenset(spacy.util.get_lang_class(language).Defaults.stop_words)
    module = importlib.util.module_from_spec(importlib.util.spec_from_file_location(f"_stop_words_{language}", listed))
    module.__spec__.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


def for_parser(text: str, lexicon: Lexicon) -> str:
    """The sentence as the parser should see it: unchanged, except that in a Title Case
    headline, after its first word, capitalised cue verbs and function words are in lower
    case. Only inflected cue verbs ("Says", "Warned", "Calling"): a bare "Post" or "Report" is
    as often a name's ("NY Post: …")."""
    if lexicon.syntax is None or not in_title_case(text):
        return text
    verbs = lexicon.syntax.verbs
    recased = list(text)
    for match in _WORD.finditer(text):
        word = match.group()
        if match.start() == 0 or not word.istitle():
            continue
        lowered = word.lower()
        base = lemma(lowered, lexicon.language, lexicon.lemmatizer)
        if (base in verbs and base != lowered) or any(stem in verbs for stem in regular_stems(lowered)) \
                or lowered in function_words(lexicon.language):
            recased[match.start():match.end()] = lowered
    return "".join(recased)
