"""The page's own outlet is no other outlet: no relay of its own interviews, no source of its
own reporting; another outlet, or an agency on a site that republishes it, still is."""
from __future__ import annotations

from dataclasses import replace

from attribution_articles import build_article
from sourcelight.pipeline.attribution import attribute_article, summarize_sourcing


def _annotate(paragraphs, *, url=None, site=None):
    article, sentences = build_article(paragraphs)
    claims = attribute_article(replace(article, url=url, site=site), sentences, "en")
    return claims, summarize_sourcing(claims, "en")


INTERVIEW = [["A spokesperson for the port authority told Mashable the ferry would stop in May."],
             ["Mashable later confirmed that the ferry had been sold."]]


def test_on_the_outlets_own_site_its_interview_is_relayed_by_no_one():
    claims, summary = _annotate(INTERVIEW, url="https://mashable.com/article/ferry", site="Mashable")
    assert claims[0].sourcing.kind.value == "organization"
    assert claims[0].sourcing.via is None
    assert claims[1].sourcing.kind.value == "unattributed"  # its own reporting
    assert summary.outlets == ()


def test_elsewhere_the_same_outlet_relays_and_reports():
    claims, summary = _annotate(INTERVIEW, url="https://harbourton-gazette.example/ferry", site="Harbourton Gazette")
    assert claims[0].sourcing.via == "Mashable"
    assert claims[1].sourcing.kind.value == "media"
    assert [o.name for o in summary.outlets] == ["Mashable"]


def test_the_outlet_is_known_by_its_address_with_or_without_its_article():
    claims, _ = _annotate([["Lord Baker told the Telegraph that the vote had been rigged."]],
                          url="https://www.telegraph.co.uk/news/politics/", site="Telegraph.co.uk")
    assert claims[0].sourcing.via is None


def test_a_short_name_inside_another_address_is_not_the_sites_own():
    claims, _ = _annotate([["Two officials told AP that the talks had failed."]],
                          url="https://www.japantimes.co.jp/news/", site="The Japan Times")
    assert claims[0].sourcing.via == "AP"
