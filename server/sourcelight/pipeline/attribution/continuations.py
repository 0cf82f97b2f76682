"""Sentences with no cue of their own that go on with a neighbour's speaker: a quote that
continues after its speaker, a quote closed by a short tag after it, a paragraph a speaker's
colon introduces, and reported speech after a reported sentence."""
from __future__ import annotations

import re
from dataclasses import replace

from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.neighbours import Resolved, who_of
from sourcelight.pipeline.model import Attribution, QuoteKind

# The longest sentence that can be the tag of a quote before it ("Senator Dana Lee asked
# reporters on Tuesday.").
SPEAKER_TAG_WORDS = 8
# The most words between a cue and the colon ending its sentence for the paragraph after it to
# be what was said ("told me just after the bodies arrived:").
INTRO_AFTER_CUE_WORDS = 8
# … and where the paragraph speaks in the first person, which a list under a colon does not
# ("Jack Dorsey told Recode editor Kara Swisher at Recode’s conference that he thought Trump’s
# Twitter presence was “interesting”:" then "… I think that’s interesting.").
FIRST_PERSON_INTRO_AFTER_CUE_WORDS = 24
# How a sentence ends (not a title or a date line): a full stop, a question or an exclamation
# mark, perhaps inside closing quotation marks or brackets.
SENTENCE_END = re.compile(r"[.!?…][\"”’'»)\]]*\s*$")


def carried(finding: Finding | Attribution) -> Attribution:
    """The speaker of a neighbouring sentence: no spans here, always a direct quote."""
    who = who_of(finding)
    return Attribution(kind=finding.kind, source=who, cue=finding.cue, via=finding.via,
                       quote=QuoteKind.DIRECT, entity=who)


def tag_after_quote(sentences, findings, quotes, resolved: list[Resolved]) -> None:
    """'“Is this the end?” | Mr. Manafort asked.': a quote that ends its sentence on a
    question or an exclamation, followed in its paragraph by the short tag that names who
    said it, is that speaker's."""
    for index in range(len(sentences) - 1):
        sentence, tag = sentences[index], sentences[index + 1]
        if resolved[index].attribution is not None or tag.block != sentence.block:
            continue
        if not quotes[index].mostly_quoted(sentence.text) or quotes[index].ends_inside:
            continue
        said = resolved[index + 1].attribution
        if (said is None or said.source is None or findings[index + 1] is None
                or len(tag.text.split()) > SPEAKER_TAG_WORDS or quotes[index + 1].stretches):
            continue
        resolved[index] = replace(resolved[index], attribution=carried(said))


def continued_quote(index, sentences, quotes, resolved: list[Resolved], findings) -> Attribution | None:
    """A quoted sentence with no cue of its own, right after an attributed quote or an
    "X said:" — in the same paragraph, or a new paragraph that opens with a quote — or right
    after any attributed sentence in its paragraph ("Stronge says such instances are rare.
    “There was one famous incident …”": the quote that follows is the same speaker's)."""
    if index == 0 or not quotes[index].opens_at_start or not quotes[index].mostly_quoted(sentences[index].text):
        return None
    previous = resolved[index - 1].attribution
    if previous is None or previous.source is None:
        return None
    same_block = sentences[index - 1].block == sentences[index].block
    introduced = sentences[index - 1].text.rstrip().endswith(":")
    quoted_before = previous.quote is QuoteKind.DIRECT
    if same_block and (quoted_before or introduced or not tagged_after(index, sentences, quotes, findings)):
        return carried(previous)
    if not same_block and (introduced or quoted_before):
        return carried(previous)
    return None


def paragraph_positions(sentences, findings, first_person) -> tuple[list[int], list[bool], set[int]]:
    """For each sentence, where its paragraph starts, and whether a sentence of the paragraph
    before it names a source of its own (a speaker's own "I" names none); and the starts of
    the paragraphs where someone speaks in the first person: in linear time, so that
    introduced_paragraph stays linear on a page of one huge paragraph."""
    starts: list[int] = []
    sourced_before: list[bool] = []
    first_person_paragraphs: set[int] = set()
    for index, sentence in enumerate(sentences):
        new_paragraph = index == 0 or sentences[index - 1].block != sentence.block
        starts.append(index if new_paragraph else starts[-1])
        previous = findings[index - 1] if index > 0 else None
        sourced_before.append(False if new_paragraph else sourced_before[-1] or (
            previous is not None and not first_person(previous.source)))
        if findings[index] is not None and first_person(findings[index].source):
            first_person_paragraphs.add(starts[-1])
    return starts, sourced_before, first_person_paragraphs


