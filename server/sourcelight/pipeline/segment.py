"""Sentence splitting: each block's text cut into Sentences with offsets into the article text.

The rules are language-free; what a period means in a language (abbreviations, ordinals,
quotation marks) is data in lexicons/sentences/<language>.toml. A quotation that closes
within its paragraph stays in one sentence with its attribution ('"A. B," she said.'),
because the note on how it is sourced belongs to the whole quote — unless the language's
data says ``split_inside_quotes`` (where the attribution engine carries the speaker across
the quote's sentences itself).
"""
from __future__ import annotations

import bisect
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from sourcelight.pipeline.model import Article, BlockKind, Sentence, widened

__all__ = ["split_sentences", "split_text", "SegmentationRules", "rules_for", "NAME_WORD"]

# Plain text keeps the writer's whitespace (runs of spaces, no-break spaces); the engine
# reads each run as one space. HTML text has none of it.
_WHITESPACE_RUN = re.compile(r"\s+")
_NOT_ONE_SPACE = re.compile(r"\s\s|[^\S ]")
# A quoted stretch longer than this is split anyway: a claim should stay readable.
MAX_QUOTED_SENTENCE_CHARS = 700

# A candidate end: terminal punctuation, closing quotes/brackets, then whitespace.
# Only where a run of end marks begins, taken whole: a run of 100,000 dots on a hostile page
# is one candidate, not 100,000 ever shorter ones (which took minutes).
# A reference work's footnote marks may follow ("… well-governed states.[86] As at 2017, …").
_CANDIDATE = re.compile(r"(?<![.!?…])([.!?…]++)([\"'”’»“)\]]*+(?:\[(?:\d{1,4}|[a-z]|citation needed)\])*+)(\s+)")
# A closing mark glued to the next sentence's opening one ('… native-born.”“Your facts are
# wrong,” Ramos wrote.'), which pasted web text often has: a sentence may end there too.
_GLUED = re.compile(r"(?<![.!?…])([.!?…]++)([^\w\s]{1,2})(?=[^\w\s]\w)")
_OPENERS = frozenset("\"'“‘„«([¿¡―—–-")
# A dash, then a word in lower case: the sentence goes on ("«…?» — спросил Иван", "—¿Por qué?
# —preguntó Juan"); a dash before a capital opens the next line of a dialogue. (Not a hyphen,
# which also marks the items of a list: "… adm. -she doesn't have the range".)
_DASH_THEN_LETTER = re.compile(r"[―—–]\s*([^\W\d_])")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_ACRONYM = re.compile(r"^(?:\w\.)+\w$")
_NEXT_WORD = re.compile(r"[\w'’-]+")
_LOOKBEHIND_CHARS = 64
# A sign-off between two quotes of one paragraph ('…shame.” ― Sonya Herridge “During the
# debate…'): it ends a sentence with no terminal punctuation of its own.
NAME_WORD = r"[^\W\d_][\w'’.-]*"  # one word of a signer's name (attribution/signoffs.py too)
_SIGN_OFF_BREAK = re.compile(
    rf"(?<=[”\"»])\s*[―—]\s*(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}}?)(?P<gap>\s+)(?=[“\"«„])")

# A bullet between words opens a list's next item ("• Seven bodies found so far • Pilot had
# asked to change route"): the item before it ends there, with no end mark of its own.
_BULLET_BREAK = re.compile(r"(?<=\S)(\s+)[•▪■►](?=\s)")
# Two paragraphs the page glued with no space between ("… since the 1800s.The fact that …"):
# a word in lower case, a period, then a capitalised word and a space.
_GLUED_WORDS = re.compile(r"(?<![^\W_])([^\W_]+[a-z\d])\.(?=([A-Z][a-z]+)\s)")


@dataclass(frozen=True)
class SegmentationRules:
    abbreviations: frozenset[str]
    lower_abbreviations: frozenset[str]
    ambiguous_abbreviations: frozenset[str]
    number_abbreviations: frozenset[str]
    sentence_starters: frozenset[str]
    months: frozenset[str]
    # Nouns an ordinal number comes before ("im 18. Jahrhundert", "auf dem 2. Platz"): a period
    # after a number ends no sentence before one, as before a month.
    ordinal_nouns: frozenset[str]
    openers: dict[str, str]  # opening mark → its closing mark
    closers: frozenset[str]
    # False: a quotation closing within its paragraph stays one sentence with its
    # attribution. True: every sentence of it is its own claim, and the attribution engine
    # carries the speaker over the quote (engines that stand on a sentence parse want this).
    split_inside_quotes: bool = False


