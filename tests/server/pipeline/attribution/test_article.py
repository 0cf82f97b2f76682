"""Whole-article behaviour: claim ids and links, notes, the summary, languages without a
lexicon, and the canonical seed page."""
from __future__ import annotations

from pathlib import Path

import pytest

from attribution_articles import build_article
from sourcelight.pipeline import annotate_page
from sourcelight.pipeline.attribution import attribute_article, summarize_sourcing
from sourcelight.pipeline.model import BlockKind

SEED = Path(__file__).parents[3] / "fixtures" / "pages" / "seed-sputnik-iran-missiles" / "source.html"

WIRE_REWRITE = [
    ["Iran has moved missiles to Iraq, Reuters reported, citing anonymous sources."],
    ["According to the news agency, the decision was taken last year.",
     "\"The logic was to have a backup plan,\" a senior Iranian official said."],
    ["Iraqi sources said the process had sped up recently.", "The Pentagon declined to comment."],
    ["The White House said it was watching closely."],
]


def _annotate(paragraphs, language="en", **kwargs):
    article, sentences = build_article(paragraphs, **kwargs)
    claims = attribute_article(article, sentences, language)
    return claims, summarize_sourcing(claims, language)


def test_claim_ids_offsets_and_paragraphs_follow_the_sentences():
    claims, _ = _annotate(WIRE_REWRITE)
    article, sentences = build_article(WIRE_REWRITE)
    assert [c.id for c in claims] == [f"c{i}" for i in range(len(sentences))]
    assert all(article.text[c.start:c.end] == c.text for c in claims)
    assert [c.paragraph for c in claims] == [s.block for s in sentences]


def test_summary_of_a_wire_rewrite_names_the_relaying_outlet():
    _, summary = _annotate(WIRE_REWRITE)
    # "The Pentagon declined to comment" rests on the Pentagon: a non-response is attributed.
    assert summary.by_kind == {"anonymous": 4, "organization": 2}
    assert summary.anonymous_share == 0.667
    assert summary.outlets[0].name == "Reuters" and summary.outlets[0].claims == 4
    assert [n.claim_id for n in summary.non_responses] == ["c4"]
    assert summary.headline == ("Most attributed claims (4 of 6) rest on anonymous sources relayed by Reuters; "
                                "no named person speaks on the record.")


def test_an_outlet_named_short_after_its_full_name_is_counted_once():
    _, summary = _annotate([
        ["The Harbourton Daily Gazette reported that the ferry would close, citing two officials."],
        ["The officials, who were not authorized to speak, told The Gazette the decision was final."],
        ["According to the Island Herald, the council has not voted."],
    ])
    assert [(s.name, s.claims) for s in summary.outlets] == [("The Harbourton Daily Gazette", 2), ("the Island Herald", 1)]


def test_one_person_is_one_named_source_whatever_the_apostrophe_or_the_quote_marks():
    _, summary = _annotate([["Police Commissioner James O’Neill said the blast was intentional."],
                            ["O'Neill added that no group had claimed it."]])
    assert [(s.name, s.claims) for s in summary.named_sources] == [("James O’Neill", 2)]
    # the recogniser's span ran into an ASCII closing quote: "Dana Okafor ''"
    _, summary = _annotate([["Ferry riders were angry with Dana Okafor ''on Monday."],
                            ["Okafor said the ferry would run."]])
    assert [s.name for s in summary.named_sources] == ["Dana Okafor"]


def test_a_description_before_a_first_name_is_no_part_of_the_persons_name():
    _, summary = _annotate([["Die Meeresbiologin Sabine Keller erklärt, was das für den Hafen bedeutet."],
                            ["„Wir wissen noch wenig“, sagte Keller."]], language="de")
    assert [(s.name, s.claims) for s in summary.named_sources] == [("Sabine Keller", 2)]


def test_an_acronym_is_the_body_it_abbreviates():
    _, summary = _annotate([["The Harbour Safety Board said the ferry was unsafe."],
                            ["The HSB said repairs would take a year."]])
    assert [(s.name, s.claims) for s in summary.named_sources] == [("The Harbour Safety Board", 2)]
    _, summary = _annotate([["The ferry will close, The Associated Press reported."],
                            ["The council disputed that, according to AP."]])
    assert [(s.name, s.claims) for s in summary.outlets] == [("The Associated Press", 2)]


def test_summary_of_named_sources_counts_them():
    claims, summary = _annotate([
        ["Prime Minister Boris Johnson said the lockdown would end in June."],
        ["He added that schools would reopen first.", "The Treasury said the cost was manageable."],
    ])
    assert [(s.name, s.claims) for s in summary.named_sources] == [
        ("Boris Johnson", 2), ("The Treasury", 1)]
    assert summary.anonymous_share == 0.0
    assert summary.headline == "Most attributed claims (2 of 3) rest on named people; 1 named person speaks on the record."


def test_a_pronoun_no_name_was_found_for_is_no_more_named_people():
    _, summary = _annotate([
        ["“The harbour will close,” he said on Monday."],
        ["Prime Minister Boris Johnson said the lockdown would end in June."],
    ])
    assert [(s.name, s.claims) for s in summary.named_sources] == [("Boris Johnson", 1)]
    assert summary.headline == ("The 2 attributed claims rest on a mix: 1 on a named person, 1 on a person referred to "
                                "only by a pronoun or a description; 1 named person speaks on the record.")


