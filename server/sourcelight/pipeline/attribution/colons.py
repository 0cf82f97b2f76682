"""A name before a colon as the speaker: a headline's label ("Lynch: No outside influence on
FBI probe", "Obama on Climate Change: ‘…’") and a source right before a colon that opens a
quote ("… pollster Daron Shaw: “…”", "From the report: “…”"), but not whom the words went to
or where they were said."""
from __future__ import annotations

from dataclasses import replace

from sourcelight.pipeline.attribution.cast import CAST_KEY
from sourcelight.pipeline.attribution.person_signs import is_person_role
from sourcelight.pipeline.attribution.cue_lemmas import inverted_tag, said_form, says_form, token_lemma
from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.deps import SUBJECTS, text_of
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.quotes import MASK
from sourcelight.pipeline.attribution.relays import employer_outlet
from sourcelight.pipeline.attribution.outlet_names import media_of
from sourcelight.pipeline.attribution.sourcekind import guess_source
from sourcelight.pipeline.attribution.speakers import speaker_of
from sourcelight.pipeline.attribution.unnamed_people import person_word
from sourcelight.pipeline.model import SourceKind

# The dashes that end a newsletter item's kicker ("BERNANKE WINS NOBEL PRIZE — AP: …").
_DASHES = frozenset(("—", "–", "--", "―"))

# Words after a colon that are this much names and commas are a list, not what anyone said.
LISTED_SHARE = 0.8


def named_before_quote(doc, masked: str, lexicon: Lexicon) -> Finding | None:
    """'… doesn't surprise Republican pollster Daron Shaw: “Historically, …”', 'From the
    report: “…”': a named source right before a colon that opens a quote is its speaker."""
    for colon in doc:
        if colon.text != ":" or colon.i == 0 or masked[colon.idx:colon.idx + 1] != ":":
            continue
        if not masked[colon.idx + 1:].lstrip().startswith(MASK):
            continue
        named = doc[colon.i - 1]
        if named.pos_ not in ("NOUN", "PROPN"):
            continue
        if named.pos_ == "NOUN" and any(t.dep_ == "det" for t in doc[:colon.i]) and all(
                t.head.i == named.i or t.i == named.i for t in doc[:colon.i]):
            # "The statement: “…”" opening the line is a field's label, as "The Latest: …" is
            # (not "From the report:")
            continue
        topic = _topic_preposition(named, lexicon)
        if topic is not None and all(t.text[:1].isupper() for t in doc[:topic.i]):
            # "Obama on Climate Change: ‘…’": the words after a name opening the line and a
            # topic preposition are what the name spoke about, never who spoke
            continue
        placed, told = _told_before_colon(named, colon, masked, lexicon)
        if placed:
            return told  # who the words went to, or where they were said, is no speaker
        if topic is not None:
            continue  # "One reason may be concern about Europe: “…”" quotes no Europe
        guess = _after_tag(guess_source(named, lexicon), doc[:colon.i], lexicon)
        # A common noun speaks only as a document ("From the report:"): "common among
        # Catholics in public office: “…”" names no speaker.
        kinds = (SourceKind.NAMED_PERSON, SourceKind.ORGANIZATION, SourceKind.MEDIA, SourceKind.DOCUMENT) \
            if named.pos_ == "PROPN" else (SourceKind.DOCUMENT,)
        # "From the report:" may mean a report named before; a person described ("the
        # senator:") is left to the sentences around it.
        if guess is not None and guess.kind in kinds and (
                guess.back_reference is None or guess.kind is SourceKind.DOCUMENT):
            finding = Finding.of(guess, ":", (colon.idx, colon.idx + 1), colon_intro=True)
            employer = employer_outlet(named, lexicon)
            if employer and employer != finding.source and finding.kind is SourceKind.NAMED_PERSON:
                finding = replace(finding, kind=SourceKind.MEDIA, via=employer)  # "by Times' Ben Sisario: “…”"
            return finding
    return None


