"""Limits against the real server: oversized bodies get 413 before they are read in full;
pathological pages get a clear 4xx or 503 while other requests keep being served.

The client's socket timeout is the only clock here: a page that hangs the server fails the
test by timing out, not by a timing assertion. Speed figures live in tests/bench/.
"""
from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.server.security import hostile_pages as pages
from tests.server.security import rawhttp

MAX_BODY = 10 * 1024 * 1024  # the configured default
HANG_TIMEOUT_SECONDS = 45  # far above the 4 s budget the fixture sets: only a hang reaches it
ARTICLES = "/api/v1/articles"


def _auth_headers(server, **extra):
    headers = [("Host", f"127.0.0.1:{server.port}"), ("Authorization", f"Bearer {server.token}"),
               ("Content-Type", "application/json")]
    return headers + list(extra.items())


def _post_page(server, html, url="https://e.example/page"):
    body = json.dumps({"url": url, "html": html}).encode()
    return rawhttp.request(server.port, "POST", ARTICLES, _auth_headers(server), body, timeout=HANG_TIMEOUT_SECONDS)


def _server_is_up(server) -> bool:
    health = rawhttp.request(server.port, "GET", "/api/v1/health", [("Host", f"127.0.0.1:{server.port}")], timeout=10)
    return server.process.poll() is None and health.status == 200


# -- Body size --------------------------------------------------------------------------------

def _assert_refused_before_the_end(server, body: bytes, *, chunked: bool = False) -> None:
    framing = [("Transfer-Encoding", "chunked")] if chunked else [("Content-Length", str(len(body)))]
    head = rawhttp.build_head("POST", ARTICLES, _auth_headers(server) + framing)
    pieces = rawhttp.chunked(body) if chunked else rawhttp.pieces(body)
    response = rawhttp.send(server.port, head, pieces, timeout=HANG_TIMEOUT_SECONDS)
    assert response.status == 413
    assert response.body_bytes_sent < len(body)
    assert _server_is_up(server)


def test_declared_oversized_body_is_refused_before_it_is_sent(server):
    _assert_refused_before_the_end(server, b"x" * (12 * 1024 * 1024))


def test_chunked_oversized_body_is_refused_before_it_ends(server):
    # Large enough that kernel socket buffers cannot hide whether the server kept reading.
    _assert_refused_before_the_end(server, b"x" * (40 * 1024 * 1024), chunked=True)


def test_body_just_over_the_limit_gets_the_json_error(server):
    response = _post_page(server, "x" * (MAX_BODY + 1))
    assert response.status == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_fifty_megabyte_text_node_is_refused_by_size(server):
    html = pages.one_text_node(50 * 1024 * 1024)
    _assert_refused_before_the_end(server, json.dumps({"url": "https://e.example/huge", "html": html}).encode())


def test_oversized_body_from_a_web_origin_is_still_refused_cheaply(server):
    body = b"x" * (12 * 1024 * 1024)
    headers = _auth_headers(server) + [("Origin", "https://evil.example"), ("Content-Length", str(len(body)))]
    response = rawhttp.send(server.port, rawhttp.build_head("POST", ARTICLES, headers), rawhttp.pieces(body))
    assert response.status in (403, 413)
    assert response.body_bytes_sent < len(body)


# -- Pathological pages -----------------------------------------------------------------------

