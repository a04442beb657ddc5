"""saidwhat.io.html: HTML pages, main text and metadata extracted with trafilatura.

Needs ``trafilatura`` (extra ``saidwhat[corpus]``). One ``.html``/``.htm`` file is one
article with id = file stem. The text is trafilatura's main-content extraction
(paragraphs separated by ``\\n``, comments excluded); ``title``, ``date``, ``url``
and ``outlet`` (site name, else host name) come from the page's metadata.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .base import Article, BadRecord, OnError, report_to_stderr


def html_to_article(html: bytes | str, *, id: str, url: str | None = None,
                    date: str | None = None, derived_id: bool = False) -> Article | None:
    """Extract the main text and metadata of one HTML page.

    Args:
        html: The page, as bytes (encoding detected) or str.
        id: Article id to give the result.
        url: The page's URL if known (used for metadata and as ``url``).
        date: A date to use as ``date`` (e.g. the WARC record date); the page's own
            publication date is then kept as ``published``.
        derived_id: ``id`` was made from the file name (see :class:`Article`).

    Returns:
        The article, or ``None`` when no main text could be extracted.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    if doc is None or not (doc.text or "").strip():
        return None
    meta: dict[str, Any] = {}
    if doc.title:
        meta["title"] = doc.title
    meta["url"] = url or doc.url
    if date:
        meta["date"] = date
        if doc.date:
            meta["published"] = doc.date
    else:
        meta["date"] = doc.date
    meta["outlet"] = doc.sitename or doc.hostname
    return Article(id, doc.text, {k: v for k, v in meta.items() if v}, derived_id=derived_id)


def read_html(source: str | Path, *, on_error: OnError = report_to_stderr) -> Iterator[Article]:
    """Read one article from an HTML file.

    Args:
        source: Path of the ``.html`` / ``.htm`` file.
        on_error: Called with a :class:`BadRecord` when no main text can be extracted
            (empty, binary or undecodable page).

    Yields:
        One :class:`Article`, or nothing when the page was unusable.
    """
    path = Path(source)
    data = path.read_bytes()
    try:
        art = html_to_article(data, id=path.stem, derived_id=True)
    except Exception as e:  # noqa: BLE001 - lxml/charset errors on broken pages
        on_error(BadRecord(str(path), "offset 0", f"undecodable HTML ({type(e).__name__}: {e})"))
        return
    if art is None:
        on_error(BadRecord(str(path), "offset 0", "no main text found in the HTML"))
        return
    yield art
