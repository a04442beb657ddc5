"""Tests for saidwhat.io: every reader on small invented files, including broken ones."""
from __future__ import annotations

import gzip
import io
import json

import pytest

from saidwhat.io import (MissingColumnError, check_text_column, count_articles, detect_format, expand_sources,
                         read_articles, read_csv, read_html, read_jsonl, read_parquet, read_text, read_warc)
from saidwhat.io.outputs import open_writer

TEXT = '"We will rebuild the bridge by June," Mayor Ana Lopez said on Monday.'
PARAS = [
    '"We will rebuild the bridge by June," Mayor Ana Lopez said on Monday after the council meeting.',
    "The council said the work would cost two million euros and that the region had promised to help.",
    "Residents who cross the river every day said they were relieved that the repairs would start soon.",
]


def page(title: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (f"<html><head><title>{title}</title><meta property='og:site_name' content='Valley Gazette'>"
            f"<meta name='date' content='2024-03-05'></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>").encode()


class Errors(list):
    def __call__(self, bad):
        self.append(bad)


def test_io_detect_format():
    assert detect_format("a/b.JSONL.gz") == "jsonl" and detect_format("x.warc.gz") == "warc"
    assert detect_format("x.htm") == "html" and detect_format("x.docx") is None


def test_io_read_text(tmp_path):
    p = tmp_path / "port-story.txt"
    p.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    (art,) = read_text(p)
    assert art.id == "port-story" and art.text == TEXT and art.meta == {}
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 \xff")
    errs = Errors()
    # not UTF-8: decoded with the detected encoding and a [W006] warning (issue 12),
    # or skipped when the encoding is given and does not fit
    warned = Errors()
    (art,) = read_text(bad, on_error=errs, on_warning=warned)
    assert art.text.startswith("caf") and len(art.text) == 6 and "[W006]" in warned[0] and not errs
    assert list(read_text(bad, on_error=errs, encoding="utf-8")) == []
    assert errs[0].where == "offset 3"


def test_io_read_jsonl_good_and_broken_lines(tmp_path):
    p = tmp_path / "news.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "text": TEXT, "title": "Bridge", "url": "https://x.example/a", "date": "2024-03-05",
                    "outlet": "Gazette", "section": "local"}),
        "",
        "{broken json",
        json.dumps({"id": "b"}),
        json.dumps([1, 2]),
        json.dumps({"text": "No id here, said nobody."}),
        json.dumps({"id": 7, "text": "Numeric id."}),
    ]) + "\n", encoding="utf-8")
    errs = Errors()
    arts = list(read_jsonl(p, on_error=errs))
    assert [a.id for a in arts] == ["a", "news:6", "7"]
    assert arts[0].meta == {"title": "Bridge", "url": "https://x.example/a", "date": "2024-03-05",
                            "outlet": "Gazette", "section": "local"}
    assert [e.where for e in errs] == ["line 3", "line 4", "line 5"]
    assert "news.jsonl:line 3" in str(errs[0])


def test_io_read_jsonl_repeated_id_is_warned_with_both_lines_and_kept(tmp_path):
    p = tmp_path / "wire.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "ferry-1", "text": "The ferry sailed, the captain said."}),
        json.dumps({"id": 7, "text": "The quay opened."}),
        "",
        json.dumps({"id": "ferry-1", "text": "The ferry sailed again, the captain said."}),
        json.dumps({"text": "No id here."}),
        json.dumps({"id": "7", "text": "The quay closed."}),
    ]) + "\n", encoding="utf-8")
    errs, warned = Errors(), []
    arts = list(read_jsonl(p, on_error=errs, on_warning=warned.append))
    assert [a.id for a in arts] == ["ferry-1", "7", "ferry-1", "wire:5", "7"]
    assert [a.text for a in arts][2] == "The ferry sailed again, the captain said."
    assert not errs
    assert warned == [
        f"[W011] {p}:line 4: article id 'ferry-1' was already given at line 1; both lines are read and "
        "written with that id (a --db store keeps only the later one).",
        f"[W011] {p}:line 6: article id '7' was already given at line 2; both lines are read and "
        "written with that id (a --db store keeps only the later one).",
    ]


