"""Tests for saidwhat.store.provenance on invented articles: clusters, variants, conflicts."""
from __future__ import annotations

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")
pytest.importorskip("datasketch")

from saidwhat.store import connect, load_records  # noqa: E402
from saidwhat.store.provenance import (  # noqa: E402
    clusters, diff, is_current, normalise, open_clustered, same_speaker, trace, update_clusters, words,
)

ORIGINAL = "We will rebuild the old bridge over the river before the winter comes, whatever it costs."


def _q(text, speaker, sid="E1"):
    return {"quote": text, "quote_start": 0, "quote_end": len(text), "type": "direct", "speaker": speaker,
            "speaker_type": "PERSON" if speaker else None, "confidence": 0.9, "flags": [],
            "speaker_id": sid if speaker else None}


def _art(aid, date, outlet, *quotes):
    return {"id": aid, "date": date, "outlet": outlet, "text": "...", "quotes": list(quotes)}


def _by_article(cluster):
    return {a["article_id"]: a for a in cluster["appearances"]}


def test_normalise_ignores_case_punctuation_quote_marks_and_spaces():
    assert normalise("“We  WON’T stop,” she said!") == normalise('"we won\'t   stop" -- she said') == "we wont stop she said"
    text = "Don’t  go."
    assert [(w, text[s:e]) for w, s, e in words(text)] == [("dont", "Don’t"), ("go", "go")]


def test_diff_names_every_kind_of_variant():
    assert diff(ORIGINAL, "“we will rebuild the old bridge over the river before the winter comes — whatever it costs”")["kinds"] == []
    cut = "We will rebuild the old bridge over the river"
    d = diff(ORIGINAL, cut)
    assert d["kinds"] == ["truncated"]
    assert [s["text"] for s in d["segments"] if s["op"] == "missing"] == ["before the winter comes, whatever it costs"]
    d = diff(ORIGINAL, ORIGINAL.replace("old", "new"))
    sub = [s for s in d["segments"] if s["op"] == "substituted"]
    assert d["kinds"] == ["substituted"] and sub[0]["text"] == "new" and sub[0]["canonical"] == "old"
    printed = ORIGINAL.replace("We will", "We will, of course,")
    d = diff(ORIGINAL, printed)
    add = [s for s in d["segments"] if s["op"] == "added"]
    assert d["kinds"] == ["added"] and printed[add[0]["start"]:add[0]["end"]] == "of course"
    assert diff(ORIGINAL, ORIGINAL.replace("old ", ""))["kinds"] == ["omitted"]


def test_same_speaker_surname_titles_and_none():
    assert same_speaker("Lopez", "Ana Lopez") and same_speaker("Mayor Ana Lopez", "ana lopez")
    assert same_speaker(None, "Tom Becker") and same_speaker("Sen. Ana Lopez", "Ana María Lopez")
    assert not same_speaker("Ana Lopez", "Tom Becker") and not same_speaker("Ana Lopez", "Bill Lopez")


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "p.duckdb"
    load_records(path, [
        _art("a1", "2024-03-01", "Gazette", _q(ORIGINAL, "Ana Lopez"),
             _q("The ferry timetable will change in the spring for every passenger.", "Port Office")),
        _art("u1", "2024-03-01", "Gazette", _q("Our school needs more teachers before the term starts.", "Tom Becker")),
    ], run_id="r1")
    load_records(path, [
        _art("a2", "2024-03-02", "Courier", _q("We will rebuild the old bridge over the river", "Lopez")),
        _art("a3", "2024-03-03", "Post", _q(ORIGINAL.replace("old", "new"), "Ana Lopez")),
        _art("a4", "2024-03-04", "Herald", _q(ORIGINAL.replace("We will", "We will, of course,"), None)),
        _art("a5", "2024-03-05", "Times", _q("“WE WILL rebuild the old bridge over the river before the winter "
                                             "comes — whatever it costs!”", "Tom Becker")),
        _art("u2", "2024-03-06", "Times", _q("The hospital will open a new wing next year, the board said.", "Board")),
    ], run_id="r2")
    return path


def test_clusters_join_every_variant_and_flag_the_recredited_copy(store):
    con = connect(store, read_only=True)
    found = clusters(con)
    con.close()
    assert len(found) == 1   # unrelated quotations stay single
    c = found[0]
    assert c["canonical"] == ORIGINAL and c["first_article"] == "a1" and str(c["first_date"]) == "2024-03-01"
    assert c["articles"] == 5 and c["outlets"] == ["Gazette", "Courier", "Post", "Herald", "Times"]
    assert c["speaker"] == "Ana Lopez" and set(c["speakers"]) == {"Ana Lopez", "Lopez", "Tom Becker"}
    apps = _by_article(c)
    assert [a["article_id"] for a in c["appearances"]] == ["a1", "a2", "a3", "a4", "a5"]  # date order
    assert {k: a["kinds"] for k, a in apps.items()} == {
        "a1": [], "a2": ["truncated"], "a3": ["substituted"], "a4": ["added"], "a5": []}
    assert c["conflict"] is True
    assert {k for k, a in apps.items() if a["conflict"]} == {"a5"}  # surname-only and no speaker are not conflicts


