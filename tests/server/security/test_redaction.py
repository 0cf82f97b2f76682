"""The token never reaches a log line, even when some code tries to print it."""
from __future__ import annotations

import logging

from sourcelight.security import REDACTED, install_token_redaction


def test_a_log_line_holding_the_token_is_redacted():
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    handler = Collect()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        token = "tok-" + "z" * 40
        install_token_redaction(token)
        logging.getLogger("some.library").warning("request headers: %s", {"Authorization": f"Bearer {token}"})
        logging.getLogger("some.library").warning("nothing secret here")
        try:
            raise ValueError(f"bad header Bearer {token}")
        except ValueError:
            logging.getLogger("some.library").exception("failed")
    finally:
        root.removeHandler(handler)
    assert token not in records[0] and REDACTED in records[0]
    assert records[1] == "nothing secret here"
    assert "ValueError" in records[2] and token not in records[2]