def test_io_read_jsonl_gz_and_truncated_gz(tmp_path):
    p = tmp_path / "news.jsonl.gz"
    lines = "".join(json.dumps({"id": f"a{i}", "text": TEXT}) + "\n" for i in range(200))
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(lines)
    assert [a.id for a in read_jsonl(p)][-1] == "a199"
    data = p.read_bytes()
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    errs = Errors()
    arts = list(read_jsonl(cut, on_error=errs))
    assert len(arts) < 200 and len(errs) == 1 and "unreadable" in errs[0].reason


def test_io_read_csv(tmp_path):
    p = tmp_path / "rows.csv"
    p.write_text('story,body,outlet\ns1,"' + TEXT.replace('"', '""') + '\nsecond line",Gazette\n'
                 's2,,Gazette\n,Untitled row text.,\n', encoding="utf-8")
    errs = Errors()
    arts = list(read_csv(p, text_col="body", id_col="story", on_error=errs))
    assert [a.id for a in arts] == ["s1", "rows:3"]
    assert arts[0].text == TEXT + "\nsecond line" and arts[0].meta == {"outlet": "Gazette"}
    assert errs[0].where == "line 4"  # s2 has no text; s1 spans lines 2-3
    errs = Errors()
    with pytest.raises(MissingColumnError) as exc:
        list(read_csv(p, text_col="nope", on_error=errs))
    assert str(exc.value) == (f"[E014] {p}: no column 'nope' for the article text; the columns are 'story', "
                              "'body', 'outlet'. Name one with --text-col.")
    assert errs == []  # not a bad record: a usage error
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert list(read_csv(empty, on_error=errs)) == [] and errs[0].reason == "no header row (empty file)"


