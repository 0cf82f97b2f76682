"""Score article extraction on public pages nobody here wrote: sourcelight against trafilatura.

Not collected by pytest. The data stays outside the repository (docs/extraction.md says how
to get it); pass either a checked-out directory or the bare git directory the search tool's
`fetch` gives (it is then exported with `git archive` into a temporary directory):

    .venv/bin/python tests/eval/eval_extraction.py \\
        --trafilatura /work/.mirror/adbar+trafilatura/repo \\
        --readability /work/.mirror/mozilla+readability/repo [--cache-only] [--limit N]

One metric for every extractor: word shingles (lower-cased word n-grams, n = 4; a chunk of
fewer words is one shingle of all its words).

- readability's test pages (`test/test-pages/*/expected.html`) hold the whole expected article:
  precision = expected shingles found / shingles extracted, recall = found / expected
  (multisets, so repeated clutter costs precision).
- trafilatura's evaluation pages (`tests/evaldata.json`) hold, per page, chunks that must be in the
  article ("with") and chunks that must not ("without"): a "with" shingle found is a true
  positive, one missing a false negative, a "without" shingle found a false positive.

Micro-averaged over pages. A crash (an exception that is not a deliberate refusal) or a refusal
(sourcelight's NoArticleFound / budget errors, trafilatura's None) scores an empty text.
Metadata (title, byline, date, site) is compared with readability's expected-metadata.json.
Time is the extraction alone (sourcelight: extract_article, without attribution).
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import lxml.html
import trafilatura

from sourcelight.errors import SourcelightError
from sourcelight.pipeline.extract import extract_article
from sourcelight.pipeline.model import BlockKind
from sourcelight.pipeline.options import PipelineOptions

SHINGLE = 4
_WORD = re.compile(r"\w+")
# readability's tests give every page this address.
READABILITY_URL = "http://fakehost/test/page.html"
# What trafilatura's own evaluation passes (tests/eval_common.py EXTRACT_OPTS).
TRAFILATURA_OPTS = dict(include_comments=False, include_tables=True, include_formatting=False)


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    html: bytes
    expected: str | None = None  # the whole article (readability)
    with_chunks: tuple[str, ...] = ()  # trafilatura's evaluation chunks
    without_chunks: tuple[str, ...] = ()
    metadata: dict | None = None


@dataclass(frozen=True)
class Result:
    text: str
    title: str | None = None
    byline: str | None = None
    date: str | None = None
    site: str | None = None


@dataclass
class Score:
    tp: float = 0
    fp: float = 0
    fn: float = 0
    crashes: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    seconds: float = 0.0
    meta_hits: Counter = field(default_factory=Counter)
    meta_total: Counter = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# -- extractors -----------------------------------------------------------------------------

class Refused(Exception):
    """The extractor declined the page on purpose (no article, over a budget)."""


def sourcelight(html: bytes, url: str) -> Result:
    try:
        article = extract_article(html, url, options=PipelineOptions())
    except SourcelightError as error:
        raise Refused(error.message) from None
    text = "\n".join(b.text for b in article.blocks if b.kind not in (BlockKind.TITLE, BlockKind.IMAGE))
    return Result(text, article.title, article.byline, article.published, article.site)


def trafilatura_setting(**mode) -> Callable[[bytes, str], Result]:
    def run(html: bytes, url: str) -> Result:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, **TRAFILATURA_OPTS, **mode)
        if document is None or not document.text:
            raise Refused("trafilatura returned nothing")
        return Result(document.text, document.title, document.author, document.date, document.sitename)
    return run


EXTRACTORS: dict[str, Callable[[bytes, str], Result]] = {
    "sourcelight": sourcelight,
    "trafilatura default": trafilatura_setting(),
    "trafilatura favor_precision": trafilatura_setting(favor_precision=True),
    "trafilatura favor_recall": trafilatura_setting(favor_recall=True),
}


# -- scoring ----------------------------------------------------------------------------------

def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(tokens: list[str], n: int = SHINGLE) -> Counter:
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def score_full(expected: str, text: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of the extracted text's shingles against the whole expected article."""
    want, got = shingles(words(expected)), shingles(words(text))
    hit = sum((want & got).values())
    return hit, sum(got.values()) - hit, sum(want.values()) - hit


