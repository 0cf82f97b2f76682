"""Run the app on waitress (a production WSGI server) with one log line per request."""
from __future__ import annotations

import ipaddress
import logging
import socket
import time
from typing import Any, Callable

log = logging.getLogger("sourcelight.access")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        try:
            return all(ipaddress.ip_address(info[4][0]).is_loopback for info in socket.getaddrinfo(host, None))
        except OSError:
            return False


class AccessLog:
    """WSGI middleware: method, path (never the query: it may hold search words), status, ms."""

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
                environ.get("REQUEST_METHOD"), environ.get("PATH_INFO"),
                status_holder.get("status", "-"), (time.perf_counter() - started) * 1000,
            )


def serve(app, host: str, port: int, *, threads: int, max_body: int, on_ready: Callable[[str], None]) -> None:
    """Serve until interrupted; calls on_ready(url) once the socket listens."""
    from waitress.server import create_server

    server = create_server(
        AccessLog(app), host=host, port=port, threads=threads,
        # waitress refuses bodies over this size itself, chunked ones included.
        max_request_body_size=max_body + 64 * 1024,
        ident="sourcelight", clear_untrusted_proxy_headers=True,
    )
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
