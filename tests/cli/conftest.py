"""Fixtures for the CLI tests."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline, loaded once per test process (shared with the CLI's in-process runs)."""
    from saidwhat.batch.worker import get_nlp

    return get_nlp(None)
