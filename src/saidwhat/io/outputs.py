"""saidwhat.io.outputs: streaming writers of article records, chosen by file extension.

=================  ==================================================
``.jsonl[.gz]``    one article per line ``{"id", <meta>, "quotes"}``
``.json``          one JSON array of those article objects
``.csv``           one row per quotation (:data:`~saidwhat.io.base.ROW_FIELDS`)
``.parquet``       one row per quotation (:func:`~saidwhat.io.parquet.quote_schema`)
=================  ==================================================

Every writer takes article records (see :func:`saidwhat.io.jsonl.article_record`)
one at a time via ``write(record)`` and is finished with ``close()``.
"""
from __future__ import annotations

import csv as _csv
import gzip
import json
import os
from pathlib import Path
from typing import IO, Any

from ..errors import Errors
from .base import ROW_FIELDS, quote_rows
from .jsonl import STORE_TEXT, dumps

#: Output formats and their file endings.
OUTPUT_FORMATS = {"jsonl": (".jsonl", ".jsonl.gz", ".ndjson"), "json": (".json",),
                  "csv": (".csv",), "parquet": (".parquet",)}


def output_format(path: str | Path) -> str:
    """Return the output format of a file name.

    Raises:
        ValueError: ``[E013]`` the extension is not an output format (the message
            lists the output extensions).
    """
    name = str(path).lower()
    for fmt, endings in OUTPUT_FORMATS.items():
        if name.endswith(endings):
            return fmt
    note = ""
    if os.path.isdir(path):
        note = " (a directory)"
    elif name.endswith(".duckdb"):
        note = " (a DuckDB store is written with --db)"
    extensions = ", ".join(e for endings in OUTPUT_FORMATS.values() for e in endings)
    raise ValueError(Errors.E013.format(path=str(path), note=note, extensions=extensions))


def _public(record: dict[str, Any]) -> dict[str, Any]:
    """The record without the copy of the article text kept for the store."""
    return {k: v for k, v in record.items() if k != STORE_TEXT} if STORE_TEXT in record else record


class JsonlWriter:
    """One article record per line (the store's copy of the text dropped)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, record: dict[str, Any]) -> None:
        self.stream.write(dumps(_public(record)) + "\n")

    def close(self) -> None:
        self.stream.flush()


class JsonArrayWriter:
    """A JSON array of article records, streamed (the store's copy of the text dropped)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.n = 0

    def write(self, record: dict[str, Any]) -> None:
        self.stream.write(("[\n" if self.n == 0 else ",\n") + json.dumps(_public(record), ensure_ascii=False,
                                                                          default=str))
        self.n += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.n == 0 else "\n]\n")
        self.stream.flush()


class CsvWriter:
    """One row per quotation, with a header (``flags`` joined with ``|``)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.w = _csv.writer(stream)
        self.w.writerow(ROW_FIELDS)

    def write(self, record: dict[str, Any]) -> None:
        for row in quote_rows(record):
            self.w.writerow(["|".join(row[k] or ()) if k == "flags" else ("" if row[k] is None else row[k])
                             for k in ROW_FIELDS])

    def close(self) -> None:
        self.stream.flush()


class ParquetWriter:
    """One row per quotation, buffered into row groups of ``group_rows`` rows."""

    def __init__(self, path: str | Path, *, group_rows: int = 50_000) -> None:
        from .parquet import ParquetQuoteWriter

        self._w = ParquetQuoteWriter(path)
        self.group_rows = group_rows
        self._buf: list[dict[str, Any]] = []

    def write(self, record: dict[str, Any]) -> None:
        self._buf.extend(quote_rows(record))
        if len(self._buf) >= self.group_rows:
            self._w.write(self._buf)
            self._buf = []

    def close(self) -> None:
        self._w.write(self._buf)
        self._buf = []
        self._w.close()


class _Closing:
    """Wrap a writer so that ``close()`` also closes the file it writes to."""

    def __init__(self, writer, fh: IO[str]) -> None:
        self.writer, self.fh = writer, fh

    def write(self, record: dict[str, Any]) -> None:
        self.writer.write(record)

    def close(self) -> None:
        self.writer.close()
        self.fh.flush()
        self.fh.close()


def stream_writer(fmt: str, stream: IO[str]):
    """Return a writer of format ``fmt`` (jsonl, json, csv) on an open text stream."""
    return {"jsonl": JsonlWriter, "json": JsonArrayWriter, "csv": CsvWriter}[fmt](stream)


def open_writer(path: str | Path, fmt: str | None = None):
    """Open a writer for ``path`` (format from its extension unless ``fmt`` is given).

    ``.gz`` paths are gzip-compressed (jsonl). Parquet writes through pyarrow.
    """
    fmt = fmt or output_format(path)
    if fmt == "parquet":
        return ParquetWriter(path)
    if str(path).endswith(".gz"):
        fh = gzip.open(path, "wt", encoding="utf-8", newline="")
    else:
        fh = open(path, "w", encoding="utf-8", newline="")
    return _Closing(stream_writer(fmt, fh), fh)