@functools.cache
def rules_for(language: str) -> SegmentationRules:
    """The rules of a language, or language-neutral ones when it has no data file."""
    data = _load(language) or {}
    abbreviations = frozenset(data.get("abbreviations", ()))
    pairs = data.get("quotes", [["“", "”"], ["«", "»"], ["„", "“"]])
    openers: dict[str, str] = {}
    for opening, closing in pairs:
        openers.setdefault(opening, closing)
    return SegmentationRules(
        abbreviations=abbreviations,
        lower_abbreviations=frozenset(a.lower() for a in abbreviations if a[:1].islower()),
        ambiguous_abbreviations=frozenset(data.get("ambiguous_abbreviations", ())),
        number_abbreviations=frozenset(data.get("number_abbreviations", ())),
        sentence_starters=frozenset(data.get("sentence_starters", ())),
        months=frozenset(data.get("months", ())),
        ordinal_nouns=frozenset(data.get("ordinal_nouns", ())),
        openers=openers,
        closers=frozenset(closing for _, closing in pairs),
        split_inside_quotes=bool(data.get("split_inside_quotes", False)),
    )


def _load(language: str) -> dict | None:
    if not re.fullmatch(r"[a-z]{2,3}", language or ""):
        return None
    resource = resources.files("sourcelight.lexicons").joinpath("sentences").joinpath(f"{language}.toml")
    if not resource.is_file():
        return None
    return tomllib.loads(resource.read_text(encoding="utf-8"))


# Only sentences are claims: the title and headings stay in the reader, unannotated.
CLAIM_BLOCKS = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM})


def split_sentences(article: Article, language: str) -> tuple[Sentence, ...]:
    """The sentences of the article's text blocks (paragraphs, quotes, list items), in
    reading order. Headings, and pieces with no word in them ("2.", "___"), are no claims."""
    rules = rules_for(language)
    sentences: list[Sentence] = []
    for block in article.blocks:
        if block.kind not in CLAIM_BLOCKS or not block.text:
            continue
        text, gaps = _one_space_per_run(block.text)
        for start, end in split_text(text, rules):
            if not any(char.isalpha() for char in text[start:end]):
                continue
            sentences.append(Sentence(
                index=len(sentences), block=block.index, start=block.start + widened(start, gaps),
                end=block.start + widened(end, gaps), text=text[start:end],
                gaps=tuple((at - start, dropped) for at, dropped in gaps if start <= at < end),
            ))
    return tuple(sentences)


