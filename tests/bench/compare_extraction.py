"""Compare trafilatura settings on the fixture pages: how much article, how much clutter.

Run: .venv/bin/python tests/bench/compare_extraction.py [--markdown]

For every fixture page (tests/fixtures/pages/<slug>/) and every setting below, extracts the
text and counts how many of expected.json's "must_contain" sentences are found and how many
of its "must_not_contain" clutter strings leak. Whitespace is collapsed on both sides so that
line breaks between paragraphs do not matter.

Settings: trafilatura alone (extract(), the options extract.py passes, one of
favor_precision / neither / favor_recall), trafilatura with its own defaults (which keep
comments), and the sourcelight pipeline as shipped (pre-cleaning, then trafilatura in
recall mode, links and pictures put back, clutter rules) and with favor_precision switched on
(its recall fallback included). Not collected by pytest.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import trafilatura

from sourcelight import annotate
from sourcelight.errors import NoArticleFound
from sourcelight.pipeline.options import PipelineOptions

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
_SPACES = re.compile(r"\s+")

# The options sourcelight's extract.py passes to trafilatura (besides the mode).
READER_SETTINGS = dict(include_comments=False, include_tables=True, include_images=False,
                       include_links=False, deduplicate=False)


def _trafilatura(mode: dict, settings: dict):
    def run(html: str, url: str) -> str:
        return trafilatura.extract(html, url=url, **settings, **mode) or ""
    return run


def _pipeline(options: PipelineOptions | None):
    def run(html: str, url: str) -> str:
        try:
            return annotate(html, url, options=options).text
        except NoArticleFound:
            return ""
    return run


SETTINGS = {
    "trafilatura favor_precision": _trafilatura({"favor_precision": True}, READER_SETTINGS),
    "trafilatura default": _trafilatura({}, READER_SETTINGS),
    "trafilatura favor_recall": _trafilatura({"favor_recall": True}, READER_SETTINGS),
    "trafilatura, its own defaults (comments kept)": _trafilatura({}, {}),
    "sourcelight pipeline (shipped)": _pipeline(None),
    "sourcelight pipeline, favor_precision on": _pipeline(PipelineOptions(favor_precision=True, favor_recall=False)),
}


def fixtures() -> list[tuple[str, str, dict]]:
    found = []
    for directory in sorted(PAGES.iterdir()):
        if (directory / "expected.json").is_file():
            expected = json.loads((directory / "expected.json").read_text(encoding="utf-8"))
            found.append((directory.name, (directory / "source.html").read_text(encoding="utf-8"), expected))
    return found


def normalize(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u00a0", " ").replace("\u202f", " "))


def score(text: str, expected: dict) -> tuple[int, int, int, int, list[str]]:
    text = normalize(text)
    wanted = [normalize(s) for s in (*expected["must_contain"], *expected["sentences"],
                                     expected["first_paragraph"], expected["last_paragraph"])]
    clutter = [normalize(s) for s in expected["must_not_contain"]]
    leaked = [s for s in clutter if s in text]
    return sum(s in text for s in wanted), len(wanted), len(leaked), len(clutter), leaked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print the summary as a Markdown table")
    parser.add_argument("--details", action="store_true", help="list what leaked, per page and setting")
    args = parser.parse_args()
    pages = fixtures()
    rows = []
    for name, run in SETTINGS.items():
        found = wanted = leaked = clutter = 0
        per_page = []
        for slug, html, expected in pages:
            f, w, lk, c, what = score(run(html, expected["url"]), expected)
            found, wanted, leaked, clutter = found + f, wanted + w, leaked + lk, clutter + c
            per_page.append((slug, f, w, what))
        rows.append((name, found, wanted, leaked, clutter, per_page))
    if args.markdown:
        print(f"| setting | article strings found ({len(pages)} pages) | must_not_contain leaked | pages with every string |")
        print("|---|---|---|---|")
    for name, found, wanted, leaked, clutter, per_page in rows:
        complete = sum(f == w for _, f, w, _ in per_page)
        if args.markdown:
            print(f"| {name} | {found}/{wanted} ({100 * found / wanted:.1f}%) | {leaked}/{clutter} | {complete}/{len(per_page)} |")
        else:
            print(f"{name:48} found {found:3}/{wanted} ({100 * found / wanted:5.1f}%)  "
                  f"leaked {leaked:3}/{clutter}  complete pages {complete}/{len(per_page)}")
        if args.details:
            for slug, f, w, what in per_page:
                if f < w or what:
                    print(f"    {slug:30} found {f}/{w}  leaked {what}")


if __name__ == "__main__":
    main()
