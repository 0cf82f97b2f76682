"""The closed schema a language's lexicon (``sourcelight/lexicons/<code>.toml``) must fit,
and the check that it does: every section and key, the type of every value, the kinds a
back reference may name. docs/lexicons.md explains each key."""
from __future__ import annotations

from typing import Any

from sourcelight.pipeline.attribution.lemmas import LEMMATIZERS
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
        "citing": "words", "recipients": "words", "comment_requests": "words", "request_prepositions": "words",
        "non_responses": "words", "needs_clause": "words", "needs_quote": "words", "surveys": "words",
        "perception": "words", "object_is_said": "words",
        "person_descriptions": "words", "unrealized": "words", "topic_prepositions": "words",
        "kept_prefixes": "words", "modal_guesses": "words", "first_person": "words", "quantities": "words",
        "company_designators": "words", "rate_prepositions": "words", "description_determiners": "words",
        "shared_descriptions": "words", "relation_prepositions": "words", "object_control": "words",
        "receipt": "words", "occasions": "words", "past_forms": "pairs", "told_amounts": "words",
        "rituals": "words", "naming_verbs": "words", "past_role_modifiers": "words", "manner_nouns": "words", "name_prepositions": "words",
        "questions_things": "words", "positions": "words", "judgements": "words", "object_frames": "pairs", "said_frames": "pairs",
        "time_prepositions": "words", "wishes": "words", "issuing_verbs": "words", "refusals": "words", "motives": "words",
        "viewpoints": "words", "stance_adjectives": "words", "linking_verbs": "words", "collections": "words", "company_nouns": "words",
        "affiliation_prepositions": "words", "placeholder_subjects": "words", "performances": "words",
        "work_nouns": "words", "prevention_prepositions": "words", "holding_nouns": "words",
        "obligation_modals": "words", "other_senses": "pairs", "thing_pronouns": "words", "person_pronouns": "words",
        "body_only_nouns": "words", "narrative_adverbs": "words", "staff_nouns": "words", "head_prepositions": "words",
        "person_suffixes": "words", "agent_endings": "words", "thing_senses": "words", "joined_prefixes": "words",
        "said_objects": "pairs", "said_object_prepositions": "words",
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
# sources.person_suffixes is optional: endings only a noun for people has, where every noun is
# capitalised ("die Branchenkennerin" is a person, "die Hoffnung" is not); and
# sources.plural_person_suffixes the endings of their plurals ("Wissenschaftlerinnen", a group).
# sources.same_words is optional: after a determiner, a phrase with one means one named before.
# sources.media_roles is optional: without it an outlet's name before any role word makes an
# outlet ("the Independent Vermont senator" then stays "another outlet").
# grammar.contractions is optional: [full, contracted] pairs ("did not", "didn't"); a phrase
# any list writes one way matches the other way too.
# flags.discourse_markers is optional: the writer's set phrases that hold a speech verb but
# report no one's words ("needless to say", "having said that", "all told"). flags.refusals is
# optional: phrases of refusing to do something, in which a denial word denies nothing ("se
# negó a dimitir").
# quotes.single_pairs is optional: the single quotation marks of headlines and short quotes
# ("calls Obamacare ‘crazy system’"), read only within one sentence and outside double marks.
# cues.impersonal_anonymous is optional: the writer told by sources left unnamed ("we're told").
# cues.other_senses is optional: [verb lemma, object word] pairs; a cue verb with that object
# in its clause is another verb ("schrieb das Haus einen Verlust"). cues.particle_senses is
# optional: [verb lemma, particle] pairs; a cue verb whose clause ends with the particle is
# another verb ("hält … mit"). cues.closing_tags is optional: a word after a comma that gives
# the sentence to the source after it, which ends the sentence ("…, so der Minister.").
# grammar.object_articles is optional: articles that, after a noun, open the verb's object
# rather than go on with the phrase ("nennt das Gericht | die Zahl der Follower").
# grammar.plural_verb_endings is optional: endings of a plural finite verb; a subject right next
# to one that names no one is a group ("Die Richter schreiben"). grammar.prepositions is
# optional: a phrase one opens right before the verb is no subject ("Für ihre Fans schreibt …").
# grammar.finite_auxiliaries is optional: auxiliaries of a perfect that leave the cue verb to the
# end of the clause; the speaker is the phrase before one, or right after it ("Okafor hat einen
# Beitrag geschrieben", "Gestern hat der Minister gesagt"). grammar.modal_verbs is optional:
# a cue verb's infinitive after one in its clause is a saying not done ("will morgen sprechen").
# grammar.adjective_endings and grammar.infinitive_endings are optional: how an adjective before
# a noun ends and how a verb's dictionary form ends, where every noun is capitalised: no name
# opens with an inflected adjective ("Allgemeine Bedingungen"), nor follows one ("im
# unterirdischen Holzverschlag Ruhe"), while a verb may come before a name ("sagte Anna Berg").
# grammar.unreal_comparisons is optional: words that open an "as if" ("als", "als ob"): a form of
# grammar.reported_mood right after one, or in the clause one opens, compares and reports no one.
# grammar.oblique_articles is optional: articles of no subject's case (German "den", "dem"): a
# phrase one opens before the verb is its object, and the speaker follows the verb ("Den Vorwurf
# weist die Bahn zurück").
# grammar.noun_determiners, grammar.article_pronouns and grammar.article_openers are optional:
# a cue verb's form right after a noun determiner ("au juge", "una denuncia") is a noun, and so
# is one after an article that may also be an object pronoun ("le", "la") where a clause opens
# before it or an article opener (a preposition, "est") comes right before it (noun_readings.py).
# grammar.agent_prepositions is optional: the preposition that opens a passive's agent ("a été
# critiqué PAR la mairie": the mairie is the source); a participle set off after a noun with
# its agent ("Le projet, soutenu par la mairie, a été adopté") describes the noun.
# grammar.object_pronouns is optional: unstressed object pronouns that stand between a subject
# and its verb ("Le ministre LE dit", "El alcalde LO anunció") and are no word of the subject;
# one that may also be a subject (sources.pronouns: "nous") is skipped only after a subject.
# grammar.complementizers is optional: words that open what a verb says ("que", "dass"); a
# speech verb after a relative word on a noun, with none after its subject, says nothing.
# grammar.possessives is optional: possessive determiners the language's determiners leave out
# ("Ihr Sprecher", "Его пресс-секретарь"): a spokesperson they open is shown whole, no body "Ihr".
OPTIONAL_KEYS: dict[str, dict[str, str]] = {"quotes": {"single_pairs": "pairs"},
                                            "cues": {"impersonal_anonymous": "words", "other_senses": "pairs", "particle_senses": "pairs",
                                                     "closing_tags": "words"},
                                            "flags": {"anonymity_reasons": "words", "own_voice_labels": "words",
                                                      "discourse_markers": "words", "refusals": "words"},
                                            "sources": {"generic_bodies": "words", "media_roles": "words", "negative_determiners": "words",
                                                        "person_suffixes": "words", "plural_person_suffixes": "words",
                                                        "same_words": "words"},
                                            "grammar": {"contractions": "pairs", "object_articles": "words",
                                                        "plural_verb_endings": "words", "prepositions": "words",
                                                        "coordinators": "words",
                                                        "finite_auxiliaries": "words", "modal_verbs": "words",
                                                        "inverted_pronouns": "words", "adjective_endings": "words",
                                                        "infinitive_endings": "words", "oblique_articles": "words",
                                                        "unreal_comparisons": "words",
                                                        "noun_determiners": "words", "article_pronouns": "words",
                                                        "article_openers": "words", "agent_prepositions": "words",
                                                        "object_pronouns": "words", "possessives": "words",
                                                        "complementizers": "words"},
                                            "gender": {"masculine_first_names": "words", "feminine_first_names": "words"}}
# gender.masculine_first_names and gender.feminine_first_names are optional: first names that
# name one gender nearly always ("Laurie", "Jonathan"; never "Alexis", "Jean" or "Andrea"),
# which a person named in full has where the text itself shows no gender (genders.py).
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


class LexiconError(ValueError):
    """A lexicon file breaks the schema (a packaging bug, not a user error)."""


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
        optional = OPTIONAL_KEYS.get(section, {})
        if not isinstance(table, dict) or not set(keys) <= set(table) <= set(keys) | set(optional):
            got = sorted(table) if isinstance(table, dict) else type(table).__name__
            raise LexiconError(f"{origin}: [{section}] must have exactly {sorted(keys)}"
                               f" (optionally {sorted(optional)}), has {got}")
        for key, kind in {**keys, **optional}.items():
            if key in table:
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


__all__ = ["SCHEMA", "OPTIONAL_SECTIONS", "OPTIONAL_KEYS", "LexiconError", "validate", "canonical_words"]
