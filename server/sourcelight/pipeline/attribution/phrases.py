"""The words a source's head token stands for on the parse: its phrase without asides
(relative clauses, appositions, parentheticals) or the circumstances of the speaking ("at the
time", "at a rally in Iowa"), a coordination whole ("Smith and Jones said"), and hyphenated
words the tokenizer cut kept whole ("The co-founder said"). sourcekind.py says what the
phrase is."""
from __future__ import annotations

from sourcelight.pipeline.attribution.deps import coordinated, hyphenated_word, name_suffix

# Children whose subtrees are asides, not part of the source's name or description.
ASIDE_DEPS = ("relcl", "acl", "advcl", "parataxis", "punct", "appos", "cc", "preconj", "ccomp")
MAX_PHRASE_TOKENS = 14
_DASHES = frozenset({"-", "--", "–", "—"})


def phrase_tokens(head) -> list:
    """The tokens of the phrase ``head`` heads, without asides (relative clauses,
    appositions, parentheticals), contiguous around the head."""
    excluded = set()
    # A name the parse made the sentence's root ("Trump defended eminent domain, calling …"):
    # only the words of the name are the source.
    name_root = head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")
    for child in head.children:
        if name_root and child.dep_ not in ("compound", "det", "poss", "flat", "amod", "nmod") and child.tag_ != "HYPH":
            excluded.update(t.i for t in child.subtree)
        elif child.dep_ in ASIDE_DEPS and not (child.dep_ == "cc" and child.i < head.i) and child.tag_ != "HYPH" \
                and not (child.tag_ in ("``", "''") and child.i < head.i and child.head.i == head.i) \
                and not _name_run_on(head, child) and not _inside_one_name(head, child):
            # (the quotation marks of a title inside the phrase are the phrase's: "the “Bad Romance” singer")
            excluded.update(t.i for t in child.subtree)
        elif child.dep_ == "advmod" and child.i > head.i and head.pos_ == "PROPN":
            excluded.update(t.i for t in child.subtree)  # "Hannibal Buress flat-out calling Cosby …": how, not who
        elif child.dep_ == "npadvmod" and child.i > head.i and child.ent_type_ in ("DATE", "TIME"):
            excluded.update(t.i for t in child.subtree)  # "Trump this week also said": a time, not the name
        elif child.dep_ == "prep" and child.lower_ == "as" and child.i > head.i and head.doc[child.i - 1].lower_ != "such":
            excluded.update(t.i for t in child.subtree)  # "was seen by some as a demotion": what it was seen as
        elif child.dep_ == "prep" and child.i > head.i and _circumstance(head, child):
            excluded.update(t.i for t in child.subtree)  # "Trump at the time said", "Sanders at a rally in Iowa said"
    for inner in head.subtree:
        # "Democrats on Capitol Hill, who have argued …": a relative clause set off by a comma
        # is an aside of an inner word too (not "the company that owns the pier")
        if inner.dep_ == "relcl" and inner.left_edge.i > 0 and head.doc[inner.left_edge.i - 1].text == ",":
            excluded.update(t.i for t in inner.subtree)
    amounts = [c for c in head.children if c.dep_ == "nummod" and c.i < head.i and c.ent_type_ == "MONEY"
               and head.ent_type_ != "MONEY"]
    if amounts:
        # "the minimum $20 million experts say it costs": a sum of money counts no speakers; the
        # parse hung on them the phrase of a noun it lost, and they start after it.
        excluded.update(range(head.left_edge.i, amounts[-1].right_edge.i + 1))
    kept = sorted(t.i for t in head.subtree if t.i not in excluded)
    left = right = kept.index(head.i)
    while left > 0 and kept[left - 1] == kept[left] - 1:
        left -= 1
    while right + 1 < len(kept) and kept[right + 1] == kept[right] + 1:
        right += 1
    tokens = [head.doc[i] for i in kept[left:right + 1]]
    # "an aggressive - some say unrealistic - pledge": a dash set off by spaces ends the phrase
    dashes = [k for k, t in enumerate(tokens)
              if t.text in _DASHES and t.whitespace_ and k > 0 and tokens[k - 1].whitespace_]
    at = tokens.index(head)
    tokens = tokens[max([k + 1 for k in dashes if k < at], default=0):
                    min([k for k in dashes if k > at], default=len(tokens))]
    # (nor a conjunction whose conjunct the parse hung elsewhere: "divers with no part in the
    # search but | with years of work in flooded caves watched …")
    while len(tokens) > 1 and (tokens[-1].dep_ in ("case", "cc") or tokens[-1].dep_ == "punct" and tokens[-1].text == ","):
        tokens.pop()
    if len(tokens) > 1 and tokens[0].tag_ in ("``", "''") and not any(t.tag_ in ("``", "''") for t in tokens[1:]):
        tokens = tokens[1:]  # '… for Trump,” a student at Wesleyan wrote': the mark closes the title before
    lost = [c for c in head.children if c.dep_ == "compound" and c.tag_ == "NN" and c.i < head.i]
    if lost and head.tag_ == "NNS" and any(c.dep_ == "det" and "Sing" in c.morph.get("Number") and c.i < lost[-1].i
                                          for c in head.children):
        # "all that other stuff feminists say": a plural after a singular determiner's noun
        # starts a phrase of its own the parse ran into that noun's
        tokens = [t for t in tokens if t.i > lost[-1].i]
    suffix = name_suffix(tokens[-1])
    if suffix is not None:
        tokens.append(suffix)  # "Analysts with Moody’s said": the company's name is whole
    opening = head.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if head.dep_ == "amod" and opening is not None and opening.dep_ == "det" and opening.head.i == head.head.i:
        tokens.insert(0, opening)  # "“…,” the 48-year-old said" with "the" hung on the verb too
    beside = name_set_beside(head, tokens[-1]) or object_set_beside(head, tokens[-1])
    if beside is not None:
        tokens += list(head.doc[tokens[-1].i + 1:beside.right_edge.i + 1])  # "A study in the journal Nature"
    if len(tokens) > MAX_PHRASE_TOKENS:
        # Too long with the asides of its inner words ("a spokesman for the ministry, Oleg
        # Voloshyn, who also ran …"): without them, else the words up to the head.
        # (and of the members a participle lists: "A group of advocates, including …")
        inner_asides = {t.i for d in head.subtree if d.i != head.i and (
            d.dep_ in ("relcl", "appos", "acl", "parataxis") or (d.dep_ == "prep" and d.tag_ == "VBG"))
                        for t in d.subtree}
        shorter = [t for t in tokens if t.i not in inner_asides]
        # ... and, from the last, without the head's prepositions that name nothing ("a
        # report about the integration of immigrants"); "for the Foreign Ministry" names a body.
        for prep in sorted((d for d in head.children if d.dep_ == "prep" and d.i > head.i
                            and not any(o.pos_ == "PROPN" for o in d.children if o.dep_ == "pobj")),
                           key=lambda d: -d.i):
            if len(shorter) <= MAX_PHRASE_TOKENS:
                break
            dropped = {t.i for t in prep.subtree}
            shorter = [t for t in shorter if t.i not in dropped]
        while shorter and shorter[-1].dep_ in ("punct", "case", "cc"):
            shorter.pop()
        tokens = shorter if len(shorter) <= MAX_PHRASE_TOKENS and head in shorter \
            else [t for t in tokens if t.i <= head.i][-MAX_PHRASE_TOKENS:]
    return tokens


