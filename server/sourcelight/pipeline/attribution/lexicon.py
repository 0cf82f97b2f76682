"""Attribution lexicons: load one language's TOML data file, check it against a closed
schema, and compile its word lists into the patterns the language-free engine uses.

Every word the engine knows lives in ``sourcelight/lexicons/<code>.toml``; this module
knows only the shape of those files (docs/lexicons.md explains each key).
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from sourcelight.pipeline.attribution.lemmas import LEMMATIZERS, lemma_matches
from sourcelight.pipeline.model import SourceKind

# section -> key -> value type. "words" is a list of non-empty strings; "pairs" is a list
# of [opening, closing] strings; "text" is a non-empty string. Every key is required.
SCHEMA: dict[str, dict[str, str]] = {
    "meta": {"language": "text", "name": "text"},
    "quotes": {"pairs": "pairs"},
    "cues": {
        "speech": "words", "according_to": "words", "citing": "words", "relay": "words",
        "told": "words", "interview": "words", "noun": "words", "by": "words",
        "quoted_as": "words", "impersonal_vague": "words", "document_verbs": "words",
        "speech_lemmas": "words", "impersonal": "words", "according_to_after": "words",
        "according_to_opening": "words", "according_to_compound": "words",
    },
    "grammar": {
        "skip_before_verb": "words", "np_stops": "words", "parentheticals": "words",
        "relatives": "words", "leading_conjunctions": "words", "indefinite": "words",
        "definite": "words", "not_names": "words", "possessive_links": "words",
        "head_position": "choice", "inversion": "choice", "nouns": "choice", "negation": "choice",
        "auxiliaries": "words", "passive_markers": "words", "subordinators": "words",
        "lemmatizer": "choice", "reported_mood": "words", "source_prepositions": "words",
        "source_forms": "choice", "passive_auxiliaries": "words", "dictionary_form": "choice",
    },
    "sources": {
        "anonymous": "words", "anonymous_heads": "words", "anonymity_clauses": "words",
        "vague": "words", "media_names": "words", "media_nouns": "words", "documents": "words",
        "organizations": "words", "metonyms": "words", "spokesperson": "words",
        "titles": "words", "person_roles": "words", "unnamed_roles": "words",
        "pronouns": "words", "name_particles": "words",
    },
    "flags": {
        "hedges": "words", "non_responses": "words", "negated_responses": "words",
        "negators": "words", "denials": "words",
    },
}
# Optional parts. [syntax] exists only for languages whose engine stands on a dependency
# parse (parsers.toml): lemmas and phrases the parse engine matches tokens against.
# flags.anonymity_reasons is optional: a language without it never reports whether the
# anonymity of a source is explained. Without [gender], pronouns resolve by distance alone.
OPTIONAL_SECTIONS: dict[str, dict[str, str]] = {
    "syntax": {
        "speech": "words", "findings": "words", "nouns": "words", "prepositions": "words",
        "citing": "words", "recipients": "words", "non_responses": "words", "needs_clause": "words",
        "needs_quote": "words", "surveys": "words", "perception": "words", "object_is_said": "words",
        "person_descriptions": "words", "unrealized": "words", "topic_prepositions": "words",
        "kept_prefixes": "words", "modal_guesses": "words", "first_person": "words", "quantities": "words",
        "company_designators": "words", "rate_prepositions": "words", "description_determiners": "words",
        "shared_descriptions": "words", "relation_prepositions": "words", "object_control": "words",
        "receipt": "words", "occasions": "words", "past_forms": "pairs", "told_amounts": "words",
        "viewpoints": "words",
    },
    # Where the text shows a person's gender: the pronouns, and the honorifics and role nouns
    # that stand before a name ("Ms. Lee", "Congresswoman Lee") or after it as an apposition
    # ("Lee, a spokeswoman"). A pronoun then means only a compatible person (genders.py).
    "gender": {
        "masculine_pronouns": "words", "feminine_pronouns": "words",
        "masculine_titles": "words", "feminine_titles": "words",
    },
}
# sources.generic_bodies is optional: without it a bare plural of bodies stays an organization.
# sources.media_roles is optional: without it an outlet's name before any role word makes an
# outlet ("the Independent Vermont senator" then stays "another outlet").
# grammar.contractions is optional: [full, contracted] pairs ("did not", "didn't"); a phrase
# any list writes one way matches the other way too.
OPTIONAL_KEYS: dict[str, dict[str, str]] = {"flags": {"anonymity_reasons": "words", "own_voice_labels": "words"},
                                            "sources": {"generic_bodies": "words", "media_roles": "words"},
                                            "grammar": {"contractions": "pairs"}}
# back_references is a table of phrase -> {refers_to = [kinds], fallback = kind}, with an
# optional count = 2 for a phrase that means two people named before ("both men") and an
# optional plural = true for one that means several people, never one named person ("they").
BACK_REFERENCE_KEYS = {"refers_to", "fallback"}
OPTIONAL_BACK_REFERENCE_KEYS = {"count", "plural"}
KIND_VALUES = {kind.value for kind in SourceKind}
# Allowed values of the "choice" keys.
CHOICES = {"head_position": ("first", "last"), "inversion": ("after_comma", "free"), "negation": ("before", "either"),
           "nouns": ("lowercase", "capitalised"), "lemmatizer": LEMMATIZERS,
           "source_forms": ("listed", "lemmatized"), "dictionary_form": ("finite", "infinitive")}


MAX_REMEMBERED = 20_000  # cached (list, sentence) lookups before the cache is emptied


class LexiconError(ValueError):
    """A lexicon file breaks the schema (a packaging bug, not a user error)."""


@dataclass(frozen=True)
class BackReference:
    refers_to: tuple[SourceKind, ...]
    fallback: SourceKind
    count: int = 1  # 2: two people named before ("both men", "the two women")
    plural: bool = False  # "they": several people named together, never one named person

    @property
    def one_thing(self) -> bool:
        """'it': one body, outlet or document, never a person."""
        return self.count == 1 and SourceKind.NAMED_PERSON not in self.refers_to


@dataclass(frozen=True)
class SyntaxLexicon:
    """The [syntax] section: lowercase lemmas (single words) and phrases, as sets."""

    speech: frozenset[str]
    findings: frozenset[str]
    nouns: frozenset[str]
    prepositions: tuple[tuple[str, ...], ...]  # "according to" -> ("according", "to")
    citing: frozenset[str]
    recipients: frozenset[str]
    non_responses: frozenset[str]
    needs_clause: frozenset[str]
    needs_quote: frozenset[str]
    surveys: frozenset[str]
    perception: frozenset[str]
    object_is_said: frozenset[str]
    person_descriptions: frozenset[str]
    unrealized: frozenset[str]
    topic_prepositions: frozenset[str]
    kept_prefixes: frozenset[str]
    modal_guesses: frozenset[str]
    first_person: frozenset[str]
    quantities: frozenset[str]
    company_designators: frozenset[str]
    rate_prepositions: frozenset[str]
    description_determiners: frozenset[str]
    shared_descriptions: frozenset[str]
    relation_prepositions: frozenset[str]
    object_control: frozenset[str]
    receipt: frozenset[str]
    occasions: frozenset[str]
    told_amounts: frozenset[str]
    # ("in", "view"), ("by", "account"): a preposition and the lemma of a noun of viewpoint
    viewpoints: frozenset[tuple[str, str]]
    # "thought" -> "think": past forms the lemmatizer takes for nouns, read so only where
    # tagged as verbs ("a thought" stays a noun).
    past_forms: dict[str, str] = field(default_factory=dict)
    # Derived: the first words of every cue (a sentence without one is not parsed), and the
    # verbs among them ("warning" tagged as a verb is "warn", though "a warning" is a noun cue).
    cue_words: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()
    # Derived: the listed words with a hyphen, which the tokenizer splits ("op-ed").
    hyphenated: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """One language's compiled patterns. Names match the TOML keys."""

    language: str
    name: str
    quote_pairs: tuple[tuple[str, str], ...]
    patterns: dict[str, re.Pattern[str]]
    back_references: dict[str, BackReference]
    not_names: frozenset[str]
    head_first: bool  # the head noun opens the phrase (Russian genitive chains)
    free_inversion: bool  # the speaker may follow the verb without a comma (German V2)
    capitalised_nouns: bool  # every noun starts with a capital (German): capitals prove less
    negation_before: bool = False  # a negator stands before the verb it negates ("did not respond")
    lemmatizer: str = "none"  # "simplemma", "pymorphy3" or "none" (lemmas.py)
    speech_lemmas: frozenset[str] = frozenset()  # cue verbs matched in any inflected form
    lemmatized_sources: bool = False  # source phrases are also tried in dictionary form (Russian cases)
    infinitive_lemmas: bool = False  # a verb's dictionary form is only its infinitive, never a cue
    syntax: SyntaxLexicon | None = None
    explains_anonymity: bool = False  # flags.anonymity_reasons is given: reasons can be told
    # pronoun (lower case) -> "m" / "f"; empty without a [gender] section
    pronoun_genders: dict[str, str] = field(default_factory=dict, compare=False)

    _found: dict = field(default_factory=dict, compare=False, repr=False)

    def find(self, key: str, text: str) -> tuple[re.Match[str], ...]:
        """Every match of the ``key`` list in ``text``, remembered: the engine asks the
        same question of the same sentence several times."""
        cache_key = (key, text)
        found = self._found.get(cache_key)
        if found is None:
            if len(self._found) > MAX_REMEMBERED:
                self._found.clear()
            found = tuple(self.patterns[key].finditer(text))
            if key == "speech" and self.speech_lemmas:
                found = _merged(found, lemma_matches(text, self.speech_lemmas, self.language, self.lemmatizer,
                                                     dictionary_form_too=not self.infinitive_lemmas))
            self._found[cache_key] = found
        return found

    def back_reference(self, phrase: str) -> BackReference | None:
        """What ``phrase`` refers back to, if it is listed ("the agency", "der 48-Jährige": a
        number stands for "#"), whatever its case, spacing or apostrophe."""
        return self.back_references.get(re.sub(r"\d+", "#", _reference_key(phrase)))

    def is_determiner(self, word: str) -> bool:
        """'the', 'a', 'two of the': a definite or indefinite determiner of the language."""
        return bool(self.patterns["definite"].fullmatch(word) or self.patterns["indefinite"].fullmatch(word))

    def is_pronoun(self, word: str) -> bool:
        """'he', 'they', or the writer's 'I', 'me', 'we' (sources.pronouns, syntax.first_person)."""
        return bool(self.patterns["pronouns"].fullmatch(word.strip())) or self.is_first_person(word)

    def is_first_person(self, word: str) -> bool:
        """'I', 'me', 'we', 'us': the writer speaking for themself (listed for a language
        with a parse engine)."""
        return self.syntax is not None and word.strip().casefold() in self.syntax.first_person

    def find_between(self, key: str, text: str, start: int, end: int) -> tuple:
        """The matches of ``find`` that lie within text[start:end]."""
        return tuple(m for m in self.find(key, text) if m.start() >= start and m.end() <= end)

    def forget(self) -> None:
        """Drop remembered lookups (after each article: sentences rarely repeat)."""
        self._found.clear()


