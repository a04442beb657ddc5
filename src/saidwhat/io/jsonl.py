"""saidwhat.io.jsonl: JSON Lines, one article per line (``.jsonl`` and ``.jsonl.gz``).

Input lines are objects with ``text`` (required, str), ``id`` (str or int; default
``"<file stem>:<line>"``) and any other fields (``title``, ``url``, ``date``,
``outlet``, ...), which are carried through to the output. Output lines are
``{"id": ..., <carried fields>, "quotes": [records]}``.
"""
from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import Warnings
from .base import Article, BadRecord, OnError, OnWarning, coerce_id, report_to_stderr, warn_to_stderr


def _open_binary(source: str | Path) -> IO[bytes]:
    if str(source) == "-":
        return sys.stdin.buffer
    if str(source).endswith(".gz"):
        return gzip.open(source, "rb")
    return open(source, "rb")


def read_jsonl(source: str | Path, *, on_error: OnError = report_to_stderr,
               encoding: str | None = None, on_warning: OnWarning = warn_to_stderr,
               text_col: str = "text", id_col: str = "id") -> Iterator[Article]:
    """Stream articles from a JSON Lines file, one line at a time.

    Blank lines are ignored. A line that is not valid UTF-8 JSON, not an object, or has
    no string ``text`` (``text_col``) is reported to ``on_error`` with its 1-based line
    number, and the line's keys when it has no such key, and skipped.
    A line whose ``id`` was already given by an earlier line of the file (compared as
    str: ``7`` and ``"7"`` are the same id) is reported to ``on_warning`` (``[W011]``,
    both 1-based line numbers) and read all the same: nothing is dropped. Finding
    repeats keeps each given id and its first line in memory (about 100 bytes an id).

    Args:
        source: Path of a ``.jsonl`` / ``.jsonl.gz`` file, or ``"-"`` for stdin.
        on_error: Called with a :class:`BadRecord` for each skipped line.
        encoding: Decode each line with this encoding (default: JSON's own rule,
            UTF-8, -16 or -32).
        on_warning: Called with the ``[W011]`` message of each repeated id and the
            ``[W014]`` message of an id that is no string or number (replaced by the
            file's stem and the line number).
        text_col: Key of the article text (``--text-col``; default ``text``).
        id_col: Key of the article id (``--id-col``; default ``id``).

    Yields:
        One :class:`Article` per valid line, in file order.
    """
    name = str(source)
    stem = "stdin" if name == "-" else Path(name).name.split(".")[0]
    first_line: dict[str, int] = {}   # each id the file gives -> the line that first gave it
    fh = _open_binary(source)
    try:
        lineno = 0
        while True:
            try:
                raw = fh.readline()
            except (OSError, EOFError) as e:  # truncated / corrupt gzip stream
                on_error(BadRecord(name, f"line {lineno + 1}", f"unreadable ({e})"))
                return
            if not raw:
                return
            lineno += 1
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode(encoding) if encoding else raw)
            except (UnicodeDecodeError, ValueError) as e:
                on_error(BadRecord(name, f"line {lineno}", f"not valid JSON ({e})"))
                continue
            if not isinstance(obj, dict):
                on_error(BadRecord(name, f"line {lineno}", "not a JSON object"))
                continue
            present = text_col in obj
            text = obj.pop(text_col, None)
            if not isinstance(text, str):
                if present:   # '{"id": "a6", "text": null}': the key is there, its value is no string
                    why = f"{text_col!r} is {'null' if text is None else type(text).__name__}, not a string"
                else:
                    why = f"no {text_col!r} string; its keys: {', '.join(sorted(obj)[:8]) or 'none'}" \
                          " (choose one with --text-col)"
                on_error(BadRecord(name, f"line {lineno}", why))
                continue
            raw_id = obj.pop(id_col, None)
            art_id = coerce_id(raw_id)
            if art_id is None and raw_id not in (None, ""):
                # an id that is an object, a list or a boolean: say so, and which id is used
                on_warning(Warnings.W014.format(path=name, line=lineno, value=raw_id, id=f"{stem}:{lineno}"))
            if art_id is not None:
                first = first_line.setdefault(art_id, lineno)
                if first != lineno:
                    on_warning(Warnings.W011.format(path=name, line=lineno, id=art_id, first=first))
            yield Article(art_id or f"{stem}:{lineno}", text, obj, derived_id=art_id is None)
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


