"""Sentence splitting on real-looking paragraphs in five languages."""
from __future__ import annotations

import pytest

from sourcelight.pipeline.segment import rules_for, split_text


def sentences(text: str, language: str) -> list[str]:
    return [text[s:e] for s, e in split_text(text, rules_for(language))]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The U.S. Army said on Monday it would withdraw. Gen. Mark Milley declined to comment.",
         ["The U.S. Army said on Monday it would withdraw.", "Gen. Mark Milley declined to comment."]),
        ("en", "“It cut my commute in half.” ― Marisol Ibarra",
         # a sign-off after the quote, even with the horizontal bar, is a line of its own
         ["“It cut my commute in half.”", "― Marisol Ibarra"]),
        ("en", "“It cut my commute in half.” ― Marisol Ibarra “Nobody asked us.” ― Tom Keane",
         # a signed quote followed on the same line by the next one
         ["“It cut my commute in half.”", "― Marisol Ibarra", "“Nobody asked us.”", "― Tom Keane"]),
        ("en", "She signed it “With love ― Ann “Bee” Lowe” and left.",
         # a dash and a name inside a sentence end nothing
         ["She signed it “With love ― Ann “Bee” Lowe” and left."]),
        ("en", "”Mr. Lee waved back. The crowd cheered.",
         # a closing mark typed before "Mr." leaves it an abbreviation
         ["”Mr. Lee waved back.", "The crowd cheered."]),
        ("en", "The ferry case, Okafor v. Harbour Trust, went to the high court. It was lost.",
         # a case's "v." ends nothing
         ["The ferry case, Okafor v. Harbour Trust, went to the high court.", "It was lost."]),
        ("en", "Sanctions were imposed by the U.S. The move angered Tehran.",
         ["Sanctions were imposed by the U.S.", "The move angered Tehran."]),
        ("en", "Dr. Jane Smith spoke at No. 10 Downing Street. She left at 3.30 p.m. on Friday.",
         ["Dr. Jane Smith spoke at No. 10 Downing Street.", "She left at 3.30 p.m. on Friday."]),
        ("en", "Growth slowed to 2.5 per cent, according to J. K. Rowling's accountant. Prices rose.",
         ["Growth slowed to 2.5 per cent, according to J. K. Rowling's accountant.", "Prices rose."]),
        ("en", '"The logic was to have a backup plan. The number is not high," an official said. Others disagreed.',
         # English: every sentence of a quotation is its own claim (the engine carries the
         # speaker across the quote), as in the sentence units of annotated news corpora.
         ['"The logic was to have a backup plan.', 'The number is not high," an official said.', "Others disagreed."]),
        ("en", "“We will not back down. Never,” she said. The crowd cheered!",
         ["“We will not back down.", "Never,” she said.", "The crowd cheered!"]),
        ("en", 'He said: "Yes." Then he left. Was it true? Nobody knows...',
         ['He said: "Yes."', "Then he left.", "Was it true?", "Nobody knows..."]),
        ("en", "The study found ferries “safer than buses.”“Your figures are wrong,” Okafor wrote.",
         # a closing mark glued to the next quote's opening mark still ends the sentence
         ["The study found ferries “safer than buses.”", "“Your figures are wrong,” Okafor wrote."]),
        ("de", "Er sagte: „Wir prüfen das.“„Es gibt keine Eile“, sagte der Sprecher.",
         # in German “ closes and „ opens
         ["Er sagte: „Wir prüfen das.“", "„Es gibt keine Eile“, sagte der Sprecher."]),
        ("en", "She said “Yes.”” and left.",
         # two closing marks open nothing
         ["She said “Yes.”” and left."]),
        ("de", "Am 3. Oktober sagte Dr. Müller, die Lage sei ernst. Die Regierung widersprach z.B. in Berlin.",
         ["Am 3. Oktober sagte Dr. Müller, die Lage sei ernst.", "Die Regierung widersprach z.B. in Berlin."]),
        ("de", "Schon im 18. Jahrhundert erklärt ein Reisender die Märker zu Grantlern. Die Elf landete auf dem 2. Platz.",
         # an ordinal before a noun it counts, as before a month
         ["Schon im 18. Jahrhundert erklärt ein Reisender die Märker zu Grantlern.",
          "Die Elf landete auf dem 2. Platz."]),
        ("de", "Die Zahl stieg im Jahr 2018. Jahrhundertelang war das anders.",
         ["Die Zahl stieg im Jahr 2018.", "Jahrhundertelang war das anders."]),
        ("de", "„Wir werden das prüfen. Es gibt keine Eile“, sagte der Sprecher. Danach war Schluss.",
         ["„Wir werden das prüfen. Es gibt keine Eile“, sagte der Sprecher.", "Danach war Schluss."]),
        ("de", "Die Kunst des Witzes ist alt. »Strom macht Locken«, sagte ein Schäfer. Dann lachten alle.",
         # German quotes may open with » (»…«): the sentence before ends there
         ["Die Kunst des Witzes ist alt.", "»Strom macht Locken«, sagte ein Schäfer.", "Dann lachten alle."]),
        ("fr", "Mme Dupont a déclaré que la réforme était prête. « Nous irons jusqu'au bout. Sans attendre », a-t-elle ajouté.",
         ["Mme Dupont a déclaré que la réforme était prête.", "« Nous irons jusqu'au bout. Sans attendre », a-t-elle ajouté."]),
        ("es", "El Sr. García dijo que no habrá cambios. «No es el momento. Esperaremos», añadió.",
         ["El Sr. García dijo que no habrá cambios.", "«No es el momento. Esperaremos», añadió."]),
        ("ru", "В. В. Путин заявил, что переговоры продолжатся. «Мы готовы. Но не сейчас», — сказал Песков.",
         ["В. В. Путин заявил, что переговоры продолжатся.", "«Мы готовы. Но не сейчас», — сказал Песков."]),
        ("ru", "«Почему так долго?» — спросил Иван Петров. — Не знаю. — Жаль.",
         # a dash before a word in lower case tags the quote; before a capital it opens a new line
         ["«Почему так долго?» — спросил Иван Петров.", "— Не знаю.", "— Жаль."]),
        ("es", "—¿Por qué tanto? —preguntó Juan. —No sé.",
         ["—¿Por qué tanto? —preguntó Juan.", "—No sé."]),
        ("en", "• Seven ferries found so far • Pilot had asked to change route • Harbour closed until Friday",
         # a paragraph of bulleted lines: each item its own, though none ends with a mark
         ["• Seven ferries found so far", "• Pilot had asked to change route", "• Harbour closed until Friday"]),
        ("en", "It is the most the harbour has seen since the 1800s.The fact that it closed is odd. They met in St.Louis.",
         # two paragraphs the page glued with no space between (not an abbreviation's period)
         ["It is the most the harbour has seen since the 1800s.", "The fact that it closed is odd.",
          "They met in St.Louis."]),
        ("en", "The harbour is one of the busiest.[86] As at 2017, it ranked fourth.[87][88] It was sold[a] in 2019.",
         # a reference work's footnote marks after the period stay with the sentence they close
         ["The harbour is one of the busiest.[86]", "As at 2017, it ranked fourth.[87][88]",
          "It was sold[a] in 2019."]),
    ],
)
def test_paragraph_splits_where_a_reader_would(language, text, expected):
    assert sentences(text, language) == expected


