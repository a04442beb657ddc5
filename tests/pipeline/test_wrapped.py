"""Hard-wrapped text and old Mac line ends read as running text (invented text)."""
import textwrap

import pytest

from saidwhat.pipeline.marks import find_marked_spans
from saidwhat.pipeline.paragraphs import paragraph_breaks

ARTICLE = """Harbour ferry stays in port as storm nears

The ferry between Port Elling and the Marrow Islands will not sail until Thursday, the operator said on Monday, after forecasters warned of gusts of up to 120 kilometres an hour along the coast.

"We are not going to put passengers or crew at risk for the sake of a timetable," said Delia Okonkwo, the chief executive of Marrow Sea Lines. "The boat stays tied up until the wind drops, and we will refund every ticket."

Harbour master Tomas Brandvold told reporters that the quay had been closed to traffic since the early morning and that three fishing boats had been moved to the inner basin for safety.

"It is the worst forecast we have had this winter," Brandvold said. "I would ask people to stay away from the sea wall, because the waves come over it without warning."

The islands' mayor, Ingrid Vasquez-Hale, said the shops on the islands had enough food and fuel for a week, but she urged residents to check on elderly neighbours who live alone.

Residents were less patient. "Every winter it is the same story and nobody in the capital listens to us," said the fisherman Piet Harrow, who has lived on the main island for forty years.

The regional transport minister, Lena Mortimer, said in a statement that a review of the ferry contract would begin in the spring and that island councils would be consulted.
"""


def _wrap(text, width=72, *, indent=False):
    paras = text.strip().split("\n\n")
    if indent:   # paragraphs set off by an indented first line, no blank line
        return "\n".join(textwrap.fill(p, width, initial_indent="    ") for p in paras) + "\n"
    return "\n\n".join(textwrap.fill(p, width) for p in paras) + "\n"


def _records(run, text):
    quotes = run(text)
    for q in quotes:
        assert text[q.quote_start:q.quote_end] == q.quote
    return [(" ".join(q.quote.split()), q.speaker, q.type) for q in quotes]


def test_wrapped_article_gives_the_unwrapped_quotations(run):
    plain = _records(run, ARTICLE)
    assert len(plain) >= 8
    wrapped = _wrap(ARTICLE)
    assert any(len(line) > 60 for line in wrapped.splitlines())
    assert _records(run, wrapped) == plain


def test_wrapped_article_with_indented_paragraphs(run):
    assert _records(run, _wrap(ARTICLE, indent=True)) == _records(run, ARTICLE)


@pytest.mark.parametrize("nl", ["\r", "\r\n"])
def test_wrapped_article_other_line_ends(run, nl):
    plain = _records(run, ARTICLE)
    assert _records(run, ARTICLE.replace("\n", nl)) == plain
    assert _records(run, _wrap(ARTICLE).replace("\n", nl)) == plain


def test_wrapped_quote_is_not_closed_at_the_line_end():
    text = _wrap('"We are not going to put passengers or crew at risk for the sake of a timetable '
                 'or of anything else," said Delia Okonkwo.', 60)
    assert "\n" in text
    (m,) = find_marked_spans(text)
    assert m.close_pos is not None and "unclosed" not in m.flags


def test_paragraph_breaks_of_short_lines_are_kept():
    text = "Edson\nAbout 1,000 people came. They left.\nThe rally ended."
    assert paragraph_breaks(text) == [5, 41]
    assert paragraph_breaks("One.\rTwo.\r\nThree.") == [4, 10]


def test_wrapped_name_across_a_line_end(run):
    text = ('"Every winter it is the same story and nobody listens to us," said Piet\n'
            'Harrow, a fisherman who has lived on the main island for forty years.\n')
    assert [q.speaker for q in run(text)] == ["Piet Harrow"]