def _merged(listed: tuple, by_lemma: tuple) -> tuple:
    """Word-list matches, plus lemma matches that overlap none of them, in text order."""
    extra = [m for m in by_lemma if not any(m.start() < w.end() and w.start() < m.end() for w in listed)]
    return tuple(sorted((*listed, *extra), key=lambda m: m.start()))


# Proper names are matched with their case; everything else ignoring case.
CASE_SENSITIVE = {"media_names", "metonyms", "titles"}
# Lists matched only where a phrase starts / ends, not anywhere inside it.
LEADING = {"parentheticals", "relatives", "leading_conjunctions", "indefinite", "definite", "source_prepositions",
           "according_to_opening", "own_voice_labels"}
TRAILING = {"skip_before_verb"}


def validate(data: dict[str, Any], origin: str) -> None:
    """Raise LexiconError unless ``data`` has exactly the schema's sections and keys."""
    expected = set(SCHEMA) | {"back_references"}
    unknown, missing = set(data) - expected - set(OPTIONAL_SECTIONS), expected - set(data)
    if unknown or missing:
        raise LexiconError(f"{origin}: unknown sections {sorted(unknown)}, missing {sorted(missing)}")
    for section, keys in SCHEMA.items():
        table = data[section]
        optional = OPTIONAL_KEYS.get(section, {})
        if not isinstance(table, dict) or not set(keys) <= set(table) <= set(keys) | set(optional):
            got = sorted(table) if isinstance(table, dict) else type(table).__name__
            raise LexiconError(f"{origin}: [{section}] must have exactly {sorted(keys)}"
                               f" (optionally {sorted(optional)}), has {got}")
        for key, kind in {**keys, **optional}.items():
            if key in table:
                _check_value(table[key], kind, f"{origin}: {section}.{key}")
    for section, keys in OPTIONAL_SECTIONS.items():
        if section not in data:
            continue
        table = data[section]
        if not isinstance(table, dict) or set(table) != set(keys):
            got = sorted(table) if isinstance(table, dict) else type(table).__name__
            raise LexiconError(f"{origin}: [{section}] must have exactly {sorted(keys)}, has {got}")
        for key, kind in keys.items():
            _check_value(table[key], kind, f"{origin}: {section}.{key}")
    for phrase, entry in data["back_references"].items():
        _check_back_reference(phrase, entry, f"{origin}: back_references.{phrase!r}")


