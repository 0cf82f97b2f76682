"""Function words for reading Title Case headlines and speaker labels: spaCy's lists, read
without loading a language the engine does not parse."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import spacy.util

from sourcelight.pipeline.attribution.headlines import function_words, in_title_case

SERVER = Path(__file__).resolve().parents[4] / "server"

FRENCH_ARTICLE = """La mairie de Lyon a annoncé mardi la fermeture du pont pendant trois semaines.

« Nous n'avions pas le choix », a déclaré Claire Dubois, adjointe chargée des transports.

Selon un rapport publié en mars, la structure présente des fissures inquiétantes.
"""


def test_the_function_words_are_spacys_own_lists():
    for language in ("en", "fr", "de", "es", "ru"):
        assert function_words(language) == frozenset(spacy.util.get_lang_class(language).Defaults.stop_words)
    assert {"le", "la", "est"} <= function_words("fr")


def test_a_french_page_does_not_load_spacys_french_language():
    # Loading spacy.lang.fr compiles its tokenizer's exceptions (seconds) inside the first
    # French page's time budget, which a loaded machine then ran out of.
    script = ("import json, sys\nfrom sourcelight import annotate_text\n"
              "article = annotate_text(sys.stdin.read(), lang_hint='fr')\n"
              "print(json.dumps([article.language, [c.sourcing.kind.value for c in article.claims],"
              " 'spacy.lang.fr' in sys.modules]))")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SERVER), os.environ.get("PYTHONPATH", "")]))
    run = subprocess.run([sys.executable, "-c", script], input=FRENCH_ARTICLE, capture_output=True, text=True,
                         env=env, timeout=300, check=True)
    language, kinds, loaded = json.loads(run.stdout.splitlines()[-1])
    assert language == "fr"
    assert "named_person" in kinds and "document" in kinds
    assert not loaded


def test_a_table_row_of_names_glued_to_figures_is_no_headline():
    assert not in_title_case("DistrictCases Northgate12 Eastpier4 Westbay2 Details Awaited*3 | 40 | 21 | 18 | 1")
    assert in_title_case("Mayor Okafor Details Her Plan For The Harbour")
    assert not in_title_case("DistrictCases Northgate12 Details Awaited*2 | 28 1 | 13 | 15 1 | 0")
