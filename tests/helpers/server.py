"""Start the real companion server (`python -m sourcelight serve`) as a subprocess."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

READY_LINE = re.compile(r"listening on (http://\S+)")
DEFAULT_TOKEN = "e2e-test-token-0123456789abcdef0123456789abcdef"


@dataclass
class RunningServer:
    data_dir: Path
    token: str
    env: dict
    args: tuple
    log_path: Path
    url: str = ""
    port: int = 0
    process: subprocess.Popen | None = field(default=None, repr=False)

    def start(self, port: int = 0, timeout: float = 30.0) -> "RunningServer":
        log = open(self.log_path, "ab")
        command = [sys.executable, "-m", "sourcelight", "serve", "--port", str(port),
                   "--data-dir", str(self.data_dir), *self.args]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, env=self.env)
        found: dict[str, str] = {}

        def read_stdout() -> None:
            for raw in self.process.stdout:  # keeps draining so the pipe never fills
                match = READY_LINE.search(raw.decode("utf-8", "replace"))
                if match and "url" not in found:
                    found["url"] = match.group(1)

        threading.Thread(target=read_stdout, daemon=True).start()
        deadline = time.monotonic() + timeout
        while "url" not in found:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}; log:\n{self.log_text()}")
            if time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"server did not start in {timeout}s; log:\n{self.log_text()}")
            time.sleep(0.02)
        self.url = found["url"]
        self.port = int(self.url.rsplit(":", 1)[1])
        return self

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def request(self, method: str, path: str, body=None, *, headers: dict | None = None, token: str | None = "default"):
        """Send one request; returns (status, parsed JSON or raw bytes, headers)."""
        data = json.dumps(body).encode() if body is not None and not isinstance(body, bytes) else body
        all_headers = {"Content-Type": "application/json"} if data is not None else {}
        if token:
            all_headers["Authorization"] = f"Bearer {self.token if token == 'default' else token}"
        all_headers.update(headers or {})
        req = urllib.request.Request(self.url + path, data=data, method=method, headers=all_headers)
        try:
            with urllib.request.urlopen(req, timeout=60) as response:
                status, raw, resp_headers = response.status, response.read(), response.headers
        except urllib.error.HTTPError as error:
            status, raw, resp_headers = error.code, error.read(), error.headers
        try:
            return status, json.loads(raw) if raw else None, resp_headers
        except ValueError:
            return status, raw, resp_headers

    def stop(self, timeout: float = 10.0) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.kill()

    def kill(self) -> None:
        """SIGKILL: no chance to flush or clean up (the crash-safety tests use this)."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def restart(self) -> "RunningServer":
        self.stop()
        return self.start(port=self.port)


def start_server(tmp_path: Path, *, env: dict | None = None, args: tuple = (), token: str = DEFAULT_TOKEN) -> RunningServer:
    """Start the real server on a free loopback port with its own data directory."""
    data_dir = Path(tmp_path) / "data"
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("SOURCELIGHT_")}
    full_env.update({"SOURCELIGHT_TOKEN": token, "PYTHONUNBUFFERED": "1"})
    full_env.update(env or {})
    server = RunningServer(data_dir=data_dir, token=full_env["SOURCELIGHT_TOKEN"], env=full_env,
                           args=tuple(args), log_path=Path(tmp_path) / "server.log")
    return server.start()
