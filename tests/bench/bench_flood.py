"""Hostile-origin flood: do legitimate requests keep their normal latency?

Run: .venv/bin/python tests/bench/bench_flood.py [--flood 1000] [--concurrency 50] [--samples 200]

Starts the real server, times legitimate requests (the extension reading an article and
listing articles, no Origin, valid token) alone, then again while a web page's worth of
hostile requests (Origin: https://evil.example; GETs, preflights with Private Network
Access, and POSTs of a 200 KB page, half with the stolen-looking valid token) are fired
concurrently. Prints p50/p95/max of the legitimate requests in both phases, what the
hostile requests got back, and whether any legitimate request failed.
"""
from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.helpers.server import start_server  # noqa: E402
from tests.server.security.hostile_pages import legitimate_page, one_text_node  # noqa: E402

HOSTILE_ORIGIN = "https://evil.example"


def _request(port: int, method: str, path: str, headers: dict, body: bytes | None = None) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers={"Host": f"127.0.0.1:{port}", **headers})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def _legitimate_requests(server, article_id: str):
    auth = {"Authorization": f"Bearer {server.token}"}
    paths = [f"/api/v1/articles/{article_id}", "/api/v1/articles?limit=20", f"/api/v1/articles/{article_id}/highlights"]
    index = 0
    while True:
        yield lambda path=paths[index % len(paths)]: _request(server.port, "GET", path, auth)
        index += 1


def _hostile_request(server, number: int, big_page: bytes) -> int:
    origin = {"Origin": HOSTILE_ORIGIN}
    token = {"Authorization": f"Bearer {server.token}"} if number % 2 else {}
    kind = number % 4
    if kind == 0:
        return _request(server.port, "GET", "/api/v1/articles", {**origin, **token})
    if kind == 1:
        return _request(server.port, "OPTIONS", "/api/v1/articles", {
            **origin, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
            "Access-Control-Request-Private-Network": "true"})
    if kind == 2:
        return _request(server.port, "POST", "/api/v1/articles",
                        {**origin, **token, "Content-Type": "application/json"}, big_page)
    return _request(server.port, "GET", "/api/v1/health", origin)


def _flood_process(port: int, token: str, count: int, concurrency: int, answers) -> None:
    big_page = json.dumps({"url": "https://evil.example/p", "html": one_text_node(200_000)}).encode()
    server = SimpleNamespace(port=port, token=token)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        statuses = Counter(pool.map(lambda n: _hostile_request(server, n, big_page), range(count)))
    answers.put((dict(statuses), time.perf_counter() - started))


def _time_legitimate(requests, stop: threading.Event, minimum: int) -> tuple[list[float], int]:
    latencies, failures = [], 0
    while not stop.is_set() or len(latencies) < minimum:
        send = next(requests)
        started = time.perf_counter()
        status = send()
        latencies.append((time.perf_counter() - started) * 1000)
        failures += status != 200
        if stop.is_set() and len(latencies) >= minimum:
            break
    return latencies, failures


def _summary(label: str, latencies: list[float], failures: int) -> str:
    ordered = sorted(latencies)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return (f"{label:<28} n={len(ordered):<5} p50={statistics.median(ordered):6.2f} ms  "
            f"p95={p95:6.2f} ms  max={ordered[-1]:7.2f} ms  failed={failures}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flood", type=int, default=1000, help="hostile requests to fire")
    parser.add_argument("--concurrency", type=int, default=50, help="hostile requests in flight at once")
    parser.add_argument("--samples", type=int, default=200, help="legitimate requests timed without the flood")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(Path(tmp))
        try:
            status, article, _ = server.request("POST", "/api/v1/articles",
                                                {"url": "https://news.example/a", "html": legitimate_page()})
            if status != 201:
                raise SystemExit(f"could not store the legitimate article: {status} {article}")
            requests = _legitimate_requests(server, article["id"])
            for _ in range(20):  # warm up connections, caches and the database
                next(requests)()
            done = threading.Event()
            done.set()
            quiet = _time_legitimate(requests, done, args.samples)

            stop = threading.Event()
            result: dict = {}
            timer = threading.Thread(target=lambda: result.update(flood=_time_legitimate(requests, stop, 50)))
            # The flood runs in its own process: its threads must not steal this one's GIL
            # from the timer and make the server look slower than it is.
            context = multiprocessing.get_context("spawn")
            answers = context.Queue()
            flood = context.Process(target=_flood_process, args=(server.port, server.token, args.flood,
                                                                 args.concurrency, answers))
            flood.start()
            timer.start()
            statuses, flood_seconds = answers.get(timeout=300)
            flood.join(30)
            stop.set()
            timer.join()
            alive = server.process.poll() is None and server.request("GET", "/api/v1/health", token=None)[0] == 200
        finally:
            server.stop()
    print(f"flood: {args.flood} hostile requests from {HOSTILE_ORIGIN}, {args.concurrency} at a time, "
          f"in {flood_seconds:.2f} s ({args.flood / flood_seconds:.0f} req/s); answers: {statuses}")
    print(_summary("legitimate, no flood", *quiet))
    print(_summary("legitimate, during flood", *result["flood"]))
    print(f"server alive after the flood: {alive}")


if __name__ == "__main__":
    main()
