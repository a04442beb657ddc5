"""saidwhat.batch.worker: extraction inside one process, with the model loaded once.

Used in-process for ``--workers 1`` and as the initializer/task of each pool process
otherwise. Tasks carry only ``(text, ...)``; ids and metadata stay in the parent.
"""
from __future__ import annotations

import os
import warnings
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..errors import Warnings

_NLP = None
_BATCH_SIZE = 32
_TIMEOUT: float | None = None

#: One article's outcome: (quotation records, None) or ([], error message).
Outcome = tuple[list[dict[str, Any]], "str | None"]


def init_worker(model: str | None, batch_size: int = 32, timeout: float | None = None) -> None:
    """Load the pipeline once for this process (pool initializer).

    Args:
        model: spaCy pipeline name or path, ``None`` for the default.
        batch_size: Texts per ``nlp.pipe`` batch.
        timeout: Time budget per task and per retried article, seconds (see
            :func:`process_texts`).
    """
    global _NLP, _BATCH_SIZE, _TIMEOUT
    _watch_parent(os.getppid())
    # Keep each worker on one thread: N workers on N cores, no oversubscription.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    from ..api import load

    _NLP = load(model)
    _BATCH_SIZE = batch_size
    _TIMEOUT = timeout


@lru_cache(maxsize=2)
def get_nlp(model: str | None = None):
    """Load a pipeline once per process and keep it (in-process runs, tests)."""
    from ..api import load

    return load(model)


def _watch_parent(parent: int, interval: float = 0.5) -> None:
    """Exit this worker when its parent dies (e.g. SIGKILL), instead of lingering."""
    import threading
    import time

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="saidwhat-parent-watch", daemon=True).start()


def _outcome(doc) -> Outcome:
    quotes = doc._.quotes
    if quotes is None:
        return [], "the saidwhat component did not run"
    return [q.to_dict() for q in quotes], None


class ArticleTimeout(Exception):
    """Raised (by SIGALRM) when extraction exceeds its time budget."""


def _on_alarm(signum, frame):  # noqa: ARG001
    raise ArticleTimeout()


def _can_alarm() -> bool:
    import signal
    import threading

    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def process_texts(texts: list[str], nlp=None, batch_size: int | None = None, *,
                  timeout: float | None = None) -> list[Outcome]:
    """Extract quotations from a list of texts, isolating failures per article.

    The texts go through ``nlp.pipe`` in batches; if a batch raises (or runs out of
    time), the articles not yet done are retried one by one so that only the failing
    ones are lost.

    Args:
        texts: Article texts.
        nlp: Pipeline to use; the worker's own (from :func:`init_worker`) by default.
        batch_size: Texts per ``nlp.pipe`` batch; the worker's setting by default.
        timeout: Time budget in seconds for the whole list, and then for each article
            retried alone; an article over budget fails with "timed out". Needs the
            main thread of a Unix process (SIGALRM); ignored elsewhere. ``None``: none.

    Returns:
        One :data:`Outcome` per text, in order.
    """
    nlp = nlp or _NLP
    if nlp is None:
        raise RuntimeError("init_worker() was not called in this process")
    timeout = timeout if timeout is None else (timeout if timeout > 0 and _can_alarm() else None)
    with warnings.catch_warnings():
        # Per-mark warnings (W001 stray mark, W002 unclosed quote) are normal in news and
        # would flood a corpus run's stderr; the records carry flags for them.
        warnings.filterwarnings("ignore", message=r"\[W00[12]\]")
        if timeout is None:
            return _process(texts, nlp, batch_size or _BATCH_SIZE, None)
        import signal

        previous = signal.signal(signal.SIGALRM, _on_alarm)
        try:
            return _process(texts, nlp, batch_size or _BATCH_SIZE, timeout)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _arm(seconds: float | None) -> None:
    if seconds is not None:
        import signal

        signal.setitimer(signal.ITIMER_REAL, seconds)


def _process(texts: list[str], nlp, batch_size: int, timeout: float | None) -> list[Outcome]:
    limit = getattr(nlp, "max_length", None)
    if limit is not None and any(len(t) > limit for t in texts):
        # an article over spaCy's max_length is extracted in paragraph-aligned pieces
        # (saidwhat.api.split_long), alone and within its own time budget
        short = [i for i, t in enumerate(texts) if len(t) <= limit]
        done = dict(zip(short, _process([texts[i] for i in short], nlp, batch_size, timeout)))
        return [done[i] if i in done else _process_long(t, nlp, timeout) for i, t in enumerate(texts)]
    out: list[Outcome] = []
    try:
        _arm(timeout)
        for doc in nlp.pipe(texts, batch_size=batch_size):
            out.append(_outcome(doc))
        _arm(0 if timeout else None)
        return out
    except Exception:  # noqa: BLE001 - includes ArticleTimeout; retry one by one below
        _arm(0 if timeout else None)
    out.extend(_alone(lambda t=text: _outcome(nlp(t)), timeout) for text in texts[len(out):])
    return out


def _process_long(text: str, nlp, timeout: float | None) -> Outcome:
    """:data:`Outcome` of one text over ``nlp.max_length`` (``saidwhat.api._extract_long``)."""
    from ..api import _extract_long

    return _alone(lambda: ([q.to_dict() for q in _extract_long(text, nlp)], None), timeout)


def _alone(extract: Callable[[], Outcome], timeout: float | None) -> Outcome:
    """Run one article's ``extract`` within its time budget; a failure or a time-out is
    its :data:`Outcome` (no quotations, the reason), never an exception."""
    try:
        _arm(timeout)
        result = extract()
        _arm(0 if timeout else None)
        return result
    except ArticleTimeout:
        return [], f"timed out after {timeout:g} s"
    except Exception as e:  # noqa: BLE001
        _arm(0 if timeout else None)
        return [], f"{type(e).__name__}: {e}"


def failure_message(article_id: str, error: str) -> str:
    """Return the W003 warning for a failed article."""
    return Warnings.W003.format(id=article_id, error=error)


def peak_rss_mb() -> float:
    """Peak resident set size of this process, in MiB (Linux/macOS)."""
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def worker_peak_rss_mb(_: Any = None) -> tuple[int, float]:
    """Return ``(pid, peak RSS in MiB)`` of the calling worker (benchmarks)."""
    return os.getpid(), peak_rss_mb()


def run_task(texts: list[str]) -> tuple[list[Outcome], int, float]:
    """Pool task: :func:`process_texts` plus this worker's pid and peak RSS (MiB)."""
    return process_texts(texts, timeout=_TIMEOUT), os.getpid(), peak_rss_mb()
