"""Tests for saidwhat.evaluate.scorer on small invented records (no model needed)."""
from __future__ import annotations

import pytest

from saidwhat.evaluate.scorer import (
    Scores, cue_correct, match_exact, match_overlap, names_match, normalise_name,
    overlap_ratio, score_article, speaker_correct, speaker_span_correct, trim_span,
)


def rec(start, end, *, type="direct", speaker=None, mention=None, sp=None, cue=None,
        speaker_type=None):
    """A quote record with the fields the scorer reads (gold or pred shape)."""
    return {"quote_start": start, "quote_end": end, "type": type, "speaker": speaker,
            "speaker_mention": mention, "speaker_type": speaker_type,
            "speaker_start": sp[0] if sp else None, "speaker_end": sp[1] if sp else None,
            "cue": cue}


# --- overlap threshold and matching -----------------------------------------------------

@pytest.mark.parametrize("gold, pred, exp", [
    ((0, 10), (5, 20), 0.5),     # 5 shared chars of the shorter 10: exactly the threshold
    ((0, 10), (6, 20), 0.4),
    ((0, 100), (10, 20), 1.0),   # relative to the shorter span, not the gold
    ((0, 10), (10, 20), 0.0),    # touching, end exclusive
    ((0, 10), (3, 3), 0.0),      # empty span
])
def test_scorer_overlap_ratio(gold, pred, exp):
    assert overlap_ratio(gold, pred) == pytest.approx(exp)


def test_scorer_overlap_threshold_edges():
    assert match_overlap([(0, 10)], [(5, 20)]) == [(0, 0)]   # 50% matches
    assert match_overlap([(0, 10)], [(6, 20)]) == []         # 40% does not
    assert match_overlap([(0, 1000)], [(0, 499)]) == [(0, 0)]  # shorter fully covered
    assert match_overlap([(0, 10)], [(6, 20)], threshold=0.4) == [(0, 0)]


def test_scorer_overlap_is_one_to_one_and_prefers_best_fit():
    gold = [(0, 100)]
    pred = [(0, 10), (0, 95)]            # both cover 100% of the shorter span
    assert match_overlap(gold, pred) == [(0, 1)]   # the better-sized pred wins
    # One pred spanning two gold quotes matches only one of them.
    assert match_overlap([(0, 50), (50, 100)], [(0, 100)]) == [(0, 0)]
    # Two gold, two preds crossing: each gold gets its best pred.
    assert match_overlap([(0, 10), (20, 30)], [(19, 30), (0, 11)]) == [(0, 1), (1, 0)]


def test_scorer_exact_match_and_trimming():
    assert match_exact([(0, 10), (20, 30)], [(20, 30), (0, 11)]) == [(1, 0)]
    assert match_exact([(0, 10)], [(0, 10), (0, 10)]) == [(0, 0)]   # one-to-one
    text = '"We are ready," she said.'
    assert trim_span(text, (0, 15)) == (1, 13)   # marks and the comma inside go
    assert trim_span(text, (1, 14)) == (1, 13)
    start, end = trim_span(text, (0, 1))   # only a mark: nothing left
    assert start == end


# --- speaker names -----------------------------------------------------------------------

def test_scorer_normalise_name_titles_possessive_punctuation():
    assert normalise_name("Dr. Jane O'Neil's") == ("jane", "o", "neil")
    assert normalise_name("Amnesty International\u2019s") == ("amnesty", "international")
    assert normalise_name("Mrs. Smith") == ("smith",)
    assert normalise_name("  the   Prime-Minister ") == ("prime", "minister")
    assert normalise_name(None) == ()
    assert normalise_name("Mr.") == ()


def test_scorer_a_generational_suffix_is_no_part_of_the_name():
    assert normalise_name("Joseph R. Biden Jr.") == ("joseph", "r", "biden")
    assert names_match("Joseph R. Biden Jr", "Mr. Biden")
    assert normalise_name("Jr.") == ("jr",)


@pytest.mark.parametrize("pred, gold, ptype, exp", [
    ("Kuleba", "Dmytro Kuleba", "PERSON", True),            # surname only (pred)
    ("Dmytro Kuleba", "Kuleba", "PERSON", True),            # surname only (gold)
    ("Dmytro", "Dmytro Kuleba", "PERSON", False),           # a first name is not enough
    ("Dr. Jane Smith", "jane smith", "PERSON", True),       # title and case
    ("Ms Smith", "Jane Smith", "PERSON", True),
    ("Amnesty", "Amnesty International", "ORG", True),      # organisation containment
    ("Amnesty International", "Amnesty", "ORG", True),
    ("Amnesty", "Amnesty International", None, True),
    ("Dmytro Kuleba", "Foreign Minister Dmytro Kuleba", "PERSON", True),
    ("Nest", "Honest Ed's", "ORG", False),                  # word boundaries only
    ("John Smith", "Jane Smith", "PERSON", False),
    ("", "Jane Smith", "PERSON", False),
])
def test_scorer_names_match(pred, gold, ptype, exp):
    assert names_match(pred, gold, pred_type=ptype) is exp


def test_scorer_speaker_correct_null_cases():
    # gold null: a pred with null speaker is right, a named pred is wrong
    assert speaker_correct(rec(0, 5), rec(0, 5)) is True
    assert speaker_correct(rec(0, 5), rec(0, 5, mention="he")) is True
    assert speaker_correct(rec(0, 5), rec(0, 5, speaker="Jane Smith")) is False
    # pred speaker null: the mention is compared (descriptive gold)
    gold = rec(0, 5, speaker="a Marine spokeswoman")
    assert speaker_correct(gold, rec(0, 5, mention="spokeswoman")) is True
    assert speaker_correct(gold, rec(0, 5, mention="he")) is False
    assert speaker_correct(gold, rec(0, 5)) is False
    # the resolved name takes precedence over the mention
    gold = rec(0, 5, speaker="Dennis Brooks")
    assert speaker_correct(gold, rec(0, 5, speaker="Brooks", mention="he")) is True
    assert speaker_correct(gold, rec(0, 5, speaker="Ann Lee", mention="Brooks")) is False


