"""Descriptions and pairs the sentences just before resolve, where no earlier source does: "the
president-elect" or "the Florida senator" meaning the person named shortly before, "both men"
or "they" meaning the two people just named (context.py calls these for every attributed
sentence, after neighbours.py)."""
from __future__ import annotations

import re
from dataclasses import replace

from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.neighbours import (PRONOUN_LOOKBACK_SENTENCES, Resolved, WORD,
                                                         first_written, who_of)
from sourcelight.pipeline.attribution.common_nouns import ATTRIBUTE_REFERENCE, DESCRIPTION_REFERENCE, ROLE_REFERENCE
from sourcelight.pipeline.model import Attribution, QuoteKind, SourceKind

# How far back "the president" looks for which of the article's presidents it is.
ROLE_LOOKBACK_SENTENCES = 4
# How far back a description that may mean anyone ("der 48-Jährige") looks for a person the
# narrative named after the speaker it would otherwise mean.
DESCRIPTION_LOOKBACK_SENTENCES = 3
# What a description of a person may mean ("…, hieß es" may also mean a body or a document).
_PEOPLE = {SourceKind.NAMED_PERSON, SourceKind.ANONYMOUS, SourceKind.VAGUE}


def described_before(attribution: Attribution, finding: Finding, index: int, sentences,
                      history: list[Resolved], mentions, described,
                      fits_description=lambda _words, _name: True) -> Attribution:
    """'Marco Rubio campaigned in Iowa. The Florida senator said …': a description of a person
    that no role or earlier source resolves means the person the sentence just before rests
    on, else the one person it names whom the description fits (none where it names two:
    "Trump attacked Rubio. The Florida senator said …" is left as written; but "Mr. Reyes met
    Ms. Okafor …" then "the actress says" is Okafor)."""
    if index == 0 or sentences[index - 1].block < sentences[index].block - 1:
        return attribution
    previous = history[index - 1].attribution if index - 1 < len(history) else None
    # (never one its own sentence names right after the verb, as whom it speaks to: "The Chozo
    # leader told Samus …" is not Samus; but "Okafor and her band split, but the singer said …"
    # and "the governor said, before clarifying that he, Christie, …" may well be them)
    text = sentences[index].text
    after_verb = finding.cue_span[1]
    elsewhere = {name for name, at in ((name, first_written(name, text)) for name in mentions(index))
                 if after_verb <= at and not text[after_verb:at].strip()}
    named = [name for name in dict.fromkeys(mentions(index - 1)) if name not in elsewhere]
    if attribution.kind is SourceKind.VAGUE and attribution.entity is None \
            and finding.back_reference is ATTRIBUTE_REFERENCE:
        # no one spoke before: "Tom Reyes came home. The 48-year-old said …" is the one person
        # the sentence just before names (not "the moderator", whom "Trump was asked …" names
        # no one as)
        fitting = [name for name in named if fits_description(finding.source, name)]
        return replace(attribution, kind=SourceKind.NAMED_PERSON, entity=fitting[0]) \
            if len(named) == 1 and fitting else attribution
    if attribution.kind is not SourceKind.NAMED_PERSON:
        return attribution
    if finding.back_reference is DESCRIPTION_REFERENCE or finding.back_reference is ATTRIBUTE_REFERENCE:
        # "Trump is taking questions in an Elks Lodge. The billionaire businessman began by
        # …": the one person a sentence of narrative just named, not a speaker further back;
        # or the one person it named, who spoke there ("… to see Trump admit he could be
        # taught. In an interview, the president-elect said …"), unless it quoted them answering
        # another person: in a dialogue ("Kimmel asked …. Aniston replied, “…” The host quipped
        # …") a description is more often the other one.
        own = previous is None or (previous.kind is SourceKind.NAMED_PERSON and _one_of(previous, named) in named
                                   and not _in_dialogue(previous, history, index - 2, named))
        # (of several it named, the one its gender fits: "…, he met Gosling, …; Stone had just
        # come off doing Cabaret. “…,” the actress says")
        fitting = [name for name in named if fits_description(finding.source, name)]
        if own and len(fitting) == 1 and fitting[0] != attribution.entity:
            return replace(attribution, entity=fitting[0])
        return attribution
    if attribution.entity is not None or finding.back_reference is not None or not described(finding.source):
        return attribution
    # (a document the sentence before rests on describes no one: "Thatcher feared …, newly
    # released files show. … the then prime minister said" is whom that sentence names)
    if previous is not None and previous.kind not in (SourceKind.DOCUMENT, SourceKind.MEDIA):
        if finding.cue == previous.cue == ":" and previous.source and described(previous.source) \
                and previous.source.split()[-1].casefold() != finding.source.split()[-1].casefold():
            return attribution  # "THE PRESIDENT: …" then "THE FIRST LADY: …": another label, another person
        # a named speaker ("Okafor said"), not a pronoun nobody resolved
        who = _one_of(previous, named)
        # (not one the description's gender rules out: "the actress" is no Ryan Gosling)
        person = previous.kind is SourceKind.NAMED_PERSON and who is not None and who not in elsewhere \
            and fits_description(finding.source, who) and not _in_dialogue(previous, history, index - 2, [who])
        return replace(attribution, entity=who) if person else attribution
    fitting = [name for name in named if fits_description(finding.source, name)]
    return replace(attribution, entity=fitting[0]) if len(fitting) == 1 else attribution


