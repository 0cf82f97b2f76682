"""HTTP/1.1 by hand, for the requests a polite client library refuses to send.

urllib always adds a Host header and reads nothing until it has sent the whole body; the
security tests need a missing Host, chunked bodies, and to see a 413 arrive while the
body is still being sent.
"""
from __future__ import annotations

import http.client
import json
import select
import socket
from dataclasses import dataclass
from typing import Iterable


@dataclass
class RawResponse:
    status: int
    headers: dict[str, str]  # names lower-cased
    body: bytes
    body_bytes_sent: int  # how much of the body went out before the server answered

    def json(self):
        return json.loads(self.body)


def build_head(method: str, path: str, headers: Iterable[tuple[str, str]]) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", *(f"{name}: {value}" for name, value in headers), "", ""]
    return "\r\n".join(lines).encode("latin-1")


def send(port: int, head: bytes, body_parts: Iterable[bytes] = (), *, timeout: float = 60.0) -> RawResponse:
    """Send ``head`` then the body parts, stopping early if the server answers first."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        sock.sendall(head)
        sent = 0
        for part in body_parts:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break  # the server answered (and will close) before the body ended
            try:
                sock.sendall(part)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(part)
        response = http.client.HTTPResponse(sock)
        response.begin()
        body = response.read()
        headers = {name.lower(): value for name, value in response.getheaders()}
        return RawResponse(response.status, headers, body, sent)
    finally:
        sock.close()


def request(port: int, method: str, path: str, headers: Iterable[tuple[str, str]] = (), body: bytes = b"",
            *, timeout: float = 60.0) -> RawResponse:
    """One request with exactly the given headers (Content-Length added when there is a body)."""
    all_headers = list(headers)
    if body:
        all_headers.append(("Content-Length", str(len(body))))
    all_headers.append(("Connection", "close"))
    return send(port, build_head(method, path, all_headers), [body] if body else [], timeout=timeout)


def chunked(data: bytes, chunk_size: int = 64 * 1024) -> Iterable[bytes]:
    """``data`` in Transfer-Encoding: chunked framing."""
    for offset in range(0, len(data), chunk_size):
        piece = data[offset:offset + chunk_size]
        yield f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    yield b"0\r\n\r\n"


def pieces(data: bytes, size: int = 256 * 1024) -> Iterable[bytes]:
    for offset in range(0, len(data), size):
        yield data[offset:offset + size]
