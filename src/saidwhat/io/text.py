"""saidwhat.io.text: plain-text articles, one article per ``.txt`` file.

The article id is the file stem (``river-port.txt`` -> ``"river-port"``); stdin
(``"-"``) gives one article with id ``"stdin"``.
"""
from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from .base import Article, BadRecord, OnError, report_to_stderr


def read_text(source: str | Path, *, on_error: OnError = report_to_stderr) -> Iterator[Article]:
    """Read one article from a UTF-8 text file (a BOM is dropped).

    Args:
        source: Path of the file, or ``"-"`` for stdin.
        on_error: Called with a :class:`BadRecord` when the file is not valid UTF-8.

    Yields:
        One :class:`Article` (none when the file could not be decoded).
    """
    if str(source) == "-":
        yield Article("stdin", sys.stdin.read())
        return
    path = Path(source)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        on_error(BadRecord(str(path), f"offset {e.start}", "not valid UTF-8"))
        return
    yield Article(path.stem, text)


def write_text(text: str, path: str | Path) -> None:
    """Write one article's text to ``path`` as UTF-8 (the inverse of :func:`read_text`)."""
    Path(path).write_text(text, encoding="utf-8")
