"""Connections: a local process holding hundreds of idle sockets does not lock the extension
out (waitress's defaults, 100 connections kept 120 s, did with 101); idle sockets and request
heads sent a byte at a time are closed.

The client's socket timeout is the only clock: a starved server fails the test by timing out.
"""
from __future__ import annotations

import http.client
import socket
import time

import pytest

from tests.helpers.server import start_server
from tests.server.security import rawhttp

IDLE_SOCKETS = 300


def _health(server, timeout: float = 5.0):
    return rawhttp.request(server.port, "GET", "/api/v1/health", [("Host", f"127.0.0.1:{server.port}")],
                           timeout=timeout)


def _open_idle(port: int, count: int) -> list[socket.socket]:
    return [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(count)]


def _closed_by_server(sock: socket.socket, within: float) -> bool:
    sock.settimeout(within)
    try:
        return sock.recv(1) == b""
    except socket.timeout:
        return False
    except ConnectionResetError:
        return True


@pytest.fixture(scope="module")
def quick_server(tmp_path_factory):
    """Timeouts of 2 s, so that the test sees the server close what it should."""
    running = start_server(tmp_path_factory.mktemp("connections"), env={
        "SOURCELIGHT_IDLE_TIMEOUT_SECONDS": "2", "SOURCELIGHT_HEADER_TIMEOUT_SECONDS": "2"})
    yield running
    running.stop()


def test_the_health_check_is_answered_while_300_idle_sockets_are_open(server):
    idle = _open_idle(server.port, IDLE_SOCKETS)
    try:
        time.sleep(0.5)  # let the server accept them all
        assert _health(server).status == 200
    finally:
        for sock in idle:
            sock.close()


def test_idle_sockets_are_closed_after_the_idle_timeout(quick_server):
    idle = _open_idle(quick_server.port, 20)
    try:
        assert all(_closed_by_server(sock, within=15) for sock in idle)
        assert _health(quick_server).status == 200
    finally:
        for sock in idle:
            sock.close()


def test_a_request_head_sent_a_byte_at_a_time_is_cut_off(quick_server):
    sock = socket.create_connection(("127.0.0.1", quick_server.port), timeout=10)
    head = f"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:{quick_server.port}\r\nX-Slow: ".encode()
    try:
        sock.sendall(head)
        cut = False
        deadline = time.monotonic() + 20  # far past the 2 s header timeout (and the 2 s idle one)
        while time.monotonic() < deadline:
            try:
                sock.sendall(b"a")  # one byte a second keeps the idle timer from firing
            except (BrokenPipeError, ConnectionResetError):
                cut = True
                break
            if _closed_by_server(sock, within=1.0):
                cut = True
                break
        assert cut
    finally:
        sock.close()


def test_a_keep_alive_connection_in_use_is_not_cut(quick_server):
    connection = http.client.HTTPConnection("127.0.0.1", quick_server.port, timeout=10)
    try:
        for _ in range(4):  # 4 requests 1 s apart on one connection: past both 2 s timeouts
            connection.request("GET", "/api/v1/health", headers={"Host": f"127.0.0.1:{quick_server.port}"})
            response = connection.getresponse()
            assert response.status == 200 and response.read()
            time.sleep(1)
    finally:
        connection.close()
