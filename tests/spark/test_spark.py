"""Tests for saidwhat.spark in local[2] mode: same quotations as the CLI on the same articles."""
from __future__ import annotations

import io
import json

import pytest

from saidwhat.cli import main as cli_main
from saidwhat.io import quote_rows

pytestmark = [pytest.mark.spark, pytest.mark.slow]

ARTICLES = [
    {"id": "bridge", "outlet": "Valley Gazette", "date": "2024-03-05",
     "text": '"We will rebuild the bridge by June," Mayor Ana Lopez said on Monday. '
             '"The river will not stop us."\n\nThe council said the work would cost two million euros.'},
    {"id": "school", "outlet": "Hill Courier", "date": "2024-03-06",
     "text": 'Teachers gathered outside the school. "We need more staff before the winter," '
             'said union leader Tom Becker. He added that classes were too large.'},
    {"id": "quiet", "outlet": "Hill Courier", "date": "2024-03-07",
     "text": "The market opened at nine and closed at noon."},
    {"id": "port", "outlet": "Coast Post", "date": "2024-03-08",
     "text": 'The port authority said repairs would cost 14 million euros. "Every day the port is closed '
             'costs local firms money," the authority said.'},
]


def _key(row: dict) -> tuple:
    return (row["article_id"], row["quote_index"])


def _cli_rows(tmp_path, capsys) -> list[dict]:
    src = tmp_path / "arts.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    assert cli_main(["extract", str(src), "-w", "1", "-q", "-f", "jsonl"]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return sorted((r for rec in recs for r in quote_rows(rec)), key=_key)


def test_spark_extract_quotes_df_matches_cli(spark, tmp_path, capsys):
    from saidwhat.spark import QUOTE_SCHEMA_DDL, extract_quotes_df

    df = spark.createDataFrame([(a["id"], a["text"], a["outlet"], a["date"]) for a in ARTICLES],
                               "id string, text string, outlet string, date string").repartition(2)
    out = extract_quotes_df(df)
    assert [f.name for f in out.schema.fields] == [c.split()[0] for c in QUOTE_SCHEMA_DDL.split(", ")]
    assert [f.name for f in out.schema.fields][:6] == ["article_id", "title", "url", "date", "outlet", "quote_index"]
    rows = sorted((r.asDict(recursive=True) for r in out.collect()), key=_key)
    expected = _cli_rows(tmp_path, capsys)
    assert rows and rows == expected


def test_spark_main_jsonl_in_parquet_out(spark, tmp_path, capsys):
    from saidwhat.spark import main

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"doc": a["id"], "body": a["text"], "outlet": a["outlet"]}) + "\n"
                           for a in ARTICLES), encoding="utf-8")
    out = tmp_path / "quotes"
    assert main([str(src), str(out), "--id-col", "doc", "--text-col", "body", "--partitions", "2"]) == 0
    got = sorted((r.asDict(recursive=True) for r in spark.read.parquet(str(out)).collect()), key=_key)
    expected = _cli_rows(tmp_path, capsys)
    assert [(r["article_id"], r["quote"], r["speaker"]) for r in got] == \
        [(r["article_id"], r["quote"], r["speaker"]) for r in expected]


def test_spark_main_warc_in_jsonl_out(spark, tmp_path):
    pytest.importorskip("warcio")
    pytest.importorskip("trafilatura")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from saidwhat.spark import main

    paras = [ARTICLES[0]["text"].split("\n")[0], "The council said the work would cost two million euros "
             "and that the region had promised to help with the rest of the money.",
             "Residents who cross the river every day said they were relieved that the repairs would start."]
    html = ("<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1>"
            + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>").encode()
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record("https://gazette.example/bridge", "response", payload=io.BytesIO(html),
                                            http_headers=http, warc_headers_dict={"WARC-Date": "2024-03-05T10:00:00Z"}))
    out = tmp_path / "warc-quotes"
    assert main([str(path), str(out), "--output-format", "jsonl"]) == 0
    rows = [json.loads(line) for f in sorted(out.glob("part-*.json")) for line in f.read_text().splitlines()]
    assert rows and rows[0]["url"] == "https://gazette.example/bridge" and rows[0]["date"] == "2024-03-05T10:00:00Z"
    assert any(r["speaker"] == "Ana Lopez" for r in rows)
