"""Cue verbs the small English parser reads as nouns, found again: "Trump predicts that …" (or
"Trump charges that …" with the name the root and the verb its object), or
"The Sanders campaign projects that …" tagged as a compound noun, "Trump did post … that"
with "post" a noun, "…, records show." with "show" compounded with "records", "Democrats, Frank notes,
applaud …" with "notes" compounded with the name, "As Dan Richter notes, …" with "notes" heading
the as-clause, "He implied immigrants were …" with
"implied" an adjective, and
"Audit files from NGP VAN show that …" with "show" inside the subject's phrase, "Data show
unemployment fell" with "show" heading the sentence, and "“…,” a
voice-over in the ad states." with "states" read as a plural noun."""
from __future__ import annotations

from sourcelight.pipeline.attribution.cue_lemmas import regular_stems, says_form, token_lemma
from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.deps import marked_by, object_of_as
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.sourcekind import guess_source
from sourcelight.pipeline.model import SourceKind


def verb_read_as_noun(token, lexicon: Lexicon) -> Finding | None:
    """The finding of a cue verb the parser tagged as a noun at ``token``, or None."""
    return (_verb_read_as_noun(token, lexicon) or _verb_after_auxiliary(token, lexicon)
            or _verb_after_plural(token, lexicon) or _aside_read_as_noun(token, lexicon)
            or _named_aside_read_as_noun(token, lexicon) or _as_clause_read_as_noun(token, lexicon)
            or _verb_read_as_object(token, lexicon)
            or _closing_tag_read_as_noun(token, lexicon) or _verb_read_as_adjective(token, lexicon)
            or _past_form_read_as_compound(token, lexicon))


def _past_form_read_as_compound(token, lexicon: Lexicon) -> Finding | None:
    """'none of the scholars I interviewed thought compromise was likely' parsed with
    "thought compromise" a noun and two subjects for "was": a past form the lexicon lists
    ("thought", "felt"), compounded to the later subject, is the verb of the earlier one."""
    if token.dep_ != "compound" or token.lower_ not in lexicon.syntax.past_forms:
        return None
    noun = token.head
    verb = noun.head
    if noun.dep_ != "nsubj" or noun.i < token.i or verb.i < noun.i:
        return None
    speaker = next((c for c in verb.children if c.dep_ == "nsubj" and c.right_edge.i + 1 == token.i), None)
    if speaker is None:
        return None
    return _finding(guess_source(speaker, lexicon), token)


def _verb_read_as_adjective(token, lexicon: Lexicon) -> Finding | None:
    """'He implied immigrants were the ones tearing families apart' parsed with "implied"
    an adjective of "immigrants": a past form with a subject of its own before it (which no
    adjective has), on the subject of the clause that follows, is the verb saying that clause."""
    if token.dep_ != "amod" or token.tag_ not in ("VBD", "VBN") or token_lemma(token, lexicon) not in lexicon.syntax.speech:
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
    noun = token.head
    if subject is None or noun.i < token.i or noun.dep_ != "nsubj" or noun.head.i < noun.i:
        return None
    return _finding(guess_source(subject, lexicon), token)


def _verb_read_as_noun(token, lexicon: Lexicon) -> Finding | None:
    """'Trump predicts that …' tagged as a compound noun ("Trump predicts") heading the
    sentence: a plural-looking head whose singular is a speech verb, with a that-clause or a
    listed particle, is that verb, and the name in front speaks."""
    # also 'Trump charges that …' with the name the root and "charges" its object
    name_root = token.dep_ == "dobj" and token.head.dep_ == "ROOT" and token.head.i == token.i - 1
    if (token.dep_ != "ROOT" and not name_root) or token.tag_ != "NNS" or not (says_form(token.text, lexicon) or any(
            stem in lexicon.syntax.findings for stem in regular_stems(token.lower_, "VBZ"))):
        return None
    # "that" read as a conjunction opens a clause ("The campaign projects that …"), not a
    # relative one ("the housing projects that were built")
    opens_that = token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "that" \
        and token.doc[token.i + 1].dep_ == "mark"
    # or a listed particle ("Trump calls for bringing back surveillance …")
    phrasal = any(c.dep_ == "prep" and c.i == token.i + 1 and any(
        f"{stem} {c.lower_}" in lexicon.syntax.speech for stem in regular_stems(token.lower_, "VBZ"))
        for c in token.children)
    # (or a clause with its own subject the parse hung on the name: "Trump demands Ginsburg
    # resign …")
    hung_on_name = name_root and any(c.dep_ in ("ccomp", "advcl") and c.i > token.i and any(
        s.dep_ == "nsubj" for s in c.children) for c in token.head.children)
    if not (opens_that or phrasal or hung_on_name or any(c.dep_ == "ccomp" and c.i > token.i for c in token.children)):
        return None
    # "But Trump claims that …" parsed with Trump as the noun's subject
    speaker = token.head if name_root else next(
        (c for c in token.children if c.dep_ in ("compound", "nsubj") and c.i == token.i - 1), None)
    if speaker is None or speaker.pos_ not in ("PROPN", "NOUN") or not (speaker.text[:1].isupper() or opens_that):
        return None
    start = min([c.i for c in speaker.children if c.dep_ == "compound" and c.i < speaker.i], default=speaker.i) \
        if name_root else token.left_edge.i
    return _finding(guess_source(speaker, lexicon, tokens=list(token.doc[start:token.i])), token)