def one_described(attribution: Attribution, finding: Finding) -> Attribution:
    """'“I used limestone,” the architect explains' where no one named before is the
    architect: one person the text describes and does not name, never a vague group (unlike
    "the poor", whose words are no person's noun)."""
    if attribution.kind is SourceKind.VAGUE and attribution.entity is None \
            and (finding.back_reference is DESCRIPTION_REFERENCE or finding.back_reference is ROLE_REFERENCE):
        return replace(attribution, kind=SourceKind.NAMED_PERSON)
    return attribution


def named_since_speaker(attribution: Attribution, finding: Finding, index: int, sentences,
                        history: list[Resolved], mentions, fits_description, personal_pronoun) -> Attribution:
    """'„…“, sagte Lindner. Kris de Decker kennt das aus eigener Erfahrung. Seit 2008 verzichtet
    der Journalist auf Flüge. „…“, erzählt der 48-Jährige.': a description the lexicon lets
    mean anyone (an age, "der Politiker") means the person a sentence of narrative names after
    the last speaker it fits, not that speaker: the nearest such sentence that names one
    person, whom the description fits, and no pronoun before them ("Er kritisierte Olaf Scholz"
    goes on about someone already there)."""
    reference = finding.back_reference
    # (a description: words of its own, not "er"; one that may mean a named person or not, not
    # "der Minister", whom an earlier source with that word means)
    if (reference is None or reference.count != 1 or reference.plural or len(reference.refers_to) < 2
            or SourceKind.NAMED_PERSON not in reference.refers_to or not set(reference.refers_to) <= _PEOPLE
            or reference.fallback not in (SourceKind.NAMED_PERSON, SourceKind.VAGUE)
            or len(finding.source.split()) < 2 or finding.source == finding.cue):
        return attribution
    spoke_at = -1
    if attribution.entity is not None:
        spoke_at = next((earlier for earlier in range(min(index, len(history)) - 1, -1, -1)
                         if history[earlier].attribution is not None
                         and who_of(history[earlier].attribution) == attribution.entity), -1)
    for earlier in range(index - 1, max(spoke_at, index - 1 - DESCRIPTION_LOOKBACK_SENTENCES), -1):
        if sentences[earlier].block < sentences[earlier + 1].block - 1 or history[earlier].attribution is not None:
            return attribution
        named = list(dict.fromkeys(mentions(earlier)))
        if not named:
            continue
        text = sentences[earlier].text
        at = first_written(named[0], text)
        if len(named) != 1 or at < 0 or not fits_description(finding.source, named[0]) \
                or any(personal_pronoun(word) for word in WORD.findall(text[:at])):
            return attribution
        return replace(attribution, kind=SourceKind.NAMED_PERSON, entity=named[0])
    return attribution


def role_held_nearby(attribution: Attribution, index: int, mentions, holders: frozenset[str]) -> Attribution:
    """'President Trump’s ambassador, Nikki R. Haley, said …' then 'But the president said …' in
    an article that also names President George W. Bush: a role several people hold in the
    article means the one of them the sentences just before name, where they name only one
    (and its own sentence none: "the president told Putin" is not Putin)."""
    # (by surname: the cast may give a shared one to another of the family, "President Trump"
    # to Ivanka Trump, where a sentence's "Mr. Trump" is by gender the president)
    surnames = {name.split()[-1] for name in holders}
    if any(name.split()[-1] in surnames for name in mentions(index)):
        return attribution
    near = {name for earlier in range(index - 1, max(-1, index - 1 - ROLE_LOOKBACK_SENTENCES), -1)
            for name in mentions(earlier) if name.split()[-1] in surnames}
    # (one name: two of a surname, "George W. Bush" and "George H. W. Bush", or "Mr. Trump" and
    # "Ivanka Trump", leave it open)
    return replace(attribution, entity=near.pop()) if len(near) == 1 else attribution


