"""Outlet and date of articles, for every input format, as the store keeps them (issue 11).

The outlet is the input's ``outlet``, ``source`` or ``site``, else the domain of its
``url`` without ``www.`` (for WARC, the record's target URI); the date is its
``published``, else its ``date``. Articles are read and stored without a model
(no quotations), so these tests are fast.
"""
from __future__ import annotations

import datetime
import io
import json

import pytest

from saidwhat.io import read_articles, read_text
from saidwhat.io.base import article_outlet, url_domain
from saidwhat.io.jsonl import article_record

TEXT = '"We will rebuild the bridge by June," Mayor Ana Lopez said on Monday.'
PARAS = [
    '"We will rebuild the bridge by June," Mayor Ana Lopez said on Monday after the council meeting.',
    "The council said the work would cost two million euros and that the region had promised to help.",
    "Residents who cross the river every day said they were relieved that the repairs would start soon.",
]


def _page(site_name: str | None, date: str | None = "2024-03-05") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    site = f"<meta property='og:site_name' content='{site_name}'>" if site_name else ""
    dated = f"<meta name='date' content='{date}'>" if date else ""
    return (f"<html><head><title>Bridge</title>{site}{dated}</head><body>"
            f"<article><h1>Bridge</h1>{body}</article></body></html>").encode()


@pytest.mark.parametrize("url, domain", [
    ("https://www.Eastmere-Post.example/2024/a?b=1", "eastmere-post.example"),
    ("http://news.river.example:8080/x", "news.river.example"),
    ("river.example/story", "river.example"),
    ("//www.hill.example/a", "hill.example"),
    ("https://www./", "www"),
    ("not a url", None),
    ("", None),
    (None, None),
    (42, None),
    ("http://[::1/", None),
])
def test_url_domain(url, domain):
    assert url_domain(url) == domain


@pytest.mark.parametrize("meta, outlet", [
    ({"outlet": "Eastmere Post", "source": "X", "url": "https://a.example/"}, "Eastmere Post"),
    ({"source": "River News", "site": "Y"}, "River News"),
    ({"site": " Hill Courier ", "url": "https://www.hill.example/1"}, "Hill Courier"),
    ({"source": {"id": "rn", "name": "River News"}}, "River News"),
    ({"outlet": "", "source": None, "url": "https://www.hill.example/1"}, "hill.example"),
    ({"title": "no outlet"}, None),
])
def test_article_outlet(meta, outlet):
    assert article_outlet(meta) == outlet


def _stored(tmp_path, sources, **kw) -> dict[str, tuple]:
    """Read ``sources`` and load them with no quotations; ``{id: (outlet, date)}``."""
    pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    from saidwhat.store import connect, load_records

    db = tmp_path / "s.duckdb"
    load_records(db, (article_record(a, []) for a in read_articles(sources, **kw)), run_id="r")
    con = connect(db, read_only=True)
    try:
        return {r[0]: (r[1], r[2]) for r in con.execute("SELECT id, outlet, date FROM articles").fetchall()}
    finally:
        con.close()


def test_store_outlet_date_jsonl(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = [{"id": "o", "text": TEXT, "outlet": "Eastmere Post", "date": "2024-03-05"},
             {"id": "s", "text": TEXT, "source": "River News", "date": "Tue, 09 Apr 2024 10:00:00 GMT"},
             {"id": "u", "text": TEXT, "url": "https://www.hill.example/a", "published": "2024-05-01T08:00Z"},
             {"id": "n", "text": TEXT, "date": "sometime"}]
    p.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    assert _stored(tmp_path, [p]) == {
        "o": ("Eastmere Post", datetime.date(2024, 3, 5)),
        "s": ("River News", datetime.date(2024, 4, 9)),
        "u": ("hill.example", datetime.date(2024, 5, 1)),
        "n": (None, None)}


def test_store_outlet_date_csv(tmp_path):
    p = tmp_path / "feed.csv"
    p.write_text("id,site,url,date,text\n"
                 f'a,Valley Gazette,https://www.valley.example/a,2024-03-05,"{TEXT.replace(chr(34), 2 * chr(34))}"\n'
                 f'b,,https://www.valley.example/b,,"{TEXT.replace(chr(34), 2 * chr(34))}"\n', encoding="utf-8")
    assert _stored(tmp_path, [p]) == {"a": ("Valley Gazette", datetime.date(2024, 3, 5)),
                                      "b": ("valley.example", None)}


def test_text_side_file_gives_metadata(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "bridge.txt").write_text(TEXT, encoding="utf-8")
    (folder / "bridge.json").write_text(json.dumps({"id": "ignored", "text": "ignored", "outlet": "Eastmere Post",
                                                    "date": "2024-03-05", "title": "Bridge"}), encoding="utf-8")
    (folder / "plain.txt").write_text(TEXT, encoding="utf-8")
    (folder / "broken.txt").write_text(TEXT, encoding="utf-8")
    (folder / "broken.json").write_text("[1, 2]", encoding="utf-8")
    warnings: list[str] = []
    arts = {a.id: a for a in read_articles([folder], on_warning=warnings.append)}
    assert sorted(arts) == ["bridge", "broken", "plain"]  # the .json files are not articles
    assert arts["bridge"].meta == {"outlet": "Eastmere Post", "date": "2024-03-05", "title": "Bridge"}
    assert arts["bridge"].text == TEXT and arts["plain"].meta == {} and arts["broken"].meta == {}
    assert len(warnings) == 1 and warnings[0].startswith("[W007]") and "broken.json" in warnings[0]
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    warnings.clear()
    (art,) = read_text(folder / "broken.txt", on_warning=warnings.append)
    assert art.meta == {} and "not valid JSON" in warnings[0]
    stored = _stored(tmp_path, [folder], on_warning=lambda m: None)
    assert stored["bridge"] == ("Eastmere Post", datetime.date(2024, 3, 5))
    assert stored["plain"] == (None, None)


def test_store_outlet_date_html(tmp_path):
    pytest.importorskip("trafilatura")
    (tmp_path / "named.html").write_bytes(_page("Valley Gazette"))
    (tmp_path / "anonymous.html").write_bytes(_page(None, date=None))
    stored = _stored(tmp_path, [tmp_path / "named.html", tmp_path / "anonymous.html"])
    assert stored["named"] == ("Valley Gazette", datetime.date(2024, 3, 5))
    assert stored["anonymous"][1] is None


def test_store_outlet_date_warc(tmp_path):
    pytest.importorskip("trafilatura")
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    p = tmp_path / "crawl.warc.gz"
    with open(p, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, (site, date) in enumerate([("Valley Gazette", "2024-03-05"), (None, None)]):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(
                f"https://www.river-news.example/story-{i}", "response", payload=io.BytesIO(_page(site, date)),
                http_headers=http, warc_headers_dict={"WARC-Date": "2024-04-0{}T10:00:00Z".format(i + 1),
                                                      "WARC-Record-ID": f"<urn:uuid:{i}>"}))
    stored = _stored(tmp_path, [p])
    # the page's own publication date wins over the crawl date; no site name: the target URI's domain
    assert stored["urn:uuid:0"] == ("Valley Gazette", datetime.date(2024, 3, 5))
    assert stored["urn:uuid:1"] == ("river-news.example", datetime.date(2024, 4, 2))
