"""Tests for the strict speaker measure and coverage matching (invented records, no model)."""
from __future__ import annotations

import pytest

from saidwhat.evaluate.scorer import (
    article_names, coverage_ratio, match_coverage, match_overlap, normalise_name,
    score_article, speaker_correct, speaker_correct_strict,
)

ARTICLE = ("Lawyer Joanne Galbraith-Marten spoke first. The president and the United Nations "
           "watched. President Obama left. Amnesty International said so.")


def rec(start, end, *, speaker=None, mention=None, speaker_type=None, type="direct"):
    return {"quote_start": start, "quote_end": end, "type": type, "speaker": speaker,
            "speaker_mention": mention, "speaker_type": speaker_type,
            "speaker_start": None, "speaker_end": None, "cue": None}


def test_strict_normalise_keeps_hyphenated_words_whole():
    assert normalise_name("Dr. Joanne Galbraith-Marten's", keep_hyphens=True) == (
        "joanne", "galbraith-marten")
    assert normalise_name("Galbraith-Marten") == ("galbraith", "marten")   # unchanged default


def test_strict_article_names_runs():
    names = article_names("Foreign Minister Dmytro Kuleba met George W. Bush, then Ann.")
    assert names == (("foreign", "minister", "dmytro", "kuleba"), ("george", "w", "bush"),
                     ("ann",))
    text = "the International Committee of the Red Cross said"
    assert article_names(text, connectors=True) == (
        ("international", "committee", "of", "the", "red", "cross"),)


@pytest.mark.parametrize("gold, cand, ptype, lenient, strict", [
    # surname only, the article writes the full name: right before, wrong now
    ("Joanne Galbraith-Marten", "Galbraith-Marten", "PERSON", True, False),
    # gold itself short, the article writes a first name before it (rule b)
    ("Galbraith-Marten", "Galbraith-Marten", "PERSON", True, False),
    # a hyphen part is never the name
    ("Joanne Galbraith-Marten", "Marten", "PERSON", True, False),
    ("Galbraith-Marten", "Marten", "PERSON", True, False),
    # the full form is right
    ("Joanne Galbraith-Marten", "Joanne Galbraith-Marten", "PERSON", True, True),
    # "President Obama": "president" is written in lowercase, so not a first name
    ("Obama", "Obama", "PERSON", True, True),
    ("Barack Obama", "Obama", "PERSON", True, True),      # the article never says "Barack"
    # organisations: short form wrong when the longer name is written, acronym too
    ("Amnesty International", "Amnesty", "ORG", True, False),
    ("UN", "UN", "ORG", True, False),
    ("Amnesty International", "Amnesty International", "ORG", True, True),
])
def test_strict_speaker_partial_names(gold, cand, ptype, lenient, strict):
    g = rec(0, 5, speaker=gold)
    p = rec(0, 5, speaker=cand, speaker_type=ptype)
    assert speaker_correct(g, p) is lenient
    assert speaker_correct_strict(g, p, ARTICLE) is strict


def test_strict_speaker_surname_right_when_article_gives_no_more():
    text = "Galbraith-Marten spoke first."
    g = rec(0, 5, speaker="Joanne Galbraith-Marten")
    assert speaker_correct_strict(g, rec(0, 5, speaker="Galbraith-Marten",
                                         speaker_type="PERSON"), text) is True


def test_strict_speaker_null_cases_follow_lenient():
    g = rec(0, 5, speaker="Joanne Galbraith-Marten")
    assert speaker_correct_strict(g, rec(0, 5), ARTICLE) is False          # nothing predicted
    # a null speaker falls back to the mention, judged by the same strict rule
    assert speaker_correct(g, rec(0, 5, mention="Galbraith-Marten")) is True
    assert speaker_correct_strict(g, rec(0, 5, mention="Galbraith-Marten"), ARTICLE) is False
    assert speaker_correct_strict(rec(0, 5), rec(0, 5), ARTICLE) is True   # gold null, pred null
    assert speaker_correct_strict(rec(0, 5), rec(0, 5, speaker="Obama"), ARTICLE) is False


def test_strict_multiword_person_is_not_short():
    text = "European Council President Donald Tusk said."
    g = rec(0, 5, speaker="European Council President Donald Tusk")
    assert speaker_correct_strict(g, rec(0, 5, speaker="Donald Tusk", speaker_type="PERSON"),
                                  text) is True


def test_strict_score_article_rows():
    gold = [rec(0, 30, speaker="Joanne Galbraith-Marten"), rec(60, 90, speaker="Obama")]
    pred = [rec(0, 30, speaker="Galbraith-Marten", speaker_type="PERSON"),
            rec(60, 90, speaker="Obama", speaker_type="PERSON")]
    s = score_article(gold, pred, ARTICLE)
    assert (s.speaker_name.correct, s.speaker_name_strict.correct) == (2, 1)
    assert (s.end_to_end.tp, s.end_to_end_strict.tp) == (2, 1)
    assert (s.end_to_end_strict.fp, s.end_to_end_strict.fn) == (1, 1)
    d = s.to_dict()
    assert d["speaker_name_strict_accuracy"] == {"correct": 1, "total": 2, "value": 0.5}
    assert d["end_to_end_strict"]["tp"] == 1


# --- coverage -----------------------------------------------------------------------------

def test_coverage_ratio_is_share_of_gold():
    assert coverage_ratio((0, 100), (10, 15)) == pytest.approx(0.05)
    assert coverage_ratio((0, 10), (5, 20)) == pytest.approx(0.5)
    assert coverage_ratio((3, 3), (0, 10)) == 0.0


def test_coverage_fragment_counts_under_overlap_not_coverage():
    gold, pred = [(0, 100)], [(10, 15)]          # a 5% fragment of a long gold quote
    assert match_overlap(gold, pred) == [(0, 0)]
    assert match_coverage(gold, pred) == []
    assert match_coverage([(0, 100)], [(0, 50)]) == [(0, 0)]      # exactly half counts
    assert match_coverage([(0, 100)], [(0, 49)]) == []
    # one-to-one: a long pred covering two gold quotes matches one of them
    assert match_coverage([(0, 50), (50, 100)], [(0, 100)]) == [(0, 0)]
    s = score_article([rec(0, 100)], [rec(10, 15)], "x" * 100)
    assert (s.overlap.tp, s.coverage.tp, s.coverage.fp, s.coverage.fn) == (1, 0, 1, 1)


def test_strict_rows_in_every_format():
    import json

    from saidwhat.evaluate import EvalResult, render
    s = score_article([rec(0, 100, speaker="Joanne Galbraith-Marten")],
                      [rec(10, 15, speaker="Galbraith-Marten", speaker_type="PERSON")], ARTICLE)
    result = EvalResult(gold_path="gold.jsonl", scores=s, n_articles=1)
    for fmt in ("text", "markdown"):
        out = render(result, fmt)
        assert "quotes, coverage >= 50% of gold" in out
        assert "end-to-end, strict speaker" in out
        assert "speaker name, strict (matched)" in out
    d = json.loads(render(result, "json"))
    assert d["coverage_threshold"] == 0.5
    assert d["quotes_coverage"]["tp"] == 0 and d["quotes_overlap"]["tp"] == 1
    assert d["speaker_name_strict_accuracy"]["correct"] == 0
    assert d["speaker_name_accuracy"]["correct"] == 1
    assert d["end_to_end_strict"]["tp"] == 0