def _one_space_per_run(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text with each whitespace run one space, and the runs shortened: (where the
    space is in the new text, how many characters after it were dropped)."""
    if not _NOT_ONE_SPACE.search(text):
        return text, ()
    pieces: list[str] = []
    gaps: list[tuple[int, int]] = []
    last = dropped = 0
    for run in _WHITESPACE_RUN.finditer(text):
        pieces += [text[last:run.start()], " "]
        if len(run.group()) > 1:
            gaps.append((run.start() - dropped, len(run.group()) - 1))
            dropped += len(run.group()) - 1
        last = run.end()
    pieces.append(text[last:])
    return "".join(pieces), tuple(gaps)


def split_text(text: str, rules: SegmentationRules) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph; whitespace between them is left out."""
    quoted = _quoted_stretches(text, rules)
    spans: list[tuple[int, int]] = []
    start = 0
    for position, end, resume in _candidate_ends(text, rules):
        if (not rules.split_inside_quotes and _inside(quoted, position, end)
                and end - start < MAX_QUOTED_SENTENCE_CHARS):
            continue
        spans.append((start, end))
        start = resume
    if start < len(text):
        spans.append((start, len(text)))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _candidate_ends(text: str, rules: SegmentationRules) -> list[tuple[int, int, int]]:
    """(where the end mark stands, where the sentence ends, where the next one starts) of
    every place a sentence may end, in order."""
    ends = [(match.start(1), match.end(2), match.end(3)) for match in _CANDIDATE.finditer(text)
            if _is_boundary(text, match, rules)]
    signed = [(match.end("name") - 1, match.end("name"), match.end("gap"))
              for match in _SIGN_OFF_BREAK.finditer(text) if match.group("name")[0].isupper()]
    glued = [(match.start(1), match.end(2), match.end(2)) for match in _GLUED.finditer(text)
             if _closes_then_opens(text, match, rules)]
    bullets = [(match.start(), match.start(), match.end(1)) for match in _BULLET_BREAK.finditer(text)]
    run_on = [(match.end(1), match.end(), match.end()) for match in _GLUED_WORDS.finditer(text)
              if _period_ends_sentence(match.group(1), match.group(2)[0], match.group(2), rules)]
    extra = signed + glued + bullets + run_on
    return sorted(ends + extra) if extra else ends


def _closes_then_opens(text: str, match: re.Match, rules: SegmentationRules) -> bool:
    """Closing marks, then a mark that only opens (the English “, the German „, not the
    German “, which closes) and a capital: '….”“Your …', '….“„Es …'."""
    opening, first = text[match.end(2)], text[match.end(2) + 1]
    return all(c in rules.closers for c in match.group(2)) and opening in rules.openers \
        and opening not in rules.closers and (first.isupper() or first.isdigit())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_boundary(text: str, match: re.Match, rules: SegmentationRules) -> bool:
    after = match.end(3)
    if after >= len(text):
        return False
    following = text[after]
    # (and the language's own opening marks: German »…« opens with »)
    if not (following.isupper() or following.isdigit() or following in _OPENERS or following in rules.openers):
        return False
    dash = _DASH_THEN_LETTER.match(text, after)
    if dash and dash.group(1).islower():
        return False  # a speaker's tag after a quote, not a new line of dialogue: "«Почему?» — спросил он."
    if match.group(1) != ".":
        return True
    # Only the word before the period matters: look back a bounded stretch, not the whole
    # paragraph (a 900,000-character paragraph must not take minutes).
    token_match = _TOKEN_BEFORE.search(text, max(0, match.start(1) - _LOOKBEHIND_CHARS), match.start(1))
    if not token_match:
        return True
    token = token_match.group(1).lstrip("\"'“‘„«([”’»")  # also a closing mark typed as opening ('”Mr.')
    next_word = _NEXT_WORD.match(text, after)
    next_word = next_word.group(0) if next_word else ""
    return _period_ends_sentence(token, following, next_word, rules)


def _period_ends_sentence(token: str, following: str, next_word: str, rules: SegmentationRules) -> bool:
    if token in rules.abbreviations or token.lower() in rules.lower_abbreviations:
        return False
    if token in rules.number_abbreviations and following.isdigit():
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: "John F. Kennedy", "В. Путин"
    if token.isdigit() and (next_word in rules.months or next_word in rules.ordinal_nouns):
        return False  # an ordinal: "am 3. Oktober", "im 18. Jahrhundert"
    if _ACRONYM.match(token) or token in rules.ambiguous_abbreviations:
        return next_word in rules.sentence_starters  # "the U.S. The ..." vs "U.S. officials"
    return True


def _quoted_stretches(text: str, rules: SegmentationRules) -> list[tuple[int, int]]:
    """Spans of text inside quotation marks that close within this paragraph."""
    stretches: list[tuple[int, int]] = []
    open_at: int | None = None
    closing = ""
    for i, char in enumerate(text):
        if open_at is None:
            if char == '"' or char in rules.openers:
                open_at, closing = i, ('"' if char == '"' else rules.openers[char])
        elif char == closing or (char == '"' and closing != '"') or (closing == '"' and char in rules.closers):
            stretches.append((open_at, i))
            open_at = None
    return stretches


def _inside(stretches: list[tuple[int, int]], position: int, candidate_end: int) -> bool:
    """True when the candidate end lies within a quote that does not close right there."""
    # Stretches are disjoint and in order: only the last one starting before us can hold us.
    index = bisect.bisect_left(stretches, (position,)) - 1
    if index < 0:
        return False
    start, end = stretches[index]
    return start < position < end and candidate_end <= end