def name_set_beside(subject, last):
    """'A study in the journal Nature suggests' parsed with "Nature" a second subject of the
    verb: a name that is another subject of the verb, right after the phrase of ``subject``
    that ends in the singular common noun ``last``, is that noun's name (None where there is
    none; not "The number of people  The Washington Post reported …", a caption run into a
    sentence)."""
    if subject.dep_ not in ("nsubj", "nsubjpass") or last.tag_ != "NN" or last.i + 1 >= len(last.doc):
        return None
    return next((c for c in subject.head.children if c.dep_ == subject.dep_ and c.i > last.i and c.pos_ == "PROPN"
                 and c.left_edge.i == last.i + 1), None)


def object_set_beside(subject, last):
    """'Other former CIA officers with no direct knowledge of the case but with experience in
    war zones chafed …' parsed with "experience" a second subject of the verb: the phrase of
    ``subject`` ending in a preposition ``last`` with no object of its own goes on with the
    other subject right after it (None where there is none)."""
    if subject.dep_ not in ("nsubj", "nsubjpass") or last.tag_ != "IN" or last.dep_ not in ("prep", "conj") \
            or any(c.dep_ == "pobj" for c in last.children):
        return None
    return next((c for c in subject.head.children if c.dep_ == subject.dep_ and c.i > last.i
                 and c.left_edge.i == last.i + 1), None)


