"""saidwhat.io: read articles from news formats and write quotation records.

One module per format, each with a streaming ``read_*`` generator of
:class:`Article` (and a ``write_*`` where the format is an output):

=================  ==========================  ======================================
extension          reader                      one article is
=================  ==========================  ======================================
``.txt``           :func:`read_text`           the whole file (id = file stem)
``.jsonl[.gz]``    :func:`read_jsonl`          a line ``{"id", "text", ...}``
``.csv``           :func:`read_csv`            a row (``text_col``, ``id_col``)
``.parquet``       :func:`read_parquet`        a row (``text_col``, ``id_col``)
``.html``/``.htm`` :func:`read_html`           the page's main text (trafilatura)
``.warc[.gz]``     :func:`read_warc`           an HTML response record (warcio)
=================  ==========================  ======================================

:func:`read_articles` takes files, directories (searched recursively for those
extensions), glob patterns and ``"-"`` (stdin) and dispatches by extension. Stdin
is text unless a format is given; Parquet, HTML and WARC on stdin are first copied
to a temporary file (1 MiB at a time), as those readers need a seekable file.
"""
from __future__ import annotations

import dataclasses
import glob
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import Errors, Warnings
from .base import (META_FIELDS, ROW_FIELDS, Article, BadRecord, MissingColumnError, OnError, OnWarning,
                   missing_column, quote_rows, report_to_stderr, warn_to_stderr)
from .csv import open_csv, read_csv, write_csv
from .html import read_html
from .jsonl import article_record, read_jsonl, write_jsonl
from .parquet import read_parquet, write_parquet
from .text import read_text
from .warc import read_warc

__all__ = [
    "Article", "BadRecord", "MissingColumnError", "check_text_column", "META_FIELDS", "ROW_FIELDS", "FORMATS",
    "read_articles", "expand_sources", "detect_format", "known_extensions", "count_articles",
    "read_text", "read_jsonl", "read_csv", "read_parquet", "read_html", "read_warc",
    "write_jsonl", "write_csv", "write_parquet", "article_record", "quote_rows",
]

