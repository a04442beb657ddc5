"""A fake model for the web service's robustness tests, run in real model processes
(:class:`saidwhat.web.runner.ProcessRunner` with ``load=fake_model.load,
extract=fake_model.extract``): no spaCy model is loaded.

A text starting ``SLEEP n`` takes ``n`` seconds; every text answers one record whose
``quote`` is the process id, so tests can see which process answered.
"""
from __future__ import annotations

import os
import time


class FakeNLP:
    max_length = 1_000_000
    meta = {"lang": "xx", "name": "fake"}


def load(model):
    return FakeNLP()


def extract(nlp, texts):
    out = []
    for text in texts:
        if text.startswith("SLEEP "):
            time.sleep(float(text.split()[1]))
        out.append([{"quote": str(os.getpid())}])
    return out
