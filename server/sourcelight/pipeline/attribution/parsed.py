"""The parse engine's entry points: parse an article's sentences in one batch, and find
each sentence's attribution on its parse (syntax.py), with the sentence-wide facts the rule
engine also applies (impersonal vague forms, anonymity clauses)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from sourcelight.pipeline.attribution.companies import companies_named
from sourcelight.pipeline.attribution.cue_lemmas import regular_stems, token_lemma
from sourcelight.pipeline.attribution.cues import Finding, impersonal_finding, with_anonymity
from sourcelight.pipeline.attribution.deps import object_of, token_at
from sourcelight.pipeline.attribution.headlines import for_parser, in_title_case
from sourcelight.pipeline.attribution.hedges import Flags
from sourcelight.pipeline.attribution.lemmas import WORD, lemma
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.names import without_possessive
from sourcelight.pipeline.attribution.thing_pronouns import THING_PRONOUN_WORDS
from sourcelight.pipeline.attribution.own_antecedents import with_own_antecedent
from sourcelight.pipeline.attribution.person_signs import is_person_role
from sourcelight.pipeline.attribution.relays import heard_by_writer
from sourcelight.pipeline.attribution.parser import load_parser
from sourcelight.pipeline.attribution.beside import parse_all
from sourcelight.pipeline.attribution.cast import (BODIES_KEY, CAST_KEY, GENDERS_KEY, ROLES_KEY, SHARED_ROLES_KEY,
                                                  THINGS_KEY, holders_by_role, shared_roles,
                                                  bodies_named, genders_said, mostly_bodies, people_named,
                                                  role_holders, things_named, works_named)
from sourcelight.pipeline.attribution.sourcekind import guess_source
from sourcelight.pipeline.attribution.sources import SourceGuess
from sourcelight.pipeline.attribution.syntax import find_in_parse
from sourcelight.pipeline.attribution.thing_names import (CAPITALISED_WORDS_KEY, LOWERCASE_WORDS_KEY, THING_NAMES_KEY,
                                                          names_used_as_things, words_capitalised_inside,
                                                          words_written_lowercase)
from sourcelight.pipeline.attribution.unnamed_people import person_word
from sourcelight.pipeline.attribution.wire import DATELINE_SENTENCES, without_dateline
from sourcelight.pipeline.model import Sentence, SourceKind

# Sentences per batch handed to spaCy's nlp.pipe.
PARSE_BATCH = 64
# Sentences parsed per article at most (some 40,000 words, four times a very long feature):
# past them, a page near the text limit would spend the whole time budget in the parser and
# fail, so the rest of such a page is read by the rule engine instead (docs/taxonomy.md).
MAX_PARSED_SENTENCES = 2000
# Words in a sentence the parser reads at most. Real sentences stay far below it; a hostile
# page's "sentence" of thousands of cues ("said, said, …") would make the rules that climb
# the tree or scan the sentence per cue quadratic, so it is read by the rule engine.
MAX_PARSED_WORDS = 400
# A run of this many marks (no letters, no spaces) is cut to its first three for the parser,
# blanks keeping every offset: spaCy's tokenizer splits such a run one mark per pass, each
# pass rescanning the rest, and 20,000 "!" took minutes (explosion/spaCy#1768).
_MARK_RUN = re.compile(r"[^\w\s]{9,}")
# A reference work's footnote mark ("According to the Mozilla Foundation:[41]"), which the
# tokenizer leaves glued to the word before it: "Foundation:[41]" is no name.
_FOOTNOTE_MARK = re.compile(r"(?<=\S)\[(?:\d{1,4}|[a-z]|citation needed)\]")
# A curly apostrophe after a plural ("Sanders’ campaign", "residents’ routines"), which the
# tokenizer takes for a closing quote, hanging the sentence's subject on nothing.
_PLURAL_POSSESSIVE = re.compile(r"(?<=[sS])’(?= \w)")
# Where a parse keeps the sentence it was made from, where the parser was given other words:
# a Title Case headline is parsed with its cue verbs in lower case (headlines.py), and the
# reader is shown the sentence's own words.
TEXT_KEY = "sentence_text"


@dataclass(frozen=True)
class Parses:
    """The parse engine's view of an article: whether it applies, and one parse per sentence
    (None for a sentence with no word that could be a cue: nothing there to find, or for one
    past MAX_PARSED_SENTENCES, listed in ``unparsed``: the rule engine reads those)."""

    engine: bool
    parses: tuple
    unparsed: frozenset[int] = frozenset()
    # Sentences with no cue word parsed only for what they are about: each comes before one
    # that opens with "it" (subject_thing) or "they" (subject_group).
    before_pronoun: dict = field(default_factory=dict)
    # Sentences with no cue word that may name someone in full, read by the recogniser alone.
    names_only: dict = field(default_factory=dict)

    def __iter__(self):
        return iter(self.parses)


def parse_sentences(sentences, lexicon: Lexicon) -> Parses:
    """Parse, in one batch, the sentences that may carry an attribution (engine False when
    the language has no parse engine installed)."""
    nlp = load_parser(lexicon.language) if lexicon.syntax is not None else None
    if nlp is None:
        return Parses(False, (None,) * len(sentences))
    candidates = [index for index, s in enumerate(sentences) if may_attribute(s.text, lexicon)]
    too_long = {index for index in candidates if _too_long(sentences[index].text)}
    wanted = [index for index in candidates if index not in too_long][:MAX_PARSED_SENTENCES]
    unparsed = frozenset(candidates) - frozenset(wanted)
    texts = [without_dateline(sentences[i].text) if sentences[i].index < DATELINE_SENTENCES else sentences[i].text
             for i in wanted]
    given = [for_parser(_plain_possessives(_marks_tamed(t)), lexicon) for t in texts]
    # The other sentences only name people ("Trump hired Paul Manafort, a seasoned
    # operative"): the recogniser alone, without the parser, adds them to the cast.
    chosen = set(wanted)
    others = [i for i in range(len(sentences)) if i not in chosen and i not in unparsed
              and _may_name_in_full(sentences[i].text) and not _too_long(sentences[i].text)][:MAX_PARSED_SENTENCES]
    # What an opening "it" or "they" may mean, or whom an opening "a spokesman" speaks for, is the
    # subject of the sentence before (context.py): those sentences are parsed in the same batch,
    # for that alone.
    before_pronoun = [i - 1 for i in wanted if i > 0 and i - 1 not in chosen and not _too_long(sentences[i - 1].text)
                      and (_opens_with_it_or_they(sentences[i].text, lexicon)
                           or _opens_with_spokesperson(sentences[i].text, lexicon))]
    other_texts = [_marks_tamed(sentences[i].text) for i in others]
    parses, named = parse_all(nlp, given + [_marks_tamed(sentences[i].text) for i in before_pronoun], PARSE_BATCH,
                              other_texts)
    about = dict(zip(before_pronoun, parses[len(wanted):]))
    # Whose "his" or "her" a sentence naming someone writes tells their gender (cast.genders_said):
    # those are parsed too, for that alone ("Christie has been busy, but his guilty pleasure …"),
    # in a batch of their own (the batch's make-up may move the recogniser's borderline names)
    owned = list(nlp.pipe([text for i, text in zip(others, other_texts)
                           if _gendered_pronoun(sentences[i].text, lexicon)], batch_size=PARSE_BATCH))
    parsed = dict(zip(wanted, parses[:len(wanted)]))
    for text, parser_text, parse in zip(texts, given, parsed.values()):
        if parser_text != text:
            parse.user_data[TEXT_KEY] = text
    # In the article's order, but a Title Case headline's after the running text: its names
    # are the recogniser's guesses ("Obama Seeks …" read as a person).
    in_order = sorted([(i, p, True) for i, p in parsed.items()] + [(i, p, False) for i, p in zip(others, named)],
                      key=lambda entry: (in_title_case(sentences[entry[0]].text), entry[0]))
    every_parse = list(parsed.values()) + named
    # (and "Uber", which the recogniser leaves unnamed, where the article writes "Uber … its")
    used_as_things = names_used_as_things([s.text for s in sentences], lexicon)
    # (and a work's title: "his musical La La Land" … "So, when La La Land came around, he feared")
    mostly = mostly_bodies(every_parse, lexicon) | used_as_things | works_named(every_parse, lexicon)
    companies = companies_named(every_parse, lexicon)
    cast = people_named([(parse, full) for _, parse, full in in_order], lexicon, mostly, companies)
    # (and a company's name in full wherever it stands: "(Alibaba says …)" where the
    # article names the Alibaba Group)
    bodies = bodies_named(parsed.values(), companies) | used_as_things
    holders = holders_by_role(every_parse, cast, lexicon)
    roles, shared = role_holders(holders), shared_roles(holders)
    genders = genders_said(list(parsed.values()) + owned, lexicon)
    things = things_named(every_parse, mostly)
    lowercase = words_written_lowercase(sentence.text for sentence in sentences)
    capitalised = words_capitalised_inside(sentence.text for sentence in sentences)
    for parse in parsed.values():
        parse.user_data[CAST_KEY] = cast
        parse.user_data[BODIES_KEY] = bodies
        parse.user_data[ROLES_KEY] = roles
        parse.user_data[SHARED_ROLES_KEY] = shared
        parse.user_data[GENDERS_KEY] = genders
        parse.user_data[THINGS_KEY] = things
        parse.user_data[THING_NAMES_KEY] = used_as_things
        parse.user_data[LOWERCASE_WORDS_KEY] = lowercase
        parse.user_data[CAPITALISED_WORDS_KEY] = capitalised
    return Parses(True, tuple(parsed.get(index) for index in range(len(sentences))), unparsed, about,
                  dict(zip(others, named)))


def may_attribute(text: str, lexicon: Lexicon) -> bool:
    """Whether a sentence has anything the parse engine starts from: a cue word (by lemma), a
    colon, a quotation mark or a non-response. Sentences without one are not parsed: parsing
    is most of the engine's time, and the engine could find nothing there anyway."""
    if ":" in text or any(opening in text or closing in text for opening, closing in lexicon.quote_pairs):
        return True
    if lexicon.find("non_responses", text):
        return True  # "There was no response from the Home Office": the party is on the parse
    words = lexicon.syntax.cue_words
    return any(lemma(word, lexicon.language, lexicon.lemmatizer) in words or word.lower() in words
               or any(stem in words for stem in regular_stems(word.lower()))
               for word in WORD.findall(text))


