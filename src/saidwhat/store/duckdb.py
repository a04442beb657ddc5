"""saidwhat.store.duckdb: an embedded DuckDB store of articles, quotations and speakers.

Needs ``duckdb`` and ``pyarrow`` (extra ``saidwhat[corpus]``).

Tables:

``articles``
    ``id, url, title, date, outlet, text, meta (JSON: other input fields), run_id``.
    ``date`` (DATE) is the input's ``published``, else its ``date``, parsed by
    :func:`parse_date` (NULL when absent or unreadable). ``outlet`` is the input's
    ``outlet``, ``source`` or ``site`` field, else the domain of its ``url`` without
    ``www.`` (for WARC input, the record's target URI):
    :func:`saidwhat.io.base.article_outlet`.
``quotations``
    ``article_id, quote_index`` (0-based within the article) and every record field
    of :data:`saidwhat.RECORD_FIELDS` (offsets are character indices into
    ``articles.text``, end exclusive; ``confidence`` 0–1; ``flags`` VARCHAR[]).
``speakers``
    One row per resolved speaker and type: ``name, type, role`` (most frequent),
    ``quotes, articles, outlets, first_date, last_date``. Rebuilt after each load.
``runs``
    One row per loaded run: ``run_id, started, finished, articles, quotes``.
``prov_quotes``, ``prov_bands``, ``prov_shingles``
    Quotation clusters across articles (provenance), updated incrementally after
    each load: see :mod:`saidwhat.store.provenance`.

Loading replaces: an article whose id is already stored is deleted (with its
quotations) before the new version is inserted, so loading the same run twice, or
re-running a corpus, never duplicates rows.

Search: DuckDB's ``fts`` extension is not bundled in the PyPI wheel and ``INSTALL
fts`` downloads it, so text search here is ``ILIKE`` over ``quotations.quote`` (a
scan, vectorised; about a second per few million quotations). ART indexes are
created on ``quotations(speaker)``, ``quotations(article_id)``, ``articles(id)`` and
``articles(outlet)`` for point look-ups; date ranges use DuckDB's min/max zone maps.
"""
from __future__ import annotations

import datetime
import email.utils
import json
import time
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import Errors, Warnings
from ..io.base import DATE_FIELDS, META_FIELDS, ROW_FIELDS, article_outlet, quote_rows
from ..io.jsonl import STORE_TEXT

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR, url VARCHAR, title VARCHAR, date DATE, outlet VARCHAR,
    text VARCHAR, meta JSON, run_id VARCHAR);
CREATE TABLE IF NOT EXISTS quotations (
    article_id VARCHAR, quote_index INTEGER,
    quote VARCHAR, quote_start BIGINT, quote_end BIGINT, type VARCHAR,
    speaker VARCHAR, speaker_type VARCHAR, speaker_role VARCHAR,
    speaker_mention VARCHAR, speaker_start BIGINT, speaker_end BIGINT,
    cue VARCHAR, cue_start BIGINT, cue_end BIGINT,
    channel VARCHAR, confidence DOUBLE, flags VARCHAR[], speaker_id VARCHAR,
    speaker_gender VARCHAR, speaker_gender_source VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR, started TIMESTAMP, finished TIMESTAMP, articles BIGINT, quotes BIGINT);
CREATE INDEX IF NOT EXISTS articles_id ON articles (id);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles (outlet);
CREATE INDEX IF NOT EXISTS quotations_article ON quotations (article_id);
CREATE INDEX IF NOT EXISTS quotations_speaker ON quotations (speaker);
"""

SPEAKERS = """
CREATE OR REPLACE TABLE speakers AS
SELECT q.speaker AS name, q.speaker_type AS type, mode(q.speaker_role) AS role,
       count(*) AS quotes, count(DISTINCT q.article_id) AS articles,
       count(DISTINCT a.outlet) AS outlets, min(a.date) AS first_date, max(a.date) AS last_date
