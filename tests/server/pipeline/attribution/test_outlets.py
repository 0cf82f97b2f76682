"""Whether a source phrase names an outlet: a short name the lexicon lists only with its
article ("the Times") names one right before a journalist's role, and nowhere else."""
from __future__ import annotations

import pytest

from sourcelight.pipeline.attribution.lexicon import load_lexicon
from sourcelight.pipeline.attribution.outlets import names_outlet


@pytest.mark.parametrize(("phrase", "outlet"), [
    ("a Times reporter", True),
    ("a Post columnist", True),
    ("the Times", True),
    ("a Capitol Hill reporter", False),  # the end of another name, not The Hill
    ("Some times reporters", False),  # a common word, not the outlet's name
    ("a Times Square vendor", False),
    ("Post office workers", False),
])
def test_an_outlets_short_name_names_it_only_before_a_journalists_role(phrase, outlet):
    assert names_outlet(phrase, load_lexicon("en")) is outlet
