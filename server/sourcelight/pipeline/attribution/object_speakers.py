"""Speakers a cue verb's own subject does not give: an object made to speak ("forced the
mayor to admit"), blamed for saying ("criticized Trump for saying"), described saying ("left
62 percent of voters saying") or seen saying ("watching Clinton argue"), a participle the parse hung on an object, the noun after "with",
and a name a subordinator opens ("since Clinton, at the debate, cited …")."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cast import PERSON
from sourcelight.pipeline.attribution.cue_lemmas import token_lemma
from sourcelight.pipeline.attribution.person_signs import is_person_role
from sourcelight.pipeline.attribution.deps import SUBJECTS, text_of, to_infinitive, without_and
from sourcelight.pipeline.attribution.lemmas import lemma
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.sources import classify
from sourcelight.pipeline.attribution.stranded import quoted
from sourcelight.pipeline.model import SourceKind

# Kinds of source that speak or think for themselves (not a document, nor nobody).
SPEAKING_KINDS = (SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION, SourceKind.MEDIA, SourceKind.ANONYMOUS,
                  SourceKind.VAGUE)


def object_described(verb):
    """'The killings have left 62 percent of voters saying …': a participle right after its
    verb's object, with no comma between, says what the object does."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "ccomp") or verb.i == 0:
        return None
    objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.right_edge.i == verb.i - 1
               and any(t.like_num or t.ent_type_ in ("PERCENT", "CARDINAL", "PERSON") for t in c.subtree)]
    return objects[0] if objects else None  # a counted group or a person, not "referenda arguing"


def object_perceived(verb, lexicon: Lexicon | None):
    """'Voters are watching a member of the establishment, Hillary Clinton, argue that …' parsed
    with "argue" a second verb of the voters': a bare verb right after a seeing or hearing verb's
    object, joined with no "and", is what the object is seen doing."""
    if lexicon is None or verb.tag_ not in ("VB", "VBP") or verb.dep_ not in ("conj", "ccomp", "xcomp") \
            or not without_and(verb) or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    head = verb.head
    if head.tag_ in ("VB", "VBP") or lemma(head.lower_, lexicon.language, lexicon.lemmatizer) not in lexicon.syntax.perception:
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    between = verb.doc[obj.right_edge.i + 1:verb.i]
    # its name set off after it, the parse hanging it on the verb ("a member of the council, Dana Okafor, argue")
    name = next((c for c in head.children if c.dep_ in ("npadvmod", "appos") and c.pos_ == "PROPN"
                 and obj.right_edge.i < c.i < verb.i), None)
    named = set() if name is None else {t.i for t in name.subtree}
    return (name or obj) if all(t.text == "," or t.i in named for t in between) else None


def on_the_object(verb) -> bool:
    """A participle the parse hung on the verb's object ("issued a statement saying")."""
    return verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.dep_ == "dobj"


def participle_on_object(verb):
    """'Clinton talked up her “50-state strategy,” promising to campaign …' parsed with the
    participle on the object: set off by a comma, it shares the sentence's subject."""
    if not on_the_object(verb) or verb.i < 2:
        return None
    if "," not in (verb.doc[verb.i - 1].text, verb.doc[verb.i - 2].text):  # (a quote may close before it)
        return None
    return next((c for c in verb.head.head.children if c.dep_ == "nsubj"), None)


