"""Golden tables: one row per sentence (with the paragraphs before it as context) and the
sourcing a reader should see on it. One TOML table per language under golden/.

Keys of a case: id, paragraphs (list of paragraphs, each a list of sentences; the LAST
sentence is the one checked), kind, and optionally source, via (absent = none), quote,
hedges (absent = none), non_response, denial, headline (for title blocks: first paragraph
is a title).
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from attribution_articles import build_article
from sourcelight.pipeline.attribution import attribute_article
from sourcelight.pipeline.model import BlockKind

GOLDEN = Path(__file__).parent / "golden"


def _cases():
    for path in sorted(GOLDEN.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            yield pytest.param(path.stem, case, id=f"{path.stem}-{case['id']}")


def _claim(language: str, case: dict):
    paragraphs = case["paragraphs"]
    kinds = [BlockKind.TITLE if case.get("title") and i == 0 else BlockKind.PARAGRAPH for i in range(len(paragraphs))]
    article, sentences = build_article(paragraphs, kinds=kinds)
    return attribute_article(article, sentences, language)[-1]


@pytest.mark.parametrize(("language", "case"), list(_cases()))
def test_sourcing_of_sentence(language, case):
    claim = _claim(language, case)
    sourcing = claim.sourcing
    got = {
        "kind": sourcing.kind.value,
        # Who the claim rests on: the entity a pronoun or description resolves to, else the
        # sentence's own words.
        "source": sourcing.who,
        "via": sourcing.via,
        "hedges": list(claim.hedges),
        "non_response": claim.non_response,
        "denial": claim.denial,
    }
    expected = {
        "kind": case["kind"],
        "source": case.get("source", got["source"]),
        "via": case.get("via"),
        "hedges": case.get("hedges", []),
        "non_response": case.get("non_response", False),
        "denial": case.get("denial", False),
    }
    if "quote" in case:
        got["quote"], expected["quote"] = sourcing.quote.value, case["quote"]
    assert got == expected


def test_golden_tables_cover_every_language_with_a_lexicon():
    from sourcelight.pipeline.attribution.lexicon import available_languages
    assert {p.stem for p in GOLDEN.glob("*.toml")} == set(available_languages())
