"""A speaker's tag closing the sentence ("…, according to radar data, a source close to the
investigation has told Reuters") speaks for all of it: an "according to" inside what it reports
no longer does; and a verb tagging a quote speaks for it more than a cue that says nothing of its
own: a wish the parse hung the tag on, or a statement's noun by no quote (syntax.find_in_parse
ranks the sentence's findings)."""
from __future__ import annotations

from sourcelight.pipeline.attribution.complements import CLAUSE_DEPS
from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.cue_phrases import that_clause
from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.quotes import MASK

# The depth a finding ranks at below every other (syntax.find_in_parse sorts by depth).
BELOW_ALL = 1000


def closing_tag_over_according(findings: list, doc, masked: str) -> list:
    """The findings as (not whole_sentence, depth, token index, finding), with an "according
    to" before a closing tag no longer speaking for the whole sentence."""
    tags = [item[3].source_span[0] for item in findings if item[0] and doc[item[2]].pos_ in ("VERB", "AUX")
            and _closes_the_sentence(doc[item[2]], item[3], masked)]
    if not tags:
        return findings
    first_tag = min(tags)
    # (not an "according to" opening the sentence, whose main clause follows it: "According to
    # her friends, Mrs. Clinton has worried …")
    return [(True, *item[1:]) if not item[0] and item[3].cue_span[1] <= first_tag
            and masked[:item[3].cue_span[0]].strip() else item for item in findings]


def quote_tag_over_idle_cues(findings: list, doc, masked: str, lexicon: Lexicon) -> list:
    """The findings (as closing_tag_over_according takes them), with a wish that says nothing
    of its own, and a statement's noun that stands by no quote, ranked below a verb tagging a
    quote: "“They’re not fueled by resentment,” he explained; they just want a technocracy" is
    his, "… sending us videos while he was training that we said, “Oh, he can do …”" theirs."""
    tags = [item[2] for item in findings
            if _tags_a_quote(item, doc, masked) and token_lemma(doc[item[2]], lexicon) not in lexicon.syntax.wishes]
    if not tags:
        return findings
    return [(item[0], BELOW_ALL, *item[2:]) if _says_less(item, tags, doc, masked, lexicon) else item
            for item in findings]


def _tags_a_quote(item, doc, masked: str) -> bool:
    """A verb right after a quote and its comma ("“…,” he said", "“…,” said Smith") or right
    before one ("we said, “…”")."""
    finding = item[3]
    if doc[item[2]].pos_ not in ("VERB", "AUX"):
        return False
    closing = masked[:min(finding.source_span[0], finding.cue_span[0])].rstrip(", ").endswith(MASK)
    return closing or _opens_a_quote(finding, masked)


def _opens_a_quote(finding: Finding, masked: str) -> bool:
    return masked[finding.cue_span[1]:].lstrip(",: ").startswith(MASK)


def _says_less(item, tags: list[int], doc, masked: str, lexicon: Lexicon) -> bool:
    """A statement's noun that says nothing of its own (no quote after it, no clause, no
    participle tagging the quote: not "Comey's suggestion was that …", "a statement saying,
    “…”"), or a wish after the tag with no clause of its own after it (not the wish the tag
    tells of: "I hope in 2017 Harbourton says, “…”" is the hoper's)."""
    token = doc[item[2]]
    if token.pos_ == "NOUN":
        return not (_opens_a_quote(item[3], masked) or that_clause(token)
                    or any(doc[tag].head.i == token.i and doc[tag].dep_ == "acl" for tag in tags))
    return token.i > min(tags) and token_lemma(token, lexicon) in lexicon.syntax.wishes \
        and not any(child.dep_ in CLAUSE_DEPS and child.i > token.i for child in token.children)


def _closes_the_sentence(verb, finding: Finding, masked: str) -> bool:
    """A tag after what it reports: a comma, the speaker, the verb and at most whom it was told."""
    start = finding.source_span[0]
    return start < finding.cue_span[0] and masked[:start].rstrip().endswith(",") \
        and not any(child.dep_ in CLAUSE_DEPS and child.i > verb.i for child in verb.children) \
        and masked[verb.right_edge.idx + len(verb.right_edge.text):].strip() in ("", ".")


__all__ = ["closing_tag_over_according", "quote_tag_over_idle_cues"]