# name -> (page builder, statuses a correct server may answer). 201 only where the page holds
# a real article next to the trap (the trap itself must then be defused: checked below).
PATHOLOGICAL = {
    "200k nested elements": (lambda: pages.nested_elements(200_000), {413, 422}),
    "9 MB text node": (lambda: pages.one_text_node(9 * 1024 * 1024), {413, 422}),
    "900k-character paragraph": (lambda: pages.one_text_node(900_000), {201, 413, 422, 503}),
    # a sentence splitter that tried every position of the run took minutes: 503 is wrong here
    "50k exclamation marks glued to a word": (lambda: pages.punctuation_run(50_000), {201}),
    "50k dots glued to a word": (lambda: pages.punctuation_run(50_000, "."), {201}),
    # spaCy's tokenizer splits a run of marks one mark per pass (explosion/spaCy#1768)
    "5k exclamation marks before a space": (lambda: pages.punctuation_run(5_000, "!", " The police left."), {201}),
    # rules that read the whole sentence once per cue word
    "a sentence of 5k 'needless to say,'": (lambda: pages.repeated_phrase("needless to say, ", 5_000), {201}),
    "99k sibling elements": (lambda: pages.flat_elements(99_000), {422, 503}),
    "megabytes of attributes": (lambda: pages.many_attributes(), {413, 422}),
    "200 attributes per element": (lambda: pages.many_attributes(3_000_000, 200), {201, 413, 422, 503}),
    "5 MB attribute value": (lambda: pages.huge_attribute_value(), {201, 413, 422, 503}),
    "billion laughs": (lambda: pages.billion_laughs(), {201, 422}),
    "external entity": (lambda: pages.external_entity(), {201, 422}),
    "mixed encodings": (lambda: pages.mixed_encodings().decode("latin-1"), {201, 422}),
    "UTF-16 declared as UTF-8": (lambda: pages.wrong_declared_encoding().decode("latin-1"), {201, 422}),
    "binary junk": (lambda: pages.binary_junk().decode("latin-1"), {413, 422}),
    "NUL and control characters": (lambda: pages.nul_and_controls(), {201, 422}),
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_pathological_page_gets_a_clear_answer_while_others_are_served(server, name):
    build, expected = PATHOLOGICAL[name]
    html = build()
    result: dict = {}
    worker = threading.Thread(target=lambda: result.update(response=_post_page(server, html)), daemon=True)
    worker.start()
    # While the hostile page is being processed, the reader's other requests keep working.
    meanwhile = []
    while worker.is_alive() and len(meanwhile) < 20:
        meanwhile.append(rawhttp.request(server.port, "GET", ARTICLES, _auth_headers(server), timeout=10).status)
        worker.join(0.2)
    worker.join(HANG_TIMEOUT_SECONDS)
    response = result["response"]
    assert response.status in expected
    if response.status != 201:
        error = response.json()["error"]
        assert error["code"] and error["message"]
    else:
        article = response.json()
        assert "lol" * 1000 not in article["text"]  # entities were not expanded
        assert "root:x:0:0" not in article["text"]  # nor read from the disk
    assert set(meanwhile) <= {200}
    assert _server_is_up(server)


def test_a_slow_page_does_not_block_a_legitimate_page(server):
    with ThreadPoolExecutor(max_workers=2) as pool:
        slow = pool.submit(_post_page, server, pages.flat_elements(99_000), "https://e.example/slow")
        legit = _post_page(server, pages.legitimate_page(), "https://e.example/legit")
        assert legit.status == 201
        assert slow.result(HANG_TIMEOUT_SECONDS).status in (422, 503)


@pytest.mark.parametrize("body", [
    b"\x00\x01\x02\xff\xfe" * 1000,
    "{\"url\": \"https://e.example/a\", \"html\": \"caf\u00e9\"}".encode("utf-16"),
    b'{"url": "https://e.example/a", "html": "\xff\xfe\xc3\x28"}',
    b'{"url": "https://e.example/a", "html": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    b'{"url": "https://e.example/a", "html": "<p>x</p>", "html": "<p>y</p>"' + b', "k": 1' * 100_000 + b"}",
])
def test_malformed_json_bodies_get_a_clear_client_error(server, body):
    response = rawhttp.request(server.port, "POST", ARTICLES, _auth_headers(server), body, timeout=HANG_TIMEOUT_SECONDS)
    assert 400 <= response.status < 500
    assert "error" in response.json()
    assert _server_is_up(server)