def test_no_conflict_for_surname_only_or_missing_speaker(tmp_path):
    path = tmp_path / "n.duckdb"
    load_records(path, [_art("x1", "2024-01-01", "A", _q(ORIGINAL, "Ana Lopez")),
                        _art("x2", "2024-01-02", "B", _q(ORIGINAL, "Lopez")),
                        _art("x3", "2024-01-03", "C", _q(ORIGINAL, None))], run_id="r")
    con = connect(path, read_only=True)
    (c,) = clusters(con)
    assert c["articles"] == 3 and c["conflict"] is False
    assert clusters(con, conflicts_only=True) == []
    con.close()


def test_copies_recredited_to_one_other_person_do_not_outvote_the_original(tmp_path):
    # the quotation is first credited to Ana Lopez; two later articles credit it to Tom
    # Becker: both copies are the conflicts, not the original
    path = tmp_path / "r.duckdb"
    load_records(path, [_art("o1", "2024-01-01", "A", _q(ORIGINAL, "Ana Lopez")),
                        _art("c1", "2024-01-05", "B", _q(ORIGINAL, "Tom Becker")),
                        _art("c2", "2024-01-06", "C", _q(ORIGINAL, "Tom Becker"))], run_id="r")
    con = connect(path, read_only=True)
    (c,) = clusters(con)
    assert c["speaker"] == "Ana Lopez" and c["conflict"] is True
    assert {k: a["conflict"] for k, a in _by_article(c).items()} == {"o1": False, "c1": True, "c2": True}
    con.close()


def test_containment_joins_a_fragment_but_not_a_short_stock_phrase(tmp_path):
    path = tmp_path / "c.duckdb"
    load_records(path, [
        _art("l1", "2024-01-01", "A", _q("After the storm, " + ORIGINAL + " The council agrees with us.", "Ana Lopez")),
        _art("f1", "2024-01-02", "B", _q("rebuild the old bridge over the river", "Ana Lopez")),
        _art("s1", "2024-01-03", "C", _q("the old bridge", "Tom Becker")),
    ], run_id="r")
    con = connect(path, read_only=True)
    (c,) = clusters(con)
    con.close()
    assert set(_by_article(c)) == {"l1", "f1"} and _by_article(c)["f1"]["kinds"] == ["truncated"]


def test_incremental_update_hashes_only_new_quotations(tmp_path):
    path = tmp_path / "i.duckdb"
    load_records(path, [_art("a1", "2024-01-01", "A", _q(ORIGINAL, "Ana Lopez"))], run_id="r1")
    con = connect(path)
    before = con.execute("SELECT qid, cluster_id FROM prov_quotes").fetchall()
    bands = con.execute("SELECT count(*) FROM prov_bands").fetchone()[0]
    con.close()
    load_records(path, [_art("a2", "2024-01-02", "B", _q(ORIGINAL.replace("old", "stone"), "Lopez"))], run_id="r2")
    con = connect(path)
    assert update_clusters(con) == 0   # nothing new: nothing hashed again
    rows = con.execute("SELECT qid, cluster_id FROM prov_quotes ORDER BY qid").fetchall()
    assert rows[0] == before[0] and rows[1][1] == before[0][1]   # old row kept, new one joined its cluster
    assert con.execute("SELECT count(*) FROM prov_bands").fetchone()[0] == 2 * bands
    con.close()
    # an article replaced by a new version leaves the cluster
    load_records(path, [_art("a2", "2024-01-02", "B", _q("Nothing about bridges at all, said the mayor today.", "Lopez"))],
                 run_id="r3")
    con = connect(path, read_only=True)
    assert clusters(con) == [] and is_current(con)
    con.close()


def test_store_made_without_clusters_is_clustered_on_open(tmp_path):
    path = tmp_path / "old.duckdb"
    con = connect(path)
    con.execute("INSERT INTO articles (id, date, outlet) VALUES ('a', DATE '2024-01-01', 'A'), ('b', DATE '2024-01-02', 'B')")
    con.execute(f"INSERT INTO quotations (article_id, quote_index, quote, speaker) VALUES "
                f"('a', 0, '{ORIGINAL}', 'Ana Lopez'), ('b', 0, '{ORIGINAL.upper()}', 'Tom Becker')")
    con.close()
    con = open_clustered(path)
    (c,) = clusters(con)
    con.close()
    assert c["articles"] == 2 and c["conflict"] is True


def test_trace_finds_the_cluster_from_a_part_or_a_variant(store):
    con = connect(store, read_only=True)
    (c,) = trace(con, "rebuild the OLD bridge, over the river")
    assert c["articles"] == 5
    (c2,) = trace(con, "We will rebuild the old bridge over the river before the summer comes, whatever it costs")
    assert c2["cluster_id"] == c["cluster_id"]
    assert trace(con, "nothing like this was ever said") == [] and trace(con, "...") == []
    con.close()
