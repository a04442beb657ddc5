"""POST /api/extract and the other routes, through FastAPI's TestClient."""
from __future__ import annotations

import json

import pytest

import saidwhat
from saidwhat.model import RECORD_FIELDS

UNICODE_TEXT = (
    "Ünïcödé 🚢🌊 — «Привет» 中文 العربية e\u0301 👩\u200d👩\u200d👧 \U0001d54f.\n\n"
    "“Die Straße ist gesperrt, und 😀 niemand kommt durch,” said Jürgen Groß, the mayor of Köln.\n\n"
    "\"我们不会放弃 — we will not give up on the harbour 🚢,\" she told reporters on Friday.\n\n"
    "Mr. Ōtani said that the port would reopen „sehr bald“ after the repairs."
)


def _check_offsets(text: str, quotes: list[dict]) -> None:
    for q in quotes:
        assert list(q) == list(RECORD_FIELDS)
        assert text[q["quote_start"]:q["quote_end"]] == q["quote"]
        if q["cue_start"] is not None:
            assert text[q["cue_start"]:q["cue_end"]] == q["cue"]
        if q["speaker_start"] is not None:
            assert text[q["speaker_start"]:q["speaker_end"]] == q["speaker_mention"]
        assert 0.0 <= q["confidence"] <= 1.0


# --- valid input -------------------------------------------------------------------------

@pytest.mark.slow
def test_api_extract_text_matches_library(client, web_nlp, example_text):
    r = client.post("/api/extract", json={"text": example_text})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"id", "quotes", "quoted_people"} and body["id"] is None
    expected = [q.to_dict() for q in saidwhat.extract(example_text, nlp=web_nlp)]
    assert body["quotes"] == json.loads(json.dumps(expected))
    assert body["quotes"], "the example article has quotations"
    _check_offsets(example_text, body["quotes"])


@pytest.mark.slow
def test_api_extract_articles_keeps_ids_and_order(client, example_text):
    articles = [{"id": "river", "text": example_text}, {"id": 7, "text": "No quotes here."},
                {"text": '"We will rebuild the quay before spring," the mayor said.'}]
    r = client.post("/api/extract", json={"articles": articles})
    assert r.status_code == 200
    out = r.json()["articles"]
    assert [a["id"] for a in out] == ["river", "7", None]  # ids as strings, as the CLI writes them
    assert out[1]["quotes"] == []
    single = client.post("/api/extract", json={"text": example_text, "id": "river"}).json()
    assert out[0] == single
    for art, res in zip(articles, out):
        _check_offsets(art["text"], res["quotes"])


@pytest.mark.slow
def test_api_extract_matches_cli_jsonl(client, example_text, tmp_path):
    """Each answer is the line ``saidwhat extract`` writes for the same JSONL input."""
    from saidwhat.cli import main

    articles = [{"id": "river", "title": "Port closes", "date": "2024-03-05", "outlet": "Post",
                 "section": "local", "text": example_text},
                {"id": 7, "url": "https://example.org/7", "text": '"No," she said. "Never."'}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "--out", str(out), "--quiet"]) == 0
    cli = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    api = client.post("/api/extract", json={"articles": articles}).json()["articles"]
    assert api == cli
    assert api[0]["title"] == "Port closes" and api[0]["section"] == "local"