def test_a_headline_never_counts_a_person_it_was_not_told_the_name_of():
    _, summary = _annotate([
        ["“The harbour will close,” he said on Monday."],
        ["The ferry captain said the night crossing would be the last one."],
    ])
    assert summary.named_sources == ()
    assert summary.headline == ("The 2 attributed claims all rest on people referred to only by a pronoun or a "
                                "description; no named person speaks on the record.")


def test_the_writer_and_a_pronoun_are_the_writer_alone_on_the_record():
    _, summary = _annotate([
        ["I think the new timetable is a mistake."],
        ["“The harbour will close,” he said on Monday."],
    ])
    # (the writer is known; "he" is not)
    assert summary.headline == ("The 2 attributed claims rest on a mix: 1 on a person referred to only by a pronoun or "
                                "a description, 1 on the writer's own account; no named person speaks on the record.")


def test_the_writer_is_one_person_however_they_write_themself():
    _, summary = _annotate([
        ["I think the new timetable is a mistake.", "We know that the new timetable will cut the night ferry."],
        ["I believe riders will remember it in November."],
    ])
    assert summary.headline == ("The 3 attributed claims all rest on the writer's own account; no named person speaks "
                                "on the record.")


def test_the_writer_is_not_counted_among_the_people_quoted_on_the_record():
    _, summary = _annotate([
        ["I think the new timetable is a mistake.", "We know that the new timetable will cut the night ferry."],
        ["Transport Minister Aroha Ngata said the night ferry would return in spring."],
    ])
    assert [(s.name, s.claims) for s in summary.named_sources] == [("Aroha Ngata", 1)]
    # (most claims are the writer's: not "all rest on named people")
    assert summary.headline == ("Most attributed claims (2 of 3) rest on the writer's own account; 1 named person "
                                "speaks on the record.")


def test_the_writers_i_named_beside_someone_is_still_the_writer_alone_later():
    claims, summary = _annotate([
        ["Both Dana & I wrote about the ferry timetable last spring."],
        ["I think the new timetable is a mistake."],
    ])
    assert claims[-1].sourcing.who == "I"
    assert claims[-1].note == "Rests on the writer: “I”."
    assert claims[0].note == "Rests on people named on the record: Dana, the writer (“Both Dana & I”)."


def test_a_person_and_the_writer_together_are_both_named_in_the_note():
    claims, summary = _annotate([
        ["Dana Okafor and I said the ferry timetable was a mistake."],
        ["Okafor said the night crossing would be the last one."],
    ])
    assert claims[0].note == ("Rests on people named on the record: Dana Okafor, the writer "
                              "(“Dana Okafor and I”).")
    assert claims[-1].sourcing.who == "Dana Okafor"
    assert [(s.name, s.claims) for s in summary.named_sources] == [("Dana Okafor", 2)]


def test_a_relative_the_writer_calls_by_a_role_is_described_not_named():
    claims, summary = _annotate([
        ["Mother remembered that the night ferry ran twice a day.", "Dad said it never ran on time."],
    ])
    assert [c.note for c in claims] == ["Rests on a person described, not named, here: “Mother”.",
                                        "Rests on a person described, not named, here: “Dad”."]
    assert summary.named_sources == ()


def test_summary_without_any_source_says_so():
    _, summary = _annotate([["The sun rose at six."], ["It was a quiet day."]])
    assert summary.anonymous_share is None
    assert summary.headline == "None of the 2 claims names a source."


@pytest.mark.parametrize("language", ["it", "und", "zh", ""])
def test_language_without_lexicon_gets_no_sourcing_and_says_so(language):
    claims, summary = _annotate([["Il ministro ha detto che i prezzi scenderanno."]], language=language)
    assert [c.sourcing for c in claims] == [None]
    assert "not available" in claims[0].note
    assert summary.available is False and summary.by_kind == {}
    assert "not available" in summary.headline


def test_english_rules_are_not_applied_to_another_language():
    # An English sentence in an article detected as German gets German rules only.
    claims, _ = _annotate([["Critics say the law is unfair."]], language="de")
    assert claims[0].sourcing.kind.value == "unattributed"


def test_links_inside_the_sentence_are_kept_and_noted():
    paragraphs = [["The figures were higher than in any year before.", "Prices rose 4 percent."]]
    claims, _ = _annotate(paragraphs, links={0: [("higher than", "https://www.sec.gov/filing/123")]})
    assert claims[0].links == ("https://www.sec.gov/filing/123",)
    assert claims[1].links == ()
    assert "only support is a link to sec.gov" in claims[0].note


def test_notes_say_how_a_claim_is_sourced():
    claims, _ = _annotate(WIRE_REWRITE)
    assert claims[0].note == ("Rests on an anonymous source: “anonymous sources”, relayed by Reuters. "
                              "The article gives no reason for keeping the source unnamed.")
    assert "(direct quote)." in claims[2].note
    assert claims[4].note.endswith("Reports that the Pentagon did not comment.")


def test_headline_blocks_are_analysed():
    claims, _ = _annotate([["Missiles moved to Iraq, officials say"], ["Body text."]],
                          kinds=[BlockKind.TITLE, BlockKind.PARAGRAPH])
    assert claims[0].sourcing.kind.value == "anonymous"