def test_scorer_speaker_span_and_cue():
    gold = rec(0, 5, sp=(10, 13))
    assert speaker_span_correct(gold, rec(0, 5, sp=(12, 20))) is True
    assert speaker_span_correct(gold, rec(0, 5, sp=(13, 20))) is False   # end exclusive
    assert speaker_span_correct(gold, rec(0, 5)) is False
    assert speaker_span_correct(rec(0, 5), rec(0, 5)) is True           # both floating
    assert speaker_span_correct(rec(0, 5), rec(0, 5, sp=(1, 2))) is False
    assert cue_correct(rec(0, 5, cue="Said"), rec(0, 5, cue="said")) is True
    assert cue_correct(rec(0, 5, cue="according to"), rec(0, 5, cue="according  to ")) is True
    assert cue_correct(rec(0, 5, cue=None), rec(0, 5, cue=None)) is True
    assert cue_correct(rec(0, 5, cue="said"), rec(0, 5, cue="told")) is False


# --- one article -------------------------------------------------------------------------

TEXT = ('"We are ready," Kuleba said. The minister added that talks would go on. '
        'Critics, however, called it "a mistake that will cost lives" in a statement.')


def _article():
    gold = [
        rec(0, 15, speaker="Dmytro Kuleba", sp=(16, 22), cue="said"),                 # direct
        rec(48, 70, type="indirect", speaker="Dmytro Kuleba", sp=(29, 41), cue="added"),
        rec(100, 132, speaker="Critics", sp=(72, 79), cue="called", type="mixed"),
    ]
    pred = [
        rec(1, 13, speaker="Kuleba", mention="Kuleba", sp=(16, 22), cue="said",
            speaker_type="PERSON"),                                          # right speaker
        rec(53, 70, type="indirect", speaker="Oleg Nikolenko", mention="The minister",
            sp=(29, 41), cue="added", speaker_type="PERSON"),                # wrong name
        rec(136, 147, type="direct"),                                        # spurious
    ]
    return gold, pred


def test_scorer_score_article_counts():
    gold, pred = _article()
    s = score_article(gold, pred, TEXT)
    assert (s.n_gold, s.n_pred) == (3, 3)
    assert (s.overlap.tp, s.overlap.fp, s.overlap.fn) == (2, 1, 1)
    assert (s.exact.tp, s.exact_trimmed.tp) == (0, 1)    # marks/comma differ only
    assert (s.end_to_end.tp, s.end_to_end.fp, s.end_to_end.fn) == (1, 2, 2)
    assert (s.speaker_name.correct, s.speaker_name.total) == (1, 2)
    assert (s.speaker_span.correct, s.speaker_span.total) == (2, 2)
    assert (s.cue.correct, s.cue.total) == (2, 2)
    assert s.overlap.precision == pytest.approx(2 / 3)
    assert s.end_to_end.f1 == pytest.approx(1 / 3)


def test_scorer_recall_by_gold_type_and_precision_by_pred_type():
    gold, pred = _article()
    s = score_article(gold, pred, TEXT)
    recall = {k: (v.correct, v.total) for k, v in s.recall_by_type.items()}
    assert recall == {"direct": (1, 1), "indirect": (1, 1), "mixed": (0, 1)}
    precision = {k: (v.correct, v.total) for k, v in s.precision_by_type.items()}
    assert precision == {"direct": (1, 2), "indirect": (1, 1)}


def test_scorer_types_filter_applies_to_gold_and_pred_types():
    gold, pred = _article()
    s = score_article(gold, pred, TEXT, types={"direct", "mixed"})
    assert (s.n_gold, s.n_pred) == (2, 2)
    assert (s.overlap.tp, s.overlap.fp, s.overlap.fn) == (1, 1, 1)
    assert set(s.recall_by_type) == {"direct", "mixed"}


def test_scorer_error_records_with_context():
    gold, pred = _article()
    errors: list = []
    score_article(gold, pred, TEXT, article_id="a1", errors=errors)
    assert [e["kind"] for e in errors] == ["wrong_speaker", "fn", "fp"]   # text order
    wrong, fn, fp = errors
    assert wrong["id"] == "a1" and wrong["pred"]["speaker"] == "Oleg Nikolenko"
    assert wrong["right_context"] == TEXT[70:170]
    assert fn["gold"]["type"] == "mixed" and fn["pred"] is None
    assert fn["left_context"] == TEXT[0:100]          # 100 chars before the quote
    assert fp["gold"] is None and fp["right_context"] == TEXT[147:]


def test_scorer_scores_add_is_micro():
    gold, pred = _article()
    total = Scores()
    total.add(score_article(gold, pred, TEXT))
    total.add(score_article(gold[:1], [], TEXT))
    assert (total.n_gold, total.n_pred) == (4, 3)
    assert (total.overlap.tp, total.overlap.fp, total.overlap.fn) == (2, 1, 2)
    assert total.recall_by_type["direct"].correct == 1
    assert total.recall_by_type["direct"].total == 2
    d = total.to_dict()
    assert d["quotes_overlap"]["recall"] == 0.5
    assert d["recall_by_gold_type"]["direct"]["value"] == 0.5


def test_scorer_empty_article_scores_zero_not_nan():
    s = score_article([], [], "")
    assert (s.overlap.precision, s.overlap.recall, s.overlap.f1) == (0.0, 0.0, 0.0)
    assert s.speaker_name.value is None
