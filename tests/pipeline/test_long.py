"""Articles longer than the pipeline's max_length are extracted in pieces (invented text)."""
import warnings

import pytest

import saidwhat
from saidwhat.api import split_long

ARTICLE = """Council votes to close the old library

The town council voted on Tuesday to close the old library on Mill Street at the end of the year.

"It breaks my heart, but the roof is beyond repair," said Mayor Agnes Thornbury. "We will open a new branch in the school within two years."

Librarian Oskar Lindqvist said the staff would move to the school and that no jobs would be lost.

"People have borrowed books here for a hundred years," Lindqvist said.
"""


@pytest.fixture
def small_nlp(nlp):
    """The session pipeline with ``max_length`` 5,000 (restored after the test)."""
    old = nlp.max_length
    nlp.max_length = 5_000
    try:
        yield nlp
    finally:
        nlp.max_length = old


def _long_text():
    return "\n\n".join(ARTICLE.strip() for _ in range(30)) + "\n"


def _check(text, quotes):
    for q in quotes:
        assert text[q.quote_start:q.quote_end] == q.quote
        if q.speaker_start is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
        if q.cue_start is not None:
            assert text[q.cue_start:q.cue_end] == q.cue


def test_split_long_cuts_at_paragraph_breaks():
    text = _long_text()
    pieces = split_long(text, 5_000)
    assert len(pieces) >= 3 and pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(b - a <= 5_000 for a, b in pieces)
    assert all(pieces[k][1] == pieces[k + 1][0] for k in range(len(pieces) - 1))
    assert all(text[b - 2:b] == "\n\n" for _, b in pieces[:-1])
    assert split_long("word " * 30, 40)[0] == (0, 40)   # no paragraph break: after a space
    assert split_long("x" * 90, 40) == [(0, 40), (40, 80), (80, 90)]


def test_long_article_is_extracted_in_pieces(small_nlp):
    text = _long_text()
    assert len(text) > small_nlp.max_length
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quotes = saidwhat.extract(text, nlp=small_nlp)
        one = saidwhat.extract(ARTICLE, nlp=small_nlp)
    _check(text, quotes)
    assert [(q.quote, q.type) for q in quotes] == [(q.quote, q.type) for q in one] * 30
    ids = {}
    for q in quotes:
        if q.speaker is not None:
            assert ids.setdefault(q.speaker, q.speaker_id) == q.speaker_id


def test_extract_many_takes_long_articles(small_nlp):
    text = _long_text()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = list(saidwhat.extract_many([ARTICLE, text, ARTICLE], nlp=small_nlp))
        alone = saidwhat.extract(text, nlp=small_nlp)
    assert len(out) == 3 and out[1] == alone and out[0] == out[2]
    _check(text, out[1])


def test_the_batch_worker_extracts_an_article_over_max_length_in_pieces(small_nlp):
    # the CLI and the corpus runner go through batch.worker.process_texts: a long
    # article among short ones is extracted like saidwhat.extract does, not failed (E088)
    from saidwhat.batch.worker import process_texts

    text = _long_text()
    assert len(text) > small_nlp.max_length
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = process_texts([ARTICLE, text, ARTICLE], nlp=small_nlp)
        expected = [q.to_dict() for q in saidwhat.extract(text, nlp=small_nlp)]
    assert [err for _, err in out] == [None, None, None]
    assert out[1][0] == expected and len(expected) == 30 * len(out[0][0])


def test_doc_text_is_built_a_fixed_number_of_times_however_many_names(nlp):
    """spaCy joins every token anew on each ``doc.text``: a stage reading it once per name
    made the cost grow with the square of the length (a 1,000,000-character article with
    a named speaker per sentence ran past the CLI's 120 s time-out). The component reads
    it a fixed number of times, whatever the length."""
    from spacy.tokens import Doc

    from saidwhat.api import _component

    class CountingDoc(Doc):
        reads = 0

        @property
        def text(self):
            type(self).reads += 1
            return super().text

    sentence = '"We will reopen the quay before spring," harbour director Mara Lindqvist said on Tuesday. '
    reads = {}
    for n in (5, 40):
        with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p != "saidwhat"]):
            parsed = nlp(sentence * n)
        doc = CountingDoc(nlp.vocab).from_bytes(parsed.to_bytes())
        CountingDoc.reads = 0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quotes = _component(nlp)(doc)._.quotes
        assert len(quotes) == n and {q.speaker for q in quotes} == {"Mara Lindqvist"}
        reads[n] = CountingDoc.reads
    assert reads[5] == reads[40] <= 5
