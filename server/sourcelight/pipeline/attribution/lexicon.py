"""Attribution lexicons: load one language's TOML data file, check it against the closed
schema (lexicon_schema.py), and compile its word lists into the patterns (phrase_patterns.py)
and word sets the language-free engine uses.

Every word the engine knows lives in ``sourcelight/lexicons/<code>.toml``; this module
knows only the shape of those files (docs/lexicons.md explains each key).
"""
from __future__ import annotations

import functools
import itertools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from sourcelight.pipeline.attribution.lemmas import lemma_matches
from sourcelight.pipeline.attribution.lexicon_schema import OPTIONAL_KEYS, SCHEMA, LexiconError, validate
from sourcelight.pipeline.attribution.phrase_patterns import phrase_pattern, with_contractions
from sourcelight.pipeline.attribution.syntax_lexicon import SyntaxLexicon, syntax_lexicon
from sourcelight.pipeline.model import SourceKind

MAX_REMEMBERED = 20_000  # cached (list, sentence) lookups before the cache is emptied
# Matches of one list in one sentence the engines look at: a real sentence has a few; a
# hostile page's "sentence" of thousands ("needless to say, needless to say, …") would have
# every one of them read against the whole sentence (minutes).
MAX_MATCHES = 64


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
    single_quote_pairs: tuple[tuple[str, str], ...] = ()  # quotes.single_pairs
    # cues.other_senses: (verb lemma, object word) pairs that make a cue verb another verb
    # ("schreiben" with "Verlust": "schrieb das Haus einen Verlust" reports no one's words)
    speech_other_senses: frozenset[tuple[str, str]] = frozenset()
    # cues.particle_senses: (verb lemma, particle) pairs; a cue verb whose clause ends with the
    # particle is another verb ("Das Ergebnis hält mit teureren Geräten mit")
    particle_senses: frozenset[tuple[str, str]] = frozenset()
    # sources.person_suffixes: endings only a noun for people has, where nouns are capitalised
    # ("-erin": "die Branchenkennerin"; "-innen": "Wissenschaftlerinnen")
    person_suffixes: tuple[str, ...] = ()
    # sources.plural_person_suffixes: the same for people in the plural ("-innen": a group)
    plural_person_suffixes: tuple[str, ...] = ()
    # sources.same_words: after a determiner, the phrase means one named before ("the same
    # official" is "the official")
    same_words: frozenset[str] = frozenset()
    # grammar.plural_verb_endings: a finite verb ending so is plural ("bestreiten", "schreiben")
    plural_verb_endings: tuple[str, ...] = ()
    # grammar.adjective_endings: how an adjective before a noun ends ("Allgemeine", "unterirdischen")
    adjective_endings: tuple[str, ...] = ()
    # grammar.infinitive_endings: how a verb's dictionary form ends ("sagen"), unlike an adjective's
    infinitive_endings: tuple[str, ...] = ()
    # grammar.finite_auxiliaries is given where the finite verb comes second and the rest of the
    # verb last (German): there an adverbial may open the sentence ("Am Montag hat …")
    verb_second: bool = False
    syntax: SyntaxLexicon | None = None
    explains_anonymity: bool = False  # flags.anonymity_reasons is given: reasons can be told
    # pronoun (lower case) -> "m" / "f"; empty without a [gender] section
    pronoun_genders: dict[str, str] = field(default_factory=dict, compare=False)
    # first name -> "m" / "f" (gender.masculine_first_names, gender.feminine_first_names)
    first_name_genders: dict[str, str] = field(default_factory=dict, compare=False)

    _found: dict = field(default_factory=dict, compare=False, repr=False)

    def find(self, key: str, text: str) -> tuple[re.Match[str], ...]:
        """The matches of the ``key`` list in ``text`` (the first MAX_MATCHES), remembered: the
        engine asks the same question of the same sentence several times."""
        cache_key = (key, text)
        found = self._found.get(cache_key)
        if found is None:
            if len(self._found) > MAX_REMEMBERED:
                self._found.clear()
            found = tuple(itertools.islice(self.patterns[key].finditer(text), MAX_MATCHES))
            if key == "speech" and self.speech_lemmas:
                found = _merged(found, lemma_matches(text, self.speech_lemmas, self.language, self.lemmatizer,
                                                     dictionary_form_too=not self.infinitive_lemmas))[:MAX_MATCHES]
            self._found[cache_key] = found
        return found

    def back_reference(self, phrase: str) -> BackReference | None:
        """What ``phrase`` refers back to, if it is listed ("the agency", "der 48-Jährige": a
        number stands for "#"), whatever its case, spacing or apostrophe."""
        key = re.sub(r"\d+", "#", _reference_key(phrase))
        words = key.split()
        if key not in self.back_references and len(words) > 2 and words[1] in self.same_words:
            key = " ".join((words[0], *words[2:]))  # "the same official": the official named before
        return self.back_references.get(key)

    def is_determiner(self, word: str) -> bool:
        """'the', 'a', 'two of the': a definite or indefinite determiner of the language."""
        return bool(self.patterns["definite"].fullmatch(word) or self.patterns["indefinite"].fullmatch(word))

    def is_pronoun(self, word: str) -> bool:
        """'he', 'they', or the writer's 'I', 'me', 'we' (sources.pronouns, syntax.first_person)."""
        return bool(self.patterns["pronouns"].fullmatch(word.strip())) or self.is_first_person(word)

    def is_third_person(self, word: str) -> bool:
        """'he', 'they', 'it': a pronoun of someone or something other than the writer."""
        return self.is_pronoun(word) and not self.is_first_person(word)

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


