"""Tests for saidwhat.evaluate.gold: reading and checking gold / prediction JSONL."""
from __future__ import annotations

import json

import pytest

from saidwhat.evaluate.gold import GoldError, check_gold_article, read_gold, read_predictions

TEXT = 'Hi. "Ready now," she said.'


def article(id_, quotes=None, text=TEXT):
    return {"id": id_, "text": text, "source": "test",
            "quotes": quotes if quotes is not None else [
                {"quote": '"Ready now,"', "quote_start": 4, "quote_end": 16, "speaker": "she",
                 "speaker_start": 17, "speaker_end": 20, "cue": "said", "type": "direct"}]}


def write_lines(path, lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_gold_corrupt_lines_reported_with_line_number_and_skipped(tmp_path):
    path = write_lines(tmp_path / "gold.jsonl", [
        json.dumps(article("a")),
        '{"id": "b", "text": "oops",',                  # line 2: invalid JSON
        json.dumps({"id": "c", "quotes": []}),          # line 3: no text
        "",                                             # blank lines are ignored
        json.dumps(article("d")),
    ])
    problems: list[str] = []
    ids = [a.id for a in read_gold(path, problems=problems)]
    assert ids == ["a", "d"]
    assert len(problems) == 2
    assert problems[0].startswith("[E006]") and "line 2" in problems[0]
    assert "invalid JSON" in problems[0]
    assert "line 3" in problems[1] and "'text'" in problems[1]


def test_gold_raises_without_problems_list(tmp_path):
    path = write_lines(tmp_path / "gold.jsonl", [json.dumps(article("a")), "not json"])
    with pytest.raises(GoldError, match=r"\[E006\].*line 2"):
        list(read_gold(path))


def test_gold_limit_counts_valid_articles(tmp_path):
    path = write_lines(tmp_path / "gold.jsonl",
                       ["{", json.dumps(article("a")), json.dumps(article("b")),
                        json.dumps(article("c"))])
    problems: list[str] = []
    arts = list(read_gold(path, limit=2, problems=problems))
    assert [a.id for a in arts] == ["a", "b"]
    assert [a.line for a in arts] == [2, 3]
    assert len(problems) == 1


@pytest.mark.parametrize("data, reason", [
    ([1, 2], "expected a JSON object"),
    ({"id": "x", "text": TEXT}, "'quotes'"),
    ({"text": TEXT, "quotes": []}, "'id'"),
    (article("x", [{"quote_start": 4, "quote_end": 99}]), "out of range"),
    (article("x", [{"quote_start": None, "quote_end": 16}]), "must be integers"),
    (article("x", [{"quote_start": 4, "quote_end": 16, "type": "rumour"}]), "unknown type"),
    (article("x", [{"quote": "wrong", "quote_start": 4, "quote_end": 16}]), "differs"),
    (article("x", [{"quote_start": 4, "quote_end": 16, "speaker_start": 17}]), "speaker_start"),
])
def test_gold_schema_checks(data, reason):
    assert reason in check_gold_article(data)


def test_gold_valid_article_passes_and_numeric_id_becomes_str(tmp_path):
    assert check_gold_article(article("x")) is None
    path = write_lines(tmp_path / "gold.jsonl", [json.dumps(article(7))])
    (art,) = read_gold(path)
    assert art.id == "7" and art.quotes[0]["cue"] == "said"


def test_gold_duplicate_id_is_a_problem(tmp_path):
    path = write_lines(tmp_path / "gold.jsonl", [json.dumps(article("a"))] * 2)
    problems: list[str] = []
    assert len(list(read_gold(path, problems=problems))) == 1
    assert "duplicate id 'a'" in problems[0] and "line 2" in problems[0]


def test_gold_read_predictions(tmp_path):
    path = write_lines(tmp_path / "pred.jsonl", [
        json.dumps({"id": "a", "quotes": [{"quote_start": 5, "quote_end": 14}]}),
        json.dumps({"id": "b", "quotes": [{"quote_start": 9}]}),      # line 2: bad record
        json.dumps({"id": 3, "quotes": [], "text": "ignored"}),
    ])
    problems: list[str] = []
    preds = read_predictions(path, problems=problems)
    assert preds == {"a": [{"quote_start": 5, "quote_end": 14}], "3": []}
    assert len(problems) == 1 and "line 2" in problems[0]


def test_evaluate_gold_non_utf8_line_is_reported_and_skipped(tmp_path):
    from saidwhat.evaluate import read_gold

    path = tmp_path / "gold.jsonl"
    good = '{"id": "ok", "text": "Fine.", "quotes": []}\n'
    path.write_bytes(b'{"id": "bad", "text": "x\xff", "quotes": []}\n' + good.encode())
    problems: list[str] = []
    arts = list(read_gold(path, problems=problems))
    assert [a.id for a in arts] == ["ok"]
    assert len(problems) == 1 and "[E006]" in problems[0] and "line 1" in problems[0] and "UTF-8" in problems[0]


def test_evaluate_predictions_errors_name_the_predictions_file(tmp_path):
    from saidwhat.evaluate import read_predictions

    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "a"}\n', encoding="utf-8")
    problems: list[str] = []
    assert read_predictions(path, problems=problems) == {}
    assert "[E008]" in problems[0] and "predictions line 1" in problems[0]
