"""Tests for saidwhat.store: loading records and the queries behind ``saidwhat query``."""
from __future__ import annotations

import datetime

import pytest

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

from saidwhat.store import connect, find_quotes, load_records, parse_date, stats, top_speakers  # noqa: E402


def q(text, speaker, stype="PERSON", role=None, start=0):
    return {"quote": text, "quote_start": start, "quote_end": start + len(text), "type": "direct",
            "speaker": speaker, "speaker_type": stype if speaker else "OTHER", "speaker_role": role,
            "speaker_mention": speaker, "speaker_start": None, "speaker_end": None, "cue": "said",
            "cue_start": None, "cue_end": None, "channel": None, "confidence": 0.9, "flags": ["continuation"]}


RECORDS = [
    {"id": "a1", "outlet": "Valley Gazette", "date": "2024-03-05", "title": "Bridge", "url": "https://v.example/1",
     "text": "...", "section": "local",
     "quotes": [q("We will rebuild the bridge.", "Ana Lopez", role="Mayor"), q("The river will not stop us.", "Ana Lopez"),
                q("Costs are rising fast.", "City Council", "ORG")]},
    {"id": "a2", "outlet": "Hill Courier", "date": "2024-04-01T08:00:00Z", "text": "...",
     "quotes": [q("We need more staff before winter.", "Tom Becker"), q("Nobody listens to us.", None)]},
    {"id": "a3", "outlet": "Hill Courier", "date": "Tue, 07 May 2024 10:00:00 GMT", "text": "...",
     "quotes": [q("The bridge is a priority for all of us.", "Ana Lopez")]},
    {"id": "a4", "outlet": "Valley Gazette", "date": None, "text": "...", "quotes": []},
]


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "news.duckdb"
    assert load_records(path, RECORDS, run_id="r1") == (4, 6)
    con = connect(path, read_only=True)
    yield con
    con.close()


def test_store_parse_date():
    assert parse_date("2024-03-05") == datetime.date(2024, 3, 5)
    assert parse_date("2024-04-01T08:00:00Z") == datetime.date(2024, 4, 1)
    assert parse_date("Tue, 07 May 2024 10:00:00 GMT") == datetime.date(2024, 5, 7)
    assert parse_date("last week") is None and parse_date(None) is None


def test_store_tables_and_speakers(db):
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    row = db.execute("SELECT date, meta, title FROM articles WHERE id = 'a1'").fetchone()
    assert row[0] == datetime.date(2024, 3, 5) and '"section"' in row[1] and row[2] == "Bridge"
    flags = db.execute("SELECT flags FROM quotations WHERE article_id = 'a1' AND quote_index = 0").fetchone()[0]
    assert flags == ["continuation"]
    sp = db.execute("SELECT name, type, role, quotes, articles, outlets FROM speakers ORDER BY quotes DESC, name").fetchall()
    assert sp[0] == ("Ana Lopez", "PERSON", "Mayor", 3, 2, 2)
    assert {r[0] for r in sp} == {"Ana Lopez", "City Council", "Tom Becker"}