def _verb_after_auxiliary(token, lexicon: Lexicon) -> Finding | None:
    """'Trump did post on Twitter Friday that …' with "post" tagged as a noun: a bare cue
    verb after an auxiliary and its subject, with a clause of its own, is that verb."""
    if token.dep_ != "ROOT" or token.tag_ != "NN" or not _cue_form(token, lexicon):
        return None
    if not any(c.dep_ == "aux" and c.i < token.i for c in token.children):
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
    if subject is None or not any(c.dep_ == "ccomp" and c.i > token.i for c in token.children):
        return None
    return _finding(guess_source(subject, lexicon), token)


def _verb_after_plural(token, lexicon: Lexicon) -> Finding | None:
    """'Documents from his tax return show he took a loss', 'Data show unemployment fell' with
    "show" tagged as a noun heading the sentence: a bare cue verb after a plural noun, with a
    clause after it, is that noun's verb."""
    if token.dep_ != "ROOT" or token.tag_ != "NN" or not _cue_form(token, lexicon):
        return None
    if any(c.dep_ in ("det", "poss", "aux") for c in token.children) or not any(
            c.dep_ == "ccomp" and c.i > token.i for c in token.children):
        return None
    subjects = [c for c in token.children if c.i < token.i and c.tag_ == "NNS" and (
        c.dep_ == "nsubj" or (c.dep_ == "compound" and c.i == token.i - 1))]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    return _finding(guess_source(subject, lexicon, tokens=list(token.doc[subject.left_edge.i:token.i])), token,
                    (SourceKind.DOCUMENT, SourceKind.MEDIA, SourceKind.ORGANIZATION, SourceKind.VAGUE,
                     SourceKind.ANONYMOUS))


def _aside_read_as_noun(token, lexicon: Lexicon) -> Finding | None:
    """'…, records show.' and 'F.A.A. records show, the Cessna …' with "show" tagged as a
    noun compounded with "records": a plural noun and a bare verb form set off by a comma
    report the rest of the sentence, and the noun speaks."""
    if token.tag_ not in ("NN", "VBP") or not _cue_form(token, lexicon):
        return None
    # (or a document noun the tagger reads as singular: "…, Labor Department data show.")
    subject = next((c for c in token.children if c.dep_ == "compound" and c.i == token.i - 1 and (
        c.tag_ == "NNS" or lexicon.patterns["documents"].fullmatch(c.text))), None)
    if subject is None:
        return None
    doc = token.doc
    start = min(c.left_edge.i for c in token.children if c.dep_ == "compound" and c.i < token.i)
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if not (start > 0 and doc[start - 1].text == "," and (after is None or after.is_punct)):
        return None
    return _finding(guess_source(subject, lexicon, tokens=list(doc[start:token.i])), token,
                    (SourceKind.DOCUMENT, SourceKind.MEDIA, SourceKind.ORGANIZATION, SourceKind.VAGUE,
                     SourceKind.ANONYMOUS))


