"""What a sentence shows about a name, whatever the entity recogniser guessed: a role beside
it or in front of it, an age, a "who" clause, "his" or "her" on what it does — each says the
name is a person's."""
from __future__ import annotations

from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.sources import classify
from sourcelight.pipeline.model import SourceKind

# The lists whose words say the phrase is one person: a role, a title, a spokesperson.
PERSON_ROLE_KEYS = ("person_roles", "spokesperson", "unnamed_roles", "titles")
# Of those, the roles a name may follow directly ("Spokeswoman Haley Morris").
ROLE_BEFORE_NAME_KEYS = ("person_roles", "spokesperson", "titles")


def is_person_role(token, lexicon: Lexicon, keys: tuple[str, ...] = PERSON_ROLE_KEYS) -> bool:
    """'professor', 'spokeswoman', 'Sen.': a word that names a person's role (by the
    lexicon's ``keys`` lists)."""
    return any(lexicon.patterns[key].fullmatch(token.text) for key in keys)


def names_with_roles(parse, lexicon: Lexicon):
    """Names the text itself shows are people's, whatever the recogniser guessed: a
    person's role in apposition ("Eswar Prasad, a professor of economics"), a title or
    role in front ("Foreign Minister Sergei Lavrov"), an age ("Ramos, 58,"), or "his" or
    "her" on what the name does ("Carly Fiorina threw her support")."""
    for token in parse:
        if token.pos_ != "PROPN" or token.dep_ in ("compound", "flat"):
            continue
        words = [c for c in token.children if c.dep_ in ("compound", "flat") and c.i < token.i] + [token]
        described = any(c.dep_ == "appos" and c.i > token.i and c.pos_ in ("NOUN", "PROPN") and _describes_person(c, lexicon)
                        for c in token.children) or _own_gendered(token, lexicon) or _age_given(token) \
            or _role_beside(token, lexicon) or (token.ent_type_ == "ORG" and _speaks_of_own(token, lexicon))
        # (a "who" clause on a full name; not on a description: "a New Hampshire Republican, who …")
        who = len(words) >= 2 and not any(c.dep_ == "det" for c in token.children) and _who_after(token)
        # "One Republican presidential hopeful, Carly Fiorina," (but not "Catholics" after
        # "critics": a nation or faith in the name leaves it out, below)
        set_after = (token.dep_ == "appos" and token.head.i < token.i and token.head.pos_ == "NOUN"
                     and _describes_person(token.head, lexicon))
        roles = [w for w in words if is_person_role(w, lexicon)]
        if not roles and not described and not set_after and not who:
            continue
        words = [w for w in words if w.i > roles[-1].i] if roles else words
        # A title the tokenizer split from its period ("Col" "."): not part of the name.
        words = [w for w in words if _name_word(w) and w.text != "."
                 and not (w.i + 1 < len(parse) and parse[w.i + 1].text == "." and lexicon.patterns["titles"].fullmatch(w.text + "."))]
        span = parse[words[0].i:token.i + 1] if words else None
        if span is None or not all(_name_word(w) or w.tag_ == "HYPH" for w in span):
            continue
        if roles and len(span) == 1 and not span[0].ent_type_ and not described:
            continue  # "to become Chief Whip": one capitalised word after a title, no one's name to the recogniser
        # (a place is no one, but one described by "who" is a person: "Oyelaran Adebisi, who …")
        if span.text.endswith(("'s", "’s")) or (not described and any(
                w.ent_type_ == "NORP" or (w.ent_type_ == "GPE" and not who) for w in span)):
            continue
        guess = classify(span.text, 0, len(span.text), lexicon)
        if guess is None or guess.kind is SourceKind.NAMED_PERSON:
            yield span


def _role_beside(name, lexicon: Lexicon) -> bool:
    """'In a message to Clinton, Tanden, head of the Center for American Progress, …' parsed
    with the name and its role both in apposition to an earlier name: the role set off right
    after the name is still the name's."""
    if name.dep_ not in ("appos", "conj") or name.i + 2 >= len(name.doc) or name.doc[name.i + 1].text != ",":
        return False
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.left_edge.i == name.i + 2 and _describes_person(c, lexicon)
               for c in name.head.children)