def test_seed_page_rests_on_anonymous_sources_relayed_by_reuters():
    annotated = annotate_page(SEED.read_text(encoding="utf-8"), "https://sputniknews.com/middleeast/x/")
    by_text = {c.text[:40]: c for c in annotated.claims}
    main = next(c for t, c in by_text.items() if t.startswith("Tehran has been supplying"))
    assert (main.sourcing.kind.value, main.sourcing.via) == ("anonymous", "Reuters")
    quote = next(c for t, c in by_text.items() if t.startswith("\"The logic"))
    assert quote.sourcing.kind.value == "anonymous" and quote.sourcing.quote.value == "direct"
    summary = annotated.summary
    assert summary.headline.startswith("Most attributed claims (")
    assert "rest on anonymous sources relayed by Reuters" in summary.headline
    assert len(summary.non_responses) == 3


def test_anonymity_with_a_reason_is_told_apart_from_anonymity_without_one():
    claims, summary = _annotate([
        ["Two officials said the talks had stalled.",
         "They spoke on condition of anonymity because they were not authorized to discuss the talks."],
        ["A source close to the company said the deal was dead."],
    ])
    assert claims[0].anonymity_reason.startswith("because they were not authorized")
    assert "says why the source is not named" in claims[0].note
    assert claims[2].anonymity_reason == ""
    assert "no reason" in claims[2].note
    assert (summary.anonymous_claims, summary.anonymity_explained) == (2, 1)


def test_one_person_is_counted_once_whatever_the_article_calls_them():
    _, summary = _annotate([
        ["Dana Lee, the council's treasurer, said the budget was balanced."],
        ["Lee said the reserve would last two years.", "She added that taxes would not rise."],
        ["Ms. Lee declined to say when the audit would end."],
    ])
    assert [(s.name, s.claims) for s in summary.named_sources] == [("Dana Lee", 4)]
    assert summary.headline.endswith("1 named person speaks on the record.")


def test_a_person_with_a_nickname_in_quotes_is_counted_once():
    _, summary = _annotate([
        ["In a tradition he has kept for 40 years, Rep. Harold J. “Hal” Brennan threw open his back yard."],
        ["As he welcomed several hundred guests, he said, Brennan was also launching his bid for the Senate."],
        ["Hal Brennan said he would raise what the race needs."],
    ])
    assert [(s.name, s.claims) for s in summary.named_sources] == [("Harold J. “Hal” Brennan", 2)]


def test_a_heading_run_into_a_name_is_not_part_of_it():
    # A live blog's Title Case heading glued to the text ("… Address Ferry Crisis Whitlock
    # said …"), which the recogniser reads as one long name, and a description before it.
    _, summary = _annotate([
        ["Billionaire Dana Whitlock praised the harbour plan at a press conference in Halifax on Monday."],
        ["“Very good plan, very good plan,” Whitlock said."],
        ["Dana Whitlock said the tolls would fall."],
        ["Ted Marsh, Dana Whitlock Address Ferry Crisis Whitlock said the ferry would run all winter."],
    ])
    assert ("Dana Whitlock", 3) in [(s.name, s.claims) for s in summary.named_sources]


def test_a_headline_with_a_listed_company_in_it_is_no_persons_name():
    claims, summary = _annotate([
        ["As Its Rivals Merge, Will Twitter Be Next?"],
        ["In April, Twitter reported flat user growth and said it would cut jobs."],
    ])
    assert claims[1].sourcing.kind.value == "organization"
    assert [s.name for s in summary.named_sources] == ["Twitter"]


def test_a_double_surname_keeps_its_first_name():
    claims, summary = _annotate([
        ["Rep. Debra Alvarez Quinn said the ferry would run all winter."],
        ["Alvarez Quinn said she had the votes.", "She added that the tolls would fall."],
    ])
    assert [(s.name, s.claims) for s in summary.named_sources] == [("Debra Alvarez Quinn", 3)]


@pytest.mark.parametrize("dateline", ["WASHINGTON (Reuters) - ", "(AP) — ", "BERLIN, Nov 3 (Reuters) - "])
def test_a_wire_dateline_relays_the_claims_of_a_republished_story(dateline):
    claims, summary = _annotate([
        [dateline + "Two officials said the plant would close next year."],
        ["Mayor Ann Ruiz said the city would appeal."],
        ["The plant opened in 1998."],
    ])
    assert [c.sourcing.via for c in claims] == [claims[0].sourcing.via, claims[0].sourcing.via, None]
    assert claims[0].sourcing.via in ("Reuters", "AP")
    assert claims[2].sourcing.kind.value == "unattributed"


def test_no_dateline_no_relay():
    claims, _ = _annotate([["Two officials said the plant would close next year (as reported earlier) - soon."]])
    assert claims[0].sourcing.via is None


def test_the_subject_of_what_was_said_is_never_its_speaker():
    # The small parser hangs "Ms. Okafor" on "helps"; whoever the engine then names, the
    # words are not Mr. Harlow's: he is who they are about.
    claims, _ = _annotate([["Ms. Okafor, whose firm, Tideline, helps farmers find buyers, said Mr. Harlow was a "
                            "candidate in the spirit of the valley."]])
    assert "Harlow" not in (claims[0].sourcing.who or "")


def test_a_quoted_question_is_given_to_the_speaker_its_tag_names():
    claims, _ = _annotate([["Senator Dana Whitlock spoke after the vote.", "“Who will pay for the bridge?”",
                            "Whitlock asked.", "The vote passed."]])
    assert [c.sourcing.kind.value for c in claims] == ["unattributed", "named_person", "named_person", "unattributed"]
    assert "Whitlock" in claims[1].sourcing.who


