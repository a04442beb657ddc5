"""Tests for ``saidwhat evaluate`` through its parser and run function, with --pred files.

The parser is built from :mod:`saidwhat.cli.evaluate` directly, so these tests do not
depend on the other sub-commands, and no spaCy model is loaded.
"""
from __future__ import annotations

import argparse
import json

import pytest

from saidwhat.cli import evaluate as cli_evaluate
from saidwhat.evaluate import evaluate

TEXT = ('"We are ready," Kuleba said. The minister added that talks would go on. '
        'Critics, however, called it "a mistake that will cost lives" in a statement.')

GOLD_QUOTES = [
    {"quote": '"We are ready,"', "quote_start": 0, "quote_end": 15, "speaker": "Dmytro Kuleba",
     "speaker_start": 16, "speaker_end": 22, "cue": "said", "type": "direct"},
    {"quote": "that talks would go on", "quote_start": 48, "quote_end": 70,
     "speaker": "Dmytro Kuleba", "speaker_start": 29, "speaker_end": 41, "cue": "added",
     "type": "indirect"},
    {"quote": '"a mistake that will cost lives"', "quote_start": 100, "quote_end": 132,
     "speaker": "Critics", "speaker_start": 72, "speaker_end": 79, "cue": "called",
     "type": "mixed"},
]


def pred_record(start, end, type_, speaker=None, mention=None, sp=None, cue=None):
    return {"quote": TEXT[start:end], "quote_start": start, "quote_end": end, "type": type_,
            "speaker": speaker, "speaker_type": "PERSON" if speaker else None,
            "speaker_role": None, "speaker_mention": mention,
            "speaker_start": sp[0] if sp else None, "speaker_end": sp[1] if sp else None,
            "cue": cue, "cue_start": None, "cue_end": None, "channel": None,
            "confidence": 0.9, "flags": []}


PRED_QUOTES = [
    pred_record(1, 13, "direct", "Kuleba", "Kuleba", (16, 22), "said"),
    pred_record(53, 70, "indirect", "Oleg Nikolenko", "The minister", (29, 41), "added"),
    pred_record(136, 147, "direct"),
]


@pytest.fixture
def files(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join([
        json.dumps({"id": "a1", "text": TEXT, "source": "test", "quotes": GOLD_QUOTES}),
        json.dumps({"id": "a2", "text": "No quotes here.", "source": "test", "quotes": []}),
    ]) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "a1", "quotes": PRED_QUOTES}) + "\n"
                    + json.dumps({"id": "a2", "quotes": []}) + "\n", encoding="utf-8")
    return gold, pred


def parse(argv):
    parser = argparse.ArgumentParser(prog="saidwhat")
    cli_evaluate.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["evaluate", *argv])