def compile_lexicon(data: dict[str, Any], origin: str) -> Lexicon:
    """Validate and compile parsed TOML. Raises LexiconError."""
    validate(data, origin)
    contractions = [tuple(pair) for pair in data["grammar"].get("contractions", [])]

    def pattern_of(words: list[str], key: str) -> re.Pattern[str]:
        return phrase_pattern(with_contractions(words, contractions), key)

    patterns: dict[str, re.Pattern[str]] = {}
    # (an optional list a lexicon leaves out matches nothing)
    for schema in (SCHEMA, OPTIONAL_KEYS):
        for section, keys in schema.items():
            for key, kind in keys.items():
                if kind == "words":
                    patterns[key] = pattern_of(data.get(section, {}).get(key, []), key)
    references = {
        _reference_key(phrase): BackReference(
            tuple(SourceKind(k) for k in entry["refers_to"]), SourceKind(entry["fallback"]), entry.get("count", 1),
            entry.get("plural", False))
        for phrase, entry in data["back_references"].items()
    }
    patterns["back_references"] = pattern_of(list(data["back_references"]), "back_references")
    patterns["short_media_names"] = pattern_of(_short_names(data["sources"]["media_names"], data["grammar"]["definite"]),
                                               "short_media_names")
    for key in ("masculine_titles", "feminine_titles"):
        patterns[key] = pattern_of(data.get("gender", {}).get(key, []), key)
    patterns["relatives_anywhere"] = pattern_of(data["grammar"]["relatives"], "relatives_anywhere")
    patterns["auxiliaries_anywhere"] = pattern_of(data["grammar"]["skip_before_verb"], "auxiliaries_anywhere")
    return Lexicon(
        language=data["meta"]["language"],
        name=data["meta"]["name"],
        quote_pairs=tuple((a, b) for a, b in data["quotes"]["pairs"]),
        single_quote_pairs=tuple((a, b) for a, b in data["quotes"].get("single_pairs", [])),
        speech_other_senses=frozenset((verb.casefold(), word.casefold()) for verb, word in data["cues"].get("other_senses", [])),
        particle_senses=frozenset((verb.casefold(), word.casefold()) for verb, word in data["cues"].get("particle_senses", [])),
        person_suffixes=tuple(w.casefold() for w in data["sources"].get("person_suffixes", [])),
        plural_person_suffixes=tuple(w.casefold() for w in data["sources"].get("plural_person_suffixes", [])),
        same_words=frozenset(w.casefold() for w in data["sources"].get("same_words", [])),
        plural_verb_endings=tuple(w.casefold() for w in data["grammar"].get("plural_verb_endings", [])),
        adjective_endings=tuple(w.casefold() for w in data["grammar"].get("adjective_endings", [])),
        infinitive_endings=tuple(w.casefold() for w in data["grammar"].get("infinitive_endings", [])),
        verb_second=bool(data["grammar"].get("finite_auxiliaries")),
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
        syntax=syntax_lexicon(data["syntax"]) if "syntax" in data else None,
        explains_anonymity=bool(data["flags"].get("anonymity_reasons")),
        pronoun_genders=_pronoun_genders(data.get("gender")),
        first_name_genders=_first_name_genders(data.get("gender")),
    )


def _short_names(names: list[str], definite: list[str]) -> list[str]:
    """Derived: the one-word outlet names listed only with their article ("the Times" gives
    "Times"), which stand alone only as a modifier ("a Times reporter")."""
    articles = {word.casefold() for word in definite}
    return sorted({words[1] for words in (name.split() for name in names)
                   if len(words) == 2 and words[0].casefold() in articles})


def _pronoun_genders(table: dict[str, list[str]] | None) -> dict[str, str]:
    if not table:
        return {}
    genders = {w.lower(): "m" for w in table["masculine_pronouns"]}
    genders.update({w.lower(): "f" for w in table["feminine_pronouns"]})
    return genders


def _first_name_genders(table: dict[str, list[str]] | None) -> dict[str, str]:
    genders = {name: "m" for name in (table or {}).get("masculine_first_names", [])}
    genders.update({name: "f" for name in (table or {}).get("feminine_first_names", [])})
    return genders


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
