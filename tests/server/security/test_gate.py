"""The request gate against the real server: Host, Origin, token, CORS and response headers.

Every test talks to `python -m sourcelight serve` in a subprocess over a real socket, so
a rule removed from security.py (or bypassed by the WSGI server) fails here.
"""
from __future__ import annotations

import json
import socket
import threading

import pytest

from tests.helpers.server import start_server
from tests.server.security import rawhttp

CHROME_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
FIREFOX_ORIGIN = "moz-extension://0f0e5a5e-3b7e-4c1a-9a53-2f3c3b1a9e11"
WEB_ORIGINS = ["https://evil.example", "http://evil.example", "null", "http://127.0.0.1", "http://localhost:8080",
               "file://", "chrome-extension:/missing-slash"]
PROTECTED = "/api/v1/articles"


def _get(server, path, *, host=None, headers=(), token=True, method="GET", body=b""):
    all_headers = [("Host", f"127.0.0.1:{server.port}" if host is None else host), *headers]
    if token:
        all_headers.append(("Authorization", f"Bearer {server.token}"))
    return rawhttp.request(server.port, method, path, all_headers, body)


def _cors_headers(response):
    return {name: value for name, value in response.headers.items() if name.startswith("access-control-")}


# -- Host (DNS rebinding) ---------------------------------------------------------------------

@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "[::1]:{port}", "LocalHost:{port}"])
def test_loopback_host_with_own_port_is_served(server, host):
    assert _get(server, PROTECTED, host=host.format(port=server.port)).status == 200


@pytest.mark.parametrize("host", [
    "evil.example:{port}", "localhost.evil.example:{port}", "127.0.0.1.nip.io:{port}", "evil-localhost:{port}",
    "127.0.0.1:{other}", "localhost:{other}", "localhost", "127.0.0.1", "192.0.2.2:{port}", "0.0.0.0:{port}",
    "[::ffff:127.0.0.1]:{port}", "127.0.0.1:{port}.evil.example", "",
])
@pytest.mark.parametrize("path", [PROTECTED, "/api/v1/health"])
def test_other_host_is_refused_even_with_the_token(server, host, path):
    response = _get(server, path, host=host.format(port=server.port, other=server.port + 1))
    assert response.status in (403, 421)
    assert response.json()["error"]["code"] in ("forbidden", "misdirected_request")


def test_missing_host_header_is_refused(server):
    head = rawhttp.build_head("GET", PROTECTED, [("Authorization", f"Bearer {server.token}"), ("Connection", "close")])
    # HTTP/1.0 allows leaving Host out; the server must not fill in its own name.
    head = head.replace(b"HTTP/1.1", b"HTTP/1.0", 1)
    assert rawhttp.send(server.port, head).status in (400, 403, 421)


# -- Origin (web pages) -----------------------------------------------------------------------

@pytest.mark.parametrize("origin", WEB_ORIGINS)
@pytest.mark.parametrize("path", [PROTECTED, "/api/v1/health", "/api/v1/no-such-route"])
def test_web_origin_is_refused_even_with_a_valid_token(server, origin, path):
    response = _get(server, path, headers=[("Origin", origin)])
    assert response.status == 403
    assert response.json()["error"]["code"] == "forbidden"
    assert _cors_headers(response) == {}


def test_web_origin_cannot_store_an_article(server):
    page = {"url": "https://evil.example/planted", "html": "<p>planted</p>" * 40}
    response = _get(server, PROTECTED, method="POST", headers=[("Origin", "https://evil.example"),
                                                                ("Content-Type", "application/json")],
                    body=json.dumps(page).encode())
    assert response.status == 403
    listing = _get(server, PROTECTED).json()
    assert all(a.get("url") != page["url"] for a in listing["articles"])


@pytest.mark.parametrize("origin", [CHROME_ORIGIN, FIREFOX_ORIGIN])
def test_extension_origin_with_token_is_served_and_gets_its_origin_back(server, origin):
    response = _get(server, PROTECTED, headers=[("Origin", origin)])
    assert response.status == 200
    assert response.headers["access-control-allow-origin"] == origin
    assert "access-control-allow-credentials" not in response.headers


@pytest.mark.parametrize("origin", [CHROME_ORIGIN, FIREFOX_ORIGIN])
def test_extension_origin_without_token_is_unauthorized(server, origin):
    assert _get(server, PROTECTED, headers=[("Origin", origin)], token=False).status == 401


def test_request_without_origin_gets_no_cors_headers(server):
    response = _get(server, PROTECTED)
    assert response.status == 200
    assert _cors_headers(response) == {}


def test_extension_id_allowlist_refuses_other_extensions(tmp_path):
    allowed_id = "abcdefghijklmnopabcdefghijklmnop"
    server = start_server(tmp_path, env={"SOURCELIGHT_EXTENSION_IDS": allowed_id})
    try:
        assert _get(server, PROTECTED, headers=[("Origin", f"chrome-extension://{allowed_id}")]).status == 200
        other = _get(server, PROTECTED, headers=[("Origin", "chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba")])
        assert other.status == 403
        assert _get(server, PROTECTED, headers=[("Origin", FIREFOX_ORIGIN)]).status == 403
    finally:
        server.stop()


# -- Token ------------------------------------------------------------------------------------

