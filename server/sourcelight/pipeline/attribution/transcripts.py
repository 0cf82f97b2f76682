"""Transcripts: a speaker's name in capitals before a colon opening a paragraph ("JAKE
TAPPER: …", '"PENCE: Well, look, …' where the whole transcript is quoted), a dialogue's
capitalised names ("Joe: …", "Benjamin: …", each more than once), or an interview's initials
of people it names ("AD She was all in."). The label is the
attribution of its sentence, whatever cues follow, and its turn runs on to the next label:
context.py gives the turn's sentences to the same speaker.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from sourcelight.pipeline.attribution.clauses import Finding
from sourcelight.pipeline.attribution.headlines import function_words
from sourcelight.pipeline.model import Sentence, SourceKind

# A sentence wholly in brackets: "(Laughs.)", "[Applause]".
_BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]][.!?]?")
# Up to four words in capitals (a title's period allowed: "MR. TRUMP") before a colon, after
# an opening quotation mark at most.
LABEL = re.compile(r"\s*[\"“‘'«„]?((?:[^\W\d_a-z][^\W\d_a-z'’-]*\.?\s+){0,3}[^\W\d_a-z][^\W\d_a-z'’-]+):\s")
# One capitalised word before a colon ("Joe: …", "Benjamin: …"): a speaker's label only where
# the article's paragraphs open with two such names, each more than once (a dialogue).
TITLE_LABEL = re.compile(r"\s*[\"“‘'«„]?([^\W\d_a-z][^\W\d_]{1,20}):\s")
# A speaker's initials opening a paragraph, with no colon ("AD She was all in.", "OW I did it
# every time."): a label only where they are a person's the article names in full, more than once.
INITIALS_LABEL = re.compile(r"\s*[\"“‘'«„]?([^\W\d_a-z]{2,3})\s+(?=[(\[]?[^\W\d_a-z])")
# Two to four capitalised words before a colon ("Christoph Vilanek: …"): a speaker's label
# where they are the full name of a person the article names.
NAME_LABEL = re.compile(r"\s*[\"“‘'«„]?([^\W\d_a-z][\w'’-]+(?:\s+[^\W\d_a-z][\w'’.-]+){1,3}):\s")
# The fewest different recurring one-word labels that make a dialogue, and the fewest words a
# turn of it says after its label.
DIALOGUE_SPEAKERS = 2
TURN_MIN_WORDS = 2


@dataclass(frozen=True)
class Transcript:
    """The findings with each speaker label's in place of its sentence's own, and for every
    sentence the label whose turn it is in (None: no turn)."""

    findings: list[Finding | None]
    turn_of: list[int | None]
    # Sentences of a paragraph opened by capitals that name nobody ("VIDEO: …") in a
    # transcript: no quote running over the turns before makes them anyone's.
    nobodys: frozenset[int] = frozenset()


def transcript(sentences: list[Sentence] | tuple[Sentence, ...], findings: list[Finding | None],
               cast: dict[str, str], language: str, name_labels: bool = False) -> Transcript:
    """A label is a name: two words or more that are no function words ("JAKE TAPPER", not
    "FIX IS IN"), a word the article gives a person ("PENCE" beside "Mike Pence"), or, in an
    article that has such labels, one that recurs ("WALLACE" for a host never named in full).
    "UPDATE:" or "VIDEO:" once is no speaker, and ends the turn before it.

    A turn is the rest of the label's paragraph, cues and all ("Mark Cuban has been out
    there saying …" is Pence's account of Cuban); where the article has several labels, it
    also takes the sentences with no cue of their own in the paragraphs up to the next
    paragraph that opens with capitals and a colon.

    With ``name_labels`` (where no parse reads a name before a colon), a person's full name
    opening a paragraph before a colon is a label too ("Christoph Vilanek: …")."""
    candidates = {}
    for index, sentence in enumerate(sentences):
        match = LABEL.match(sentence.text) if _opens_paragraph(sentences, index) else None
        if match is not None and _in_capitals(match.group(1)):
            candidates[index] = match
    stops = function_words(language)
    named = {i for i, m in candidates.items() if _named(m.group(1), cast, stops)}
    dialogue = _dialogue_labels(sentences, stops)
    candidates.update(dialogue)
    named |= set(dialogue)
    # (a name not in the cast is a label where it recurs, and ends the turn before it anyway:
    # "Korinna Hennig: …" then "Christian Drosten: …", the guest the intro names in passing)
    people = _people_labels(sentences, candidates) if name_labels else {}
    candidates.update(people)
    named |= {index for index, match in people.items() if match.group(1).split()[-1] in cast}
    initials = _initials_labels(sentences, cast)
    candidates.update({index: match for index, (match, _) in initials.items()})
    named |= set(initials)
    turn_of: list[int | None] = [None] * len(sentences)
    if not named:
        return Transcript(findings, turn_of)
    recurring = Counter(m.group(1) for m in candidates.values())
    # (an article may open a recurring label: "THE PRESIDENT:" beside "THE FIRST LADY:")
    labels = sorted(i for i, m in candidates.items() if i in named or (
        recurring[m.group(1)] > 1 and _no_function_words(_without_article(m.group(1), stops), stops)))
    labelled = list(findings)
    for label in labels:
        match = candidates[label]
        colon = match.end(1)
        if label in initials:  # (the person the initials are, by name; the initials are the cue)
            labelled[label] = Finding(SourceKind.NAMED_PERSON, initials[label][1], match.span(1), match.group(1),
                                      match.span(1))
            continue
        labelled[label] = Finding(SourceKind.NAMED_PERSON, match.group(1), match.span(1), ":",
                                  (colon, colon + 1))
    for label in labels:
        # (a person's label ends where the writer names that person: "Das Interview wurde mit Klaas
        # Bollhoefer geführt")
        named_again = re.compile(rf"\b{re.escape(candidates[label].group(1).split()[-1])}\b") if label in people \
            else None
        for index in range(label + 1, len(sentences)):
            if index in candidates:
                break
            if named_again is not None and named_again.search(sentences[index].text):
                break
            # (an interview labelled by initials leaves its questions unlabelled: a turn is its paragraph)
            if _stage_direction(sentences[index].text):
                continue  # "(Laughs.)", "(She playfully smacks DuVernay.)": the writer's, in brackets
            if sentences[index].block == sentences[label].block or (
                    len(labels) > 1 and findings[index] is None and label not in initials):
                turn_of[index] = label
    nobodys = frozenset(index for candidate in set(candidates) - set(labels)
                        for index in _rest_of_paragraph(sentences, candidate) if findings[index] is None)
    return Transcript(labelled, turn_of, nobodys)


def _dialogue_labels(sentences, stops: frozenset[str]) -> dict[int, re.Match[str]]:
    """The paragraphs that open with one capitalised name and a colon, where at least two
    such names each open more than one ("Joe: …", "Benjamin: …", "Joe: …")."""
    found = {}
    for index, sentence in enumerate(sentences):
        if _opens_paragraph(sentences, index):
            match = TITLE_LABEL.match(sentence.text)
            # (a turn says something in words: "Clinton: 547." is a count under a name)
            said = len(re.findall(r"[^\W\d_]{2,}", sentence.text[match.end():])) >= TURN_MIN_WORDS if match else False
            if said and not _in_capitals(match.group(1)) and match.group(1).lower() not in stops:
                found[index] = match
    recurring = Counter(m.group(1) for m in found.values())
    # (a name, which the article also writes inside a sentence: "… they brought me to Joe.";
    # not "Question:" and "Answer:", which no sentence writes in capitals)
    speakers = {word for word, count in recurring.items() if count > 1 and _named_inside(word, sentences)}
    if len(speakers) < DIALOGUE_SPEAKERS:
        return {}
    return {index: match for index, match in found.items() if match.group(1) in speakers}


def _people_labels(sentences, taken) -> dict[int, re.Match[str]]:
    """The paragraphs that open with what may be a person's full name and a colon, then a
    sentence of words ("Christoph Vilanek: HD-Bildqualität kostet heute extra …"), not a
    kicker over a topic ("Dana Okafor: A Timeline")."""
    shapes = {index: match for index, sentence in enumerate(sentences)
              if index not in taken and _opens_paragraph(sentences, index)
              and (match := NAME_LABEL.match(sentence.text)) is not None}
    recurring = Counter(match.group(1) for match in shapes.values())
    found = {}
    for index, match in shapes.items():
        said = sentences[index].text[match.end():].rstrip()
        words = re.findall(r"[^\W\d_]{2,}", said)
        # (a label that recurs opens any turn, "Korinna Hennig: Was ist denn anders?"; one
        # that does not must say a sentence, and not about that person: "Judy Avalos: You can
        # follow Judy at …")
        if recurring[match.group(1)] > 1 or (len(words) >= TURN_MIN_WORDS * 3 and said[-1:] in ".!?\"”»“«"
                                              and not set(match.group(1).split()) & set(words)):
            found[index] = match
    return found


def _initials_labels(sentences, cast: dict[str, str]) -> dict[int, tuple[re.Match[str], str]]:
    """The paragraphs that open with a person's initials ("AD She was all in."), where the
    initials are those of one person the article names in full, and open more than one
    paragraph; each with that person's name."""
    people: dict[str, set[str]] = {}
    for name in set(cast.values()):
        words = [word for word in name.split() if word[:1].isupper()]
        if len(words) >= 2:
            people.setdefault("".join(word[0] for word in words), set()).add(name)
    found = {}
    for index, sentence in enumerate(sentences):
        if _opens_paragraph(sentences, index):
            match = INITIALS_LABEL.match(sentence.text)
            if match is not None and len(people.get(match.group(1), ())) == 1:
                found[index] = (match, next(iter(people[match.group(1)])))
    recurring = Counter(match.group(1) for match, _ in found.values())
    return {index: (match, name) for index, (match, name) in found.items() if recurring[match.group(1)] > 1}