def test_a_quote_over_sentences_tagged_by_a_pronoun_is_all_the_speaker_s():
    claims, _ = _annotate([["Senator Dana Whitlock toured the harbour on Monday."],
                           ["“The bridge is not what voters asked for.", "They want the ferry back,” she said.",
                            "The tour ended at noon."]])
    assert [c.sourcing.kind.value for c in claims] == ["unattributed", "named_person", "named_person", "unattributed"]
    assert "Whitlock" in claims[1].sourcing.who and "Whitlock" in claims[2].sourcing.who


def test_a_title_case_headline_is_noted_in_its_own_words():
    claims, _ = _annotate([["Floods Are ‘The Worst In A Century,’ Dana Whitlock Tells Harbour Board."]])
    sourcing = claims[0].sourcing
    assert (sourcing.source, sourcing.cue) == ("Dana Whitlock", "Tells")
    article, _ = build_article([["Floods Are ‘The Worst In A Century,’ Dana Whitlock Tells Harbour Board."]])
    assert article.text[sourcing.cue_span.start:sourcing.cue_span.end] == "Tells"


def test_sentences_past_the_parse_cap_are_still_attributed_by_the_rule_engine(monkeypatch):
    from sourcelight.pipeline.attribution import parsed
    from sourcelight.pipeline.attribution.lexicon import load_lexicon

    monkeypatch.setattr(parsed, "MAX_PARSED_SENTENCES", 2)
    paragraphs = [[f"Okafor said ferry number {i} was late again."] for i in range(5)]
    article, sentences = build_article(paragraphs)
    parses = parsed.parse_sentences(sentences, load_lexicon("en"))
    assert parses.unparsed == frozenset({2, 3, 4}) and parses.parses[3] is None
    claims, _ = _annotate(paragraphs)
    assert [(c.sourcing.kind.value, c.sourcing.source) for c in claims] == [("named_person", "Okafor")] * 5


TRANSCRIPT = [
    ["Governor Ted Hallam spoke to a radio host on Sunday.", "A partial transcript follows:"],
    ["\"MEYER: Let us begin with the budget.", "Critics say it hides a deficit."],
    ["\"HALLAM: Well, look, the budget is balanced.", "My opponents know that."],
    ["\"We cut spending by a tenth in two years."],
    ["\"MEYER: Will you sign the bill?"],
]


def test_a_transcript_gives_each_turn_to_the_speaker_its_label_names():
    # Hallam is named in the article; the host only in the labels, twice.
    claims, summary = _annotate(TRANSCRIPT)
    who = [c.sourcing.who if c.sourcing.source else None for c in claims]
    assert who[:2] == [None, None]
    # Inside a turn, "Critics say" and "My opponents know" are the speaker's account; the
    # label in capitals is the governor the article named, one person with him.
    assert who[2:] == ["MEYER", "MEYER", "Ted Hallam", "Ted Hallam", "Ted Hallam", "MEYER"]
    assert {c.sourcing.kind.value for c in claims[2:]} == {"named_person"}
    assert [(s.name, s.claims) for s in summary.named_sources] == [("MEYER", 3), ("Ted Hallam", 3)]


def test_a_transcript_turn_ends_at_a_heading_in_capitals():
    claims, _ = _annotate(TRANSCRIPT[:4] + [["VIDEO: The full interview runs 40 minutes."]])
    assert claims[-2].sourcing.who == "Ted Hallam"
    assert claims[-1].sourcing.kind.value == "unattributed"


def test_words_in_capitals_that_are_no_name_are_no_speaker():
    claims, _ = _annotate([["FIX IS IN: Moderators Ignore The Harbour Scandal."], ["Nobody has been charged."]])
    assert [c.sourcing.kind.value for c in claims] == ["unattributed"] * 2


def test_a_capitalised_word_before_a_colon_is_no_speaker_unless_the_article_names_that_person():
    claims, _ = _annotate([["Voting closed at noon."], ["UPDATE: The count was delayed by a storm."],
                           ["It resumed on Monday."]])
    assert [c.sourcing.kind.value for c in claims] == ["unattributed"] * 3


def test_so_says_gives_the_sentence_before_to_its_speaker():
    claims, _ = _annotate([["The harbour reopened on Monday.", "The ferry will be late every day this winter.",
                            "So says harbour master Dana Okafor."],
                           ["Fares will rise in May.", "Or so the ferry company claims."]])
    who = [c.sourcing.who if c.sourcing.source else None for c in claims]
    assert who == [None, "Dana Okafor", "Dana Okafor", "the ferry company", "the ferry company"]
    assert claims[1].sourcing.quote.value == "indirect"


def test_so_before_a_clause_of_its_own_points_nowhere_back():
    claims, _ = _annotate([["The ferry will be late.", "So she said that the boats would wait.",
                            "It was late, and so the company claims compensation."]])
    assert [c.sourcing.kind.value for c in claims][:1] == ["unattributed"]
    assert claims[2].sourcing.kind.value == "unattributed"


