"""Every input format can be read from stdin ("-") when the format is given."""
from __future__ import annotations

import io
import json
import os
import sys
import tempfile

import pytest

from saidwhat.io import read_articles

TEXT = '"The ferry will run again on Friday," harbour master Lina Ortiz said.'
PARAS = [
    '"The ferry will run again on Friday," harbour master Lina Ortiz said after the storm had passed.',
    "Crews spent the night clearing the slipway and checking the mooring lines one by one, she added.",
    "Passengers who were stranded on the island were given rooms in the village school for the night.",
]


def _page(title: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>").encode()


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


class Errors(list):
    def __call__(self, bad):
        self.append(bad)


def _leftovers() -> set[str]:
    return {n for n in os.listdir(tempfile.gettempdir()) if n.startswith("saidwhat-stdin-")}


def test_stdin_default_is_text(monkeypatch):
    _stdin(monkeypatch, TEXT.encode())
    (art,) = read_articles("-")
    assert art.id == "stdin" and art.text == TEXT


def test_stdin_csv(monkeypatch):
    _stdin(monkeypatch, f'id,text\nf1,"{TEXT.replace(chr(34), chr(34) * 2)}"\n'.encode())
    (art,) = read_articles("-", input_format="csv")
    assert art.id == "f1" and art.text == TEXT


def test_stdin_parquet(monkeypatch, tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "ferries.parquet"
    pq.write_table(pa.table({"id": ["f1", None], "text": [TEXT, "The island was quiet."],
                             "outlet": ["Island Post", "Island Post"]}), path)
    before = _leftovers()
    _stdin(monkeypatch, path.read_bytes())
    arts = list(read_articles("-", input_format="parquet"))
    assert [(a.id, a.text, a.meta) for a in arts] == [
        ("f1", TEXT, {"outlet": "Island Post"}),
        ("stdin:2", "The island was quiet.", {"outlet": "Island Post"})]
    assert _leftovers() == before  # the temporary copy is removed


def test_stdin_parquet_not_parquet_is_reported_as_stdin(monkeypatch):
    pytest.importorskip("pyarrow")
    _stdin(monkeypatch, b"id,text\n1,not parquet\n")
    errs = Errors()
    assert list(read_articles("-", input_format="parquet", on_error=errs)) == []
    assert len(errs) == 1 and errs[0].path == "-" and "not a Parquet file" in errs[0].reason


def test_stdin_html(monkeypatch):
    pytest.importorskip("trafilatura")
    _stdin(monkeypatch, _page("Ferry back on Friday"))
    (art,) = read_articles("-", input_format="html")
    assert art.id == "stdin" and art.meta["title"] == "Ferry back on Friday"
    assert PARAS[0] in art.text and "Contact us" not in art.text


@pytest.mark.parametrize("gz", [False, True])
def test_stdin_warc(monkeypatch, gz):
    pytest.importorskip("warcio")
    pytest.importorskip("trafilatura")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in range(2):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://post.example/ferry-{i}", "response",
                                            payload=io.BytesIO(_page(f"Ferry {i}")), http_headers=http))
    _stdin(monkeypatch, buf.getvalue())
    arts = list(read_articles("-", input_format="warc"))
    assert [a.meta["url"] for a in arts] == ["https://post.example/ferry-0", "https://post.example/ferry-1"]
    assert all(a.id.startswith("urn:uuid:") and PARAS[0] in a.text for a in arts)


def test_stdin_jsonl(monkeypatch):
    _stdin(monkeypatch, (json.dumps({"id": 7, "text": TEXT}) + "\n").encode())
    (art,) = read_articles("-", input_format="jsonl")
    assert art.id == "7" and art.text == TEXT


def test_stdin_text_drops_bom_like_a_file(monkeypatch, tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    (from_file,) = read_articles(path)
    _stdin(monkeypatch, path.read_bytes())
    (from_stdin,) = read_articles("-")
    expected = open(path, encoding="utf-8-sig").read()
    assert from_file.text == from_stdin.text == expected == TEXT


def test_stdin_text_not_utf8_is_reported(monkeypatch):
    # decoded with the detected encoding and a [W006] warning naming "-" (issue 12) ...
    _stdin(monkeypatch, b"caf\xe9 au lait")
    errs, warned = Errors(), Errors()
    (art,) = read_articles("-", on_error=errs, on_warning=warned)
    assert art.text == "caf\u00e9 au lait" and not errs
    assert len(warned) == 1 and "[W006] -:" in warned[0] and "cp1252" in warned[0]
    # ... or skipped when the encoding given does not fit
    _stdin(monkeypatch, b"caf\xe9 au lait")
    assert list(read_articles("-", on_error=errs, encoding="utf-8")) == []
    assert len(errs) == 1 and (errs[0].path, errs[0].where) == ("-", "offset 3")
