"""Which earlier source a back-reference means ("he", "they", "the agency", "the report",
a dropped subject), and which outlet "the paper" is (context.py asks for every sentence)."""
from __future__ import annotations

from collections.abc import Callable

from sourcelight.pipeline.attribution.common_nouns import ATTRIBUTE_REFERENCE, DESCRIPTION_REFERENCE
from sourcelight.pipeline.attribution.cues import Finding
from sourcelight.pipeline.attribution.neighbours import WORD, Resolved, who_of
from sourcelight.pipeline.attribution.spokespeople import SPOKESPERSON_REFERENCE
from sourcelight.pipeline.model import Attribution, SourceKind

# How many paragraphs back a pronoun or a dropped subject may find the source it means: further
# up, the earlier speaker is seldom the one a "they" or "it" of a later paragraph is about.
PRONOUN_LOOKBACK_PARAGRAPHS = 3


def antecedent_of(finding: Finding, history: list[Resolved], fits, block: int,
                  role_holders: dict[str, str], company_noun=lambda _: False,
                  named_company=lambda _: False,
                  in_view: Callable[[Attribution], bool] | None = None) -> Attribution | None:
    """The nearest earlier attribution the back-reference can mean. A reference to an
    outlet or document also matches an attribution that outlet relayed, and then takes
    over that attribution whole ("according to the report" = the report's sources)."""
    wanted = finding.back_reference.refers_to
    # "the government" or "the ministry" means an earlier source with that word in it, not
    # just any institution, and "the mayor" an earlier "Mayor Jane Doe", not the last person
    # quoted; "he", "the agency" or "the report" mean the nearest fit.
    head_word = finding.source.split()[-1].casefold()
    same_word_only = (wanted in ((SourceKind.ORGANIZATION,), (SourceKind.NAMED_PERSON,))
                      and len(finding.source.split()) > 1
                      and finding.back_reference is not SPOKESPERSON_REFERENCE
                      and finding.back_reference is not DESCRIPTION_REFERENCE
                      and finding.back_reference is not ATTRIBUTE_REFERENCE)
    holder = role_holders.get(head_word) if same_word_only and wanted == (SourceKind.NAMED_PERSON,) else None
    if holder is not None:
        return Attribution(kind=SourceKind.NAMED_PERSON, source=holder, entity=holder)
    entry = _fitting_entry(finding, history, fits, block, head_word, same_word_only, company_noun, named_company)
    if entry is None:
        return None
    if in_view is not None and block - entry.block > PRONOUN_LOOKBACK_PARAGRAPHS and not in_view(entry.attribution):
        return None  # ("they" after paragraphs that never write "conspiracies" is not "drop conspiracies")
    return entry.attribution


def _fitting_entry(finding: Finding, history: list[Resolved], fits, block: int, head_word: str,
                   same_word_only: bool, company_noun, named_company) -> Resolved | None:
    """The nearest earlier attributed sentence whose source the back-reference can mean
    (antecedent_of)."""
    wanted = finding.back_reference.refers_to
    narrated = False  # a sentence of the writer's own since the pronoun
    for entry in reversed(history):
        earlier = entry.attribution
        narrated = narrated or earlier is None
        if earlier is None or earlier.source is None:
            continue
        if same_word_only:
            if earlier.kind in wanted and head_word in WORD.findall(who_of(earlier).casefold()):
                return entry
            if earlier.kind in wanted and company_noun(head_word) and named_company(who_of(earlier)):
                return entry  # "Verizon said … . The company announced …"
            continue
        if earlier.kind in wanted:
            if (earlier.kind is SourceKind.ORGANIZATION and finding.back_reference.fallback is SourceKind.NAMED_PERSON
                    and not (entry.voiced and block - entry.block <= 1)):
                continue  # "he said" is a person: not "the Clinton campaign" unless its spokesman just spoke
            if earlier.kind in (SourceKind.NAMED_PERSON, SourceKind.ANONYMOUS, SourceKind.VAGUE) \
                    and not fits(finding.source, who_of(earlier), earlier.kind is SourceKind.NAMED_PERSON):
                continue  # "she said" never means Mr. Park, nor "he" two officials
            # (a plural pronoun fits a source taken as named only where it is several people)
            if narrated and entry.block < block and finding.back_reference.plural \
                    and earlier.kind is SourceKind.ANONYMOUS and not fits(finding.source, who_of(earlier)):
                # an unnamed "a harbour pilot said" stays "they" in their paragraph, not in the next
                # after the writer's own words: "The investigator has joined Dutch experts. They hope …"
                # are the people just told of (nor anyone named before them)
                return None
            if earlier.kind is SourceKind.DOCUMENT and finding.back_reference.fallback is SourceKind.DOCUMENT \
                    and head_word not in WORD.findall(who_of(earlier).casefold()):
                continue  # "the report" is a report named before, not the email quoted before it
            return entry
        if earlier.via and SourceKind.MEDIA in wanted and block - entry.block <= 1:
            # "…, Reuters reported, citing two officials. According to the report, …": the
            # outlet's report just named; not "the letter" after "Haley told CBS"
            return entry
    return None


def in_view_at(sentences, index: int, personal: bool) -> Callable[[Attribution], bool]:
    """Whether a source named further back than PRONOUN_LOOKBACK_PARAGRAPHS is still in view at
    sentence ``index`` for a pronoun or a dropped subject: a word of its name (a capitalised one,
    or one of four letters or more) is written in that sentence or the paragraphs between ("…
    Smith was so closely scrutinised … he could have been excused for thinking" is the Steve
    Smith quoted far up). A "he" or "she" (``personal``) may mean a person named on the record
    any way back (a profile, a story, tells of one person for pages), not a body or a group."""
    written: set[str] = set()  # (read only when a source that far back is asked about, seldom)

    def in_view(earlier: Attribution) -> bool:
        if personal and earlier.kind is SourceKind.NAMED_PERSON:
            return True
        if not written:
            first_block = sentences[index].block - PRONOUN_LOOKBACK_PARAGRAPHS
            start = index
            while start > 0 and sentences[start - 1].block >= first_block:
                start -= 1
            written.update(WORD.findall(" ".join(s.text for s in sentences[start:index + 1]).casefold()))
        return any((len(word) > 3 or word[:1].isupper()) and word.casefold() in written
                   for word in WORD.findall(who_of(earlier)))
    return in_view


def relay_antecedent(history: list[Resolved]) -> str | None:
    """'The paper cites a document': the outlet named before ("the paper" = Les Échos)."""
    for entry in reversed(history):
        if entry.attribution is not None and entry.attribution.outlet:
            return entry.attribution.outlet
    return None