def subject_before_quote(doc, masked: str, lexicon: Lexicon) -> Finding | None:
    """'He is philosophical about his new situation: “You make little, but …”': a clause whose
    subject is a person and that has no object, then a colon that opens a quote — the person's
    words (not what they read or saw: "She found a note on the door: “Back soon.”")."""
    colon = next((t for t in doc if t.text == ":" and masked[t.idx:t.idx + 1] == ":"), None)
    if colon is None or colon.i < 3 or not masked[colon.idx + 1:].lstrip().startswith(MASK) \
            or MASK in masked[:colon.idx]:
        return None
    subject = next((t for t in doc[:colon.i] if t.dep_ == "nsubj" and t.head.i < colon.i
                    and t.head.pos_ in ("VERB", "AUX") and t.head.dep_ in ("ROOT", "ccomp")), None)
    if subject is None or subject.pos_ not in ("PRON", "PROPN") or token_lemma(subject.head, lexicon) in (
            lexicon.syntax.perception | lexicon.syntax.speech) or subject.lower_ == "it" or any(
            c.dep_ == "dobj" for c in subject.head.children):
        return None  # (nor a thing done to an object: "Kaine has adopted the stance common among …: “…”")
    if subject.pos_ == "PROPN" and subject.ent_type_ != "PERSON" and subject.text not in (
            doc.user_data.get(CAST_KEY) or {}):
        return None  # a name known for a person's, not "reqHeaders = new Headers({ "…": … })"
    guess = guess_source(subject, lexicon)
    if guess is None or guess.kind not in (SourceKind.NAMED_PERSON, SourceKind.ANONYMOUS):
        return None
    return Finding.of(guess, ":", (colon.idx, colon.idx + 1), colon_intro=True)


def _topic_preposition(named, lexicon: Lexicon):
    """The topic preposition ("on", "about") the name is the object of, if any."""
    phrase = named
    while phrase.dep_ in ("compound", "flat") and phrase.head.i > phrase.i:
        phrase = phrase.head
    preposition = phrase.head
    if phrase.dep_ == "pobj" and preposition.lower_ in lexicon.syntax.topic_prepositions and 0 < preposition.i:
        return preposition
    return None


def _told_before_colon(named, colon, masked: str, lexicon: Lexicon) -> tuple[bool, Finding | None]:
    """'Jeb Bush broke down what was wrong with the image to the Dutch newspaper NRC
    Handelsblad: “…”', 'a familiar voice celebrated the attacks on Twitter: “…”': who the
    words were told to, or where they were said, is no speaker; the verb's subject speaks (if
    it names a source), and an outlet told relays them. (True, finding) where the name
    before the colon is such a recipient or place; (False, None) where it may speak."""
    phrase = named
    while phrase.dep_ in ("compound", "appos", "flat") and phrase.head.i < phrase.i:
        phrase = phrase.head
    if phrase.dep_ != "pobj":
        return False, None
    # told to someone, or said somewhere ("celebrated the attacks on Twitter: “…”"), by a
    # verb before the colon (not the quote's own: "From the report: “Turnout drops.”")
    holder = phrase.head.head
    if holder.dep_ == "dobj" and holder.pos_ in ("NOUN", "PROPN"):
        holder = holder.head
    if phrase.head.lower_ != "to" and not (holder.pos_ == "VERB" and holder.i < colon.i):
        return False, None
    if phrase.head.dep_ == "agent" or masked[holder.idx:holder.idx + 1] == MASK:
        return False, None  # '"Matthew Morrison is leaving ‘Neverland,’" by Times' Michael Paulson: "…"'
    said, someone = None, False
    for verb in (a for a in phrase.head.ancestors if a.pos_ in ("VERB", "AUX") and a.i < colon.i
                 and masked[a.idx:a.idx + 1] != MASK):
        # the nearest verb whose subject is someone ("what was wrong … to X" is Bush's
        # breaking down), not "It came as no surprise to pollster Daron Shaw: “…”" (Shaw's)
        if verb.dep_ == "relcl":
            continue  # "tell the communities that worked on this shift: “…”": a description of the hearers
        subject, passive = speaker_of(verb, lexicon)
        if subject is None or passive or subject.lower_ == "it":
            continue
        someone = True  # "a familiar voice" is nobody the reader can weigh, but no Twitter either
        said = guess_source(subject, lexicon)
        if said is not None and said.kind not in (SourceKind.UNATTRIBUTED, SourceKind.DOCUMENT):
            break
        said = None
    if said is None:
        return someone, None
    outlet = media_of(named, lexicon)
    if outlet is None and named is not phrase and media_of(phrase, lexicon):
        outlet = text_of(named.doc)[named.left_edge.idx:named.idx + len(named.text)]  # "the Dutch newspaper NRC Handelsblad"
    return True, Finding(said.kind, said.text, (said.start, said.end), ":", (colon.idx, colon.idx + 1),
                         via=outlet if outlet != said.text else None, back_reference=said.back_reference,
                         colon_intro=True)


