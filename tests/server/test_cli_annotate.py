"""`sourcelight annotate DIR`: a batch that names each record's input, takes page addresses from a
manifest or the page itself, and goes on past pages that fail."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sourcelight.cli import main
from sourcelight.cli_annotate import read_url_manifest
from sourcelight.errors import SourcelightError

ARTICLE = """<html><head><title>Harbour reopens after storm</title>{head}</head><body><article>
<h1>Harbour reopens after storm</h1>
<figure><img src="/img/harbour.jpg" alt="The harbour"><figcaption>The harbour on Monday</figcaption></figure>
<p>The harbour reopened to cargo ships on Monday, three weeks after a storm sank two tugboats at the entrance
and left the main channel blocked by debris, port officials said.</p>
<p>Shipping companies had diverted about forty vessels to other ports during the closure, and some said it
would take until the end of the month to clear the backlog.</p></article></body></html>"""


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    (pages / "sub").mkdir(parents=True)
    (pages / "a-manifest.html").write_text(ARTICLE.format(head=""), encoding="utf-8")
    (pages / "b-canonical.html").write_text(
        ARTICLE.format(head='<link rel="canonical" href="https://port.example.net/news/harbour">'), encoding="utf-8")
    (pages / "sub" / "c-empty.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (pages / "d-no-address.html").write_text(ARTICLE.format(head=""), encoding="utf-8")
    (tmp_path / "urls.tsv").write_text("# path\turl\npages/a-manifest.html\thttps://news.example.org/harbour\n",
                                       encoding="utf-8")
    return tmp_path


def run_batch(batch: Path, capsys, *extra: str) -> tuple[int, list[dict], str]:
    code = main(["annotate", str(batch / "pages"), "--format", "jsonl", *extra])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines() if line.strip()], err


def test_every_record_names_its_input_and_the_batch_goes_on_past_failures(batch, capsys):
    code, records, err = run_batch(batch, capsys, "--urls", str(batch / "urls.tsv"))
    assert code == 1
    by_input = {Path(r["input"]).name: r for r in records}
    assert sorted(by_input) == ["a-manifest.html", "b-canonical.html", "c-empty.html", "d-no-address.html"]
    assert "error" in by_input["c-empty.html"] and "claims" not in by_input["c-empty.html"]
    assert all("claims" in by_input[name] for name in ("a-manifest.html", "b-canonical.html", "d-no-address.html"))
    # The failures are listed once more at the end, after every page was tried.
    assert err.rstrip().splitlines()[-2:] == ["sourcelight: 1 of 4 input(s) failed:",
                                              f"  {batch / 'pages' / 'sub' / 'c-empty.html'}: "
                                              + by_input["c-empty.html"]["error"]["message"]]


def test_a_page_takes_its_address_from_the_manifest_then_from_its_canonical_link(batch, capsys):
    _, records, _ = run_batch(batch, capsys, "--urls", str(batch / "urls.tsv"))
    by_input = {Path(r["input"]).name: r for r in records}
    assert by_input["a-manifest.html"]["url"] == "https://news.example.org/harbour"
    assert by_input["b-canonical.html"]["url"] == "https://port.example.net/news/harbour"
    assert by_input["d-no-address.html"]["url"] is None
    # With an address the page's relative picture resolves; without one it is dropped, not broken.
    assert 'src="https://news.example.org/img/harbour.jpg"' in by_input["a-manifest.html"]["html"]
    assert 'src="https://port.example.net/img/harbour.jpg"' in by_input["b-canonical.html"]["html"]
    assert "<img" not in by_input["d-no-address.html"]["html"]


def test_a_malformed_manifest_line_is_named(tmp_path):
    manifest = tmp_path / "urls.tsv"
    manifest.write_text("a.html\thttps://x.example/a\nb.html https://x.example/b\n", encoding="utf-8")
    with pytest.raises(SourcelightError, match=r"urls.tsv:2"):
        read_url_manifest(manifest)


def test_pages_saved_under_the_same_name_each_get_their_own_output(tmp_path, capsys):
    # Saved pages are often each an index.html in a folder of its own: one output per page.
    pages = tmp_path / "saved"
    for folder, title in (("harbour", "Harbour reopens after storm"), ("ferry", "Ferry strike ends")):
        (pages / folder).mkdir(parents=True)
        (pages / folder / "index.html").write_text(
            ARTICLE.format(head="").replace("Harbour reopens after storm", title), encoding="utf-8")
    # Two files given by themselves under one name: the second is index-2.
    extras = []
    for folder, source in (("ferry-copy", "ferry"), ("harbour-copy", "harbour")):
        extra = tmp_path / folder / "index.html"
        extra.parent.mkdir()
        extra.write_text((pages / source / "index.html").read_text(encoding="utf-8"), encoding="utf-8")
        extras.append(str(extra))
    out = tmp_path / "out"
    code = main(["annotate", str(pages), *extras, "--format", "json", "--out-dir", str(out)])
    capsys.readouterr()
    assert code == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json"))
    assert written == ["ferry/index.json", "harbour/index.json", "index-2.json", "index.json"]
    titles = {name: json.loads((out / name).read_text(encoding="utf-8"))["title"] for name in written}
    assert titles == {"ferry/index.json": "Ferry strike ends", "harbour/index.json": "Harbour reopens after storm",
                      "index.json": "Ferry strike ends", "index-2.json": "Harbour reopens after storm"}
