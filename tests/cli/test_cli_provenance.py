"""Tests for ``saidwhat trace`` and ``saidwhat query clusters`` on invented articles."""
from __future__ import annotations

import csv
import io
import json

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")
pytest.importorskip("datasketch")

from saidwhat.cli import main  # noqa: E402
from saidwhat.store import load_records  # noqa: E402

QUOTE = "The harbour wall will be finished by the autumn, and not a day later."
OTHER = "Tickets for the summer festival go on sale on Friday morning at nine."


def _q(text, speaker):
    return {"quote": text, "quote_start": 0, "quote_end": len(text), "type": "direct", "speaker": speaker,
            "speaker_type": "PERSON", "confidence": 0.9, "flags": [], "speaker_id": "E1"}


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "t.duckdb"
    load_records(path, [
        {"id": "g1", "outlet": "Gazette", "date": "2024-05-01", "text": "...", "quotes": [_q(QUOTE, "Rita Okafor")]},
        {"id": "c1", "outlet": "Courier", "date": "2024-05-03", "text": "...",
         "quotes": [_q("The harbour wall will be finished by the autumn", "Okafor")]},
        {"id": "p1", "outlet": "Post", "date": "2024-05-02", "text": "...",
         "quotes": [_q(QUOTE.replace("autumn", "spring"), "Jonas Weller")]},
        {"id": "f1", "outlet": "Post", "date": "2024-05-02", "text": "...", "quotes": [_q(OTHER, "Mia Chen")]},
        {"id": "f2", "outlet": "Gazette", "date": "2024-05-04", "text": "...", "quotes": [_q(OTHER.lower(), "Chen")]},
    ], run_id="t")
    return str(path)


def test_trace_json_lists_appearances_in_date_order(store, capsys):
    assert main(["trace", "harbour wall will be finished", "--db", store, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    apps = out["appearances"]
    assert [a["article_id"] for a in apps] == ["g1", "p1", "c1"]
    assert [a["date"] for a in apps] == ["2024-05-01", "2024-05-02", "2024-05-03"]
    assert [a["outlet"] for a in apps] == ["Gazette", "Post", "Courier"]
    assert {a["article_id"]: (a["kinds"], a["conflict"]) for a in apps} == {
        "g1": ([], False), "p1": (["substituted"], True), "c1": (["truncated"], False)}
    assert apps[1]["quote"] == QUOTE.replace("autumn", "spring") and apps[0]["speaker"] == "Rita Okafor"
    assert len(out["clusters"]) == 1 and out["clusters"][0]["conflict"] is True


def test_trace_table_and_no_match(store, capsys):
    assert main(["trace", "harbour wall will be finished", "--db", store]) == 0
    out = capsys.readouterr().out
    assert "CONFLICT" in out and "[autumn]→[spring]" in out and "Jonas Weller" in out
    assert main(["trace", "an invented sentence nobody said", "--db", store, "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["appearances"] == []


def test_query_clusters_formats_and_filters(store, capsys):
    assert main(["query", "clusters", "--db", store, "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted((r["canonical"], r["articles"], r["conflict"]) for r in rows) == [
        (QUOTE, "3", "True"), (OTHER, "2", "False")]
    assert main(["query", "--db", store, "clusters", "--conflicts", "-f", "json"]) == 0
    (c,) = json.loads(capsys.readouterr().out)
    assert c["canonical"] == QUOTE and c["first_article"] == "g1" and c["outlets"] == ["Gazette", "Post", "Courier"]
    assert main(["query", "clusters", "--db", store, "--min-articles", "3"]) == 0
    out = capsys.readouterr().out
    assert "harbour wall" in out and "summer festival" not in out


def test_bad_db_is_a_clear_usage_error(tmp_path, capsys):
    assert main(["trace", "x", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "[E104]" in capsys.readouterr().err
    assert main(["query", "clusters", "--db", str(tmp_path)]) == 2
    assert "[E107]" in capsys.readouterr().err
    assert main(["trace", "x"]) == 2


@pytest.mark.parametrize("argv", [[""], ["  ..."], ["rebuild", "--limit", "0"]])
def test_trace_without_words_or_with_no_room_is_a_usage_error(store, capsys, argv):
    assert main(["trace", *argv, "--db", str(store)]) == 2
    assert "saidwhat trace: error:" in capsys.readouterr().err
