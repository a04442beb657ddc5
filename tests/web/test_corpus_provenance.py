"""``/api/corpus/clusters`` and ``/api/corpus/trace``: a quotation's appearances across articles."""
from __future__ import annotations

import pytest

pytest.importorskip("duckdb", reason='duckdb is not installed (pip install "saidwhat[corpus]")')
pytest.importorskip("datasketch", reason='datasketch is not installed (pip install "saidwhat[corpus]")')

Q = "The quay will reopen to ferries before the summer season starts in June."


def _q(quote, speaker):
    return {"quote": quote, "quote_start": 0, "quote_end": len(quote), "type": "direct", "speaker": speaker,
            "speaker_type": "PERSON", "confidence": 0.9, "flags": [], "speaker_id": "E1"}


RECORDS = [
    {"id": "b2", "date": "2024-04-02", "outlet": "River News", "text": "...",
     "quotes": [_q("The quay will reopen to ferries before the summer season starts", "Samuel Okoye")]},
    {"id": "b1", "date": "2024-04-01", "outlet": "Eastmere Post", "text": "...", "quotes": [_q(Q, "Helena Brandt")]},
    {"id": "b3", "date": "2024-04-03", "outlet": "Coast Daily", "text": "...",
     "quotes": [_q(Q.replace("June", "July"), "Brandt")]},
]


@pytest.fixture(scope="module")
def client(tmp_path_factory, unused_pipeline):
    from fastapi.testclient import TestClient

    from saidwhat.store import load_records
    from saidwhat.web.app import Settings, create_app

    path = tmp_path_factory.mktemp("prov") / "quotes.duckdb"
    load_records(path, RECORDS, run_id="test")
    with TestClient(create_app(Settings(db=str(path)), nlp=unused_pipeline())) as c:
        yield c


def test_clusters_list_and_one_cluster_page(client):
    (c,) = client.get("/api/corpus/clusters").json()["clusters"]
    assert c["canonical"] == Q and c["articles"] == 3 and c["appearances"] == 3 and c["conflict"] is True
    page = client.get(f"/api/corpus/clusters/{c['cluster_id']}").json()
    apps = page["appearances"]
    assert [(a["article_id"], a["date"]) for a in apps] == [("b1", "2024-04-01"), ("b2", "2024-04-02"),
                                                            ("b3", "2024-04-03")]
    assert [a["kinds"] for a in apps] == [[], ["truncated"], ["substituted"]]
    assert [a["conflict"] for a in apps] == [False, True, False]
    sub = next(s for s in apps[2]["segments"] if s["op"] == "substituted")
    assert apps[2]["quote"][sub["start"]:sub["end"]] == "July" and sub["canonical"] == "June"
    assert client.get("/api/corpus/clusters/999999").status_code == 404
    assert client.get("/api/corpus/clusters", params={"min_articles": 4}).json() == {"clusters": []}


def test_trace_route(client):
    body = client.get("/api/corpus/trace", params={"q": "reopen to FERRIES before the summer"}).json()
    assert [len(c["appearances"]) for c in body["clusters"]] == [3]
    assert client.get("/api/corpus/trace", params={"q": "words nobody printed anywhere"}).json() == {"clusters": []}
    assert client.get("/api/corpus/trace").status_code == 422


def test_clusters_csv_download(client):
    r = client.get("/api/corpus/clusters", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    header, row = r.text.splitlines()
    assert header == "cluster_id,articles,appearances,first_date,first_article,outlets,speakers,conflict,canonical"
    assert row.split(",")[1:5] == ["3", "3", "2024-04-01", "b1"] and row.endswith(Q)
    assert client.get("/api/corpus/clusters", params={"format": "xml"}).status_code == 422
