"""saidwhat.store.queries: the questions ``saidwhat query`` answers, as SQL over the store.

Every function takes a connection from :func:`saidwhat.store.duckdb.connect` and
keyword-only filters, and returns ``(columns, rows)``. Filters: ``outlet`` (exact,
case-insensitive), ``date_from``/``date_to`` (``YYYY-MM-DD``, inclusive),
``speaker_type`` (``PERSON``, ``ORG``, ...).
"""
from __future__ import annotations

from typing import Any

Result = tuple[list[str], list[tuple[Any, ...]]]


def _filters(*, outlet: str | None, date_from: str | None, date_to: str | None,
             speaker_type: str | None = None) -> tuple[list[str], list[Any]]:
    where, params = [], []
    if outlet:
        where.append("a.outlet ILIKE ?")
        params.append(outlet)
    if date_from:
        where.append("a.date >= CAST(? AS DATE)")
        params.append(date_from)
    if date_to:
        where.append("a.date <= CAST(? AS DATE)")
        params.append(date_to)
    if speaker_type:
        where.append("q.speaker_type = ?")
        params.append(speaker_type.upper())
    return where, params


def _run(con, sql: str, params: list[Any]) -> Result:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return cols, cur.fetchall()


def top_speakers(con, *, outlet: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, speaker_type: str | None = None, limit: int = 20) -> Result:
    """Most-quoted speakers.

    Returns:
        Columns ``speaker, type, role, quotes, articles, share`` (share of all
        attributed quotations that match the filters, 0–1), most quoted first.
    """
    where, params = _filters(outlet=outlet, date_from=date_from, date_to=date_to, speaker_type=speaker_type)
    where.append("q.speaker IS NOT NULL")
    sql = f"""
        SELECT q.speaker AS speaker, q.speaker_type AS type, mode(q.speaker_role) AS role,
               count(*) AS quotes, count(DISTINCT q.article_id) AS articles,
               round(count(*) / sum(count(*)) OVER (), 4) AS share
        FROM quotations q JOIN articles a ON a.id = q.article_id
        WHERE {' AND '.join(where)}
        GROUP BY q.speaker, q.speaker_type
        ORDER BY quotes DESC, speaker
        LIMIT ?"""
    return _run(con, sql, params + [limit])


def find_quotes(con, *, speaker: str | None = None, search: str | None = None, outlet: str | None = None,
                date_from: str | None = None, date_to: str | None = None, speaker_type: str | None = None,
                limit: int = 50) -> Result:
    """Quotations matching a speaker and/or words.

    Args:
        con: Store connection.
        speaker: Speaker name, case-insensitive; ``%`` and ``_`` are wildcards
            (``"%Brandt"``).
        search: Text that the quotation contains (case-insensitive substring).
        outlet: Outlet filter.
        date_from: First date, inclusive.
        date_to: Last date, inclusive.
        speaker_type: Speaker type filter.
        limit: Maximum rows.

    Returns:
        Columns ``date, outlet, article_id, speaker, type, cue, quote``, newest first.
    """
    where, params = _filters(outlet=outlet, date_from=date_from, date_to=date_to, speaker_type=speaker_type)
    if speaker:
        where.append("q.speaker ILIKE ?")
        params.append(speaker)
    if search:
        where.append("q.quote ILIKE ?")
        params.append("%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        where[-1] += " ESCAPE '\\'"
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    sql = f"""
        SELECT a.date AS date, a.outlet AS outlet, q.article_id AS article_id, q.speaker AS speaker,
               q.type AS type, q.cue AS cue, q.quote AS quote
        FROM quotations q JOIN articles a ON a.id = q.article_id
        {clause}
        ORDER BY a.date DESC NULLS LAST, q.article_id, q.quote_index
        LIMIT ?"""
    return _run(con, sql, params + [limit])


def stats(con, *, outlet: str | None = None, date_from: str | None = None,
          date_to: str | None = None) -> dict[str, Result]:
    """Corpus statistics.

    Returns:
        Three results by name: ``totals`` (``articles, quotes, attributed,
        quotes_per_article``), ``speaker_types`` (``type, quotes, share`` 0–1; quotations
        without a resolved speaker count as ``(unattributed)``) and ``outlets`` (``outlet, articles, quotes,
        attributed_share, person_share``; shares 0–1).
    """
    where, params = _filters(outlet=outlet, date_from=date_from, date_to=date_to)
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    out: dict[str, Result] = {}
    out["totals"] = _run(con, f"""
        WITH a AS (SELECT * FROM articles a {clause}),
             q AS (SELECT q.* FROM quotations q JOIN a ON a.id = q.article_id)
        SELECT (SELECT count(*) FROM a) AS articles, (SELECT count(*) FROM q) AS quotes,
               (SELECT count(*) FROM q WHERE speaker IS NOT NULL) AS attributed,
               round((SELECT count(*) FROM q) / greatest((SELECT count(*) FROM a), 1), 2)
                   AS quotes_per_article""", params)
    out["speaker_types"] = _run(con, f"""
        SELECT CASE WHEN q.speaker IS NULL THEN '(unattributed)'
                    ELSE coalesce(q.speaker_type, 'OTHER') END AS type, count(*) AS quotes,
               round(count(*) / sum(count(*)) OVER (), 4) AS share
        FROM quotations q JOIN articles a ON a.id = q.article_id {clause}
        GROUP BY 1 ORDER BY quotes DESC, type""", params)
    out["outlets"] = _run(con, f"""
        SELECT coalesce(a.outlet, '(none)') AS outlet, count(DISTINCT a.id) AS articles,
               count(q.article_id) AS quotes,
               round(count(q.speaker) / greatest(count(q.article_id), 1), 4) AS attributed_share,
               round(count(*) FILTER (WHERE q.speaker_type = 'PERSON')
                     / greatest(count(q.article_id), 1), 4) AS person_share
        FROM articles a LEFT JOIN quotations q ON a.id = q.article_id {clause}
        GROUP BY 1 ORDER BY quotes DESC, outlet""", params)
    return out
