"""``saidwhat extract`` on inputs that are not plain English UTF-8 (issue 12), in-process."""
from __future__ import annotations

import json

import pytest

from saidwhat.cli import build_parser, main

pytestmark = pytest.mark.slow

FR = ("« Nous allons reconstruire le port d'ici deux ans », a déclaré mardi la maire Ilse Brandt "
      "lors d'une conférence de presse. « Les quais sont trop vieux pour les nouveaux ferries », a "
      "ajouté le capitaine du port, Tomas Wren, qui dirige le port depuis onze ans.")
CAFE = ("\u201cThe caf\u00e9 will reopen in May \u2013 we promise,\u201d said owner Ren\u00e9e "
        "Dufour on Monday. The repairs cost \u20ac40,000.")
MINIFIED = ("<html><head><title>Port plan</title></head><body><article><p>\u201cWe will rebuild the harbour "
            "within two years,\u201d said Mayor Ilse Brandt on Tuesday.</p><p>\u201cThe berths are too old "
            "for the new ferries,\u201d added harbour master Tomas Wren.</p></article></body></html>")


def _lines(out: str):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_parser_new_input_options():
    args = build_parser().parse_args(["extract", "a.csv", "--encoding", "cp1252", "--delimiter", "tab"])
    assert args.encoding == "cp1252" and args.delimiter == "\t" and args.check_language
    assert not build_parser().parse_args(["extract", "a.txt", "--no-language-check"]).check_language


def test_french_article_is_reported_by_language(tmp_path, capsys, nlp):
    p = tmp_path / "port.txt"
    p.write_text(FR, encoding="utf-8")
    assert main(["extract", str(p), "-w", "1", "-f", "jsonl"]) == 0
    out, err = capsys.readouterr()
    assert "[W005]" in err and "'port'" in err and "French" in err
    assert "1 warning" in err  # counted in the summary
    assert _lines(out)[0]["id"] == "port"
    assert main(["extract", str(p), "-w", "1", "-f", "jsonl", "--no-language-check"]) == 0
    assert "[W005]" not in capsys.readouterr().err


def test_windows_1252_file_is_read_not_skipped(tmp_path, capsys, nlp):
    p = tmp_path / "cafe.txt"
    p.write_bytes(CAFE.encode("cp1252"))
    assert main(["extract", str(p), "-w", "1", "-f", "jsonl"]) == 0
    out, err = capsys.readouterr()
    assert "[W006]" in err and "cp1252" in err and "skipped" not in err.split("saidwhat: 1 article")[0]
    (rec,) = _lines(out)
    assert rec["quotes"] and rec["quotes"][0]["speaker"] == "Renée Dufour"
    assert main(["extract", str(p), "-w", "1", "-f", "jsonl", "-q", "--encoding", "cp1252"]) == 0
    out, err = capsys.readouterr()
    assert "[W006]" not in err and _lines(out)[0]["quotes"] == rec["quotes"]


def test_unknown_encoding_is_a_usage_error(tmp_path, capsys):
    p = tmp_path / "cafe.txt"
    p.write_text(CAFE, encoding="utf-8")
    assert main(["extract", str(p), "-w", "1", "--encoding", "no-such-codec"]) == 2
    assert "no-such-codec" in capsys.readouterr().err


def test_semicolon_csv(tmp_path, capsys, nlp):
    p = tmp_path / "rows.csv"
    p.write_text('id;outlet;text\ncafe;Valley Gazette;"' + CAFE + '"\n', encoding="utf-8")
    assert main(["extract", str(p), "-w", "1", "-f", "jsonl", "-q"]) == 0
    (rec,) = _lines(capsys.readouterr().out)
    assert rec["id"] == "cafe" and rec["outlet"] == "Valley Gazette" and rec["quotes"]
    p.write_text('id|text\ncafe|"' + CAFE + '"\n', encoding="utf-8")
    assert main(["extract", str(p), "-w", "1", "-f", "jsonl", "-q", "--delimiter", "|"]) == 0
    assert _lines(capsys.readouterr().out)[0]["id"] == "cafe"


def test_minified_html_gives_each_quotation_once_with_its_text(tmp_path, capsys, nlp):
    p = tmp_path / "page.html"
    p.write_text(MINIFIED, encoding="utf-8")
    assert main(["extract", str(p), "-w", "1", "-f", "jsonl", "-q"]) == 0
    (rec,) = _lines(capsys.readouterr().out)
    assert [q["speaker"] for q in rec["quotes"]] == ["Ilse Brandt", "Tomas Wren"]
    for q in rec["quotes"]:  # offsets checked without a store
        assert rec["text"][q["quote_start"]:q["quote_end"]] == q["quote"]


def test_html_out_file_carries_text_and_store_keeps_it(tmp_path, capsys, nlp):
    p = tmp_path / "page.html"
    p.write_text(MINIFIED, encoding="utf-8")
    t = tmp_path / "story.txt"
    t.write_text(CAFE, encoding="utf-8")
    out, db = tmp_path / "q.jsonl", tmp_path / "s.duckdb"
    assert main(["extract", str(p), str(t), "-w", "1", "-q", "--out", str(out), "--db", str(db)]) == 0
    recs = {r["id"]: r for r in _lines(out.read_text(encoding="utf-8"))}
    assert "text" in recs["page"] and "text" not in recs["story"]
    assert not any("_store_text" in r for r in recs.values())
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    texts = dict(con.execute("select id, text from articles").fetchall())
    meta = dict(con.execute("select id, meta from articles").fetchall())
    assert texts == {"page": recs["page"]["text"], "story": CAFE}
    assert all("_store_text" not in (m or "") for m in meta.values())
