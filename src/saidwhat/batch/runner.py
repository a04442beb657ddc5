"""saidwhat.batch.runner: corpus runs: read -> extract with N workers -> write, resumable.

:func:`extract_articles` streams ``(article, quotes, error)`` in input order, with the
pipeline loaded once per worker process (``workers > 1``: a spawn-context process pool
fed a bounded number of tasks ahead, so memory does not grow with the corpus) or in
this process (``workers == 1``).

:func:`run_corpus` adds the inputs, outputs, progress and resume around it: results
go either to a stream (stdout) or, for ``--out``/``--db``, through committed chunk
files (:mod:`saidwhat.batch.state`) that make the run resumable and exactly-once.
"""
from __future__ import annotations

import multiprocessing as mp
import os

import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Errors, Warnings
from ..io import count_articles, read_articles
from ..io.base import Article, BadRecord, MissingColumnError, report_to_stderr
from ..io.jsonl import STORE_TEXT, article_record
from ..io.outputs import open_writer, output_format
from .progress import Progress, plural
from .state import Skipper, StagedRun, state_dir_for
from .worker import failure_message, get_nlp, init_worker, peak_rss_mb, process_texts, run_task


class UsageError(ValueError):
    """A run that cannot start as asked (existing outputs, state, bad options): exit 2."""


@dataclass
class RunStats:
    """Counts and timings of one run.

    Attributes:
        articles: Articles extracted by this run.
        resumed: Articles already done by the interrupted run(s) this one resumed.
        quotes: Quotations found by this run.
        skipped: Input records skipped as unreadable (bad JSON, HTML, WARC ...).
        failed: Articles whose extraction raised (written with an ``error`` field).
        warnings: Warnings printed (``[W004]``: an id repeated in the run, the store
            keeps the later article; ``[W005]``: an article not in English; ``[W006]``:
            an input decoded with a detected encoding; ``[W010]``: a directory
            given that holds no input file).
        seconds: Wall-clock time of the run, in seconds.
        workers: Worker processes used.
        peak_rss_mb: Peak resident memory of the main process, in MiB.
        worker_peak_rss_mb: Peak resident memory of each worker process (by pid), MiB.
    """

    articles: int = 0
    resumed: int = 0
    quotes: int = 0
    skipped: int = 0
    failed: int = 0
    warnings: int = 0
    seconds: float = 0.0
    workers: int = 1
    peak_rss_mb: float = 0.0
    worker_peak_rss_mb: dict[int, float] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        """Articles per second of wall-clock time."""
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        """One-line human summary (printed on stderr at the end of a run)."""
        parts = [plural(self.articles, "article")]
        if self.resumed:
            parts[0] += f" (+{self.resumed} done before resuming)"
        parts += [plural(self.quotes, "quote"), f"{self.skipped} skipped", f"{self.failed} failed"]
        if self.warnings:
            parts.append(plural(self.warnings, "warning"))
        parts += [f"{self.seconds:.1f} s", f"{self.rate:.1f} articles/s"]
        return "saidwhat: " + ", ".join(parts)


