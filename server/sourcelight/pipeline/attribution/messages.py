"""The sentences the server writes for the reader (claim notes, the summary) in the
article's language: one message catalogue per language, ``lexicons/messages/<code>.toml``,
checked against a closed schema. A language without a catalogue gets English.
"""
from __future__ import annotations

import functools
import re
import string
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from babel import Locale

FALLBACK = "en"

# section -> key -> (shape, placeholders). "text" is one string; "plural" is a table with
# one string per CLDR plural category of the language (babel knows them: "one"/"other" in
# English, "one"/"few"/"many"/"other" in Russian) and is chosen by the ``count`` value.
# Every message uses exactly its placeholders (a plural form may leave out {count}, as
# English "the one claim" does), so no translation can drop or invent a value.
_HEADLINE_KINDS = ("named_person", "unnamed_person", "writer", "organization", "media", "document", "anonymous",
                   "vague", "anonymous_or_vague")
SCHEMA: dict[str, dict[str, tuple[str, frozenset[str]]]] = {
    "notes": {
        "unavailable": ("text", frozenset({"language"})),
        "unknown_language": ("text", frozenset()),
        "no_source": ("text", frozenset()),
        "no_source_only_link": ("text", frozenset({"hosts"})),
        "rests_on": ("text", frozenset({"kind", "source", "via", "direct"})),
        "source": ("text", frozenset({"source"})),
        "source_resolved": ("text", frozenset({"source", "entity"})),
        "via": ("text", frozenset({"via"})),
        "direct_quote": ("text", frozenset()),
        "hedged": ("text", frozenset({"hedges"})),
        "hedge": ("text", frozenset({"hedge"})),
        "list_separator": ("text", frozenset()),
        "non_response": ("text", frozenset()),
        "non_response_named": ("text", frozenset({"source"})),
        "denial": ("text", frozenset()),
        "links": ("text", frozenset({"hosts"})),
        "anonymity_reason_given": ("text", frozenset()),
        "no_reason_given": ("text", frozenset()),
        "named_pair": ("text", frozenset()),
        "pronoun_person": ("text", frozenset()),
        "described_person": ("text", frozenset()),
        "described_people": ("text", frozenset()),
        "writer": ("text", frozenset()),
        "writer_listed": ("text", frozenset()),
    },
    "notes.kind": {kind: ("text", frozenset()) for kind in (
        "named_person", "organization", "media", "document", "anonymous", "vague")},
    "summary": {
        "unavailable": ("text", frozenset({"language"})),
        "no_source": ("plural", frozenset({"count"})),
        "most_rest_on": ("text", frozenset({"count", "attributed", "sources"})),
        "all_rest_on": ("plural", frozenset({"count", "sources"})),
        "only_rests_on": ("text", frozenset({"sources"})),
        "relayed_by": ("text", frozenset({"first", "relay"})),
        "mix": ("plural", frozenset({"count", "mix"})),
        "mix_item": ("text", frozenset({"count", "sources"})),
        "no_named_person": ("text", frozenset({"first"})),
        "writer_only": ("text", frozenset({"first"})),
        "named_people": ("plural", frozenset({"first", "count"})),
        "anonymous_claims": ("plural", frozenset({"count"})),
        "anonymity_reason_given": ("text", frozenset({"claims"})),
        "anonymity_reason_partly": ("text", frozenset({"claims", "given"})),
        "no_reason_given": ("text", frozenset({"claims"})),
        "non_response_named": ("text", frozenset({"source"})),
        "named_sources": ("text", frozenset({"sources"})),
        "outlets": ("text", frozenset({"outlets"})),
        "non_responses": ("plural", frozenset({"count"})),
        "source_count": ("text", frozenset({"name", "count"})),
        "list_separator": ("text", frozenset()),
    },
    "summary.kinds": {kind: ("text", frozenset()) for kind in _HEADLINE_KINDS},
    # the same, for one claim: "The only attributed claim rests on an organization", "1 on a document"
    "summary.kind_one": {kind: ("text", frozenset()) for kind in _HEADLINE_KINDS},
}


class MessagesError(ValueError):
    """A message catalogue breaks the schema (a packaging bug, not a user error)."""


