"""'Many Democrats are afraid that …', 'labor leaders remain confident that they can …', 'we
are convinced this is …': an adjective of belief or fear after a copula, with a clause of its
own, says whose belief the clause is: the copula's subject. Which adjectives, and which copulas,
are the lexicon's syntax.stance_adjectives and syntax.linking_verbs."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.deps import PASSIVE_SUBJECTS, SUBJECTS, text_of
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.questions import asks, in_question
from sourcelight.pipeline.attribution.sourcekind import guess_source
from sourcelight.pipeline.attribution.speakers import speaker_of

# "not sure whether …", "not sure why …": an open question, which claims nothing
_QUESTION_WORDS = frozenset({"if", "whether", "why", "how", "what", "when", "where", "who", "which"})
# "so worried that she called …", "concerned enough that they began …": a clause of result,
# not what is feared
_DEGREE = ("so", "such", "enough")


def stance_cue(token, lexicon: Lexicon) -> Finding | None:
    """The holder of the belief an adjective of stance reports, or None: not "It is certain
    that …" (no one holds it), "is sure to win" (no clause), "so worried that she left", "not
    sure why …"."""
    if token.lower_ not in lexicon.syntax.stance_adjectives:
        return None
    if token.dep_ == "acomp":
        copula = token.head
        if copula.lemma_.lower() not in lexicon.syntax.linking_verbs \
                and token_lemma(copula, lexicon) not in lexicon.syntax.linking_verbs:
            return None  # "strove to make sure it stayed dead"
    else:
        # "Dana Okafor is convinced the pier …" parsed as a passive with no agent
        copula = next((c for c in token.children if c.dep_ == "auxpass" and c.lemma_ == "be"), None)
        if copula is None or token.tag_ != "VBN" or any(c.dep_ == "agent" for c in token.children):
            return None
    clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
    if clause is None or clause.left_edge.lower_ in _QUESTION_WORDS:
        return None
    holder = copula if token.dep_ == "acomp" else token
    if any(c.dep_ == "advmod" and c.lower_ in _DEGREE for c in token.children) or in_question(holder) \
            or _copula_asks(holder, copula) or any(
            c.dep_ == "mark" and c.lower_ in _QUESTION_WORDS for c in holder.children):
        return None  # nor "It's unclear if Cruz is aware that …": a question the writer puts
    # (the parse may hang the passive's subject on its "is")
    subject, _ = speaker_of(holder, lexicon) if holder is copula else (
        next((c for c in (*holder.children, *copula.children) if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS), None), False)
    if subject is None or subject.dep_ == "expl" or subject.lower_ == "it":
        return None
    guess = guess_source(subject, lexicon)
    if guess is None:
        return None
    # the copula with the adjective ("are not sure", "remain confident"), when it comes first
    start = copula.idx if copula.i < token.i and token.i - copula.i <= 3 else token.idx
    end = token.idx + len(token.text)
    return Finding.of(guess, text_of(token.doc)[start:end], (start, end))


def _copula_asks(holder, copula) -> bool:
    """'Are Democrats sure that …?': the copula before its subject in a sentence that asks."""
    subject = next((c for c in (*holder.children, *copula.children) if c.dep_ in SUBJECTS + PASSIVE_SUBJECTS), None)
    return subject is not None and copula.i < subject.i and asks(copula)


__all__ = ["stance_cue"]