def _chunked(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    buf: list[Article] = []
    for art in articles:
        buf.append(art)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


def extract_articles(articles: Iterable[Article], *, model: str | None = None, workers: int = 1,
                     batch_size: int = 32, task_size: int = 16, nlp=None, timeout: float | None = None,
                     stats: RunStats | None = None) -> Iterator[tuple[Article, list[dict[str, Any]], str | None]]:
    """Extract quotations from a stream of articles, in input order.

    Args:
        articles: The articles (any iterable; consumed lazily).
        model: spaCy pipeline name or path (``None``: the default model).
        workers: Processes; 1 runs in this process, N > 1 starts N spawned workers
            that each load the pipeline once.
        batch_size: Texts per ``nlp.pipe`` batch inside a worker.
        task_size: Articles sent to a worker per task (at most ``3 * workers`` tasks
            are queued ahead, which bounds memory).
        nlp: A loaded pipeline to use when ``workers == 1`` (skips loading).
        timeout: Seconds allowed per task of ``task_size`` articles; when a task runs
            over, its remaining articles are retried one by one with the same budget
            each, and an article still over budget fails ("timed out"). ``None``: no limit.
        stats: If given, ``workers`` and the peak RSS figures are recorded in it.

    Yields:
        ``(article, quotation records, error)``; ``error`` is ``None`` on success,
        else a message (and the records are empty).
    """
    stats = stats if stats is not None else RunStats()
    stats.workers = workers
    if workers <= 1:
        if nlp is None:
            nlp = get_nlp(model)
        for chunk in _chunked(articles, task_size):
            for art, (quotes, err) in zip(chunk, process_texts([a.text for a in chunk], nlp, batch_size,
                                                                       timeout=timeout)):
                yield art, quotes, err
        stats.worker_peak_rss_mb[os.getpid()] = peak_rss_mb()
        return
    ctx = mp.get_context("spawn")
    from concurrent.futures import ProcessPoolExecutor

    ex = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=init_worker,
                             initargs=(model, batch_size, timeout))
    pending: deque = deque()

    def drain_one():
        chunk, fut = pending.popleft()
        outcomes, pid, rss = fut.result()
        stats.worker_peak_rss_mb[pid] = max(rss, stats.worker_peak_rss_mb.get(pid, 0.0))
        return chunk, outcomes

    try:
        for chunk in _chunked(articles, task_size):
            pending.append((chunk, ex.submit(run_task, [a.text for a in chunk])))
            while len(pending) >= 3 * workers:
                chunk0, outcomes = drain_one()
                yield from ((a, q, e) for a, (q, e) in zip(chunk0, outcomes))
        while pending:
            chunk0, outcomes = drain_one()
            yield from ((a, q, e) for a, (q, e) in zip(chunk0, outcomes))
    finally:
        ex.shutdown(wait=True, cancel_futures=True)


def _check_outputs(outputs: list[str], db: str | None, *, resume: bool, force: bool) -> StagedRun | None:
    """Validate output options and prepare the state directory; raise UsageError."""
    if not outputs and not db:
        if resume:
            raise UsageError(Errors.E103)
        return None
    for out in outputs:
        output_format(out)  # raises E013 on an unknown extension
        if not Path(out).parent.exists():
            raise UsageError(Errors.E003.format(path=Path(out).parent))
    if db and not Path(db).parent.exists():
        raise UsageError(Errors.E003.format(path=Path(db).parent))
    if db:
        from ..store.duckdb import StoreError, check_store

        try:
            check_store(db)  # a directory, or a file that is not a DuckDB store: E107/E108
        except StoreError as e:
            raise UsageError(str(e)) from None
    staged = StagedRun(state_dir_for(outputs, db), outputs=outputs, db=db, keep_text=db is not None)
    if staged.exists():
        if not resume and not force:
            raise UsageError(Errors.E102.format(path=staged.dir))
        if force and not resume:
            staged.discard()
    elif not force and not resume:
        for out in outputs:
            if Path(out).exists():
                raise UsageError(Errors.E101.format(path=out))
    return staged


def _tmp_name(path: str) -> str:
    p = Path(path)
    return str(p.with_name(f".{os.getpid()}.tmp.{p.name}"))


def finalize(staged: StagedRun, *, stats: RunStats | None = None) -> None:
    """Write every output of a completed staged run, atomically, then drop its state.

    Files are written under temporary names in the same directory and renamed over the
    destinations; the store is loaded in one transaction (skipped if this run id is
    already in it). An id that occurs twice in the run (``[W004]``: the store keeps the
    later article) is printed as a warning on stderr and counted in ``stats.warnings``.
    """
    def on_duplicate(msg: str) -> None:
        if stats is not None:
            stats.warnings += 1
        print(f"saidwhat: warning: {msg}", file=sys.stderr)

    tmps = {out: _tmp_name(out) for out in staged.outputs}
    writers = [open_writer(tmp, output_format(out)) for out, tmp in tmps.items()]
    try:
        if writers:
            for rec in staged.records():
                for w in writers:
                    w.write(rec)
        for w in writers:
            w.close()
        writers = []
        for out, tmp in tmps.items():
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, out)
        if staged.db:
            from ..store.duckdb import load_records

            load_records(staged.db, staged.records(), run_id=staged.run_id, started=staged.started,
                         on_duplicate=on_duplicate)
    finally:
        for tmp in tmps.values():
            if os.path.exists(tmp):
                os.unlink(tmp)
    staged.discard()


