"""Quote-mark pairing on raw text (no model)."""
import warnings

import pytest

from saidwhat.errors import Warnings
from saidwhat.pipeline.marks import find_marked_spans


def spans(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return [(text[s.start:s.end], s.flags, s.double) for s in find_marked_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("He said “the bridge is shut” today.", ["the bridge is shut"]),
    ('He said "the bridge is shut" today.', ["the bridge is shut"]),
    ("He said «the bridge is shut» today.", ["the bridge is shut"]),
    ("He added: „We are closer than last week.“", ["We are closer than last week."]),
    ("“The ferry is late,” she said, “again.”", ["The ferry is late,", "again."]),
    # curly open, straight close (scraped copy)
    ("From the mayor:\n\n“The pool reopens in May\"", ["The pool reopens in May"]),
])
def test_marks_pair_double_marks(text, expected):
    assert [s[0] for s in spans(text)] == expected


def test_marks_apostrophes_are_not_marks():
    text = "Farmer Ann Roe said the rules “don‘t fit how small farms work.” Her neighbour’s herd was sold."
    assert [s[0] for s in spans(text)] == ["don‘t fit how small farms work."]


def test_marks_single_quotes_british_style_with_apostrophes():
    text = "The director, Ola Berg, said: ‘We’ve lost six weeks and the contractor’s crane is stuck.’"
    assert spans(text) == [("We’ve lost six weeks and the contractor’s crane is stuck.", (), False)]


def test_marks_nested_single_quote_does_not_end_outer():
    text = "“My uncle said, ‘Never swim at dusk,’ and he was right,” said Tom Reed of Kell’s lifeboat crew."
    out = find_marked_spans(text)
    assert [text[s.start:s.end] for s in out] == ["My uncle said, ‘Never swim at dusk,’ and he was right,"]
    assert [text[n.start:n.end] for n in out[0].nested] == ["Never swim at dusk,"]


def test_marks_multi_paragraph_quote_is_one_span():
    text = ("“The works start in June,” the engineer said. “Crews will close one lane.\n\n"
            "“Then the other lane.\n\n“Expect delays.”")
    out = find_marked_spans(text)
    assert len(out) == 2
    second = out[1]
    assert text[second.start:second.end].startswith("Crews will close one lane.")
    assert text[second.start:second.end].endswith("Expect delays.")
    assert len(second.reopen) == 2


def test_marks_unclosed_quote_closes_at_paragraph_end_with_warning():
    text = "“The vote is Monday,” said Ana Ruiz, “and we expect everyone.\nLetters went out last week."
    with pytest.warns(UserWarning, match=r"\[W002\]"):
        out = find_marked_spans(text)
    assert [text[s.start:s.end] for s in out] == ["The vote is Monday,", "and we expect everyone."]
    assert out[1].flags == ("unclosed",)
    assert Warnings.W002.startswith("[W002]")


def test_marks_stray_closing_mark_is_skipped_not_raised():
    text = "» Related: prices fall\nShe said “the plan works.”"
    with pytest.warns(UserWarning, match=r"\[W001\]"):
        out = find_marked_spans(text)
    assert [text[s.start:s.end] for s in out] == ["the plan works."]


def test_marks_odd_number_of_marks_keeps_the_rest():
    text = 'He said "one thing. Then she said “another thing entirely.”'
    texts = [t for t, _, _ in spans(text)]
    assert "another thing entirely." in texts


def test_marks_two_single_marks_are_one_double_mark():
    # New York Times archive style (PolNeAR) and a typed ‘’ opener
    text = ("''This is not reform,'' said Dana Holt. ''It adds more rules.''\n\n"
            "''The first paragraph goes on\n\n''and ends here.''\n\nHe said ‘’Nobody wins.” The players' union agreed.")
    got = spans(text)
    assert [g[0] for g in got] == ["This is not reform,", "It adds more rules.",
                                   "The first paragraph goes on\n\n''and ends here.", "Nobody wins."]
    assert all(g[2] for g in got) and not any(g[1] for g in got)
    first = find_marked_spans(text)[0]
    assert text[first.outer_end - 2:first.outer_end] == "''"
    assert text[first.outer_start:first.outer_start + 2] == "''"
