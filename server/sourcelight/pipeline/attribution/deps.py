"""The dependency labels and tags (spaCy's English, ClearNLP) the speaker rules read."""
from __future__ import annotations

SUBJECTS = ("nsubj", "csubj", "expl")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
# A verb without a subject of its own shares its head's: "…, saying", "smiled and said",
# "wants to say", "refused to comment".
SHARED_SUBJECT_DEPS = ("advcl", "conj", "xcomp", "pcomp", "prep", "dep", "acomp")  # acomp: "were likely to say"
RELATIVE_PRONOUNS = ("WDT", "WP")
HYPHENS = frozenset("-‐‑")
MAX_CLIMB = 4
# Where a parse keeps its text once read: spaCy rebuilds Doc.text from every token on each
# read, and the rules read it again and again (not parsed.TEXT_KEY, the sentence's own words
# where the parser was given others).
DOC_TEXT_KEY = "sourcelight.doc_text"


def possessor(token):
    """The owner hung on ``token`` ("his" of "his comments", "Davis'" of "Davis' commentary",
    and "the harbour master’s" the parse calls a modifier with a possessive ending), or None."""
    return next((c for c in token.children if c.dep_ == "poss" or (
        c.dep_ == "nmod" and c.i < token.i and any(g.tag_ == "POS" for g in c.children))), None)


def to_infinitive(verb) -> bool:
    """The verb has "to" before it ("to say", "to admit", "has yet to apologize")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def without_and(verb) -> bool:
    """No coordinator joins the verb to the one before it ("…, reported the Examiner", not
    "… and reported"): where a parse made such a verb a second one of the same subject, it
    is often another clause's."""
    return not any(c.dep_ == "cc" for c in verb.children) and not any(
        c.dep_ == "cc" and c.i < verb.i for c in verb.head.children)


def hyphenated_word(token) -> tuple[int, int]:
    """(first, last): the token indexes of the hyphenated word the token is part of ("co-founder",
    "op-ed"), which the tokenizer cuts at its hyphens."""
    doc = token.doc

    def glued(i: int) -> bool:  # tokens i and i + 1 are one word: "co" "-", "-" "founder"
        return (i + 1 < len(doc) and not doc[i].whitespace_ and (doc[i].text in HYPHENS) != (doc[i + 1].text in HYPHENS)
                and (doc[i].is_alpha or doc[i + 1].is_alpha))

    first = last = token.i
    while first > 0 and glued(first - 1):
        first -= 1
    while glued(last):
        last += 1
    return first, last


def name_suffix(token):
    """The "’s" after ``token`` that ends a company's name ("Moody’s", "McDonald’s",
    "Sotheby’s"): after a name the recogniser read as a body's, with nothing the name could
    own after it ("A spokeswoman for Macy’s declined"; but "Goldman Sachs’s analysts", "told
    Harbour Radio’s “Morning Drive”")."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None or after.text not in ("’s", "'s") or token.dep_ == "poss" \
            or after.dep_ == "case" and after.head.i != token.i:
        return None
    entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if entity is None or entity.label_ != "ORG" or entity.end > after.i + 1:
        return None
    owned = doc[after.i + 1] if after.i + 1 < len(doc) else None
    if owned is None or (owned.pos_ in ("PUNCT", "VERB", "AUX") and owned.tag_ != "``"
                         and owned.text not in ("“", "‘", '"', "'")):
        return after
    return None


def token_at(doc, offset: int):
    """The token whose characters hold ``offset`` (a finding's span start), or None."""
    return next((t for t in doc if t.idx <= offset < t.idx + len(t.text)), None)


def text_of(doc) -> str:
    """The parse's text (``doc.text``), read once."""
    text = doc.user_data.get(DOC_TEXT_KEY)
    if text is None:
        text = doc.user_data[DOC_TEXT_KEY] = doc.text
    return text


def marked_by(clause, *marks: str) -> bool:
    """A subordinator of ``marks`` opens the clause ("whether she agrees", "if Obama says it")."""
    return any(g.dep_ == "mark" and g.lower_ in marks for g in clause.children)


def object_of(token, preposition: str):
    """The object of the token's ``preposition`` ("the report" of "Much of the report"), or None."""
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == preposition), None)
    return next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None


def first_conjunct(verb):
    """The first of the verbs ``verb`` is joined to ("whether she agrees or disagrees": "agrees"),
    which holds their subject, auxiliaries and subordinator."""
    while verb.dep_ == "conj" and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb


def main_conjunct(token) -> bool:
    """A verb of a main clause after the first, joined to it: "…, and Breitbart News responded"."""
    return token.dep_ == "conj" and token.head.dep_ == "ROOT" and token.pos_ in ("VERB", "AUX")


def opened_by_that(clause) -> bool:
    """The clause opens with the conjunction "that" (a content clause), not with "that" as
    its subject or object (a relative one). The parse may hang it on the clause's auxiliary
    ("reports that the mayor was leaving")."""
    return any(g.lower_ == "that" and g.dep_ == "mark" for g in clause.children) or (
        clause.left_edge.lower_ == "that" and clause.left_edge.dep_ == "mark")


def adjective_read_as_verb(token) -> bool:
    """'was telling', 'is revealing' with nothing told or revealed: an adjective after a
    copula, which the tagger read as a progressive."""
    return token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children) and all(
        c.dep_ in ("aux", "nsubj", "advmod", "punct", "neg") for c in token.children)


def coordinated(head) -> list:
    """The head and every conjunct coordinated with it, in the text's order (the parse hangs
    "B and C" of "A, B and C" on A, or C on B)."""
    members = [head]
    for member in members:
        members += [c for c in member.children if c.dep_ == "conj"]
    return sorted(members, key=lambda t: t.i)


def gerund_as_noun(token) -> bool:
    """'for her writing about her sister', 'his reporting on the war': a gerund after a
    possessive names an activity; only a clause or a quote of its own makes it a saying."""
    return token.tag_ == "VBG" and token.dep_ in ("pcomp", "pobj", "nsubj", "dobj") and any(
        c.tag_ == "PRP$" and c.dep_ in ("nsubj", "poss") and c.i < token.i for c in token.children)


def noun_after_quantity(token, quantities: frozenset[str]) -> bool:
    """'Most lectures you can get away with …': "many" or "most" alone wants a plural verb, so
    a singular one right after it is the plural noun it counts."""
    return token.tag_ == "VBZ" and any(
        child.dep_ == "nsubj" and child.i == token.i - 1 and child.tag_ in ("JJ", "JJS") and not any(child.children)
        and child.lower_ in quantities for child in token.children)


def object_of_as(token) -> bool:
    """'As Mashable reports, the ministry said …' parsed with "As" a preposition and the verb
    its object (a plural noun): an as-clause all the same."""
    return token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.i < token.i


__all__ = ["noun_after_quantity", "SUBJECTS", "PASSIVE_SUBJECTS", "SHARED_SUBJECT_DEPS", "RELATIVE_PRONOUNS",
           "MAX_CLIMB", "to_infinitive",
           "without_and", "hyphenated_word", "token_at", "text_of", "HYPHENS", "DOC_TEXT_KEY", "opened_by_that", "marked_by",
           "first_conjunct", "main_conjunct", "object_of", "adjective_read_as_verb", "object_of_as"]
