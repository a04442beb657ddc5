"""saidwhat.batch.state: resumable, exactly-once output through committed chunk files.

A run writes its results to a state directory next to its first output
(``OUT.saidwhat-state/``, or ``DB.saidwhat-state/`` for a store-only run):

* ``manifest.json``: run id, outputs, start time;
* ``chunk-00000001.jsonl``, ...: committed results, one article record per line
  (``{"id", <meta>, "quotes"[, "error"][, "text"]}``) in input order. Each chunk is
  written to a temporary file, flushed, ``fsync``-ed and renamed into place (then
  the directory is ``fsync``-ed), so a chunk is either complete or absent, whatever
  kills the process (SIGKILL and power loss included).

The ids in committed chunks are the done set. A resumed run re-reads the inputs in
the same order and skips each article whose ``(id, occurrence)`` is already done, so
duplicate ids in the input are each processed once. When all inputs are done,
:meth:`StagedRun.finalize` writes every output to a temporary name and renames it
over the destination (the store is loaded in one transaction), then deletes the
state directory. A run killed during finalisation finalises again on resume.
"""
from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..io.jsonl import STORE_TEXT, dumps

MANIFEST = "manifest.json"


def state_dir_for(outputs: list[str], db: str | None) -> Path:
    """Return the state directory of a run writing ``outputs`` and/or ``db``."""
    anchor = outputs[0] if outputs else db
    if anchor is None:
        raise ValueError("a staged run needs --out or --db")
    return Path(str(anchor) + ".saidwhat-state")


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temp file, fsync, rename, fsync dir)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


class StagedRun:
    """The state directory of one run (new or resumed).

    Args:
        state_dir: The directory (see :func:`state_dir_for`).
        outputs: Output files of the run (recorded in the manifest).
        db: DuckDB file of the run, if any.
        keep_text: Keep article texts in the chunks (needed by the store).
    """

    def __init__(self, state_dir: Path, *, outputs: list[str], db: str | None,
                 keep_text: bool) -> None:
        self.dir = Path(state_dir)
        self.outputs = outputs
        self.db = db
        self.keep_text = keep_text
        self.done: Counter[str] = Counter()
        self.seq = 0
        self.run_id = uuid.uuid4().hex
        self.started = time.time()

    # -- lifecycle ---------------------------------------------------------------------
    def exists(self) -> bool:
        """Whether an earlier run left state here."""
        return (self.dir / MANIFEST).exists()

    def create(self) -> None:
        """Start a new state directory (removing any earlier one)."""
        if self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)
        manifest = {"run_id": self.run_id, "outputs": [os.path.abspath(o) for o in self.outputs],
                    "db": self.db and os.path.abspath(self.db),
                    "keep_text": self.keep_text, "started": self.started}
        atomic_write_bytes(self.dir / MANIFEST, json.dumps(manifest).encode())

    def manifest(self) -> dict[str, Any]:
        """The manifest of the run that created this state directory."""
        return json.loads((self.dir / MANIFEST).read_text())

    def load(self) -> int:
        """Load an earlier run's state: run id, committed chunks and done ids.

        Leftover temporary files (a chunk being written when the run was killed) are
        deleted.

        Returns:
            The number of articles already done.
        """
        manifest = json.loads((self.dir / MANIFEST).read_text())
        self.run_id = manifest["run_id"]
        self.started = manifest.get("started", self.started)
        self.keep_text = self.keep_text or manifest.get("keep_text", False)
        for tmp in self.dir.glob(".*.tmp"):
            tmp.unlink()
        for chunk in self.chunks():
            self.seq = max(self.seq, int(chunk.stem.split("-")[1]))
            for rec in _iter_chunk(chunk):
                self.done[rec["id"]] += 1
        return sum(self.done.values())

    def discard(self) -> None:
        """Delete the state directory."""
        shutil.rmtree(self.dir, ignore_errors=True)

    # -- chunks ------------------------------------------------------------------------
    def chunks(self) -> list[Path]:
        """Committed chunk files, in commit order."""
        return sorted(self.dir.glob("chunk-*.jsonl"))

    def commit(self, records: list[dict[str, Any]]) -> Path | None:
        """Commit article records as the next chunk (atomically).

        Args:
            records: Article records in input order (``text`` dropped unless kept).

        Returns:
            The chunk's path, or ``None`` when ``records`` is empty.
        """
        if not records:
            return None
        self.seq += 1
        path = self.dir / f"chunk-{self.seq:08d}.jsonl"
        lines = []
        for rec in records:
            if not self.keep_text:
                rec = {k: v for k, v in rec.items() if k != STORE_TEXT}
            lines.append(dumps(rec))
        atomic_write_bytes(path, ("\n".join(lines) + "\n").encode("utf-8"))
        return path

    def records(self) -> Iterator[dict[str, Any]]:
        """All committed article records, in input order."""
        for chunk in self.chunks():
            yield from _iter_chunk(chunk)


def _iter_chunk(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


class Skipper:
    """Filter out articles already done, counting occurrences of each id.

    Args:
        done: How many times each id is already in the committed outputs.
    """

    def __init__(self, done: Counter[str]) -> None:
        self.remaining = Counter(done)
        self.skipped = 0

    def __call__(self, article_id: str) -> bool:
        """Return True if this occurrence of ``article_id`` is already done."""
        if self.remaining.get(article_id, 0) > 0:
            self.remaining[article_id] -= 1
            self.skipped += 1
            return True
        return False
