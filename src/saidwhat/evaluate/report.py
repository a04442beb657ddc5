"""saidwhat.evaluate.report: render an :class:`~saidwhat.evaluate.core.EvalResult`.

Formats: ``text`` (aligned table for the terminal), ``markdown`` (tables for issues and
docs) and ``json`` (:meth:`EvalResult.to_dict`, scores 0–1). Text and Markdown show
scores as percentages with one decimal. :func:`write_errors` writes the error records
as JSONL.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from os import PathLike
from typing import TYPE_CHECKING, Any

from .scorer import PRF, Ratio

if TYPE_CHECKING:
    from .core import EvalResult

FORMATS = ("text", "json", "markdown")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _prf_rows(result: EvalResult) -> list[tuple[str, PRF]]:
    s = result.scores
    thr = f"{100 * result.threshold:g}%"
    cov = f"{100 * result.coverage_threshold:g}%"
    return [(f"quotes, overlap >= {thr}", s.overlap),
            (f"quotes, coverage >= {cov} of gold", s.coverage),
            ("quotes, exact span", s.exact),
            ("quotes, exact span (trimmed)", s.exact_trimmed),
            ("end-to-end (overlap + speaker)", s.end_to_end),
            ("end-to-end, strict speaker", s.end_to_end_strict)]


def _ratio_rows(result: EvalResult) -> list[tuple[str, Ratio]]:
    s = result.scores
    rows = [("speaker name accuracy (matched)", s.speaker_name),
            ("speaker name, strict (matched)", s.speaker_name_strict),
            ("speaker span accuracy (matched)", s.speaker_span),
            ("cue accuracy (matched)", s.cue)]
    rows += [(f"recall, gold type {k}", v) for k, v in sorted(s.recall_by_type.items())]
    rows += [(f"precision, predicted type {k}", v) for k, v in sorted(s.precision_by_type.items())]
    return rows


def _source_lines(result: EvalResult) -> list[tuple[str, PRF]] | None:
    src = result.scores.sources
    if not src.n_articles:
        return None
    return [("female sources (distinct people)", src.female), ("male sources (distinct people)", src.male)]


def _share_line(result: EvalResult) -> str:
    src = result.scores.sources
    sp, sg = src.share_women(src.pred), src.share_women(src.gold)
    err = "-" if sp is None or sg is None else f"{100 * (sp - sg):+.1f}"
    return (f"share of women: predicted {_pct(sp)} % ({src.pred['female']} of "
            f"{src.pred['female'] + src.pred['male']}; {src.pred['unknown']} of unknown gender), "
            f"gold {_pct(sg)} % ({src.gold['female']} of {src.gold['female'] + src.gold['male']}), "
            f"error {err} points ({src.n_articles} articles)")


def _header_lines(result: EvalResult) -> list[str]:
    s = result.scores
    system = f"predictions {result.pred_path}" if result.pred_path else f"model {result.model}"
    lines = [f"gold: {result.gold_path} ({result.n_articles} articles, "
             f"{s.n_gold} gold quotes, {s.n_pred} predicted)",
             f"system: {system}",
             f"types: {','.join(result.types) if result.types else 'all'}"]
    if result.n_articles_without_pred:
        lines.append(f"articles without predictions: {result.n_articles_without_pred}")
    if result.problems:
        lines.append(f"skipped lines: {len(result.problems)}")
    return lines


def format_text(result: EvalResult) -> str:
    """Render the result as an aligned plain-text table (scores in %)."""
    lines = ["saidwhat evaluate", *(f"  {x}" for x in _header_lines(result)), ""]
    w = 34
    lines.append(f"{'':{w}} {'P':>6} {'R':>6} {'F1':>6} {'TP':>6} {'FP':>6} {'FN':>6}")
    for name, prf in _prf_rows(result):
        lines.append(f"{name:{w}} {_pct(prf.precision):>6} {_pct(prf.recall):>6} "
                     f"{_pct(prf.f1):>6} {prf.tp:>6} {prf.fp:>6} {prf.fn:>6}")
    lines.append("")
    lines.append(f"{'':{w}} {'%':>6} {'correct/total':>20}")
    for name, ratio in _ratio_rows(result):
        lines.append(f"{name:{w}} {_pct(ratio.value):>6} {f'{ratio.correct}/{ratio.total}':>20}")
    sources = _source_lines(result)
    if sources:
        lines.append("")
        for name, prf in sources:
            lines.append(f"{name:{w}} {_pct(prf.precision):>6} {_pct(prf.recall):>6} "
                         f"{_pct(prf.f1):>6} {prf.tp:>6} {prf.fp:>6} {prf.fn:>6}")
        lines.append(_share_line(result))
    lines.append("")
    lines.append(f"time: {result.seconds:.1f} s (model load {result.load_seconds:.1f} s)")
    return "\n".join(lines) + "\n"


def format_markdown(result: EvalResult) -> str:
    """Render the result as Markdown: a header list and two tables (scores in %)."""
    lines = [*(f"- {x}" for x in _header_lines(result)), "",
             "| metric | P | R | F1 | TP | FP | FN |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name, prf in _prf_rows(result):
        lines.append(f"| {name} | {_pct(prf.precision)} | {_pct(prf.recall)} | {_pct(prf.f1)} "
                     f"| {prf.tp} | {prf.fp} | {prf.fn} |")
    lines += ["", "| metric | % | correct | total |", "|---|---:|---:|---:|"]
    for name, ratio in _ratio_rows(result):
        lines.append(f"| {name} | {_pct(ratio.value)} | {ratio.correct} | {ratio.total} |")
    sources = _source_lines(result)
    if sources:
        lines += ["", "| sources by gender | P | R | F1 | TP | FP | FN |", "|---|---:|---:|---:|---:|---:|---:|"]
        for name, prf in sources:
            lines.append(f"| {name} | {_pct(prf.precision)} | {_pct(prf.recall)} | {_pct(prf.f1)} "
                         f"| {prf.tp} | {prf.fp} | {prf.fn} |")
        lines += ["", f"- {_share_line(result)}"]
    return "\n".join(lines) + "\n"


def format_json(result: EvalResult) -> str:
    """Render :meth:`EvalResult.to_dict` as indented JSON (scores 0–1)."""
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render(result: EvalResult, fmt: str = "text") -> str:
    """Render ``result`` in one of :data:`FORMATS`.

    Raises:
        ValueError: unknown format.
    """
    if fmt == "text":
        return format_text(result)
    if fmt == "markdown":
        return format_markdown(result)
    if fmt == "json":
        return format_json(result)
    raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")


def write_errors(path: str | PathLike, errors: Iterable[dict[str, Any]]) -> int:
    """Write error records as JSONL, one per line.

    Args:
        path: Output file (overwritten).
        errors: Records from :func:`~saidwhat.evaluate.scorer.error_record`.

    Returns:
        Number of lines written.
    """
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for rec in errors:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n