def run_corpus(sources: Iterable[str | Path], *, outputs: Iterable[str] = (), db: str | None = None,
               stream_writer=None, input_format: str | None = None, text_col: str = "text",
               id_col: str = "id", model: str | None = None, workers: int = 1, batch_size: int = 32,
               task_size: int = 16, resume: bool = False, force: bool = False, quiet: bool = False,
               on_error: Callable[[BadRecord], None] = report_to_stderr, commit_every: int = 512,
               commit_seconds: float = 10.0, timeout: float | None = 120.0, nlp=None,
               encoding: str | None = None, delimiter: str | None = None,
               check_language: bool = True) -> RunStats:
    """Run extraction over a corpus.

    Args:
        sources: Files, directories, globs or ``"-"`` (see :func:`saidwhat.io.read_articles`).
        outputs: Output files (``.jsonl``, ``.jsonl.gz``, ``.json``, ``.csv``, ``.parquet``).
        db: A DuckDB store to load the results into.
        stream_writer: A writer (``write(record)``, ``close()``) for results when there
            are no outputs and no store (e.g. stdout); records then stream as they come.
        input_format: Force the input format (else by extension).
        text_col: Text column of CSV/Parquet inputs.
        id_col: Id column of CSV/Parquet inputs.
        model: spaCy pipeline name or path.
        workers: Worker processes (see :func:`extract_articles`).
        batch_size: ``nlp.pipe`` batch size.
        task_size: Articles per worker task.
        resume: Continue an interrupted run with the same outputs.
        force: Overwrite existing outputs / discard an interrupted run's state.
        quiet: No progress bar.
        on_error: Called for each skipped input record (after it is counted).
        commit_every: Commit results to the state directory every this many articles...
        commit_seconds: ... or this many seconds, whichever comes first.
        timeout: Seconds per task of ``task_size`` articles before its articles are
            retried one by one, each with this budget (see :func:`extract_articles`).
        nlp: A loaded pipeline for ``workers == 1``.
        encoding: Decode text, JSONL and CSV inputs with this encoding (else UTF-8,
            or the detected encoding of a file that is not UTF-8, with ``[W006]``).
        delimiter: CSV field delimiter (else sniffed from the start of each file).
        check_language: Warn (``[W005]``, on stderr, counted in ``warnings``) about
            each article that looks like another language than English.

    Returns:
        The run's :class:`RunStats`.

    Raises:
        UsageError: Outputs exist (without ``force``/``resume``), an interrupted run's
            state exists (without ``resume``/``force``), ``resume`` without outputs,
            ``db`` is not a store, a CSV/Parquet input has no ``text_col`` (``[E014]``),
            or every input is a directory holding no input file (each reported with
            ``[W010]`` first; a run with other inputs warns and goes on).
        FileNotFoundError: ``[E003]`` an input does not exist.
        ValueError: ``[E005]`` an input format or ``[E013]`` an output format is unknown.
    """
    t0 = time.monotonic()
    outputs = [str(o) for o in outputs]
    sources = [str(s) for s in sources]
    stats = RunStats()

    def warn(msg: str) -> None:
        stats.warnings += 1
        print(f"saidwhat: warning: {msg}", file=sys.stderr)

    if encoding is not None:
        _check_encoding(encoding)
    no_text = _check_inputs(sources, input_format, text_col, encoding=encoding, delimiter=delimiter,
                            on_warning=warn)
    if no_text:   # a file among others without the text column: reported and skipped
        from ..io import expand_sources

        gone = {e.path for e in no_text}
        sources = [f for f in expand_sources(sources) if f not in gone]
    if nlp is None:
        _check_model(model)
    staged = _check_outputs(outputs, db, resume=resume, force=force)
    if resume and staged is not None and not staged.exists() and outputs \
            and all(Path(o).exists() for o in outputs):
        print("saidwhat: nothing to resume: the outputs are complete.", file=sys.stderr)
        return stats
    skip: Skipper | None = None
    if staged is not None:
        if resume and staged.exists():
            before = staged.manifest()
            if before.get("outputs") != [os.path.abspath(o) for o in outputs] \
                    or before.get("db") != (db and os.path.abspath(db)):
                was = ", ".join(before.get("outputs") or []) + (f" --db {before['db']}" if before.get("db") else "")
                raise UsageError(Errors.E105.format(path=staged.dir, before=was or "nothing"))
            stats.resumed = staged.load()
            skip = Skipper(staged.done)
        else:
            if force:
                staged.discard()
            staged.create()

    def on_bad(bad: BadRecord) -> None:
        stats.skipped += 1
        on_error(bad)

    for e in no_text:
        on_bad(BadRecord(e.path, "header", "[E014] " + str(e).split(": ", 1)[-1].rstrip(".")))

    articles = read_articles(sources, input_format=input_format, text_col=text_col, id_col=id_col,
                             on_error=on_bad, encoding=encoding, delimiter=delimiter, on_warning=warn)
    if check_language:
        from ..language import foreign_language
    try:
        total = count_articles(sources, input_format=input_format)
    except (FileNotFoundError, ValueError):
        total = None
    todo: Iterable[Article] = articles
    if skip is not None:
        todo = (a for a in todo if not skip(a.id))
    if total is not None and workers > 1:
        # Small inputs: no more workers than tasks (one article runs in this process).
        workers = max(1, min(workers, -(-(total - stats.resumed) // task_size)))
    progress = Progress(total, quiet=quiet, initial=stats.resumed)
    buffer: list[dict[str, Any]] = []
    last_commit = time.monotonic()
    try:
        for art, quotes, err in extract_articles(todo, model=model, workers=workers, batch_size=batch_size,
                                                 task_size=task_size, nlp=nlp, timeout=timeout,
                                                 stats=stats):
            stats.articles += 1
            stats.quotes += len(quotes)
            if err is not None:
                stats.failed += 1
                print(f"saidwhat: {failure_message(art.id, err)}", file=sys.stderr)
            if not art.text.strip():
                warn(Warnings.W009.format(id=art.id))   # an empty file, not silently an article
            elif check_language:
                language = foreign_language(art.text)
                if language is not None:
                    warn(Warnings.W005.format(what=f"Article {art.id!r}", language=language))
            rec = article_record(art, quotes, error=err)
            if db is not None:
                _warn_undated(rec, warn)
            progress.update(1, len(quotes))
            if staged is None:
                if stream_writer is not None:
                    stream_writer.write(rec)
                continue
            if staged.keep_text:
                rec[STORE_TEXT] = art.text
            buffer.append(rec)
            if len(buffer) >= commit_every or time.monotonic() - last_commit >= commit_seconds:
                staged.commit(buffer)
                buffer = []
                last_commit = time.monotonic()
    except BaseException as e:
        # CSV/Parquet on stdin without the text column (files are checked before the run)
        usage = isinstance(e, MissingColumnError)
        if usage and staged is not None and stats.articles == 0 and not stats.resumed:
            staged.discard()  # nothing done: leave no state behind
        elif staged is not None and buffer:  # keep finished work (Ctrl-C, a worker crash)
            staged.commit(buffer)
            print(f"saidwhat: interrupted; rerun with --resume to continue ({staged.dir}).", file=sys.stderr)
        if usage:
            raise UsageError(str(e)) from None
        raise
    finally:
        progress.close()
    if staged is not None:
        staged.commit(buffer)
    if stream_writer is not None and staged is None:
        stream_writer.close()
    if staged is not None:
        finalize(staged, stats=stats)
    stats.seconds = time.monotonic() - t0
    stats.peak_rss_mb = peak_rss_mb()
    return stats


def _check_model(model: str | None) -> None:
    """Raise E106/E001 now if the pipeline cannot be found (before any worker starts)."""
    import importlib.util

    from ..api import DEFAULT_MODELS

    if model is None:
        if not any(importlib.util.find_spec(name) for name in DEFAULT_MODELS):
            raise UsageError(Errors.E001.format(names=", ".join(DEFAULT_MODELS)))
        return
    if Path(model).exists():
        return
    try:
        found = importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise UsageError(Errors.E106.format(model=model))


def _check_encoding(encoding: str) -> None:
    """Raise a :class:`UsageError` now if ``encoding`` is not a codec Python knows."""
    import codecs

    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"unknown encoding {encoding!r} (e.g. utf-8, cp1252, latin-1)") from None


def _warn_undated(rec: dict[str, Any], warn: Callable[[str], None]) -> None:
    """``[W008]`` when an article gives a date the store cannot read ("5 March 2024"):
    it would be left out of every date range and month silently."""
    from ..io.base import DATE_FIELDS
    from ..store.duckdb import article_date

    given = next((rec[k] for k in DATE_FIELDS if rec.get(k) not in (None, "")), None)
    if given is not None and article_date(rec) is None:
        warn(Warnings.W008.format(id=rec.get("id"), value=str(given)[:40]))


def _check_inputs(sources: list[str], input_format: str | None, text_col: str = "text", *,
                  encoding: str | None = None, delimiter: str | None = None,
                  on_warning: Callable[[str], None] | None = None) -> list[MissingColumnError]:
    """Raise E003/E005 now, before any state or worker is created; warn about
    directories without input files; check each CSV and Parquet file for ``text_col``.

    Args:
        on_warning: Called with ``[W010]`` for each directory given that holds no file
            with a known extension, and ``[W012]`` for each that holds input files and
            others not read (default: printed on stderr).

    Returns:
        The ``[E014]`` errors of files without ``text_col`` when other inputs can be
        read (the run skips those files and reports them).

    Raises:
        UsageError: ``[E014]`` when no input could be read (every input is a CSV or
            Parquet file without ``text_col``: most likely ``--text-col`` is wrong);
            no input file at all (every input is a directory without one, after
            ``[W010]`` for each).
    """
    from ..io import FORMATS, check_text_column, detect_format, expand_sources, known_extensions
    from ..io.base import warn_to_stderr

    empty: list[str] = []
    unread: dict[str, list[str]] = {}
    files = expand_sources(sources, empty_dirs=empty, unread=unread)
    for d in empty:
        (on_warning or warn_to_stderr)(Warnings.W010.format(path=d, extensions=known_extensions()))
    for d, other in unread.items():
        examples = ", ".join(os.path.basename(f) for f in other[:3]) + (", ..." if len(other) > 3 else "")
        (on_warning or warn_to_stderr)(Warnings.W012.format(path=d, count=len(other), examples=examples,
                                                            extensions=known_extensions()))
    if not files and empty:
        raise UsageError(f"no articles to read in {', '.join(empty)}; nothing was done.")
    missing: list[MissingColumnError] = []
    for f in files:
        fmt = input_format or ("text" if f == "-" else detect_format(f))
        if fmt not in FORMATS:
            raise ValueError(Errors.E005.format(path=f, formats=", ".join(FORMATS)))
        try:
            check_text_column(f, fmt, text_col, encoding=encoding, delimiter=delimiter)
        except MissingColumnError as e:
            e.path = f
            missing.append(e)
    if missing and len(missing) == len(files):
        raise UsageError(str(missing[0]))
    return missing