def _check_value(value: Any, kind: str, where: str) -> None:
    if kind == "text":
        if not isinstance(value, str) or not value.strip():
            raise LexiconError(f"{where} must be a non-empty string")
    elif kind == "words":
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise LexiconError(f"{where} must be a list of non-empty strings")
    elif kind == "choice":
        allowed = CHOICES[where.rsplit(".", 1)[-1]]
        if value not in allowed:
            raise LexiconError(f"{where} must be one of {allowed}")
    elif kind == "pairs":
        if not isinstance(value, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(m, str) and m for m in p) for p in value
        ):
            raise LexiconError(f"{where} must be a list of pairs of two non-empty strings")


def _check_back_reference(phrase: str, entry: Any, where: str) -> None:
    if not isinstance(entry, dict) or not BACK_REFERENCE_KEYS <= set(entry) <= BACK_REFERENCE_KEYS | OPTIONAL_BACK_REFERENCE_KEYS:
        raise LexiconError(f"{where} must have {sorted(BACK_REFERENCE_KEYS)} and may have "
                           f"{sorted(OPTIONAL_BACK_REFERENCE_KEYS)}")
    if entry.get("count", 2) != 2:
        raise LexiconError(f"{where}.count must be 2")
    if not isinstance(entry.get("plural", False), bool):
        raise LexiconError(f"{where}.plural must be true or false")
    kinds = entry["refers_to"]
    if not isinstance(kinds, list) or not kinds or not set(kinds) <= KIND_VALUES:
        raise LexiconError(f"{where}.refers_to must list kinds from {sorted(KIND_VALUES)}")
    if entry["fallback"] not in KIND_VALUES:
        raise LexiconError(f"{where}.fallback must be one of {sorted(KIND_VALUES)}")
    if not phrase.strip():
        raise LexiconError(f"{where}: empty phrase")


