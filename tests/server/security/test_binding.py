"""Binding: loopback by default; any other address needs --allow-remote, which warns."""
from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from tests.helpers.server import start_server
from tests.server.security import rawhttp


def _non_loopback_address() -> str | None:
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.254.254.254", 9))  # no packet is sent: this only picks a route
        address = probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()
    return None if address.startswith("127.") or address == "0.0.0.0" else address


LAN_ADDRESS = _non_loopback_address()


def _serve(tmp_path, *args) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOURCELIGHT_")}
    command = [sys.executable, "-m", "sourcelight", "serve", "--port", "0", "--data-dir", str(tmp_path / "d"), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", LAN_ADDRESS])
def test_non_loopback_bind_is_refused_without_the_flag(tmp_path, host):
    if host is None:
        pytest.skip("this machine has no non-loopback address")
    result = _serve(tmp_path, "--host", host)
    assert result.returncode != 0
    assert "--allow-remote" in result.stderr
    assert "listening on" not in result.stdout


def test_allow_remote_binds_but_warns_and_still_needs_the_token(tmp_path):
    server = start_server(tmp_path, args=("--host", "0.0.0.0", "--allow-remote"))
    try:
        assert "WARNING" in server.log_text()
        host = [("Host", f"127.0.0.1:{server.port}")]
        assert rawhttp.request(server.port, "GET", "/api/v1/articles", host).status == 401
        authorized = host + [("Authorization", f"Bearer {server.token}")]
        assert rawhttp.request(server.port, "GET", "/api/v1/articles", authorized).status == 200
        web_page = authorized + [("Origin", "https://evil.example")]
        assert rawhttp.request(server.port, "GET", "/api/v1/articles", web_page).status == 403
    finally:
        server.stop()


def test_default_bind_is_unreachable_from_the_network_address(server):
    if LAN_ADDRESS is None:
        pytest.skip("this machine has no non-loopback address")
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((LAN_ADDRESS, server.port), timeout=5).close()


def test_port_is_closed_after_stop(tmp_path):
    server = start_server(tmp_path)
    port = server.port
    server.stop()
    assert server.process.returncode is not None
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
