"""A pronoun's antecedent in its own sentence: "As investigators realized …, they worried …",
"A lot of filmmakers talk about …, but they usually cite …" are the investigators and the
filmmakers, and "Documents from the Harbour Trust began circulating after it announced …" is
the Harbour Trust, not whoever spoke further back (the back reference context.py would
otherwise resolve)."""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.clauses import Finding
from sourcelight.pipeline.attribution.complements import CLAUSE_DEPS
from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.deps import token_at
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.quotes import MASK
from sourcelight.pipeline.attribution.sourcekind import guess_source
from sourcelight.pipeline.attribution.unnamed_people import person_word
from sourcelight.pipeline.model import SourceKind

# The kinds a pronoun of a person or a group may mean: not one only a thing takes ("it").
PEOPLE_KINDS = frozenset({SourceKind.NAMED_PERSON, SourceKind.ANONYMOUS, SourceKind.VAGUE})
BODY_KINDS = (SourceKind.ORGANIZATION, SourceKind.MEDIA)
# A clause's subject, active or passive ("investigators realized", "fighters were seen").
CLAUSE_SUBJECTS = ("nsubj", "nsubjpass")


def with_own_antecedent(finding: Finding, doc, masked: str, lexicon: Lexicon) -> Finding:
    """The finding with a pronoun source replaced by what its own sentence names before it:
    for a plural pronoun, the group heading a clause (or the object a verb makes do something:
    "enables the companies to …, while they bemoan …"); for a thing's pronoun, the body named
    there: the nearer of two groups, but no body where two are named. Unchanged where there
    is none."""
    reference = finding.back_reference
    things_only = reference is not None and not set(reference.refers_to) & PEOPLE_KINDS
    if reference is None or len(finding.source.split()) != 1 or not (reference.plural or things_only):
        return finding
    pronoun, cue = token_at(doc, finding.source_span[0]), token_at(doc, finding.cue_span[0])
    if pronoun is None or pronoun.pos_ != "PRON" or cue is None:
        return finding
    finding = replace(finding, thing_pronoun=things_only)
    before = [t for t in doc[:pronoun.i] if masked[t.idx:t.idx + 1] != MASK]
    if reference.plural:
        candidates = [t for t in before if _a_group_heading_a_clause(t) and _beside_the_cue(t, cue)]
        guesses = [guess for guess in (_group(t, lexicon) for t in candidates) if guess is not None]
        # (of two groups, the nearer: "Economists looked at firms in which some managers could
        # hire the employees they thought …" are the managers)
        guesses = guesses[-1:]
    else:
        candidates = [t for t in before if _a_body_named(t) and _beside_the_cue(t, cue)]
        guesses = [guess for guess in (guess_source(t, lexicon) for t in candidates)
                   if guess is not None and guess.kind in BODY_KINDS]
    if len({guess.text for guess in guesses}) != 1:
        return finding
    guess = guesses[0]
    return replace(finding, kind=guess.kind, source=guess.text, source_span=(guess.start, guess.end),
                   back_reference=None, thing_pronoun=False)


def _a_body_named(token) -> bool:
    """The last word of a body's name in a clause's subject ("Documents from the Harbour
    Trust began circulating"; not "even if a Democrat wins the White House, it assumes")."""
    if token.ent_type_ != "ORG" or token.tag_ in ("NNS", "NNPS") or (
            token.i + 1 < len(token.doc) and token.doc[token.i + 1].ent_iob_ == "I"):
        return False
    for word in [token, *token.ancestors]:
        if word.dep_ in CLAUSE_SUBJECTS:
            return True
        if word.pos_ in ("VERB", "AUX"):
            return False
    return False


def _a_group_heading_a_clause(token) -> bool:
    """A plural noun that is a clause's subject ("investigators realized"), or the plural of
    "a lot of", "many of" that is, or an object with a clause of its own ("the companies to")."""
    if token.tag_ != "NNS":
        return False
    if token.dep_ in CLAUSE_SUBJECTS:
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ in CLAUSE_SUBJECTS:
        return True
    return token.dep_ == "dobj" and any(c.dep_ == "xcomp" for c in token.head.children if c.i > token.i)


def _beside_the_cue(group, cue) -> bool:
    """Whether ``group`` stands in a clause the cue's clause hangs on or is joined to, not
    inside what the cue reports ("Voters are angry about the plan, they said") nor beside a
    tag set off in its clause ("With Nusra fighters playing a larger role, they said, the
    president …"): under the cue by no clause it reports ("As investigators realized …, they
    worried"), or where the cue's clause, by no such clause either, meets the group's ("A lot
    of filmmakers talk about …, but they usually cite", "enables the companies to …, all while
    they bemoan", "Documents from the Harbour Trust began circulating after it announced")."""
    if cue in group.ancestors:
        return _below(group, cue)
    return any(_below(cue, ancestor) for ancestor in group.ancestors)


def _below(lower, upper) -> bool:
    """``upper`` is above ``lower`` in the tree, and nothing between hangs there as what a
    verb reports."""
    for ancestor in [lower, *lower.ancestors]:
        if ancestor == upper:
            return True
        if ancestor.dep_ in CLAUSE_DEPS:
            return False
    return False


def _group(token, lexicon: Lexicon):
    """The source the group is, where it is people or bodies (not "the attacks were linked"),
    and not reporters ("When reporters asked …, they said" are the ones asked)."""
    if lexicon.patterns["media_roles"].fullmatch(token.lower_) or lexicon.patterns["media_roles"].fullmatch(
            token_lemma(token, lexicon)):
        return None
    guess = (guess_source(token.head.head, lexicon) if token.dep_ == "pobj" else None) or guess_source(token, lexicon)
    if guess is None or guess.kind not in (SourceKind.VAGUE, SourceKind.ANONYMOUS, SourceKind.ORGANIZATION):
        return None
    people = person_word(token_lemma(token, lexicon), lexicon) or lexicon.patterns["generic_bodies"].fullmatch(
        token.lower_)
    return guess if people or guess.kind is not SourceKind.VAGUE else None
