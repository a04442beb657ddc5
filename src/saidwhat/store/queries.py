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


#: Group keys of :func:`sources`, and the SQL of each over the filtered articles ``a``.
SOURCE_KEYS = {"outlet": "a.outlet", "month": "strftime(a.date, '%Y-%m')"}

#: Quotation columns that :func:`sources` and :func:`quoted_people` read; a store made
#: before a column existed (opened read-only, so not upgraded) reads it as NULL.
_PEOPLE_COLUMNS = ("speaker_id", "speaker_gender")


def _people_quotations(con) -> str:
    """A SELECT of the quotations of named PERSON speakers, with :data:`_PEOPLE_COLUMNS`
    (NULL where the store has no such column)."""
    have = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'quotations'").fetchall()}
    extra = ", ".join(f"q.{c}" if c in have else f"CAST(NULL AS VARCHAR) AS {c}" for c in _PEOPLE_COLUMNS)
    return (f"SELECT q.article_id, trim(q.speaker) AS name, {extra} FROM quotations q "
            "WHERE q.speaker_type = 'PERSON' AND q.speaker IS NOT NULL AND trim(q.speaker) <> ''")


def _people_sql(con, keys: list[str], where: list[str]) -> str:
    """CTEs ``a`` (the filtered articles, with their group keys), ``ents`` (one row per
    speaker entity of an article), ``genders`` (one per name) and ``people`` (one row
    per person and group, with the person's gender and quotations); see
    :func:`sources` for the rule."""
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    key_cols = "".join(f", {SOURCE_KEYS[k]} AS {k}" for k in keys)
    ka = "".join(f"a.{k}, " for k in keys)
    ke = "".join(f"e.{k}, " for k in keys)
    return f"""
        WITH a AS (SELECT a.id, a.outlet AS a_outlet{key_cols} FROM articles a {clause}),
        qn AS ({_people_quotations(con)}),
        surnames AS (
            -- a surname alone ("Lindqvist") is the one person the store names in full with it
            SELECT lower(regexp_extract(name, '(\\S+)$', 1)) AS surname, min(name) AS full_name
            FROM (SELECT DISTINCT name FROM qn WHERE name LIKE '% %')
            GROUP BY 1 HAVING count(*) = 1),
        qf AS (
            SELECT q.article_id, coalesce(s.full_name, q.name) AS name, q.speaker_id, q.speaker_gender
            FROM qn q LEFT JOIN surnames s ON q.name NOT LIKE '% %' AND lower(q.name) = s.surname),
        ents AS (
            SELECT {ka}q.name, q.article_id, count(*) AS quotes, any_value(a.a_outlet) AS outlet_name,
                   mode(q.speaker_gender) FILTER (WHERE q.speaker_gender IN ('female', 'male')) AS gender
            FROM qf q JOIN a ON a.id = q.article_id
            GROUP BY {ka}q.name, q.article_id, coalesce(q.speaker_id, '')),
        genders AS (
            SELECT name,
                   CASE WHEN count(*) FILTER (WHERE gender = 'female') > count(*) FILTER (WHERE gender = 'male')
                        THEN 'female'
                        WHEN count(*) FILTER (WHERE gender = 'male') > count(*) FILTER (WHERE gender = 'female')
                        THEN 'male' END AS gender
            FROM ents GROUP BY name),
        people AS (
            SELECT {ke}e.name, sum(e.quotes) AS quotes,
                   count(DISTINCT e.article_id) AS articles, count(DISTINCT e.outlet_name) AS outlets,
                   any_value(g.gender) AS gender
            FROM ents e JOIN genders g ON g.name = e.name
            GROUP BY {ke}e.name)"""