def _too_long(text: str) -> bool:
    return text.count(" ") >= MAX_PARSED_WORDS and len(text.split()) > MAX_PARSED_WORDS


def _marks_tamed(text: str) -> str:
    """The text with every long run of marks cut to its first three, and every footnote mark,
    in blanks (same length)."""
    text = _FOOTNOTE_MARK.sub(lambda mark: " " * len(mark.group()), text)
    return _MARK_RUN.sub(lambda run: run.group()[:3] + " " * (len(run.group()) - 3), text)


def _plain_possessives(text: str) -> str:
    """The text with each plural possessive's ’ made a plain apostrophe (same length), unless a
    ‘ before it is still open, where it closes a quote ("from ‘Boasters’ and ‘Blasphemers’ Like")."""
    def plain(match: re.Match) -> str:
        opened = text.rfind("‘", 0, match.start())
        closed = opened >= 0 and re.search(r"’(?!\w)", text[opened:match.start()]) is not None
        return "'" if opened < 0 or closed else "’"

    return _PLURAL_POSSESSIVE.sub(plain, text)


def _opens_with_it_or_they(text: str, lexicon: Lexicon) -> bool:
    """A word among the sentence's first few is a back reference to one thing ("it") or to a
    group ("they")."""
    # the words context.py lets stand before such an "it", and the word itself
    for word in WORD.findall(text)[:THING_PRONOUN_WORDS + 1]:
        reference = lexicon.back_reference(word)
        if reference is not None and (reference.one_thing or reference.plural):
            return True
    return False