@pytest.mark.parametrize("authorization", [
    None, "", "Bearer", "Bearer ", "Bearer wrong-token", "Bearer {token}x", "Bearer {half}", "Basic {token}",
    "{token}", "Token {token}",
])
def test_missing_or_wrong_token_is_unauthorized(server, authorization):
    headers = []
    if authorization is not None:
        headers.append(("Authorization", authorization.format(token=server.token, half=server.token[:20])))
    response = _get(server, PROTECTED, headers=headers, token=False)
    assert response.status == 401
    assert response.json()["error"]["code"] == "unauthorized"


def test_token_in_the_query_string_is_not_accepted(server):
    assert _get(server, f"{PROTECTED}?token={server.token}", token=False).status == 401
    assert _get(server, f"{PROTECTED}?access_token={server.token}", token=False).status == 401


def test_health_answers_without_token_and_reveals_nothing(server):
    response = _get(server, "/api/v1/health", token=False)
    assert response.status == 200
    body = response.body.decode()
    assert response.json()["status"] == "ok"
    assert server.token not in body
    assert str(server.data_dir) not in body


def test_no_response_ever_contains_the_token(server):
    paths = ["/api/v1/health", PROTECTED, "/api/v1/no-such-route", "/api/v1/openapi.json", "/"]
    for path in paths:
        for token in (True, False):
            assert server.token.encode() not in _get(server, path, token=token).body


# -- CORS preflight, Private Network Access ---------------------------------------------------

def _preflight(server, origin, *, pna=True, path=PROTECTED):
    headers = [("Origin", origin), ("Access-Control-Request-Method", "POST"),
               ("Access-Control-Request-Headers", "authorization, content-type")]
    if pna:
        headers.append(("Access-Control-Request-Private-Network", "true"))
    return _get(server, path, method="OPTIONS", headers=headers, token=False)


@pytest.mark.parametrize("origin", [CHROME_ORIGIN, FIREFOX_ORIGIN])
def test_preflight_from_the_extension_is_answered_without_token(server, origin):
    response = _preflight(server, origin)
    assert response.status == 204
    cors = _cors_headers(response)
    assert cors["access-control-allow-origin"] == origin
    assert "POST" in cors["access-control-allow-methods"]
    assert {"authorization", "content-type"} <= {h.strip().lower() for h in cors["access-control-allow-headers"].split(",")}
    assert cors["access-control-allow-private-network"] == "true"
    assert "access-control-allow-credentials" not in cors


def test_preflight_without_private_network_request_gets_no_private_network_opt_in(server):
    response = _preflight(server, CHROME_ORIGIN, pna=False)
    assert response.status == 204
    assert "access-control-allow-private-network" not in response.headers


@pytest.mark.parametrize("origin", WEB_ORIGINS)
def test_preflight_from_a_web_page_is_refused_with_no_allow_headers(server, origin):
    response = _preflight(server, origin)
    assert response.status == 403
    assert _cors_headers(response) == {}


def test_preflight_to_a_rebound_host_is_refused(server):
    headers = [("Origin", CHROME_ORIGIN), ("Access-Control-Request-Method", "GET")]
    response = _get(server, PROTECTED, host=f"evil.example:{server.port}", method="OPTIONS", headers=headers, token=False)
    assert response.status in (403, 421)
    assert _cors_headers(response) == {}


# -- What every response carries --------------------------------------------------------------

@pytest.mark.parametrize("path,token,origin", [
    ("/api/v1/health", False, None), (PROTECTED, True, None), (PROTECTED, False, None),
    ("/api/v1/no-such-route", True, None), (PROTECTED, True, "https://evil.example"),
])
def test_every_response_has_the_strict_headers(server, path, token, origin):
    response = _get(server, path, token=token, headers=[("Origin", origin)] if origin else [])
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_errors_are_json_without_internals(server):
    response = _get(server, PROTECTED, method="POST", headers=[("Content-Type", "application/json")],
                    body=b'{"url": "https://e.example/a", "html": ')
    assert response.status == 400
    assert set(response.json()) == {"error"}
    assert b"Traceback" not in response.body and b".py" not in response.body


# -- Writes are JSON only; the server never fetches a URL (SSRF) ------------------------------

@pytest.mark.parametrize("content_type,body", [
    ("text/plain", b'{"url": "https://e.example/a", "html": "<p>x</p>"}'),
    ("application/x-www-form-urlencoded", b"url=https%3A%2F%2Fe.example%2Fa&html=%3Cp%3Ex%3C%2Fp%3E"),
    ("multipart/form-data; boundary=x", b'--x\r\nContent-Disposition: form-data; name="html"\r\n\r\n<p>x</p>\r\n--x--\r\n'),
])
def test_writes_that_a_form_could_send_are_refused(server, content_type, body):
    response = _get(server, PROTECTED, method="POST", headers=[("Content-Type", content_type)], body=body)
    assert response.status == 415


def test_a_url_without_html_is_refused_and_never_fetched(server):
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(3)
    connections = []

    def accept():
        try:
            connections.append(listener.accept())
        except OSError:
            pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/article"
    response = _get(server, PROTECTED, method="POST", headers=[("Content-Type", "application/json")],
                    body=json.dumps({"url": url}).encode())
    thread.join(4)
    listener.close()
    assert 400 <= response.status < 500
    assert connections == []
