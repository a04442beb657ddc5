"""``/api/corpus/sources`` and ``/api/corpus/people``: who is quoted, by gender (issue 11)."""
from __future__ import annotations

import csv
import io

import pytest

pytest.importorskip("duckdb", reason='duckdb is not installed (pip install "saidwhat[corpus]")')
pytest.importorskip("pyarrow", reason='pyarrow is not installed (pip install "saidwhat[corpus]")')

from sources_corpus import ARTICLES, BY_MONTH, BY_OUTLET, PEOPLE  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory, unused_pipeline):
    from fastapi.testclient import TestClient

    from saidwhat.store import load_records
    from saidwhat.web.app import Settings, create_app

    path = tmp_path_factory.mktemp("sources") / "sources.duckdb"
    load_records(path, ARTICLES, run_id="test")
    with TestClient(create_app(Settings(db=str(path)), nlp=unused_pipeline())) as c:
        yield c


def _shares(rows, key):
    return [(r[key], r["people_women"], r["people_men"], r["people_unknown"], r["share_women"]) for r in rows]


def test_sources_by_month_and_outlet(client):
    assert _shares(client.get("/api/corpus/sources", params={"by": "month"}).json()["rows"], "month") == BY_MONTH
    assert _shares(client.get("/api/corpus/sources", params={"by": "outlet"}).json()["rows"], "outlet") == BY_OUTLET
    (total,) = client.get("/api/corpus/sources").json()["rows"]
    assert (total["people"], total["quotes_women"], total["quotes_men"], total["share_women"]) == (6, 6, 4, 0.6)
    both = client.get("/api/corpus/sources", params={"by": "outlet,month"}).json()["rows"]
    assert [(r["outlet"], r["month"]) for r in both][:2] == [("Eastmere Post", "2024-03"), ("Eastmere Post", "2024-04")]
    dated = client.get("/api/corpus/sources", params={"by": "outlet", "date_from": "2024-04-01"}).json()["rows"]
    assert [(r["outlet"], r["people"]) for r in dated] == [("Eastmere Post", 2), ("River News", 0)]


def test_sources_csv_download(client):
    r = client.get("/api/corpus/sources", params={"by": "outlet", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="sources-by-outlet.csv"'
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [(x["outlet"], int(x["people_women"]), int(x["people_men"]), int(x["people_unknown"]),
             float(x["share_women"])) for x in rows] == BY_OUTLET
    r = client.get("/api/corpus/sources", params={"by": "month", "format": "csv"})
    assert r.text.splitlines()[-1].startswith(",1,1,1,0,0,")  # the undated articles: no month


def test_people_json_and_csv(client):
    people = client.get("/api/corpus/people").json()["people"]
    assert [(p["name"], p["gender"], p["quotes"]) for p in people] == PEOPLE
    assert client.get("/api/corpus/people", params={"limit": 2}).json()["people"][1]["name"] == "Tom Becker"
    r = client.get("/api/corpus/people", params={"limit": 3, "format": "csv"})
    assert r.headers["content-disposition"] == 'attachment; filename="quoted-people.csv"'
    assert r.text.splitlines() == ["name,gender,quotes,articles,outlets", "Ana Lopez,female,4,3,1",
                                   "Tom Becker,male,3,2,2", "Kim Ito,,1,1,1"]


@pytest.mark.parametrize("params", [{"by": "week"}, {"format": "xml"}, {"date_from": "March"}])
def test_sources_bad_parameters_are_422(client, params):
    r = client.get("/api/corpus/sources", params=params)
    assert r.status_code == 422 and r.json()["error"] == "validation_error"


@pytest.mark.parametrize("path", ["/api/corpus/sources", "/api/corpus/people", "/api/corpus/speakers",
                                  "/api/corpus/quotes"])
def test_a_reversed_date_range_is_422_as_in_the_cli(client, path):
    r = client.get(path, params={"date_from": "2024-05-03", "date_to": "2024-05-01"})
    assert r.status_code == 422 and r.json()["error"] == "bad_range" and "[E111]" in r.json()["message"]


def test_sources_without_store_is_404(bare_client):
    for path in ("/api/corpus/sources", "/api/corpus/people"):
        r = bare_client.get(path)
        assert r.status_code == 404 and r.json()["error"] == "no_corpus"