FROM quotations q LEFT JOIN articles a ON a.id = q.article_id
WHERE q.speaker IS NOT NULL
GROUP BY q.speaker, q.speaker_type
ORDER BY quotes DESC, name;
"""

_QUOTE_COLS = ROW_FIELDS[ROW_FIELDS.index("quote_index"):]


def connect(path: str | Path, *, read_only: bool = False):
    """Open (and, unless read-only, create) a store.

    Args:
        path: The ``.duckdb`` file.
        read_only: Open for queries only (several readers may share the file).

    Returns:
        A ``duckdb.DuckDBPyConnection`` with the schema in place.
    """
    import duckdb

    con = duckdb.connect(str(path), read_only=read_only)
    if not read_only:
        con.execute(SCHEMA)
        # stores made before a field was added to the record gain its column (old rows NULL)
        for col in ("speaker_id", "speaker_gender", "speaker_gender_source"):
            con.execute(f"ALTER TABLE quotations ADD COLUMN IF NOT EXISTS {col} VARCHAR")
    return con


class StoreError(ValueError):
    """A ``--db`` path that is not a usable store; ``str(err)`` is a numbered message."""


#: Tables that a store made by saidwhat always has.
STORE_TABLES = ("articles", "quotations")


def _reason(err: Exception) -> str:
    """DuckDB's message, first line only (no SQL excerpt)."""
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


def open_store(path: str | Path, *, read_only: bool = False):
    """Open a store like :func:`connect`, but raise :class:`StoreError` with a numbered
    message (no DuckDB traceback) when ``path`` is not one.

    Args:
        path: The ``.duckdb`` file.
        read_only: Open an existing store for queries: it must exist and have the
            store's tables. Otherwise the file is created when missing.

    Raises:
        StoreError: ``[E104]`` no such file (read only), ``[E107]`` a directory,
            ``[E108]`` not a DuckDB file (or one DuckDB cannot open, e.g. locked),
            ``[E109]`` (read only) a DuckDB file without the store's tables.
    """
    import duckdb

    p = Path(path)
    if p.is_dir():
        raise StoreError(Errors.E107.format(path=path))
    if read_only and not p.exists():
        raise StoreError(Errors.E104.format(path=path))
    try:
        con = connect(p, read_only=read_only)
    except duckdb.Error as e:
        raise StoreError(Errors.E108.format(path=path, reason=_reason(e))) from None
    if read_only:
        have = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        missing = [t for t in STORE_TABLES if t not in have]
        if missing:
            con.close()
            raise StoreError(Errors.E109.format(path=path, table=missing[0]))
    return con


def check_store(path: str | Path) -> None:
    """Check, without writing, that ``path`` can become or is a store (for ``--db``
    before a run starts): absent, or a DuckDB file saidwhat can open.

    Raises:
        StoreError: ``[E107]`` a directory, ``[E108]`` not a DuckDB file.
    """
    p = Path(path)
    if p.is_dir():
        raise StoreError(Errors.E107.format(path=path))
    if p.exists():
        import duckdb

        try:
            duckdb.connect(str(p), read_only=True).close()
        except duckdb.Error as e:
            raise StoreError(Errors.E108.format(path=path, reason=_reason(e))) from None


