"""Run the app on waitress (a production WSGI server): one log line per request, with what the
client sent escaped; connections bounded in number, idle time and time to send a request head.
"""
from __future__ import annotations

import logging
import time
from typing import Any, Callable

from sourcelight.security import log_safe

log = logging.getLogger("sourcelight.access")
server_log = logging.getLogger(__name__)

# Descriptors the server needs besides its connections (database, workers' pipes, logs).
SPARE_DESCRIPTORS = 256


def _wsgi_text(value: str | None) -> str | None:
    # WSGI hands the path over as latin-1 decoded bytes; show what the client meant (UTF-8).
    if value is None:
        return None
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


class AccessLog:
    """WSGI middleware: method, path (never the query: it may hold search words), status, ms.

    Method and path come from the client (any <img> on a web page can choose the path): both
    are escaped by log_safe().
    """

    def __init__(self, app: Callable):
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable):
        started = time.perf_counter()
        status_holder: dict[str, str] = {}

        def recording_start_response(status, headers, exc_info=None):
            status_holder["status"] = status.split(" ", 1)[0]
            return start_response(status, headers, exc_info)

        try:
            return self.app(environ, recording_start_response)
        finally:
            log.info(
                "%s %s %s %.1fms",
                log_safe(_wsgi_text(environ.get("REQUEST_METHOD"))), log_safe(_wsgi_text(environ.get("PATH_INFO"))),
                status_holder.get("status", "-"), (time.perf_counter() - started) * 1000,
            )


def serve(app, host: str, port: int, *, threads: int, max_body: int, on_ready: Callable[[str], None]) -> None:
    """Serve until interrupted; calls on_ready(url) once the socket listens.

    Connection limits come from app.config: CONNECTION_LIMIT, IDLE_TIMEOUT_SECONDS,
    HEADER_TIMEOUT_SECONDS (see config.py).
    """
    from waitress.server import create_server

    limit = _descriptor_room(int(app.config["CONNECTION_LIMIT"]))
    server = create_server(
        AccessLog(app), host=host, port=port, threads=threads,
        # waitress refuses bodies over this size itself, chunked ones included.
        max_request_body_size=max_body + 64 * 1024,
        ident="sourcelight", clear_untrusted_proxy_headers=True,
        # Idle sockets held by a local process must not lock the extension out (waitress's
        # defaults, 100 connections kept 120 s, did with 101): room for many, closed soon.
        connection_limit=limit, channel_timeout=int(app.config["IDLE_TIMEOUT_SECONDS"]),
        cleanup_interval=1,
    )
    _add_header_deadline(server, float(app.config["HEADER_TIMEOUT_SECONDS"]))
    effective_port = server.effective_port
    app.config["PORT"] = effective_port
    shown = f"[{host}]" if ":" in host else host
    on_ready(f"http://{shown}:{effective_port}")
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def _descriptor_room(wanted: int) -> int:
    """Raise the open-file limit for ``wanted`` connections if allowed; the limit that fits."""
    try:
        import resource
    except ImportError:  # not on POSIX: the platform's limits apply
        return wanted
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    needed = wanted + SPARE_DESCRIPTORS
    if soft != resource.RLIM_INFINITY and soft < needed:
        target = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    if soft != resource.RLIM_INFINITY and soft < needed:
        fitting = max(16, soft - SPARE_DESCRIPTORS)
        server_log.warning("only %d open files allowed: serving at most %d connections, not %d", soft, fitting, wanted)
        return fitting
    return wanted


def _add_header_deadline(server, seconds: float) -> None:
    """Close a connection whose request head has not arrived in full ``seconds`` after it began.

    waitress's channel_timeout only closes connections that send nothing; one byte every few
    seconds (slowloris) would keep a connection forever.
    """
    from waitress.channel import HTTPChannel

    class HeaderDeadlineChannel(HTTPChannel):
        head_started = 0.0

        def received(self, data):
            if data and self.request is None:
                self.head_started = time.time()  # the first bytes of a new request
            return super().received(data)

    base_maintenance = server.maintenance

    def maintenance(now: float) -> None:
        base_maintenance(now)  # idle connections (channel_timeout)
        for channel in list(server.active_channels.values()):
            request = getattr(channel, "request", None)
            if request is not None and not request.headers_finished and now - channel.head_started > seconds:
                channel.will_close = True

    server.channel_class = HeaderDeadlineChannel
    server.maintenance = maintenance
