"""saidwhat.io.html: HTML pages, main text and metadata extracted with trafilatura.

Needs ``trafilatura`` (extra ``saidwhat[corpus]``). One ``.html``/``.htm`` file is one
article with id = file stem. The text is trafilatura's main-content extraction
(paragraphs separated by ``\\n``, comments excluded); ``title``, ``date``, ``url``
and ``outlet`` (site name, else the domain of the page's URL without ``www.``)
come from the page's metadata.

On short pages (under about 250 characters of main text, and on minified pages)
trafilatura adds the page's paragraphs again after the main text it found
("wild text" recovery), which would give every quotation twice; so a paragraph that
repeats an earlier one, or that an earlier paragraph contains (a ``<q>`` or
``<blockquote>`` taken out of its paragraph), is dropped. The text is then the one
quotation offsets index, and the output record carries it (``text``; see
:attr:`Article.text_out`).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .base import Article, BadRecord, OnError, report_to_stderr, url_domain


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
    from trafilatura.settings import set_date_params

    # a date only from the page's markup and metadata: htmldate's extensive search reads a
    # year from the body or a copyright line as a date ("© 2025" -> "2025-01-01")
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, date_extraction_params=set_date_params(False))
    if doc is None or not (doc.text or "").strip():
        return None
    text = drop_repeated_paragraphs(doc.text)
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
    meta["outlet"] = doc.sitename or url_domain(meta["url"]) or url_domain(doc.hostname)
    return Article(id, text, {k: v for k, v in meta.items() if v}, derived_id=derived_id, text_out=True)


#: A paragraph at least this long that repeats an earlier one, or that an earlier one
#: contains, is dropped wherever it is.
MIN_CONTAINED = 20


def _repeats(key: str, earlier: list[str], any_length: bool) -> bool:
    if not key or (not any_length and len(key) < MIN_CONTAINED):
        return False
    return any(key == k or key in k for k in earlier)


def drop_repeated_paragraphs(text: str) -> str:
    """``text`` (paragraphs separated by ``\\n``) without repeated paragraphs.

    Two cases: a tail of the text whose paragraphs all repeat (or are contained in)
    paragraphs before it (trafilatura's recovery of "wild" paragraphs appends the
    page's paragraphs again) is dropped whole; elsewhere, a paragraph of at least
    :data:`MIN_CONTAINED` characters that repeats or is contained in an earlier one
    is dropped. Shorter repeats in the body are kept ("Yes." may be said twice).
    """
    paras = text.split("\n")
    keys = [" ".join(p.split()) for p in paras]
    # 1. a repeated tail: try each start of a run of repeats, earliest first
    for k in range(1, len(paras)):
        if not keys[k] or not _repeats(keys[k], keys[:k], True):
            continue
        if any(_repeats(keys[j], keys[:j], True) for j in range(1, k) if keys[j] and j == k - 1):
            continue  # inside a run that started earlier (already tried)
        head = keys[:k]
        if all(not keys[j] or _repeats(keys[j], head, True) for j in range(k, len(paras))):
            paras, keys = paras[:k], keys[:k]
            while paras and not keys[-1] and len(paras) > 1:  # no trailing empty paragraph left
                paras, keys = paras[:-1], keys[:-1]
            break
    # 2. long repeats anywhere
    kept: list[str] = []
    seen: list[str] = []
    for para, key in zip(paras, keys):
        if key and _repeats(key, seen, False):
            continue
        if key:
            seen.append(key)
        kept.append(para)
    return "\n".join(kept)


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
