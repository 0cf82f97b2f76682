"""Whether an outlet's name or noun inside an English-style source phrase is what the phrase
names ("the Daily News", "a Times reporter") or only describes it ("the social media
company", "the Independent Vermont senator")."""
from __future__ import annotations

import re

from sourcelight.pipeline.attribution.lexicon import Lexicon
from sourcelight.pipeline.attribution.names import EDGE_PUNCTUATION, is_institution


# A web site's address standing for the site ("according to Tchadinfos.com", "ouest-france.fr").
_WEB_ADDRESS = re.compile(r"(?:www\.)?[^\W_][\w-]*(?:\.[\w-]+)*\.[a-z]{2,6}", re.IGNORECASE)


def names_outlet(text: str, lexicon: Lexicon) -> bool:
    """A listed outlet's name is in ``text`` and is the outlet's, not the start of a longer
    name or a modifier of someone's role; or ``text`` is a web site's address."""
    if _WEB_ADDRESS.fullmatch(text.strip(EDGE_PUNCTUATION)):
        return True
    match = lexicon.patterns["media_names"].search(text)
    if match is None:
        return _short_name_before_media_role(text, lexicon)
    return not role_beyond_outlet(text, match.end(), lexicon)


def _short_name_before_media_role(text: str, lexicon: Lexicon) -> bool:
    """'a Times reporter', 'a Post columnist': an outlet's short name, which alone is only
    listed with its article, right before a role of someone who reports for it (but 'Post
    office workers', 'a Times Square vendor', and 'a Capitol Hill reporter', where the word
    ends a longer name, name no outlet)."""
    words = text.rstrip(EDGE_PUNCTUATION).split()
    return any(lexicon.patterns["short_media_names"].fullmatch(word) and lexicon.patterns["media_roles"].fullmatch(after)
               and not (k > 0 and words[k - 1][:1].isupper() and not lexicon.is_determiner(words[k - 1]))
               for k, (word, after) in enumerate(zip(words, words[1:])))


def role_beyond_outlet(head: str, outlet_end: int, lexicon: Lexicon) -> bool:
    """'The Independent Vermont senator', 'CNN President': an outlet's name (or a word that
    is one) before the role of someone who does not report for it describes a person; 'a
    Times reporter' works for the outlet. A short name with its article that runs on into a
    capitalised word is another's ("The Post Office"). Where the head comes first ("le
    ministre", "el ministro de Economía") a role after an outlet's name is no modifier of it."""
    if lexicon.head_first:
        return False
    rest = head[outlet_end:].rstrip(EDGE_PUNCTUATION)
    words = rest.split()
    if not words or words[0] in ("'s", "’s") or rest.startswith(("'", "’")):
        return False  # "the Post's", "Reuters' ": the outlet owns what follows
    if words[0][:1].isupper() and head[:outlet_end].split()[-2:-1] in (["The"], ["the"]) \
            and not lexicon.patterns["media_nouns"].fullmatch(words[0]):
        return True  # "The Post Office", "the Atlantic Council": a longer name the outlet's starts
    last = words[-1]
    # (or anyone else the outlet employs: "another Fox News administrative assistant", "More
    # than two dozen Fox News women" speak for themselves, unnamed)
    return any(lexicon.patterns[key].fullmatch(last) for key in ("person_roles", "titles", "unnamed_roles")) \
        and not lexicon.patterns["media_roles"].fullmatch(last)


def outlet_noun_heads(head: str, lexicon: Lexicon) -> bool:
    """'the news site', 'state television': a noun for an outlet heads the phrase. 'The social
    media company' is a company, and 'the Heritage Foundation website' the foundation's own.
    Where the head comes first ("el medio independiente Mediazona") any outlet noun will do."""
    found = list(lexicon.patterns["media_nouns"].finditer(head))
    if not found or lexicon.head_first:
        return bool(found)
    last = found[-1]
    after = head[last.end():].lstrip().rstrip(EDGE_PUNCTUATION)
    if after and not (lexicon.patterns["documents"].fullmatch(after) or _outlet_name_words(after, lexicon)
                      or lexicon.patterns["media_roles"].fullmatch(after.split()[-1])):
        return False  # the outlet noun only describes: "the social media company" (not "a radio host")
    if last.group()[:1].isupper():
        return True  # a name: "Vatican Radio"
    # (a word of a hyphened name is no body of its own: "The Register-Guard newspaper")
    owner = " ".join(word for word in head[:found[0].start()].split() if "-" not in word.strip(EDGE_PUNCTUATION))
    return not (lexicon.patterns["organizations"].search(owner) or lexicon.patterns["metonyms"].search(owner))


def media_noun_opens(head: str, lexicon: Lexicon) -> bool:
    """An outlet noun right after the determiner heads the phrase, whatever names follow it
    ("les émissions Enquête et The Fifth Estate", "el programa Salvados", "das Magazin
    Technology Review"): an outlet, not a person the names would make of it. Where the head
    comes last, only where no role follows ("the network CEO Jeff Zucker" is a person)."""
    words = head.split()
    if len(words) < 3:
        return False
    elided = re.match(r"\w+['’](\w+)$", words[0])
    start = 0 if elided else 1
    if not elided and not lexicon.is_determiner(words[0]):
        return False
    first = elided.group(1) if elided else words[1]
    if not lexicon.head_first and (any(lexicon.patterns[key].fullmatch(word.rstrip(EDGE_PUNCTUATION))
                                       for word in words[start + 1:] for key in ("person_roles", "titles"))
                                   or (first[:1].isupper() and not lexicon.capitalised_nouns)):
        return False  # (nor a capitalised word of a name: "the SITE Intelligence Group")
    return bool(lexicon.patterns["media_nouns"].fullmatch(first)) and words[start + 1][:1].isupper()


def _outlet_name_words(words: str, lexicon: Lexicon) -> bool:
    """What may follow an outlet noun in an outlet's phrase: the rest of its name ('the Daily
    News', 'newspaper Correio de Manha'; not an institution's, 'Media Research Center') or
    what it owns ('the paper's editorial board')."""
    if words.startswith(("'", "’")):  # "'s", or the plural's bare mark
        return True
    words = words.lstrip(EDGE_PUNCTUATION)  # "издание «Медиазона»"
    return words[:1].isupper() and not is_institution(words, lexicon)