def _describes_person(noun, lexicon: Lexicon) -> bool:
    """'professor', 'spokeswoman', 'historian', 'hopeful': a role or a noun only a person is
    (not 'developer' or 'owner', which a company is as well)."""
    return is_person_role(noun, lexicon) or (noun.lower_ in lexicon.syntax.person_descriptions
                                             and noun.lower_ not in lexicon.syntax.shared_descriptions)


def _name_word(token) -> bool:
    """A proper noun, or a capitalised first name the tagger read as an adverb ("Carly")."""
    return token.pos_ == "PROPN" or (token.dep_ == "compound" and token.tag_ == "RB" and token.text[:1].isupper())


def _age_given(name) -> bool:
    """'Ramos, 58, told AFP': an age set off by commas after a name is a person's."""
    return any(c.dep_ in ("appos", "amod", "npadvmod") and c.tag_ == "CD" and c.text.isascii() and c.text.isdigit()
               and 1 <= int(c.text) <= 120
               and c.i == name.i + 2 and name.doc[name.i + 1].text == ","
               and c.i + 1 < len(name.doc) and name.doc[c.i + 1].text == "," for c in name.children)


def _who_after(name) -> bool:
    """'said Sigit Heriyanto, who had three family members on the plane', 'Dai Shuqin, a
    61-year-old who had five relations on MH370,': a full name set off and then described by a
    "who" clause is a person's, whatever the recogniser guessed (a body is "which")."""
    described = [name] + [c for c in name.children if c.dep_ == "appos" and c.i > name.i]
    return name.tag_ == "NNP" and name.i + 1 < len(name.doc) and name.doc[name.i + 1].text == "," and any(
        c.dep_ == "relcl" and any(w.dep_ in ("nsubj", "nsubjpass") and w.lower_ == "who" for w in c.children)
        for noun in described for c in noun.children)


def _own_gendered(name, lexicon: Lexicon) -> bool:
    """'Carly Fiorina threw her support behind Cruz': the subject's own thing is "his" or
    "her", so the subject is a person (a company's is "its")."""
    return bool(own_genders(name, lexicon))


def _speaks_of_own(name, lexicon: Lexicon) -> bool:
    """'Lovato has previously spoken out about her body image', the name taken for a company:
    a subject whose verb has no object, doing something about "his" or "her" thing, is a
    person (not "Trump attacked Clinton over her emails": that verb has an object)."""
    verb = name.head
    if name.dep_ != "nsubj" or any(c.dep_ == "dobj" for c in verb.children):
        return False
    return bool(_gendered_owners(_prepositional_objects(verb, name.i), lexicon))


def own_genders(name, lexicon: Lexicon, clause_wide: bool = False) -> list[str]:
    """The genders of the pronouns that own what the subject ``name`` does something with
    ("her" of "Fiorina threw her support"), one per such pronoun; ``clause_wide``, also what
    it does something about or as ("named a favorite as her guilty pleasure") and what a
    clause joined to its verb is about ("Christie has been busy, but his guilty pleasure is
    …"): enough to tell a person's gender, not to make a person of a name."""
    if name.dep_ != "nsubj":
        return []
    verb = name.head
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    if clause_wide:
        if not any(c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "PRON") for c in verb.children):
            nouns += _prepositional_objects(verb, verb.i)  # (not "attacked Reyes over her emails", the attacked's)
        nouns += [s for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                  for s in c.children if s.dep_ == "nsubj"]
    return [lexicon.pronoun_genders[p.lower_] for p in _gendered_owners(nouns, lexicon)]


def _prepositional_objects(verb, after: int) -> list:
    """The objects of the verb's prepositions that stand after token ``after``."""
    return [o for p in verb.children if p.dep_ == "prep" and p.i > after for o in p.children if o.dep_ == "pobj"]


def _gendered_owners(nouns, lexicon: Lexicon) -> list:
    """The "his" and "her" that own the ``nouns``."""
    return [p for noun in nouns for p in noun.children if p.dep_ == "poss" and p.lower_ in lexicon.pronoun_genders]


__all__ = ["PERSON_ROLE_KEYS", "ROLE_BEFORE_NAME_KEYS", "is_person_role", "names_with_roles", "own_genders"]
