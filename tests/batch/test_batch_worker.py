"""Tests for saidwhat.batch.worker: failures and time-outs are isolated per article."""
from __future__ import annotations

import time

from saidwhat.batch.worker import process_texts


class _Doc:
    def __init__(self, text):
        self.text = text
        self._ = self

    @property
    def quotes(self):
        return []


class FakeNLP:
    """A pipeline stand-in: 'HANG' never returns, 'BOOM' raises, others are instant."""

    def __call__(self, text):
        if text == "HANG":
            while True:  # a pathological article
                time.sleep(0.001)
        if text == "BOOM":
            raise ValueError("broken article")
        return _Doc(text)

    def pipe(self, texts, batch_size=32):
        for t in texts:
            yield self(t)


def test_batch_worker_isolates_exceptions():
    out = process_texts(["a", "BOOM", "b"], FakeNLP())
    assert out[0] == ([], None) and out[2] == ([], None)
    assert out[1][0] == [] and out[1][1].startswith("ValueError: broken article")


def test_batch_worker_times_out_one_article_and_keeps_the_rest():
    t0 = time.monotonic()
    out = process_texts(["a", "HANG", "b", "c"], FakeNLP(), timeout=0.5)
    assert time.monotonic() - t0 < 5
    assert [err for _, err in out] == [None, "timed out after 0.5 s", None, None]


def test_batch_worker_no_timeout_leaves_no_alarm():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    process_texts(["a"], FakeNLP(), timeout=1)
    assert signal.getsignal(signal.SIGALRM) == before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
