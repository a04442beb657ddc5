"""Tests for ``saidwhat extract`` (saidwhat.cli.extract), run in-process with one worker."""
from __future__ import annotations

import io
import json
import sys

import pytest

import saidwhat
from saidwhat.cli import build_parser, main

pytestmark = pytest.mark.slow

ARTICLES = [
    {"id": "bridge", "outlet": "Valley Gazette", "date": "2024-03-05",
     "text": '"We will rebuild the bridge by June," Mayor Ana Lopez said on Monday. '
             '"The river will not stop us."\n\nThe council said the work would cost two million euros.'},
    {"id": "school", "outlet": "Hill Courier", "date": "2024-03-06",
     "text": 'Teachers gathered outside the school. "We need more staff before the winter," '
             'said union leader Tom Becker.'},
    {"id": "quiet", "outlet": "Hill Courier", "date": "2024-03-07",
     "text": "The market opened at nine and closed at noon."},
]


def _jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(row if isinstance(row, str) else json.dumps(row))
            fh.write("\n")
    return path


def _lines(out: str):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_extract_parser_defaults():
    args = build_parser().parse_args(["extract", "a.txt"])
    assert args.paths == ["a.txt"] and args.format is None and args.workers is None
    assert args.out == [] and args.db is None and not args.resume


def test_extract_txt_one_article_id_is_stem(tmp_path, capsys, nlp):
    path = tmp_path / "bridge-story.txt"
    path.write_text(ARTICLES[0]["text"], encoding="utf-8")
    assert main(["extract", str(path), "-w", "1", "-q"]) == 0
    (rec,) = _lines(capsys.readouterr().out)
    assert rec["id"] == "bridge-story"
    expected = [q.to_dict() for q in saidwhat.extract(ARTICLES[0]["text"], nlp=nlp)]
    assert rec["quotes"] == expected and expected
    text = ARTICLES[0]["text"]
    for q in rec["quotes"]:
        assert text[q["quote_start"]:q["quote_end"]] == q["quote"]


def test_extract_jsonl_order_carried_fields_and_bad_lines(tmp_path, capsys, nlp):
    path = _jsonl(tmp_path / "in.jsonl", [ARTICLES[0], "{not json", {"id": "no-text"}, ARTICLES[1],
                                          ARTICLES[2]])
    assert main(["extract", str(path), "-w", "1", "-q"]) == 1
    out, err = capsys.readouterr()
    recs = _lines(out)
    assert [r["id"] for r in recs] == ["bridge", "school", "quiet"]
    assert recs[0]["outlet"] == "Valley Gazette" and recs[0]["date"] == "2024-03-05"
    assert "text" not in recs[0]
    assert list(recs[0]) == ["id", "outlet", "date", "quotes", "quoted_people"]
    assert recs[2]["quotes"] == []
    assert "in.jsonl:line 2" in err and "in.jsonl:line 3" in err


def test_extract_exit_0_when_nothing_skipped(tmp_path, capsys, nlp):
    path = _jsonl(tmp_path / "ok.jsonl", ARTICLES[:2])
    assert main(["extract", str(path), "-w", "1"]) == 0
    assert "2 articles" in capsys.readouterr().err  # the summary


def test_extract_missing_file_is_usage_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt"), "-w", "1"]) == 2
    assert "[E003]" in capsys.readouterr().err