def _gendered_pronoun(text: str, lexicon: Lexicon) -> bool:
    return any(word.lower() in lexicon.pronoun_genders for word in WORD.findall(text))


def _opens_with_spokesperson(text: str, lexicon: Lexicon) -> bool:
    """'A spokesman said …': a spokesperson among the sentence's first few words, who may speak
    for the body the sentence before is about (spokespeople.body_named_before)."""
    opening = " ".join(WORD.findall(text)[:THING_PRONOUN_WORDS + 1])
    return lexicon.patterns["spokesperson"].search(opening) is not None


def _may_name_in_full(text: str) -> bool:
    """Two capitalised words in a row: only there can a sentence the parser skips name
    someone in full, the only names taken from such sentences."""
    words = text.split()
    return any(a[:1].isupper() and b[:1].isupper() for a, b in zip(words, words[1:]))


def cast_of(parses: Parses) -> dict[str, str]:
    """The people the parser saw named anywhere in the article (empty without a parse)."""
    return _article_wide(parses, CAST_KEY)


def genders_of(parses: Parses) -> dict[str, str]:
    """The gender the article's pronouns give each person it names (cast.genders_said)."""
    return _article_wide(parses, GENDERS_KEY)


def roles_of(parses: Parses) -> dict[str, str]:
    """The one holder of each role the article names in front of a name (cast.role_holders)."""
    return _article_wide(parses, ROLES_KEY)


