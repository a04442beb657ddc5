"""HEAD is answered like GET (same status and headers) with no body, e.g. for uptime checks."""
from __future__ import annotations

import anyio
import pytest


def _asgi_head(app, path: str) -> list[dict]:
    """Send one HEAD request straight to the ASGI app; return the messages it sends."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "HEAD",
             "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
             "root_path": "", "headers": [(b"host", b"testserver")],
             "client": ("127.0.0.1", 50000), "server": ("testserver", 80)}
    sent: list[dict] = []
    requested = False

    async def receive():
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        while not sent or sent[-1].get("more_body", False) or sent[-1]["type"] != "http.response.body":
            await anyio.sleep(0.01)  # the client stays connected until the response is complete
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    anyio.run(app, scope, receive, send)
    return sent


@pytest.mark.parametrize("path, ctype", [("/", "text/html"), ("/api/info", "application/json")])
def test_head_answers_like_get(bare_client, path, ctype):
    get = bare_client.get(path)
    head = bare_client.head(path)
    assert get.status_code == 200 and head.status_code == 200
    assert head.headers["content-type"].startswith(ctype)
    assert head.headers["content-length"] == str(len(get.content)) and len(get.content) > 0
    if path == "/":
        assert head.headers["content-security-policy"] == get.headers["content-security-policy"]


@pytest.mark.parametrize("path", ["/", "/api/info"])
def test_head_sends_no_body(bare_client, path):
    messages = _asgi_head(bare_client.app, path)
    start, *bodies = messages
    assert start["type"] == "http.response.start" and start["status"] == 200
    assert bodies and all(m["type"] == "http.response.body" for m in bodies)
    assert b"".join(m.get("body", b"") for m in bodies) == b""
    assert not bodies[-1].get("more_body", False)


def test_head_on_post_only_route_is_still_405(bare_client):
    r = bare_client.head("/api/extract")
    assert r.status_code == 405  # HEAD is GET here, and GET is not allowed either
