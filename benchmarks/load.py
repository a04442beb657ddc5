"""Load check of the web API (not a test): N concurrent clients POST an article to
``/api/extract`` on loopback for a fixed time, then latency percentiles, requests/s
and errors are printed.

By default it starts ``saidwhat serve`` itself on a free loopback port and stops it
at the end; ``--url`` points it at a server already running instead. Each client is
a closed loop (send, wait for the answer, send again) over one shared
``httpx.AsyncClient``; every answer is checked (status 200, same number of
quotations as the first answer), anything else counts as an error. Traffic goes to
loopback only and the run stops by itself after ``--duration`` seconds.

Usage::

    python benchmarks/load.py                      # 50 clients, 30 s, 1 worker
    python benchmarks/load.py --workers 2 --json out.json
    python benchmarks/load.py --clients 1 --duration 10   # service time, no queueing
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARTICLE = ROOT / "examples" / "river-port.txt"


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (0–100) of ``values``, linear interpolation."""
    if not values:
        return float("nan")
    xs = sorted(values)
    k = (len(xs) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def session_cpu_seconds(sid: int) -> float | None:
    """User + system CPU time of every live process in session ``sid`` (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    try:
        entries = os.listdir("/proc")
    except OSError:
        return None
    for pid in filter(str.isdigit, entries):
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid:  # fields after "pid (comm)": state ppid pgrp session ...
            total += int(fields[11]) + int(fields[12])  # utime stime
    return total / tick


def start_server(port: int, workers: int) -> subprocess.Popen:
    """``saidwhat serve`` on 127.0.0.1:port, in its own process group."""
    cmd = [sys.executable, "-m", "saidwhat.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--workers", str(workers), "--log-level", "warning"]
    return subprocess.Popen(cmd, cwd=ROOT, start_new_session=True)


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


async def wait_ready(url: str, timeout: float, proc: subprocess.Popen | None) -> dict:
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient(timeout=5) as client:
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                raise RuntimeError(f"the server exited with code {proc.returncode}")
            try:
                r = await client.get(url + "/api/info")
                if r.status_code == 200:
                    return r.json()
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.25)
    raise RuntimeError(f"the server at {url} was not ready after {timeout:.0f} s")


async def run_load(url: str, text: str, *, clients: int, duration: float, timeout: float,
                   warmup: int, server_sid: int | None = None) -> dict:
    """Drive the API; returns the measurements."""
    body = json.dumps({"text": text}).encode()
    headers = {"content-type": "application/json"}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=timeout) as client:
        first = await client.post("/api/extract", content=body, headers=headers)
        first.raise_for_status()
        expected = len(first.json()["quotes"])
        # warm-up: every worker process has parsed at least once (round-robin is not
        # guaranteed, so send a few concurrently)
        await asyncio.gather(*(client.post("/api/extract", content=body, headers=headers)
                               for _ in range(warmup)))

        latencies: list[float] = []
        finished: list[float] = []
        errors: dict[str, int] = {}
        t0 = time.perf_counter()
        end = t0 + duration

        async def one_client() -> None:
            while time.perf_counter() < end:
                start = time.perf_counter()
                try:
                    r = await client.post("/api/extract", content=body, headers=headers)
                    ok = r.status_code == 200 and len(r.json()["quotes"]) == expected
                    err = None if ok else f"HTTP {r.status_code}" if r.status_code != 200 else "wrong answer"
                except (httpx.HTTPError, ValueError) as e:
                    err = type(e).__name__
                if err is None:
                    now = time.perf_counter()
                    latencies.append(now - start)
                    finished.append(now)
                else:
                    errors[err] = errors.get(err, 0) + 1

        load_before = os.getloadavg()[0]
        cpu_server = session_cpu_seconds(server_sid) if server_sid else None
        cpu_client = time.process_time()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        elapsed = time.perf_counter() - t0
        cpu_client = time.process_time() - cpu_client
        if cpu_server is not None:
            cpu_server = session_cpu_seconds(server_sid) - cpu_server
    n_err = sum(errors.values())
    in_window = sum(1 for f in finished if f <= end)
    return {
        "clients": clients, "duration_s": duration,
        "drain_s": round(elapsed - duration, 2),  # answering the requests sent before the end
        "requests": len(latencies) + n_err, "ok": len(latencies), "errors": n_err,
        "error_kinds": errors, "quotes_per_answer": expected,
        # answers completed within the window, per second (requests in flight at the
        # end are answered and checked, but not counted here)
        "requests_per_s": round(in_window / duration, 2),
        "loadavg_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        # CPU seconds per answered request: the server (all its processes) and this client
        "server_cpu_ms_per_request": round(1000 * cpu_server / len(latencies), 1)
        if cpu_server is not None and latencies else None,
        "client_cpu_ms_per_request": round(1000 * cpu_client / len(latencies), 1) if latencies else None,
        "latency_s": {
            "p50": round(percentile(latencies, 50), 3), "p90": round(percentile(latencies, 90), 3),
            "p95": round(percentile(latencies, 95), 3), "p99": round(percentile(latencies, 99), 3),
            "mean": round(statistics.fmean(latencies), 3) if latencies else None,
            "min": round(min(latencies), 3) if latencies else None,
            "max": round(max(latencies), 3) if latencies else None,
        },
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--clients", type=int, default=50, help="concurrent clients (default: 50)")
    p.add_argument("--duration", type=float, default=30, help="seconds of load (default: 30)")
    p.add_argument("--workers", type=int, default=1, help="uvicorn workers of the server started here")
    p.add_argument("--url", help="use this running server (loopback) instead of starting one")
    p.add_argument("--article", type=Path, default=DEFAULT_ARTICLE, help="text file to send")
    p.add_argument("--timeout", type=float, default=120, help="per-request timeout, s (default: 120)")
    p.add_argument("--json", type=Path, metavar="OUT", help="also write the results as JSON")
    args = p.parse_args(argv)
    if args.url and httpx.URL(args.url).host not in ("127.0.0.1", "localhost", "::1"):
        p.error("--url must be a loopback address")

    text = args.article.read_text(encoding="utf-8")
    proc = None
    url = args.url.rstrip("/") if args.url else None
    if url is None:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        proc = start_server(port, args.workers)
    try:
        info = asyncio.run(wait_ready(url, 180, proc))
        result = asyncio.run(run_load(url, text, clients=args.clients, duration=args.duration,
                                      timeout=args.timeout, warmup=2 * max(args.workers, 1),
                                      server_sid=proc.pid if proc is not None else None))
    finally:
        if proc is not None:
            stop_server(proc)
    result.update({
        "server_workers": args.workers if proc is not None else None, "url": url,
        "article": str(args.article.relative_to(ROOT) if args.article.is_relative_to(ROOT) else args.article),
        "article_chars": len(text), "model": info.get("model"), "saidwhat": info.get("version"),
        "cpus": os.cpu_count(), "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d"),
    })
    lat = result["latency_s"]
    print(f"{result['clients']} clients, {result['duration_s']:g} s (+{result['drain_s']} s drain), "
          f"workers={result['server_workers']}: {result['requests']} requests, {result['errors']} errors, "
          f"{result['requests_per_s']} req/s, latency p50 {lat['p50']} s, p95 {lat['p95']} s, "
          f"p99 {lat['p99']} s, max {lat['max']} s; server CPU {result['server_cpu_ms_per_request']} "
          f"ms/request; load average {result['loadavg_1min']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