def test_a_sign_off_line_gives_the_quote_above_it_to_its_signer():
    claims, _ = _annotate([
        ["The new bridge over the Arroyo opened in May."],
        ["“It cut my commute in half.", "I see my kids before dinner now.”"],
        ["― Marisol Ibarra"],
        ["“Nobody asked the people who live under it.”"],
        ["― Tom Keane, 61, Riverside"],
    ])
    who = [c.sourcing.who if c.sourcing.source else None for c in claims]
    assert who == [None, "Marisol Ibarra", "Marisol Ibarra", "Marisol Ibarra", "Tom Keane", "Tom Keane"]
    assert claims[1].sourcing.kind.value == "named_person"


def test_a_dash_before_a_name_signs_nothing_without_a_quote_or_a_handle():
    claims, _ = _annotate([["Crowds gathered at the bridge on Saturday."], ["— Marisol Ibarra"],
                           ["Traffic resumed in the evening."]])
    assert [c.sourcing.kind.value for c in claims] == ["unattributed"] * 3


def test_an_embedded_post_is_given_to_the_account_that_signs_it():
    claims, _ = _annotate([["The senator's remarks drew scorn online."],
                           ["This is a disgrace to the party. #shame — Ben Jacobs (@bjacobs) September 1, 2016"]])
    assert claims[0].sourcing.kind.value == "unattributed"
    assert (claims[1].sourcing.kind.value, claims[1].sourcing.who) == ("named_person", "Ben Jacobs")


def test_a_post_signed_at_its_end_leaves_the_quote_in_the_paragraph_above_to_its_speaker():
    claims, _ = _annotate([["“The debris suggests the ferry broke up at the pier,” said Tom Reyes, a former captain."],
                           ["Search boats found a life jacket near the pier. — Harbour Gazette (@harbourgazette) May 2, 2016"]])
    assert claims[0].sourcing.who == "Tom Reyes"
    assert claims[1].sourcing.who == "Harbour Gazette"


def test_what_an_embedded_post_seems_to_cite_is_the_posts_own():
    claims, _ = _annotate([["Ben Jacobs answered the senator on Twitter."],
                           ["@dmoore Critics say the bridge is a disgrace.", "— Ben Jacobs (@bjacobs) September 1, 2016"]])
    assert (claims[1].sourcing.kind.value, claims[1].sourcing.who) == ("named_person", "Ben Jacobs")


def test_an_outlets_post_relays_whom_it_cites():
    claims, _ = _annotate([["The harbour closed on Friday."],
                           ["The ferry sank near the pier, officials said.", "— Harbour Gazette (@harbourgazette) May 2, 2016"]])
    sourcing = claims[1].sourcing
    assert (sourcing.kind.value, sourcing.source, sourcing.via) == ("anonymous", "officials", "Harbour Gazette")


def test_a_sign_off_right_after_a_quote_closes_gives_it_to_the_signer():
    claims, _ = _annotate([
        ["The new bridge over the Arroyo opened in May."],
        ["“It cut my commute in half.", "I see my kids before dinner now.” ― Marisol Ibarra"],
    ])
    assert [c.sourcing.who if c.sourcing.source else None for c in claims] == [None, "Marisol Ibarra",
                                                                                 "Marisol Ibarra"]


def test_quotes_signed_one_after_another_in_one_paragraph_go_to_their_own_signers():
    # As a page of readers' comments prints them: each quote signed and the next one
    # following on the same line, and a closing mark typed for the first opening one.
    from sourcelight.pipeline import annotate_text

    article = annotate_text(
        "The new bridge over the Arroyo opened in May.\n\n”Buses never come on time. We waited an hour.” "
        "― Marisol Ibarra “Nobody asked the people who live under it.”― Tom Keane", lang_hint="en")
    assert [(c.text, c.sourcing.who if c.sourcing.source else None) for c in article.claims] == [
        ("The new bridge over the Arroyo opened in May.", None),
        ("”Buses never come on time.", "Marisol Ibarra"),
        ("We waited an hour.”", "Marisol Ibarra"),
        ("― Marisol Ibarra", "Marisol Ibarra"),
        ("“Nobody asked the people who live under it.”― Tom Keane", "Tom Keane"),
    ]


def test_a_quote_inside_a_quote_in_the_same_marks_keeps_the_sign_off_of_the_outer_one():
    # Readers' comments often nest “…” inside “…”: the inner close must not end the outer
    # quote, or its sign-off no longer stands right after a quote.
    claims, _ = _annotate([
        ["The new bridge over the Arroyo opened in May."],
        ["“I would rather cross what he calls “a death trap” than drive around it every day.” ― Marisol Ibarra"],
    ])
    assert [c.sourcing.who if c.sourcing.source else None for c in claims] == [None, "Marisol Ibarra"]


def test_an_opening_mark_with_only_one_close_after_it_does_not_swallow_the_speech_tag():
    claims, _ = _annotate([["“Fear and “hope are all we have,” the mayor said."]])
    assert (claims[0].sourcing.kind.value, claims[0].sourcing.who) == ("named_person", "the mayor")


def test_both_men_after_two_named_people_are_on_the_record_and_counted_as_two():
    # A false "anonymous" here would also tell the reader no reason was given for anonymity.
    claims, summary = _annotate([
        ["Dana Okafor and Lee Park met the harbour board on Monday.",
         "Both men said the ferry contract had been signed in March."],
        ["Park later said the first boat would sail in June."],
    ])
    both = claims[1].sourcing
    assert (both.kind.value, both.who) == ("named_person", "Dana Okafor, Lee Park")
    assert claims[2].sourcing.who == "Lee Park"  # the pair is no fuller name of either
    assert claims[1].anonymity_reason is None
    assert claims[1].note.startswith("Rests on people named on the record: Dana Okafor, Lee Park")
    assert "2 named people speak on the record" in summary.headline
    # Park speaks twice (with Okafor, then alone), Okafor once: counted by person, not by string.
    assert [(s.name, s.claims) for s in summary.named_sources] == [("Lee Park", 2), ("Dana Okafor", 1)]


