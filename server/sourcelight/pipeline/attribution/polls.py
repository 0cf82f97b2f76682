"""Polls as sources: what respondents answered rests on the poll ('In a Times/CBS News
survey, 79 percent of Democrats said …'), and so does a figure a poll gives with no verb of
saying at all ('In an NBC News poll released Monday, 50 percent chose Clinton')."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.sourcekind import guess_source
from sourcelight.pipeline.attribution.sources import SourceGuess
from sourcelight.pipeline.model import SourceKind

POLL_KINDS = (SourceKind.DOCUMENT, SourceKind.MEDIA)  # "a New York Times/CBS News survey" is the outlet's


def survey_behind(word, lexicon: Lexicon, within: bool = False) -> SourceGuess | None:
    """'In a Times/CBS News survey, 79 percent of Democrats said …', '86 percent of black
    voters in a recent Gallup survey said …': the poll an "in" phrase on the verb or on the
    group names (``within``: anywhere in the group's phrase, 'One in four voters in a Times
    poll said'), or None."""
    for child in (word.subtree if within else word.children):
        if child.dep_ == "prep" and child.lower_ == "in":
            poll = next((c for c in child.children if c.dep_ == "pobj"), None)
            if poll is not None and token_lemma(poll, lexicon) in lexicon.syntax.surveys:
                guess = guess_source(poll, lexicon)
                if guess is not None and guess.kind in POLL_KINDS:
                    return guess
    return None


def poll_figure(token, lexicon: Lexicon) -> Finding | None:
    """'In an NBC News poll released Monday, 50 percent chose Clinton', 'Obama was winning
    black voters by 28 points in the same poll': a poll in an "in" phrase on the main verb,
    with no verb of saying, is what the sentence's figures rest on. Not a poll in a clause of
    its own ('after he fell behind in a poll, he left the race'), nor polls in general ('has a
    wide lead in the polls', 'is ahead in national polls'): no one poll says that."""
    if token.dep_ != "pobj" or token.tag_ != "NN" or token_lemma(token, lexicon) not in lexicon.syntax.surveys:
        return None
    preposition = token.head
    if preposition.lower_ != "in" or preposition.dep_ != "prep" or not _in_main_clause(preposition.head):
        return None
    guess = guess_source(token, lexicon)
    if guess is None or guess.kind not in POLL_KINDS:
        return None
    return Finding.of(guess, token.text, (token.idx, token.idx + len(token.text)))


def _in_main_clause(word) -> bool:
    """The main verb ('50 percent chose Clinton in a poll'), one joined to it, the root a
    misparse makes of a noun ('In the latest survey, 71 percent …'), or the object of the main
    verb ('has a decisive lead in the polls'); not its subject ('the questions in the survey
    were about taxes': about the poll, not from it)."""
    if word.dep_ == "ROOT":
        return True
    if word.pos_ in ("VERB", "AUX"):
        return word.dep_ == "conj" and word.head.dep_ == "ROOT"
    return word.dep_ in ("dobj", "attr") and word.head.dep_ == "ROOT" and word.head.pos_ in ("VERB", "AUX")