#: Input formats and the file name endings that select them (longest match first).
FORMATS = {
    "jsonl": (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"),
    "warc": (".warc", ".warc.gz"),
    "text": (".txt",),
    "csv": (".csv",),
    "parquet": (".parquet",),
    "html": (".html", ".htm"),
}


def known_extensions() -> str:
    """The file name endings read as input (:data:`FORMATS`), for messages:
    ``".jsonl, .jsonl.gz, ..."``."""
    return ", ".join(e for endings in FORMATS.values() for e in endings)


def detect_format(path: str | Path) -> str | None:
    """Return the input format for a file name (see :data:`FORMATS`), or ``None``."""
    name = str(path).lower()
    for fmt, endings in FORMATS.items():
        if name.endswith(endings):
            return fmt
    return None


def expand_sources(sources: Iterable[str | Path], *,
                   empty_dirs: list[str] | None = None,
                   unread: dict[str, list[str]] | None = None) -> list[str]:
    """Expand files, directories and glob patterns into a sorted list of input files.

    Directories are searched recursively for files with a known extension; hidden
    files and directories are ignored. ``"-"`` is kept as is (stdin). A file is listed
    once however many ways reach it (the same path given twice, a ``**`` glob through
    a symbolic link back to a parent folder): paths are compared once resolved, and
    the first way in is kept.

    Args:
        sources: Paths, directories, glob patterns (``news/2024-*/*.jsonl.gz``) or ``"-"``.
        empty_dirs: If given, each directory source that holds no file with a known
            extension (see :data:`FORMATS`) is appended to it, as given (the caller
            warns about it: ``[W010]``); such a directory adds no file.
        unread: If given, each directory source that holds other files, not hidden,
            whose endings are no input format (``notes.md``), maps to their paths (the
            caller warns about them: ``[W012]``). A text file's metadata side file
            (``a.json`` beside ``a.txt``, :mod:`saidwhat.io.text`) is not counted.

    Returns:
        The files, each source's matches sorted by path, in source order, each file once.

    Raises:
        FileNotFoundError: ``[E003]`` a source matches nothing.
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(files: Iterable[str]) -> None:
        for f in files:
            real = os.path.realpath(f)
            if real not in seen:
                seen.add(real)
                out.append(f)

    for src in sources:
        s = str(src)
        if s == "-":
            out.append(s)
            continue
        if os.path.isdir(s):
            found, other = [], []
            for root, dirs, files in os.walk(s):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                names = set(files)
                for f in sorted(files):
                    if f.startswith("."):
                        continue
                    if detect_format(f):
                        found.append(os.path.join(root, f))
                    elif not (f.endswith(".json") and f[:-5] + ".txt" in names):
                        other.append(os.path.join(root, f))
            if not found and empty_dirs is not None:
                empty_dirs.append(s)
            elif other and unread is not None:
                unread[s] = other
            add(sorted(found))
        elif os.path.exists(s):
            add([s])
        elif glob.has_magic(s):
            matches = sorted(m for m in glob.glob(s, recursive=True) if os.path.isfile(m))
            if not matches:
                raise FileNotFoundError(Errors.E003.format(path=s))
            add(matches)
        else:
            raise FileNotFoundError(Errors.E003.format(path=s))
    return out


#: Formats whose readers need a file (seek, reopen): stdin is copied to a temporary
#: file named ``stdin<suffix>`` first, so ids are those of a file named ``stdin``.
_SPOOLED_STDIN = {"parquet": ".parquet", "html": ".html", "warc": ".warc"}


@contextmanager
def _stdin_as_file(suffix: str) -> Iterator[str]:
    """Copy stdin's bytes to a temporary file, in 1 MiB blocks; yield its path, then delete it."""
    with tempfile.TemporaryDirectory(prefix="saidwhat-stdin-") as tmp:
        path = os.path.join(tmp, "stdin" + suffix)
        with open(path, "wb") as fh:
            shutil.copyfileobj(sys.stdin.buffer, fh, 1 << 20)
        yield path


def check_text_column(f: str, fmt: str, text_col: str, *, encoding: str | None = None,
                      delimiter: str | None = None) -> None:
    """Raise ``[E014]`` now if the CSV or Parquet file ``f`` has no ``text_col`` column.

    Reads only the header (CSV) or the schema (Parquet). Files that cannot be read
    that far, other formats and stdin pass: the readers report them.

    Raises:
        MissingColumnError: ``[E014]``, naming the column and the columns found.
    """
    import csv as _csv

    if f == "-" or fmt not in ("csv", "parquet"):
        return
    try:
        if fmt == "csv":
            fh, delim = open_csv(f, encoding=encoding, delimiter=delimiter, on_warning=lambda msg: None)
            with fh:
                header = next(_csv.reader(fh, delimiter=delim), None)
        else:
            import pyarrow.parquet as pq

            header = pq.ParquetFile(f).schema_arrow.names
    except Exception:  # noqa: BLE001 - unreadable: the reader reports it as a bad record
        return
    if header and text_col not in header:
        raise missing_column(f, text_col, list(header))


def _read_one(f: str, fmt: str, *, text_col: str, id_col: str, on_error: OnError,
              encoding: str | None = None, delimiter: str | None = None,
              on_warning: OnWarning = warn_to_stderr) -> Iterator[Article]:
    """The articles of one input ``f`` (a file or ``"-"``) read as ``fmt``."""
    if f == "-" and fmt in _SPOOLED_STDIN:
        with _stdin_as_file(_SPOOLED_STDIN[fmt]) as tmp:
            def as_stdin(bad: BadRecord) -> None:  # report the records of "-", not of the copy
                on_error(dataclasses.replace(bad, path="-") if bad.path == tmp else bad)

            try:
                yield from _read_one(tmp, fmt, text_col=text_col, id_col=id_col, on_error=as_stdin,
                                     encoding=encoding, delimiter=delimiter, on_warning=on_warning)
            except MissingColumnError as e:
                raise MissingColumnError(str(e).replace(tmp, "-", 1)) from None
        return
    if fmt == "text":
        yield from read_text(f, on_error=on_error, encoding=encoding, on_warning=on_warning)
    elif fmt == "jsonl":
        yield from read_jsonl(f, on_error=on_error, encoding=encoding, on_warning=on_warning,
                              text_col=text_col, id_col=id_col)
    elif fmt == "csv":
        yield from read_csv(f, text_col=text_col, id_col=id_col, on_error=on_error, encoding=encoding,
                            delimiter=delimiter, on_warning=on_warning)
    elif fmt == "parquet":
        yield from read_parquet(f, text_col=text_col, id_col=id_col, on_error=on_error)
    elif fmt == "html":
        yield from read_html(f, on_error=on_error)
    elif fmt == "warc":
        yield from read_warc(f, on_error=on_error)


#: Which derived ids can collide: ids of whole files (``story``), of lines and rows
#: (``story:3``) and of WARC records (``crawl.warc@624``) never equal each other.
_ID_KINDS = {"text": "file", "html": "file", "jsonl": "rows", "csv": "rows", "parquet": "rows",
             "warc": "warc"}


def _id_base(f: str, fmt: str) -> str:
    """The part of a derived id that the reader of ``fmt`` takes from the file name."""
    if fmt == "warc":
        return "stdin.warc" if f == "-" else Path(f).name
    if f == "-":
        return "stdin"
    if fmt in ("text", "html"):
        return Path(f).stem
    return Path(f).name.split(".")[0]


def _rel_path(f: str) -> str:
    """``f`` as a short, stable, ``/``-separated path: relative to the working
    directory when it lies under it, else normalised as given."""
    p = os.path.normpath(f)
    if os.path.isabs(p):
        try:
            rel = os.path.relpath(p)
        except ValueError:  # another drive (Windows)
            rel = p
        if rel != os.pardir and not rel.startswith(os.pardir + os.sep):
            p = rel
    return p.replace(os.sep, "/")


class _RunIds:
    """Keeps file-derived article ids unique within one run.

    The first file to derive ids from a name keeps today's ids (``story``,
    ``story:3``). A later, different file whose derived ids would be the same
    (``e1/story.txt`` and ``e2/story.txt``, two ``a.jsonl`` without ids) gets them
    qualified by its path: its folder and stem (``e2/story``, ``e2/a:3``), else its
    path with extension (``e2/story.html``), else that with ``~2``, ``~3``...
    Ids given by the input (a JSONL ``id``, an id column, a WARC record id) are
    never changed, and a derived id never takes one an earlier input gave (``x.txt``
    after a JSONL line with ``"id": "x"`` is ``a/x``); an input's id that a file's name
    gave first is reported (``[W015]``). Deterministic for the same inputs in the same
    order (``--resume``).
    """

    def __init__(self) -> None:
        self.used: set[tuple[str, str]] = set()
        self.given: dict[str, str] = {}   # an id the input gave -> the file that gave it first
        self.derived: dict[str, str] = {}   # an id derived from a file's name -> that file

    def _claim(self, kind: str, f: str, base: str) -> str:
        candidates = [base]
        if f != "-":
            rel = _rel_path(f)
            folder = rel.rpartition("/")[0]
            if folder:
                candidates.append(f"{folder}/{base}")
            candidates.append(rel)
        stem = candidates[-1]
        n = 2
        while True:
            for cand in candidates:
                # (nor an id an input gave: "x.txt" after a JSONL line with "id": "x")
                if (kind, cand) not in self.used and cand not in self.given:
                    self.used.add((kind, cand))
                    return cand
            candidates = [f"{stem}~{n}"]
            n += 1

    def articles(self, arts: Iterator[Article], f: str, fmt: str,
                 on_warning: OnWarning | None = None) -> Iterator[Article]:
        """Yield the articles of one input ``f``, their derived ids made unique; an id the
        input gives that another file of the run gave first is reported (``[W015]``)."""
        kind, base, claimed = _ID_KINDS.get(fmt, fmt), _id_base(f, fmt), None
        for art in arts:
            if not art.derived_id:
                first = self.given.setdefault(art.id, f)
                if first == f and art.id in self.derived:
                    first = self.derived[art.id]   # a file named so came first ("x.txt", then "id": "x")
                if first != f and on_warning is not None:
                    on_warning(Warnings.W015.format(path=_rel_path(f) if f != "-" else "stdin", id=art.id,
                                                    first=_rel_path(first) if first != "-" else "stdin"))
            if art.derived_id:
                if claimed is None:
                    claimed = self._claim(kind, f, base)
                if claimed != base:
                    tail = art.id[len(base):] if art.id.startswith(base) else ":" + art.id
                    art = dataclasses.replace(art, id=claimed + tail)
                self.derived.setdefault(art.id, f)
            yield art


def read_articles(sources: Iterable[str | Path] | str | Path, *, input_format: str | None = None,
                  text_col: str = "text", id_col: str = "id",
                  on_error: OnError = report_to_stderr, encoding: str | None = None,
                  delimiter: str | None = None, on_warning: OnWarning = warn_to_stderr) -> Iterator[Article]:
    """Stream the articles of many inputs, one file at a time, in order.

    Args:
        sources: One or more files, directories, glob patterns or ``"-"`` (stdin).
        input_format: Force a format (a key of :data:`FORMATS`) instead of detecting it
            from each file's extension. Stdin is read as ``"text"`` unless given; any
            format can be read from stdin (Parquet, HTML and WARC through a temporary
            file; ids as for a file named ``stdin``).
        text_col: Text column for CSV and Parquet, text key for JSONL.
        id_col: Id column for CSV and Parquet, id key for JSONL.
        on_error: Called with a :class:`BadRecord` for each skipped record.
        encoding: Encoding of text, JSONL and CSV inputs (default: UTF-8; a text or
            CSV input that is not UTF-8 is decoded with the encoding charset-normalizer
            detects, reported through ``on_warning`` as ``[W006]``). HTML and WARC
            pages declare their own.
        delimiter: CSV field delimiter (default: sniffed from each file; ``,`` if unsure).
        on_warning: Called with the message of each warning about an input.

    Yields:
        :class:`Article` records. Ids derived from file names (see
        :attr:`Article.derived_id`) are unique within the call: when a later file
        would repeat one (``e1/story.txt``, ``e2/story.txt``), its ids are qualified
        by its path (``e2/story``); see :class:`_RunIds`.

    Raises:
        FileNotFoundError: ``[E003]`` a source does not exist.
        ValueError: ``[E005]`` a file's extension is unknown and no format was given.
        MissingColumnError: ``[E014]`` a CSV or Parquet input has no ``text_col``
            (raised when that input is reached).
    """
    if isinstance(sources, (str, Path)):
        sources = [sources]
    files = expand_sources(sources)
    formats = [input_format or ("text" if f == "-" else detect_format(f)) for f in files]
    for f, fmt in zip(files, formats):
        if fmt not in FORMATS:
            raise ValueError(Errors.E005.format(path=f, formats=", ".join(FORMATS)))
    ids = _RunIds()
    for f, fmt in zip(files, formats):
        yield from ids.articles(_read_one(f, fmt, text_col=text_col, id_col=id_col, on_error=on_error,
                                          encoding=encoding, delimiter=delimiter, on_warning=on_warning),
                                f, fmt, on_warning)


def count_articles(sources: Iterable[str | Path] | str | Path, *,
                   input_format: str | None = None) -> int | None:
    """Cheaply count the articles in the inputs, for a progress bar.

    Counts ``.txt``/``.html`` files and text on stdin (one article each), Parquet rows
    (from the footer) and the lines of plain ``.jsonl`` files (a fast byte scan).
    Returns ``None`` when any input is JSONL/CSV on stdin, compressed JSONL, CSV or
    WARC, whose counts would need a full parse.

    Returns:
        The number of articles (an upper bound: bad records are included), or ``None``.
    """
    if isinstance(sources, (str, Path)):
        sources = [sources]
    total = 0
    for f in expand_sources(sources):
        fmt = input_format or ("text" if f == "-" else detect_format(f))
        if (f == "-" and fmt != "text") or fmt in ("csv", "warc") or str(f).endswith(".gz"):
            return None
        if fmt in ("text", "html"):
            total += 1
        elif fmt == "parquet":
            try:
                import pyarrow.parquet as pq

                total += pq.ParquetFile(f).metadata.num_rows
            except Exception:  # noqa: BLE001 - counted as unknown; the reader reports it
                return None
        elif fmt == "jsonl":
            with open(f, "rb") as fh:
                last = b"\n"
                for block in iter(lambda: fh.read(1 << 20), b""):
                    total += block.count(b"\n")
                    last = block[-1:]
                total += last != b"\n"
        else:
            return None
    return total