#: Key of the copy of the article text that corpus runs keep for the store (never
#: written to ``--out`` files or stdout).
STORE_TEXT = "_store_text"


def quoted_people(quotes: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The distinct people an article quotes, from its quotation records.

    Args:
        quotes: The article's records (:meth:`saidwhat.Quote.to_dict` output).

    Returns:
        One ``{"speaker_id", "name", "gender", "gender_source", "quotes"}`` per speaker
        entity (``speaker_id``) whose records have ``speaker_type`` ``PERSON`` and a
        ``speaker`` name, in order of their first quotation: ``name`` the speaker's
        name, ``gender``/``gender_source`` the records' ``speaker_gender`` and
        ``speaker_gender_source`` (``None`` when unknown), ``quotes`` the number of
        records of that speaker. Records without a ``speaker_id`` are grouped by name.
    """
    people: dict[Any, dict[str, Any]] = {}
    for q in quotes:
        name = q.get("speaker")
        if q.get("speaker_type") != "PERSON" or not name:
            continue
        key = q.get("speaker_id") or ("name", name)
        p = people.get(key)
        if p is None:
            p = people[key] = {"speaker_id": q.get("speaker_id"), "name": name,
                               "gender": q.get("speaker_gender"),
                               "gender_source": q.get("speaker_gender_source"), "quotes": 0}
        elif p["gender"] is None and q.get("speaker_gender"):
            p["gender"], p["gender_source"] = q.get("speaker_gender"), q.get("speaker_gender_source")
        p["quotes"] += 1
    return list(people.values())


def article_record(article: Article, quotes: Iterable[dict[str, Any]], *,
                   error: str | None = None, people: bool = True) -> dict[str, Any]:
    """Return the output object of one article:
    ``{"id", <meta>[, "text"], "quotes"[, "quoted_people"][, "error"]}``.

    ``text`` is there for articles whose text saidwhat extracted (HTML, WARC:
    :attr:`Article.text_out`), so that quotation offsets can be checked against it.
    ``quoted_people`` summarises the quotations by person (:func:`quoted_people`);
    ``people=False`` leaves it out.

    Args:
        article: The input article.
        quotes: Its quotation records (:meth:`saidwhat.Quote.to_dict` output).
        error: Why extraction failed for this article, if it did (quotes is then empty).
    """
    rec: dict[str, Any] = {"id": article.id}
    rec.update(article.meta)
    if article.text_out:
        rec["text"] = article.text
    rec["quotes"] = list(quotes)
    if people:
        rec["quoted_people"] = quoted_people(rec["quotes"])
    if error is not None:
        rec["error"] = error
    return rec


def dumps(record: dict[str, Any]) -> str:
    """Serialise one record as a single JSON line (UTF-8, no trailing newline)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str)


def write_jsonl(records: Iterable[dict[str, Any]], dest: str | Path | IO[str]) -> int:
    """Write records as JSON Lines.

    Args:
        records: JSON-ready dicts, e.g. from :func:`article_record`.
        dest: A path (``.gz`` suffix compresses) or an open text stream.

    Returns:
        The number of lines written.
    """
    if isinstance(dest, (str, Path)):
        opener = gzip.open if str(dest).endswith(".gz") else open
        with opener(dest, "wt", encoding="utf-8") as fh:  # type: ignore[operator]
            return write_jsonl(records, fh)
    n = 0
    for rec in records:
        dest.write(dumps(rec) + "\n")
        n += 1
    return n


def iter_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """Yield the raw JSON objects of a JSONL file written by :func:`write_jsonl`."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            if line.strip():
                yield json.loads(line)