def test_two_people_who_speak_together_are_both_the_source_and_he_is_one_of_them():
    claims, summary = _annotate([
        ["Dana Okafor and Lee Park said the ferry contract had been signed in March."],
        ["He added that the first boat would sail in June."],
    ])
    pair = claims[0].sourcing
    assert (pair.kind.value, pair.source, pair.who) == ("named_person", "Dana Okafor and Lee Park",
                                                         "Dana Okafor, Lee Park")
    assert claims[0].note.startswith("Rests on people named on the record: Dana Okafor, Lee Park")
    assert claims[1].sourcing.who in ("Dana Okafor", "Lee Park")  # one man, never the pair
    assert {s.name for s in summary.named_sources} == {"Dana Okafor", "Lee Park"}


def test_people_speaking_together_are_each_known_by_their_fullest_name():
    claims, summary = _annotate([
        ["Harbour master Dana Okafor and councillor Lee Park toured the dock on Monday."],
        ["Ms. Okafor and Mr. Park said the ramp would be rebuilt.", "Okafor said it would cost more."],
    ])
    assert claims[1].sourcing.who == "Dana Okafor, Lee Park"
    assert [(s.name, s.claims) for s in summary.named_sources] == [("Dana Okafor", 2), ("Lee Park", 1)]


def test_they_after_people_speaking_together_is_them_and_never_one_named_person():
    claims, _ = _annotate([
        ["Dana Okafor and Lee Park said the ferry contract had been signed in March.",
         "They added that the first boat would sail in June."],
        ["Harbour master Ann Ibe said the ramp was safe.", "They said repairs would start soon."],
    ])
    assert (claims[1].sourcing.kind.value, claims[1].sourcing.who) == ("named_person", "Dana Okafor, Lee Park")
    assert claims[3].sourcing.who != "Ann Ibe"


def test_both_men_with_nobody_named_before_stay_unnamed():
    claims, _ = _annotate([["Two dock workers saw the collision.",
                            "Both men said the ferry left without its lights on."]])
    assert claims[1].sourcing.kind.value == "anonymous"


def test_they_after_one_named_speaker_is_not_that_speaker():
    # "They" is more than one: the note must not put the contestants' account on Okafor.
    claims, summary = _annotate([
        ["Dana Okafor, the show's producer, defended the contest on Monday.",
         "Okafor said the judges had been fair."],
        ["Several former contestants were in the studio audience that night.",
         "They said the judges rated contestants by their looks."],
    ])
    assert claims[1].sourcing.who == "Dana Okafor"
    they = claims[3].sourcing
    assert they.who != "Dana Okafor"
    assert they.kind.value == "vague"
    assert "1 named person speaks on the record" in summary.headline


def test_notes_say_when_a_person_is_only_a_pronoun_or_the_writer():
    claims, _ = _annotate([
        ["I told the harbour board that the figures did not add up."],
        ["For weeks nothing happened. “We are looking into it,” he said later."],
    ])
    assert claims[0].note == "Rests on the writer: “I”."
    assert claims[-1].note == "Rests on a person the article refers to only by a pronoun: “he” (direct quote)."


def test_a_description_no_name_was_found_for_is_not_a_named_person_or_one_more_in_the_count():
    # Nobody is named before "the actor", who may be Okafor or someone else: the note must
    # not call it a name, and the headline must not count it as a second person on the record.
    claims, summary = _annotate([
        ["“We have been here for forty years and nobody asked us,” the actor said."],
        ["Dana Okafor said the harbour plan would cost the town its beach."],
    ])
    assert claims[0].note == "Rests on a person described, not named, here: “the actor” (direct quote)."
    assert claims[1].sourcing.who == "Dana Okafor"
    assert "1 named person speaks on the record" in summary.headline
    assert [s.name for s in summary.named_sources] == ["Dana Okafor"]


def test_a_party_member_described_by_state_is_a_description_not_a_name_or_a_body():
    # "the Texas Republican" is how US reporters refer back to a lawmaker; with nobody named
    # before it is no name on the record, and "the Florida Democrat" is no organization
    claims, summary = _annotate([
        ["The harbour bill would cost the state its beaches, the Texas Republican said."],
        ["The Florida Democrat said the bill would pass in May."],
    ])
    assert claims[0].note == "Rests on a person described, not named, here: “the Texas Republican”."
    assert claims[1].note == "Rests on a person described, not named, here: “The Florida Democrat”."
    assert "no named person speaks on the record" in summary.headline


def test_a_role_after_its_body_with_no_article_is_described_not_named():
    # headline style drops the article: "Northwind CEO says …" names no one, and the count of
    # people on the record must not take the role for a name
    claims, summary = _annotate([
        ["Northwind CEO says the ferry will run twice a day."],
        ["Harbour Trust chairman said the fares would rise in May."],
    ])
    assert claims[0].note == "Rests on a person described, not named, here: “Northwind CEO”."
    assert claims[1].note == "Rests on a person described, not named, here: “Harbour Trust chairman”."
    assert "no named person speaks on the record" in summary.headline


