"""saidwhat.io.base: the :class:`Article` record and bad-record reporting shared by all readers.

Every reader in :mod:`saidwhat.io` is a generator of :class:`Article`. A record that
cannot be read (invalid JSON, undecodable HTML, a broken WARC record, a row without
text) is not raised: it is passed to the ``on_error`` callback as a
:class:`BadRecord` and skipped, and reading goes on.
"""
from __future__ import annotations

import datetime
import sys
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model import RECORD_FIELDS

#: Metadata keys with a fixed meaning (stored as columns in the DuckDB store).
META_FIELDS = ("title", "url", "date", "outlet")
#: Input fields that name an article's outlet, first found wins (issue 11: the input's
#: ``outlet``, ``source`` or ``site``); without one, the domain of its ``url``.
OUTLET_FIELDS = ("outlet", "source", "site")
#: Input fields that date an article, first parsable wins: ``published`` (the HTML and
#: WARC readers keep a page's own publication date there when the WARC record's date
#: took ``date``), then ``date``.
DATE_FIELDS = ("published", "date")


def url_domain(url: Any) -> str | None:
    """The host name of a URL, lower-cased, without a leading ``www.``
    (``"https://www.Eastmere-Post.example/a?b"`` -> ``"eastmere-post.example"``);
    ``None`` when ``url`` is not a str or has no host. A URL without a scheme
    (``"eastmere-post.example/a"``) is read as starting with ``//``."""
    if not isinstance(url, str) or not url.strip():
        return None
    u = url.strip()
    try:
        host = urllib.parse.urlsplit(u if "://" in u or u.startswith("//") else "//" + u).hostname
    except ValueError:  # e.g. an invalid IPv6 literal
        return None
    host = (host or "").rstrip(".")
    if not host or any(c.isspace() or c in "<>\"'" for c in host):
        return None
    return host[4:] if host.startswith("www.") and len(host) > 4 else host or None


def article_outlet(meta: dict[str, Any]) -> str | None:
    """The outlet of an article from its metadata: the first non-empty
    :data:`OUTLET_FIELDS` value (a str, or an object's ``name``, as in feeds that give
    ``"source": {"name": ...}``), else the domain of its ``url``
    (:func:`url_domain`); ``None`` when there is neither."""
    for key in OUTLET_FIELDS:
        v = meta.get(key)
        if isinstance(v, dict):
            v = v.get("name")
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            v = str(v)
        if isinstance(v, str) and v.strip():
            return v.strip()
    return url_domain(meta.get("url"))


@dataclass(frozen=True)
class Article:
    """One news article to extract quotations from.

    Attributes:
        id: Article identifier (file stem, JSONL ``id``, WARC record id ...), as a str.
        text: The article text; quotation offsets are character indices into it.
        meta: Other fields carried through to the output: ``title``, ``url``,
            ``date``, ``outlet`` and any extra input fields (JSON-ready values).
        derived_id: ``True`` when the reader made ``id`` from the file name (a
            ``.txt``/``.html`` stem, ``<stem>:<line>`` for a line or row without an
            id, ``<file>@<offset>`` for a WARC record without a record id), not
            from the input itself. :func:`saidwhat.io.read_articles` makes such ids
            unique within a run.
        text_out: ``True`` when the text was extracted by saidwhat (HTML, WARC), not
            given by the input: the output record then carries it as ``text``, so
            that quotation offsets can be checked against it.
    """

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    derived_id: bool = field(default=False, compare=False, repr=False)
    text_out: bool = field(default=False, compare=False, repr=False)


@dataclass(frozen=True)
class BadRecord:
    """A record that was skipped.

    Attributes:
        path: The file it came from (``"-"`` for stdin).
        where: ``"line N"`` (1-based), ``"row N"`` or ``"offset N"`` (bytes from file start).
        reason: What was wrong with it.
    """

    path: str
    where: str
    reason: str

    def __str__(self) -> str:
        reason = "".join(c if c.isprintable() else " " for c in self.reason)
        reason = " ".join(reason.split())
        if len(reason) > 160:
            reason = reason[:159] + "…"
        return f"{self.path}:{self.where}: {reason}; skipped."


OnError = Callable[[BadRecord], None]
#: Called with the message of a warning about an input (``[W006]``: decoded with a
#: detected encoding; ``[W011]``: a JSONL id given twice); the record is read.
OnWarning = Callable[[str], None]


class MissingColumnError(ValueError):
    """A CSV or Parquet input without the text column (``[E014]``): not a bad record
    but a usage error (the whole file would be skipped), raised before any row is read."""


def missing_column(path: str, column: str, columns: list[str]) -> MissingColumnError:
    """The ``[E014]`` error for ``path``, naming the missing column and the ones found."""
    from ..errors import Errors

    found = ", ".join(repr(c) for c in columns) if columns else "(none)"
    return MissingColumnError(Errors.E014.format(path=path, column=column, columns=found))


def report_to_stderr(bad: BadRecord) -> None:
    """Default ``on_error``: print the bad record's location and reason to stderr."""
    print(f"saidwhat: {bad}", file=sys.stderr)


def warn_to_stderr(msg: str) -> None:
    """Default ``on_warning``: print the warning on stderr."""
    print(f"saidwhat: warning: {msg}", file=sys.stderr)


