"""A library of stored articles for the notebook's e2e tests, made the way a reader makes one:
real-looking news pages (six sites, twelve topics, ten weeks) annotated by the real companion
through POST /api/v1/articles, and a few highlights with notes, labels and tags.

The pages are written from sentence patterns whose sourcing is plain English ("X said", "a
senior administration official told Reuters", "critics say"); the companion decides every
kind itself. What the tests know in advance is only what the pages were made with: which site
and date each article has, which sentences it holds, and which highlights were added.
"""
from __future__ import annotations

import datetime
import html
import random
from dataclasses import dataclass, field

SITES = (
    ("harbour-gazette.com", "Harbour Gazette"), ("northgate-post.co.uk", "The Northgate Post"),
    ("valley-tribune.com", "Valley Tribune"), ("eastern-ledger.org", "Eastern Ledger"),
    ("coastline-daily.com", "Coastline Daily"), ("metro-courier.net", "Metro Courier"),
)
TOPICS = ("port deal", "rail strike", "water tariff", "hospital merger", "steel tariff", "school funding plan",
          "wind farm permit", "pension reform", "border checks", "grain export deal", "housing subsidy", "fishing quota")
EVENTS = ("stalls as ministers clash", "faces a new delay", "wins cautious backing", "draws fresh criticism")
NEWEST = datetime.date(2026, 11, 27)
DESCRIPTOR = "a senior administration official"
RELAY = "Reuters"

SENTENCES = {
    "named": ("Dana Lee, the finance minister, said on Tuesday that the {topic} would go ahead as planned.",
              "Omar Haddad, the transport secretary, said the {topic} would not be rushed.",
              "Priya Natarajan, an economist at the University of Leeds, said the {topic} would raise costs for households."),
    "organization": ("The Ministry of Finance said in a statement that it was reviewing the {topic}.",
                     "The harbour authority said the {topic} would be discussed at its next board meeting.",
                     "The European Commission said it had not been consulted on the {topic}."),
    "document": ("According to a report by the national audit office, the {topic} would cost four billion dollars over ten years.",),
    "anonymous": ("A senior administration official, who spoke on condition of anonymity because the talks were private, said the {topic} would be delayed until the spring.",
                  "People familiar with the matter said the {topic} could be scrapped.",
                  "An official at the ministry, who was not authorised to speak publicly, said the {topic} was close to collapse."),
    "vague": ("Critics say the {topic} favours large companies over local firms.",
              "Many observers believe the {topic} will be revised before the vote.",
              "Some analysts warn that the {topic} could unsettle markets."),
}
RELAYED = "The {topic} has stalled over fees, a senior administration official told Reuters on Monday."
# How much each site leans on each kind of sentence (a wire-heavy site, a quote-heavy one, …);
# no weight above the number of sentences of its kind, so no article says the same thing twice.
SITE_MIX = (
    {"anonymous": 3, "named": 1, "organization": 1, "vague": 1},
    {"named": 3, "organization": 1, "document": 1},
    {"organization": 3, "document": 1, "named": 1},
    {"vague": 3, "anonymous": 1, "named": 1},
    {"named": 2, "anonymous": 2, "document": 1},
    {"organization": 2, "vague": 1, "named": 2},
)


@dataclass
class StoredArticle:
    id: str
    title: str
    site: str
    published: datetime.date
    relays_descriptor: bool
    url: str = ""
    page: str = ""


@dataclass
class Library:
    articles: list[StoredArticle] = field(default_factory=list)
    note_word: str = "Klostermann"  # only in one highlight's note, in no article
    noted_article: StoredArticle | None = None

    def newest_first(self) -> list[StoredArticle]:
        return sorted(self.articles, key=lambda a: a.published, reverse=True)


def article_page(index: int, rng: random.Random) -> tuple[str, str, StoredArticle]:
    domain, site_name = SITES[index % len(SITES)]
    topic = TOPICS[index % len(TOPICS)]
    title = f"{topic[0].upper()}{topic[1:]} {EVENTS[index % len(EVENTS)]} (round {index + 1})"
    published = NEWEST - datetime.timedelta(days=2 * index)
    kinds = [kind for kind, weight in SITE_MIX[index % len(SITE_MIX)].items() for _ in range(weight)]
    chosen = rng.sample(kinds, k=min(5, len(kinds)))
    # A kind drawn twice takes its next sentence, so no article says the same thing twice.
    sentences = [SENTENCES[kind][(index + chosen[:n].count(kind)) % len(SENTENCES[kind])].format(topic=topic)
                 for n, kind in enumerate(chosen)]
    relays = index % 5 == 0  # every fifth article, so the relayed descriptor turns up on every site
    if relays:
        sentences.insert(1, RELAYED.format(topic=topic))
    # Sentences of the writer's own, one of them unique, so that no two articles share a text.
    sentences.insert(0, f"Talks on the {topic} resumed on {published:%A} after round {index + 1} ended without a deal.")
    sentences.append(f"The {topic} covers {3 + index % 4} regions and about {index + 2} million people.")
    body = "".join(f"<p>{html.escape(s)}</p>" for s in sentences)
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {html.escape(site_name)}</title>
<meta property="og:site_name" content="{html.escape(site_name)}">
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="{published.isoformat()}T08:00:00Z">
<meta name="author" content="Sam Rivera"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article><h1>{html.escape(title)}</h1><p class="byline">By Sam Rivera · {published:%d %B %Y}</p>{body}</article></main>
<footer><p>© {html.escape(site_name)}. All rights reserved.</p></footer></body></html>"""
    url = f"https://{domain}/{published:%Y/%m/%d}/{topic.replace(' ', '-')}-{index + 1}"
    return url, page, StoredArticle("", title, domain, published, relays, url, page)


def add_highlight(companion, article: dict, phrase: str, **fields) -> None:
    start = article["text"].index(phrase)
    status, body, _ = companion.request("POST", f"/api/v1/articles/{article['id']}/highlights", {
        "quote": {"exact": phrase}, "position": {"start": start, "end": start + len(phrase)}, **fields})
    assert status == 201, body


def build_library(companion, count: int = 36) -> Library:
    """Stores `count` articles (and a few highlights) through the companion's API."""
    rng = random.Random(13)
    library = Library()
    for index in range(count):
        url, page, stored = article_page(index, rng)
        status, article, _ = companion.request("POST", "/api/v1/articles", {"url": url, "html": page})
        assert status == 201, article
        stored.id = article["id"]
        library.articles.append(stored)
        if index in (4, 11, 23):
            topic = TOPICS[index % len(TOPICS)]
            phrase = f"Talks on the {topic} resumed"
            if index == 11:
                add_highlight(companion, article, phrase, note=f"Compare with the {library.note_word} memo",
                              label="needs-source", tags=["budget"])
                library.noted_article = stored
            else:
                add_highlight(companion, article, phrase, label="important", tags=["follow-up"])
    return library
