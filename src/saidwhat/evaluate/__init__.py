"""saidwhat.evaluate: score quote extraction and speaker attribution against gold sets.

Usage::

    from saidwhat.evaluate import evaluate
    result = evaluate("/work/shared/eval/ggt_english/dev.jsonl")
    print(result.scores.overlap.f1, result.to_dict())

Modules: :mod:`.gold` (readers and schema checks), :mod:`.scorer` (pure matching and
counting), :mod:`.core` (:func:`evaluate`), :mod:`.report` (text / json / markdown).
Metric definitions: ``docs/evaluation.md``.
"""
from .core import EvalResult, evaluate
from .gold import GoldArticle, GoldError, read_gold, read_predictions
from .report import render, write_errors
from .scorer import (
    PRF, Ratio, Scores, names_match, normalise_name, score_article, speaker_correct_strict,
)

__all__ = ["EvalResult", "evaluate", "GoldArticle", "GoldError", "read_gold",
           "read_predictions", "render", "write_errors", "PRF", "Ratio", "Scores",
           "names_match", "normalise_name", "score_article", "speaker_correct_strict"]
