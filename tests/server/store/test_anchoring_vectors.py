"""The shared anchoring vectors (tests/fixtures/anchoring/vectors.json), each run through the
server's matcher. The extension trusts these placements; its tests may run the same file
through its offset conversion (each case gives UTF-16 offsets too)."""
from __future__ import annotations

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from sourcelight.store.anchoring import Quote, anchor_quote

VECTORS = Path(__file__).resolve().parents[2] / "fixtures" / "anchoring"
CASES = json.loads((VECTORS / "vectors.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_vector(case):
    anchor = anchor_quote(case["text"], Quote(**case["quote"]))
    expected = case["expected"]
    assert (anchor.state, anchor.start, anchor.end) == (expected["state"], expected["start"], expected["end"]), \
        case["description"]


def test_there_are_at_least_200_vectors_of_every_kind():
    kinds = Counter(c["category"] for c in CASES)
    assert len(CASES) >= 200
    assert set(kinds) >= {"unchanged", "shift", "moved-paragraph", "duplicate", "edited", "whitespace", "unicode",
                          "orphaned"}
    assert all(count >= 20 for count in kinds.values()), kinds


def test_the_vectors_file_is_what_its_generator_writes():
    spec = importlib.util.spec_from_file_location("make_vectors", VECTORS / "make_vectors.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == CASES


def test_utf16_offsets_count_astral_characters_twice():
    case = next(c for c in CASES if c["category"] == "unicode" and "👨" in c["text"][:c["expected"]["start"]])
    expected = case["expected"]
    assert expected["utf16_start"] > expected["start"]