def speaker_label(doc, label: Finding, lexicon: Lexicon) -> Finding | None:
    """A person's or a body's name before a colon that opens the sentence — a headline's
    "Cruz:", "Clinton camp:" — introduces everything after it, whatever verbs follow. Only a
    name known as a person's or a body's: "Update:" or "Question:" introduce nothing."""
    if _opens_with_tag(doc, lexicon):
        return label  # "Concluded the researchers: “…”": the tag names its speaker
    if ":" in text_of(doc)[:label.source_span[0]] or is_heading(doc, label, lexicon):
        return None  # "Name: Gabrielle Hatcher Age: 27 …" is a form's labels
    # the name itself: "Obama on Climate Change:" is Obama's, whatever the topic's words
    words = text_of(doc)[label.source_span[0]:label.source_span[1]].split()
    cast = doc.user_data.get(CAST_KEY) or {}
    person = any(e.label_ == "PERSON" and e.end_char <= label.cue_span[0] for e in doc.ents)
    # ("De Blasio:" for Bill de Blasio: the end of a name in the cast, whatever its capitals)
    in_cast = all(w in cast for w in words) or (
        bool(words) and cast.get(words[-1], "").casefold().endswith(" " + " ".join(words).casefold()))
    if label.kind is SourceKind.NAMED_PERSON and (person or in_cast):
        return label
    # "Clinton camp: …", "NATO: …": a named body too; a place is the topic ("Syria: rebels say …").
    named = [t for t in doc if t.idx < label.cue_span[0] and t.pos_ == "PROPN"]
    if label.kind is SourceKind.ORGANIZATION and named and not any(t.ent_type_ in ("GPE", "LOC") for t in named):
        return label
    return None


def is_heading(doc, label: Finding, lexicon: Lexicon) -> bool:
    """A label no one speaks by: a list's or a page's heading ("2) Training Scholarships:",
    "2017 NFL Mock Draft 4.0:"), a caption's or a page's word ("Clockwise from top:", "On
    Twitter:"), or for a body, a thing it has ("Treasury calendar:") or a word the recogniser
    took for a company ("Inbox:"); nor a heading over a list of names ("Colorado: Ryan Call,
    Laura Carno, …"). "NATO:", "Clinton camp:", "Police:" name a body."""
    if doc[0].like_num or doc[0].pos_ in ("NUM", "X"):
        return True
    after = [t for t in doc if t.idx >= label.cue_span[1] and not t.is_space]
    if after and sum(t.pos_ == "PROPN" or t.text in ",;." for t in after) > LISTED_SHARE * len(after):
        return True  # "Colorado: Ryan Call, Laura Carno, Matt Chandler, …": a list of names under its heading
    last = next((t for t in reversed(doc) if t.idx < label.source_span[1] and not t.is_punct), None)
    if last is None:
        return True
    body_word = is_person_role(last, lexicon) or lexicon.patterns["organizations"].fullmatch(last.text) is not None
    words = text_of(doc)[label.source_span[0]:label.source_span[1]].split()
    if words and words[0].casefold() in lexicon.not_names and not (len(words) == 1 and body_word):
        return True
    return label.kind is SourceKind.ORGANIZATION and not (last.pos_ == "PROPN" or body_word)