def parse_date(value: Any) -> datetime.date | None:
    """Best-effort date of an article: ISO 8601 (``2024-03-05``, ``2024-03-05T10:00Z``),
    RFC 2822 (``Tue, 05 Mar 2024 10:00:00 GMT``) or a date/datetime; else ``None``."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    s = str(value).strip()
    try:
        return datetime.date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        return None


def article_date(record: dict[str, Any]) -> datetime.date | None:
    """The date of an article record: the first of its :data:`~saidwhat.io.base.DATE_FIELDS`
    (``published``, then ``date``) that :func:`parse_date` reads; ``None`` when none does."""
    for key in DATE_FIELDS:
        d = parse_date(record.get(key))
        if d is not None:
            return d
    return None


def _article_table(records: list[dict[str, Any]], run_id: str | None):
    import pyarrow as pa

    cols: dict[str, list] = {k: [] for k in ("id", "url", "title", "date", "outlet", "text", "meta", "run_id")}
    for rec in records:
        cols["id"].append(rec["id"])
        for k in ("url", "title"):
            v = rec.get(k)
            cols[k].append(None if v is None else str(v))
        cols["outlet"].append(article_outlet(rec))
        cols["date"].append(article_date(rec))
        cols["text"].append(rec.get(STORE_TEXT, rec.get("text")))
        extra = {k: v for k, v in rec.items() if k not in ("id", "text", STORE_TEXT, "quotes", "quoted_people", *META_FIELDS)}
        cols["meta"].append(json.dumps(extra, ensure_ascii=False, default=str) if extra else None)
        cols["run_id"].append(run_id)
    schema = pa.schema([("id", pa.string()), ("url", pa.string()), ("title", pa.string()),
                        ("date", pa.date32()), ("outlet", pa.string()), ("text", pa.string()),
                        ("meta", pa.string()), ("run_id", pa.string())])
    return pa.Table.from_pydict(cols, schema=schema)


def _quote_table(records: list[dict[str, Any]]):
    from ..io.parquet import rows_to_table

    return rows_to_table(row for rec in records for row in quote_rows(rec))


def write_records(con, records: Iterable[dict[str, Any]], *, run_id: str | None = None,
                  batch_articles: int = 5000, started: float | None = None,
                  on_duplicate: Callable[[str], None] | None = None) -> tuple[int, int]:
    """Load article records into the store in ONE transaction, replacing same-id articles.

    Args:
        con: Connection from :func:`connect`.
        records: Article records ``{"id", <meta>, "text", "quotes"}``.
        run_id: Identifier recorded in ``articles.run_id`` and ``runs``.
        batch_articles: Articles per insert batch (bounds memory).
        started: Run start, seconds since the epoch (for ``runs``).
        on_duplicate: Called with the ``[W004]`` message when an id occurs again in
            ``records`` (the later article replaces the earlier one); default: a
            Python warning.

    Returns:
        ``(articles, quotations)`` inserted (the stored counts if ``run_id`` was
        already loaded, in which case nothing is written).
    """
    if run_id is not None:
        done = con.execute("SELECT articles, quotes FROM runs WHERE run_id = ?", [run_id]).fetchone()
        if done is not None:  # this run was already loaded (finalisation is being redone)
            return int(done[0]), int(done[1])
    n_art = n_q = 0
    con.execute("BEGIN TRANSACTION")
    try:
        buf: list[dict[str, Any]] = []

        def flush() -> None:
            nonlocal n_art, n_q
            if not buf:
                return
            arts = _article_table(buf, run_id)  # noqa: F841 - read by DuckDB by name
            quotes = _quote_table(buf)  # noqa: F841
            # Replace articles stored by earlier runs (not earlier batches of this one).
            con.execute("DELETE FROM quotations WHERE article_id IN (SELECT id FROM articles "
                        "WHERE id IN (SELECT id FROM arts) AND run_id IS DISTINCT FROM ?)", [run_id])
            con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM arts) "
                        "AND run_id IS DISTINCT FROM ?", [run_id])
            con.execute("INSERT INTO articles SELECT * FROM arts")
            qcols = ", ".join(_QUOTE_COLS)
            con.execute(f"INSERT INTO quotations SELECT article_id, {qcols} FROM quotes")
            n_art += arts.num_rows
            n_q += quotes.num_rows
            buf.clear()

        seen: set[str] = set()
        for rec in records:
            rid = str(rec["id"])
            if rid in seen:   # the same id twice in one run: the later article wins
                flush()
                con.execute("DELETE FROM quotations WHERE article_id = ?", [rid])
                con.execute("DELETE FROM articles WHERE id = ?", [rid])
                n_art -= 1
                if on_duplicate is None:
                    warnings.warn(Warnings.W004.format(id=rid), stacklevel=2)
                else:
                    on_duplicate(Warnings.W004.format(id=rid))
            seen.add(rid)
            buf.append(rec)
            if len(buf) >= batch_articles:
                flush()
        flush()
        n_q = con.execute("SELECT count(*) FROM quotations q JOIN articles a ON a.id = q.article_id "
                          "WHERE a.run_id IS NOT DISTINCT FROM ?", [run_id]).fetchone()[0]
        con.execute("INSERT INTO runs VALUES (?, to_timestamp(?), to_timestamp(?), ?, ?)",
                    [run_id, started or time.time(), time.time(), n_art, n_q])
        con.execute(SPEAKERS)
        _update_clusters(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return n_art, n_q


def _update_clusters(con) -> None:
    """Cluster the new quotations (:func:`saidwhat.store.provenance.update_clusters`);
    skipped without ``datasketch`` (then ``saidwhat trace``/``query clusters`` do it)."""
    try:
        import datasketch  # noqa: F401
    except ImportError:
        return
    from .provenance import update_clusters

    update_clusters(con)


def load_records(path: str | Path, records: Iterable[dict[str, Any]], **kw) -> tuple[int, int]:
    """Open the store at ``path`` and :func:`write_records` into it; returns the counts."""
    con = connect(path)
    try:
        return write_records(con, records, **kw)
    finally:
        con.close()
