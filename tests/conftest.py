"""Shared fixtures: one spaCy pipeline with the saidwhat component per test session."""
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="session")
def nlp():
    import saidwhat

    return saidwhat.load()


@pytest.fixture(scope="session")
def shared_dir():
    """../shared (read-only material outside the repo); tests using it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED.resolve()
