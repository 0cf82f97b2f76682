"""Who a cue verb's speaker is on the dependency parse: its subject, the agent of a
passive, the subject it shares with the verb it hangs from, or the noun a relative clause
describes (spaCy's English labels, ClearNLP)."""
from __future__ import annotations

from sourcelight.pipeline.attribution.lemmas import lemma
from sourcelight.pipeline.attribution.lexicon import Lexicon

SUBJECTS = ("nsubj", "csubj", "expl")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
# A verb without a subject of its own shares its head's: "…, saying", "smiled and said",
# "wants to say", "refused to comment".
SHARED_SUBJECT_DEPS = ("advcl", "conj", "xcomp", "pcomp", "prep")
RELATIVE_PRONOUNS = ("WDT", "WP")
MAX_CLIMB = 3


def token_lemma(token, lexicon: Lexicon) -> str:
    return lemma(token.lower_, lexicon.language, lexicon.lemmatizer)


def name_before(verb):
    """'…,” Viguerie notes.' parsed as a noun compound: a name right before the verb that
    hangs from it is its subject."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.head.i == verb.i and before.dep_ == "compound" and before.pos_ == "PROPN":
        return before
    return None


def speaker_of(verb, lexicon: Lexicon | None = None) -> tuple[object | None, bool]:
    """The token heading the speaker of ``verb``: its subject, the agent of a passive, or the
    subject it shares with the verb it hangs from. (token, passive?) With ``lexicon``, the
    passive subject of a citing verb is the speaker ("Putin was quoted as saying")."""
    current = verb
    for _ in range(MAX_CLIMB):
        children = list(current.children)
        agent = next((c for c in children if c.dep_ == "agent"), None)
        if agent is not None:
            objects = [c for c in agent.children if c.dep_ == "pobj"]
            return (objects[0], True) if objects else (None, True)
        if any(c.dep_ in PASSIVE_SUBJECTS or c.dep_ == "auxpass" for c in children):
            passive_subject = next((c for c in children if c.dep_ in PASSIVE_SUBJECTS), None)
            if (current.i != verb.i and passive_subject is not None and lexicon is not None
                    and token_lemma(current, lexicon) in lexicon.syntax.citing):
                return passive_subject, False
            return None, True  # "the plan was announced": no speaker in the sentence
        subject = next((c for c in children if c.dep_ in SUBJECTS), None) or name_before(current)
        if subject is not None:
            if subject.tag_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head, False  # "the official who said": the official
            if subject.dep_ == "expl":
                return None, False  # "it was said"
            return subject, False
        if current.dep_ == "relcl" and current.i == verb.i:
            return current.head, False
        if current.dep_ not in SHARED_SUBJECT_DEPS or current.head.i == current.i:
            return None, False
        current = current.head
    return None, False


def party_of(verb):
    current = verb
    for _ in range(MAX_CLIMB):
        for child in current.children:
            if child.dep_ in SUBJECTS + PASSIVE_SUBJECTS and child.dep_ != "expl":
                if child.tag_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                    return current.head
                return child
        if current.dep_ not in SHARED_SUBJECT_DEPS + ("ccomp",) or current.head.i == current.i:
            return None
        current = current.head
    return None


__all__ = ["speaker_of", "party_of", "token_lemma", "SUBJECTS", "PASSIVE_SUBJECTS", "SHARED_SUBJECT_DEPS"]
