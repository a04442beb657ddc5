"""saidwhat.io.parquet: Parquet input (one article per row) and output (one row per quotation).

Needs ``pyarrow`` (extra ``saidwhat[corpus]``). Input is read one row group batch at
a time, so memory stays flat. The output schema, :func:`quote_schema`, is also the
schema of :func:`saidwhat.spark.extract_quotes_df`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .base import ROW_FIELDS, Article, BadRecord, OnError, coerce_id, jsonable, missing_column, report_to_stderr

_INT_FIELDS = {"quote_start", "quote_end", "speaker_start", "speaker_end", "cue_start", "cue_end"}


def quote_schema(*, all_nullable: bool = False):
    """Return the Arrow schema of quotation rows (columns of :data:`ROW_FIELDS`).

    Offsets are int64 character indices (end exclusive), ``quote_index`` int32,
    ``confidence`` float64 (0–1), ``flags`` list<string>, everything else string.

    Args:
        all_nullable: Mark every field nullable (as Spark's DDL schemas are);
            otherwise ``article_id`` and ``quote_index`` are non-null.
    """
    import pyarrow as pa

    def typ(name: str):
        if name == "quote_index":
            return pa.int32()
        if name in _INT_FIELDS:
            return pa.int64()
        if name == "confidence":
            return pa.float64()
        if name == "flags":
            return pa.list_(pa.string())
        return pa.string()

    return pa.schema([pa.field(n, typ(n), nullable=all_nullable or n not in ("article_id", "quote_index"))
                      for n in ROW_FIELDS])


def read_parquet(source: str | Path, *, text_col: str = "text", id_col: str = "id",
                 batch_rows: int = 512, on_error: OnError = report_to_stderr) -> Iterator[Article]:
    """Stream articles from a Parquet file.

    Args:
        source: Path of the ``.parquet`` file.
        text_col: Column holding the article text.
        id_col: Column holding the article id (default ``"<file stem>:<row>"``, 1-based).
        batch_rows: Rows decoded at a time.
        on_error: Called with a :class:`BadRecord` for a row with null/empty text
            (``row N``, 1-based) or a file that is not Parquet.

    Yields:
        One :class:`Article` per row with text; other columns become metadata.

    Raises:
        MissingColumnError: ``[E014]`` the file has no ``text_col`` column.
    """
    import pyarrow.parquet as pq

    name = str(source)
    stem = Path(name).name.split(".")[0]
    try:
        pf = pq.ParquetFile(name)
    except Exception as e:  # noqa: BLE001 - pyarrow raises several types for bad files
        on_error(BadRecord(name, "offset 0", f"not a Parquet file ({e})"))
        return
    if text_col not in pf.schema_arrow.names:
        raise missing_column(name, text_col, list(pf.schema_arrow.names))
    row_no = 0
    try:
        for batch in pf.iter_batches(batch_size=batch_rows):
            for row in batch.to_pylist():
                row_no += 1
                text = row.pop(text_col, None)
                if not isinstance(text, str) or not text:
                    on_error(BadRecord(name, f"row {row_no}", f"empty {text_col!r}"))
                    continue
                art_id = coerce_id(row.pop(id_col, None))
                yield Article(art_id or f"{stem}:{row_no}", text,
                              {k: jsonable(v) for k, v in row.items() if v is not None},
                              derived_id=art_id is None)
    except OSError as e:
        on_error(BadRecord(name, f"row {row_no + 1}", f"unreadable ({e}); rest of file skipped"))


def rows_to_table(rows: Iterable[dict[str, Any]], *, all_nullable: bool = False):
    """Return a ``pyarrow.Table`` with :func:`quote_schema` from quotation row dicts."""
    import pyarrow as pa

    schema = quote_schema(all_nullable=all_nullable)
    cols: dict[str, list] = {n: [] for n in ROW_FIELDS}
    for row in rows:
        for n in ROW_FIELDS:
            v = row.get(n)
            cols[n].append(list(v) if n == "flags" else v)
    return pa.Table.from_pydict(cols, schema=schema)


class ParquetQuoteWriter:
    """Stream quotation rows into one Parquet file, a row group per :meth:`write` call.

    Args:
        path: Destination file.
        compression: Parquet codec (``"zstd"``, ``"snappy"``, ...).
    """

    def __init__(self, path: str | Path, *, compression: str = "zstd") -> None:
        import pyarrow.parquet as pq

        self._writer = pq.ParquetWriter(str(path), quote_schema(), compression=compression)
        self.rows = 0

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        """Append rows (dicts with :data:`ROW_FIELDS` keys) as one row group."""
        table = rows_to_table(rows)
        if table.num_rows:
            self._writer.write_table(table)
            self.rows += table.num_rows

    def close(self) -> None:
        """Finish the file (writes the footer)."""
        self._writer.close()

    def __enter__(self) -> "ParquetQuoteWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def write_parquet(rows: Iterable[dict[str, Any]], path: str | Path, *, chunk_rows: int = 50_000) -> int:
    """Write quotation rows to a Parquet file, ``chunk_rows`` rows per row group.

    Returns:
        The number of rows written.
    """
    with ParquetQuoteWriter(path) as w:
        buf: list[dict[str, Any]] = []
        for row in rows:
            buf.append(row)
            if len(buf) >= chunk_rows:
                w.write(buf)
                buf = []
        w.write(buf)
        return w.rows
