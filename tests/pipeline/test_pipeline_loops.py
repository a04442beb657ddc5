"""Regression: climbing from a proper noun to its head must stop at the root.

spaCy creates a new Token object on each access, so `tok.head is not tok` is always
true; a proper-noun root inside an attribution once looped forever (three PolNeAR
articles never finished). Built by hand, no model needed.
"""
import signal

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from saidwhat.pipeline.context import DocContext
from saidwhat.pipeline.quote_detector import _named_in


@pytest.fixture
def alarm():
    def fail(signum, frame):
        raise TimeoutError("did not finish")
    old = signal.signal(signal.SIGALRM, fail)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def test_named_in_stops_at_a_proper_noun_root(alarm):
    words = ["From", "Zorb", "Quell", ":"]
    doc = Doc(Vocab(), words=words, spaces=[True, True, False, False],
              heads=[2, 2, 2, 2], deps=["prep", "compound", "ROOT", "punct"],
              pos=["ADP", "PROPN", "PROPN", "PUNCT"])
    ctx = DocContext(doc)
    mention = _named_in(ctx, 0, len(doc.text))
    assert mention is not None and mention.name.endswith("Zorb Quell")
