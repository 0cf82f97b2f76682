"""Client input cannot forge or colour log lines: every client string is escaped repr-style.

Any web page can make the browser send a path of its choosing (an <img> needs no token), so
the access log must write it on one line, control characters escaped.
"""
from __future__ import annotations

import re
import time

import pytest

from sourcelight.security import log_safe
from tests.server.security import rawhttp

FORGED = "2026-01-01 00:00:00,000 WARNING sourcelight: FORGED"
# What a log line of the server begins with: the time stamp of logging.basicConfig in the CLI.
LINE_START = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ")


def _log_after(server, marker: str, before: str) -> str:
    # The access line is written after the response is sent: wait for the marker to show.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        new = server.log_text()[len(before):]
        if marker in new:
            return new
        time.sleep(0.05)
    raise AssertionError(f"{marker!r} never reached the log:\n{server.log_text()[len(before):]}")


def _assert_one_safe_line_per_record(text: str) -> None:
    assert "\x1b" not in text and "\r" not in text
    for line in text.splitlines():
        assert LINE_START.match(line) or line.startswith("    "), f"a line no logger wrote: {line!r}"
        assert "FORGED" not in line or "sourcelight.access: " in line, f"a forged line: {line!r}"


@pytest.mark.parametrize("path", [
    "/api/v1/nope%0a" + FORGED.replace(" ", "%20") + "%1b[31m",
    "/api/v1/nope%0d%0a" + FORGED.replace(" ", "%20") + "%1b[2J",
    "/api/v1/health%0a" + FORGED.replace(" ", "%20"),
    "/%e2%80%a8" + FORGED.replace(" ", "%20") + "%1b]0;title%07",
])
def test_a_path_with_line_breaks_and_escapes_stays_on_one_escaped_line(server, host_header, path):
    before = server.log_text()
    response = rawhttp.request(server.port, "GET", path, [("Host", host_header)])
    assert response.status in (401, 404)
    new = _log_after(server, "FORGED", before)
    _assert_one_safe_line_per_record(new)
    [line] = [line for line in new.splitlines() if "FORGED" in line]
    assert "sourcelight.access" in line and ("\\n" in line or "\\u2028" in line)
    assert "\\x1b" in line or "\\x07" in line or path.startswith("/api/v1/health")


def test_a_query_string_with_line_breaks_is_not_logged_at_all(server, host_header):
    before = server.log_text()
    query = "q=%0a" + FORGED.replace(" ", "%20") + "%1b[31m&marker=query-marker"
    response = rawhttp.request(server.port, "GET", f"/api/v1/health?{query}", [("Host", host_header)])
    assert response.status == 200
    rawhttp.request(server.port, "GET", "/api/v1/after-the-query", [("Host", host_header)])
    new = _log_after(server, "after-the-query", before)
    _assert_one_safe_line_per_record(new)
    assert "FORGED" not in new and "query-marker" not in new


@pytest.mark.parametrize("header", [
    ("User-Agent", "x\x1b[31m FORGED \x1b[0m"),
    ("Origin", "https://e.example\x1b[31m"),
    ("X-Forwarded-For", "1.2.3.4\x1b]0;owned\x07"),
    ("Referer", "https://e.example/\x0bFORGED\x0c"),
])
def test_headers_with_escapes_never_reach_the_log_raw(server, host_header, header):
    before = server.log_text()
    rawhttp.request(server.port, "GET", "/api/v1/header-marker", [("Host", host_header), header])
    rawhttp.request(server.port, "GET", "/api/v1/header-marker-done", [("Host", host_header)])
    new = _log_after(server, "header-marker-done", before)
    _assert_one_safe_line_per_record(new)
    assert "\x0b" not in new and "\x0c" not in new and "\x07" not in new


def test_a_method_with_escapes_is_escaped(server, host_header):
    before = server.log_text()
    rawhttp.request(server.port, "G\x1b[31mT", "/api/v1/method-marker", [("Host", host_header)])
    rawhttp.request(server.port, "GET", "/api/v1/method-marker-done", [("Host", host_header)])
    new = _log_after(server, "method-marker-done", before)
    _assert_one_safe_line_per_record(new)


@pytest.mark.parametrize(("raw", "escaped"), [
    ("/a\nb", "/a\\nb"), ("/a\r\nb", "/a\\r\\nb"), ("\x1b[31m", "\\x1b[31m"), ("a\\nb", "a\\\\nb"),
    ("x\u2028y", "x\\u2028y"), ("\x85", "\\x85"), ("é/日本/😀", "é/日本/😀"), (None, "-"),
])
def test_log_safe_escapes_control_characters_and_backslashes_only(raw, escaped):
    assert log_safe(raw) == escaped