def introduced_paragraph(index, sentences, findings, resolved: list[Resolved],
                         positions: tuple[list[int], list[bool], set[int]]) -> Attribution | None:
    """'An airline pilot … told me just after the bodies arrived:' then a paragraph of his words
    set without quotation marks (in italics, after a quote picture, or as a block quote): the
    paragraph right after a speaker's sentence that ends on a colon is theirs, up to a
    sentence of it that names a source of its own (their own "I" names none). ``positions``
    are paragraph_positions."""
    starts, sourced_before, first_person_paragraphs = positions
    intro = starts[index] - 1
    if intro < 0 or sentences[intro].block != sentences[index].block - 1 \
            or not sentences[intro].text.rstrip().endswith(":") or findings[intro] is None:
        return None
    # (the colon introduces what was said only close after the cue: not "EgyptAir has confirmed
    # that there were 56 passengers …, among them:" over a list of the passengers)
    # (by a speaker its subject names: not "here’s the referral sources for articles written by
    # our CTO …:" over the writer's own "we")
    speaking = findings[intro].source_span[1] <= findings[intro].cue_span[0]
    most = FIRST_PERSON_INTRO_AFTER_CUE_WORDS if speaking and starts[index] in first_person_paragraphs \
        else INTRO_AFTER_CUE_WORDS
    if len(sentences[intro].text[findings[intro].cue_span[1]:].split()) > most:
        return None
    if not SENTENCE_END.search(sentences[index].text):
        return None  # a title, a date line or a link under the colon ("This video by KQED explains:")
    speaker = resolved[intro].attribution
    if speaker is None or speaker.source is None or sourced_before[index]:
        return None
    return carried(speaker)


def tagged_after(index, sentences, quotes, findings) -> bool:
    """The quote sentence ``index`` is part of closes in its paragraph and a short tag of its
    own follows it ("“… What kind of company do we want?” | Charpentier says.")."""
    end = index
    while end + 1 < len(sentences) and quotes[end].ends_inside and sentences[end + 1].block == sentences[index].block:
        end += 1
    tag = end + 1
    return (tag < len(sentences) and sentences[tag].block == sentences[index].block and findings[tag] is not None
            and not quotes[tag].stretches and len(sentences[tag].text.split()) <= SPEAKER_TAG_WORDS)


def reports_speech(masked: str, lexicon: Lexicon) -> bool:
    """The sentence has a form of reported speech (grammar.reported_mood) outside quotes that
    compares nothing: not "tut so, als habe er …" nor "als ob er … habe" (an "as if", right
    before the form or opening its clause, grammar.unreal_comparisons)."""
    forms = lexicon.find("reported_mood", masked)
    openers = lexicon.find("unreal_comparisons", masked) if forms else ()
    return any(not any(_compares(opener, form, masked) for opener in openers) for form in forms)


def _compares(opener: re.Match[str], form: re.Match[str], masked: str) -> bool:
    """The form stands right after the opener ("als habe"), or in the clause an opener of
    several words opens, before any comma ("als ob er nichts davon wisse")."""
    if opener.end() > form.start():
        return False
    between = masked[opener.end():form.start()]
    return not between.strip() or (" " in opener.group() and "," not in between)


def reported_continuation(index, sentences, reported, resolved: list[Resolved]) -> Attribution | None:
    """'Halder sagte, … Für die Fahrgäste sei das ein schlechtes Geschäft.': a sentence in
    reported speech right after an attributed one, in the same or the next paragraph,
    still reports that source (indirectly)."""
    if not reported or index == 0 or not reported[index]:
        return None
    previous = resolved[index - 1].attribution
    if previous is None or previous.source is None or sentences[index].block - sentences[index - 1].block > 1:
        return None
    return Attribution(kind=previous.kind, source=who_of(previous), cue=previous.cue, via=previous.via,
                       quote=QuoteKind.INDIRECT, entity=who_of(previous))


__all__ = ["SPEAKER_TAG_WORDS", "carried", "continued_quote", "introduced_paragraph", "paragraph_positions",
           "reported_continuation", "reports_speech",
           "tag_after_quote"]
