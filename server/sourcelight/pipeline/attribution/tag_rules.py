"""The parser model's attribute rules (the part of speech, morphology and some lemmas it
derives from each tag) matched without spaCy's general-purpose Matcher.

en_core_web_sm's attribute_ruler holds some 180 patterns of one or two tokens, each token
tested only for equality, membership or a regular expression on TAG, LOWER, DEP and IS_SPACE. The Matcher runs
every pattern over every sentence parsed and took about a sixth of the parse engine's time;
looking the patterns up by tag finds the same matches in a fraction of it. The patterns, what
each sets and the order they apply in stay the model's own: the ruler still applies them
(``AttributeRuler.set_annotations``); only how they are found changes, and a ruler holding any
other kind of pattern keeps its Matcher.
"""
from __future__ import annotations

import re

# Pattern keys this matcher understands: a token is read as (tag, lower case, dependency,
# is space), and each key tests one place of that.
WORD_PLACES = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
# Distinct words remembered before the memory is emptied.
REMEMBERED_WORDS = 50_000
VALUE_TESTS = ("IN", "NOT_IN", "REGEX")


class TagRules:
    """A drop-in for ``AttributeRuler.match``: the (rule, match id, start, end) of every
    match in ``doc``, sorted as the ruler sorts them (later rules win)."""

    def __init__(self, ruler, patterns: list[tuple[int, list[dict]]]):
        strings = ruler.vocab.strings
        self._match_ids = {rule: strings.add(str(rule)) for rule, _ in patterns}
        # Each pattern filed under a value its first token must have (its TAG, else its
        # LOWER), so that a word is tried only against the patterns it may start.
        self._by_tag: dict[str, list[tuple[int, list[dict]]]] = {}
        self._by_lower: dict[str, list[tuple[int, list[dict]]]] = {}
        self._anywhere: list[tuple[int, list[dict]]] = []
        for rule, pattern in patterns:
            first = pattern[0]
            if isinstance(first.get("TAG"), str):
                self._by_tag.setdefault(first["TAG"], []).append((rule, pattern))
            elif isinstance(first.get("LOWER"), str):
                self._by_lower.setdefault(first["LOWER"], []).append((rule, pattern))
            else:
                self._anywhere.append((rule, pattern))
        # What a token starts depends only on its TAG, LOWER, DEP and IS_SPACE: the one-token
        # rules it matches and the longer patterns it may open, remembered per such word.
        self._starts: dict[tuple, tuple[tuple[int, ...], tuple]] = {}

    @classmethod
    def for_ruler(cls, ruler) -> TagRules | None:
        """The matcher for ``ruler``'s patterns, or None where one is beyond it (an operator,
        an attribute it does not read)."""
        patterns = []
        # the ruler lists its rules by number, the number its matches sort by
        for number, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                if not pattern or not all(_plain(token) for token in pattern):
                    return None
                patterns.append((number, pattern))
        return cls(ruler, patterns)

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        found = []
        tokens = list(doc)
        for token in tokens:
            word = _word(token)
            starts = self._starts.get(word)
            if starts is None:
                if len(self._starts) > REMEMBERED_WORDS:
                    self._starts.clear()
                starts = self._starts[word] = self._started_by(word)
            single, longer = starts
            start = token.i
            found.extend((rule, start, start + 1) for rule in single)
            for rule, rest in longer:
                end = start + 1 + len(rest)
                if end <= len(tokens) and all(_fits(_word(tokens[start + 1 + k]), spec) for k, spec in enumerate(rest)):
                    found.append((rule, start, end))
        return [(rule, self._match_ids[rule], start, end) for rule, start, end in sorted(set(found))]

    def _started_by(self, word: tuple) -> tuple[tuple[int, ...], tuple]:
        tag, lower = word[0], word[1]
        candidates = [*self._by_tag.get(tag, ()), *self._by_lower.get(lower, ()), *self._anywhere]
        fitting = [(rule, pattern) for rule, pattern in candidates if _fits(word, pattern[0])]
        single = tuple(rule for rule, pattern in fitting if len(pattern) == 1)
        longer = tuple((rule, pattern[1:]) for rule, pattern in fitting if len(pattern) > 1)
        return single, longer


def use_tag_rules(nlp) -> bool:
    """Have ``nlp``'s attribute_ruler find its matches with TagRules (False where its
    patterns need the Matcher, which then stays)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    rules = TagRules.for_ruler(ruler)
    if rules is None:
        return False
    ruler.match = rules
    return True


def _plain(token: dict) -> bool:
    """A token test of equality, set membership or a regular expression on the attributes
    TagRules reads."""
    for key, value in token.items():
        if key not in WORD_PLACES:
            return False
        if isinstance(value, dict) and not (set(value) <= set(VALUE_TESTS) and all(
                isinstance(v, str) if test == "REGEX" else isinstance(v, list) for test, v in value.items())):
            return False
    return True


def _word(token) -> tuple:
    return token.tag_, token.lower_, token.dep_, token.is_space


def _fits(word: tuple, spec: dict) -> bool:
    for key, wanted in spec.items():
        value = word[WORD_PLACES[key]]
        if isinstance(wanted, dict):
            if "IN" in wanted and value not in wanted["IN"]:
                return False
            if "NOT_IN" in wanted and value in wanted["NOT_IN"]:
                return False
            if "REGEX" in wanted and not re.search(wanted["REGEX"], value):
                return False
        elif value != wanted:
            return False
    return True


__all__ = ["TagRules", "use_tag_rules"]
