"""Nouns for people are no names where a capital opens every sentence and no article marks a
description (Russian, read with the morphology dictionary: person_nouns.person_by_dictionary)."""
from __future__ import annotations

from attribution_articles import build_article
from sourcelight.pipeline.attribution import attribute_article, summarize_sourcing


def _annotate(paragraphs):
    article, sentences = build_article(paragraphs)
    claims = attribute_article(article, sentences, "ru")
    return claims, summarize_sourcing(claims, "ru")


def test_a_plural_noun_for_people_is_a_vague_group_not_a_person_named_on_the_record():
    claims, summary = _annotate([["Врачи заявили, что опасности для жителей нет."],
                                 ["Медики рассказали, что пострадавший в сознании."]])
    assert [c.sourcing.kind.value for c in claims] == ["vague", "vague"]
    assert "названного по имени" not in claims[0].note
    assert summary.named_sources == ()


def test_a_singular_noun_for_a_person_is_described_not_named():
    claims, summary = _annotate([["Врач сказал, что пострадавший в сознании."]])
    assert claims[0].note == "Опирается на человека, которого текст здесь описывает, но не называет: «Врач»."
    assert summary.named_sources == ()


def test_a_role_after_a_named_holder_is_still_that_person_and_surnames_stay_names():
    claims, _ = _annotate([["Министр финансов Иван Петров посетил завод.", "Министр заявил, что план сработает."],
                           ["Песков сказал, что Кремль не получал запроса."]])
    assert claims[1].sourcing.who == "Иван Петров"
    assert claims[2].sourcing.kind.value == "named_person"
    assert claims[2].sourcing.who == "Песков"
