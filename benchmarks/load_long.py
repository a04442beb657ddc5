"""Load check of the web API with a hostile neighbour (issue 12; not a test).

Starts ``saidwhat serve`` on a free loopback port, then measures the latency of N
clients (default 20) sending an ordinary article (``examples/river-port.txt``) in
closed loops for ``--duration`` seconds, twice: alone, then while one more client
keeps sending a 900,000-character unpunctuated text (which the server cuts off at
its ``--timeout`` and answers 504). The check passes when the ordinary clients' p95
with the long text is under twice their p95 without it.

Usage::

    python benchmarks/load_long.py                       # 20 clients, 30 s each, 1 worker
    python benchmarks/load_long.py --workers 2 --json out.json
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import (DEFAULT_ARTICLE, ROOT, free_port, run_load, stop_server,  # noqa: E402
                  wait_ready)


def unpunctuated(chars: int, seed: int = 12) -> str:
    """``chars`` characters of lowercase words and spaces: no sentence ever ends."""
    rng = random.Random(seed)
    words = ("the", "harbour", "council", "said", "would", "mayor", "river", "port", "boats",
             "water", "workers", "because", "and", "that", "quay", "spring", "rebuild", "city")
    out, n = [], 0
    while n < chars:
        w = rng.choice(words)
        out.append(w)
        n += len(w) + 1
    return " ".join(out)[:chars]


async def long_client(url: str, text: str, end: float, timeout: float) -> dict:
    """Send ``text`` again and again until ``end``; count the answers by status."""
    body = json.dumps({"text": text}).encode()
    statuses: dict[str, int] = {}
    durations: list[float] = []
    async with httpx.AsyncClient(base_url=url, timeout=timeout) as client:
        while time.perf_counter() < end:
            t0 = time.perf_counter()
            try:
                r = await client.post("/api/extract", content=body,
                                      headers={"content-type": "application/json"})
                key = str(r.status_code)
            except httpx.HTTPError as e:
                key = type(e).__name__
            statuses[key] = statuses.get(key, 0) + 1
            durations.append(round(time.perf_counter() - t0, 2))
    return {"chars": len(text), "answers": statuses, "seconds_each": durations}


async def with_long(url: str, article: str, long_text: str, args) -> tuple[dict, dict]:
    end = time.perf_counter() + args.duration + 2  # the long client starts first
    task = asyncio.ensure_future(long_client(url, long_text, end, args.server_timeout + 60))
    await asyncio.sleep(2)  # its request is being parsed
    normal = await run_load(url, article, clients=args.clients, duration=args.duration,
                            timeout=args.server_timeout + 60, warmup=0)
    return normal, await task


def start_server(port: int, args) -> "subprocess.Popen":
    import subprocess

    cmd = [sys.executable, "-m", "saidwhat.cli", "serve", "--host", "127.0.0.1", "--port",
           str(port), "--workers", str(args.workers), "--timeout", str(args.server_timeout),
           "--log-level", "warning"]
    return subprocess.Popen(cmd, cwd=ROOT, start_new_session=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--clients", type=int, default=20, help="ordinary clients (default: 20)")
    p.add_argument("--duration", type=float, default=30, help="seconds per phase (default: 30)")
    p.add_argument("--workers", type=int, default=1, help="saidwhat serve --workers (default: 1)")
    p.add_argument("--server-timeout", type=float, default=30,
                   help="saidwhat serve --timeout (default: 30)")
    p.add_argument("--long-chars", type=int, default=900_000,
                   help="length of the unpunctuated text (default: 900000)")
    p.add_argument("--article", type=Path, default=DEFAULT_ARTICLE)
    p.add_argument("--json", type=Path, metavar="OUT", help="also write the results as JSON")
    args = p.parse_args(argv)

    article = args.article.read_text(encoding="utf-8")
    long_text = unpunctuated(args.long_chars)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = start_server(port, args)
    try:
        info = asyncio.run(wait_ready(url, 300, proc))
        alone = asyncio.run(run_load(url, article, clients=args.clients, duration=args.duration,
                                     timeout=args.server_timeout + 60, warmup=2 * args.workers))
        loaded, long_result = asyncio.run(with_long(url, article, long_text, args))
    finally:
        stop_server(proc)
    p95_alone, p95_loaded = alone["latency_s"]["p95"], loaded["latency_s"]["p95"]
    ratio = p95_loaded / p95_alone if p95_alone else float("inf")
    ok = ratio < 2 and not loaded["errors"] and not alone["errors"]
    result = {
        "check": "pass" if ok else "FAIL", "p95_ratio": round(ratio, 2),
        "alone": alone, "with_long_text": loaded, "long_client": long_result,
        "workers": args.workers, "server_timeout_s": args.server_timeout,
        "article_chars": len(article), "model": info.get("model"), "saidwhat": info.get("version"),
        "cpus": os.cpu_count(), "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d"),
    }
    for name, r in (("alone", alone), ("with the long text", loaded)):
        lat = r["latency_s"]
        print(f"{args.clients} clients {name}: {r['ok']} answers, {r['errors']} errors, "
              f"{r['requests_per_s']} req/s, p50 {lat['p50']} s, p95 {lat['p95']} s, "
              f"max {lat['max']} s")
    print(f"long client ({len(long_text):,} chars): {long_result['answers']} "
          f"in {long_result['seconds_each']} s")
    print(f"p95 ratio {ratio:.2f} (must be < 2): {result['check']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