def test_the_holders_of_an_office_in_named_places_are_people_described_and_no_one_counted():
    # one foreign minister per country: people the text describes, not sources it keeps
    # anonymous; and the places in the description are no people on the record
    claims, summary = _annotate([
        ["The Prime Ministers of Norway and Denmark said the ferry treaty would be signed in May."],
        ["The ferry boss said the company would run the route."],
    ])
    assert claims[0].note == ("Rests on people described, not named, here: "
                              "“The Prime Ministers of Norway and Denmark”.")
    # (one boss is none of the ministers)
    assert claims[1].note == "Rests on a person described, not named, here: “The ferry boss”."
    assert "no named person speaks on the record" in summary.headline
    assert summary.named_sources == ()


def test_a_party_member_described_after_the_person_is_that_person():
    claims, _ = _annotate([
        ["Sarah Collins toured the harbour on Monday.", "The California Democrat said the bill would pass in May."],
    ])
    assert claims[1].sourcing.who == "Sarah Collins"


def test_a_description_opening_its_sentence_is_still_the_person_named_before():
    claims, _ = _annotate([
        ["Sarah Collins spoke at the harbour on Friday."],
        ["The California Democrat said the closure of the ferry by Tom Reyes had drained the town of hope."],
    ])
    assert claims[1].sourcing.who == "Sarah Collins"


def test_an_office_written_in_capitals_is_a_description_but_an_office_before_a_name_is_not():
    claims, summary = _annotate([["“Tariffs on ferries will stay,” the US President said."]])
    assert claims[0].note == "Rests on a person described, not named, here: “the US President” (direct quote)."
    assert "no named person speaks on the record" in summary.headline
    claims, _ = _annotate([["Le président Tom Reyes déclare que le port fermera en mai."]], language="fr")
    assert claims[0].note.startswith("Repose sur une personne citée nommément")


def test_a_role_with_no_name_or_the_writers_own_relative_is_no_name_on_the_record():
    claims, summary = _annotate([
        ["Search teams found two more bodies near the pier, says search chief."],
        ["My father phoned me to say the ferry would not run on Sunday."],
    ])
    assert claims[0].note == "Rests on a person described, not named, here: “search chief”."
    assert claims[1].note == "Rests on a person described, not named, here: “My father”."
    assert "no named person speaks on the record" in summary.headline


def test_a_pronoun_for_a_person_only_described_is_still_no_name():
    claims, _ = _annotate([
        ["The ferry captain said the night crossing would be the last one.",
         "She said the harbour would close in May."],
    ])
    assert claims[1].sourcing.who == "The ferry captain"
    assert claims[1].note == "Rests on a person described, not named, here: The ferry captain (“She”)."


def test_a_body_described_but_never_named_is_no_named_source():
    # "the company" with no company named before is some body, not a name to list.
    claims, summary = _annotate([
        ["The ferry timetable app stopped working shortly before 10 a.m."],
        ["The company said it was investigating the outage."],
        ["The Harbour Authority said the ferries themselves ran on time."],
    ])
    assert claims[1].sourcing.kind.value == "organization"
    assert [s.name for s in summary.named_sources] == ["The Harbour Authority"]


def test_a_quote_its_pronoun_tag_closes_is_never_the_speaker_of_the_quote_before():
    claims, _ = _annotate([
        ["“The ferry is late,” said Ms. Okafor, the harbour master."],
        ["“To Lee Park, the riders don't matter at all.", "They are at best an inconvenience,” he wrote."],
    ])
    quoted = [claim.sourcing.who for claim in claims[1:]]
    assert quoted[0] == quoted[1]
    assert not {"Okafor", "Ms. Okafor", "Lee Park"} & set(quoted)


def test_a_quote_after_a_sentence_of_its_paragraph_is_that_speaker_s_unless_a_tag_follows_it():
    claims, _ = _annotate([
        ["Tomasz Wojcik says leaks like this are rare.",
         "“There was one in the 1980s, when a valve failed under the river.”"],
        ["Few engineers will talk about the lawsuit.",
         "“What kind of company do we want?”", "Maribel Ortiz says."],
    ])
    whose = [c.sourcing.who if c.sourcing else None for c in claims]
    assert whose[1] == "Tomasz Wojcik"
    assert whose[3] == "Maribel Ortiz"


def test_a_spokeswoman_of_a_body_named_with_her_role_is_counted_once():
    _, summary = _annotate([
        ["Die Hafen-Sprecherin Maria Okafor sagte, die Fähren führen wieder."],
        ["Okafor sagte außerdem, es gebe keine Verspätungen."],
    ], language="de")
    assert [s.name for s in summary.named_sources] == ["Maria Okafor"]


def test_a_headline_counts_claims_on_people_named_apart_from_claims_on_people_described():
    _, summary = _annotate([
        ["The ferry captain said the quay was unsafe.", "He added that repairs would take a year."],
        ["The mayor said the crossing had been cancelled twice."],
        ["Dana Okafor said the ferry would run until March."],
    ])
    assert summary.headline == ("Most attributed claims (3 of 4) rest on people referred to only by a pronoun or a "
                                "description; 1 named person speaks on the record.")


def test_a_spokeswoman_after_a_person_described_by_another_role_is_not_that_person():
    claims, _ = _annotate([["The mayor told residents there was no money for the quay."],
                           ["The spokeswoman said the repairs would wait until spring."]])
    assert claims[1].sourcing.who == "The spokeswoman"
    assert "mayor" not in claims[1].note


