"""The end-of-run summary and the progress line say "1 article" / "2 articles"."""
from __future__ import annotations

import io
import sys

from saidwhat.batch import run_corpus
from saidwhat.batch.progress import Progress, plural


class _Quote:
    def __init__(self, start, end):
        self.start, self.end = start, end

    def to_dict(self):
        return {"quote_start": self.start, "quote_end": self.end}


class _Doc:
    """One quote per line of the text that contains a '"'."""

    def __init__(self, text):
        self._ = self
        self.quotes, pos = [], 0
        for line in text.splitlines(keepends=True):
            if '"' in line:
                self.quotes.append(_Quote(pos, pos + len(line)))
            pos += len(line)


class LineNLP:
    def __call__(self, text):
        return _Doc(text)

    def pipe(self, texts, batch_size=32):
        return (self(t) for t in texts)


def _run(tmp_path, texts):
    paths = []
    for i, text in enumerate(texts):
        p = tmp_path / f"story-{i}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    return run_corpus(paths, nlp=LineNLP(), workers=1, quiet=True, stream_writer=None)


def test_plural():
    assert [plural(n, "quote") for n in (0, 1, 2)] == ["0 quotes", "1 quote", "2 quotes"]


def test_summary_singular_for_one_article_and_one_quote(tmp_path):
    stats = _run(tmp_path, ['"The ferry leaves at six," the captain said.\nThe sea was calm.'])
    assert (stats.articles, stats.quotes) == (1, 1)
    summary = stats.summary()
    assert summary.startswith("saidwhat: 1 article, 1 quote, 0 skipped, 0 failed, ")
    assert summary.split(", ")[:2] == ["saidwhat: 1 article", "1 quote"]


def test_summary_plural_for_several(tmp_path):
    stats = _run(tmp_path, ['"Rain," she said.\n"More rain," he said.', "No quotes here."])
    assert (stats.articles, stats.quotes) == (2, 2)
    assert stats.summary().startswith("saidwhat: 2 articles, 2 quotes, ")
    stats = _run(tmp_path, ["Nothing said."])
    assert stats.summary().startswith("saidwhat: 1 article, 0 quotes, ")


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_progress_line_singular(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)  # the plain one-line display
    stream = _Tty()
    bar = Progress(None, stream=stream)
    bar.update(1, 1)
    assert "saidwhat 1 article, 1 quote, " in stream.getvalue()
    stream = _Tty()
    bar = Progress(1, stream=stream)
    bar.update(1, 0)
    assert "saidwhat 1/1 article, 0 quotes, " in stream.getvalue()
