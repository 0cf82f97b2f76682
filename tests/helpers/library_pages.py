"""Small English news pages run through the real pipeline, for the library and ledger tests."""
from __future__ import annotations

from html import escape

from sourcelight.pipeline import annotate_page
from sourcelight.store.articles import save_article

TARIFFS = (
    "The White House will delay the tariffs until March, a senior administration official said on Tuesday, "
    "in a move that surprised trading partners across Europe and Asia.",
    "Dana Lee, the treasury secretary, told reporters the delay was needed to give negotiators more time.",
    "Critics say the delay is a retreat that will cost farmers dearly in the coming harvest season.",
)
TARIFFS_ELSEWHERE = (
    "A senior administration official said the tariffs on steel would be postponed until the spring, "
    "the Associated Press reported.",
    "The decision followed weeks of talks between negotiators in Geneva, where the two sides met twice.",
)
HARBOUR = (
    "The harbour authority said in a statement that the new pier would open in June after two years of work.",
    "Maria Okafor, the mayor, said the pier would bring thousands of visitors to the town every summer.",
    "The council approved the budget for the project in a vote last year, records show.",
)
ANONYMOUS_HEAVY = (
    "Three officials familiar with the matter said the minister would resign before the end of the week.",
    "People close to the minister said he had lost the confidence of his party over the budget.",
    "A government spokesman declined to comment on the reports when reached by phone on Thursday.",
)


def news_page(title: str, paragraphs: tuple[str, ...], published: str | None) -> str:
    meta = f'<meta property="article:published_time" content="{published}T09:00:00Z">' if published else ""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f'<html lang="en"><head><title>{escape(title)}</title>{meta}</head>'
            f"<body><article><h1>{escape(title)}</h1>{body}</article></body></html>")


def save_page(store, url: str, title: str, paragraphs: tuple[str, ...], published: str | None = None) -> dict:
    """Annotate the page with the real pipeline and store it; returns the stored document."""
    article = annotate_page(news_page(title, paragraphs, published), url, lang_hint="en")
    with store.session() as session:
        return save_article(session, article, seen_url=url)
