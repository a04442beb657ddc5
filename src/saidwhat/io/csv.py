"""saidwhat.io.csv: CSV input (one article per row) and output (one row per quotation).

Input: a header row; the text column (``--text-col``, default ``text``) is required,
the id column (``--id-col``, default ``id``) defaults to ``"<file stem>:<row>"``;
other columns are carried through as metadata. Output columns are
:data:`saidwhat.io.base.ROW_FIELDS`, ``flags`` joined with ``|``.

The input's encoding is ``encoding`` (``--encoding``) if given, else UTF-8 (a BOM
dropped) when its first 64 KiB decode as UTF-8, else the one charset-normalizer
detects there (reported with ``[W006]``). The field delimiter is ``delimiter``
(``--delimiter``) if given, else sniffed (:class:`csv.Sniffer`, among ``,`` ``;``
tab and ``|``) from the first 64 KiB, and kept only if the header line holds it;
otherwise ``,``.
"""
from __future__ import annotations

import codecs
import csv
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .base import (ROW_FIELDS, Article, BadRecord, OnError, OnWarning, coerce_id, detect_encoding, missing_column, utf8_damage,
                   report_to_stderr, warn_to_stderr)

csv.field_size_limit(2**31 - 1)

#: Bytes read ahead to choose the encoding and sniff the delimiter.
SAMPLE_BYTES = 1 << 16
#: Delimiters the sniffer may pick.
SNIFF_DELIMITERS = ",;\t|"


