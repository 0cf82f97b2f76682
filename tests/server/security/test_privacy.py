"""Data privacy against the real server: file modes, the token's life cycle, quiet logs."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from tests.helpers.server import start_server
from tests.server.security import hostile_pages as pages
from tests.server.security import rawhttp

MARKER = "ZQXJ-private-words-7731"  # text that must never reach the log


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _cli(*args, env_token: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOURCELIGHT_")}
    if env_token is not None:
        env["SOURCELIGHT_TOKEN"] = env_token
    return subprocess.run([sys.executable, "-m", "sourcelight", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def _status(server, token, path="/api/v1/articles") -> int:
    headers = [("Host", f"127.0.0.1:{server.port}"), ("Authorization", f"Bearer {token}")]
    return rawhttp.request(server.port, "GET", path, headers).status


@pytest.fixture(scope="module")
def tokenless_server(tmp_path_factory):
    """A server with no SOURCELIGHT_TOKEN: it makes and keeps its own token."""
    server = start_server(tmp_path_factory.mktemp("privacy"), env={"SOURCELIGHT_TOKEN": ""})
    server.token = (server.data_dir / "token").read_text().strip()
    yield server
    server.stop()


@pytest.mark.parametrize("name,expected", [("", 0o700), ("token", 0o600), ("sourcelight.db", 0o600)])
def test_data_files_are_readable_by_the_user_alone(tokenless_server, name, expected):
    assert _mode(tokenless_server.data_dir / name) == expected


def test_sqlite_side_files_are_readable_by_the_user_alone(tokenless_server):
    _status(tokenless_server, tokenless_server.token)
    for path in tokenless_server.data_dir.glob("sourcelight.db*"):
        assert _mode(path) & 0o077 == 0, path


def test_a_data_directory_others_can_read_is_reported(tmp_path):
    (tmp_path / "data").mkdir(mode=0o755)
    os.chmod(tmp_path / "data", 0o755)
    server = start_server(tmp_path)
    try:
        assert "readable by other users" in server.log_text()
    finally:
        server.stop()


def test_generated_token_is_long_and_random(tokenless_server):
    assert len(tokenless_server.token) >= 43  # 32 random bytes, URL-safe base64
    assert _status(tokenless_server, tokenless_server.token) == 200


def test_token_command_prints_the_token_the_server_accepts(tokenless_server):
    printed = _cli("token", "--data-dir", str(tokenless_server.data_dir)).stdout.strip()
    assert printed == tokenless_server.token
    assert _status(tokenless_server, printed) == 200


def test_environment_token_overrides_the_file(tmp_path):
    server = start_server(tmp_path, token="env-token-" + "a" * 40)
    try:
        assert _status(server, server.token) == 200
        file_token = (server.data_dir / "token").read_text().strip() if (server.data_dir / "token").exists() else None
        if file_token:
            assert _status(server, file_token) == 401
        assert _cli("token", "--data-dir", str(server.data_dir), env_token=server.token).stdout.strip() == server.token
    finally:
        server.stop()


def test_rotation_makes_a_new_token_and_the_old_one_stops_working(tmp_path):
    server = start_server(tmp_path, env={"SOURCELIGHT_TOKEN": ""})
    try:
        old = (server.data_dir / "token").read_text().strip()
        rotated = _cli("token", "--rotate", "--data-dir", str(server.data_dir))
        new = rotated.stdout.strip()
        assert rotated.returncode == 0 and new and new != old
        assert _mode(server.data_dir / "token") == 0o600
        server.restart()
        assert _status(server, new) == 200
        assert _status(server, old) == 401
    finally:
        server.stop()


def test_logs_never_hold_page_html_notes_or_tokens(tokenless_server):
    server = tokenless_server
    headers = [("Host", f"127.0.0.1:{server.port}"), ("Authorization", f"Bearer {server.token}"),
               ("Content-Type", "application/json")]

    def post(path, payload: bytes):
        return rawhttp.request(server.port, "POST", path, headers, payload)

    stored = post("/api/v1/articles", json.dumps({"url": "https://e.example/private",
                                                  "html": pages.legitimate_page(MARKER)}).encode())
    assert stored.status == 201
    article = stored.json()
    # Every failure path too: errors are where request contents tend to leak into logs.
    post("/api/v1/articles", json.dumps({"url": "https://e.example/empty", "html": f"<p>{MARKER}</p>"}).encode())
    post("/api/v1/articles", f'{{"html": "{MARKER}", '.encode())
    post("/api/v1/articles", json.dumps({"url": f"javascript:{MARKER}", "html": "<p>x</p>"}).encode())
    exact = article["text"][:24]
    highlight = post(f"/api/v1/articles/{article['id']}/highlights", json.dumps({
        "quote": {"exact": exact}, "position": {"start": 0, "end": len(exact)}, "note": MARKER, "tags": [MARKER],
    }).encode())
    assert highlight.status == 201
    rawhttp.request(server.port, "PATCH", f"/api/v1/highlights/{highlight.json()['id']}", headers,
                    json.dumps({"note": f"{MARKER} edited"}).encode())
    post(f"/api/v1/articles/{article['id']}/highlights", json.dumps({"quote": {"exact": MARKER}, "note": MARKER,
                                                                     "position": {"start": 0, "end": 1}}).encode())
    rawhttp.request(server.port, "GET", f"/api/v1/highlights?q={MARKER}", headers)
    rawhttp.request(server.port, "GET", f"/api/v1/articles?q={MARKER}", headers)
    rawhttp.request(server.port, "GET", f"/api/v1/articles?token={server.token}&site={MARKER}", headers)
    rawhttp.request(server.port, "GET", "/api/v1/articles", [("Host", f"127.0.0.1:{server.port}"),
                                                             ("Authorization", f"Bearer {server.token}x")])
    server.stop()  # flush
    log = server.log_text()
    server.start(port=server.port)
    assert "POST /api/v1/articles" in log  # the log is really written
    assert MARKER not in log
    assert server.token not in log
    assert "officials" not in log  # nor any of the article's words