def test_store_reload_same_run_is_a_no_op_and_new_run_replaces(tmp_path):
    path = tmp_path / "s.duckdb"
    load_records(path, RECORDS, run_id="r1")
    assert load_records(path, RECORDS, run_id="r1") == (4, 6)  # finalisation redone: nothing written
    changed = [dict(RECORDS[0], quotes=RECORDS[0]["quotes"][:1])]
    load_records(path, changed, run_id="r2")
    con = connect(path, read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    assert con.execute("SELECT count(*) FROM quotations").fetchone()[0] == 4
    assert con.execute("SELECT count(*) FROM runs").fetchone()[0] == 2
    con.close()


def test_store_top_speakers_filters(db):
    cols, rows = top_speakers(db)
    assert cols == ["speaker", "type", "role", "quotes", "articles", "share"]
    assert rows[0][:4] == ("Ana Lopez", "PERSON", "Mayor", 3) and rows[0][5] == pytest.approx(0.6)
    assert [r[0] for r in top_speakers(db, outlet="hill courier")[1]] == ["Ana Lopez", "Tom Becker"]
    assert [r[0] for r in top_speakers(db, speaker_type="org")[1]] == ["City Council"]
    assert [r[0] for r in top_speakers(db, date_from="2024-04-01", date_to="2024-04-30")[1]] == ["Tom Becker"]
    assert len(top_speakers(db, limit=1)[1]) == 1


def test_store_find_quotes(db):
    cols, rows = find_quotes(db, speaker="ana lopez")
    assert len(rows) == 3 and rows[0][2] == "a3"  # newest first
    assert [r[6] for r in find_quotes(db, search="BRIDGE")[1]] == [
        "The bridge is a priority for all of us.", "We will rebuild the bridge."]
    assert find_quotes(db, search="100%")[1] == []  # % is literal in --search
    assert [r[2] for r in find_quotes(db, speaker="%Becker", outlet="Hill Courier")[1]] == ["a2"]


def test_store_stats(db):
    s = stats(db)
    assert s["totals"][1] == [(4, 6, 5, 1.5)]
    types = dict((r[0], r[1]) for r in s["speaker_types"][1])
    assert types == {"PERSON": 4, "ORG": 1, "(unattributed)": 1}
    outlets = {r[0]: r[1:] for r in s["outlets"][1]}
    assert outlets["Valley Gazette"][:2] == (2, 3) and outlets["Hill Courier"][:2] == (2, 3)
    assert stats(db, outlet="Hill Courier")["totals"][1][0][:2] == (2, 3)


def test_store_duplicate_ids_in_one_run_keep_the_later_article(tmp_path):
    import warnings as _w

    from saidwhat.store.duckdb import connect, write_records

    from saidwhat import Quote

    quote = Quote("x", 0, 1, "direct", speaker="Ann Lee", speaker_type="PERSON").to_dict()
    rec = {"id": "a1", "text": "x", "quotes": [quote]}
    later = dict(rec, text="y", quotes=[])
    con = connect(tmp_path / "s.duckdb")
    with _w.catch_warnings(record=True) as caught:
        _w.simplefilter("always")
        n_art, n_q = write_records(con, [rec, later], run_id="r1")
    assert any("[W004]" in str(w.message) for w in caught)
    assert con.execute("SELECT count(*), min(text) FROM articles WHERE id = 'a1'").fetchone() == (1, "y")
    assert con.execute("SELECT count(*) FROM quotations WHERE article_id = 'a1'").fetchone()[0] == 0
    assert (n_art, n_q) == (1, 0)


def test_store_duplicate_ids_reported_through_on_duplicate(tmp_path):
    import warnings as _w

    from saidwhat.store.duckdb import connect, write_records

    recs = [{"id": "a1", "text": "x", "quotes": []}, {"id": "a2", "text": "y", "quotes": []},
            {"id": "a1", "text": "z", "quotes": []}]
    seen = []
    con = connect(tmp_path / "s.duckdb")
    with _w.catch_warnings():
        _w.simplefilter("error")  # no Python warning when a callback is given
        assert write_records(con, recs, run_id="r1", on_duplicate=seen.append) == (2, 0)
    assert seen == ["[W004] Article id 'a1' occurs more than once; in the store the later article "
                    "replaces the earlier one."]
    assert con.execute("SELECT text FROM articles WHERE id = 'a1'").fetchall() == [("z",)]


def test_a_store_made_before_the_gender_fields_gains_their_columns(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))   # the quotations table as stores had it before speaker_id and gender
    con.execute("CREATE TABLE quotations (article_id VARCHAR, quote_index INTEGER, quote VARCHAR, quote_start BIGINT, "
                "quote_end BIGINT, type VARCHAR, speaker VARCHAR, speaker_type VARCHAR, speaker_role VARCHAR, "
                "speaker_mention VARCHAR, speaker_start BIGINT, speaker_end BIGINT, cue VARCHAR, cue_start BIGINT, "
                "cue_end BIGINT, channel VARCHAR, confidence DOUBLE, flags VARCHAR[])")
    con.execute("INSERT INTO quotations (article_id, quote_index, quote) VALUES ('old', 0, 'Kept.')")
    con.close()
    rec = q("We will appeal.", "Tobias Wrenfield") | {"speaker_gender": "male", "speaker_gender_source": "honorific"}
    assert load_records(path, [{"id": "new", "text": "...", "quotes": [rec]}]) == (1, 1)
    con = connect(path, read_only=True)
    rows = con.execute("SELECT article_id, speaker_id, speaker_gender, speaker_gender_source FROM quotations "
                       "ORDER BY article_id").fetchall()
    assert rows == [("new", None, "male", "honorific"), ("old", None, None, None)]
