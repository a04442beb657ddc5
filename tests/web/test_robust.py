"""The web service under slow, abandoned, huge and hostile requests (issue 12): real
``uvicorn`` servers (``fake_server.py``) whose model processes run a fake model that
sleeps on request, so no spaCy model is loaded."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, timeout: float) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
        self.proc = subprocess.Popen([sys.executable, str(HERE / "fake_server.py"),
                                      str(self.port), str(timeout)], env=env,
                                     start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, "the server exited"
            try:
                if httpx.get(self.url + "/api/info", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise AssertionError("the server did not start")

    def post(self, text: str, timeout: float = 30) -> httpx.Response:
        return httpx.post(self.url + "/api/extract", json={"text": text}, timeout=timeout)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


@pytest.fixture(scope="module")
def server():
    """Timeout 3 s, one ordinary model process, a long lane for > 1,000 characters."""
    s = Server(timeout=3)
    yield s
    s.stop()


@pytest.fixture
def patient_server():
    """No timeout: only a disconnect or SIGTERM can stop a slow extraction."""
    s = Server(timeout=0)
    yield s
    s.stop()


def test_timeout_is_504_and_the_process_is_replaced(server):
    before = server.post("fast").json()["quotes"][0]["quote"]
    t0 = time.monotonic()
    r = server.post("SLEEP 60")
    assert r.status_code == 504
    body = r.json()
    assert body["error"] == "timeout" and set(body) == {"error", "message", "detail"}
    assert time.monotonic() - t0 < 10
    r = server.post("fast")  # the replacement process answers
    assert r.status_code == 200
    assert r.json()["quotes"][0]["quote"] != before


def test_a_long_request_does_not_block_the_others(server):
    long_text = "SLEEP 60 " + "x" * 2000  # over long_chars: the long lane
    done = {}
    t = threading.Thread(target=lambda: done.setdefault("r", server.post(long_text)))
    t.start()
    time.sleep(0.3)
    for _ in range(5):
        t0 = time.monotonic()
        assert server.post("fast").status_code == 200
        assert time.monotonic() - t0 < 1.0
    t.join(20)
    assert done["r"].status_code == 504


def test_text_over_max_chars_is_413(server):
    r = server.post("x" * 50_001)
    assert r.status_code == 413 and r.json()["error"] == "text_too_long"
    assert server.post("x" * 50_000).status_code == 200


def test_client_gone_cancels_the_extraction(patient_server):
    with pytest.raises(httpx.ReadTimeout):
        patient_server.post("SLEEP 600", timeout=1)
    t0 = time.monotonic()  # the only ordinary process was killed and replaced
    r = patient_server.post("fast", timeout=30)
    assert r.status_code == 200 and time.monotonic() - t0 < 15


def test_sigterm_stops_the_server_during_a_long_extraction(patient_server):
    t = threading.Thread(target=lambda: _swallow(patient_server.post, "SLEEP 600", timeout=60),
                         daemon=True)
    t.start()
    time.sleep(1)
    t0 = time.monotonic()
    patient_server.proc.send_signal(signal.SIGTERM)
    patient_server.proc.wait(timeout=15)
    assert time.monotonic() - t0 < 8


def _swallow(fn, *args, **kw):
    try:
        fn(*args, **kw)
    except httpx.HTTPError:
        pass


@pytest.mark.parametrize("body", [b"[" * 100_000, b"[" * 100_000 + b"]" * 100_000,
                                  b'{"text": "a", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"])
def test_deeply_nested_json_is_400(unused_pipeline, body):
    from fastapi.testclient import TestClient

    from saidwhat.web.app import create_app

    with TestClient(create_app(nlp=unused_pipeline())) as c:
        r = c.post("/api/extract", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400
    assert r.json()["error"] == "malformed_json"


def test_max_chars_setting_is_413(unused_pipeline):
    from fastapi.testclient import TestClient

    from saidwhat.web.app import Settings, create_app

    with TestClient(create_app(Settings(max_chars=100), nlp=unused_pipeline())) as c:
        r = c.post("/api/extract", json={"text": "x" * 101})
        assert r.status_code == 413 and r.json()["error"] == "text_too_long"
        assert c.get("/api/info").json()["max_length"] == 100
