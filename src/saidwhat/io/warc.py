"""saidwhat.io.warc: web archives (``.warc``, ``.warc.gz``): HTML responses -> articles.

Needs ``warcio`` and ``trafilatura`` (extra ``saidwhat[corpus]``). Each ``response``
record with an HTML payload is one article: the id is the record's
``WARC-Record-ID``, ``url`` its ``WARC-Target-URI``, ``date`` its ``WARC-Date``;
text and other metadata come from :func:`saidwhat.io.html.html_to_article`. Other
records (requests, metadata, images ...) are passed over silently.

A broken record (bad headers, truncated compressed member, undecodable page) is
reported with its byte offset; reading resumes at the next record boundary found
after it (the next gzip member in ``.warc.gz``, the next ``WARC/1.x`` header line
in ``.warc``).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .base import Article, BadRecord, OnError, report_to_stderr
from .html import html_to_article

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"\nWARC/1."
_BLOCK = 1 << 20


def _resync(fh: IO[bytes], start: int, marker: bytes) -> int | None:
    """Return the offset of the first ``marker`` at or after ``start`` (None at EOF)."""
    fh.seek(start)
    carry = b""
    base = start
    while True:
        block = fh.read(_BLOCK)
        if not block:
            return None
        buf = carry + block
        i = buf.find(marker)
        if i >= 0:
            pos = base - len(carry) + i
            return pos + 1 if marker == _WARC_MAGIC else pos
        carry = buf[-(len(marker) - 1):]
        base += len(block)


def _is_html(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    return "html" in ctype


def read_warc(source: str | Path, *, on_error: OnError = report_to_stderr) -> Iterator[Article]:
    """Stream articles from the HTML response records of a WARC file.

    Args:
        source: Path of a ``.warc`` or ``.warc.gz`` file.
        on_error: Called with a :class:`BadRecord` (``offset N``: bytes from the file
            start) for each broken record or page without main text.

    Yields:
        One :class:`Article` per usable HTML response, in file order.
    """
    from warcio.archiveiterator import ArchiveIterator

    name = str(source)
    with open(source, "rb") as fh:
        head = fh.read(3)
        marker = _GZIP_MAGIC if head == _GZIP_MAGIC else _WARC_MAGIC
        pos = 0
        while True:
            fh.seek(pos)
            it = ArchiveIterator(fh)
            rec_off = pos
            try:
                for record in it:
                    # it.offset: start of the current record (absolute, or 0 for the
                    # first record read after a seek to pos).
                    rec_off = max(it.offset, pos)
                    if not _is_html(record):
                        continue
                    headers = record.rec_headers
                    given_id = (headers.get_header("WARC-Record-ID") or "").strip("<>")
                    rec_id = given_id or f"{Path(name).name}@{rec_off}"
                    payload = record.content_stream().read()
                    try:
                        art = html_to_article(payload, id=rec_id,
                                              url=headers.get_header("WARC-Target-URI"),
                                              date=headers.get_header("WARC-Date"),
                                              derived_id=not given_id)
                    except Exception as e:  # noqa: BLE001 - broken page, keep reading
                        on_error(BadRecord(name, f"offset {rec_off}", f"undecodable HTML ({e})"))
                        continue
                    if art is None:
                        on_error(BadRecord(name, f"offset {rec_off}", "no main text found in the HTML"))
                        continue
                    yield art
                return
            except Exception as e:  # noqa: BLE001 - warcio/zlib raise many types on broken input
                rec_off = max(getattr(it, "offset", 0) or 0, rec_off)
                on_error(BadRecord(name, f"offset {rec_off}", f"broken WARC record ({type(e).__name__}: {e})"))
                nxt = _resync(fh, max(rec_off, pos) + 1, marker)
                if nxt is None or nxt <= pos:
                    return
                pos = nxt