def test_extract_empty_directory_warns_w010_and_is_usage_error(tmp_path, capsys):
    news = tmp_path / "news"
    news.mkdir()
    (news / "notes.md").write_text("Not an article.", encoding="utf-8")
    (news / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    assert main(["extract", str(news), "-w", "1"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    (warning,) = [line for line in err.splitlines() if "[W010]" in line]
    assert warning.startswith(f"saidwhat: warning: [W010] {news}: no articles found in this directory")
    assert ".txt" in warning and ".jsonl" in warning and ".warc.gz" in warning
    assert f"saidwhat extract: error: no articles to read in {news}" in err
    assert "0 articles" not in err


def test_extract_empty_directory_among_inputs_warns_and_reads_the_others(tmp_path, capsys, nlp):
    empty = tmp_path / "empty"
    empty.mkdir()
    story = tmp_path / "bridge.txt"
    story.write_text(ARTICLES[0]["text"], encoding="utf-8")
    assert main(["extract", str(empty), str(story), "-w", "1"]) == 0
    out, err = capsys.readouterr()
    assert [r["id"] for r in _lines(out)] == ["bridge"]
    assert f"saidwhat: warning: [W010] {empty}: no articles found" in err
    (summary,) = [line for line in err.splitlines() if line.startswith("saidwhat: 1 article,")]
    assert ", 1 warning, " in summary


def test_extract_unknown_extension_is_usage_error(tmp_path, capsys):
    path = tmp_path / "a.docx"
    path.write_text("x")
    assert main(["extract", str(path), "-w", "1"]) == 2
    err = capsys.readouterr().err
    assert "[E005]" in err and "--input-format text" in err   # says how to read it anyway


def test_extract_directory_warns_about_files_it_does_not_read(tmp_path, capsys, nlp):
    news = tmp_path / "news"
    news.mkdir()
    (news / "bridge.txt").write_text(ARTICLES[0]["text"], encoding="utf-8")
    (news / "bridge.json").write_text('{"outlet": "Gazette"}', encoding="utf-8")   # its metadata
    (news / "notes.md").write_text("Mayor Ana Ruiz said the bridge would open.", encoding="utf-8")
    (news / ".draft.md").write_text("hidden", encoding="utf-8")
    assert main(["extract", str(news), "-w", "1"]) == 0
    out, err = capsys.readouterr()
    assert [r["id"] for r in _lines(out)] == ["bridge"]
    (warning,) = [line for line in err.splitlines() if "[W012]" in line]
    assert f"[W012] {news}: 1 file(s) in this directory skipped" in warning
    assert "(notes.md)" in warning and "--input-format text" in warning
    assert "bridge.json" not in warning and ".draft.md" not in warning


@pytest.mark.parametrize("out", ["outdir", "x.txt", "s.duckdb"])
def test_extract_unknown_output_extension_says_output_format_and_lists_them(tmp_path, capsys, out):
    path = tmp_path / "a.txt"
    path.write_text('"Rain," she said.', encoding="utf-8")
    dest = tmp_path / out
    if out == "outdir":
        dest.mkdir()
    assert main(["extract", str(path), "--out", str(dest), "-w", "1", "-q"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"saidwhat extract: error: [E013] Unsupported output format for '{dest}'")
    assert "input" not in err
    assert err.rstrip().endswith("--out takes a file ending in one of .jsonl, .jsonl.gz, .ndjson, .json, "
                                 ".csv, .parquet.")
    note = {"outdir": " (a directory);", "x.txt": f"'{dest}';", "s.duckdb": "(a DuckDB store is written with --db);"}
    assert note[out] in err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.txt"] + (["outdir"] if out == "outdir" else []))


def test_extract_unknown_model_is_usage_error(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Hello.")
    assert main(["extract", str(path), "-w", "1", "--model", "xx_no_such_pipeline"]) == 2


def test_extract_stdin_text_and_jsonl(monkeypatch, capsys, nlp):
    data = ARTICLES[1]["text"].encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["extract", "-", "-w", "1", "-q"]) == 0
    (rec,) = _lines(capsys.readouterr().out)
    assert rec["id"] == "stdin" and rec["quotes"]

    data = "\n".join(json.dumps(a) for a in ARTICLES).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["extract", "--input-format", "jsonl", "-w", "1", "-q"]) == 0
    assert [r["id"] for r in _lines(capsys.readouterr().out)] == ["bridge", "school", "quiet"]


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_extract_stdout_formats(tmp_path, capsys, nlp, fmt):
    path = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    assert main(["extract", str(path), "-w", "1", "-q", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        data = json.loads(out)
        assert [d["id"] for d in data] == ["bridge", "school", "quiet"]
    elif fmt == "csv":
        header, *rows = out.splitlines()
        assert header.startswith("article_id,title,url,date,outlet,quote_index,quote,")
        assert rows and all(r.split(",")[0] in ("bridge", "school") for r in rows)
    else:
        assert "bridge: " in out and "Ana Lopez" in out and "quiet: 0 quotations" in out


def test_extract_out_files_and_force(tmp_path, capsys, nlp):
    src = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    out_jsonl, out_csv, out_pq = tmp_path / "o.jsonl", tmp_path / "o.csv", tmp_path / "o.parquet"
    argv = ["extract", str(src), "-w", "1", "-q", "-o", str(out_jsonl), "-o", str(out_csv), "-o", str(out_pq)]
    assert main(argv) == 0
    assert capsys.readouterr().out == ""
    recs = _lines(out_jsonl.read_text())
    n_quotes = sum(len(r["quotes"]) for r in recs)
    assert [r["id"] for r in recs] == ["bridge", "school", "quiet"]
    assert len(out_csv.read_text().splitlines()) == 1 + n_quotes
    import pyarrow.parquet as pq

    assert pq.read_table(out_pq).num_rows == n_quotes
    assert not (tmp_path / "o.jsonl.saidwhat-state").exists()
    assert main(argv) == 2  # exists, no --force
    assert "[E101]" in capsys.readouterr().err
    assert main(argv + ["--force"]) == 0


def test_extract_unknown_model_fails_before_workers_start(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Hello.")
    assert main(["extract", str(path), "-w", "2", "--model", "xx_no_such_pipeline", "-o", str(tmp_path / "o.jsonl")]) == 2
    assert "[E106]" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl.saidwhat-state").exists()


def test_extract_resume_needs_the_same_outputs(tmp_path, capsys):
    from saidwhat.batch.state import StagedRun

    src = _jsonl(tmp_path / "in.jsonl", ARTICLES)
    out = tmp_path / "o.jsonl"
    StagedRun(tmp_path / "o.jsonl.saidwhat-state", outputs=[str(out)], db=None, keep_text=False).create()
    assert main(["extract", str(src), "-w", "1", "-o", str(out), "--db", str(tmp_path / "x.duckdb"),
                 "--resume"]) == 2
    assert "[E105]" in capsys.readouterr().err
    assert main(["extract", str(src), "-w", "1", "--resume"]) == 2
    assert "[E103]" in capsys.readouterr().err


def test_extract_same_file_name_in_two_folders_keeps_both(tmp_path, monkeypatch, capsys, nlp):
    pytest.importorskip("duckdb")
    monkeypatch.chdir(tmp_path)
    for d, art in (("e1", ARTICLES[0]), ("e2", ARTICLES[1])):
        (tmp_path / d).mkdir()
        (tmp_path / d / "story.txt").write_text(art["text"], encoding="utf-8")
    assert main(["extract", "e1", "e2", "--db", "dup.duckdb", "--out", "dup.jsonl", "-w", "1"]) == 0
    err = capsys.readouterr().err
    assert "warning" not in err.lower() and "saidwhat: 2 articles" in err
    recs = _lines((tmp_path / "dup.jsonl").read_text(encoding="utf-8"))
    assert [r["id"] for r in recs] == ["story", "e2/story"]
    assert recs[1]["quotes"][0]["speaker"] == "Tom Becker"
    assert main(["query", "--db", "dup.duckdb", "stats", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["totals"][0]["articles"] == 2
    import duckdb

    con = duckdb.connect("dup.duckdb", read_only=True)
    rows = con.execute("SELECT id, text FROM articles ORDER BY id").fetchall()
    con.close()
    assert rows == [("e2/story", ARTICLES[1]["text"]), ("story", ARTICLES[0]["text"])]


def test_extract_repeated_given_id_into_store_is_a_clean_counted_warning(tmp_path, capsys, nlp):
    pytest.importorskip("duckdb")
    path = _jsonl(tmp_path / "in.jsonl", [ARTICLES[0], dict(ARTICLES[1], id="bridge")])
    db = str(tmp_path / "s.duckdb")
    assert main(["extract", str(path), "--db", db, "-w", "1"]) == 0
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert "saidwhat: warning: [W004] Article id 'bridge' occurs more than once; in the store the later " \
           "article replaces the earlier one." in lines
    assert f"saidwhat: warning: [W011] {path}:line 2: article id 'bridge' was already given at line 1; " \
           "both lines are read and written with that id (a --db store keeps only the later one)." in lines
    assert "UserWarning" not in err and "warnings.warn" not in err and ".py:" not in err
    summary = [line for line in lines if line.startswith("saidwhat: 2 articles")]
    assert len(summary) == 1 and ", 2 warnings, " in summary[0]


def test_extract_repeated_jsonl_id_to_stdout_warns_with_line_numbers_and_keeps_both(tmp_path, capsys, nlp):
    path = _jsonl(tmp_path / "in.jsonl", [ARTICLES[0], ARTICLES[2], dict(ARTICLES[1], id="bridge")])
    assert main(["extract", str(path), "-w", "1", "-f", "jsonl"]) == 0
    out, err = capsys.readouterr()
    recs = _lines(out)
    assert [r["id"] for r in recs] == ["bridge", "quiet", "bridge"]
    assert recs[2]["quotes"][0]["speaker"] == "Tom Becker"   # the second article, not a copy of the first
    warnings = [line for line in err.splitlines() if line.startswith("saidwhat: warning:")]
    assert warnings == [f"saidwhat: warning: [W011] {path}:line 3: article id 'bridge' was already given at "
                        "line 1; both lines are read and written with that id (a --db store keeps only the "
                        "later one)."]
    (summary,) = [line for line in err.splitlines() if line.startswith("saidwhat: 3 articles")]
    assert ", 1 warning, " in summary


def test_extract_crlf_txt_offsets_index_the_readme_recipe_text(tmp_path, capsys, nlp):
    """README: for a .txt file the offsets index the text its recipe reads, CRLF kept."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    (recipe,) = re.findall(r"for a `\.txt` file the text is `(open\(path, [^`]*\)\.read\(\))`", readme)
    body = ('Teachers gathered outside the school on Monday.\r\n\r\n"We need more staff before the winter," '
            'said union leader Tom Becker.\r\n\r\n"The river will not stop us," Mayor Ana Lopez said. '
            'She added that the bridge would reopen in June.\r\n')
    path = str(tmp_path / "crlf.txt")
    with open(path, "wb") as fh:
        fh.write(b"\xef\xbb\xbf" + body.encode("utf-8"))
    text = eval(recipe, {"open": open, "path": path})  # noqa: S307 - the README's own recipe
    assert text == body and "\r\n" in text
    assert main(["extract", path, "-w", "1", "-q"]) == 0
    (rec,) = _lines(capsys.readouterr().out)
    assert len(rec["quotes"]) >= 3
    for q in rec["quotes"]:
        assert text[q["quote_start"]:q["quote_end"]] == q["quote"]
        if q["speaker_start"] is not None:
            assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker_mention"]
        if q["cue_start"] is not None:
            assert text[q["cue_start"]:q["cue_end"]] == q["cue"]
    assert {q["speaker"] for q in rec["quotes"]} >= {"Tom Becker", "Ana Lopez"}


def test_extract_csv_without_text_column_is_usage_error(tmp_path, capsys, monkeypatch):
    path = tmp_path / "rows.csv"
    path.write_text('title,body\nA,"He said, ""yes."""\nB,More text.\n', encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(path), "--out", str(out), "-w", "1", "-q"]) == 2
    err = capsys.readouterr().err
    assert err == (f"saidwhat extract: error: [E014] {path}: no column 'text' for the article text; the columns "
                   "are 'title', 'body'. Name one with --text-col.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rows.csv"]  # nothing started, no state left
    # the same on stdin (checked when the header is read): no state left behind either
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(path.read_bytes()), encoding="utf-8"))
    assert main(["extract", "-", "--input-format", "csv", "--out", str(out), "-w", "1", "-q"]) == 2
    assert "[E014] -: no column 'text'" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rows.csv"]


def test_extract_a_csv_without_text_column_among_other_inputs_is_skipped(tmp_path, capsys, nlp):
    # one file of several lacking the column loses that file, reported, not the run
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "rows.csv").write_text('title,body\nA,"Some text."\n', encoding="utf-8")
    (folder / "good.txt").write_text('"We will rebuild the bridge by June," Mayor Ana Lopez said on Monday.\n',
                                     encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(folder), "--out", str(out), "-w", "1", "-q"]) == 1
    err = capsys.readouterr().err
    assert f"{folder / 'rows.csv'}:header: [E014] no column 'text' for the article text" in err and "skipped" in err
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["id"], [q["speaker"] for q in r["quotes"]]) for r in recs] == [("good", ["Ana Lopez"])]


def test_extract_an_empty_file_warns_and_writes_its_line(tmp_path, capsys, nlp):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(tmp_path / "empty.txt"), "--out", str(out), "-w", "1", "-q"]) == 0
    assert "[W009] Article 'empty' has no text" in capsys.readouterr().err
    assert json.loads(out.read_text())["quotes"] == []
