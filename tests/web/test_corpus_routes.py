"""``/api/corpus/*`` over a small DuckDB store made here (tables as the corpus runner
writes them: articles, quotations, speakers)."""
from __future__ import annotations

import pytest

duckdb = pytest.importorskip("duckdb", reason='duckdb is not installed (pip install "saidwhat[corpus]")')

ARTICLES = [
    ("a1", "https://example.org/a1", "Port closes", "2024-03-05", "Eastmere Post",
     '"We did not take this decision lightly," Mayor Helena Brandt said.'),
    ("a2", "https://example.org/a2", "Quay repairs", "2024-04-10", "River News",
     '"The flood cracked the quay," Brandt said. "Nobody listened," Okoye said.'),
]
QUOTES = [  # article_id, quote, start, end, type, speaker, speaker_type, flags
    ("a1", "We did not take this decision lightly,", 1, 39, "direct", "Helena Brandt", "PERSON", []),
    ("a2", "The flood cracked the quay,", 1, 28, "direct", "Helena Brandt", "PERSON", ["continuation"]),
    ("a2", "Nobody listened,", 44, 60, "direct", "Samuel Okoye", "PERSON", []),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "quotes.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE articles (id VARCHAR, url VARCHAR, title VARCHAR, date DATE, "
                "outlet VARCHAR, text VARCHAR)")
    con.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)", ARTICLES)
    con.execute("CREATE TABLE quotations (article_id VARCHAR, quote VARCHAR, quote_start INTEGER, "
                "quote_end INTEGER, type VARCHAR, speaker VARCHAR, speaker_type VARCHAR, "
                "speaker_role VARCHAR, speaker_mention VARCHAR, speaker_start INTEGER, "
                "speaker_end INTEGER, cue VARCHAR, cue_start INTEGER, cue_end INTEGER, "
                "channel VARCHAR, confidence DOUBLE, flags VARCHAR[])")
    for aid, quote, s, e, typ, spk, st, flags in QUOTES:
        con.execute("INSERT INTO quotations VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, "
                    "'said', NULL, NULL, NULL, 0.9, ?)", [aid, quote, s, e, typ, spk, st, flags])
    con.execute("CREATE TABLE speakers AS SELECT speaker AS name, any_value(speaker_type) AS type, "
                "NULL::VARCHAR AS role, count(*) AS n_quotes FROM quotations GROUP BY speaker")
    con.close()
    return path


@pytest.fixture(scope="module")
def corpus_client(store, unused_pipeline):
    from fastapi.testclient import TestClient

    from saidwhat.web.app import Settings, create_app

    with TestClient(create_app(Settings(db=str(store)), nlp=unused_pipeline())) as c:
        yield c


def test_corpus_info_says_store_is_open(corpus_client):
    assert corpus_client.get("/api/info").json()["corpus"] is True


def test_corpus_top_speakers(corpus_client):
    speakers = corpus_client.get("/api/corpus/speakers").json()["speakers"]
    assert [(s["name"], s["n_quotes"]) for s in speakers] == [("Helena Brandt", 2), ("Samuel Okoye", 1)]
    names = corpus_client.get("/api/corpus/speakers", params={"q": "okoye"}).json()["speakers"]
    assert [s["name"] for s in names] == ["Samuel Okoye"]


@pytest.mark.parametrize("params, quotes", [
    ({}, ["The flood cracked the quay,", "Nobody listened,", "We did not take this decision lightly,"]),
    ({"q": "QUAY"}, ["The flood cracked the quay,"]),
    ({"speaker": "brandt"}, ["The flood cracked the quay,", "We did not take this decision lightly,"]),
    ({"date_to": "2024-03-31"}, ["We did not take this decision lightly,"]),
    ({"date_from": "2024-04-01", "speaker": "okoye"}, ["Nobody listened,"]),
    ({"q": "nothing like this"}, []),
])
def test_corpus_search(corpus_client, params, quotes):
    body = corpus_client.get("/api/corpus/quotes", params=params).json()
    assert [q["quote"] for q in body["quotes"]] == quotes
    assert body["total"] == len(quotes)


def test_corpus_search_records_and_paging(corpus_client):
    body = corpus_client.get("/api/corpus/quotes", params={"limit": 1, "offset": 1}).json()
    assert body["total"] == 3 and len(body["quotes"]) == 1
    q = body["quotes"][0]
    assert q["article_id"] == "a2" and q["date"] == "2024-04-10" and q["outlet"] == "River News"
    assert isinstance(q["flags"], list)


def test_corpus_search_bad_date_is_422(corpus_client):
    r = corpus_client.get("/api/corpus/quotes", params={"date_from": "last week"})
    assert r.status_code == 422 and r.json()["error"] == "validation_error"


def test_corpus_article(corpus_client):
    art = corpus_client.get("/api/corpus/articles/a2").json()
    assert art["title"] == "Quay repairs" and art["date"] == "2024-04-10"
    assert [q["quote"] for q in art["quotes"]] == ["The flood cracked the quay,", "Nobody listened,"]
    assert art["quotes"][0]["flags"] == ["continuation"]
    for q in art["quotes"]:
        assert art["text"][q["quote_start"]:q["quote_end"]] == q["quote"]
    r = corpus_client.get("/api/corpus/articles/nope")
    assert r.status_code == 404 and r.json()["error"] == "not_found"
