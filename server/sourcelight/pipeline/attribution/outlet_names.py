"""The outlet a parsed phrase names: "Reuters", "the New York Times", "CNN affiliate WUSA",
"Indonesian newspaper Kompas" — what "told …", "according to …" and their kind relay."""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.deps import text_of
from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.outlets import role_beyond_outlet
from sourcelight.pipeline.attribution.phrases import phrase_tokens
from sourcelight.pipeline.attribution.sources import classify
from sourcelight.pipeline.model import SourceKind


def media_of(token, lexicon: Lexicon) -> str | None:
    """The outlet ``token`` names ('Reuters', 'the New York Times'), or None."""
    tokens = phrase_tokens(token)
    if not tokens:
        return None
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    if entity is not None and len(entity) > len(tokens) and lexicon.patterns["media_names"].fullmatch(entity.text):
        return entity.text  # "told Fox & Friends": a name the parse splits at its "&"
    named = _name_after_outlet_noun(tokens, lexicon)
    if named is not None:
        return named
    phrase = text_of(token.doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
    match = lexicon.patterns["media_names"].search(phrase)
    if match and role_beyond_outlet(phrase, match.end(), lexicon):
        return None  # "interviews with Fox News women": women the outlet employs, not the outlet
    if match:
        # the whole name a listed word ends ("the Harbour Gazette", not "Gazette")
        leading = re.search(r"(?:[^\W\d_][\w'’.&-]*\s+)*$", phrase[:match.start()])
        words = phrase[leading.start():match.start()].split() if leading else []
        while words and not words[0][:1].isupper():
            words.pop(0)
        return " ".join(words + [match.group()])
    guess = classify(text_of(token.doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), lexicon)
    if guess is not None and guess.kind is SourceKind.MEDIA and guess.back_reference is None:
        return _name_split_off(token, tokens) or guess.text
    return None


def _name_split_off(token, tokens) -> str | None:
    """'told People magazine', 'told Now magazine': a capitalised word right before a lone
    lowercase outlet noun, which the parse hung on the verb beside it, is the outlet's name."""
    if len(tokens) != 1 or token.i == 0 or not token.text.islower():
        return None
    before = token.doc[token.i - 1]
    if not (before.is_alpha and before.text[:1].isupper()) or before.head.i != token.head.i or before.i == token.head.i:
        return None
    return f"{before.text} {token.text}"


# "PolitickerNJ.com": a name that is a web address. Told something, or interviewing someone,
# it is the site that reports it (but "said on Facebook.com" is no outlet's).
_WEB_ADDRESS = re.compile(r"[^\W\d_][\w-]*(?:\.[\w-]+)*\.(?:com|net|org|co\.uk|[a-z]{2})")


def reporting_site(token, lexicon: Lexicon) -> str | None:
    """The outlet ``token`` names, or the web address it is ("told PolitickerNJ.com")."""
    return media_of(token, lexicon) or (token.text if _WEB_ADDRESS.fullmatch(token.text) else None)


def _name_after_outlet_noun(tokens, lexicon: Lexicon) -> str | None:
    """'CNN affiliate WUSA', 'Indonesian newspaper Kompas', 'affiliate KFSM': the name that
    ends the phrase right after an outlet noun is the outlet (not the network before it)."""
    last = tokens[-1]
    if last.text[:1].islower() and lexicon.patterns["media_nouns"].fullmatch(last.text):
        # (the name set beside the noun: "told Indonesian newspaper Kompas that …")
        beside = next((c for c in last.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                       and c.left_edge.i == last.i + 1), None)
        if beside is not None:
            return text_of(last.doc)[beside.left_edge.idx:beside.idx + len(beside.text)]
    for at in range(len(tokens) - 2, -1, -1):
        noun = tokens[at]
        if noun.text[:1].islower() and lexicon.patterns["media_nouns"].fullmatch(noun.text):
            name = tokens[at + 1:]
            if all(t.pos_ == "PROPN" or (t.text[:1].isupper() and t.is_alpha) for t in name):
                return text_of(noun.doc)[name[0].idx:name[-1].idx + len(name[-1].text)]
            return None
    return None


__all__ = ["media_of"]
