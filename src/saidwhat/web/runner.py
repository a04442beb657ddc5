"""saidwhat.web.runner: where the web app runs the spaCy pipeline, off the event loop.

Two runners with one interface (``start``, ``extract``, ``close``, ``model``,
``max_length``):

* :class:`ThreadRunner` (``saidwhat serve --workers 1``): the pipeline lives in the
  server process and parses in a worker thread, one call at a time (``nlp`` is not
  shared between threads, and parsing holds the GIL anyway).
* :class:`ProcessRunner` (``--workers N``, N > 1): N processes, each loading the
  pipeline once at start-up, fed from one FIFO queue by the single server process.
  Every request goes to the next free process, so all cores are used and requests
  are served in arrival order (N uvicorn workers would instead pin each keep-alive
  connection to one process, and a busy one's clients would wait longer).

Both call :func:`saidwhat.extract_many`, the call behind ``saidwhat extract``.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import anyio
from spacy.language import Language

from .. import extract_many, load

Records = list[list[dict[str, Any]]]

#: Seconds a model process may take to load the pipeline before start-up fails.
LOAD_TIMEOUT = 600


def extract_records(nlp: Language, texts: list[str]) -> Records:
    """Quotation records (:meth:`saidwhat.Quote.to_dict`) of each text, in order."""
    return [[q.to_dict() for q in quotes] for quotes in extract_many(texts, nlp=nlp, batch_size=8)]


def _model_name(nlp: Any) -> str | None:
    meta = getattr(nlp, "meta", None) or {}
    return f"{meta['lang']}_{meta['name']}" if meta.get("lang") and meta.get("name") else None


class ThreadRunner:
    """The pipeline in this process, run in a worker thread.

    Args:
        model: Pipeline to load at :meth:`start` when ``nlp`` is not given.
        nlp: An already loaded pipeline (tests share one).
    """

    def __init__(self, model: str | None = None, *, nlp: Language | None = None) -> None:
        self._model = model
        self.nlp = nlp
        self._limiter: anyio.CapacityLimiter | None = None

    async def start(self) -> None:
        """Load the pipeline (in a thread) unless it was given."""
        if self.nlp is None:
            self.nlp = await anyio.to_thread.run_sync(load, self._model)
        self._limiter = anyio.CapacityLimiter(1)

    @property
    def model(self) -> str | None:
        return _model_name(self.nlp) or self._model

    @property
    def max_length(self) -> int:
        return getattr(self.nlp, "max_length", 1_000_000)

    async def extract(self, texts: list[str]) -> Records:
        """Records of each text; the event loop stays free meanwhile."""
        return await anyio.to_thread.run_sync(extract_records, self.nlp, texts, limiter=self._limiter)

    async def close(self) -> None:
        """Nothing to release."""


# --- model processes ------------------------------------------------------------------------

_NLP: Language | None = None  # the pipeline of a model process


def _init_process(model: str | None, barrier: Any) -> None:
    """Initializer of a model process: load the pipeline, then (at start-up) wait for
    the others, so that each start-up call is answered by a different process."""
    global _NLP
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops the server, which stops us
    _NLP = load(model)
    if barrier is not None:
        barrier.wait(LOAD_TIMEOUT)


def _process_info() -> dict[str, Any]:
    return {"pid": os.getpid(), "model": _model_name(_NLP), "max_length": _NLP.max_length}


def _process_extract(texts: list[str]) -> Records:
    return extract_records(_NLP, texts)


class ProcessRunner:
    """N model processes behind one FIFO queue.

    Args:
        model: Pipeline each process loads.
        processes: Number of processes (about one per core).
    """

    def __init__(self, model: str | None = None, *, processes: int = 2) -> None:
        self._model = model
        self.processes = processes
        self._pool: ProcessPoolExecutor | None = None
        self._info: dict[str, Any] = {}

    def _new_pool(self, *, wait_for_all: bool = False) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
        barrier = ctx.Barrier(self.processes) if wait_for_all else None
        return ProcessPoolExecutor(self.processes, mp_context=ctx, initializer=_init_process,
                                   initargs=(self._model, barrier))

    async def start(self) -> None:
        """Start the processes and return once every one has loaded the pipeline.

        Raises:
            concurrent.futures.process.BrokenProcessPool: a process failed to load it
                (e.g. the model is not installed).
        """
        self._pool = self._new_pool(wait_for_all=True)
        loop = asyncio.get_running_loop()
        infos = await asyncio.gather(*(loop.run_in_executor(self._pool, _process_info)
                                       for _ in range(self.processes)))
        self._info = infos[0]

    @property
    def model(self) -> str | None:
        return self._info.get("model") or self._model

    @property
    def max_length(self) -> int:
        return self._info.get("max_length", 1_000_000)

    async def extract(self, texts: list[str]) -> Records:
        """Records of each text, from the next free process.

        Raises:
            concurrent.futures.process.BrokenProcessPool: a process died during the
                call; the pool is replaced for the next calls.
        """
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._pool, _process_extract, texts)
        except BrokenProcessPool:
            old, self._pool = self._pool, self._new_pool()
            old.shutdown(wait=False, cancel_futures=True)
            raise

    async def close(self) -> None:
        """Stop the processes (calls in progress finish first)."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await anyio.to_thread.run_sync(lambda: pool.shutdown(wait=True, cancel_futures=True))