def canonical_words(words: list[str]) -> list[str]:
    """The canonical order of a word list: unique, sorted ignoring case."""
    return sorted(set(words), key=lambda w: (w.casefold(), w))


_END = ""  # marks the end of a phrase in the trie


def _trie_pattern(phrases: list[str], ignore_case: bool) -> str:
    """One regex for many phrases, with common prefixes factored out: Python's re tries
    alternatives one by one, so a trie is many times faster than "a|b|c" on long lists.
    A longer phrase wins over its prefix ("a senior official" over "a senior"); a space
    in a phrase matches any run of whitespace."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in " ".join(phrase.replace("’", "'").split()):
            node = node.setdefault(char.lower() if ignore_case else char, {})
        node[_END] = {}
    return _trie_to_regex(trie)


def _trie_to_regex(node: dict) -> str:
    ends = _END in node
    branches = []
    for char in sorted(k for k in node if k != _END):
        # Lexicons write the straight apostrophe; text has the typographic one as often
        # ("d’après", "n’a pas souhaité commenter").
        unit = r"\s+" if char == " " else "['’]" if char == "'" else re.escape(char)
        branches.append(unit + _trie_to_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _with_contractions(words: list[str], contractions: list[tuple[str, str]]) -> list[str]:
    """Each phrase as written and with each negation spelled the other way: "did not return"
    and "didn't return" ("would not say", "wouldn't say")."""
    spelled = list(words)
    for phrase in words:
        for full, short in contractions:
            for written, other in ((full, short), (short, full)):
                pattern = rf"(?<![\w']){re.escape(written)}(?![\w'])"
                if re.search(pattern, phrase, re.IGNORECASE):
                    spelled.append(re.sub(pattern, lambda _: other, phrase, flags=re.IGNORECASE))
    return spelled


def _phrase_pattern(words: list[str], key: str) -> re.Pattern[str]:
    flags = 0 if key in CASE_SENSITIVE else re.IGNORECASE
    body = _trie_pattern(words, bool(flags)) if words else r"(?!x)x"
    if key in LEADING:
        template = r"\s*(?:{})(?!\w)"  # used with .match(), which anchors at pos
    elif key in TRAILING:
        template = r"(?<!\w)(?:{})\s*$"
    else:
        template = r"(?<!\w)(?:{})(?!\w)"
    return re.compile(template.format(body), flags)


def compile_lexicon(data: dict[str, Any], origin: str) -> Lexicon:
    """Validate and compile parsed TOML. Raises LexiconError."""
    validate(data, origin)
    contractions = [tuple(pair) for pair in data["grammar"].get("contractions", [])]

    def pattern_of(words: list[str], key: str) -> re.Pattern[str]:
        return _phrase_pattern(_with_contractions(words, contractions), key)

    patterns: dict[str, re.Pattern[str]] = {}
    for section, keys in SCHEMA.items():
        for key, kind in keys.items():
            if kind == "words":
                patterns[key] = pattern_of(data[section][key], key)
    references = {
        _reference_key(phrase): BackReference(
            tuple(SourceKind(k) for k in entry["refers_to"]), SourceKind(entry["fallback"]), entry.get("count", 1),
            entry.get("plural", False))
        for phrase, entry in data["back_references"].items()
    }
    patterns["anonymity_reasons"] = pattern_of(data["flags"].get("anonymity_reasons", []), "anonymity_reasons")
    patterns["own_voice_labels"] = pattern_of(data["flags"].get("own_voice_labels", []), "own_voice_labels")
    patterns["generic_bodies"] = pattern_of(data["sources"].get("generic_bodies", []), "generic_bodies")
    patterns["media_roles"] = pattern_of(data["sources"].get("media_roles", []), "media_roles")
    patterns["back_references"] = pattern_of(list(data["back_references"]), "back_references")
    for key in ("masculine_titles", "feminine_titles"):
        patterns[key] = pattern_of(data.get("gender", {}).get(key, []), key)
    patterns["relatives_anywhere"] = pattern_of(data["grammar"]["relatives"], "relatives_anywhere")
    patterns["auxiliaries_anywhere"] = pattern_of(data["grammar"]["skip_before_verb"], "auxiliaries_anywhere")
    return Lexicon(
        language=data["meta"]["language"],
        name=data["meta"]["name"],
        quote_pairs=tuple((a, b) for a, b in data["quotes"]["pairs"]),
        patterns=patterns,
        back_references=references,
        not_names=frozenset(w.casefold() for w in data["grammar"]["not_names"]),
        head_first=data["grammar"]["head_position"] == "first",
        free_inversion=data["grammar"]["inversion"] == "free",
        capitalised_nouns=data["grammar"]["nouns"] == "capitalised",
        negation_before=data["grammar"]["negation"] == "before",
        lemmatizer=data["grammar"]["lemmatizer"],
        speech_lemmas=frozenset(w.casefold() for w in data["cues"]["speech_lemmas"]),
        lemmatized_sources=data["grammar"]["source_forms"] == "lemmatized",
        infinitive_lemmas=data["grammar"]["dictionary_form"] == "infinitive",
        syntax=_syntax_lexicon(data["syntax"]) if "syntax" in data else None,
        explains_anonymity=bool(data["flags"].get("anonymity_reasons")),
        pronoun_genders=_pronoun_genders(data.get("gender")),
    )


def _pronoun_genders(table: dict[str, list[str]] | None) -> dict[str, str]:
    if not table:
        return {}
    genders = {w.lower(): "m" for w in table["masculine_pronouns"]}
    genders.update({w.lower(): "f" for w in table["feminine_pronouns"]})
    return genders


def _syntax_lexicon(table: dict[str, list[str]]) -> SyntaxLexicon:
    def lemmas(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in table[key])

    def first_words(*keys: str) -> frozenset[str]:
        return frozenset(phrase.split()[0] for key in keys for phrase in lemmas(key))

    prepositions = tuple(tuple(p.lower().split()) for p in table["prepositions"])
    past_forms = {form.lower(): base.lower() for form, base in table.get("past_forms", [])}
    viewpoints = frozenset(tuple(phrase.lower().split()) for phrase in table.get("viewpoints", ()))
    return SyntaxLexicon(
        speech=lemmas("speech"), findings=lemmas("findings"), nouns=lemmas("nouns"), prepositions=prepositions,
        citing=lemmas("citing"), recipients=lemmas("recipients"), non_responses=lemmas("non_responses"),
        needs_clause=lemmas("needs_clause"), needs_quote=lemmas("needs_quote"), surveys=lemmas("surveys"),
        perception=lemmas("perception"), object_is_said=lemmas("object_is_said"),
        person_descriptions=lemmas("person_descriptions"), unrealized=lemmas("unrealized"),
        topic_prepositions=lemmas("topic_prepositions"), kept_prefixes=lemmas("kept_prefixes"),
        modal_guesses=lemmas("modal_guesses"), first_person=lemmas("first_person"), quantities=lemmas("quantities"),
        company_designators=lemmas("company_designators"), rate_prepositions=lemmas("rate_prepositions"),
        description_determiners=lemmas("description_determiners"),
        shared_descriptions=lemmas("shared_descriptions"),
        relation_prepositions=lemmas("relation_prepositions"), object_control=lemmas("object_control"),
        receipt=lemmas("receipt"), occasions=lemmas("occasions"), told_amounts=lemmas("told_amounts"),
        viewpoints=viewpoints,
        past_forms=past_forms,
        cue_words=first_words("speech", "findings", "nouns", "citing", "non_responses", "surveys")
        | frozenset(p[0] for p in prepositions) | frozenset(past_forms) | frozenset(v[-1] for v in viewpoints),
        verbs=first_words("speech", "findings", "citing", "recipients", "non_responses", "needs_clause",
                          "needs_quote"),
        hyphenated=frozenset(w for key, kind in OPTIONAL_SECTIONS["syntax"].items() if kind == "words"
                             for w in lemmas(key) if "-" in w),
    )


def lexicon_path(language: str):
    return resources.files("sourcelight.lexicons").joinpath(f"{language}.toml")


def available_languages() -> tuple[str, ...]:
    root = resources.files("sourcelight.lexicons")
    return tuple(sorted(p.name[:-5] for p in root.iterdir() if re.fullmatch(r"[a-z]{2,3}\.toml", p.name)))


def _reference_key(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


@functools.cache
def load_lexicon(language: str | None) -> Lexicon | None:
    """The compiled lexicon of ``language``, or None when the language has none.

    Raises LexiconError when a shipped lexicon breaks the schema.
    """
    if not language or not re.fullmatch(r"[a-z]{2,3}", language):
        return None
    resource = lexicon_path(language)
    if not resource.is_file():
        return None
    try:
        data = tomllib.loads(resource.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise LexiconError(f"{language}.toml: {error}") from error
    return compile_lexicon(data, f"{language}.toml")