@dataclass(frozen=True)
class Messages:
    """One language's catalogue. ``text("notes.denial")``; ``plural("summary.mix", 3, mix=…)``."""

    language: str
    _texts: dict[str, Any]
    _locale: Locale

    def text(self, key: str, **values: Any) -> str:
        return self._texts[key].format(**values)

    def plural(self, key: str, count: int, **values: Any) -> str:
        forms = self._texts[key]
        category = self._locale.plural_form(count)
        return forms.get(category, forms["other"]).format(count=count, **values)

    def join(self, section: str, items) -> str:
        """Items joined with the language's list separator ("a, b, c")."""
        return self._texts[f"{section}.list_separator"].join(items)


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _tables(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Flatten [notes] and [notes.kind] into {"notes": {...}, "notes.kind": {...}}."""
    tables: dict[str, dict[str, Any]] = {}
    for section, table in data.items():
        if section == "meta":
            continue
        if not isinstance(table, dict):
            raise MessagesError(f"[{section}] must be a table")
        plain = {}
        for key, value in table.items():
            if isinstance(value, dict) and f"{section}.{key}" in SCHEMA:
                tables[f"{section}.{key}"] = value
            else:
                plain[key] = value
        tables[section] = plain
    return tables


def validate(data: dict[str, Any], origin: str) -> Locale:
    """Raise MessagesError unless ``data`` has exactly the schema's keys, each with its
    placeholders and (for plural messages) the language's plural categories."""
    meta = data.get("meta")
    if not isinstance(meta, dict) or set(meta) != {"language"} or not isinstance(meta["language"], str):
        raise MessagesError(f"{origin}: [meta] must hold exactly language")
    try:
        locale = Locale.parse(meta["language"])
    except (ValueError, LookupError) as error:
        raise MessagesError(f"{origin}: unknown language {meta['language']!r}") from error
    categories = set(locale.plural_form.tags) | {"other"}
    tables = _tables(data)
    if set(tables) != set(SCHEMA):
        raise MessagesError(f"{origin}: sections must be exactly {sorted(SCHEMA)}, are {sorted(tables)}")
    for section, keys in SCHEMA.items():
        table = tables[section]
        if set(table) != set(keys):
            raise MessagesError(f"{origin}: [{section}] must have exactly {sorted(keys)}; "
                                f"unknown {sorted(set(table) - set(keys))}, missing {sorted(set(keys) - set(table))}")
        for key, (shape, fields) in keys.items():
            _check_message(table[key], shape, fields, categories, f"{origin}: {section}.{key}")
    return locale


def _check_message(value: Any, shape: str, fields: frozenset[str], categories: set[str], where: str) -> None:
    forms = value if shape == "plural" else {"text": value}
    if shape == "plural" and (not isinstance(value, dict) or set(value) != categories):
        raise MessagesError(f"{where} must be a table with exactly the plural forms {sorted(categories)}")
    used: set[str] = set()
    for form, text in forms.items():
        # Fragments may start with a space (" (direct quote)"), separators end with one;
        # no-break spaces are French typography.
        if not isinstance(text, str) or not text.strip():
            raise MessagesError(f"{where} ({form}) must be a non-empty string")
        if re.search(r"\s\s|[^\S \u00a0\u202f]", text):
            raise MessagesError(f"{where} ({form}) has doubled or non-space whitespace")
        try:
            found = _placeholders(text)
        except ValueError as error:
            raise MessagesError(f"{where} ({form}): {error}") from error
        if not found <= fields or (shape == "text" and found != fields):
            raise MessagesError(f"{where} ({form}) must use the placeholders {sorted(fields)}, uses {sorted(found)}")
        used |= found
    if used != fields:
        raise MessagesError(f"{where} must use the placeholders {sorted(fields)} across its forms")


def compile_messages(data: dict[str, Any], origin: str) -> Messages:
    locale = validate(data, origin)
    texts: dict[str, Any] = {}
    for section, table in _tables(data).items():
        for key, value in table.items():
            texts[f"{section}.{key}"] = value
    return Messages(data["meta"]["language"], texts, locale)


def catalogue_path(language: str):
    return resources.files("sourcelight.lexicons").joinpath("messages").joinpath(f"{language}.toml")


def catalogue_languages() -> tuple[str, ...]:
    root = resources.files("sourcelight.lexicons").joinpath("messages")
    return tuple(sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".toml")))


@functools.cache
def messages_for(language: str | None) -> Messages:
    """The catalogue of ``language``; English when the language has none.

    Raises MessagesError when a shipped catalogue breaks the schema.
    """
    if not language or not re.fullmatch(r"[a-z]{2,3}", language) or not catalogue_path(language).is_file():
        language = FALLBACK
    resource = catalogue_path(language)
    try:
        data = tomllib.loads(resource.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise MessagesError(f"messages/{language}.toml: {error}") from error
    messages = compile_messages(data, f"messages/{language}.toml")
    if messages.language != language:
        raise MessagesError(f"messages/{language}.toml says it is {messages.language!r}")
    return messages
