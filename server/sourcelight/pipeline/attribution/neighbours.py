"""Back references the sentences just before resolve, where no earlier source does: a
pronoun meaning the person named shortly before, a personal pronoun's nearer person
(context.py calls these for every attributed sentence; descriptions.py does the same for
descriptions and pairs, thing_pronouns.py for an opening "it")."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.names import without_possessive
from sourcelight.pipeline.attribution.quotes import QuoteState
from sourcelight.pipeline.model import Attribution, SourceKind

WORD = re.compile(r"\w+")  # "the president" is not "the presidential candidate"
# How far back a pronoun may look for a person named outside any attribution.
PRONOUN_LOOKBACK_SENTENCES = 2
# How far into its sentence a name may start and still be taken for the subject ("But
# Clinton …", "And Mr. Obama …").
SUBJECT_AT = 8
# How near after an opening possessor the name it owns stands ("Holt's liberal NBC News
# colleague Matt Lauer"), in characters.
OWNED_NAME_WITHIN = 40
# How far after the opening clause's comma the main clause's subject may start (", Sanders").
MAIN_CLAUSE_AT = 3
# What may follow a tag's cue: the tag ends there (", he said." ", she added, and …")
_TAG_END = re.compile(r"\s*(?:[,.;:!?]|$)")
_POSSESSIVE_WORD = re.compile(r"[\w.-]+(?:['’]s|s['’])(?!\w)")


@dataclass(frozen=True)
class Resolved:
    attribution: Attribution | None
    block: int
    # A body that spoke through a person ("a spokesman for Acme said"): "he" may mean it.
    voiced: bool = False


def who_of(found: Finding | Attribution) -> str | None:
    """The source as known across the article (a Finding has only its words)."""
    return found.who if isinstance(found, Attribution) else found.source


def named_before(attribution: Attribution, finding: Finding, index: int, sentences, mentions,
                  fits) -> Attribution:
    """A pronoun nobody attributed before ("The minister, Anna Berg, defended the plan.
    She said ...") means the person the previous sentences named, if one did."""
    reference = finding.back_reference
    if (reference is None or SourceKind.NAMED_PERSON not in reference.refers_to or reference.count != 1
            or attribution.entity is not None or len(finding.source.split()) != 1):
        return attribution
    block = sentences[index].block
    for earlier in range(index - 1, max(-1, index - 1 - PRONOUN_LOOKBACK_SENTENCES), -1):
        if sentences[earlier].block < block - 1:
            break
        named = [name for name in mentions(earlier) if fits(finding.source, name)]
        if named:
            return replace(attribution, kind=SourceKind.NAMED_PERSON, entity=named[-1])
    return attribution


def _pronoun_ahead_of(name: str, text: str, pronoun: str, same_pronoun) -> bool:
    """The sentence used the pronoun before it named ``name``, so it meant someone else there
    and goes on meaning them: "… lives with her partner, a film-maker called Brian Petsos, but
    she responds …", "… the movies he and Hurwitz admire …, he admits" (not a pronoun of a
    clause opening the sentence, which the name may then open the main clause after: "Steering
    clear of his rivals, Kasich …")."""
    at = first_written(name, text)
    words = text[:max(0, at)]
    return same_pronoun is not None and not _ends_opening_phrase(words) and any(
        same_pronoun(pronoun, word) for word in WORD.findall(words))


def _ends_opening_phrase(before: str) -> bool:
    """The text up to a word ends at the comma of the one phrase that opens the sentence
    ("Steering clear of his rivals, | Kasich …")."""
    return before.rstrip().endswith(",") and before.count(",") == 1


def nearer_person(attribution: Attribution, finding: Finding, index: int, sentences,
                   history: list[Resolved], mentions, fits, quote: QuoteState,
                   same_pronoun=None, looked_back_from: int | None = None,
                   object_word=lambda _: False, clause_word=lambda _: False, verb_second: bool = False,
                   unquoted_text=None) -> Attribution:
    """'When Trump arrived, he said …' or 'Trump attacked the press. He said …': a personal
    pronoun means the person named just before it — in its own sentence (the one opening it,
    else the nearest; after a clause opening the sentence, the name the main clause opens
    with), else as the first name (usually the subject) of the sentence before, unless that
    sentence already used the pronoun ahead of it (``same_pronoun``) — rather than a speaker
    quoted further back, such as the press secretary two paragraphs up. For a tag closing a
    quote that opened earlier, "the sentence before" is ``looked_back_from`` (before_its_quote);
    a name after a preposition (``object_word``) is no subject, one after a word that opens a
    clause (``clause_word``: "So when Matie recruited laborers, he …") is one, and where the verb
    comes second (``verb_second``) one the verb and the same pronoun follow is the object
    ("Philipp Hahn kenne er privat, sagt er"). ``unquoted_text(i)`` is sentence i with its
    quotes masked."""
    reference = finding.back_reference
    if (reference is None or reference.fallback is not SourceKind.NAMED_PERSON
            or reference.count != 1 or len(finding.source.split()) != 1
            or attribution.kind not in (SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION, SourceKind.ANONYMOUS)):
        return attribution
    person = replace(attribution, kind=SourceKind.NAMED_PERSON)
    sentence = sentences[index]
    pronoun_at = finding.source_span[0]
    # not a name inside the quote ("“… Hillary Clinton will withdraw,” he said" is not hers)
    unquoted = quote.masked(sentence.text)
    # (nor one in a participle's phrase opening the sentence: "Citing John Locke, Edmund Burke
    # and Thomas Jefferson, she recommended …")
    opening = unquoted.rfind(",", 0, pronoun_at) if unquoted.split(" ", 1)[0].endswith("ing") else -1
    before = [name for name in mentions(index)
              if opening < _named_as_subject(name, unquoted, object_word, clause_word) < pronoun_at
              and fits(finding.source, name) and not _pronoun_ahead_of(name, unquoted, finding.source, same_pronoun)
              and not (verb_second and _verb_and_pronoun_after(name, unquoted, finding.source))
              and not _tag_interrupts(name, unquoted, pronoun_at, finding.cue_span[1])]
    previous = history[index - 1].attribution if 0 < index <= len(history) else None
    if before and previous is not None and previous.kind is SourceKind.NAMED_PERSON and attribution.entity is not None \
            and who_of(previous) == attribution.entity and _closing_tag(sentence.text, pronoun_at, finding.cue_span[1]):
        # A tag set off after the words it reports, where the sentence before is the same
        # speaker's: a name inside those words is whom they speak of ("He said … . What Page
        # was doing was “completely ridiculous,” he said" is Ron Dolin on Page), unless it
        # opens the sentence and the speaker before was named ("(Scott denies this.) Luhn
        # later moved …, she says" is Luhn's)
        same_pronoun = (previous.source or "").casefold() == finding.source.casefold()
        before = [] if same_pronoun else [name for name in before if first_written(name, unquoted) < SUBJECT_AT]
    if not before:
        # "the case of Eric Garner, a man choked to death as he pleaded …": a name after a
        # preposition, then a description set off that holds the pronoun, is who it means
        before = [name for name in mentions(index)
                  if fits(finding.source, name) and _described_up_to(name, unquoted, pronoun_at)
                  and not _pronoun_ahead_of(name, unquoted, finding.source, same_pronoun)][-1:]
    if not before and _opening_clause(unquoted, pronoun_at):
        # the name the main clause opens with after the pronoun's clause: "While he's said
        # he'll fight on, Sanders must decide …"
        comma = unquoted.find(",", pronoun_at)
        main = [name for name in mentions(index) if fits(finding.source, name)
                and 0 <= first_written(name, unquoted) - comma <= MAIN_CLAUSE_AT]
        if comma > 0 and main:
            return _meaning(person, attribution, finding, main[0])
    if before:
        # the sentence's opening name, its subject more often than not, else the nearest:
        # "Clinton also made a reference to Comey's testimony …, but she continued" is Clinton
        written = {name: first_written(name, unquoted) for name in before}
        opening = next((name for name in before if 0 <= written[name] < SUBJECT_AT), None)
        if opening is not None:
            # not a possessor whose noun is the next name ("Holt's NBC colleague Matt Lauer …")
            at = written[opening]
            first_word = unquoted[at:].split(maxsplit=1)[0]
            following = [name for name in before if name != opening
                         and at < written[name] < at + OWNED_NAME_WITHIN and "," not in unquoted[at:written[name]]]
            if without_possessive(first_word) != first_word and following:
                opening = following[0]
        return _meaning(person, attribution, finding, opening or before[-1])
    # (the sentence before the quote it tags, where that opens further back: "Amanda Carpenter …
    # took to Twitter. “Has anyone compiled …? I will if it doesn't exist,” she tweeted.")
    quote_opens = index if looked_back_from is None else looked_back_from + 1
    earlier = index - 1 if looked_back_from is None else looked_back_from
    if attribution.entity is None or earlier < 0 or sentences[earlier].block < sentences[quote_opens].block - 1:
        return attribution
    named = [name for name in mentions(earlier) if fits(finding.source, name)]
    if not named and earlier > 0 and sentences[earlier - 1].block >= sentences[quote_opens].block - 1 \
            and [w.casefold() for w in WORD.findall(sentences[earlier].text)[:1]] == [finding.source.casefold()]:
        # "Ailes was paranoid … He was known for monitoring emails. “…,” he told the staff": a
        # sentence that goes on about "him" by the same pronoun passes it on from the one before
        earlier -= 1
        named = [name for name in mentions(earlier) if fits(finding.source, name)]
    previous = history[earlier].attribution if earlier < len(history) else None
    # (not one the sentence only names as an owner, where it names another person: "… outstripped
    # all of Apatow's other films …, puts Wiig in the zone …" then "“…,” she says." is Wiig)
    named = [name for name in named if not _only_as_owner(name, sentences[earlier].text)] or named
    text = sentences[earlier].text
    # (nor one it names only after a preposition, where it names another: "But like Trump,
    # Rubio holds several positions …" then "He believes …" is Rubio)
    subjects = [name for name in named if _named_as_subject(name, text, object_word) >= 0]
    named = subjects or named
    named_at = first_written(named[0], text) if named else -1
    # (a name only inside a quote, as a title's "… My Vote for Trump", is no subject of it)
    outside_quotes = not named or unquoted_text is None or first_written(named[0], unquoted_text(earlier)) >= 0
    if previous is not None and who_of(previous) == attribution.entity and not (
            previous.kind in (SourceKind.ANONYMOUS, SourceKind.VAGUE) and previous.source
            and 0 <= named_at < text.find(previous.source) and outside_quotes):
        # the sentence before already speaks of them (but "Kelly went to Lewis, according to
        # a person close to Kelly. She told Lewis …" goes on about the one it named first, not
        # about the unnamed source it rests on)
        return attribution
    if not named:
        return attribution
    if same_pronoun is not None:
        # "… that worked for him … in his debates against Clinton. … so he won't be able to
        # brag": the sentence before already spoke of "him" ahead of its first name, and the
        # pronoun goes on meaning that one
        # (not a pronoun of an opening clause that the name then opens the main clause of:
        # "Steering clear of … his GOP rivals, Kasich has sought …"; but a name set off at the
        # sentence's end is an apposition: "… the server used by his Democratic opponent,
        # Hillary Clinton.")
        at = max(0, named_at)
        words = text[:at]
        after_opening_clause = words.rstrip().endswith(",") and not _closes_sentence(named[0], text, at)
        if not after_opening_clause and any(same_pronoun(finding.source, word) for word in WORD.findall(words)):
            return attribution
    # (not where that sentence writes the speaker found so far first, by a name the cast
    # missed: "Tiegen was also troubled by Clinton's handling …"; but not by a word of an
    # unnamed source's description, "a person close to Kelly", nor in a phrase set off before
    # the name that heads it, "But like Trump, Rubio holds …")
    written = first_written(attribution.entity, text) if attribution.kind is SourceKind.NAMED_PERSON else -1
    set_off = attribution.entity not in subjects and 0 <= named_at - text.find(",", written) <= 2
    if 0 <= written <= named_at and not set_off:
        return attribution
    return _meaning(person, attribution, finding, named[0])


def _verb_and_pronoun_after(name: str, unquoted: str, pronoun: str) -> bool:
    """The name's first mention is followed by one word and then ``pronoun``: the verb and its
    subject, after an object put first ("Philipp Hahn kenne er privat")."""
    at = unquoted.find(name)
    if at < 0:
        return False
    # (past the period of an initial the name was written with: "Philipp H. kenne er")
    following = [word for word in unquoted[at + len(name):].split() if word.strip(",.;:")][:2]
    return len(following) == 2 and following[1].strip(",.;:").casefold() == pronoun.casefold()


def _meaning(person: Attribution, resolved: Attribution, finding: Finding, entity: str) -> Attribution:
    """The pronoun's attribution as meaning ``entity``; an outlet that relayed the speaker it was
    first taken for ("Batchelder told the Post …") does not relay another one."""
    via = person.via if entity == resolved.entity else finding.via
    return replace(person, entity=entity, via=via)


def _closes_sentence(name: str, text: str, at: int) -> bool:
    """The name written at ``at`` ends the sentence, nothing but punctuation after it."""
    last = name.split()[-1]
    written = re.search(rf"(?<!\w){re.escape(last)}(?!\w)", text[at:])
    return written is not None and not text[at + written.end():].strip(" .!?\"'”’)")


def before_its_quote(index: int, quotes: list[QuoteState]) -> int | None:
    """Where a sentence closes a quote opened in an earlier one, the sentence before that quote
    (the one holding its opening, where words of narrative come first); else None."""
    earlier = index
    while earlier > 0 and quotes[earlier].starts_inside:
        earlier -= 1
    if earlier == index:
        return None
    return earlier - 1 if quotes[earlier].opens_at_start else earlier


def fits_here(fits, finding: Finding, index: int, sentences, quotes: list[QuoteState],
              people: frozenset[str] = frozenset()):
    """``fits`` for a pronoun, less anyone its own sentence names after it outside quotes
    ("She asked Richards …", "he said Trump would win" never mean Richards or Trump) and
    anyone named inside the quote it tags, back to where that quote opens ("“They thought
    Obama saying ‘…’ would do it. But it's not enough,” she said" is not Obama), unless the
    word it writes is also the surname of another of the article's ``people`` the pronoun
    cannot mean ("She said Obama is the calm dad" of Michelle and Barack Obama)."""
    if finding.back_reference is None or len(finding.source.split()) != 1:
        return fits
    sentence, quote = sentences[index], quotes[index]
    unquoted = quote.masked(sentence.text)
    # (a tag set off inside what it reports may mean a name after it: "As he welcomed
    # guests, he said, Brennan was …")
    set_off = unquoted[finding.cue_span[1]:].lstrip().startswith(",")
    # (to the end of its clause: "… after he told the Journal …: “…,” Roffman predicted" may
    # be Roffman; and not a name it follows: "Roffman … drew Trump's ire after he told …")
    after = re.split(r"[:;]", unquoted[finding.source_span[1]:])[0]
    if _opening_clause(unquoted, finding.source_span[0]):
        after = after.split(",")[0]  # "While he's said he'll fight on, Sanders must decide …" may be Sanders
    # (nor a name only owning something there, which loose writing allows: "He notes … an
    # issue with Trump's microphone")
    after = _POSSESSIVE_WORD.sub(" ", after)
    before = unquoted[:finding.source_span[0]]
    texts = [] if set_off else [after]
    earlier = index
    while True:
        # the stretches of this quote: before the pronoun in its sentence, and in the sentences
        # it runs on from, the one still open at their end
        stretches = quotes[earlier].stretches if earlier == index else (
            quotes[earlier].stretches[-1:] if quotes[earlier].ends_inside else ())
        texts += [sentences[earlier].text[start:end] for start, end in stretches
                  if earlier < index or start < finding.source_span[0]]
        if not quotes[earlier].starts_inside or earlier == 0:
            break
        earlier -= 1

    def fitting(pronoun: str, name: str | None, named: bool = True) -> bool:
        # (but "he said that his daughter Ivanka Trump …" may be Mr. Trump: a fuller name the
        # pronoun cannot mean is another of the family)
        return fits(pronoun, name, named) and not (name and first_written(name, before) < 0 and any(
            first_written(name, text) >= 0 and not _another_of_family(name, text, lambda run: fits(pronoun, run))
            and not _namesake_meant(name, text, people, lambda other: fits(pronoun, other))
            for text in texts))

    return fitting


def _another_of_family(name: str, text: str, fits_run) -> bool:
    """Whether the text writes the name's word within a fuller name of someone else, one the
    pronoun cannot mean ("Ivanka Trump" for "Mr. Trump" and "he")."""
    at = first_written(name, text)
    start = at
    while (previous := _WORD_BEFORE.search(text, 0, start)) is not None and previous.group(1)[:1].isupper():
        start = previous.start()
    run = text[start:at] + text[at:].split(maxsplit=1)[0]
    return bool(set(run.split()) - set(name.split())) and not fits_run(run)


def _namesake_meant(name: str, text: str, people: frozenset[str], fits_other) -> bool:
    """Whether the word of the name the text writes is the surname alone, and another person
    of the article carries it whom the pronoun cannot mean: that one may be who is written."""
    surname = name.split()[-1]
    at = first_written(name, text)
    if len(name.split()) < 2 or text[at:at + len(surname)] != surname:
        return False
    return any(other != name and len(other.split()) > 1 and other.split()[-1] == surname and not fits_other(other)
               for other in people)


_WORD_BEFORE = re.compile(r"(?<!\S)([^\W\d_][\w’'-]*\.?)\s+$")


def _opening_clause(unquoted: str, pronoun_at: int) -> bool:
    """The pronoun is in a clause that opens the sentence, or what follows its colon, before a
    comma ("While he's said …,", "…: As he welcomed several hundred guests, Scott …"): one or two
    words before it, none a comma."""
    opening = unquoted[:pronoun_at]
    opening = opening[max(opening.rfind(":"), opening.rfind(";")) + 1:]
    words = opening.split()
    return 0 < len(words) <= 2 and "," not in opening and "," in unquoted[pronoun_at:]


def _tag_interrupts(name: str, unquoted: str, pronoun_at: int, cue_end: int) -> bool:
    """'John Buchan, she would intone, rose at five …': a pronoun's tag set off between the
    name and its verb: the name opens the words reported, and the pronoun is someone else."""
    at = unquoted.rfind(name, 0, pronoun_at)
    return at >= 0 and not unquoted[at + len(name):pronoun_at].strip(" ,") and unquoted.startswith(
        ",", cue_end) and bool(unquoted[cue_end + 1:].split())


def _closing_tag(text: str, pronoun_at: int, cue_end: int) -> bool:
    """', he said.', ', she added, and …': a pronoun and its cue set off after the words they
    report, with nothing of their own after the cue."""
    return text[:pronoun_at].rstrip().endswith((",", "”", '"', "’", "'")) and bool(
        _TAG_END.match(text, cue_end))


def _named_as_subject(name: str, unquoted: str, object_word=lambda _: False, clause_word=lambda _: False) -> int:
    """Where the sentence writes the person in a way that can head a clause: the whole name
    anywhere but after a preposition (``object_word``: "Campaigning against Mitt Romney, he …"), a
    word of it only where it opens the sentence or a clause, or follows a capitalised word
    ("Sanders probably will find …", "But Mr. Rubio …", "So when Matie recruited …") or the comma
    after a clause opening the sentence, and not as an owner or a modifier ("in response
    to Sanders' charge", "the Clinton campaign", "started Maher's rant"); -1 where it does not."""
    for match in re.finditer(re.escape(name), unquoted):
        previous = unquoted[:match.start()].split()[-1:]
        if not (previous and object_word(previous[0])):
            return match.start()
    if name in unquoted:
        return -1
    for word in name.split():
        if not word[:1].isupper() or len(word) <= 2 or word.endswith("."):
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", unquoted):
            # (an owner opening the sentence heads its subject: "Sanders's role is under
            # discussion, but he has said …")
            owner = unquoted[match.end():match.end() + 1] in ("'", "’") and match.start() > 0
            previous = unquoted[:match.start()].split()[-1:]
            if not owner and (not previous or previous[0][:1].isupper() or clause_word(previous[0])
                              or _after_opening_clause(unquoted[:match.start()], clause_word)):
                return match.start()
    return -1


def _after_opening_clause(before: str, clause_word) -> bool:
    """'While running media strategy on …'s campaign, Ailes propositioned …': the word right
    after the comma that closes a clause opening the sentence (a subordinator's or a
    participle's, and only one comma) opens the main clause."""
    words = before.split()
    return len(words) > 1 and _ends_opening_phrase(before) and (
        clause_word(words[0].strip("(“\"")) or words[0].endswith("ing"))


def _described_up_to(name: str, unquoted: str, pronoun_at: int) -> bool:
    """The whole name, then a comma, and from there to the pronoun one stretch of words: no
    other comma, no other capital-led name (and some words: "…, Burke, and Thomas Jefferson,
    she recommended" describes no one)."""
    at = unquoted.rfind(name, 0, pronoun_at)
    if at < 0 or not unquoted.startswith(",", at + len(name)):
        return False
    between = unquoted[at + len(name) + 1:pronoun_at]
    return bool(between.split()) and not any(mark in between for mark in ",;:.()") and not any(
        word[:1].isupper() for word in between.split())


def _only_as_owner(name: str, text: str) -> bool:
    """Every time the text writes the person (by the whole name or its last word), it is as
    an owner: "Apatow's other films"."""
    spots = [m for word in {name, name.split()[-1]} if word[:1].isupper()
             for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    return bool(spots) and all(text[m.end():m.end() + 1] in ("'", "’") for m in spots)


def first_written(name: str, text: str) -> int:
    """Where the text first writes the person, by the whole name or any word of it ("Sanders
    probably will find …" names Bernie Sanders); -1 where it does not."""
    # (not an initial or a suffix: "J.", "Jr.")
    spots = [m.start() for word in {name, *name.split()} if word[:1].isupper() and len(word) > 2
             and not word.endswith(".")
             for m in (re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text),) if m is not None]
    return min(spots, default=-1)
