"""The companion's gate: which requests may reach a route at all, and what leaves the server.

Runs before routing, in this order: Host allowlist (DNS rebinding), Origin allowlist (web
pages), CORS preflights of the extension, body size, bearer token (everything but health).
docs/security.md has the threat model and the reason for each step.
"""
from __future__ import annotations

import hmac
import logging
import os
import re
import secrets
import stat
from pathlib import Path

from flask import Flask, Response, current_app, g, request

from sourcelight.errors import Forbidden, PayloadTooLarge, Unauthorized

log = logging.getLogger(__name__)

TOKEN_FILE = "token"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]"})
# Routes that answer without a token: they reveal nothing but "a sourcelight is here".
PUBLIC_ENDPOINTS = frozenset({"health.health"})
EXTENSION_ORIGIN = re.compile(r"^(chrome-extension|moz-extension)://([A-Za-z0-9_.\-{}]+)$")
# What an extension page may ask for in a preflight. No Allow-Credentials ever: the token
# travels in a header, never in a cookie.
CORS_ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE"
CORS_ALLOW_HEADERS = "Authorization, Content-Type"
CORS_MAX_AGE_SECONDS = "600"
PREFLIGHT_VARY = ("Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers",
                  "Access-Control-Request-Private-Network")
REDACTED = "[redacted-token]"
# Control characters (C0, DEL, C1) and the Unicode line and paragraph separators: in a log
# line they are written as Python escapes, so that no client string can start a new line
# (CR, LF), forge a level, or send terminal escapes (ESC) to whoever reads the log.
_UNSAFE_IN_LOG = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\\]")  # log_safe() escapes the backslash too
_CONTROL_IN_MESSAGE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_IN_TRACEBACK = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # its own newlines stay


def load_or_create_token(data_dir: str | os.PathLike, *, rotate: bool = False) -> str:
    """The pairing token kept in DATA_DIR/token (mode 0600), created on first use."""
    path = Path(data_dir) / TOKEN_FILE
    if path.exists() and not rotate:
        token = path.read_text(encoding="utf-8").strip()
        if token:
            os.chmod(path, 0o600)  # a copy restored from a backup may have come back wider
            return token
    token = secrets.token_urlsafe(32)  # 256 bits
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # O_CREAT's mode does not apply to a stale .tmp left by a crash
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
    os.replace(tmp, path)
    return token


def host_allowed(host: str | None, port: int) -> bool:
    """Exact match on a loopback name and this server's port; no substring tricks."""
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


def origin_allowed(origin: str, allowed_ids: list[str]) -> bool:
    """True for chrome-extension:// and moz-extension:// origins (of the listed ids, if any)."""
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


def _is_preflight() -> bool:
    return request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers


def _preflight_response(origin: str) -> Response:
    """204 with the allow headers, for an allowed extension origin only."""
    response = Response(status=204)
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Access-Control-Allow-Methods"] = CORS_ALLOW_METHODS
    response.headers["Access-Control-Allow-Headers"] = CORS_ALLOW_HEADERS
    response.headers["Access-Control-Max-Age"] = CORS_MAX_AGE_SECONDS
    # Chrome's Private Network Access asks before a request to loopback. Only the
    # extension gets the opt-in; a web page's preflight was refused above.
    if request.headers.get("Access-Control-Request-Private-Network", "").lower() == "true":
        response.headers["Access-Control-Allow-Private-Network"] = "true"
    for name in PREFLIGHT_VARY:
        response.vary.add(name)
    return response