def _contains(tokens: list[str], chunk: list[str], grams: dict[int, set]) -> bool:
    n = len(chunk)
    if n not in grams:
        grams[n] = {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}
    return tuple(chunk) in grams[n]


def score_chunks(with_chunks, without_chunks, text: str) -> tuple[float, float, float]:
    """(tp, fp, fn) of "with" and "without" chunk shingles found in the extracted text."""
    tokens = words(text)
    grams: dict[int, set] = {}
    tp = fn = fp = 0
    for chunk in with_chunks:
        for gram in shingles(words(chunk)):
            if _contains(tokens, list(gram), grams):
                tp += 1
            else:
                fn += 1
    for chunk in without_chunks:
        fp += sum(1 for gram in shingles(words(chunk)) if _contains(tokens, list(gram), grams))
    return tp, fp, fn


def _norm_meta(value: str | None, kind: str) -> str:
    value = unicodedata.normalize("NFKC", value or "").casefold().strip()
    if kind == "byline":
        value = re.sub(r"^by\s+", "", value)
    if kind == "date":
        match = re.search(r"\d{4}-\d{2}-\d{2}", value)
        return match.group(0) if match else value
    return " ".join(words(value))


def score_metadata(score: Score, expected: dict, result: Result | None) -> None:
    pairs = {"title": "title", "byline": "byline", "date": "publishedTime", "site": "siteName"}
    for ours, theirs in pairs.items():
        want = _norm_meta(expected.get(theirs), ours)
        if not want:
            continue
        score.meta_total[ours] += 1
        got = _norm_meta(getattr(result, ours) if result else None, ours)
        if got and got == want:
            score.meta_hits[ours] += 1


# -- data ---------------------------------------------------------------------------------------

def checked_out(path: Path, paths: list[str], workdir: Path) -> Path:
    """A directory holding the data: path itself, or a `git archive` of a bare git dir."""
    if not (path / "objects").is_dir() or not (path / "HEAD").is_file():
        return path
    target = workdir / path.parent.name
    target.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", f"--git-dir={path}", "archive", "HEAD", *paths],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def trafilatura_pages(root: Path, cache_only: bool) -> list[Page]:
    tests = root / "tests"
    data = json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url in sorted(data):
        item = data[url]
        folders = ("cache",) if cache_only else ("cache", "eval")
        path = next((tests / d / item["file"] for d in folders if (tests / d / item["file"]).is_file()), None)
        if path is None:
            continue
        pages.append(Page(f"trafilatura/{item['file']}", url, path.read_bytes(),
                          with_chunks=tuple(item["with"]), without_chunks=tuple(item["without"])))
    return pages