class _Prefixed(io.RawIOBase):
    """A raw stream that gives ``head`` and then the rest of ``rest`` (stdin after a
    sample was read from it); closing it leaves ``rest`` open."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        if self.head:
            n = min(len(b), len(self.head))
            b[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        read = getattr(self.rest, "read1", self.rest.read)
        data = read(len(b))
        b[: len(data)] = data
        return len(data)


def _sniff_delimiter(sample: str, whole: bool) -> str:
    """The delimiter of a CSV sample (``,`` unless the sniffer finds another one that
    the header line holds)."""
    if not whole and "\n" in sample:
        sample = sample[: sample.rindex("\n") + 1]   # whole lines only
    header = sample.splitlines()[0] if sample else ""
    try:
        found = csv.Sniffer().sniff(sample, delimiters=SNIFF_DELIMITERS).delimiter
    except csv.Error:
        return ","
    return found if found in header else ","


def open_csv(source: str | Path, *, encoding: str | None = None, delimiter: str | None = None,
             on_warning: OnWarning = warn_to_stderr) -> tuple[IO[str], str]:
    """Open a CSV input as text, choosing its encoding and delimiter (see the module).

    Returns:
        ``(text stream opened with newline="", delimiter)``; closing the stream leaves
        stdin open.

    Raises:
        LookupError: ``encoding`` is not a known codec.
    """
    from ..errors import Warnings

    name = str(source)
    raw: IO[bytes] = sys.stdin.buffer if name == "-" else open(source, "rb")
    try:
        sample = raw.read(SAMPLE_BYTES)
        whole = len(sample) < SAMPLE_BYTES
        errors = "strict"
        if encoding is None:
            try:
                codecs_decoder = codecs.getincrementaldecoder("utf-8-sig")()
                text_sample = codecs_decoder.decode(sample, final=whole)
                encoding = "utf-8-sig"
            except UnicodeDecodeError:
                damaged = utf8_damage(sample if whole else sample[:sample.rfind(b"\n") + 1] or sample)
                detected = None if damaged is not None else detect_encoding(sample)
                if damaged is not None:
                    on_warning(Warnings.W013.format(path=name, count=damaged[0], pos=damaged[1]))
                    encoding, text_sample = "utf-8-sig", sample.decode("utf-8-sig", "replace")
                    errors = "replace"
                elif detected is None:
                    encoding, text_sample = "utf-8-sig", sample.decode("utf-8-sig", "replace")
                else:
                    on_warning(Warnings.W006.format(path=name, encoding=detected))
                    encoding, text_sample = detected, sample.decode(detected, "replace")
        else:
            if codecs.lookup(encoding).name == "utf-8":
                encoding = "utf-8-sig"
            text_sample = sample.decode(encoding, "replace")
        if delimiter is None:
            delimiter = _sniff_delimiter(text_sample.lstrip("\ufeff"), whole)
        if name == "-":
            binary: IO[bytes] = io.BufferedReader(_Prefixed(sample, raw))  # type: ignore[arg-type]
        else:
            raw.seek(0)
            binary = raw
        return io.TextIOWrapper(binary, encoding=encoding, errors=errors, newline=""), delimiter  # type: ignore[arg-type]
    except BaseException:
        if name != "-":
            raw.close()
        raise


def read_csv(source: str | Path, *, text_col: str = "text", id_col: str = "id",
             on_error: OnError = report_to_stderr, encoding: str | None = None,
             delimiter: str | None = None, on_warning: OnWarning = warn_to_stderr) -> Iterator[Article]:
    """Stream articles from a CSV file with a header row (UTF-8 unless told or
    detected otherwise, a BOM is dropped; delimiter given or sniffed).

    Args:
        source: Path of the ``.csv`` file, or ``"-"`` for stdin.
        text_col: Name of the column holding the article text.
        id_col: Name of the column holding the article id.
        on_error: Called with a :class:`BadRecord` for a row with no text (``line N``
            is the physical line where the row ends), an undecodable file, or an
            empty file (no header).
        encoding: The file's encoding (default: UTF-8, else detected, with ``[W006]``).
        delimiter: The field delimiter (default: sniffed; ``,`` if unsure).
        on_warning: Called with ``[W006]`` when the encoding was detected.

    Yields:
        One :class:`Article` per row with text.

    Raises:
        MissingColumnError: ``[E014]`` the header has no ``text_col`` (a usage error:
            the message names the columns found).
    """
    name = str(source)
    stem = "stdin" if name == "-" else Path(name).name.split(".")[0]
    try:
        fh, delim = open_csv(source, encoding=encoding, delimiter=delimiter, on_warning=on_warning)
    except LookupError as e:
        on_error(BadRecord(name, "line 1", str(e)))
        return
    records = _records(fh, delim, name, on_error)
    try:
        try:
            header = next(records, (0, []))[1]
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
                line_no, cells = next(records)
            except StopIteration:
                return
            except UnicodeDecodeError as e:
                on_error(BadRecord(name, "line ?", f"unreadable ({e}); rest of file skipped"))
                return
            if not cells:
                continue   # a blank line
            row_no += 1
            row = dict(zip(header, cells))
            text = row.pop(text_col, None)
            if not text:
                on_error(BadRecord(name, f"line {line_no}", f"empty {text_col!r}"))
                continue
            art_id = coerce_id(row.pop(id_col, None))
            yield Article(art_id or f"{stem}:{row_no}", text,
                          {k: v for k, v in row.items() if v not in (None, "")}, derived_id=art_id is None)
    finally:
        fh.close()


def _records(fh: IO[str], delim: str, name: str, on_error: OnError) -> Iterator[tuple[int, list[str]]]:
    """The CSV records of ``fh`` as ``(line where the record ends, cells)``, read
    strictly: a malformed record (a quote left open, text after a closing quote) is
    reported with its first line and skipped, and the lines it swallowed are read again
    as records of their own, so one stray quote loses one row, not the rows after it."""
    source = iter(fh)
    queue: list[str] = []   # lines to read again
    line_no = 0
    while True:
        taken: list[str] = []

        def lines() -> Iterator[str]:
            nonlocal line_no
            while True:
                if queue:
                    line = queue.pop(0)
                else:
                    try:
                        line = next(source)
                    except StopIteration:
                        return
                line_no += 1
                taken.append(line)
                yield line

        start = line_no + 1
        try:
            cells = next(csv.reader(lines(), delimiter=delim, strict=True))
        except StopIteration:
            return
        except csv.Error as e:
            on_error(BadRecord(name, f"line {start}", f"malformed CSV record ({e})"))
            line_no = start
            queue[:0] = taken[1:]
            continue
        yield line_no, cells


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