def check_request() -> Response | None:
    """Raise Forbidden, PayloadTooLarge or Unauthorized unless the request may proceed.

    Returns the answer to an extension's CORS preflight (which never carries the token).
    """
    config = current_app.config
    # The raw header, not request.host: that falls back to SERVER_NAME when Host is missing.
    if not config.get("ALLOW_REMOTE") and not host_allowed(request.headers.get("Host"), int(config["PORT"])):
        raise Forbidden("this server only answers requests addressed to 127.0.0.1, localhost or [::1] on its own port")
    origin = request.headers.get("Origin")
    if origin is not None and not origin_allowed(origin, config["EXTENSION_IDS"]):
        raise Forbidden("requests from web pages are refused; only the sourcelight extension may call this server")
    g.cors_origin = origin  # passed both checks: this response may carry CORS headers
    if origin is not None and _is_preflight() and request.url_rule is not None:
        return _preflight_response(origin)
    limit = config.get("MAX_CONTENT_LENGTH")
    if limit and (request.content_length or 0) > int(limit):
        raise PayloadTooLarge(f"the request body is larger than the {int(limit):,} bytes this server accepts")
    if request.endpoint in PUBLIC_ENDPOINTS:
        return None
    supplied = _bearer_token()
    expected = current_app.extensions["sourcelight"]["token"]
    if supplied is None or not hmac.compare_digest(supplied.encode(), expected.encode()):
        raise Unauthorized("missing or wrong pairing token; pair the extension with the token `sourcelight token` prints")
    return None


def _response_headers(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; img-src 'self' https: data:; style-src 'self'; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    response.headers["Cache-Control"] = "no-store"
    response.vary.add("Origin")  # caches must not hand one origin's answer to another
    origin = g.get("cors_origin")
    if origin is not None:
        response.headers["Access-Control-Allow-Origin"] = origin
    return response


def log_safe(text: str | None) -> str:
    """A client-supplied string for a log line: control characters and backslashes repr-escaped
    ("\\n", "\\x1b", "\\\\"), so that it stays on its line and says exactly what was sent."""
    if text is None:
        return "-"
    return _UNSAFE_IN_LOG.sub(_escape, text)


def _escape(match: re.Match) -> str:
    return repr(match.group())[1:-1]


class TokenRedactingFilter(logging.Filter):
    """Every line the server logs: the pairing token replaced, control characters escaped.

    Installed on the root logger's handlers, so it covers what libraries log too (waitress
    logs the request path with an exception). A traceback keeps its own line breaks, and
    each of its lines is indented, so that an exception message cannot pass for a log line.
    """

    def __init__(self) -> None:
        super().__init__("sourcelight-token-redaction")
        self.tokens: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = _CONTROL_IN_MESSAGE.sub(_escape, self._redact(record.getMessage())), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and not getattr(record, "_sourcelight_safe", False):
            text = _CONTROL_IN_TRACEBACK.sub(_escape, self._redact(record.exc_text))
            record.exc_text = "\n".join("    " + line for line in text.split("\n"))
            record._sourcelight_safe = True  # several handlers share the filter: indent once
        return True

    def _redact(self, text: str) -> str:
        for token in self.tokens:
            text = text.replace(token, REDACTED)
        return text


_redaction = TokenRedactingFilter()


def install_token_redaction(token: str) -> None:
    """Redact ``token`` from every line the root logger's handlers write."""
    if token:
        _redaction.tokens.add(token)
    for handler in logging.getLogger().handlers:
        if _redaction not in handler.filters:
            handler.addFilter(_redaction)


def warn_if_data_dir_is_shared(data_dir: str | os.PathLike) -> None:
    """Log a warning when other users can list or read the data directory.

    config.resolve_data_dir creates it 0700 and the store creates the database 0600, but a
    directory the user made (or restored from a backup) keeps whatever mode it has.
    """
    path = Path(data_dir)
    if stat.S_IMODE(path.stat().st_mode) & 0o077:
        log.warning("the data directory %s is readable by other users; run: chmod 700 %s", path, path)


def init_security(app: Flask) -> None:
    """Resolve the token, check the data dir's mode, install the request gate and response headers."""
    token = app.config.get("TOKEN") or load_or_create_token(app.config["DATA_DIR"])
    app.extensions["sourcelight"]["token"] = token
    install_token_redaction(token)
    warn_if_data_dir_is_shared(app.config["DATA_DIR"])
    app.before_request(check_request)
    app.after_request(_response_headers)
