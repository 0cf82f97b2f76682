"""The companion's gate: which requests may reach a route at all.

Runs before routing, in this order: Host allowlist (DNS rebinding), Origin allowlist (web
pages), bearer token (everything but health). docs/security.md has the threat model.
"""
from __future__ import annotations

import hmac
import logging
import os
import re
import secrets
from pathlib import Path

from flask import Flask, current_app, request

from sourcelight.errors import Forbidden, Unauthorized

log = logging.getLogger(__name__)

TOKEN_FILE = "token"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})
# Routes that answer without a token: they reveal nothing but "a sourcelight is here".
PUBLIC_ENDPOINTS = frozenset({"health.health"})
EXTENSION_ORIGIN = re.compile(r"^(chrome-extension|moz-extension)://([A-Za-z0-9_.\-{}]+)$")


def load_or_create_token(data_dir: str | os.PathLike, *, rotate: bool = False) -> str:
    """The pairing token kept in DATA_DIR/token (mode 0600), created on first use."""
    path = Path(data_dir) / TOKEN_FILE
    if path.exists() and not rotate:
        token = path.read_text(encoding="utf-8").strip()
        if token:
            return token
    token = secrets.token_urlsafe(32)  # 256 bits
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
    os.replace(tmp, path)
    return token


def _host_allowed(host: str | None, port: int) -> bool:
    if not host:
        return False
    host = host.strip().lower()
    name, sep, host_port = host.rpartition(":") if not host.endswith("]") else (host, "", "")
    if not sep:
        name, host_port = host, ""
    if name not in LOOPBACK_HOSTS:
        return False
    # A browser always sends the port for a non-default one; a mismatch means the name was
    # rebound from some other service.
    expected = str(port) if port else ""
    return host_port == expected or (not host_port and expected == "80")


def _origin_allowed(origin: str, allowed_ids: list[str]) -> bool:
    match = EXTENSION_ORIGIN.match(origin)
    if not match:
        return False
    return not allowed_ids or match.group(2) in allowed_ids


def _bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def check_request() -> None:
    """Raise Forbidden or Unauthorized unless the request may proceed."""
    config = current_app.config
    if not config.get("ALLOW_REMOTE") and not _host_allowed(request.host, int(config["PORT"])):
        raise Forbidden("this server only answers requests addressed to 127.0.0.1, localhost or [::1] on its own port")
    origin = request.headers.get("Origin")
    if origin is not None and not _origin_allowed(origin, config["EXTENSION_IDS"]):
        raise Forbidden("requests from web pages are refused; only the sourcelight extension may call this server")
    if request.endpoint in PUBLIC_ENDPOINTS:
        return
    supplied = _bearer_token()
    expected = current_app.extensions["sourcelight"]["token"]
    if supplied is None or not hmac.compare_digest(supplied.encode(), expected.encode()):
        raise Unauthorized("missing or wrong pairing token; pair the extension with the token `sourcelight token` prints")


def _security_headers(response):
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; img-src 'self' https: data:; style-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def init_security(app: Flask) -> None:
    """Resolve the token and install the request gate and response headers."""
    token = app.config.get("TOKEN") or load_or_create_token(app.config["DATA_DIR"])
    app.extensions["sourcelight"]["token"] = token
    app.before_request(check_request)
    app.after_request(_security_headers)