def shared_roles_of(parses: Parses) -> dict[str, frozenset[str]]:
    """The holders of each role the article gives several people (cast.shared_roles)."""
    return _article_wide(parses, SHARED_ROLES_KEY)


def things_of(parses: Parses) -> frozenset[str]:
    """The names the article gives places, peoples, events and works (cast.things_named)."""
    first = _first_parse(parses)
    return first.user_data.get(THINGS_KEY, frozenset()) if first is not None else frozenset()


def bodies_of(parses: Parses) -> frozenset[str]:
    """The words of the names the article gives bodies (cast.bodies_named)."""
    first = _first_parse(parses)
    return first.user_data.get(BODIES_KEY, frozenset()) if first is not None else frozenset()


def bodies_written(parses: Parses, index: int, before: int | None = None) -> tuple[str, ...]:
    """The names the recogniser took for a body in sentence ``index`` (up to offset
    ``before``), where the sentence was read at all."""
    doc = _sentence_parse(parses, index) or parses.names_only.get(index)
    if doc is None:
        return ()
    return tuple(without_possessive(e.text) for e in doc.ents
                 if e.label_ == "ORG" and (before is None or e.start_char < before))


def _article_wide(parses: Parses, key: str) -> dict[str, str]:
    first = _first_parse(parses)
    return dict(first.user_data.get(key, {})) if first is not None else {}


def _first_parse(parses: Parses):
    """Any parse of the article: each keeps the article-wide facts."""
    return next((p for p in parses.parses if p is not None), None)


def find_with_parse(parse, masked: str, lexicon: Lexicon, flags: Flags) -> Finding | None:
    """The attribution of a sentence on its parse (``parse`` None: a sentence without cue
    words, where only sentence-wide forms such as "it is alleged" can attribute)."""
    skip = list(flags.not_cue_spans)
    finding = ((find_in_parse(parse, masked, lexicon, skip, flags.non_response_spans) if parse is not None else None)
               or impersonal_finding(masked, lexicon))
    if finding is not None and parse is not None:
        finding = _in_own_words(with_own_antecedent(finding, parse, masked, lexicon), parse)
        if heard_by_writer(token_at(parse, finding.cue_span[0]), lexicon):
            finding = replace(finding, heard_by_writer=True)
    return with_anonymity(masked, lexicon, finding) if finding is not None else None


