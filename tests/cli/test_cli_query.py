"""Tests for ``saidwhat query`` (saidwhat.cli.query) and ``extract --db`` into a store."""
from __future__ import annotations

import csv
import io
import json

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

from saidwhat.cli import main  # noqa: E402
from saidwhat.store import load_records  # noqa: E402


def _q(text, speaker, stype="PERSON"):
    return {"quote": text, "quote_start": 0, "quote_end": len(text), "type": "direct", "speaker": speaker,
            "speaker_type": stype, "speaker_role": None, "speaker_mention": None, "speaker_start": None,
            "speaker_end": None, "cue": "said", "cue_start": None, "cue_end": None, "channel": None,
            "confidence": 0.9, "flags": []}


@pytest.fixture()
def store(tmp_path):
    path = tmp_path / "q.duckdb"
    load_records(path, [
        {"id": "a", "outlet": "Gazette", "date": "2024-03-05", "text": "...",
         "quotes": [_q("We will rebuild the bridge.", "Ana Lopez"), _q("Again, the bridge.", "Ana Lopez")]},
        {"id": "b", "outlet": "Courier", "date": "2024-03-09", "text": "...",
         "quotes": [_q("Staff first.", "Tom Becker"), _q("Budget talks resume.", "City Council", "ORG")]},
    ], run_id="t")
    return str(path)


def test_cli_query_speakers_formats(store, capsys):
    assert main(["query", "--db", store, "speakers"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["speaker", "type", "role"] and "Ana Lopez" in out
    assert main(["query", "speakers", "--db", store, "--format", "json", "--type", "PERSON"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["speaker"], r["quotes"]) for r in rows] == [("Ana Lopez", 2), ("Tom Becker", 1)]
    assert main(["query", "--db", store, "-f", "csv", "speakers", "--outlet", "courier"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["speaker"] for r in rows] == ["City Council", "Tom Becker"]


def test_cli_query_quotes_and_stats(store, capsys):
    assert main(["query", "--db", store, "quotes", "--search", "bridge", "-f", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["quote"] for r in rows} == {"We will rebuild the bridge.", "Again, the bridge."}
    assert main(["query", "--db", store, "quotes", "--speaker", "tom becker", "--from", "2024-03-06"]) == 0
    assert "Staff first." in capsys.readouterr().out
    assert main(["query", "--db", store, "stats", "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"] == [{"articles": 2, "quotes": 4, "attributed": 4, "quotes_per_article": 2.0}]
    assert main(["query", "--db", store, "stats", "-f", "csv"]) == 0
    out = capsys.readouterr().out
    assert "# totals" in out and "# outlets" in out


def test_cli_query_usage_errors(tmp_path, store, capsys):
    assert main(["query", "--db", str(tmp_path / "none.duckdb"), "stats"]) == 2
    assert "[E104]" in capsys.readouterr().err
    assert main(["query", "--db", store, "quotes", "--from", "not-a-date"]) == 2
    err = capsys.readouterr().err
    assert err == ("saidwhat query: error: [E110] --from 'not-a-date' is not a date; expected YYYY-MM-DD "
                   "(e.g. 2024-03-05).\n")
    assert main(["query", "--db", store, "stats", "--to", "2024-02-30"]) == 2
    assert "[E110] --to '2024-02-30'" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["text", "empty", "folder", "other-duckdb"])
def test_cli_query_db_that_is_not_a_store_is_usage_error(tmp_path, capsys, kind):
    db = tmp_path / "x.duckdb"
    if kind == "text":
        db.write_text("not a database\n")
    elif kind == "empty":
        db.write_bytes(b"")
    elif kind == "folder":
        db.mkdir()
    else:
        import duckdb

        con = duckdb.connect(str(db))
        con.execute("CREATE TABLE t (x INTEGER)")
        con.close()
    assert main(["query", "--db", str(db), "stats"]) == 2
    captured = capsys.readouterr()
    code = {"text": "[E108]", "empty": "[E108]", "folder": "[E107]", "other-duckdb": "[E109]"}[kind]
    assert captured.err.startswith(f"saidwhat query: error: {code} {db}") and captured.out == ""
    assert len(captured.err.splitlines()) == 1 and "Traceback" not in captured.err


@pytest.mark.parametrize("kind", ["text", "folder"])
def test_cli_extract_db_that_is_not_a_store_is_usage_error(tmp_path, capsys, kind):
    src = tmp_path / "a.txt"
    src.write_text('"Rain," she said.', encoding="utf-8")
    db = tmp_path / "x.duckdb"
    if kind == "text":
        db.write_text("my notes\n")
    else:
        db.mkdir()
    assert main(["extract", str(src), "--db", str(db), "-w", "1", "-q"]) == 2
    err = capsys.readouterr().err
    code = "[E108]" if kind == "text" else "[E107]"
    assert err.startswith(f"saidwhat extract: error: {code} {db}") and "Traceback" not in err
    # refused before anything started: the file is untouched and no run state is left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "x.duckdb"]
    if kind == "text":
        assert db.read_text() == "my notes\n"


@pytest.mark.slow
def test_cli_extract_folder_to_store_to_top_speakers(tmp_path, capsys, nlp):
    """The README walkthrough: a folder of articles -> --db -> the top-speakers table."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "bridge.txt").write_text('"We will rebuild the bridge by June," Mayor Ana Lopez said on Monday. '
                                       '"Nothing will stop us," Lopez said.', encoding="utf-8")
    (folder / "more.jsonl").write_text(json.dumps(
        {"id": "s1", "outlet": "Hill Courier", "date": "2024-03-06",
         "text": '"We need more staff before the winter," said union leader Tom Becker.'}) + "\n", encoding="utf-8")
    db = str(tmp_path / "news.duckdb")
    assert main(["extract", str(folder), "--db", db, "-w", "1", "-q"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["query", "--db", db, "speakers", "-f", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["speaker"] == "Ana Lopez" and rows[0]["quotes"] == 2
    assert "Tom Becker" in [r["speaker"] for r in rows]
    import duckdb

    con = duckdb.connect(db, read_only=True)
    text, start, end, quote = con.execute(
        "SELECT a.text, q.quote_start, q.quote_end, q.quote FROM quotations q JOIN articles a "
        "ON a.id = q.article_id WHERE q.article_id = 's1'").fetchone()
    assert text[start:end] == quote
    assert con.execute("SELECT outlet, date FROM articles WHERE id = 's1'").fetchone()[0] == "Hill Courier"
    con.close()


def test_extract_to_store_warns_of_a_date_it_cannot_read(tmp_path, capsys, nlp):
    src = tmp_path / "dated.jsonl"
    src.write_text(json.dumps({"id": "d1", "date": "5 March 2024", "text": "Nothing to quote here."}) + "\n"
                   + json.dumps({"id": "d2", "date": "2024-03-05", "text": "Nothing here either."}) + "\n")
    assert main(["extract", str(src), "--db", str(tmp_path / "s.duckdb"), "-w", "1", "-q"]) == 0
    err = capsys.readouterr().err
    assert "[W008] Article 'd1': date '5 March 2024' not understood" in err and "'d2'" not in err
