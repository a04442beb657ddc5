"""saidwhat.io.text: plain-text articles, one article per ``.txt`` file.

The article id is the file stem (``river-port.txt`` -> ``"river-port"``); stdin
(``"-"``) gives one article with id ``"stdin"``. Files and stdin are decoded alike, as
``open(path, encoding="utf-8-sig", newline="")`` does: a leading UTF-8 byte-order mark
is not part of the text, and line endings are kept as they are (``\r\n`` is two
characters), so quotation offsets index the text without the mark and with the
``\r``. A file that is not UTF-8 is decoded with the encoding given
(``encoding=``, ``--encoding``), else with the one charset-normalizer detects
(Windows-1252 is common), which is reported (``[W006]``).

Metadata: a text file has none of its own, so a JSON object in a file beside it with
the same stem (``river-port.json`` for ``river-port.txt``) gives the article's
``title``, ``url``, ``date``, ``outlet`` and any other fields, as a JSONL line
would (its ``id`` and ``text``, if any, are ignored). ``.json`` is not an input
format, so such files are never read as articles. A side file that is not a JSON
object is reported (``[W007]``) and the text is read without it.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .base import Article, BadRecord, OnError, OnWarning, decode_bytes, report_to_stderr, warn_to_stderr


#: Suffix of the metadata file beside a text file (same stem).
SIDE_SUFFIX = ".json"


def side_meta(path: Path, *, on_warning: OnWarning = warn_to_stderr) -> dict[str, Any]:
    """The metadata of the text file ``path`` from its side file (``<stem>.json``).

    Returns:
        The side file's fields without ``id`` and ``text``; ``{}`` when there is no
        side file, or (after ``[W007]`` to ``on_warning``) when it is not a UTF-8 JSON
        object.
    """
    from ..errors import Warnings

    side = path.with_suffix(SIDE_SUFFIX)
    if not side.is_file():
        return {}
    try:
        obj = json.loads(side.read_bytes())
    except (OSError, UnicodeDecodeError, ValueError) as e:
        on_warning(Warnings.W007.format(path=side, reason=f"not valid JSON ({e})"))
        return {}
    if not isinstance(obj, dict):
        on_warning(Warnings.W007.format(path=side, reason="not a JSON object"))
        return {}
    return {k: v for k, v in obj.items() if k not in ("id", "text")}


def read_text(source: str | Path, *, on_error: OnError = report_to_stderr, encoding: str | None = None,
              on_warning: OnWarning = warn_to_stderr) -> Iterator[Article]:
    """Read one article from a text file or stdin (a leading BOM is dropped).

    Args:
        source: Path of the file, or ``"-"`` for stdin.
        on_error: Called with a :class:`BadRecord` when the input cannot be decoded.
        encoding: The input's encoding; by default UTF-8, else the detected one.
        on_warning: Called with ``[W006]`` when the encoding was detected.

    Yields:
        One :class:`Article` (none when the input could not be decoded), with the
        metadata of its side file (:func:`side_meta`) when it has one.
    """
    if str(source) == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # a text-only stand-in for stdin (e.g. io.StringIO)
            text = sys.stdin.read()
            yield Article("stdin", text[1:] if text.startswith("\ufeff") else text, derived_id=True)
            return
        name, art_id, data, meta = "-", "stdin", buffer.read(), {}
    else:
        path = Path(source)
        name, art_id, data = str(path), path.stem, path.read_bytes()
        meta = side_meta(path, on_warning=on_warning)
    try:
        text, _ = decode_bytes(data, name, encoding=encoding, on_warning=on_warning)
    except UnicodeDecodeError as e:
        what = f"not valid {encoding}" if encoding else "not valid UTF-8 and no encoding detected"
        on_error(BadRecord(name, f"offset {e.start}", f"{what}; pass --encoding"))
        return
    except LookupError as e:
        on_error(BadRecord(name, "offset 0", str(e)))
        return
    yield Article(art_id, text, meta, derived_id=True)


def write_text(text: str, path: str | Path) -> None:
    """Write one article's text to ``path`` as UTF-8 (the inverse of :func:`read_text`)."""
    Path(path).write_text(text, encoding="utf-8")
