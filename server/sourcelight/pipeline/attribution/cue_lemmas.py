"""The lemma a cue word is matched by: the lemmatizer's, set right by the tagger's verb tag
and the regular English endings where the lemmatizer takes a verb for a noun ("warning",
"thanked"), by the lexicon's irregular past forms ("thought"), and by the tail of a
hyphenated word ("re-tweeted"), unless that word means something else ("second-guess");
and a verb with its particle or preposition listed as one cue ("called for", "pointed out")."""
from __future__ import annotations

from sourcelight.pipeline.attribution.deps import HYPHENS, hyphenated_word, text_of
from sourcelight.pipeline.attribution.lemmas import lemma
from sourcelight.pipeline.attribution.lexicon import Lexicon


def token_lemma(token, lexicon: Lexicon) -> str:
    """The token's lemma. Where the lemmatizer takes a verb for a noun or botches it
    ("warning", "writing", "thanked" → "thanke"), the tagger's verb tag and the regular
    English endings give the cue verb the lexicon lists."""
    lowered = _without_kept_prefix(token.lower_, lexicon)
    word = lemma(lowered, lexicon.language, lexicon.lemmatizer)
    if not token.tag_.startswith("VB") or lexicon.syntax is None:
        return _hyphenated(token, word, lexicon) or word
    known = lexicon.syntax.verbs
    if word in known:
        return word
    if token.tag_ in ("VBD", "VBN") and lowered in lexicon.syntax.past_forms:
        return lexicon.syntax.past_forms[lowered]
    return next((stem for stem in regular_stems(lowered, token.tag_) if stem in known), word)


def _without_kept_prefix(word: str, lexicon: Lexicon) -> str:
    """'re-tweeting' kept whole by the tokenizer (syntax.joined_prefixes) is 'tweeting' where
    the prefix keeps the verb's meaning (syntax.kept_prefixes)."""
    prefix, hyphen, rest = word.partition("-")
    if hyphen and rest and lexicon.syntax is not None and prefix in lexicon.syntax.kept_prefixes:
        return rest
    return word


def _hyphenated(token, word: str, lexicon: Lexicon) -> str | None:
    """'op-ed', which the tokenizer cuts at its hyphen: the whole word where the lexicon
    lists it (not "co-founder", which is a "founder")."""
    first = hyphenated_word(token)[0]
    if lexicon.syntax is None or first == token.i:
        return None
    whole = text_of(token.doc)[token.doc[first].idx:token.idx].lower() + word
    return whole if whole in lexicon.syntax.hyphenated else None


def says_form(word: str, lexicon: Lexicon) -> bool:
    """'predicts', 'Endorses': a third-person present form of a listed speech verb, where
    the tagger read the word as a noun."""
    return any(stem in lexicon.syntax.speech for stem in regular_stems(word.lower(), "VBZ"))


def inverted_tag(token, lexicon: Lexicon) -> bool:
    """'Stated Stone: …', 'Wrote Okafor: …': a said form of a listed speech verb opening the
    line before a name, a tag, no first name ("Said" alone, or "Edward Said", is none)."""
    doc = token.doc
    if token.i != 0 or token.i + 1 >= len(doc) or not doc[token.i + 1].text[:1].isupper():
        return False
    return said_form(token, lexicon)


def said_form(token, lexicon: Lexicon) -> bool:
    """An inflected form of a listed speech verb, not its dictionary form ("Stated", "Wrote",
    not "Say")."""
    if lexicon.syntax is None:
        return False
    word = token_lemma(token, lexicon)
    return word in lexicon.syntax.speech and token.lower_ != word


def regular_stems(word: str, tag: str | None = None) -> list[str]:
    """Dictionary forms a regular English verb form may come from, by its tag (any tag its
    ending allows when ``tag`` is None)."""
    if tag is None:
        return [stem for verb_tag in ("VBD", "VBZ", "VBG") for stem in regular_stems(word, verb_tag)]
    doubled = len(word) > 4 and word[-3] == word[-4]
    if tag in ("VBD", "VBN") and word.endswith("ed"):
        stems = [word[:-2], word[:-1]]  # thanked, quoted
        if word.endswith("ied"):
            stems.append(word[:-3] + "y")  # denied
        if doubled:
            stems.append(word[:-3])  # slammed (never "seemed" → "see")
        return stems
    if tag == "VBZ" and word.endswith("s"):
        stems = [word[:-1]]  # thanks
        if word.endswith("es"):
            stems.append(word[:-2])  # pushes
        if word.endswith("ies"):
            stems.append(word[:-3] + "y")  # denies
        return stems
    if tag == "VBG" and word.endswith("ing"):
        stems = [word[:-3], word[:-3] + "e"]  # warning, writing
        if len(word) > 5 and word[-4] == word[-5]:
            stems.append(word[:-4])  # slamming
        return stems
    return []


def hyphen_compound(token, lexicon: Lexicon) -> bool:
    """'trying to second-guess the FBI', 'has de-emphasized his identity': the verb is the
    tail of a hyphenated word whose meaning is not the verb's own ('re-tweeting' keeps it);
    'the high fives and told-you-sos', 'a tell-all memoir': or its head."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text in HYPHENS and not token.whitespace_ \
            and not doc[token.i + 1].whitespace_ and doc[token.i + 2].is_alpha:
        return True
    return (token.i >= 2 and doc[token.i - 1].text in HYPHENS and not doc[token.i - 1].whitespace_
            and not doc[token.i - 2].whitespace_ and doc[token.i - 2].is_alpha
            and doc[token.i - 2].lower_ not in lexicon.syntax.kept_prefixes)


def _object_between(verb, preposition) -> bool:
    """'called a strike for Monday': the preposition belongs to the object's phrase, not the
    verb's (but in 'asked Clinton about her emails' the one asked stands between)."""
    return any(c.dep_ == "dobj" and c.pos_ == "NOUN" and verb.i < c.i < preposition.i for c in verb.children)


def phrasal_cue(token, word: str, speech: frozenset[str]) -> bool:
    """'called for', 'pointed out', 'talked about', 'made clear': the verb with its particle
    or adjective is a cue."""
    def listed(particle) -> bool:
        return f"{word} {particle.lower_}" in speech

    for child in token.children:
        if (child.dep_ == "prt" or (child.dep_ == "prep" and not _object_between(token, child))
                or (child.dep_ == "advmod" and child.i == token.i + 1 and token.tag_ != "VB")) and listed(child):
            return True  # "shot back", its particle read as an adverb (not "to push back", a purpose)
        if child.dep_ in ("acomp", "ccomp", "oprd") and child.tag_ == "JJ" and listed(child):
            return True  # "made clear that …"
        if child.dep_ in ("advcl", "ccomp") and any(
                m.dep_ == "mark" and m.i > token.i and listed(m) and all(
                    t.ent_type_ in ("DATE", "TIME") for t in token.doc[token.i + 1:m.i]) for m in child.children):
            # "called for all candidates to lay out …", "for" read as the clause's (also after a
            # day: "called Wednesday for Justice Ginsburg to resign")
            return True
        if child.dep_ == "dobj" and child.lower_ == "it" and listed(child) and any(
                m.dep_ == "mark" and m.lower_ == "as" for m in token.children) and not any(
                c.dep_ == "prt" for c in token.children):
            return True  # "as one aide put it, …", not "she put it on the table", "as he put it down"
    return False


__all__ = ["token_lemma", "says_form", "said_form", "inverted_tag", "regular_stems", "hyphen_compound", "phrasal_cue"]
