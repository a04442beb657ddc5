"""saidwhat.batch.progress: the progress bar and end-of-run summary on stderr.

The bar shows articles done/total (when the total is known), quotations found,
articles/s and ETA. It uses tqdm when installed, else a plain one-line display, and
is silent when stderr is not a terminal or with ``quiet``.
"""
from __future__ import annotations

import sys
import time
from typing import IO


def plural(n: int, word: str) -> str:
    """``"1 article"``, ``"2 articles"``, ``"0 quotes"``: a count with its noun."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


class Progress:
    """Progress display for a corpus run.

    Args:
        total: Number of articles expected, or ``None`` when unknown.
        quiet: Show nothing.
        stream: Where to draw (stderr by default).
        initial: Articles already done (e.g. by an interrupted run being resumed).
    """

    def __init__(self, total: int | None, *, quiet: bool = False, stream: IO[str] | None = None,
                 initial: int = 0) -> None:
        self.stream = stream or sys.stderr
        self.enabled = not quiet and getattr(self.stream, "isatty", lambda: False)()
        self.total = total
        self.done = initial
        self.quotes = 0
        self.start = time.monotonic()
        self._initial = initial
        self._bar = None
        self._last = 0.0
        if self.enabled:
            try:
                from tqdm import tqdm

                self._bar = tqdm(total=total, initial=initial, unit="art", file=self.stream,
                                 dynamic_ncols=True, smoothing=0.1, desc="saidwhat")
            except ImportError:
                self._bar = None

    def update(self, articles: int, quotes: int) -> None:
        """Add ``articles`` done and ``quotes`` found."""
        self.done += articles
        self.quotes += quotes
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(articles)
            self._bar.set_postfix(quotes=self.quotes, refresh=False)
            return
        now = time.monotonic()
        if now - self._last < 0.5:
            return
        self._last = now
        elapsed = now - self.start
        rate = (self.done - self._initial) / elapsed if elapsed > 0 else 0.0
        if self.total:
            eta = (self.total - self.done) / rate if rate > 0 else float("inf")
            line = (f"saidwhat {self.done}/{plural(self.total, 'article')}, {plural(self.quotes, 'quote')}, "
                    f"{rate:.1f} art/s, ETA {_hms(eta)}")
        else:
            line = (f"saidwhat {plural(self.done, 'article')}, {plural(self.quotes, 'quote')}, "
                    f"{rate:.1f} art/s")
        self.stream.write("\r" + line.ljust(78))
        self.stream.flush()

    def close(self) -> None:
        """Remove the bar."""
        if self._bar is not None:
            self._bar.close()
        elif self.enabled:
            self.stream.write("\r" + " " * 78 + "\r")
            self.stream.flush()


def _hms(seconds: float) -> str:
    if seconds == float("inf"):
        return "?"
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