def decode_bytes(data: bytes, name: str, *, encoding: str | None = None,
                 on_warning: OnWarning = warn_to_stderr) -> tuple[str, str]:
    """Decode a whole input: with ``encoding`` if given, else UTF-8 (a BOM dropped),
    else the encoding charset-normalizer detects (reported with ``[W006]``).

    Returns:
        ``(text, encoding used)``.

    Raises:
        UnicodeDecodeError: ``encoding`` was given and does not decode ``data``, or
            the input is not UTF-8 and no encoding could be detected.
    """
    if encoding is not None:
        text = data.decode(encoding)
        return (text[1:] if text.startswith("\ufeff") else text), encoding
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as e:
        from ..errors import Warnings

        damaged = utf8_damage(data)
        if damaged is not None:
            count, pos = damaged
            on_warning(Warnings.W013.format(path=name, count=count, pos=pos))
            return data.decode("utf-8-sig", "replace"), "utf-8"
        detected = detect_encoding(data)
        if detected is None:
            raise e
        on_warning(Warnings.W006.format(path=name, encoding=detected))
        return data.decode(detected), detected


def utf8_damage(data: bytes) -> tuple[int, int] | None:
    """``(invalid bytes, offset of the first)`` when ``data`` is UTF-8 with a few bytes
    damaged: at least as many characters that only UTF-8 writes with several bytes ("é"
    as two bytes) decode cleanly as bytes fail (two-byte sequences that are valid UTF-8
    are rare in single-byte encodings: "Ã©"). A file in a legacy single-byte encoding
    ("é" as one byte) decodes to almost no such characters, so it gets ``None`` and
    is detected instead. ``None`` also for valid UTF-8."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")   # U+FFFD the text itself holds
    if bad <= 0:
        return None
    good = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    if good < bad or good == 0:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        return bad, err.start
    return None


#: Below this many non-ASCII characters, bytes that decode in Windows-1252 to
#: characters of :data:`WESTERN` only are taken as Windows-1252 without asking
#: charset-normalizer, which guesses poorly on so little (``caf\xe9`` -> cp1006).
FEW_NON_ASCII = 8
#: Non-ASCII characters of Western European text in Windows-1252.
WESTERN = frozenset("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ"
                    "\u201c\u201d\u2018\u2019\u2013\u2014\u20ac\u2026«»°£\u00a0")


#: Largest share of accented letters among all letters for which bytes that decode as
#: Windows-1252 into :data:`WESTERN` characters only are taken as Western text (French,
#: Spanish, German and Portuguese prose has under 10 %; Cyrillic or Greek text decoded
#: that way is almost all accented letters).
WESTERN_SHARE = 0.3


def detect_encoding(data: bytes) -> str | None:
    """The encoding of bytes that are not UTF-8, by charset-normalizer (``None``:
    not found, or charset-normalizer not installed). Legacy Western encodings come
    out under their Windows names (``cp1252``), which decode what Latin-1 does and the
    curly quotes, dashes and euro sign at 0x80-0x9F as well."""
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    foreign = [c for c in western or "" if ord(c) > 127]
    if western is not None and all(c in WESTERN for c in foreign) and (
            len(foreign) < FEW_NON_ASCII
            or len(foreign) < WESTERN_SHARE * sum(c.isalpha() for c in western)):
        # too little to go on for a detector, or Western text: a few accented letters
        # among plain ones (a Cyrillic or Greek text read so is all accented letters);
        # charset-normalizer's first guess for French or Spanish is sometimes cp775
        return "cp1252"
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(data[: 1 << 20]).best()
    if best is None:
        return None
    enc = best.encoding
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None
    if western is None:
        return enc
    # charset-normalizer names one of the encodings that decode the bytes alike
    # (cp1250 for Western text without the letters where they differ): say cp1252,
    # the commonest; and prefer it to Latin-1, whose 0x80-0x9F are control characters.
    if western == text or enc in ("latin_1", "iso8859_15"):
        return "cp1252"
    return enc


def coerce_id(value: Any) -> str | None:
    """Return an article id as a str (ints allowed), or ``None`` when missing/empty."""
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    s = str(value)
    return s if s else None


#: Columns of a quotation row (CSV, Parquet, Spark): the article's id and metadata,
#: the quotation's index within its article (0-based), then the record fields.
ROW_FIELDS = ("article_id", "title", "url", "date", "outlet", "quote_index") + RECORD_FIELDS


def quote_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Flatten one article record (``{"id", <meta>, "quotes"}``) into quotation rows.

    Args:
        record: An article record as written to JSONL (see
            :func:`saidwhat.io.jsonl.article_record`).

    Yields:
        One dict per quotation with the keys of :data:`ROW_FIELDS`; metadata values
        that are not str are converted with ``str()``, missing ones are ``None``.
    """
    head: dict[str, Any] = {"article_id": record["id"]}
    for key in META_FIELDS:
        v = record.get(key)
        head[key] = v if v is None or isinstance(v, str) else str(v)
    for i, q in enumerate(record.get("quotes") or ()):
        row = dict(head)
        row["quote_index"] = i
        for key in RECORD_FIELDS:
            row[key] = q.get(key)
        yield row


def jsonable(value: Any) -> Any:
    """Return ``value`` in a JSON-ready form (dates as ISO strings, bytes decoded)."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return str(value)