def test_io_missing_text_column_checked_before_reading(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    c = tmp_path / "rows.csv"
    c.write_text("title,body\nA,Some text.\n", encoding="utf-8")
    p = tmp_path / "rows.parquet"
    pq.write_table(pa.table({"id": ["p1"], "body": ["Some text."]}), p)
    for path, cols in ((c, "'title', 'body'"), (p, "'id', 'body'")):
        with pytest.raises(MissingColumnError, match=r"^\[E014\] .*no column 'text'.*the columns are " + cols):
            check_text_column(str(path), path.suffix[1:], "text")
        with pytest.raises(MissingColumnError, match=r"\[E014\]"):
            list(read_articles(path))
        check_text_column(str(path), path.suffix[1:], "body")  # passes
        assert [a.text for a in read_articles(path, text_col="body")] == ["Some text."]


def test_io_read_parquet(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import datetime

    import pyarrow.parquet as pq

    p = tmp_path / "arts.parquet"
    pq.write_table(pa.table({"id": ["p1", "p2", "p3"], "text": [TEXT, None, "Another text."],
                             "date": [datetime.date(2024, 3, 5)] * 3}), p)
    errs = Errors()
    arts = list(read_parquet(p, on_error=errs, batch_rows=2))
    assert [a.id for a in arts] == ["p1", "p3"] and arts[0].meta == {"date": "2024-03-05"}
    assert errs[0].where == "row 2"
    notpq = tmp_path / "fake.parquet"
    notpq.write_bytes(b"not parquet at all")
    errs = Errors()
    assert list(read_parquet(notpq, on_error=errs)) == [] and "not a Parquet file" in errs[0].reason


def test_io_read_html(tmp_path):
    pytest.importorskip("trafilatura")
    p = tmp_path / "bridge.html"
    p.write_bytes(page("Bridge to reopen"))
    (art,) = read_html(p)
    assert art.id == "bridge" and "Mayor Ana Lopez" in art.text and "Contact us" not in art.text
    assert art.meta["title"] == "Bridge to reopen" and art.meta["outlet"] == "Valley Gazette"
    assert art.meta["date"] == "2024-03-05"
    for name, data in [("empty.html", b""), ("binary.html", bytes(range(256)) * 4)]:
        bad = tmp_path / name
        bad.write_bytes(data)
        errs = Errors()
        assert list(read_html(bad, on_error=errs)) == []
        assert len(errs) == 1


def _warc(path, gz: bool, n: int = 3) -> list[int]:
    """Write a small WARC; return the byte offset of each record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    offsets = []
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for i in range(n):
            offsets.append(fh.tell())
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = w.create_warc_record(f"https://gazette.example/story-{i}", "response",
                                       payload=io.BytesIO(page(f"Story {i}")), http_headers=http,
                                       warc_headers_dict={"WARC-Date": f"2024-03-0{i + 1}T10:00:00Z"})
            w.write_record(rec)
            if i == 0:  # a non-HTML record, passed over silently
                offsets.append(fh.tell())
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record("https://gazette.example/logo.png", "response",
                                                    payload=io.BytesIO(b"\x89PNG...."), http_headers=img))
    return offsets


@pytest.mark.parametrize("gz", [False, True])
def test_io_read_warc(tmp_path, gz):
    pytest.importorskip("warcio")
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _warc(p, gz)
    arts = list(read_warc(p))
    assert [a.meta["url"] for a in arts] == [f"https://gazette.example/story-{i}" for i in range(3)]
    assert arts[1].meta["date"] == "2024-03-02T10:00:00Z" and arts[1].meta["published"] == "2024-03-05"
    assert arts[0].id.startswith("urn:uuid:") and "Mayor Ana Lopez" in arts[0].text


@pytest.mark.parametrize("gz", [False, True])
def test_io_read_warc_broken_record_is_skipped_and_rest_read(tmp_path, gz):
    pytest.importorskip("warcio")
    good = tmp_path / "good.warc"
    starts = _warc(good, gz)
    data = good.read_bytes()
    if gz:  # corrupt the compressed bytes of the 3rd record (story-1)
        k = starts[2] + 40
        data = data[:k] + b"\x00" * 30 + data[k + 30:]
    else:  # corrupt the 3rd record's header line
        assert data[starts[2]:starts[2] + 7] == b"WARC/1."
        data = data[:starts[2]] + b"GARBAGE" + data[starts[2] + 7:]
    bad = tmp_path / "bad.warc"
    bad.write_bytes(data)
    errs = Errors()
    arts = list(read_warc(bad, on_error=errs))
    assert [a.meta["url"][-7:] for a in arts] == ["story-0", "story-2"]
    assert len(errs) == 1 and errs[0].where == f"offset {starts[2]}"
    assert "broken WARC record" in errs[0].reason


def test_io_read_articles_dispatch_dirs_globs_and_counts(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "text": "x"}) + "\n" +
                                      json.dumps({"id": "c2", "text": "y"}), encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / ".hidden.txt").write_text("ignored")
    assert [a.id for a in read_articles(tmp_path)] == ["a", "c1", "c2", "b"]
    assert [a.id for a in read_articles(str(tmp_path / "*.txt"))] == ["a"]
    assert count_articles([tmp_path]) == 4
    assert count_articles(["-"]) == 1 and count_articles(["-"], input_format="jsonl") is None
    assert len(expand_sources([tmp_path / "**" / "*.txt"])) == 2
    with pytest.raises(FileNotFoundError, match=r"\[E003\]"):
        list(read_articles(tmp_path / "missing.jsonl"))
    with pytest.raises(ValueError, match=r"\[E005\]"):
        list(read_articles(tmp_path / "notes.md"))


def test_io_expand_sources_reports_directories_without_input_files(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other" / "deep").mkdir(parents=True)
    (tmp_path / "other" / "deep" / "notes.md").write_text("ignored")
    (tmp_path / "other" / ".hidden.txt").write_text("ignored")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("First.", encoding="utf-8")
    dirs = [str(tmp_path / d) for d in ("empty", "other", "news")]
    empty: list[str] = []
    assert expand_sources(dirs, empty_dirs=empty) == [str(tmp_path / "news" / "a.txt")]
    assert empty == dirs[:2]


def test_io_writers_roundtrip(tmp_path):
    recs = [{"id": "a", "outlet": "Gazette", "_store_text": "t", "quotes": [
        {"quote": "Q", "quote_start": 1, "quote_end": 2, "type": "direct", "speaker": "Ana", "flags": ["x", "y"],
         "confidence": 0.5}]}, {"id": "b", "quotes": []}]
    for name in ("o.jsonl", "o.jsonl.gz", "o.json", "o.csv", "o.parquet"):
        if name.endswith("parquet"):
            pytest.importorskip("pyarrow")
        w = open_writer(tmp_path / name)
        for r in recs:
            w.write(r)
        w.close()
    assert [json.loads(x)["id"] for x in (tmp_path / "o.jsonl").read_text().splitlines()] == ["a", "b"]
    assert "_store_text" not in (tmp_path / "o.jsonl").read_text()   # the store's copy of the text
    assert gzip.decompress((tmp_path / "o.jsonl.gz").read_bytes()) == (tmp_path / "o.jsonl").read_bytes()
    assert [d["id"] for d in json.loads((tmp_path / "o.json").read_text())] == ["a", "b"]
    rows = (tmp_path / "o.csv").read_text().splitlines()
    assert len(rows) == 2 and rows[1].startswith("a,,,,Gazette,0,Q,1,2,direct,Ana") and rows[1].endswith("x|y,,,")   # speaker_id, speaker_gender, speaker_gender_source (added after flags) empty
    import pyarrow.parquet as pq

    t = pq.read_table(tmp_path / "o.parquet").to_pylist()
    assert t[0]["article_id"] == "a" and t[0]["flags"] == ["x", "y"] and t[0]["quote_start"] == 1


def test_io_read_articles_file_derived_ids_are_unique_within_a_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for d in ("e1", "e2"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "story.txt").write_text(f"Story in {d}.", encoding="utf-8")
    (tmp_path / "e2" / "story.html").write_bytes(page("Another story"))
    (tmp_path / "e1" / "a.jsonl").write_text(json.dumps({"text": "x"}) + "\n" +
                                             json.dumps({"id": "given", "text": "y"}) + "\n", encoding="utf-8")
    (tmp_path / "e2" / "a.jsonl").write_text(json.dumps({"text": "z"}) + "\n" +
                                             json.dumps({"id": "given", "text": "w"}) + "\n" +
                                             json.dumps({"text": "v"}) + "\n", encoding="utf-8")
    arts = list(read_articles(["e1", "e2"]))
    ids = [a.id for a in arts]
    # the first file keeps today's id; a later one from another path gets a path-qualified id;
    # ids given by the input ("given" twice) are never changed
    assert ids == ["a:1", "given", "story", "e2/a:1", "given", "e2/a:3", "e2/story", "e2/story.txt"]
    assert [a.text for a in arts if a.id in ("story", "e2/story.txt")] == ["Story in e1.", "Story in e2."]
    assert [a.derived_id for a in arts] == [True, False, True, True, False, True, True, True]
    # within one folder only the same stem collides (story.html, story.txt)
    assert [a.id for a in read_articles(["e2"])] == ["a:1", "given", "a:3", "story", "e2/story"]
    # no collision: ids unchanged
    assert [a.id for a in read_articles(["e1/story.txt", "e2/a.jsonl"])] == ["story", "a:1", "given", "a:3"]
    # absolute paths under the working directory are qualified by their relative path
    assert [a.id for a in read_articles([str(tmp_path / "e1" / "story.txt"),
                                         str(tmp_path / "e2" / "story.txt")])] == ["story", "e2/story"]
    # the same order gives the same ids (what --resume relies on)
    assert [a.id for a in read_articles(["e1", "e2"])] == ids


def test_io_glob_through_a_symlink_loop_lists_each_file_once(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "d" / "sub" / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "d" / "sub" / "loop").symlink_to(tmp_path / "d", target_is_directory=True)
    assert expand_sources(["d/**/*.txt"]) == ["d/a.txt", "d/sub/b.txt"]
    assert [(a.id, a.text) for a in read_articles(["d/**/*.txt"])] == [("a", "First."), ("b", "Second.")]
    assert count_articles(["d/**/*.txt"]) == 2
    # the directory walk, the same file named twice or by another path: still once each
    assert expand_sources(["d", "d/**/*.txt", "d/a.txt", str(tmp_path / "d" / "sub" / "loop" / "a.txt")]) == \
        ["d/a.txt", "d/sub/b.txt"]


def test_csv_a_stray_quote_loses_its_row_only(tmp_path):
    # row 2 opens a quote it never closes: it is reported with its line, and the rows it
    # would swallow are read; a last row left open is reported too, never dropped silently
    p = tmp_path / "rows.csv"
    p.write_text('id,text\n1,"Row one text."\n2,"broken row with a stray quote\n3,"Row three text."\n'
                 '4,"Row four text."\n5,"last row left open\n', encoding="utf-8")
    bad = []
    arts = list(read_csv(str(p), on_error=bad.append))
    assert [(a.id, a.text) for a in arts] == [("1", "Row one text."), ("3", "Row three text."),
                                              ("4", "Row four text.")]
    assert [(b.where, b.reason.split(" (")[0]) for b in bad] == [("line 3", "malformed CSV record"),
                                                                  ("line 6", "malformed CSV record")]


def test_io_read_jsonl_unusable_id_is_warned_and_replaced(tmp_path):
    p = tmp_path / "odd.jsonl"
    p.write_text(json.dumps({"id": {"a": 1}, "text": "The quay opened, the mayor said."}) + "\n", encoding="utf-8")
    warned = []
    (art,) = read_jsonl(p, on_warning=warned.append)
    assert art.id == "odd:1"
    assert warned == [f"[W014] {p}:line 1: article id {{'a': 1}} is not a string or number; the article is "
                      "read with the id 'odd:1'."]


def test_io_utf8_with_a_damaged_byte_stays_utf8(tmp_path):
    # one stray Windows-1252 byte in a UTF-8 file: the rest stays UTF-8 ("Chloé"), the
    # bad byte becomes U+FFFD, and [W013] says where
    p = tmp_path / "family.txt"
    p.write_bytes("Chloé Martin said the plan was fine".encode() + b" \x92 " + "and would work.".encode())
    warned = []
    (art,) = read_text(p, on_warning=warned.append)
    assert art.text == "Chloé Martin said the plan was fine \ufffd and would work."
    assert len(warned) == 1 and "[W013]" in warned[0] and "1 invalid byte" in warned[0] and "byte 37" in warned[0]


def test_io_an_id_two_files_give_is_warned_with_both_files(tmp_path):
    # two wire files reusing ids: both articles are read; the warning names both files
    from saidwhat.io import read_articles
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.jsonl").write_text(json.dumps({"id": "1", "text": "Ruth Adler spoke."}) + "\n",
                                            encoding="utf-8")
    (tmp_path / "b" / "x.jsonl").write_text(json.dumps({"id": "1", "text": "Paul Grant spoke."}) + "\n",
                                            encoding="utf-8")
    warned = []
    arts = list(read_articles([tmp_path / "a", tmp_path / "b"], on_warning=warned.append))
    assert [(a.id, a.text) for a in arts] == [("1", "Ruth Adler spoke."), ("1", "Paul Grant spoke.")]
    assert len(warned) == 1 and warned[0].startswith("[W015] ") and "x.jsonl" in warned[0] \
        and "a/x.jsonl" in warned[0] and "b/x.jsonl" in warned[0]


def test_io_read_jsonl_text_key_is_chosen_and_a_missing_one_lists_the_keys(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"guid": "x1", "body": "The quay opened, the mayor said."}) + "\n", encoding="utf-8")
    bad = []
    assert list(read_jsonl(p, on_error=bad.append)) == []
    assert bad[0].where == "line 1" and "its keys: body, guid" in bad[0].reason
    (art,) = read_jsonl(p, text_col="body", id_col="guid")
    assert (art.id, art.text) == ("x1", "The quay opened, the mayor said.")


def test_io_read_jsonl_a_null_text_says_so(tmp_path):
    # the key is there with no string: say what it holds, not that it is missing
    p = tmp_path / "feed.jsonl"
    p.write_text('{"id": "a6", "text": null}\n{"id": "a7", "text": 5}\n', encoding="utf-8")
    bad = []
    assert list(read_jsonl(p, on_error=bad.append)) == []
    assert [b.reason for b in bad] == ["'text' is null, not a string", "'text' is int, not a string"]


def test_io_a_file_named_as_an_id_given_before_takes_another_id(tmp_path):
    # "x.txt" after a JSONL line with "id": "x": the file's derived id moves aside, so a
    # store keeps both articles; the other order keeps the given id and warns with both files
    from saidwhat.io import read_articles
    (tmp_path / "a").mkdir()
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "x", "text": "Ruth Adler spoke."}) + "\n", encoding="utf-8")
    (tmp_path / "a" / "x.txt").write_text("Paul Grant spoke.", encoding="utf-8")
    warned = []
    ids = [a.id for a in read_articles([tmp_path / "c.jsonl", tmp_path / "a" / "x.txt"], on_warning=warned.append)]
    assert ids[0] == "x" and ids[1] != "x" and ids[1].endswith("x") and warned == []
    warned = []
    ids = [a.id for a in read_articles([tmp_path / "a" / "x.txt", tmp_path / "c.jsonl"], on_warning=warned.append)]
    assert ids == ["x", "x"] and len(warned) == 1 and warned[0].startswith("[W015] ") \
        and "c.jsonl" in warned[0] and "a/x.txt" in warned[0]
