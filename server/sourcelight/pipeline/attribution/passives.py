"""Passive cues in the rule engine: whether a cue verb is passive ("Residents have been told"),
the agent a passive names as its speaker ("a été critiqué par la mairie"), and a participle
with its agent that describes a noun rather than reports anyone ("Le projet, soutenu par la
mairie, …")."""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.clauses import object_after as _object_after
from sourcelight.pipeline.attribution.clauses import segments_before as _segments_before
from sourcelight.pipeline.attribution.clauses import skip_spaces as _skip_spaces
from sourcelight.pipeline.attribution.lemmas import lemma
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.sources import SourceGuess, classify


def is_passive(text: str, cue: re.Match[str], lexicon: Lexicon) -> bool:
    """'Residents have been told to stay away': the subject is told, it does not tell.
    Verb-final clauses put the auxiliary earlier ('Dabei wird ein Zusatzcode verlangt.'), or,
    in a subordinate clause, right after the participle ('…, so wie es angekündigt worden ist')."""
    words = text[:cue.start()].split()
    if words and lexicon.patterns["passive_markers"].fullmatch(words[-1]):
        return True
    after = text[cue.end():].lstrip()
    participle = lemma(cue.group(), lexicon.language, lexicon.lemmatizer) != cue.group().lower()
    following = after.split(maxsplit=1)[0].rstrip(".,;:!?") if after else ""
    if participle and following and any(lexicon.patterns[key].fullmatch(following)
                                        for key in ("passive_auxiliaries", "passive_markers")):
        return True  # "…, wie es angekündigt worden ist", "der für wertlos erklärt wurde"
    if after and after[0] not in ".,;:!?\x00":
        return False  # not the clause's last word
    start = _segments_before(text, cue.start())[0][0]
    return participle and bool(lexicon.patterns["passive_auxiliaries"].search(text, start, cue.start()))


def passive_agent(text: str, cue: re.Match[str], lexicon: Lexicon) -> SourceGuess | None:
    """'Le projet a été critiqué par la mairie', 'fue criticado por el alcalde': the agent a
    passive cue names right after it (grammar.agent_prepositions), who did the saying."""
    agent = _agent_after(text, cue.end(), lexicon)
    if agent is None:
        return None
    start, end = _object_after(text, agent, lexicon)
    return classify(text, start, end, lexicon) if text[start:end].strip() else None


def participle_aside(text: str, cue: re.Match[str], lexicon: Lexicon) -> bool:
    """'Le projet, soutenu par la mairie, a été adopté', 'Braguino, soutenu par le prix …': a
    participle set off after a noun, with its agent, describes the noun; the sentence rests on
    no one it names."""
    before = text[:cue.start()].rstrip()
    # (a word before the comma, not a quote's end: "«…», dijo por teléfono el alcalde" says;
    # or the noun right before it, "le projet … lancé par la Coordination", but not the
    # auxiliary or adverb of a verb, "a été critiqué par", "a également critiqué par")
    after_noun = (before.endswith(",") and before[:-1].rstrip()[-1:].isalnum()) or (
        before[-1:].isalnum() and not _after_verb_word(before, lexicon))
    word = cue.group()
    participle = " " not in word and lemma(word, lexicon.language, lexicon.lemmatizer) != word.lower()
    return after_noun and participle and _agent_after(text, cue.end(), lexicon) is not None


def _after_verb_word(before: str, lexicon: Lexicon) -> bool:
    """The text before a participle ends with an auxiliary, a passive's marker or a word that
    stands between a subject and its verb: the participle is a verb's."""
    last = before.split()[-1]
    verb_words = ("auxiliaries", "passive_markers", "passive_auxiliaries")
    return any(lexicon.patterns[key].fullmatch(last) for key in verb_words) \
        or lexicon.patterns["skip_before_verb"].search(before) is not None \
        or lexicon.patterns["object_pronouns"].search(before) is not None


def _agent_after(text: str, position: int, lexicon: Lexicon) -> int | None:
    """Where the agent the preposition right after ``position`` opens begins: a phrase an
    article or a capital opens ("par la mairie", "par Jean Martin"), not "par ailleurs", "par
    exemple", "por teléfono"."""
    agent = lexicon.patterns["agent_prepositions"].match(text, _skip_spaces(text, position))
    if agent is None or agent.end() == position:
        return None
    first = text[agent.end():].split(maxsplit=1)[:1]
    if not first:
        return None
    elided = re.match(r"\w+['’]", first[0])  # "l’association"
    article = elided.group() if elided else first[0]
    return agent.end() if first[0][:1].isupper() or lexicon.is_determiner(article) else None


__all__ = ["is_passive", "passive_agent", "participle_aside"]
