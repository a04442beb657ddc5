"""``saidwhat query sources``: who is quoted, by gender, per outlet and month (issue 11).

The corpus is invented: three outlets over two months, each speaker's gender given,
so every count below is known by hand.
"""
from __future__ import annotations

import csv
import io
import json

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

from saidwhat.cli import main  # noqa: E402
from saidwhat.store import connect, load_records, quoted_people, sources  # noqa: E402


def _q(speaker, gender=None, sid="E1", stype="PERSON"):
    return {"quote": "Words.", "quote_start": 0, "quote_end": 6, "type": "direct", "speaker": speaker,
            "speaker_type": stype if speaker else None, "speaker_id": sid if speaker else None,
            "speaker_gender": gender, "speaker_gender_source": "pronoun" if gender else None,
            "cue": "said", "confidence": 0.9, "flags": []}


#: Eastmere Post, March: Ana Lopez (f, 2 quotes), Tom Becker (m, 1), the council (ORG, not a person),
#: one unattributed quotation (not a person); a second March article quotes Ana Lopez again (1) and
#: Kim Ito (unknown gender, 1). April: Ana Lopez (1; no gender here, hers from March) and Ruth Adler (f, 1).
#: River News, March: Tom Becker (m, 2) and Sam Okoye (m, 1). Hill Courier (from its url), no date: Mia Berg (f, 1).
ARTICLES = [
    {"id": "ep1", "outlet": "Eastmere Post", "date": "2024-03-04", "text": "...",
     "quotes": [_q("Ana Lopez", "female", "E1"), _q("Tom Becker", "male", "E2"), _q("Ana Lopez", "female", "E1"),
                _q("City Council", None, "E3", "ORG"), _q(None)]},
    {"id": "ep2", "outlet": "Eastmere Post", "date": "2024-03-20", "text": "...",
     "quotes": [_q("Ana Lopez", "female", "E1"), _q("Kim Ito", None, "E2")]},
    {"id": "ep3", "outlet": "Eastmere Post", "date": "2024-04-02", "text": "...",
     "quotes": [_q("Ana Lopez", None, "E4"), _q("Ruth Adler", "female", "E1")]},
    {"id": "rn1", "source": "River News", "date": "2024-03-11T09:00:00Z", "text": "...",
     "quotes": [_q("Tom Becker", "male", "E1"), _q("Sam Okoye", "male", "E2"), _q("Tom Becker", "male", "E1")]},
    {"id": "rn2", "source": "River News", "date": "2024-04-30", "text": "...", "quotes": []},
    {"id": "hc1", "url": "https://www.hill-courier.example/2024/berg", "text": "...",
     "quotes": [_q("Mia Berg", "female", "E1")]},
]

KEYS = ("people_women", "people_men", "people_unknown", "quotes_women", "quotes_men", "share_women")


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "sources.duckdb"
    load_records(path, ARTICLES, run_id="t")
    return str(path)