def colon_cue(doc, masked: str, lexicon: Lexicon) -> Finding | None:
    """'Lynch: No outside influence on FBI probe' — a name, a colon, then what they said
    (the news convention for headlines and quote paragraphs)."""
    colon = next((t for t in doc if t.text == ":" and masked[t.idx:t.idx + 1] == ":"), None)
    start = _after_kicker(doc, colon) if colon is not None else 0
    if colon is None or colon.i == start or colon.i - start > 6 or colon.i + 1 >= len(doc):
        return None
    before = doc[start:colon.i]
    after = doc[colon.i + 1:]
    if before[0].text in ("[", "{") or before[0].text.startswith("#"):
        # "[Video: FULL SPEECH: …]": a player's or an editor's bracketed label, no speaker;
        # "#QZ8501: Search teams have …": a hashtag, what the post is about
        return None
    if len(before) > 1 and before[-1].text.isdigit() and len(before[-1].text) == 4:
        return None  # "NAMM 2014: Use IK Multimedia's rings …", "Election 2016: …": an event's year, a kicker
    opened = text_of(doc)[:colon.idx]
    if opened.count("(") > opened.count(")"):
        return None  # "Acme Corp. (NYSE: ACME) fell 2%": a ticker or a label inside brackets, no speaker
    said = MASK in masked or any(t.pos_ in ("VERB", "AUX") for t in after) or _person_then_fragment(before, after)
    # "Concluded the researchers: “…”": a said form opening the line before its speaker
    opening_tag = len(before) >= 3 and _opens_with_tag(doc, lexicon)
    tagged = opening_tag or inverted_tag(doc[0], lexicon)
    if (any(t.dep_ == "det" for t in before) and not opening_tag) or not said:
        return None  # "The Latest: …", "Superdelegates: 121." are labels, not speakers
    if len(before) == 1 and before[0].text.isupper() and before[0].pos_ != "PROPN":
        return None  # "UPDATE:", "BREAKING:" are a word in capitals to the parser; "NATO:" a name
    verb_at = _headline_verb(before, lexicon)
    if verb_at is not None:
        before = doc[start:verb_at]  # "Carly Fiorina Endorses Ted Cruz: I Am ‘Horrified’ …": Fiorina speaks
    elif tagged:
        before = doc[1:colon.i]
    topic_at = next((t.i for t in before[1:] if t.pos_ == "ADP" and t.lower_ in lexicon.syntax.topic_prepositions), None)
    if topic_at is not None:
        # "CNN President On Trump: …" is the president; "Success on Signature Issue:" is a
        # kicker, one name to the recogniser, and nobody
        cast = doc.user_data.get(CAST_KEY) or {}
        if not any(e.end <= topic_at for e in doc.ents) and not all(t.text in cast for t in doc[:topic_at]):
            return None
        before = doc[:topic_at]
    head = before.root
    # headline style: "Trump: …", "Poll: …", "Clinton camp: …"
    named = head.pos_ == "PROPN" or head.text[:1].isupper() or any(t.pos_ == "PROPN" for t in before)
    if (not named and not opening_tag) or any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    guess = _after_tag(guess_source(head, lexicon, tokens=list(before)), doc[:colon.i], lexicon)
    if guess is None or guess.kind is SourceKind.UNATTRIBUTED or not _label_speaks(guess, head, before, after, lexicon):
        return None
    if guess.end > colon.idx:
        # "Benjamin: Hello." read as one name by the recogniser: the label ends at its colon
        end = guess.start + len(text_of(doc)[guess.start:colon.idx].rstrip())
        guess = replace(guess, text=text_of(doc)[guess.start:end], end=end)
    owners = [t for t in before if t.dep_ == "poss" and any(c.dep_ == "case" for c in t.children)]
    if guess.kind is SourceKind.DOCUMENT and owners and all(
            is_person_role(t, lexicon) and not t.ent_type_ for t in owners):
        return None  # "Editor's note: This story has been updated." labels the outlet's own note
    # (the cue is the tag's verb where one opens the line: "Said the mayor: …")
    cue = doc[0] if tagged else colon
    finding = Finding.of(guess, cue.text, (cue.idx, cue.idx + len(cue.text)))
    employer = employer_outlet(head, lexicon) if guess.kind is SourceKind.NAMED_PERSON else None
    if employer and employer != finding.source:
        finding = replace(finding, kind=SourceKind.MEDIA, via=employer)  # "WSJ’s Nick Timiraos: “…”"
    return finding


