"""saidwhat.web.corpus: read-only queries over a DuckDB corpus store, for the page.

Reads the tables the corpus runner writes: ``articles(id, url, title, date, outlet,
text)``, ``quotations(article_id, <record fields>)`` and ``speakers(name, type, role,
n_quotes)``. Every call opens its own read-only connection and closes it, so the
server never holds the file's lock between requests (a batch run can write between
them) and no connection is shared between threads.
"""
from __future__ import annotations

import json
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


def _flags(value: Any) -> list[str]:
    """``flags`` as stored (a list, a JSON string, a comma list or null) -> list."""
    if value is None:
        return []
    if isinstance(value, str):
        try:
            loaded = json.loads(value)
        except ValueError:
            return [f for f in value.split(",") if f]
        return list(loaded) if isinstance(loaded, list) else [str(loaded)]
    return list(value)


class Corpus:
    """Queries over one store file.

    Args:
        path: The ``.duckdb`` file.

    Raises:
        FileNotFoundError: ``path`` does not exist.
        ImportError: ``duckdb`` is not installed (``pip install "saidwhat[corpus]"``).
    """

    def __init__(self, path: str | Path) -> None:
        import duckdb  # noqa: F401  (fail at start-up, not at the first request)

        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"{self.path}: no such corpus store.")

    def _query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        import duckdb

        con = duckdb.connect(str(self.path), read_only=True)
        try:
            cur = con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]
        finally:
            con.close()

    def _record(self, row: dict[str, Any]) -> dict[str, Any]:
        """A stored quotation row -> the record of :meth:`saidwhat.Quote.to_dict`."""
        rec = {k: _plain(row.get(k)) for k in RECORD_FIELDS}
        rec["flags"] = _flags(row.get("flags"))
        return rec

    def top_speakers(self, *, limit: int = 25, name: str | None = None) -> list[dict[str, Any]]:
        """Speakers with the most quotations.

        Args:
            limit: Most speakers returned.
            name: Keep names containing this (case-insensitive).

        Returns:
            ``{"name", "type", "role", "n_quotes"}`` dicts, most quoted first.
        """
        where, params = "", []
        if name:
            where, params = "WHERE contains(lower(name), lower(?))", [name]
        rows = self._query(f"SELECT name, type, role, n_quotes FROM speakers {where} "
                           "ORDER BY n_quotes DESC, name LIMIT ?", [*params, limit])
        return [{k: _plain(v) for k, v in r.items()} for r in rows]

    def search_quotes(self, *, text: str | None = None, speaker: str | None = None,
                      date_from: date | None = None, date_to: date | None = None,
                      limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """Quotations matching every given filter, newest article first.

        Args:
            text: Words the quotation contains (case-insensitive substring).
            speaker: Part of the speaker's name (case-insensitive).
            date_from: Earliest article date, inclusive.
            date_to: Latest article date, inclusive.
            limit: Most records returned.
            offset: Records skipped (paging).

        Returns:
            ``{"total": n, "quotes": [...]}``: each record plus ``article_id``,
            ``title``, ``url``, ``date`` and ``outlet``.
        """
        conds, params = [], []
        if text:
            conds.append("contains(lower(q.quote), lower(?))")
            params.append(text)
        if speaker:
            conds.append("contains(lower(q.speaker), lower(?))")
            params.append(speaker)
        if date_from:
            conds.append("TRY_CAST(a.date AS DATE) >= ?")
            params.append(date_from)
        if date_to:
            conds.append("TRY_CAST(a.date AS DATE) <= ?")
            params.append(date_to)
        where = ("WHERE " + " AND ".join(conds)) if conds else ""
        base = (f"FROM quotations q LEFT JOIN articles a "
                f"ON CAST(a.id AS VARCHAR) = CAST(q.article_id AS VARCHAR) {where}")
        total = self._query(f"SELECT count(*) AS n {base}", params)[0]["n"]
        rows = self._query(
            f"SELECT q.*, a.title AS _title, a.url AS _url, a.date AS _date, a.outlet AS _outlet "
            f"{base} ORDER BY TRY_CAST(a.date AS DATE) DESC NULLS LAST, q.article_id, "
            f"q.quote_start LIMIT ? OFFSET ?", [*params, limit, offset])
        quotes = []
        for r in rows:
            rec = {"article_id": _plain(r.get("article_id")), "title": r.get("_title"),
                   "url": r.get("_url"), "date": _plain(r.get("_date")), "outlet": r.get("_outlet")}
            rec.update(self._record(r))
            quotes.append(rec)
        return {"total": int(total), "quotes": quotes}

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its quotations in text order, or ``None`` if unknown.

        Returns:
            ``{"id", "url", "title", "date", "outlet", "text", "quotes": [records]}``.
        """
        arts = self._query("SELECT id, url, title, date, outlet, text FROM articles "
                           "WHERE CAST(id AS VARCHAR) = ? LIMIT 1", [article_id])
        if not arts:
            return None
        art = {k: _plain(v) for k, v in arts[0].items()}
        rows = self._query("SELECT * FROM quotations WHERE CAST(article_id AS VARCHAR) = ? "
                           "ORDER BY quote_start", [article_id])
        art["quotes"] = [self._record(r) for r in rows]
        return art
