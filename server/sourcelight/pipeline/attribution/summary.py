"""What the whole article rests on: counts by kind, the share of unnamed sourcing, the
named sources and outlets relied on, the non-responses, and a one-sentence headline written
in the article's language from its message catalogue (messages.py)."""
from __future__ import annotations

from collections import Counter

from sourcelight.pipeline.attribution.entities import bare_name, people_of
from sourcelight.pipeline.attribution.lexicon import load_lexicon
from sourcelight.pipeline.attribution.messages import Messages, messages_for
from sourcelight.pipeline.attribution.described import is_description
from sourcelight.pipeline.model import (
    ATTRIBUTED_KINDS, UNNAMED_KINDS, Claim, NonResponse, SourceCount, SourceKind, SourcingSummary,
)

# Kinds a headline can say most claims rest on, in the order a mix lists them.
_SOURCE_KINDS = (SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION, SourceKind.MEDIA,
                 SourceKind.DOCUMENT, SourceKind.ANONYMOUS, SourceKind.VAGUE)


def unavailable_summary(claims: tuple[Claim, ...], language: str) -> SourcingSummary:
    return SourcingSummary(
        claims=len(claims), by_kind={}, anonymous_share=None, named_sources=(), outlets=(),
        non_responses=(), available=False, headline=_unavailable(language),
    )


def _unavailable(language: str) -> str:
    messages = messages_for(language)
    return messages.text("summary.unavailable", language=language or messages.text("notes.unknown_language"))


def summarize(claims: tuple[Claim, ...], language: str = "en") -> SourcingSummary:
    kinds = Counter(c.sourcing.kind for c in claims if c.sourcing)
    attributed = sum(kinds[k] for k in ATTRIBUTED_KINDS)
    unnamed = sum(kinds[k] for k in UNNAMED_KINDS)
    named, outlets = list(_named(claims, language)), list(_outlets(claims))
    return SourcingSummary(
        claims=len(claims),
        by_kind={k.value: kinds[k] for k in SourceKind if kinds[k]},
        anonymous_share=round(unnamed / attributed, 3) if attributed else None,
        named_sources=_counts(named, key=_acronym_key(named, lambda name: _key(bare_name(name, language)))),
        outlets=_counts(outlets, key=_same_outlet(outlets)),
        non_responses=tuple(NonResponse(c.id, c.text) for c in claims if c.non_response),
        headline=_headline(claims, kinds, attributed, messages_for(language)),
        anonymous_claims=sum(1 for c in claims if c.anonymity_reason is not None),
        anonymity_explained=sum(1 for c in claims if c.anonymity_reason),
    )



def _named(claims: tuple[Claim, ...], language: str):
    """Each named source a claim rests on: each of the people who spoke together ("Both
    men", "Dana Okafor and Lee Park") counted on their own; not a pronoun or a description no
    name was found for ("he said", "the senator said", "the company said"), which names
    nobody."""
    for claim in claims:
        sourcing = claim.sourcing
        if sourcing is None or not sourcing.who:
            continue
        if sourcing.kind is SourceKind.NAMED_PERSON:
            # (by the name alone: "le président Alain Fuchs" is Alain Fuchs in the list)
            yield from (bare_name(name, language) for name in people_of(sourcing.who, language)
                        if not _names_no_one(name, language))
        elif sourcing.kind is SourceKind.ORGANIZATION and not _unresolved_pronoun(sourcing.who, language) \
                and not _described_body(sourcing.who, language):
            yield sourcing.who


def _unresolved_pronoun(name: str, language: str) -> bool:
    """'it' where nothing earlier resolved it: some body, no name to count."""
    lexicon = load_lexicon(language)
    return lexicon is not None and " " not in name.strip() and lexicon.back_reference(name) is not None


def _described_body(name: str, language: str) -> bool:
    """'The company', 'the police' that nothing earlier resolved: a body, but no name (not
    'the Scottish government', 'the Obama administration', which name one)."""
    lexicon = load_lexicon(language)
    return lexicon is not None and is_description(name, lexicon) \
        and not any(word[:1].isupper() for word in name.split()[1:])


def _names_no_one(name: str, language: str) -> bool:
    """'he', 'the senator': someone, but no one more than the people the article names."""
    lexicon = load_lexicon(language)
    return lexicon is not None and (lexicon.is_pronoun(name) or is_description(name, lexicon))