def test_offsets_point_at_the_sentences():
    text = "  First one here.   Second one there.  "
    spans = split_text(text, rules_for("en"))
    assert [text[s:e] for s, e in spans] == ["First one here.", "Second one there."]


def test_quote_that_never_closes_in_the_paragraph_is_split_normally():
    # Multi-paragraph quotes conventionally leave the quote open at the paragraph's end.
    text = "“The first point is simple. The second is harder. The third will take years."
    assert len(sentences(text, "en")) == 3


def test_language_without_data_still_splits_on_punctuation():
    assert sentences("Tämä on lause. Tämä on toinen.", "fi") == ["Tämä on lause.", "Tämä on toinen."]


def test_a_very_long_quote_is_split_so_claims_stay_readable():
    inner = " ".join(f"Point number {i} is made here." for i in range(60))
    text = f'"{inner}" she said.'
    assert len(sentences(text, "en")) > 1


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Shares of Apple Inc. rose. Apple Inc. The company said nothing.",
         ["Shares of Apple Inc. rose.", "Apple Inc.", "The company said nothing."]),
        ("en", "He joined Acme Corp. Chief Executive Jane Doe welcomed him.",
         ["He joined Acme Corp. Chief Executive Jane Doe welcomed him."]),
        ("en", "Two people were hurt in Fresno, Calif. The ferry company said it would pay.",
         ["Two people were hurt in Fresno, Calif.", "The ferry company said it would pay."]),
        ("en", "She moved from Fresno, Calif. to Portland, Ore. last May.",
         ["She moved from Fresno, Calif. to Portland, Ore. last May."]),
        ("ru", "Контракт оценивается в 1,8 млрд руб. Подрядчиком стала компания «Мост».",
         ["Контракт оценивается в 1,8 млрд руб.", "Подрядчиком стала компания «Мост»."]),
    ],
)
def test_abbreviations_that_can_end_a_sentence(language, text, expected):
    assert sentences(text, language) == expected


def test_only_sentences_are_claims_not_headings_or_bare_list_numbers():
    from sourcelight.pipeline.model import Article, Block, BlockKind
    from sourcelight.pipeline.segment import split_sentences

    texts = [(BlockKind.TITLE, "Iran moved missiles to Iraq, sources say"), (BlockKind.HEADING, "What happens next?"),
             (BlockKind.LIST_ITEM, "2."), (BlockKind.PARAGRAPH, "The talks resumed on Monday."),
             (BlockKind.PARAGRAPH, "___")]
    blocks, start = [], 0
    for index, (kind, text) in enumerate(texts):
        blocks.append(Block(index=index, kind=kind, text=text, start=start, end=start + len(text)))
        start += len(text) + 2
    article = Article(url=None, canonical_url=None, title=texts[0][1], byline=None, site=None, published=None,
                      lang_hint=None, blocks=tuple(blocks), text="\n\n".join(t for _, t in texts))
    assert [s.text for s in split_sentences(article, "en")] == ["The talks resumed on Monday."]


def test_pasted_whitespace_is_one_space_to_the_engine_and_kept_in_the_claim():
    from sourcelight.pipeline import annotate_text

    text = "The bridge opened.\n\nAlmost 650    golf courses have closed\u00a0since 2006, the  group says. It was rainy."
    article = annotate_text(text, lang_hint="en")
    claim = next(c for c in article.claims if "golf" in c.text)
    assert claim.text == "Almost 650    golf courses have closed\u00a0since 2006, the  group says."
    assert article.text[claim.start:claim.end] == claim.text
    # the source as written, where a script reading the JSON can find it too
    assert (claim.sourcing.source, claim.sourcing.kind.value) == ("the  group", "organization")
    span = claim.sourcing.source_span
    assert article.text[span.start:span.end] == "the  group"
    after = article.claims[article.claims.index(claim) + 1]
    assert article.text[after.start:after.end] == after.text == "It was rainy."
