"""The extension's contract.js is generated from the server's single definition."""
from pathlib import Path

from sourcelight.contract import HIGHLIGHT_LABELS, contract, contract_js
from sourcelight.pipeline import markup
from sourcelight.pipeline.model import SourceKind

CONTRACT_JS = Path(__file__).resolve().parents[2] / "extension" / "lib" / "contract.js"


def test_committed_contract_js_is_up_to_date():
    assert CONTRACT_JS.read_text(encoding="utf-8") == contract_js(), (
        "extension/lib/contract.js is stale: run `sourcelight contract`"
    )


def test_contract_names_every_kind_label_and_markup_name():
    data = contract()
    assert [k["id"] for k in data["kinds"]] == [k.value for k in SourceKind]
    assert [label["id"] for label in data["highlightLabels"]] == list(HIGHLIGHT_LABELS)
    assert data["markup"]["CLAIM_CLASS"] == markup.CLAIM_CLASS
    assert data["markup"]["ATTR_BLOCK_START"] == markup.ATTR_BLOCK_START
