"""saidwhat.io.csv: CSV input (one article per row) and output (one row per quotation).

Input: a header row; the text column (``--text-col``, default ``text``) is required,
the id column (``--id-col``, default ``id``) defaults to ``"<file stem>:<row>"``;
other columns are carried through as metadata. Output columns are
:data:`saidwhat.io.base.ROW_FIELDS`, ``flags`` joined with ``|``.
"""
from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .base import ROW_FIELDS, Article, BadRecord, OnError, coerce_id, missing_column, report_to_stderr

csv.field_size_limit(2**31 - 1)


def read_csv(source: str | Path, *, text_col: str = "text", id_col: str = "id",
             on_error: OnError = report_to_stderr) -> Iterator[Article]:
    """Stream articles from a CSV file with a header row (UTF-8, a BOM is dropped).

    Args:
        source: Path of the ``.csv`` file, or ``"-"`` for stdin.
        text_col: Name of the column holding the article text.
        id_col: Name of the column holding the article id.
        on_error: Called with a :class:`BadRecord` for a row with no text (``line N``
            is the physical line where the row ends), an undecodable file, or an
            empty file (no header).

    Yields:
        One :class:`Article` per row with text.

    Raises:
        MissingColumnError: ``[E014]`` the header has no ``text_col`` (a usage error:
            the message names the columns found).
    """
    name = str(source)
    stem = "stdin" if name == "-" else Path(name).name.split(".")[0]
    fh: IO[str] = (io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
                   if name == "-" else open(source, encoding="utf-8-sig", newline=""))
    reader = csv.DictReader(fh)
    try:
        try:
            header = reader.fieldnames or []
        except (UnicodeDecodeError, csv.Error) as e:
            on_error(BadRecord(name, "line 1", f"unreadable header ({e})"))
            return
        if not header:
            on_error(BadRecord(name, "line 1", "no header row (empty file)"))
            return
        if text_col not in header:
            raise missing_column(name, text_col, list(header))
        row_no = 0
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except (UnicodeDecodeError, csv.Error) as e:
                on_error(BadRecord(name, f"line {reader.line_num}", f"unreadable ({e}); rest of file skipped"))
                return
            row_no += 1
            text = row.pop(text_col, None)
            if not text:
                on_error(BadRecord(name, f"line {reader.line_num}", f"empty {text_col!r}"))
                continue
            row.pop(None, None)  # extra cells without a header
            art_id = coerce_id(row.pop(id_col, None))
            yield Article(art_id or f"{stem}:{row_no}", text,
                          {k: v for k, v in row.items() if v not in (None, "")}, derived_id=art_id is None)
    finally:
        if name == "-":
            fh.detach()  # type: ignore[attr-defined]
        else:
            fh.close()


def _cell(key: str, value: Any) -> Any:
    if key == "flags":
        return "|".join(value or ())
    return "" if value is None else value


def write_csv(rows: Iterable[dict[str, Any]], dest: str | Path | IO[str], *,
              header: bool = True) -> int:
    """Write quotation rows (see :func:`saidwhat.io.base.quote_rows`) as CSV.

    Args:
        rows: Dicts with the keys of :data:`ROW_FIELDS`.
        dest: A path or an open text stream (opened with ``newline=""``).
        header: Write the header line first.

    Returns:
        The number of rows written (header excluded).
    """
    if isinstance(dest, (str, Path)):
        with open(dest, "w", encoding="utf-8", newline="") as fh:
            return write_csv(rows, fh, header=header)
    w = csv.writer(dest)
    if header:
        w.writerow(ROW_FIELDS)
    n = 0
    for row in rows:
        w.writerow([_cell(k, row.get(k)) for k in ROW_FIELDS])
        n += 1
    return n