def _outlets(claims: tuple[Claim, ...]):
    for claim in claims:
        if claim.sourcing is not None and claim.sourcing.outlet:
            yield claim.sourcing.outlet


def _key(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words).casefold().replace("’", "'")  # "O'Neill" is "O’Neill"


def _acronym_key(names: list[str], key):
    """``key``, with an acronym the same body as the name it abbreviates in the article ("The
    IMF" and "The International Monetary Fund", "AP" and "The Associated Press")."""
    keys = list(dict.fromkeys(key(name) for name in names))

    def initials(k: str) -> str:
        return "".join(w[0] for w in k.split() if w[:1].isalpha() and w not in _LINK_WORDS)

    spelled = {k: next((full for full in keys if len(full.split()) > 1 and initials(full) == k), k)
               for k in keys if " " not in k and len(k) > 1}
    return lambda name: spelled.get(key(name), key(name))


# lower-case words an acronym leaves out ("International Monetary Fund", "Bureau of Labor Statistics")
_LINK_WORDS = frozenset({"of", "and", "for", "the", "on", "in"})


def _same_outlet(names: list[str]):
    """The key that makes one outlet of its names in an article: its full name, its last
    words, its acronym."""
    return _acronym_key(names, _outlet_key(names))


def _outlet_key(names: list[str]):
    """One outlet, one key: 'The Post' after 'The New York Post' is that paper (a short name
    that ends a longer one the article uses; of several, the first)."""
    keys = list(dict.fromkeys(_key(name) for name in names))
    fuller = {}
    for short in keys:
        words = short.split()
        fuller[short] = next((k for k in keys if len(k.split()) > len(words) and k.split()[-len(words):] == words), short)
    return lambda name: fuller.get(_key(name), _key(name))


