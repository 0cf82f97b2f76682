"""compare_notes.py lists what a reader would see change between two annotate runs, and nothing else."""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from compare_notes import compare_page, compare_runs  # noqa: E402


def _page(*claims, headline="Most attributed claims (1 of 1) rest on named people."):
    return {"claims": [{"text": text, "note": note, "non_response": False,
                        "sourcing": {"entity": entity, "cue": cue}} for text, note, entity, cue in claims],
            "summary": {"headline": headline}}


SAID = ("“The ferry is late,” Judy Avalos said.", "Rests on a person named on the record: Judy Avalos.",
        "Judy Avalos", "said")
CAMERA = ("The camera stays on the pier, only revealing the singer.", "Rests on a vague source: “The camera”.",
          "The camera", "revealing")
CAMERA_NONE = (CAMERA[0], "No source is named for this sentence.", None, None)


def test_a_page_whose_notes_are_the_same_is_not_listed():
    assert compare_page("a.json", _page(SAID, CAMERA), _page(SAID, CAMERA)) is None


def test_a_changed_note_is_listed_with_both_versions_and_the_summaries():
    change = compare_page("a.json", _page(SAID, CAMERA), _page(SAID, CAMERA_NONE, headline="Other."))
    assert [text for text, _, _ in change.claims] == [CAMERA[0]]
    _, before, after = change.claims[0]
    assert (before.entity, after.entity) == ("The camera", None)
    assert change.headlines == ("Most attributed claims (1 of 1) rest on named people.", "Other.")


def test_a_claim_only_one_run_has_is_listed(tmp_path):
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    (tmp_path / "before" / "a.json").write_text(json.dumps(_page(SAID)), encoding="utf-8")
    (tmp_path / "after" / "a.json").write_text(json.dumps(_page(SAID, CAMERA)), encoding="utf-8")
    (tmp_path / "after" / "b.json").write_text(json.dumps(_page(SAID)), encoding="utf-8")
    changes, unmatched = compare_runs(tmp_path / "before", tmp_path / "after")
    assert [(c.name, [(t, old) for t, old, _ in c.claims]) for c in changes] == [("a.json", [(CAMERA[0], None)])]
    assert unmatched == ["b.json"]
