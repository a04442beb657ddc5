"""saidwhat.web.runner: where the web app runs the spaCy pipeline, off the event loop.

Two runners with one interface (``start``, ``extract(texts, timeout=)``, ``close``,
``model``, ``max_length``):

* :class:`ProcessRunner` (``saidwhat serve``, any ``--workers N``): N model
  processes, each loading the pipeline once at start-up, fed from one FIFO queue by
  the single server process, plus one process (at a lower CPU priority) for requests
  longer than ``long_chars`` characters, so that a huge article never holds the
  processes of ordinary ones. A call that exceeds its time limit or is cancelled (the
  client went away, the server stops) kills the process doing it, and a new one is
  loaded in its place: no request can hold a process longer than the timeout.
* :class:`ThreadRunner` (``create_app(nlp=...)``: tests and embedding): the pipeline
  lives in the server process and parses in one worker thread, one call at a time. A
  call over its time limit is answered as such, but the thread cannot be stopped: the
  next calls wait for it.

Both call :func:`saidwhat.extract_many`, the call behind ``saidwhat extract``.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import anyio
from spacy.language import Language

from .. import extract_many, load

Records = list[list[dict[str, Any]]]

#: Seconds a model process may take to load the pipeline before start-up fails.
LOAD_TIMEOUT = 600

#: Requests with more characters than this go to the long lane (:class:`ProcessRunner`).
DEFAULT_LONG_CHARS = 100_000

#: CPU priority (``nice``) of the long lane's processes: ordinary requests come first.
LONG_NICE = 10


def extract_records(nlp: Language, texts: list[str]) -> Records:
    """Quotation records (:meth:`saidwhat.Quote.to_dict`) of each text, in order."""
    return [[q.to_dict() for q in quotes] for quotes in extract_many(texts, nlp=nlp, batch_size=8)]


class WorkerDied(RuntimeError):
    """A model process died during a call (killed, out of memory); it is replaced."""


class ExtractTimeout(TimeoutError):
    """A call took longer than its time limit; a model process doing it was killed and
    is being replaced."""


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
        self._thread: ThreadPoolExecutor | None = None

    async def start(self) -> None:
        """Load the pipeline (in a thread) unless it was given."""
        if self.nlp is None:
            self.nlp = await anyio.to_thread.run_sync(load, self._model)
        self._thread = ThreadPoolExecutor(1, thread_name_prefix="saidwhat-nlp")

    @property
    def model(self) -> str | None:
        return _model_name(self.nlp) or self._model

    @property
    def max_length(self) -> int:
        return getattr(self.nlp, "max_length", 1_000_000)

    async def extract(self, texts: list[str], *, timeout: float | None = None) -> Records:
        """Records of each text; the event loop stays free meanwhile.

        Raises:
            ExtractTimeout: over ``timeout`` seconds (the parse itself goes on).
        """
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(
                loop.run_in_executor(self._thread, extract_records, self.nlp, texts), timeout)
        except TimeoutError:
            raise ExtractTimeout("the extraction took too long") from None

    async def close(self) -> None:
        """Let the thread go (a parse in progress is not waited for)."""
        if self._thread is not None:
            self._thread.shutdown(wait=False, cancel_futures=True)


# --- model processes ------------------------------------------------------------------------

def _worker_main(conn: Any, load_fn: Callable[[str | None], Any],
                 extract_fn: Callable[[Any, list[str]], Records], model: str | None,
                 nice: int) -> None:
    """Body of a model process: load the pipeline, say so, then answer
    ``("extract", texts)`` messages one at a time until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C stops the server, which kills us
    if nice:
        try:
            os.nice(nice)
        except OSError:  # pragma: no cover - not allowed here
            pass
    try:
        nlp = load_fn(model)
        conn.send(("ready", {"pid": os.getpid(), "model": _model_name(nlp),
                             "max_length": getattr(nlp, "max_length", 1_000_000)}))
    except BaseException as e:  # noqa: BLE001 - reported to the server, which fails start-up
        conn.send(("error", f"{type(e).__name__}: {e}"))
        return
    while True:
        try:
            kind, payload = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", extract_fn(nlp, payload)))
        except Exception as e:  # noqa: BLE001 - answered as a 500 by the app
            conn.send(("error", f"{type(e).__name__}: {e}"))


