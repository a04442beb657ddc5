"""Sources by gender (the Gender Gap Tracker protocol) in saidwhat evaluate, on invented gold."""
from __future__ import annotations

import json

import pytest

from saidwhat.evaluate import evaluate
from saidwhat.evaluate.gold import check_gold_article
from saidwhat.evaluate.report import render
from saidwhat.evaluate.scorer import person_names_match, predicted_people, score_sources

TEXT = "Words here. " * 20


def rec(start, speaker, gender=None, sid=None, stype="PERSON"):
    return {"quote": TEXT[start:start + 5], "quote_start": start, "quote_end": start + 5,
            "type": "direct", "speaker": speaker, "speaker_type": stype, "speaker_id": sid,
            "speaker_gender": gender, "speaker_gender_source": "name" if gender else None}


@pytest.mark.parametrize("pred, gold, ok", [
    ("Marta Quill", "Marta Quill", True),
    ("marta  QUILL", " Marta Quill ", True),
    ("Quill", "Marta Quill", True),                  # surname alone
    ("Dr. Anick Bédard", "Anick Bedard", True),      # title and accents do not count
    ("Mike Fenwick", "Michael Fenwick", True),       # same initial
    ("Trevor Oduya", "Mary Oduya", False),           # same surname, another person
    ("Paz Akin", "Lorena Paz Akin", True),           # a given name left out
    ("Lorena Paz Akin", "Paz Akin", True),
    ("Marta", "Marta Quill", False),                 # a given name alone
    ("", "Marta Quill", False),
])
def test_person_names_match(pred, gold, ok):
    assert person_names_match(pred, gold) is ok


def test_predicted_people_are_distinct_person_entities():
    pred = [rec(0, "Marta Quill", "female", "E1"), rec(12, "Quill", "female", "E1"),
            rec(24, "Idris Fenwick", None, "E2"), rec(36, "Civic Action", None, "E3", "ORG"),
            rec(48, None, None, None, "OTHER"), rec(60, "Idris Fenwick", "male", "E2")]
    assert predicted_people(pred) == [("Marta Quill", "female"), ("Idris Fenwick", "male")]


def test_score_sources_counts_per_gender():
    pred = [rec(0, "Marta Quill", "female", "E1"),      # TP female
            rec(12, "Idris Fenwick", "female", "E2"),   # wrong gender: FP female, FN male
            rec(24, "Oleg Brant", "male", "E3"),        # TP male
            rec(36, "Ana Soto", None, "E4"),            # unknown gender: never scored
            rec(48, "Ravi Pell", "male", "E5")]         # not a gold source: FP male
    gold = {"sources_female": ["Marta Quill", "Lena Ortiz"], "sources_male": ["Idris Fenwick", "Oleg Brant"],
            "sources_unknown": ["Ana Soto"]}
    s = score_sources(gold, pred)
    assert (s.female.tp, s.female.fp, s.female.fn) == (1, 1, 1)
    assert (s.male.tp, s.male.fp, s.male.fn) == (1, 1, 1)
    assert s.pred == {"female": 2, "male": 2, "unknown": 1}
    assert s.gold == {"female": 2, "male": 2, "unknown": 1}
    d = s.to_dict()
    assert d["share_women_pred"] == 0.5 and d["share_women_gold"] == 0.5 and d["share_women_error"] == 0.0


def test_gold_lists_must_be_lists_of_names():
    base = {"id": "a", "text": "x", "quotes": []}
    assert check_gold_article({**base, "sources_female": ["A B"]}) is None
    assert "sources_male" in check_gold_article({**base, "sources_male": "A B"})


def test_evaluate_reports_sources_by_gender_pooled(tmp_path):
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    gold.write_text("\n".join(json.dumps(x) for x in [
        {"id": "a1", "text": TEXT, "quotes": [], "sources_female": ["Marta Quill"], "sources_male": ["Oleg Brant"],
         "sources_unknown": []},
        {"id": "a2", "text": TEXT, "quotes": [], "sources_female": ["Lena Ortiz"], "sources_male": [],
         "sources_unknown": []},
    ]) + "\n", encoding="utf-8")
    pred.write_text("\n".join(json.dumps(x) for x in [
        {"id": "a1", "quotes": [rec(0, "Marta Quill", "female", "E1"), rec(12, "Oleg Brant", "male", "E2")]},
        {"id": "a2", "quotes": [rec(0, "Ortiz", "male", "E1")]},
    ]) + "\n", encoding="utf-8")
    result = evaluate(gold, pred_path=pred)
    d = result.to_dict()["sources_by_gender"]
    assert d["n_articles"] == 2
    assert d["female"]["tp"] == 1 and d["female"]["fn"] == 1 and d["female"]["fp"] == 0
    assert d["male"]["tp"] == 1 and d["male"]["fp"] == 1
    assert d["share_women_pred"] == pytest.approx(1 / 3, abs=1e-4)
    assert d["share_women_gold"] == pytest.approx(2 / 3, abs=1e-4)
    text = render(result, "text")
    assert "female sources" in text and "share of women" in text
    assert "female sources" in render(result, "markdown")


def test_no_gender_lists_no_section(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a1", "text": TEXT, "quotes": []}) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "a1", "quotes": [rec(0, "Marta Quill", "female", "E1")]}) + "\n")
    result = evaluate(gold, pred_path=pred)
    assert "sources_by_gender" not in result.to_dict()
    assert "share of women" not in render(result, "text")