def sources(con, *, by: tuple[str, ...] | list[str] = (), outlet: str | None = None,
            date_from: str | None = None, date_to: str | None = None) -> Result:
    """Who is quoted, by gender: per group, the distinct quoted people and their quotations.

    The rule (issue 11; the Gender Gap Tracker's unit is the distinct quoted person):

    * Only quotations whose speaker is a PERSON with a name count; organisations,
      places, groups and unattributed quotations are not people.
    * A speaker entity of an article (its ``article_id`` and ``speaker_id``) is one
      person; within a group, entities with the same ``speaker`` name are the same
      person (so a person quoted by two outlets counts once in each outlet's row,
      and once in an ungrouped total). A one-word name ("Lindqvist", an article
      that never gives more) is the person of that surname the store names in full,
      when it names exactly one ("Karen Lindqvist"); else it stays a name of its own.
    * A person's gender is the ``speaker_gender`` that most of the entities with
      their name have, over all the filtered articles (not only the group's: a
      person named with "she" in March keeps that gender in April); unknown when
      none has one or ``female`` and ``male`` are tied. Their quotations all count
      under that gender.
    * Groups: ``outlet`` (the article's outlet, NULL when it has none) and/or ``month``
      (``YYYY-MM`` of the article's date, NULL when it has none). Every group of the
      filtered articles is listed, also one without quoted people (zeros).
    * ``date_from``/``date_to`` filter on the article's date, inclusive; articles
      without a date are left out whenever either is given.

    Args:
        con: Store connection (:func:`saidwhat.store.connect`).
        by: Group keys, any of ``"outlet"`` and ``"month"``, in the output's order;
            empty for one row over the whole store.
        outlet: Only this outlet (case-insensitive).
        date_from: First article date, ``YYYY-MM-DD``, inclusive.
        date_to: Last article date, ``YYYY-MM-DD``, inclusive.

    Returns:
        Columns: the ``by`` keys, then ``articles, people, people_women, people_men,
        people_unknown, quotes, quotes_women, quotes_men, quotes_unknown, share_women``
        (``share_women``: women among the people whose gender is known, 0–1 rounded to
        4 places, NULL when there are none). ``quotes`` counts only people's
        quotations. Rows ordered by the keys (NULL last).

    Raises:
        ValueError: a key of ``by`` is not ``outlet`` or ``month``, or is repeated.
    """
    keys = list(by)
    bad = [k for k in keys if k not in SOURCE_KEYS]
    if bad or len(set(keys)) != len(keys):
        raise ValueError(f"by: expected 'outlet' and/or 'month' once each, got {','.join(keys)!r}")
    where, params = _filters(outlet=outlet, date_from=date_from, date_to=date_to)
    kp = "".join(f"{k}, " for k in keys)
    join = " AND ".join(f"g.{k} IS NOT DISTINCT FROM s.{k}" for k in keys) or "TRUE"
    group = f"GROUP BY {', '.join(keys)}" if keys else ""
    order = f"ORDER BY {', '.join(f'g.{k} NULLS LAST' for k in keys)}" if keys else ""
    sql = _people_sql(con, keys, where) + f""",
        groups AS (SELECT {kp}count(*) AS articles FROM a {group}),
        s AS (
            SELECT {kp}count(*) AS people,
                   count(*) FILTER (WHERE gender = 'female') AS people_women,
                   count(*) FILTER (WHERE gender = 'male') AS people_men,
                   count(*) FILTER (WHERE gender IS NULL) AS people_unknown,
                   sum(quotes) AS quotes,
                   coalesce(sum(quotes) FILTER (WHERE gender = 'female'), 0) AS quotes_women,
                   coalesce(sum(quotes) FILTER (WHERE gender = 'male'), 0) AS quotes_men,
                   coalesce(sum(quotes) FILTER (WHERE gender IS NULL), 0) AS quotes_unknown
            FROM people {group})
        SELECT {''.join(f'g.{k}, ' for k in keys)}g.articles,
               coalesce(s.people, 0) AS people, coalesce(s.people_women, 0) AS people_women,
               coalesce(s.people_men, 0) AS people_men, coalesce(s.people_unknown, 0) AS people_unknown,
               CAST(coalesce(s.quotes, 0) AS BIGINT) AS quotes,
               CAST(coalesce(s.quotes_women, 0) AS BIGINT) AS quotes_women,
               CAST(coalesce(s.quotes_men, 0) AS BIGINT) AS quotes_men,
               CAST(coalesce(s.quotes_unknown, 0) AS BIGINT) AS quotes_unknown,
               CASE WHEN coalesce(s.people_women, 0) + coalesce(s.people_men, 0) > 0
                    THEN round(s.people_women / (s.people_women + s.people_men), 4) END AS share_women
        FROM groups g LEFT JOIN s ON {join}
        {order}"""
    return _run(con, sql, params)


def quoted_people(con, *, outlet: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, limit: int = 20) -> Result:
    """The most quoted people, with their gender (the people of :func:`sources`, over
    the whole filtered store: one row per name).

    Returns:
        Columns ``name, gender`` (``female``, ``male`` or NULL), ``quotes, articles,
        outlets``; most quotations first, then name.
    """
    where, params = _filters(outlet=outlet, date_from=date_from, date_to=date_to)
    sql = _people_sql(con, [], where) + """
        SELECT name, gender, CAST(quotes AS BIGINT) AS quotes, articles, outlets FROM people
        ORDER BY quotes DESC, name LIMIT ?"""
    return _run(con, sql, params + [limit])