def _roundtrip(conn: Any, message: Any) -> Any:
    """Send ``message`` to a model process and wait for its answer (in a thread).

    Raises:
        EOFError, OSError: the process died or was killed meanwhile.
    """
    conn.send(message)
    return conn.recv()


class _Worker:
    """One model process and the server's end of its pipe."""

    def __init__(self, ctx: Any, args: tuple) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, *args), daemon=True,
                                   name="saidwhat-model")
        # started with SIGINT ignored (inherited through exec; Python then keeps it
        # ignored), so Ctrl+C on the terminal does not interrupt a process still
        # importing: the server stops it
        try:
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        except ValueError:  # not the main thread
            previous = None
        try:
            self.process.start()
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)
        child.close()

    def kill(self) -> None:
        """Kill the process at once (its call, if any, is abandoned)."""
        if self.process.is_alive():
            self.process.kill()  # SIGKILL: gone within milliseconds
        self.process.join(5)
        # after the process is gone, so a thread still reading the pipe gets EOF
        self.conn.close()


class _Lane:
    """``size`` model processes fed from one FIFO queue: a call waits for the next free
    process; a process whose call is cancelled or times out is killed and a new one is
    started in its place (the call's capacity comes back once it has loaded)."""

    def __init__(self, name: str, size: int, ctx: Any, args: tuple,
                 threads: ThreadPoolExecutor) -> None:
        self.name, self.size, self._ctx, self._args = name, size, ctx, args
        self._threads = threads
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._starting: set[asyncio.Task] = set()
        self.info: dict[str, Any] = {}
        self.replaced = 0
        self.closed = False

    async def _spawn(self) -> _Worker:
        worker = _Worker(self._ctx, self._args)
        self._all.add(worker)
        loop = asyncio.get_running_loop()
        try:
            ok = await asyncio.wait_for(
                loop.run_in_executor(self._threads, worker.conn.poll, LOAD_TIMEOUT), LOAD_TIMEOUT + 5)
            if not ok:
                raise WorkerDied(f"a model process did not load the pipeline within {LOAD_TIMEOUT} s")
            kind, payload = await loop.run_in_executor(self._threads, worker.conn.recv)
        except (EOFError, OSError) as e:
            self._drop(worker)
            raise WorkerDied(f"a model process died while loading the pipeline ({e!r})") from None
        except BaseException:
            self._drop(worker)
            raise
        if kind != "ready":
            self._drop(worker)
            raise WorkerDied(f"a model process could not load the pipeline: {payload}")
        self.info = payload
        return worker

    def _drop(self, worker: _Worker) -> None:
        self._all.discard(worker)
        worker.kill()

    async def start(self) -> None:
        """Start every process; return once each has loaded the pipeline."""
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.size)),
                                       return_exceptions=True)
        errors = [w for w in workers if isinstance(w, BaseException)]
        for w in workers:
            if not isinstance(w, BaseException):
                self._idle.put_nowait(w)
        if errors:
            raise errors[0]

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` now and load a new process in the background."""
        self._drop(worker)
        self.replaced += 1
        if self.closed:
            return

        async def respawn() -> None:
            for attempt in range(3):
                try:
                    new = await self._spawn()
                except WorkerDied:
                    await asyncio.sleep(1 + attempt)
                    continue
                if self.closed:
                    self._drop(new)
                else:
                    self._idle.put_nowait(new)
                return

        task = asyncio.get_running_loop().create_task(respawn())
        self._starting.add(task)
        task.add_done_callback(self._starting.discard)

    async def call(self, texts: list[str], deadline: float | None) -> Records:
        """Records of ``texts`` from the next free process, before ``deadline``
        (``loop.time()``), else :class:`ExtractTimeout`."""
        loop = asyncio.get_running_loop()

        def left() -> float | None:
            return None if deadline is None else max(0.0, deadline - loop.time())

        try:
            worker = await asyncio.wait_for(self._idle.get(), left())
        except TimeoutError:
            raise ExtractTimeout("no model process was free in time") from None
        try:
            answer = await asyncio.wait_for(
                loop.run_in_executor(self._threads, _roundtrip, worker.conn, ("extract", texts)),
                left())
        except TimeoutError:
            self._replace(worker)
            raise ExtractTimeout("the extraction took too long") from None
        except (EOFError, OSError):
            self._replace(worker)
            raise WorkerDied("a model process died during the extraction") from None
        except BaseException:  # cancelled: the client went away, or the server stops
            self._replace(worker)
            raise
        self._idle.put_nowait(worker)
        kind, payload = answer
        if kind != "ok":
            raise RuntimeError(payload)
        return payload

    async def close(self) -> None:
        """Kill every process now (calls in progress are abandoned)."""
        self.closed = True
        for task in list(self._starting):
            task.cancel()
        for worker in list(self._all):
            self._drop(worker)


class ProcessRunner:
    """Model processes that can be time-limited: ``processes`` of them for ordinary
    requests, fed from one FIFO queue, and a separate lane of ``long_processes`` (at a
    lower CPU priority) for requests of more than ``long_chars`` characters, so that a
    very long article never holds the processes of the others.

    A call that exceeds its time limit or is cancelled (its client went away) kills the
    process doing it; a new one is loaded in its place.

    Args:
        model: Pipeline each process loads.
        processes: Number of processes for ordinary requests (about one per core).
        long_chars: Requests with more characters than this go to the long lane.
        long_processes: Processes of the long lane (0: no lane, every request shares
            the ordinary processes).
        load: ``load(model)`` -> pipeline, run in each process (a module-level
            function; tests pass a fake).
        extract: ``extract(nlp, texts)`` -> records of each text, run in a process.
    """

    def __init__(self, model: str | None = None, *, processes: int = 2,
                 long_chars: int = DEFAULT_LONG_CHARS, long_processes: int = 1,
                 load: Callable[[str | None], Any] = load,
                 extract: Callable[[Any, list[str]], Records] = extract_records) -> None:
        self._model = model
        self.processes = processes
        self.long_chars = long_chars
        self.long_processes = long_processes
        self._load, self._extract = load, extract
        self._lanes: dict[str, _Lane] = {}
        self._threads: ThreadPoolExecutor | None = None

    async def start(self) -> None:
        """Start the processes and return once every one has loaded the pipeline.

        Raises:
            WorkerDied: a process failed to load it (e.g. the model is not installed).
        """
        ctx = multiprocessing.get_context("spawn")  # no fork of a threaded server
        n = self.processes + self.long_processes
        # one thread per process waits for its answer (plus loading replacements)
        self._threads = ThreadPoolExecutor(2 * n + 2, thread_name_prefix="saidwhat-pipe")
        self._lanes["main"] = _Lane("main", self.processes, ctx,
                                    (self._load, self._extract, self._model, 0), self._threads)
        if self.long_processes:
            self._lanes["long"] = _Lane("long", self.long_processes, ctx,
                                        (self._load, self._extract, self._model, LONG_NICE),
                                        self._threads)
        try:
            await asyncio.gather(*(lane.start() for lane in self._lanes.values()))
        except BaseException:
            await self.close()
            raise

    @property
    def model(self) -> str | None:
        return self._lanes["main"].info.get("model") if self._lanes else self._model

    @property
    def max_length(self) -> int:
        return self._lanes["main"].info.get("max_length", 1_000_000) if self._lanes else 1_000_000

    def stats(self) -> dict[str, Any]:
        """Processes per lane and how many were replaced (timeouts, cancellations, deaths)."""
        return {name: {"processes": lane.size, "replaced": lane.replaced,
                       "idle": lane._idle.qsize()} for name, lane in self._lanes.items()}

    async def extract(self, texts: list[str], *, timeout: float | None = None) -> Records:
        """Records of each text, from the next free process of the request's lane.

        Args:
            texts: The articles.
            timeout: Seconds for the whole call, waiting for a process included.

        Raises:
            ExtractTimeout: over ``timeout``; the process doing it is replaced.
            WorkerDied: a process died during the call; it is replaced.
        """
        lane = self._lanes["main"]
        if "long" in self._lanes and sum(map(len, texts)) > self.long_chars:
            lane = self._lanes["long"]
        deadline = None if timeout is None else asyncio.get_running_loop().time() + timeout
        return await lane.call(texts, deadline)

    async def close(self) -> None:
        """Kill the processes at once (calls in progress are abandoned), so that the
        server stops within seconds."""
        for lane in self._lanes.values():
            await lane.close()
        if self._threads is not None:
            self._threads.shutdown(wait=False, cancel_futures=True)
