"""The `sourcelight` command as a user runs it (a real subprocess)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sourcelight import __version__

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
SEED = FIXTURES / "seed-sputnik-iran-missiles" / "source.html"


def run(*args, stdin: bytes | None = None, env=None):
    return subprocess.run([sys.executable, "-m", "sourcelight", *args], input=stdin, capture_output=True,
                          timeout=120, env=env)


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout.decode()


def test_annotate_file_prints_the_json_contract():
    result = run("annotate", str(SEED), "--url", "https://sputniknews.com/x")
    assert result.returncode == 0, result.stderr.decode()
    article = json.loads(result.stdout)
    assert article["language"] == "en"
    assert article["claims"]


def test_annotate_reads_stdin():
    result = run("annotate", "-", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["title"]


def test_annotate_directory_as_jsonl_one_record_per_page_in_order():
    result = run("annotate", str(FIXTURES), "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]
    pages = sorted(FIXTURES.rglob("*.html"))
    assert len(lines) == len(pages)
    assert all("claims" in record or "error" in record for record in lines)


def test_annotate_text_input_quotes_the_input_exactly():
    text = ("Officials said the bridge would reopen in May.\n\n"
            "According to the ministry, repairs  cost 3.5\u00a0million euros. Critics say\u00a0the work   was rushed.")
    result = run("annotate", "--from", "text", "-", "--format", "json", stdin=text.encode())
    assert result.returncode == 0, result.stderr.decode()
    claims = json.loads(result.stdout)["claims"]
    # A script reading the JSON finds each claim in its own input, runs of spaces and all.
    assert [c["text"] for c in claims if c["text"] not in text] == []
    assert claims[-1]["text"] == "Critics say\u00a0the work   was rushed."
    assert (claims[-1]["sourcing"]["source"], claims[-1]["sourcing"]["kind"]) == ("Critics", "vague")


@pytest.mark.parametrize(("fmt", "marker"), [("html", "<!DOCTYPE html>"), ("markdown", "[^")])
def test_annotate_human_formats(fmt, marker):
    result = run("annotate", str(SEED), "--format", fmt)
    assert result.returncode == 0, result.stderr.decode()
    assert marker.lower() in result.stdout.decode().lower()


def test_annotate_missing_file_is_a_clear_error():
    result = run("annotate", "/nonexistent/page.html")
    assert result.returncode != 0
    assert "no such file" in result.stderr.decode()


def test_token_is_stable_and_private(tmp_path):
    first = run("token", "--data-dir", str(tmp_path)).stdout.decode().strip()
    second = run("token", "--data-dir", str(tmp_path)).stdout.decode().strip()
    assert first == second and len(first) >= 40
    assert (tmp_path / "token").stat().st_mode & 0o077 == 0
    rotated = run("token", "--data-dir", str(tmp_path), "--rotate").stdout.decode().strip()
    assert rotated != first


def test_version_names_the_engine_and_model_of_each_language(capsys):
    from sourcelight.cli import main

    with pytest.raises(SystemExit):
        main(["--version"])
    out = capsys.readouterr().out
    assert "en: parse (en_core_web_sm 3.8.0" in out
    assert "de: rules" in out