def _as_clause_read_as_noun(token, lexicon: Lexicon) -> Finding | None:
    """'As Dan Richter of Demand Media notes, “…”' with "notes" tagged as a plural noun heading
    the as-clause (or the sentence, the quote its clause, or the subject of the quote's own
    verb): a speech verb's third-person form with "as" and a subject of its own before it,
    and nothing after it but the comma, is that verb, and the subject speaks."""
    as_object = object_of_as(token)  # ("As Mashable reports, the ministry said …")
    if token.tag_ != "NNS" or (token.dep_ not in ("advcl", "ROOT", "nsubj") and not as_object) \
            or not says_form(token.text, lexicon):
        return None
    doc = token.doc
    # (or the name the parse hung on the noun: "As Lee Park of Harbour Analytics notes, …",
    # or tagged as its adjective: "As Mashable reports, …")
    subject = next((c for c in token.children if c.i < token.i and (
        c.dep_ == "nsubj" or (c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN")
        or (c.dep_ == "amod" and c.text[:1].isupper() and not c.is_sent_start))), None)
    if not (marked_by(token, "as") or as_object) or subject is None or token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
        return None
    return _finding(guess_source(subject, lexicon, tokens=list(doc[subject.left_edge.i:token.i])), token)


def _named_aside_read_as_noun(token, lexicon: Lexicon) -> Finding | None:
    """'Democrats, Frank notes, applaud …' with "notes" tagged as a plural noun compounded
    with the name: a name and a speech verb's third-person form set off by commas inside the
    sentence report the rest of it, and the name speaks."""
    if token.tag_ != "NNS" or not says_form(token.text, lexicon):
        return None
    name = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    if not name or any(c.pos_ != "PROPN" for c in name) or name[-1].i != token.i - 1:
        return None
    doc, start = token.doc, name[0].left_edge.i
    if not (start > 0 and doc[start - 1].text == "," and token.i + 1 < len(doc) and doc[token.i + 1].text == ","):
        return None
    return _finding(guess_source(name[-1], lexicon, tokens=list(doc[start:token.i])), token)


def _verb_read_as_object(token, lexicon: Lexicon) -> Finding | None:
    """'Audit files from NGP VAN show that …', 'FEC records from the 2008 cycle show he …'
    parsed with "show" as a noun inside the subject's prepositional phrase: a bare verb form
    ending the sentence's head noun phrase, with a clause after it, is that noun's verb."""
    if token.tag_ != "NN" or token.dep_ != "pobj" or not _cue_form(token, lexicon):
        return None
    head = token.head.head
    if head.dep_ != "ROOT" or head.tag_ != "NNS" or token.i + 1 >= len(token.doc):
        return None
    after = token.doc[token.i + 1]
    if not (after.lower_ == "that" or (after.dep_ == "nsubj" and after.head.i > token.i)):
        return None
    return _finding(guess_source(head, lexicon, tokens=list(token.doc[head.left_edge.i:token.i])), token,
                    (SourceKind.DOCUMENT, SourceKind.MEDIA, SourceKind.ORGANIZATION))


def _cue_form(token, lexicon: Lexicon) -> bool:
    """The word is, as written, a listed speech or finding verb ('show', 'say')."""
    return token.lower_ in lexicon.syntax.findings or token.lower_ in lexicon.syntax.speech


# The longest speaker phrase of a closing tag read as a noun phrase.
MAX_TAG_WORDS = 9


def _closing_tag_read_as_noun(token, lexicon: Lexicon) -> Finding | None:
    """'“…,” a voice-over in the ad states.', '…, the candidate's former doctor maintains.'
    with the verb read as a plural noun: a third-person form of a speech verb ending the
    sentence, after a comma or a closing quote and the phrase between, is that verb, and the
    phrase speaks."""
    if token.tag_ not in ("NNS", "NN"):
        return None
    doc = token.doc
    # (a finding verb as written, "…, Commerce Department data show.", only for what a
    # document, an outlet or a body shows)
    spoken = says_form(token.text, lexicon)
    if not (spoken or token.lower_ in lexicon.syntax.findings):
        return None
    if not all(t.is_punct for t in doc[token.i + 1:]):
        return None
    if token.i > 0 and doc[token.i - 1].tag_ in ("DT", "PRP$"):
        return None  # "… in all” the rest of the states.": a noun its determiner opens
    # (not a comma between two adjectives: "the round, bearded businessman laughs")
    start = next((i for i in range(token.i - 1, max(-1, token.i - MAX_TAG_WORDS - 2), -1)
                  if doc[i].text in (",", "”", "\"", "’") and not (
                      doc[i].text == "," and 0 < i < token.i - 1 and doc[i - 1].tag_ == doc[i + 1].tag_ == "JJ")), None)
    if start is None or start + 1 >= token.i:
        return None
    phrase = list(doc[start + 1:token.i])
    # (a participle describing the phrase's noun is no verb of its own: "newly released files show")
    if phrase[-1].tag_ == "POS" or any((t.pos_ in ("VERB", "AUX") and t.dep_ != "amod")
                                       or (t.pos_ == "CCONJ" and token.lower_.endswith("s")) for t in phrase):
        # "…, well, getting through Anderson Cooper's questions.", "with negative ads, mailers
        # and phone calls.": a noun after all (a verb in "-s" has one speaker, not a list, but
        # "…, Federal Reserve and Commerce Department data show." a plural one)
        return None
    # The phrase's head hangs outside it; where the parse hung it on the verb read as a noun
    # ("former doctor maintains"), the last word hung there.
    outside = [t for t in phrase if not (start < t.head.i <= token.i) or t.head.i == t.i]
    on_cue = [t for t in phrase if t.head.i == token.i]
    heads = outside or on_cue
    if not heads or not (spoken or heads[-1].tag_ == "NNS"):
        return None  # (what shows is plural, "data", "records": not "… in Odisha state")
    return _finding(guess_source(heads[-1], lexicon, tokens=phrase), token,
                    None if spoken else (SourceKind.DOCUMENT, SourceKind.MEDIA, SourceKind.ORGANIZATION))


def _finding(guess, cue, kinds: tuple[SourceKind, ...] | None = None) -> Finding | None:
    """The finding of the misread verb ``cue`` with the source ``guess``, if it is of ``kinds``."""
    if guess is None or (kinds is not None and guess.kind not in kinds):
        return None
    return Finding.of(guess, cue.text, (cue.idx, cue.idx + len(cue.text)))


__all__ = ["verb_read_as_noun"]