def _label_speaks(guess, head, before, after, lexicon: Lexicon) -> bool:
    """A caption's, a list's or a title's label is no speaker: "Figure 1: …", "Scents and
    Sounds: …", "Star Wars: The Last Jedi …" (a group speaks only as people: "Critics: …"), a
    capitalised label no recogniser or cast knows for a person ("Header Image: …"), nor a
    label over nothing but handles and links ("Twitter: @okafor")."""
    if all(t.is_punct or t.like_url or t.like_email or t.text.startswith("@") for t in after):
        return False
    if head.dep_ in SUBJECTS and head.head.i > after.start and after[0].head.i < after.start and after[0].dep_ in (
            "appos", "compound"):
        return False  # "Batman v Superman: Dawn of Justice … opened to abysmal reviews": a title's colon
    if guess.kind is SourceKind.VAGUE:
        return person_word(token_lemma(head, lexicon), lexicon)
    if guess.kind is SourceKind.NAMED_PERSON and {t.text for t in before if t.pos_ == "PROPN"} & {t.text for t in after}:
        return False  # "Denis McDonough: You can continue to follow Denis at …" is about him, not his words
    if guess.kind is SourceKind.ORGANIZATION and not before.ents and not _listed_body(before, lexicon):
        return False  # "Revamped UX: Vidyard makes …": a list item's label, capitals no one knows for a body
    if guess.kind is SourceKind.NAMED_PERSON and not is_person_role(head, lexicon):  # ("CNN President On Trump: …")
        cast = before.doc.user_data.get(CAST_KEY) or {}
        return any(e.label_ == "PERSON" for e in before.ents) or all(t.text in cast for t in before if not t.is_punct)
    return True


def _listed_body(before, lexicon: Lexicon) -> bool:
    """The label holds a body the lexicon lists ("Police: …") or the article names elsewhere."""
    text = before.text
    cast = before.doc.user_data.get(CAST_KEY) or {}
    return any(lexicon.find(key, text) for key in ("organizations", "metonyms")) or any(
        t.text in cast for t in before if t.pos_ == "PROPN")


def _opens_with_tag(doc, lexicon: Lexicon) -> bool:
    """The line opens with a past form of a listed speech verb and then a determiner: the tag
    of a speaker it names after ("Concluded the researchers: …", "Wrote the judge: …")."""
    return len(doc) > 1 and doc[0].tag_ in ("VBD", "VBN") and said_form(doc[0], lexicon) and doc[1].dep_ == "det"


def _after_tag(guess, before, lexicon: Lexicon):
    """'Stated Stone: “…”', 'Wrote Okafor: “…”': the name after an inverted tag speaks, not a
    name the tag's capital would make of it."""
    if guess is None or not inverted_tag(before[0], lexicon) or guess.start != before[0].idx:
        return guess
    start = before[1].idx
    text = text_of(before.doc)[start:guess.end]
    return replace(guess, text=text, start=start, names=tuple(n for n in guess.names if n in text))


def _person_then_fragment(before, after) -> bool:
    """'Lynch: No outside influence on FBI probe': a person's name, then words without a verb
    — what the person said, in headline style. Not a topic or a tally: "Clinton: A
    Timeline", "Trump: Why He Won", "Cruz: 121 delegates"."""
    cast = before.doc.user_data.get(CAST_KEY) or {}
    person = all(t.text[:1].isupper() for t in before) and (
        any(e.label_ == "PERSON" for e in before.ents) or all(t.text in cast for t in before))
    topic = "Art" in after[0].morph.get("PronType") or after[0].tag_ in ("WRB", "WP", "WDT") or after[0].like_num
    # (words, not a code or a figure: "ClinicalTrials.gov Identifier: NCT03746262")
    return person and not topic and any(t.is_alpha for t in after)


def _after_kicker(doc, colon) -> int:
    """'BERNANKE WINS NOBEL PRIZE — AP: “…”': a newsletter's item opens with its own headline
    in capitals and a dash; the label after the dash is the speaker (0 where there is none)."""
    dash = next((t for t in doc[1:colon.i] if t.text in _DASHES), None)
    words = [t for t in doc[:dash.i] if t.is_alpha] if dash is not None else []
    return dash.i + 1 if words and all(t.text.isupper() for t in words) else 0


def _headline_verb(before, lexicon: Lexicon) -> int | None:
    """Where a title-case headline's speech verb stands before its colon, read as a name
    ("Fiorina Endorses Cruz:"): the words before it are the speaker."""
    for token in before[1:]:
        if token.pos_ == "PROPN" and token.text.istitle() and says_form(token.text, lexicon):
            return token.i
    return None


__all__ = ["colon_cue", "speaker_label", "named_before_quote", "subject_before_quote", "is_heading"]
