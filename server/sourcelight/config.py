"""Configuration, with one path: defaults here, then SOURCELIGHT_* environment variables,
then the mapping a caller (a test, the CLI) passes to create_app(). Nothing else in the
package reads os.environ."""
from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path
from typing import Any, Mapping

import platformdirs

ENV_PREFIX = "SOURCELIGHT_"

DEFAULTS: dict[str, Any] = {
    # Where the database, the pairing token and backups live. None: the platform's user
    # data directory (e.g. ~/.local/share/sourcelight).
    "DATA_DIR": None,
    # None: SQLite at DATA_DIR/sourcelight.db. A postgresql+psycopg:// URL for a team server.
    "DATABASE_URL": None,
    "HOST": "127.0.0.1",
    "PORT": 8765,
    # Binding anything but loopback exposes the notes to the network: it needs this flag.
    "ALLOW_REMOTE": False,
    # Request bodies over this many bytes get 413 before they are read in full.
    "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
    # The pairing token; None: generated at first start and kept in DATA_DIR/token (0600).
    "TOKEN": None,
    # Extension ids allowed as Origin (chrome-extension://ID, moz-extension://UUID);
    # empty: any extension origin, since the token is the real gate.
    "EXTENSION_IDS": [],
    # Pipeline limits (see pipeline/options.py for why each exists).
    # trafilatura needs ~9 s for 40,000 sibling paragraphs on one core; real articles have
    # a few thousand elements (a long liveblog ~20,000).
    "MAX_ELEMENTS": 30_000,
    "MAX_DEPTH": 400,
    "MAX_TEXT_CHARS": 1_000_000,
    "TIME_BUDGET_SECONDS": 10.0,
    # How many pages may be annotated at once; more wait (then get 503) so that
    # pathological pages cannot starve the highlight routes of worker threads.
    "ANNOTATE_CONCURRENCY": 2,
    "THREADS": 8,
    # Connections: a local process holding hundreds of idle sockets must not lock the
    # extension out. Idle ones are closed after IDLE_TIMEOUT_SECONDS, a request head that
    # takes longer than HEADER_TIMEOUT_SECONDS to arrive (slowloris) too.
    "CONNECTION_LIMIT": 1000,
    "IDLE_TIMEOUT_SECONDS": 15,
    "HEADER_TIMEOUT_SECONDS": 10,
    "TESTING": False,
}

_BOOL_WORDS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def _coerce(key: str, raw: str) -> Any:
    """Turn an environment string into the type of the key's default."""
    default = DEFAULTS.get(key)
    if isinstance(default, bool):
        try:
            return _BOOL_WORDS[raw.strip().lower()]
        except KeyError:
            raise ValueError(f"{ENV_PREFIX}{key} must be a yes/no value, not {raw!r}") from None
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    if isinstance(default, list):
        return [part.strip() for part in raw.split(",") if part.strip()]
    return raw


def load_config(overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Defaults, then SOURCELIGHT_* variables, then ``overrides``; data dir resolved."""
    config = dict(DEFAULTS)
    env = os.environ if environ is None else environ
    for name, raw in env.items():
        if name.startswith(ENV_PREFIX):
            key = name[len(ENV_PREFIX):]
            if key in DEFAULTS:
                config[key] = _coerce(key, raw)
    if overrides:
        config.update(overrides)
    config["DATA_DIR"] = str(resolve_data_dir(config["DATA_DIR"]))
    if not config["DATABASE_URL"]:
        config["DATABASE_URL"] = "sqlite:///" + str(Path(config["DATA_DIR"]) / "sourcelight.db")
    return config


def resolve_data_dir(configured: str | os.PathLike | None) -> Path:
    """The data directory, created readable only by the user (0700) if missing."""
    path = Path(configured) if configured else Path(platformdirs.user_data_dir("sourcelight", appauthor=False))
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (binding anything else needs
    ALLOW_REMOTE)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        try:
            return all(ipaddress.ip_address(info[4][0]).is_loopback for info in socket.getaddrinfo(host, None))
        except OSError:
            return False


def pipeline_options(config: Mapping[str, Any]):
    """The PipelineOptions the configuration asks for."""
    from sourcelight.pipeline.options import PipelineOptions

    return PipelineOptions(
        max_html_chars=int(config["MAX_CONTENT_LENGTH"]),
        max_elements=int(config["MAX_ELEMENTS"]),
        max_depth=int(config["MAX_DEPTH"]),
        max_text_chars=int(config["MAX_TEXT_CHARS"]),
        time_budget_seconds=float(config["TIME_BUDGET_SECONDS"]),
    )