def _named_inside(word: str, sentences) -> bool:
    """The article writes ``word`` inside a sentence, after another word, not as a label."""
    inside = re.compile(rf"\S\s+{re.escape(word)}(?![\w:])")
    return any(inside.search(sentence.text) for sentence in sentences)


def _stage_direction(text: str) -> bool:
    return _BRACKETED.fullmatch(text.strip()) is not None


def _opens_paragraph(sentences, index: int) -> bool:
    return index == 0 or sentences[index - 1].block != sentences[index].block


def _rest_of_paragraph(sentences, start: int) -> range:
    end = start
    while end < len(sentences) and sentences[end].block == sentences[start].block:
        end += 1
    return range(start, end)


def _in_capitals(label: str) -> bool:
    words = [word.rstrip(".").replace("'", "").replace("’", "").replace("-", "") for word in label.split()]
    return all(word.isalpha() and word.isupper() for word in words) and len(words[-1]) > 1


def _no_function_words(label: str, stops: frozenset[str]) -> bool:
    return not any(word.rstrip(".").lower() in stops for word in label.split())


def _without_article(label: str, stops: frozenset[str]) -> str:
    words = label.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in stops else label


def _named(label: str, cast: dict[str, str], stops: frozenset[str]) -> bool:
    words = label.split()
    return (len(words) >= 2 and _no_function_words(label, stops)) or words[-1].title() in cast


__all__ = ["transcript", "Transcript"]