def _counts(names, key=None) -> tuple[SourceCount, ...]:
    """Counts per name, merging 'the BBC' with 'BBC'; most relied on first, shown by its
    fullest name."""
    counts: Counter[str] = Counter()
    display: dict[str, str] = {}
    for name in names:
        name_key = (key or _key)(name)
        counts[name_key] += 1
        if name_key not in display or (_key(name) == name_key and _key(display[name_key]) != name_key):
            display[name_key] = name
    return tuple(SourceCount(display[k], n) for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _headline(claims: tuple[Claim, ...], kinds: Counter, attributed: int, messages: Messages) -> str:
    if attributed == 0:
        return messages.plural("summary.no_source", len(claims))
    # each claim's people ("both men" are two), by key, and whether each names no one ("he", "I",
    # "the senator": someone, but no one more than the people the article names)
    language = messages.language
    keyed_claims = [[(_person_key(name, language), _names_no_one(name, language))
                     for name in people_of(c.sourcing.who, language)]
                    for c in claims if c.sourcing and c.sourcing.kind is SourceKind.NAMED_PERSON]
    keyed = [pair for people in keyed_claims for pair in people]
    named_people = {key for key, no_one in keyed if not no_one}
    # the writer's own "I" or "we" is no one the article quotes on the record
    writer = any(key == _WRITER for key, _ in keyed)
    # a claim resting only on "he" or "the actress" rests on someone the reader is never told
    # the name of: "people named" only counts the claims that name theirs
    unnamed_person_claims = sum(1 for people in keyed_claims
                                if all(no_one and key != _WRITER for key, no_one in people))
    # and one resting on the writer's own "I" alone is the writer's account, no one else's
    writer_claims = sum(1 for people in keyed_claims if people and all(key == _WRITER for key, _ in people))
    first = _what_most_rest_on(claims, kinds, attributed, messages, unnamed_person_claims, writer_claims)
    others = named_people - {_WRITER}
    if others:
        return messages.plural("summary.named_people", len(others), first=first)
    if writer and not writer_claims:
        return messages.text("summary.writer_only", first=first)  # ("Sam and I": the writer with someone)
    return messages.text("summary.no_named_person", first=first)


def _what_most_rest_on(claims: tuple[Claim, ...], kinds: Counter, attributed: int, messages: Messages,
                       unnamed_person_claims: int, writer_claims: int) -> str:
    """The headline's first half: the kind most attributed claims rest on, or the mix; claims
    on people named, on people only described and on the writer's own account count apart."""
    unnamed = kinds[SourceKind.ANONYMOUS] + kinds[SourceKind.VAGUE]
    if unnamed * 2 > attributed:
        first = _rest_on(messages, unnamed, attributed, _unnamed_key(kinds))
        relay = _main_relay(claims)
        return messages.text("summary.relayed_by", first=first, relay=relay) if relay else first
    counts = {"named_person": kinds[SourceKind.NAMED_PERSON] - unnamed_person_claims - writer_claims,
              "unnamed_person": unnamed_person_claims, "writer": writer_claims,
              **{kind.value: kinds[kind] for kind in _SOURCE_KINDS if kind is not SourceKind.NAMED_PERSON}}
    key, count = max(counts.items(), key=lambda kv: kv[1])
    if count * 2 > attributed:
        return _rest_on(messages, count, attributed, key)
    mix = messages.join("summary", (messages.text("summary.mix_item", count=count, sources=_label(messages, key, count))
                                    for key, count in counts.items() if count))
    return messages.plural("summary.mix", attributed, mix=mix)


def _rest_on(messages: Messages, count: int, attributed: int, key: str) -> str:
    """"Most attributed claims (3 of 4) rest on …", or, where that is every one, "The 4
    attributed claims all rest on …" ("The only attributed claim rests on an organization")."""
    if count == attributed == 1:
        return messages.text("summary.only_rests_on", sources=_label(messages, key, 1))
    if count == attributed:
        return messages.plural("summary.all_rest_on", count, sources=_label(messages, key, count))
    return messages.text("summary.most_rest_on", count=count, attributed=attributed,
                         sources=_label(messages, key, count))


def _label(messages: Messages, key: str, count: int) -> str:
    """What claims rest on, for one claim ("an organization") or several ("organizations")."""
    return messages.text(f"summary.kind_one.{key}" if count == 1 else f"summary.kinds.{key}")


def _person_key(name: str, language: str) -> str:
    """Whom a person source counts as: the writer once however they write themself ("I",
    "we"), anyone else by their bare name."""
    lexicon = load_lexicon(language)
    if lexicon is not None and lexicon.is_first_person(name):
        return _WRITER
    return _key(bare_name(name, language))


_WRITER = "\0writer"  # no name's key: the writer's first person, counted once


def _unnamed_key(kinds: Counter) -> str:
    if kinds[SourceKind.VAGUE] == 0:
        return SourceKind.ANONYMOUS.value
    if kinds[SourceKind.ANONYMOUS] == 0:
        return SourceKind.VAGUE.value
    return "anonymous_or_vague"


def _main_relay(claims: tuple[Claim, ...]) -> str | None:
    """The outlet relaying at least half of the anonymous and vague claims, if any."""
    unnamed = [c.sourcing for c in claims if c.sourcing and c.sourcing.kind in UNNAMED_KINDS]
    key_of = _same_outlet([s.via for s in unnamed if s.via])
    relays = Counter(key_of(s.via) for s in unnamed if s.via)
    if not relays:
        return None
    key, count = relays.most_common(1)[0]
    if count * 2 < len(unnamed):
        return None
    # named by its fullest name: "The Post" after "The New York Post" is the New York Post
    vias = [s.via for s in unnamed if s.via and key_of(s.via) == key]
    return next((via for via in vias if _key(via) == key), vias[0])


def sources_sentence(summary: SourcingSummary, language: str = "en") -> str:
    """The summary's second line: named sources and outlets with their claim counts, and
    the number of non-responses ("Named sources: Dana Lee (3). Outlets relied on: …")."""
    messages = messages_for(language)
    counted = lambda counts: messages.join("summary", (  # noqa: E731
        messages.text("summary.source_count", name=s.name, count=s.claims) for s in counts))
    pieces = []
    if summary.anonymous_claims:
        anonymous = messages.plural("summary.anonymous_claims", summary.anonymous_claims)
        if summary.anonymity_explained == summary.anonymous_claims:
            pieces.append(messages.text("summary.anonymity_reason_given", claims=anonymous))
        elif summary.anonymity_explained:
            pieces.append(messages.text("summary.anonymity_reason_partly", claims=anonymous,
                                        given=summary.anonymity_explained))
        else:
            pieces.append(messages.text("summary.no_reason_given", claims=anonymous))
    if summary.named_sources:
        pieces.append(messages.text("summary.named_sources", sources=counted(summary.named_sources)))
    if summary.outlets:
        pieces.append(messages.text("summary.outlets", outlets=counted(summary.outlets)))
    if summary.non_responses:
        pieces.append(messages.plural("summary.non_responses", len(summary.non_responses)))
    return " ".join(pieces)
