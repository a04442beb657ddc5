"""saidwhat.web.corpus: the corpus store, read only, for the page's Corpus tab.

A thin adapter over :mod:`saidwhat.store`: top speakers, quotation search and who is
quoted by gender are :func:`saidwhat.store.top_speakers`,
:func:`saidwhat.store.find_quotes`, :func:`saidwhat.store.sources` and
:func:`saidwhat.store.quoted_people`, the same answers as ``saidwhat query
speakers|quotes|sources``; only fetching one article with its quotations (for the
highlighted view) is a query of its own here; travelled quotations and their pages are
:func:`saidwhat.store.provenance.clusters` and :func:`~saidwhat.store.provenance.trace`,
as ``saidwhat query clusters`` and ``saidwhat trace``.

The clusters are read as stored: every load (``saidwhat extract --db``) updates them; a
store loaded before provenance existed shows none until ``saidwhat query clusters --db``
has been run on it once (the server opens the store read only).

Every call opens its own read-only connection and closes it, so the server never
holds the file between requests (``saidwhat extract --db`` can load into it meanwhile)
and no connection is shared between threads.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..model import RECORD_FIELDS


def _plain(value: Any) -> Any:
    """A JSON-ready value: dates as ISO strings, tuples as lists."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _rows(result: tuple[list[str], list[tuple[Any, ...]]]) -> list[dict[str, Any]]:
    cols, rows = result
    return [{c: _plain(v) for c, v in zip(cols, row)} for row in rows]