def readability_pages(root: Path) -> list[Page]:
    pages = []
    for folder in sorted((root / "test" / "test-pages").iterdir()):
        source, expected = folder / "source.html", folder / "expected.html"
        if not source.is_file() or not expected.is_file():
            continue
        tree = lxml.html.fromstring(expected.read_text(encoding="utf-8"))
        for block in tree.iter("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "br", "tr"):
            block.tail = "\n" + (block.tail or "")
        meta_path = folder / "expected-metadata.json"
        metadata = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else None
        pages.append(Page(f"readability/{folder.name}", READABILITY_URL, source.read_bytes(),
                          expected=tree.text_content(), metadata=metadata))
    return pages


# -- running ------------------------------------------------------------------------------------

def run(pages: list[Page], extractors: dict[str, Callable], verbose: bool) -> dict[str, Score]:
    scores = {name: Score() for name in extractors}
    names = list(extractors)
    for number, page in enumerate(pages):
        # A different extractor goes first on each page, so none pays the cold caches alone.
        for name in names[number % len(names):] + names[: number % len(names)]:
            extract = extractors[name]
            score = scores[name]
            started = time.perf_counter()
            result = None
            try:
                result = extract(page.html, page.url)
            except Refused as refusal:
                score.refusals.append(f"{page.name}: {refusal}")
            except Exception as error:  # noqa: BLE001 - a crash is what we count
                score.crashes.append(f"{page.name}: {type(error).__name__}: {error}")
            score.seconds += time.perf_counter() - started
            text = result.text if result else ""
            if page.expected is not None:
                tp, fp, fn = score_full(page.expected, text)
            else:
                tp, fp, fn = score_chunks(page.with_chunks, page.without_chunks, text)
            score.tp, score.fp, score.fn = score.tp + tp, score.fp + fp, score.fn + fn
            if page.metadata:
                score_metadata(score, page.metadata, result)
            if verbose and name == "sourcelight" and (fp or fn):
                print(f"  {page.name}: tp={tp} fp={fp} fn={fn}", file=sys.stderr)
    return scores


def table(title: str, scores: dict[str, Score], pages: int) -> str:
    lines = [f"### {title} ({pages} pages)", "",
             "| extractor | precision | recall | F1 | crashes | refusals | seconds |",
             "|---|---|---|---|---|---|---|"]
    for name, s in scores.items():
        lines.append(f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {len(s.crashes)} "
                     f"| {len(s.refusals)} | {s.seconds:.1f} |")
    return "\n".join(lines)


def metadata_table(scores: dict[str, Score]) -> str:
    fields_ = ("title", "byline", "date", "site")
    any_score = next(iter(scores.values()))
    lines = ["### Metadata against readability's expected-metadata.json (pages with a value)", "",
             "| extractor | " + " | ".join(f"{f} (n={any_score.meta_total[f]})" for f in fields_) + " |",
             "|---|" + "---|" * len(fields_)]
    for name, s in scores.items():
        cells = [f"{s.meta_hits[f] / s.meta_total[f]:.2f}" if s.meta_total[f] else "-" for f in fields_]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trafilatura", type=Path, help="trafilatura checkout or bare git dir")
    parser.add_argument("--readability", type=Path, help="mozilla/readability checkout or bare git dir")
    parser.add_argument("--cache-only", action="store_true", help="trafilatura's tests/cache pages only (105)")
    parser.add_argument("--limit", type=int, default=0, help="at most this many pages per set")
    parser.add_argument("--only", action="append", choices=sorted(EXTRACTORS), help="run only these extractors")
    parser.add_argument("--verbose", action="store_true", help="list sourcelight's imperfect pages")
    parser.add_argument("--failures", action="store_true", help="list every crash and refusal")
    args = parser.parse_args(argv)
    if not args.trafilatura and not args.readability:
        parser.error("give --trafilatura and/or --readability")
    extractors = {k: v for k, v in EXTRACTORS.items() if not args.only or k in args.only}
    workdir = Path(tempfile.mkdtemp(prefix="sourcelight-eval-"))
    try:
        sets = []
        if args.trafilatura:
            root = checked_out(args.trafilatura, ["tests/cache", "tests/eval", "tests/evaldata.json"], workdir)
            sets.append(("trafilatura evaluation pages", trafilatura_pages(root, args.cache_only)))
        if args.readability:
            root = checked_out(args.readability, ["test/test-pages"], workdir)
            sets.append(("readability test pages", readability_pages(root)))
        all_scores = []
        for title, pages in sets:
            pages = pages[: args.limit] if args.limit else pages
            scores = run(pages, extractors, args.verbose)
            all_scores.append(scores)
            print(table(title, scores, len(pages)) + "\n")
            if title.startswith("readability"):
                print(metadata_table(scores) + "\n")
            if args.failures:
                for name, s in scores.items():
                    for line in s.crashes + s.refusals:
                        print(f"- {name}: {line}")
        if len(all_scores) > 1:
            combined = {}
            for name in extractors:
                total = Score()
                for scores in all_scores:
                    s = scores[name]
                    total.tp += s.tp
                    total.fp += s.fp
                    total.fn += s.fn
                    total.crashes += s.crashes
                    total.refusals += s.refusals
                    total.seconds += s.seconds
                combined[name] = total
            print(table("both sets", combined, sum(len(p[: args.limit] if args.limit else p) for _, p in sets)))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