def test_cli_evaluate_pred_json_report(files, capsys):
    gold, pred = files
    args = parse([str(gold), "--pred", str(pred), "--format", "json"])
    assert args.func is cli_evaluate.run
    assert args.func(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["n_articles"] == 2 and (out["n_gold"], out["n_pred"]) == (3, 3)
    assert out["quotes_overlap"] == {"tp": 2, "fp": 1, "fn": 1, "precision": 0.6667,
                                     "recall": 0.6667, "f1": 0.6667}
    assert out["quotes_exact"]["tp"] == 0 and out["quotes_exact_trimmed"]["tp"] == 1
    assert out["end_to_end"]["tp"] == 1
    assert out["speaker_name_accuracy"] == {"correct": 1, "total": 2, "value": 0.5}
    assert out["speaker_span_accuracy"]["value"] == 1.0
    assert out["cue_accuracy"]["value"] == 1.0
    assert out["recall_by_gold_type"]["mixed"]["value"] == 0.0
    assert out["model"] is None and out["pred"] == str(pred)


def test_cli_evaluate_text_and_markdown(files, capsys):
    gold, pred = files
    args = parse([str(gold), "--pred", str(pred)])
    assert args.func(args) == 0
    text = capsys.readouterr().out
    assert "quotes, overlap >= 50%" in text
    row = next(line for line in text.splitlines() if line.startswith("end-to-end"))
    assert row.split()[-6:] == ["33.3", "33.3", "33.3", "1", "2", "2"]
    args = parse([str(gold), "--pred", str(pred), "--format", "markdown"])
    assert args.func(args) == 0
    md = capsys.readouterr().out
    assert "| quotes, exact span (trimmed) | 33.3 | 33.3 | 33.3 | 1 | 2 | 2 |" in md
    assert "| speaker name accuracy (matched) | 50.0 | 1 | 2 |" in md


def test_cli_evaluate_types_limit_and_errors_file(files, tmp_path, capsys):
    gold, pred = files
    errors = tmp_path / "errors.jsonl"
    args = parse([str(gold), "--pred", str(pred), "--format", "json", "--types", "direct,mixed",
                  "--errors", str(errors), "--limit", "1"])
    assert args.func(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["types"] == ["direct", "mixed"] and out["n_articles"] == 1
    assert (out["n_gold"], out["n_pred"]) == (2, 2)
    assert out["quotes_overlap"]["tp"] == 1
    lines = [json.loads(x) for x in errors.read_text(encoding="utf-8").splitlines()]
    assert [e["kind"] for e in lines] == ["fn", "fp"]
    assert lines[0]["id"] == "a1" and lines[0]["gold"]["cue"] == "called"
    assert lines[1]["pred"]["quote"] == "a statement"
    assert lines[1]["left_context"] == TEXT[36:136]


def test_cli_evaluate_corrupt_gold_line_reported_and_skipped(files, capsys):
    gold, pred = files
    with open(gold, "a", encoding="utf-8") as fh:
        fh.write('{"id": "a3", "text": \n')                       # line 3: invalid JSON
        fh.write(json.dumps({"id": "a4", "quotes": []}) + "\n")   # line 4: no text
    args = parse([str(gold), "--pred", str(pred), "--format", "json"])
    assert args.func(args) == 1
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert out["n_articles"] == 2 and out["n_problems"] == 2
    assert out["quotes_overlap"]["tp"] == 2            # the good articles are still scored
    err = [line for line in captured.err.splitlines() if line.startswith("ERROR")]
    assert len(err) == 2
    assert "WARNING: 2 input line(s) were skipped" in captured.err
    assert "gold file line 3" in err[0] and "invalid JSON" in err[0]
    assert "gold file line 4" in err[1] and "'text'" in err[1]


def test_cli_evaluate_missing_prediction_article_counts_as_fn(files, tmp_path):
    gold, _ = files
    pred = tmp_path / "partial.jsonl"
    pred.write_text(json.dumps({"id": "a2", "quotes": []}) + "\n", encoding="utf-8")
    result = evaluate(gold, pred_path=pred)
    assert result.n_articles_without_pred == 1
    assert (result.scores.overlap.tp, result.scores.overlap.fn) == (0, 3)


def test_cli_evaluate_usage_errors_exit_2(files, tmp_path, capsys):
    gold, pred = files
    for argv in (["--types", "direct,rumour"], ["--limit", "0"], ["--format", "xml"]):
        with pytest.raises(SystemExit) as exc:
            parse([str(gold), *argv])
        assert exc.value.code == 2
    args = parse([str(tmp_path / "missing.jsonl"), "--pred", str(pred)])
    assert args.func(args) == 2
    assert "[E003]" in capsys.readouterr().err


def test_cli_evaluate_library_rejects_unknown_types(files):
    gold, pred = files
    with pytest.raises(ValueError, match="types"):
        evaluate(gold, pred_path=pred, types=["quote"])


@pytest.mark.parametrize("content", ["", "\n\n"])
def test_cli_evaluate_empty_gold_is_usage_error_without_loading_a_model(tmp_path, capsys, monkeypatch,
                                                                          content):
    import saidwhat.api

    def no_load(*a, **k):
        raise AssertionError("the model must not be loaded for an empty gold file")

    monkeypatch.setattr(saidwhat.api, "load", no_load)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    args = parse([str(gold)])
    assert args.func(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"ERROR: [E012] {gold}: no articles to evaluate (the gold file has no article lines).\n"
    result = evaluate(gold)
    assert result.n_articles == 0 and result.model is None and result.problems == []


def test_cli_evaluate_all_gold_lines_malformed_reports_them_and_exits_1(files, tmp_path, capsys):
    _, pred = files
    gold = tmp_path / "bad-gold.jsonl"
    gold.write_text('{"id": "a1", "text": \n' + json.dumps({"id": "a2", "quotes": []}) + "\n",
                    encoding="utf-8")
    args = parse([str(gold), "--pred", str(pred), "--format", "json"])
    assert args.func(args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""  # no table of zeros
    err = captured.err.splitlines()
    assert len(err) == 3
    assert "gold file line 1" in err[0] and "invalid JSON" in err[0]
    assert "gold file line 2" in err[1] and "'text'" in err[1]
    assert err[2] == (f"ERROR: [E012] {gold}: no articles to evaluate (all 2 article lines of the gold file "
                      "were malformed and skipped).")


@pytest.mark.slow
def test_evaluate_with_the_extractor_keeps_mark_warnings_off_stderr(tmp_path, nlp, recwarn):
    # an unclosed quotation mark (W002) is normal in news; `evaluate` does not print it
    text = "The mayor said “the bridge will reopen\n\nNo one else spoke."
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "w", "text": text, "source": "test", "quotes": []}) + "\n",
                    encoding="utf-8")
    evaluate(gold, nlp=nlp)
    assert not [w for w in recwarn if "[W002]" in str(w.message)]