def _one_of(attribution: Attribution, named: list[str]) -> str | None:
    """Which of the people a sentence names its attribution rests on: its entity, else the
    name its source is or ends with ("Trump" of "Donald Trump")."""
    if attribution.entity is not None:
        return attribution.entity
    last = attribution.source.split()[-1] if attribution.source else None
    return next((name for name in named if name == attribution.source or name.split()[-1] == last), None)


def _in_dialogue(previous: Attribution, history: list[Resolved], index: int, named: list[str]) -> bool:
    """Whether ``previous`` quotes the person ``named`` answering another named person, whom
    sentence ``index`` rests on ("Kimmel asked her …. Aniston replied, “…”")."""
    earlier = history[index].attribution if 0 <= index < len(history) else None
    if previous.quote is not QuoteKind.DIRECT or earlier is None or earlier.kind is not SourceKind.NAMED_PERSON \
            or not (earlier.entity or earlier.source):
        return False
    return (earlier.entity or earlier.source).split()[-1] != named[0].split()[-1]


def pair_named_before(attribution: Attribution, finding: Finding, index: int, sentences, mentions,
                       pair_of) -> Attribution:
    """'Dana Okafor and Lee Park met investors. Both men said …': two people the sentences
    just before name are on the record, not anonymous (the fallback only where nobody is).
    So are "they" with no earlier source, after two people joined by "and" in its own
    sentence or the one before ('Larry Page and Sergey Brin founded Google. … they
    discovered …')."""
    reference = finding.back_reference
    if reference is None:
        return attribution
    if reference.count != 2 and reference.plural and attribution.kind is not SourceKind.NAMED_PERSON:
        # its own sentence before it, whatever source came earlier ("Paul Edelstein and Lutz
        # Kilian concentrated on …; they estimated …")
        before = sentences[index].text[:finding.source_span[0]]
        named = [name for name in dict.fromkeys(mentions(index)) if name.split()[-1] in before]
        if len(named) == 2 and _joined_by_and(before, named) and _set_off_before(before, named):
            return replace(attribution, kind=SourceKind.NAMED_PERSON, entity=pair_of(named))
    just_before = _pair_just_before(index, sentences, mentions) if reference.count != 2 and reference.plural else None
    if attribution.entity is not None:
        if just_before is not None and _set_off_before(sentences[index - 1].text, just_before) and not any(
                word in sentences[index - 1].text for word in attribution.entity.split()):
            # "Lorenz and Fetter plotted the motion. They found …": the pair the sentence just
            # before opens with is nearer than any source further back
            return replace(attribution, kind=SourceKind.NAMED_PERSON, entity=pair_of(just_before))
        return attribution
    if reference.count != 2:
        if not reference.plural or attribution.kind is not reference.fallback:
            return attribution
        if just_before is not None:
            return replace(attribution, kind=SourceKind.NAMED_PERSON, entity=pair_of(just_before))
        return attribution
    block = sentences[index].block
    for earlier in range(index - 1, max(-1, index - 1 - PRONOUN_LOOKBACK_SENTENCES), -1):
        if sentences[earlier].block < block - 1:
            break
        named = list(dict.fromkeys(mentions(earlier)))
        if len(named) >= 2:
            return replace(attribution, kind=SourceKind.NAMED_PERSON, entity=pair_of(named[:2]))
    return attribution


def _pair_just_before(index: int, sentences, mentions) -> list[str] | None:
    """The two people the sentence just before (in its paragraph or the one before) names as
    "A and B", or None."""
    if index == 0 or sentences[index - 1].block < sentences[index].block - 1:
        return None
    named = list(dict.fromkeys(mentions(index - 1)))
    return named if len(named) == 2 and _joined_by_and(sentences[index - 1].text, named) else None


def _set_off_before(text: str, names: list[str]) -> bool:
    """The pair opens the text or a phrase set off by a comma ("The authors of the paper, Paul
    Edelstein and Lutz Kilian, …"), not an object ("for allowing Page and Brin to …")."""
    words = [next((word for word in name.split() if word in text), "") for name in names]
    starts = [text.find(word) for word in words if word]
    if not starts:
        return False
    previous = text[:min(starts)].split()[-1:]
    return not previous or previous[0].endswith((",", ";")) or previous[0][:1].isupper()


def _joined_by_and(text: str, names: list[str]) -> bool:
    """The two names stand together as "A and B" (by their last words: "Page and Brin")."""
    first, second = (re.escape(name.split()[-1]) for name in names)
    return any(re.search(rf"\b{a}\b,?\s+and\s+(?:[\w.'’-]+\s+){{0,3}}{b}\b", text)
               for a, b in ((first, second), (second, first)))