def subject_thing(parses: Parses, index: int, lexicon: Lexicon) -> SourceGuess | None:
    """The subject of sentence ``index``'s main clause where it is a body, an outlet or a
    document ("The recording does not include …"), else None (also where the sentence has
    no parse)."""
    subject = _main_subject(_sentence_parse(parses, index))
    # (what "it" means is one thing: not "Documents from the committee", but "D-Wave Systems" is
    # one company)
    one_company = subject is not None and subject.tag_ == "NNPS" and any(
        c.dep_ == "compound" and c.tag_ == "NNP" for c in subject.children)
    if subject is None or subject.pos_ == "PRON" or (subject.tag_ in ("NNS", "NNPS") and not one_company):
        return None
    guess = guess_source(subject, lexicon)
    kinds = (SourceKind.ORGANIZATION, SourceKind.MEDIA, SourceKind.DOCUMENT)
    return guess if guess is not None and guess.kind in kinds else None


def opening_group(parses: Parses, index: int, before: int, lexicon: Lexicon) -> SourceGuess | None:
    """'When the Marines arrived, they found …': the plural subject of a clause that opens
    sentence ``index`` before offset ``before``, the group a "they" after it means (None where
    there is none, or no parse)."""
    parse = parses.parses[index]
    if parse is None:
        return None
    for clause in parse:
        if clause.dep_ != "advcl" or clause.i > clause.head.i or not any(
                m.dep_ == "mark" or (m.dep_ == "advmod" and m.tag_ == "WRB") for m in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.tag_ not in ("NNS", "NNPS") or subject.right_edge.idx >= before:
            continue
        if not any(c.dep_ == "nsubj" and c.idx == before for c in clause.head.children):
            continue  # (the "they" subject of the clause it opens, not of one after a colon)
        return _group_of(subject, lexicon)
    return None


def subject_group(parses: Parses, index: int, lexicon: Lexicon) -> SourceGuess | None:
    """'College athletes aren't vulnerable …': the plural subject of sentence ``index``'s main
    clause where it is people, bodies, outlets or documents, the group a "they" opening the
    next sentence means (None where there is none, or no parse)."""
    subject = _main_subject(_sentence_parse(parses, index))
    if subject is None or subject.pos_ == "PRON" or not (
            subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)):
        return None
    return _group_of(subject, lexicon)


def _sentence_parse(parses: Parses, index: int):
    """Sentence ``index``'s parse: its own, or the one made for what it is about (None where it
    has neither)."""
    return parses.parses[index] if parses.parses[index] is not None else parses.before_pronoun.get(index)


def _main_subject(parse):
    """The subject of the parse's main clause, or None."""
    root = next((t for t in parse if t.dep_ == "ROOT"), None) if parse is not None else None
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None


def _group_of(subject, lexicon: Lexicon) -> SourceGuess | None:
    group = guess_source(subject, lexicon)
    # (people or bodies, not "When the fares rose, they said …"; "scores of politicians" are people)
    people = subject.tag_ == "NNPS" or any(
        person_word(token_lemma(noun, lexicon), lexicon) or is_person_role(noun, lexicon)
        or bool(lexicon.patterns["vague"].fullmatch(noun.lower_))
        for noun in (subject, object_of(subject, "of")) if noun is not None)
    return group if group is not None and (group.kind is not SourceKind.VAGUE or people) else None


def _in_own_words(finding: Finding, parse) -> Finding:
    """The finding's source and cue as the sentence writes them ("Tells", not the "tells" the
    parser was given; "Sanders’ campaign", not "Sanders' campaign")."""
    text = parse.user_data.get(TEXT_KEY)
    if text is None:
        return finding
    (source_start, source_end), (cue_start, cue_end) = finding.source_span, finding.cue_span
    written = text[source_start:source_end]
    source = written if _plain_possessives(written.lower()) == finding.source.lower() else finding.source
    return replace(finding, source=source, cue=text[cue_start:cue_end])


__all__ = ["parse_sentences", "find_with_parse", "subject_thing", "opening_group", "Sentence"]
