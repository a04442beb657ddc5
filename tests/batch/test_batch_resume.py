"""Resume after SIGKILL: every input article ends up in the output exactly once."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest

from saidwhat.batch.state import Skipper, StagedRun

pytestmark = pytest.mark.slow

SPEAKERS = ["Ana Lopez", "Tom Becker", "Mira Sato", "Paul Weber", "Lena Ortiz"]


def _article(i: int) -> dict:
    who = SPEAKERS[i % len(SPEAKERS)]
    text = (f'"We will finish stage {i} of the works before the summer," {who} said on Monday. '
            f"The council met for the {i}th time this year. " * 3)
    return {"id": f"art-{i:04d}", "outlet": "Gazette", "text": text}


def _write_input(path: Path, n: int) -> list[str]:
    arts = [_article(i) for i in range(n)]
    arts.append(dict(arts[3]))  # a duplicate id: both occurrences must come out, once each
    path.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
    return [a["id"] for a in arts]


def _cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "saidwhat.cli", "extract", *args]


def _chunks(state: Path) -> list[Path]:
    return sorted(state.glob("chunk-*.jsonl")) if state.exists() else []


def _wait_for_chunks(proc, state: Path, n: int, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while len(_chunks(state)) < n:
        assert proc.poll() is None, "the run finished before it could be killed"
        assert time.monotonic() < deadline, "no chunk was committed in time"
        time.sleep(0.02)


def _assert_no_orphans(token: str, timeout: float = 10.0) -> None:
    """The killed run's pool workers exit on their own (they watch their parent)."""
    marker = f"SAIDWHAT_TEST_RUN={token}".encode()
    deadline = time.monotonic() + timeout
    while True:
        left = []
        for d in Path("/proc").glob("[0-9]*"):
            try:
                if marker in (d / "environ").read_bytes():
                    left.append(d.name)
            except OSError:
                continue
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert not left, f"orphaned workers still running: {left}"


def _check_exactly_once(out: Path, ids: list[str]) -> None:
    lines = out.read_text(encoding="utf-8").splitlines()
    recs = [json.loads(line) for line in lines]  # every line is whole JSON
    assert Counter(r["id"] for r in recs) == Counter(ids)
    assert [r["id"] for r in recs] == ids  # and in input order
    assert all(r["quotes"] for r in recs)


def test_batch_resume_after_sigkill_with_two_workers(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = _write_input(src, 120)
    state = Path(str(out) + ".saidwhat-state")
    argv = _cmd(str(src), "-o", str(out), "-w", "2", "-q", "--commit-every", "7")
    token = uuid.uuid4().hex
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "SAIDWHAT_TEST_RUN": token})
    try:
        _wait_for_chunks(proc, state, 2)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists()  # outputs appear only complete, at the end
    done_before = sum(1 for c in _chunks(state) for _ in c.read_text().splitlines())
    assert 0 < done_before < len(ids)
    # Without --resume the run refuses to start over silently.
    r = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "[E102]" in r.stderr
    r = subprocess.run(argv + ["--resume"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    _check_exactly_once(out, ids)
    assert not state.exists()
    _assert_no_orphans(token)
    # Resuming a finished run is a no-op.
    r = subprocess.run(argv + ["--resume"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "nothing to resume" in r.stderr


def test_batch_resume_after_sigkill_reading_stdin(tmp_path):
    """Kill a run that is waiting for more input, mid-stream; resume with the same input."""
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    ids = _write_input(src, 30)
    lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
    state = Path(str(out) + ".saidwhat-state")
    argv = _cmd("-", "--input-format", "jsonl", "-o", str(out), "-w", "1", "-q", "--commit-every", "4")
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for line in lines[:18]:
            proc.stdin.write(line.encode())
        proc.stdin.flush()
        _wait_for_chunks(proc, state, 4)  # 16 articles committed, 2 pending
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert not out.exists() and len(_chunks(state)) == 4
    r = subprocess.run(argv + ["--resume"], input="".join(lines), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    _check_exactly_once(out, ids)


def test_batch_state_load_drops_torn_temp_files(tmp_path):
    run = StagedRun(tmp_path / "o.saidwhat-state", outputs=[str(tmp_path / "o.jsonl")], db=None, keep_text=False)
    run.create()
    run.commit([{"id": "a", "quotes": []}, {"id": "b", "quotes": []}, {"id": "a", "quotes": []}])
    (run.dir / ".chunk-00000002.jsonl.123.tmp").write_text('{"id": "c", "quo')  # torn write
    again = StagedRun(run.dir, outputs=[str(tmp_path / "o.jsonl")], db=None, keep_text=False)
    assert again.load() == 3 and again.run_id == run.run_id and again.seq == 1
    assert not list(run.dir.glob(".*.tmp"))
    skip = Skipper(again.done)
    assert [skip(i) for i in ["a", "b", "a", "a", "c"]] == [True, True, True, False, False]
