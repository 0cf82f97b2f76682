"""How the parse engine weighs a sentence's findings against each other (syntax.find_in_parse):
how high a cue stands in the tree, whether a statement noun names anyone but itself, and
whether the winner introduces what follows a colon."""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.deps import text_of


def only_itself_speaks(finding: Finding) -> bool:
    """A statement noun that names no one but itself ("complaints that …", "pages of emails
    that Clinton had given", read as a that-clause) tells less than any cue with a speaker
    ("…, which she said represented all her emails")."""
    return finding.source_span[0] <= finding.cue_span[0] and finding.cue_span[1] <= finding.source_span[1]


def tree_depth(token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def with_colon(doc, finding: Finding) -> Finding:
    """'X said:' — the quotes that follow are X's."""
    after = text_of(doc)[finding.cue_span[1]:].lstrip()
    if after[:1] == ":" or text_of(doc).rstrip().endswith(":"):
        return replace(finding, colon_intro=True)
    return finding
