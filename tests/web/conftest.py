"""Fixtures for the web app tests: one pipeline per session, shared by every app."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason='the web extra is not installed (pip install "saidwhat[web]")')

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "river-port.txt"


class UnusedPipeline:
    """Stands in for the model where a test must never reach it (input rejected first)."""

    max_length = 1_000_000
    meta: dict = {}

    def __call__(self, text, **kwargs):  # pragma: no cover - reaching it is the failure
        raise AssertionError("the pipeline was called")

    def pipe(self, texts, **kwargs):
        raise AssertionError("the pipeline was called")


@pytest.fixture(scope="session")
def unused_pipeline():
    """The :class:`UnusedPipeline` class."""
    return UnusedPipeline


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def web_nlp(nlp):
    """The session's pipeline (``nlp`` from tests/conftest.py), loaded once for all tests."""
    return nlp


@pytest.fixture(scope="session")
def client(web_nlp):
    """TestClient over an app with the real model and the default 2 MB body limit."""
    from fastapi.testclient import TestClient

    from saidwhat.web.app import create_app

    with TestClient(create_app(nlp=web_nlp)) as c:
        yield c


@pytest.fixture(scope="session")
def bare_client():
    """TestClient over an app whose pipeline must never run, with a 1,000-byte body limit."""
    from fastapi.testclient import TestClient

    from saidwhat.web.app import Settings, create_app

    with TestClient(create_app(Settings(max_body=1000), nlp=UnusedPipeline())) as c:
        yield c