def beside_another_subject(subject, subjects) -> bool:
    """Whether ``subject``, one of a verb's several ``subjects``, is a name set beside the last
    noun of another one's phrase (name_set_beside) or the object of the preposition that
    phrase ends in (object_set_beside)."""
    before = subject.doc[subject.left_edge.i - 1] if subject.left_edge.i > 0 else None
    return before is not None and any(
        other.i < subject.i and (before.i == other.i or other.is_ancestor(before))
        and subject in (name_set_beside(other, before), object_set_beside(other, before)) for other in subjects)


def _name_run_on(head, child) -> bool:
    """'the parents of local woman Lena Moraes' with the name hung on "parents": a name the
    parse set beside the head, right after the head's preposition phrase with no comma, is
    that phrase's last words, no aside."""
    doc = head.doc
    if child.dep_ != "appos" or child.pos_ != "PROPN" or child.i < head.i or child.left_edge.i == 0:
        return False
    before = doc[child.left_edge.i - 1]
    return before.dep_ == "pobj" and before.head.head.i == head.i and not before.is_punct


def _inside_one_name(head, child) -> bool:
    """The comma of "Crown Equity Holdings, Inc.": inside the name the recogniser found, before
    its head, it sets nothing off."""
    return child.text == "," and child.i < head.i and child.ent_iob_ == "I" and head.ent_iob_ == "I" \
        and head.ent_type_ == "ORG"


def _circumstance(head, preposition) -> bool:
    """When or where the speaker spoke, not who they are: a time after any head ("a spokesman
    at the time", "officials on Tuesday"), and after a person's name a place or an occasion too
    ("Sanders at a rally in Iowa"; but "Jane Roe of the Times", "Lee from Boston" say who)."""
    obj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if obj is None:
        return False
    if obj.ent_type_ in ("DATE", "TIME") or (obj.lower_ == "time" and preposition.lower_ in ("at", "by")):
        return True
    return head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "") and preposition.lower_ in ("at", "on", "in", "during")


def conjoined(head) -> list:
    """'Smith and Jones said': the whole coordination is the source, with the conjuncts the
    parse hung on another conjunct ("handlers, cabin cleaners and | wheelchair attendants")
    and a list's first item it took for a subject of its own ("Janitors, | baggage handlers,
    … are asking")."""
    own = tokens = phrase_tokens(head)
    for conjunct in coordinated(head):
        if conjunct.i > tokens[-1].i:
            tokens = tokens + [t for t in conjunct.doc[tokens[-1].i + 1:conjunct.i + 1]]
            tokens += [t for t in phrase_tokens(conjunct) if t.i > tokens[-1].i]
    opening = _list_opening(head, tokens[0]) if len(tokens) > len(own) else None
    return tokens if opening is None else [t for t in head.doc[opening.left_edge.i:tokens[0].i]] + tokens


def _list_opening(head, first):
    """The subject of the same verb that ends right before ``first`` and a comma: the first
    item of the list ``head`` goes on (None where there is none)."""
    comma = head.doc[first.i - 1] if first.i > 0 else None
    if comma is None or comma.text != "," or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return next((c for c in head.head.children if c.dep_ == head.dep_ and c.i < head.i
                 and c.right_edge.i in (comma.i - 1, comma.i) and c.pos_ == head.pos_ and c.tag_ == head.tag_), None)


def whole_words(head, tokens: list) -> tuple:
    """The head and the phrase with its hyphenated words whole: the tokenizer cuts "His
    ex-wife", "The co-founder" at the hyphen, and the parse may take the prefix or the
    hyphen for the subject, or leave them out of the phrase ("wife", nothing at all)."""
    doc = head.doc
    first, last = hyphenated_word(head)
    if first == last and (not tokens or hyphenated_word(tokens[0])[0] == tokens[0].i):
        return head, tokens
    if head.i != last and doc[last].is_alpha:
        head = doc[last]  # "The co-founder said": the founder, not "co" or "-"
    start = min([first, hyphenated_word(tokens[0])[0]] if tokens else [first])
    end = max([last] + [t.i for t in tokens])
    while start > 0 and doc[start - 1].dep_ in ("det", "poss") and first <= doc[start - 1].head.i <= end:
        start -= 1
    return head, [doc[i] for i in range(start, end + 1)]