def subject_after_with(verb, lexicon: Lexicon | None):
    """'The conversation ended with Maddow asking Clinton whether …': after "with", the noun
    right before the participle is who does it; after "of" too if it is one who speaks
    ('footage of the mayor saying …', not 'a series of referenda arguing …')."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    noun = verb.doc[verb.i - 1]
    if noun.dep_ != "pobj" or noun.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    if noun.head.lower_ == "with" or (noun.head.lower_ == "of" and _speaks(noun, lexicon, SourceKind.DOCUMENT, before=verb)):
        return noun
    return None


def _speaks(noun, lexicon: Lexicon | None, *also: SourceKind, before=None) -> bool:
    """A person ("the journalist Dainis Ivans"), a body or a group ("many E.U. nations") or
    ``also`` a kind of source, not a time spent ("spent the day saying") nor a thing ("ended the
    speech saying"). The noun's phrase ends ``before`` a token, if given."""
    if noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ == PERSON or (lexicon is not None and is_person_role(noun, lexicon)):
        return True
    if lexicon is None:
        return False
    phrase = [t for t in noun.subtree if before is None or t.i < before.i]
    unquoted = next((i for i, t in enumerate(phrase) if t.tag_ in ("``", "''") or quoted(t)), len(phrase))
    last = phrase[max(unquoted, 1) - 1]  # "a new phrase", not its “…”
    guess = classify(text_of(noun.doc), noun.left_edge.idx, last.idx + len(last.text), lexicon)
    return guess is not None and (guess.kind in SPEAKING_KINDS or guess.kind in also)


def object_controls(verb, lexicon: Lexicon | None):
    """'The scandal forced the mayor to admit that …', 'it prompted Mr. Trump to say …', 'The
    collapse left many nations feeling that …': the one made or moved to speak or think is
    who does, not the cause."""
    participle = verb.dep_ == "xcomp" and verb.tag_ == "VBG"
    if not participle and (verb.dep_ not in ("xcomp", "ccomp") or not to_infinitive(verb)):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if obj is None or obj.lower_ == "it":
        return None  # "suffice it to say"
    if (obj.tag_ == "DT" or (lexicon is not None and obj.lower_ in lexicon.syntax.told_amounts)) \
            and not any(c.dep_ == "dobj" for c in verb.children):
        # "The mayor had this to say:", "had little to say": the words the verb lacks, not
        # who says them (but "it takes this long to confirm a judge" has its own)
        return None
    if _speaks(obj, lexicon):
        return obj
    if lexicon is not None:
        if not participle and lemma(verb.head.lower_, lexicon.language, lexicon.lemmatizer) in lexicon.syntax.object_control \
                and obj.pos_ == "NOUN" and not obj.ent_type_:
            return obj  # "is pushing the Republican candidates to speak out": never the cause
    return None


def subject_after_subordinator(verb, lexicon: Lexicon | None):
    """'Trump has been targeting Machado since Clinton, at Monday's debate, cited …' parsed
    with "since Clinton" a phrase and "cited" a second verb of Trump's: a verb joined with no
    "and", after a name that a subordinator ("since", "after") opens, is that name's."""
    if lexicon is None or verb.dep_ != "conj" or not without_and(verb) or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    head = verb.head
    opening = [c for c in head.children if c.dep_ == "prep" and head.i < c.i < verb.i
               and lexicon.patterns["subordinators"].fullmatch(c.lower_)]
    named = next((c for c in opening[-1].children if c.dep_ == "pobj"), None) if opening else None
    if named is None or named.pos_ != "PROPN" or any(
            t.pos_ in ("VERB", "AUX") for t in verb.doc[named.i + 1:verb.i]):
        return None
    return named


def object_quoted(verb, lexicon: Lexicon | None):
    """'Local newspapers quote Salinas as saying …', 'The Times quoted Okafor as saying …': who
    is quoted as saying something said it; whoever quotes them relays it (relays.py)."""
    quoting = quoting_verb(verb, lexicon)
    if quoting is None:
        return None
    return next((c for c in quoting.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON", "NOUN")), None)


def quoting_verb(verb, lexicon: Lexicon | None):
    """The verb of "X quoted Y as saying" that ``verb`` ("saying") hangs from through "as"."""
    if lexicon is None or verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.dep_ != "prep":
        return None
    quoting = verb.head.head
    return quoting if quoting.pos_ == "VERB" and token_lemma(quoting, lexicon) in lexicon.syntax.citing else None


def object_credited(verb):
    """'awarded Fiorina three Pinocchios for telling …', 'criticized Trump for saying …':
    who is praised or blamed for saying something said it, not whoever praised or blamed."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ != "for" or verb.head.dep_ != "prep":
        return None
    governing = verb.head.head
    if governing.pos_ == "PROPN" and governing.i < verb.i:
        # "ridicule Donald Trump, Ben Carson, and Carly Fiorina for criticizing …", parsed
        # with "for" on the last name: the whole list blamed
        listed = governing
        while listed.dep_ in ("conj", "appos") and listed.head.i < listed.i:
            listed = listed.head
        if listed.dep_ in ("dative", "dobj", "nsubjpass"):
            return listed
    return next((c for c in governing.children if c.dep_ in ("dative", "dobj", "nsubjpass")
                 and c.pos_ in ("PROPN", "PRON") and c.i < verb.i), None)  # and "She was praised for saying …"


def taker_of_occasion(verb, lexicon: Lexicon | None):
    """'He went out of his way to say that …', 'took pains to say …', 'made a point of
    saying …', 'used the occasion to say …': a saying on a noun of the occasion taken is the
    taker's (not 'gave residents a chance to say …')."""
    if lexicon is None or not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    if verb.dep_ in ("relcl", "acl") and to_infinitive(verb):
        noun = verb.head
    elif verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "of" and verb.head.dep_ == "prep":
        noun = verb.head.head
    else:
        return None
    occasions = lexicon.syntax.occasions
    if noun.pos_ != "NOUN" or (noun.lower_ not in occasions
                               and lemma(noun.lower_, lexicon.language, lexicon.lemmatizer) not in occasions):
        return None
    taken = noun
    while taken.dep_ in ("pobj", "prep") and taken.head.dep_ == "prep" and taken.head.i < taken.i:  # "out of his way"
        taken = taken.head
    if taken.dep_ not in ("dobj", "prep", "pobj") or taken.head.pos_ != "VERB" or any(
            c.dep_ in ("dative", "neg") for c in taken.head.children):
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return None  # "I had no way of knowing what …"
    return next((c for c in taken.head.children if c.dep_ == "nsubj"), None)