def _json(capsys, *args):
    assert main(["query", "--db", *args, "-f", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_sources_by_outlet_month_exact_counts(store, capsys):
    rows = _json(capsys, store, "sources", "--by", "outlet,month")
    got = [(r["outlet"], r["month"], *(r[k] for k in KEYS)) for r in rows]
    assert got == [
        ("Eastmere Post", "2024-03", 1, 1, 1, 3, 1, 0.5),
        ("Eastmere Post", "2024-04", 2, 0, 0, 2, 0, 1.0),
        ("River News", "2024-03", 0, 2, 0, 0, 3, 0.0),
        ("River News", "2024-04", 0, 0, 0, 0, 0, None),
        ("hill-courier.example", None, 1, 0, 0, 1, 0, 1.0),
    ]
    assert [(r["articles"], r["people"], r["quotes"], r["quotes_unknown"]) for r in rows] == [
        (2, 3, 5, 1), (1, 2, 2, 0), (1, 2, 3, 0), (1, 0, 0, 0), (1, 1, 1, 0)]


def test_sources_by_outlet_by_month_and_total(store, capsys):
    by_outlet = _json(capsys, store, "sources", "--by", "outlet")
    # Ana Lopez is one person across the Eastmere Post's three articles
    assert [(r["outlet"], *(r[k] for k in KEYS)) for r in by_outlet] == [
        ("Eastmere Post", 2, 1, 1, 5, 1, 0.6667),
        ("River News", 0, 2, 0, 0, 3, 0.0),
        ("hill-courier.example", 1, 0, 0, 1, 0, 1.0)]
    by_month = _json(capsys, store, "sources", "--by", "month")
    # Tom Becker, quoted by two outlets in March, is one person in March
    assert [(r["month"], *(r[k] for k in KEYS)) for r in by_month] == [
        ("2024-03", 1, 2, 1, 3, 4, 0.3333), ("2024-04", 2, 0, 0, 2, 0, 1.0), (None, 1, 0, 0, 1, 0, 1.0)]
    (total,) = _json(capsys, store, "sources")
    assert set(total) == {"articles", "people", "quotes", "quotes_unknown", *KEYS}
    assert [total[k] for k in KEYS] == [3, 2, 1, 6, 4, 0.6]


def test_sources_date_range_leaves_out_undated_articles(store, capsys):
    rows = _json(capsys, store, "sources", "--by", "outlet", "--from", "2024-03-15", "--to", "2024-04-30")
    assert [(r["outlet"], r["articles"], *(r[k] for k in KEYS)) for r in rows] == [
        ("Eastmere Post", 2, 2, 0, 1, 3, 0, 1.0), ("River News", 1, 0, 0, 0, 0, 0, None)]
    rows = _json(capsys, store, "sources", "--by", "month", "--outlet", "eastmere post", "--to", "2024-03-31")
    assert [(r["month"], r["people"]) for r in rows] == [("2024-03", 3)]


def test_sources_table_and_csv(store, capsys):
    assert main(["query", "--db", store, "sources", "--by", "outlet,month"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["outlet", "month", "articles", "people"] and len(lines) == 2 + 5
    assert main(["query", "--db", store, "sources", "--by", "month,outlet", "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0])[:2] == ["month", "outlet"] and len(rows) == 5
    assert rows[0]["share_women"] == "0.5" and rows[-1]["month"] == ""


@pytest.mark.parametrize("args, message", [
    (["--by", "week"], "argument --by: expected outlet, month or outlet,month, got 'week'"),
    (["--by", "outlet,outlet"], "argument --by"),
    (["--from", "2024-3-1"], "[E110] --from '2024-3-1' is not a date"),
    (["--from", "2024-04-01", "--to", "2024-03-01"], "[E111] --from 2024-04-01 is after --to 2024-03-01"),
])
def test_sources_usage_errors(store, capsys, args, message):
    with pytest.raises(SystemExit) if "--by" in args else _no_raise():
        assert main(["query", "--db", store, "sources", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


class _no_raise:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_quoted_people_and_old_store_without_gender(store, tmp_path):
    con = connect(store, read_only=True)
    cols, rows = quoted_people(con, limit=3)
    con.close()
    assert cols == ["name", "gender", "quotes", "articles", "outlets"]
    assert rows == [("Ana Lopez", "female", 4, 3, 1), ("Tom Becker", "male", 3, 2, 2), ("Kim Ito", None, 1, 1, 1)]
    # a store made before speaker_id and speaker_gender existed: every person's gender is unknown
    import duckdb

    con = duckdb.connect(store)
    con.execute("DROP INDEX quotations_article")
    con.execute("DROP INDEX quotations_speaker")
    con.execute("ALTER TABLE quotations DROP COLUMN speaker_gender")
    con.execute("ALTER TABLE quotations DROP COLUMN speaker_id")
    con.close()
    con = connect(store, read_only=True)
    cols, rows = sources(con)
    con.close()
    row = dict(zip(cols, rows[0]))
    assert (row["people"], row["people_unknown"], row["share_women"]) == (6, 6, None)


@pytest.mark.slow
def test_readme_sources_walkthrough(tmp_path, capsys, nlp):
    """The README's example: examples/sources -> --db -> query sources --by outlet,month.

    Checks the groups, the articles and the people the model finds in them (gender is
    the gender stage's to decide; here only that every person is counted once)."""
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "examples" / "sources"
    db = str(tmp_path / "news.duckdb")
    assert main(["extract", str(folder), "--db", db, "-w", "1", "-q"]) == 0
    capsys.readouterr()
    rows = _json(capsys, db, "sources", "--by", "outlet,month")
    assert [(r["outlet"], r["month"], r["articles"], r["people"]) for r in rows] == [
        ("Eastmere Post", "2024-01", 1, 2), ("Eastmere Post", "2024-02", 1, 3), ("Eastmere Post", "2024-03", 1, 2),
        ("Hill Courier", "2024-02", 1, 2), ("River News", "2024-01", 1, 2), ("River News", "2024-03", 1, 3)]
    for r in rows:
        assert r["people_women"] + r["people_men"] + r["people_unknown"] == r["people"]


def test_a_surname_alone_is_the_one_person_named_in_full(tmp_path, capsys):
    # an article that says only "Lindqvist" quotes Karen Lindqvist, the one person of that
    # surname the store names in full; a surname two full names share stays its own name
    arts = [{"id": "a1", "outlet": "Wire", "date": "2024-05-01", "text": "...",
             "quotes": [_q("Karen Lindqvist", "female", "E1"), _q("Paul Dorsey", "male", "E2")]},
            {"id": "a2", "outlet": "Wire", "date": "2024-05-02", "text": "...",
             "quotes": [_q("Lindqvist", "female", "E1"), _q("Tom Becker", "male", "E2")]},
            {"id": "a3", "outlet": "Wire", "date": "2024-05-03", "text": "...",
             "quotes": [_q("Ana Berg", "female", "E1"), _q("Olof Berg", "male", "E2"), _q("Berg", None, "E3")]}]
    path = tmp_path / "wire.duckdb"
    load_records(path, arts, run_id="t")
    (row,) = _json(capsys, str(path), "sources")
    assert (row["people_women"], row["people_men"], row["people_unknown"]) == (2, 3, 1)