@pytest.mark.slow
def test_api_extract_lone_surrogate_in_a_carried_field(client):
    raw = '{"text": "No quotation.", "title": "bad \\udc80 title"}'
    r = client.post("/api/extract", content=raw.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 200
    assert r.json() == {"id": None, "title": "bad \udc80 title", "quotes": [], "quoted_people": []}


@pytest.mark.slow
def test_api_extract_unicode_offsets_are_code_points(client):
    r = client.post("/api/extract", json={"text": UNICODE_TEXT})
    assert r.status_code == 200
    quotes = r.json()["quotes"]
    assert quotes
    _check_offsets(UNICODE_TEXT, quotes)
    first = quotes[0]
    assert first["quote"] == "Die Straße ist gesperrt, und 😀 niemand kommt durch,"
    assert first["speaker"] == "Jürgen Groß" and first["cue"] == "said"
    # UTF-8 on the wire, not \u escapes: the raw body holds the characters themselves
    body = r.content.decode("utf-8")
    assert "Jürgen Groß" in body and "Straße" in body and "😀" in body
    assert "\\u00df" not in body and "\\ud83d" not in body.lower()


@pytest.mark.slow
def test_api_extract_lone_surrogate_keeps_offsets(client):
    # JSON can carry a lone surrogate; the app answers with U+FFFD in its place,
    # one code point for one, so the offsets still index the text as sent.
    raw = '{"text": "\\ud800 \\"The quay is not safe for workers,\\" she said."}'
    r = client.post("/api/extract", content=raw.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 200
    quotes = r.json()["quotes"]
    assert quotes
    _check_offsets('\ufffd "The quay is not safe for workers," she said.', quotes)


@pytest.mark.slow
@pytest.mark.parametrize("payload, expected", [
    ({"text": ""}, {"id": None, "quotes": [], "quoted_people": []}),
    ({"text": " \n\n\t "}, {"id": None, "quotes": [], "quoted_people": []}),
    ({"articles": []}, {"articles": []}),
    ({"articles": [{"id": "e", "text": ""}]}, {"articles": [{"id": "e", "quotes": [], "quoted_people": []}]}),
])
def test_api_extract_empty_input(client, payload, expected):
    r = client.post("/api/extract", json=payload)
    assert r.status_code == 200
    assert r.json() == expected


# --- rejected input (the model is never called) ---------------------------------------------

@pytest.mark.parametrize("body, code", [
    (b"", "empty_body"),
    (b"   ", "empty_body"),
    (b"{nope", "malformed_json"),
    (b'{"text": "unterminated', "malformed_json"),
    (b"\xff\xfe\x00{", "malformed_json"),
    (b"{}", "bad_request"),
    (b'{"id": "x"}', "bad_request"),
    (b'{"text": "a", "articles": []}', "bad_request"),
])
def test_api_extract_malformed_is_400(bare_client, body, code):
    r = bare_client.post("/api/extract", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400
    err = r.json()
    assert err["error"] == code and err["message"]


def test_api_extract_null_text_says_it_was_null(bare_client):
    # "text": null was given: the message says so rather than that nothing was given
    r = bare_client.post("/api/extract", json={"text": None})
    assert r.status_code == 400 and '"text" given as null' in r.json()["message"]


@pytest.mark.parametrize("payload, loc", [
    ({"text": 5}, ["text"]),
    ({"text": ["a"]}, ["text"]),
    ({"text": None, "articles": "abc"}, ["articles"]),
    ({"articles": [{"id": "a"}]}, ["articles", 0, "text"]),
    ({"articles": [{"id": 1.5, "text": "x"}]}, ["articles", 0, "id"]),
    ({"articles": [{"text": 3}]}, ["articles", 0, "text"]),
    ([{"text": "a list, not an object"}], []),
    ("just a string", []),
])
def test_api_extract_wrong_types_is_422(bare_client, payload, loc):
    r = bare_client.post("/api/extract", json=payload)
    assert r.status_code == 422
    err = r.json()
    assert err["error"] == "validation_error"
    assert any(d["loc"][:len(loc)] == loc for d in err["detail"]), err


def test_api_extract_needs_json_content_type(bare_client):
    r = bare_client.post("/api/extract", content=b'{"text": "x"}', headers={"content-type": "text/plain"})
    assert r.status_code == 415
    assert r.json()["error"] == "unsupported_media_type"


def test_api_extract_over_default_limit_is_413(client):
    body = b'{"text": "' + b"a" * 2_000_000 + b'"}'
    r = client.post("/api/extract", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert r.json()["error"] == "too_large"
    assert "2,000,000" in r.json()["message"]


def test_api_extract_limit_is_configurable_and_counts_chunked_bodies(bare_client):
    def chunks():
        yield b'{"text": "'
        for _ in range(20):
            yield b"x" * 100
        yield b'"}'

    r = bare_client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert "1,000 bytes" in r.json()["message"]
    # just under the limit passes the size check (and then fails on types, not size)
    r = bare_client.post("/api/extract", json={"text": 1, "pad": "y" * 900})
    assert r.status_code == 422


def test_api_extract_article_over_max_length_is_413(unused_pipeline):
    from fastapi.testclient import TestClient

    from saidwhat.web.app import create_app

    nlp = unused_pipeline()
    nlp.max_length = 10
    with TestClient(create_app(nlp=nlp)) as c:
        r = c.post("/api/extract", json={"articles": [{"text": "short"}, {"text": "x" * 11}]})
    assert r.status_code == 413
    assert r.json()["error"] == "text_too_long"


# --- other routes --------------------------------------------------------------------------

def test_api_errors_are_json(bare_client):
    r = bare_client.get("/api/nope")
    assert r.status_code == 404 and r.json()["error"] == "not_found"
    r = bare_client.get("/api/extract")
    assert r.status_code == 405 and r.json()["error"] == "method_not_allowed"
    r = bare_client.get("/api/corpus/speakers")
    assert r.status_code == 404 and r.json()["error"] == "no_corpus"


def test_api_openapi_docs_offline(bare_client):
    schema = bare_client.get("/openapi.json").json()
    post = schema["paths"]["/api/extract"]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/ExtractRequest")
    assert {"ExtractRequest", "ArticleIn", "QuoteRecord", "ErrorBody"} <= set(schema["components"]["schemas"])
    assert {"400", "413", "422"} <= set(post["responses"])
    docs = bare_client.get("/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    assert "cdn" not in docs.text and "https://" not in docs.text


def test_api_page_and_assets(bare_client):
    r = bare_client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "http://" not in r.text and "https://" not in r.text  # nothing from elsewhere
    for asset in ("app.js", "style.css"):
        assert bare_client.get(f"/static/{asset}").status_code == 200
    # the page's script never turns text into markup
    js = bare_client.get("/static/app.js").text
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "eval(" not in js


def test_api_info(bare_client):
    info = bare_client.get("/api/info").json()
    assert info["version"] == saidwhat.__version__
    assert info["max_body"] == 1000 and info["corpus"] is False


@pytest.mark.slow
def test_api_model_process_answers_like_the_thread(client, example_text):
    """``--workers N`` runs :class:`ProcessRunner`; one spawned process is enough to
    check it (a process loads the model once, answers in order, stops cleanly)."""
    import anyio

    from saidwhat.web.runner import ProcessRunner

    expected = client.post("/api/extract", json={"text": example_text}).json()["quotes"]

    async def run():
        runner = ProcessRunner(None, processes=1)
        await runner.start()
        try:
            return runner.max_length, await runner.extract([example_text, "", example_text])
        finally:
            await runner.close()

    max_length, out = anyio.run(run)
    assert max_length == 1_000_000
    assert out == [expected, [], expected]


def test_api_pipeline_failure_is_500_json(unused_pipeline):
    from fastapi.testclient import TestClient

    from saidwhat.web.app import create_app

    with TestClient(create_app(nlp=unused_pipeline()), raise_server_exceptions=False) as c:
        r = c.post("/api/extract", json={"text": "anything"})
    assert r.status_code == 500
    assert r.json()["error"] == "internal_error" and "AssertionError" in r.json()["message"]


@pytest.mark.slow
def test_api_extract_says_when_a_text_is_not_english(client, example_text):
    # the CLI prints [W005] on stderr; the web answer carries it, and only where it applies
    french = ("Le maire de la ville a annoncé lundi que le pont serait fermé pendant trois mois pour des "
              "travaux. Les habitants sont inquiets et demandent des solutions de transport. La mairie "
              "promet des navettes gratuites et une nouvelle passerelle pour les piétons avant l'été.")
    r = client.post("/api/extract", json={"articles": [{"id": "fr", "text": french},
                                                       {"id": "en", "text": example_text}]})
    assert r.status_code == 200
    fr, en = r.json()["articles"]
    assert fr["quotes"] == [] and len(fr["warnings"]) == 1 and fr["warnings"][0].startswith("[W005]")
    assert "French" in fr["warnings"][0]
    assert "warnings" not in en
