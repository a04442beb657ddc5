"""``saidwhat extract -`` reads any input format from stdin with ``--input-format``."""
from __future__ import annotations

import io
import json
import sys

import pytest

from saidwhat.cli import build_parser, main

TEXT = '"The ferry will run again on Friday," harbour master Lina Ortiz said.'


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_input_format_txt_is_text_and_unknown_is_usage_error(capsys):
    assert build_parser().parse_args(["extract", "--input-format", "txt", "-"]).input_format == "text"
    assert build_parser().parse_args(["extract", "--input-format", "PARQUET"]).input_format == "parquet"
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--input-format", "docx", "-"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--input-format: invalid choice: 'docx'" in err and "parquet" in err


@pytest.mark.slow
def test_extract_parquet_from_stdin(monkeypatch, capsys, tmp_path, nlp):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "ferries.parquet"
    pq.write_table(pa.table({"id": ["f1"], "text": [TEXT]}), path)
    _stdin(monkeypatch, path.read_bytes())
    assert main(["extract", "-", "--input-format", "parquet", "-w", "1", "-q", "-f", "jsonl"]) == 0
    (rec,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rec["id"] == "f1"
    (q,) = rec["quotes"]
    assert q["speaker"] == "Lina Ortiz" and TEXT[q["quote_start"]:q["quote_end"]] == q["quote"]
    assert q["quote"] == "The ferry will run again on Friday,"


@pytest.mark.slow
def test_extract_bom_offsets_index_the_text_read_with_utf8_sig(monkeypatch, capsys, tmp_path, nlp):
    path = tmp_path / "ferry.txt"
    path.write_bytes("\ufeff".encode() + TEXT.encode())
    text = open(path, encoding="utf-8-sig").read()
    assert main(["extract", str(path), "-w", "1", "-q", "-f", "jsonl"]) == 0
    (from_file,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    _stdin(monkeypatch, path.read_bytes())
    assert main(["extract", "-", "-w", "1", "-q", "-f", "jsonl"]) == 0
    (from_stdin,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert from_file["quotes"] == from_stdin["quotes"]
    (q,) = from_stdin["quotes"]
    assert (q["quote_start"], q["quote_end"]) == (1, 36)
    assert text[q["quote_start"]:q["quote_end"]] == q["quote"] == "The ferry will run again on Friday,"
    assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker_mention"] == "harbour master Lina Ortiz"
