"""Fixtures of the pipeline tests."""
import warnings

import pytest

import saidwhat


@pytest.fixture(scope="module")
def run(nlp):
    """``saidwhat.extract`` on the session pipeline, with its per-mark warnings silenced."""
    def _run(text):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return saidwhat.extract(text, nlp=nlp)
    return _run