def test_a_spanish_surname_that_is_also_a_plural_role_is_a_name():
    claims, summary = _annotate([["El alcalde Felipe Reyes dijo a los vecinos que no hay dinero para el muelle."]],
                                language="es")
    assert claims[0].note == "Se basa en una persona identificada con su nombre: «El alcalde Felipe Reyes»."
    assert summary.headline.endswith("1 persona habla con nombre y apellido.")


def test_someone_s_lawyer_is_a_person_described_whom_the_headline_does_not_count_as_named():
    claims, summary = _annotate([["Sarah Collins's lawyer said she would appeal the ruling."],
                                 ["Dana Okafor’s campaign manager said the vote would be close."]])
    assert claims[0].note == "Rests on a person described, not named, here: “Sarah Collins's lawyer”."
    assert claims[1].note == "Rests on a person described, not named, here: “Dana Okafor’s campaign manager”."
    assert summary.named_sources == ()
    assert summary.headline.endswith("no named person speaks on the record.")


def test_a_silence_someone_reports_is_the_silent_party_s_in_the_note():
    claims, _ = _annotate([["Dana Okafor said the ferry company declined to comment."],
                           ["She declined to comment on the timetable."]])
    assert claims[0].sourcing.who == "Dana Okafor"
    assert claims[0].note.endswith("Reports that the ferry company did not comment.")
    assert claims[1].note.endswith("Reports that Dana Okafor did not comment.")
    claims, _ = _annotate([["He declined to comment on the timetable."]])
    assert claims[0].note.endswith("Reports that he did not comment.")


def test_a_pronoun_that_did_not_answer_is_the_one_asked_not_the_writer_who_asked():
    claims, summary = _annotate([["Tom Reyes runs the ferry company."],
                                 ["We asked Mr. Reyes about the timetable, but he did not respond."],
                                 ["Because this is a guide, we won’t discuss the fares here."]])
    assert claims[1].note.endswith("Reports that Reyes did not comment.")
    # the writer leaving a subject out is no party that did not answer
    assert claims[2].note == "Rests on the writer: “we”."
    assert [n.claim_id for n in summary.non_responses] == ["c1"]


def test_a_name_put_before_the_verb_and_its_pronoun_is_not_whom_the_pronoun_means():
    claims, summary = _annotate([["Der Anwalt Tom Reyes antwortete auf unsere Fragen."],
                                 ["David Moore kenne er privat, sagt er."]], language="de")
    assert claims[1].sourcing.who == "Der Anwalt Tom Reyes"
    assert [(s.name, s.claims) for s in summary.named_sources] == [("Tom Reyes", 2)]
    # (a name written with an initial: its period is no word)
    claims, _ = _annotate([["Der Anwalt Tom Reyes antwortete auf unsere Fragen."],
                           ["David M. kenne er privat, sagt er."]], language="de")
    assert claims[1].sourcing.who == "Der Anwalt Tom Reyes"


def test_a_headline_over_one_claim_speaks_of_one_source():
    _, summary = _annotate([["The Harbour Trust said the ferry would run until March."],
                            ["The quay was rebuilt in 2019."]])
    assert summary.headline == ("The only attributed claim rests on an organization; no named person speaks on "
                                "the record.")
    _, summary = _annotate([["Die Bahn teilte mit, die Fähre fahre bis März."]], language="de")
    assert summary.headline.startswith("Die einzige zugeordnete Aussage stützt sich auf eine Organisation")


def test_the_summary_lists_a_person_by_name_without_what_describes_them():
    _, summary = _annotate([["Der Vereinsvorsitzende David Moore sagte, der Hafen bleibe offen."],
                            ["Moore sagte auch, die Fähre fahre bis März."]], language="de")
    assert [(s.name, s.claims) for s in summary.named_sources] == [("David Moore", 2)]
    _, summary = _annotate([["Au nom de toute la communauté, le président Tom Reyes déclare : "
                             "« Le port restera ouvert. »"]], language="fr")
    assert [(s.name, s.claims) for s in summary.named_sources] == [("Tom Reyes", 1)]


def test_an_interview_labelled_by_initials_gives_each_answer_to_its_speaker():
    claims, summary = _annotate([
        ["Ferry captain Dana Okafor and harbour master Tom Reyes sat down with us before the winter timetable."],
        ["Dana, how was the first winter?"],
        ["DO It was hard.", "I kept asking the crew to slow down."],
        ["TR I never closed the pier."],
        ["Tom, what comes next?"],
        ["TR (Laughs.)", "A new quay, I hope."],
        ["DO And a night ferry."],
    ])
    who = [(c.text, c.sourcing.kind.value, c.sourcing.who) for c in claims]
    assert who[1] == ("Dana, how was the first winter?", "unattributed", None)  # the interviewer's question
    assert who[2][1:] == who[3][1:] == ("named_person", "Dana Okafor")  # "I kept asking" is hers, not the writer's
    assert who[4][1:] == ("named_person", "Tom Reyes")
    assert who[5][1] == "unattributed"
    assert who[6][1:] == who[7][1:] == ("named_person", "Tom Reyes")
    assert who[8][1:] == ("named_person", "Dana Okafor")
    assert summary.headline == "The 6 attributed claims all rest on named people; 2 named people speak on the record."
