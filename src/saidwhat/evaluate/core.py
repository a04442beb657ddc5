"""saidwhat.evaluate.core: score the extractor (or a predictions file) against a gold set.

:func:`evaluate` streams a gold JSONL file, gets predictions either by running
:func:`saidwhat.extract_many` with one loaded pipeline or by reading a predictions JSONL
file, scores every article with :func:`saidwhat.evaluate.scorer.score_article` and sums
the counts (micro-averaging). The CLI ``saidwhat evaluate`` is a thin wrapper over it.
"""
from __future__ import annotations

import itertools
import time
import warnings
from collections import deque
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from os import PathLike, fspath
from typing import TYPE_CHECKING, Any

from ..errors import Errors
from .gold import QUOTE_TYPES, GoldArticle, read_gold, read_predictions
from .scorer import COVERAGE_THRESHOLD, OVERLAP_THRESHOLD, Scores, score_article

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass
class EvalResult:
    """The outcome of one evaluation run.

    Attributes:
        gold_path: The gold file.
        pred_path: The predictions file, or ``None`` when the extractor was run.
        model: Pipeline used (``lang_name-version``), or ``None`` with ``pred_path``.
        types: The ``types`` filter, or ``None`` for all quotes.
        threshold: Overlap threshold, 0–1 of the shorter span.
        coverage_threshold: Coverage threshold, 0–1 of the gold span
            (:data:`~saidwhat.evaluate.scorer.COVERAGE_THRESHOLD`, fixed).
        n_articles: Gold articles scored.
        n_articles_without_pred: With ``pred_path``: gold articles with no line in the
            predictions file (all their gold quotes count as FN).
        scores: Micro-summed counts over all articles.
        problems: ``[E006]`` messages for gold/prediction lines that were skipped.
        errors: Error records (see :func:`~saidwhat.evaluate.scorer.error_record`),
            filled when ``collect_errors`` was set.
        seconds: Wall-clock time of the whole run, including model loading.
        load_seconds: Of which, loading the pipeline.
    """

    gold_path: str
    pred_path: str | None = None
    model: str | None = None
    types: tuple[str, ...] | None = None
    threshold: float = OVERLAP_THRESHOLD
    coverage_threshold: float = COVERAGE_THRESHOLD
    n_articles: int = 0
    n_articles_without_pred: int = 0
    scores: Scores = field(default_factory=Scores)
    problems: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    load_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary: run settings, counts and 0–1 scores (no error records)."""
        return {
            "gold": self.gold_path, "pred": self.pred_path, "model": self.model,
            "types": list(self.types) if self.types else None,
            "overlap_threshold": self.threshold,
            "coverage_threshold": self.coverage_threshold,
            "n_articles": self.n_articles,
            "n_articles_without_pred": self.n_articles_without_pred,
            **self.scores.to_dict(),
            "n_problems": len(self.problems),
            "seconds": round(self.seconds, 2), "load_seconds": round(self.load_seconds, 2),
        }


def _check_types(types: Collection[str] | None) -> tuple[str, ...] | None:
    if types is None:
        return None
    out = tuple(dict.fromkeys(types))
    bad = [t for t in out if t not in QUOTE_TYPES]
    if bad or not out:
        raise ValueError(f"types must be a non-empty subset of {QUOTE_TYPES}, got {list(types)!r}")
    return out


def _model_name(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"


def evaluate(gold_path: str | PathLike, *, pred_path: str | PathLike | None = None,
             nlp: Language | None = None, model: str | None = None, limit: int | None = None,
             types: Collection[str] | None = None, batch_size: int = 32,
             threshold: float = OVERLAP_THRESHOLD, collect_errors: bool = False) -> EvalResult:
    """Score quote extraction and attribution against a gold JSONL file.

    Args:
        gold_path: Gold file (format in ``/work/shared/eval/README.md``).
        pred_path: Predictions JSONL (``{"id", "quotes"}`` per line, as written by
            ``saidwhat extract``). When ``None``, the extractor is run on the gold texts.
        nlp: A pipeline from :func:`saidwhat.load`, used when ``pred_path`` is ``None``.
        model: Pipeline name passed to :func:`saidwhat.load` when ``nlp`` is ``None``.
        limit: Score only the first ``limit`` valid gold articles.
        types: Score only gold quotes of these gold types and only predicted quotes of
            these predicted types (subset of direct, indirect, mixed).
        batch_size: Articles per ``nlp.pipe`` batch.
        threshold: Overlap-matching threshold, 0–1 of the shorter span.
        collect_errors: Keep one error record per FN, FP and wrong speaker in
            :attr:`EvalResult.errors`.

    Returns:
        Counts and scores. Skipped bad lines are listed in :attr:`EvalResult.problems`.
        When the gold file has no valid article (empty, or every line skipped),
        :attr:`EvalResult.n_articles` is 0, nothing is scored and no model is loaded.

    Raises:
        ValueError: ``types`` names an unknown type, or ``limit`` is negative.
        OSError: ``[E003]`` a file does not exist, or the model cannot be loaded.
    """
    t0 = time.perf_counter()
    types = _check_types(types)
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    for path in (gold_path, pred_path):
        if path is not None:
            try:
                open(path, "rb").close()
            except FileNotFoundError:
                raise OSError(Errors.E003.format(path=fspath(path))) from None
    result = EvalResult(gold_path=fspath(gold_path),
                        pred_path=None if pred_path is None else fspath(pred_path),
                        types=types, threshold=threshold)
    articles = read_gold(gold_path, limit=limit, problems=result.problems)
    errors = result.errors if collect_errors else None
    missing: set[str] = set()
    preds: dict[str, list[dict[str, Any]]] | None = None

    if pred_path is not None:
        preds = read_predictions(pred_path, problems=result.problems)
    first = next(articles, None)
    if first is None:  # an empty gold file, or every line skipped: nothing to score
        result.seconds = time.perf_counter() - t0
        return result
    articles = itertools.chain([first], articles)
    if preds is not None:
        pairs: Iterator[tuple[GoldArticle, list[dict[str, Any]]]] = (
            (a, preds.get(a.id, [])) for a in articles)
    else:
        if nlp is None:
            from ..api import load
            nlp = load(model)
        result.model = _model_name(nlp)
        result.load_seconds = time.perf_counter() - t0
        pairs = _run_extractor(articles, nlp, batch_size=batch_size)

    for article, pred in pairs:
        if preds is not None and article.id not in preds:
            missing.add(article.id)
        result.n_articles += 1
        result.scores.add(score_article(article.quotes, pred, article.text, types=types,
                                        threshold=threshold, article_id=article.id,
                                        errors=errors, sources=article.sources))
    result.n_articles_without_pred = len(missing)
    result.seconds = time.perf_counter() - t0
    return result


def _run_extractor(articles: Iterator[GoldArticle], nlp: Language, *,
                   batch_size: int) -> Iterator[tuple[GoldArticle, list[dict[str, Any]]]]:
    """Pair each gold article with the extractor's records, streaming through ``nlp.pipe``."""
    from ..api import extract_many

    pending: deque[GoldArticle] = deque()

    def texts() -> Iterator[str]:
        for article in articles:
            pending.append(article)
            yield article.text

    with warnings.catch_warnings():
        # Per-mark warnings (W001 stray mark, W002 unclosed quote) are normal in news, as
        # in `saidwhat extract`; the records carry flags for them.
        warnings.filterwarnings("ignore", message=r"\[W00[12]\]")
        for quotes in extract_many(texts(), nlp=nlp, batch_size=batch_size):
            yield pending.popleft(), [q.to_dict() for q in quotes]
