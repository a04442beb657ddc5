"""``/api/corpus/*`` over a small store written by :func:`saidwhat.store.load_records`."""
from __future__ import annotations

import pytest

pytest.importorskip("duckdb", reason='duckdb is not installed (pip install "saidwhat[corpus]")')
pytest.importorskip("pyarrow", reason='pyarrow is not installed (pip install "saidwhat[corpus]")')

from saidwhat.model import RECORD_FIELDS  # noqa: E402


def _q(text: str, quote: str, speaker: str | None, flags: tuple[str, ...] = ()) -> dict:
    start = text.index(quote)
    rec = dict.fromkeys(RECORD_FIELDS)
    rec.update(quote=quote, quote_start=start, quote_end=start + len(quote), type="direct",
               speaker=speaker, speaker_type="PERSON" if speaker else None, cue="said",
               confidence=0.9, flags=list(flags))
    return rec


T1 = '"We did not take this decision lightly," Mayor Helena Brandt said.'
T2 = '"The flood cracked the quay," Brandt said. "Nobody listened," Okoye said.'
RECORDS = [
    {"id": "a1", "url": "https://example.org/a1", "title": "Port closes", "date": "2024-03-05",
     "outlet": "Eastmere Post", "text": T1,
     "quotes": [_q(T1, "We did not take this decision lightly,", "Helena Brandt")]},
    {"id": "a2", "url": "https://example.org/a2", "title": "Quay repairs", "date": "2024-04-10",
     "outlet": "River News", "text": T2,
     "quotes": [_q(T2, "The flood cracked the quay,", "Helena Brandt", ("continuation",)),
                _q(T2, "Nobody listened,", "Samuel Okoye")]},
]


@pytest.fixture(scope="module")
def corpus_client(tmp_path_factory, unused_pipeline):
    from fastapi.testclient import TestClient

    from saidwhat.store import load_records
    from saidwhat.web.app import Settings, create_app

    path = tmp_path_factory.mktemp("corpus") / "quotes.duckdb"
    load_records(path, RECORDS, run_id="test")
    with TestClient(create_app(Settings(db=str(path)), nlp=unused_pipeline())) as c:
        yield c


def test_corpus_info_says_store_is_open(corpus_client):
    assert corpus_client.get("/api/info").json()["corpus"] is True


def test_corpus_top_speakers(corpus_client):
    speakers = corpus_client.get("/api/corpus/speakers").json()["speakers"]
    assert [(s["name"], s["type"], s["n_quotes"]) for s in speakers] == [
        ("Helena Brandt", "PERSON", 2), ("Samuel Okoye", "PERSON", 1)]
    later = corpus_client.get("/api/corpus/speakers", params={"date_from": "2024-04-01"}).json()
    assert [s["n_quotes"] for s in later["speakers"]] == [1, 1]


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
    assert body["more"] is False


def test_corpus_search_paging(corpus_client):
    first = corpus_client.get("/api/corpus/quotes", params={"limit": 2}).json()
    assert len(first["quotes"]) == 2 and first["more"] is True
    rest = corpus_client.get("/api/corpus/quotes", params={"limit": 2, "offset": 2}).json()
    assert [q["quote"] for q in rest["quotes"]] == ["We did not take this decision lightly,"]
    assert rest["more"] is False
    q = first["quotes"][0]
    assert q["article_id"] == "a2" and q["date"] == "2024-04-10" and q["outlet"] == "River News"


def test_corpus_search_bad_date_is_422(corpus_client):
    r = corpus_client.get("/api/corpus/quotes", params={"date_from": "last week"})
    assert r.status_code == 422 and r.json()["error"] == "validation_error"


def test_corpus_article(corpus_client):
    art = corpus_client.get("/api/corpus/articles/a2").json()
    assert (art["title"], art["date"], art["text"]) == ("Quay repairs", "2024-04-10", T2)
    assert art["quotes"] == RECORDS[1]["quotes"]
    r = corpus_client.get("/api/corpus/articles/nope")
    assert r.status_code == 404 and r.json()["error"] == "not_found"