class Corpus:
    """Read-only access to one store file.

    Args:
        path: The ``.duckdb`` file written by ``saidwhat extract --db``.

    Raises:
        FileNotFoundError: ``path`` does not exist.
        ImportError: ``duckdb`` is not installed (``pip install "saidwhat[corpus]"``).
    """

    def __init__(self, path: str | Path) -> None:
        import duckdb  # noqa: F401  (fail at start-up, not at the first request)

        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"{self.path}: no such corpus store.")

    @contextmanager
    def _connect(self) -> Iterator[Any]:
        from ..store import connect

        con = connect(self.path, read_only=True)
        try:
            yield con
        finally:
            con.close()

    def top_speakers(self, *, limit: int = 25, date_from: date | None = None,
                     date_to: date | None = None) -> list[dict[str, Any]]:
        """Most-quoted speakers (:func:`saidwhat.store.top_speakers`).

        Args:
            limit: Most speakers returned.
            date_from: Earliest article date, inclusive.
            date_to: Latest article date, inclusive.

        Returns:
            ``{"name", "type", "role", "n_quotes", "articles", "share"}`` dicts, most
            quoted first; ``share`` (0–1) of the attributed quotations.
        """
        from ..store import top_speakers

        with self._connect() as con:
            rows = _rows(top_speakers(con, limit=limit, date_from=_iso(date_from),
                                      date_to=_iso(date_to)))
        return [{"name": r.get("speaker"), "type": r.get("type"), "role": r.get("role"),
                 "n_quotes": r.get("quotes"), "articles": r.get("articles"), "share": r.get("share")}
                for r in rows]

    def search_quotes(self, *, text: str | None = None, speaker: str | None = None,
                      date_from: date | None = None, date_to: date | None = None,
                      limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """Quotations matching every given filter, newest first (:func:`saidwhat.store.find_quotes`).

        Args:
            text: Words the quotation contains (case-insensitive).
            speaker: Speaker name or part of it (case-insensitive); ``%`` and ``_``
                are wildcards.
            date_from: Earliest article date, inclusive.
            date_to: Latest article date, inclusive.
            limit: Most quotations returned.
            offset: Quotations skipped (paging).

        Returns:
            ``{"quotes": [{"date", "outlet", "article_id", "speaker", "type", "cue",
            "quote"}], "offset": offset, "more": bool}``; ``more`` says whether a
            next page exists.
        """
        from ..store import find_quotes

        if speaker and "%" not in speaker and "_" not in speaker:
            speaker = f"%{speaker}%"
        with self._connect() as con:
            rows = _rows(find_quotes(con, speaker=speaker or None, search=text or None,
                                     date_from=_iso(date_from), date_to=_iso(date_to),
                                     limit=offset + limit + 1))
        page = rows[offset:offset + limit]
        return {"quotes": page, "offset": offset, "more": len(rows) > offset + limit}

    def sources(self, *, by: tuple[str, ...] = (), date_from: date | None = None,
                date_to: date | None = None) -> tuple[list[str], list[dict[str, Any]]]:
        """Quoted people and quotations by gender, per group (:func:`saidwhat.store.sources`,
        as ``saidwhat query sources --by ...``).

        Args:
            by: Group keys, ``"outlet"`` and/or ``"month"``.
            date_from: Earliest article date, inclusive (undated articles are then left out).
            date_to: Latest article date, inclusive (likewise).

        Returns:
            ``(columns, rows)``: the column names in order, and one dict per group with
            the ``by`` keys, ``articles, people, people_women, people_men,
            people_unknown, quotes, quotes_women, quotes_men, quotes_unknown`` and
            ``share_women`` (0–1, or ``None`` when no person's gender is known).
        """
        from ..store import sources

        with self._connect() as con:
            result = sources(con, by=by, date_from=_iso(date_from), date_to=_iso(date_to))
        return result[0], _rows(result)

    def quoted_people(self, *, limit: int = 20, date_from: date | None = None,
                      date_to: date | None = None) -> tuple[list[str], list[dict[str, Any]]]:
        """The most quoted people with their gender (:func:`saidwhat.store.quoted_people`).

        Returns:
            ``(columns, rows)``: rows ``{"name", "gender", "quotes", "articles",
            "outlets"}``, most quotations first; ``gender`` ``"female"``, ``"male"`` or
            ``None``.
        """
        from ..store import quoted_people

        with self._connect() as con:
            result = quoted_people(con, limit=limit, date_from=_iso(date_from), date_to=_iso(date_to))
        return result[0], _rows(result)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article with its quotations in text order, or ``None`` if unknown.

        Returns:
            ``{"id", "url", "title", "date", "outlet", "text", "quotes": [records]}``;
            records as :meth:`saidwhat.Quote.to_dict`, offsets into ``text``.
        """
        cols = ", ".join(RECORD_FIELDS)
        with self._connect() as con:
            art = _rows(_fetch(con, "SELECT id, url, title, date, outlet, text FROM articles "
                               "WHERE id = ? LIMIT 1", [article_id]))
            if not art:
                return None
            quotes = _rows(_fetch(con, f"SELECT {cols} FROM quotations WHERE article_id = ? "
                                  "ORDER BY quote_index, quote_start", [article_id]))
        for q in quotes:
            q["flags"] = list(q.get("flags") or [])
        return {**art[0], "quotes": quotes}


    def _clusters_ready(self, con) -> bool:
        have = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        return "prov_quotes" in have

    def clusters(self, *, min_articles: int = 2, conflicts: bool = False, limit: int = 50) -> dict[str, Any]:
        """Quotations found in several articles (:func:`saidwhat.store.provenance.clusters`).

        Returns:
            ``{"clusters": [{"cluster_id", "canonical", "first_article", "first_date",
            "articles", "appearances" (count), "outlets", "speakers", "speaker",
            "conflict"}]}``, most articles first.
        """
        from ..store.provenance import clusters

        with self._connect() as con:
            found = clusters(con, min_articles=min_articles, conflicts_only=conflicts, limit=limit) \
                if self._clusters_ready(con) else []
        return {"clusters": [_summary(c) for c in found]}

    def cluster(self, cluster_id: int) -> dict[str, Any] | None:
        """One cluster with every appearance in date order and its differences, or
        ``None`` if unknown (shape: :func:`saidwhat.store.provenance.clusters`)."""
        from ..store.provenance import clusters

        with self._connect() as con:
            found = clusters(con, min_articles=1, cluster_ids=[cluster_id]) if self._clusters_ready(con) else []
        return _full(found[0]) if found else None

    def trace(self, text: str, *, limit: int = 10) -> dict[str, Any]:
        """Clusters matching a quotation or part of one (:func:`saidwhat.store.provenance.trace`).

        Returns:
            ``{"clusters": [cluster with appearances]}``, best match first.
        """
        from ..store.provenance import trace

        with self._connect() as con:
            found = trace(con, text, limit=limit) if self._clusters_ready(con) else []
        return {"clusters": [_full(c) for c in found]}


def _summary(c: dict[str, Any]) -> dict[str, Any]:
    out = {k: _plain(v) for k, v in c.items() if k != "appearances"}
    out["appearances"] = len(c["appearances"])
    return out


def _full(c: dict[str, Any]) -> dict[str, Any]:
    out = {k: _plain(v) for k, v in c.items() if k != "appearances"}
    out["appearances"] = [{k: _plain(v) for k, v in a.items()} for a in c["appearances"]]
    return out


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _fetch(con, sql: str, params: list[Any]) -> tuple[list[str], list[tuple[Any, ...]]]:
    cur = con.execute(sql, params)
    return [d[0] for d in cur.description], cur.fetchall()
