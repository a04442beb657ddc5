"""saidwhat.cli.evaluate: the ``saidwhat evaluate`` command.

Parses arguments and calls :func:`saidwhat.evaluate.evaluate`; the report goes to
stdout, skipped lines to stderr. Exit codes: 0 success, 1 some gold/prediction lines
were skipped (the report is still printed; none when every gold line was bad) or the
model failed to load, 2 usage errors (including a missing or empty gold file).
"""
from __future__ import annotations

import argparse
import os
import sys

from ..evaluate.gold import QUOTE_TYPES
from ..evaluate.report import FORMATS


def _types(value: str) -> tuple[str, ...]:
    types = tuple(t.strip() for t in value.split(",") if t.strip())
    bad = [t for t in types if t not in QUOTE_TYPES]
    if bad or not types:
        raise argparse.ArgumentTypeError(
            f"expected a comma-separated subset of {','.join(QUOTE_TYPES)}, got {value!r}")
    return types


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected an integer, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected an integer >= 1, got {n}")
    return n


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register the ``evaluate`` sub-command on ``subparsers`` and return its parser."""
    p = subparsers.add_parser(
        "evaluate", help="score quotes and speakers against a gold JSONL file",
        description="Score quote extraction and speaker attribution against a gold JSONL file "
                    "(one article per line: id, text, quotes). Runs the extractor over the gold "
                    "texts, or scores a predictions file from `saidwhat extract`. "
                    "Metrics: docs/evaluation.md.")
    p.add_argument("gold", metavar="GOLD.jsonl", help="gold file")
    p.add_argument("--pred", metavar="PRED.jsonl",
                   help="score this predictions file ({\"id\", \"quotes\"} per line) instead "
                        "of running the extractor")
    p.add_argument("--model", metavar="NAME",
                   help="spaCy pipeline name or path (default: en_core_web_sm if installed)")
    p.add_argument("--format", choices=FORMATS, default="text", help="report format (default: text)")
    p.add_argument("--limit", type=_positive_int, metavar="N", help="score only the first N articles")
    p.add_argument("--types", type=_types, metavar="T[,T]",
                   help="score only gold quotes of these gold types and only predictions of "
                        "these predicted types (direct, indirect, mixed)")
    p.add_argument("--errors", metavar="FILE.jsonl",
                   help="write one JSON line per error (kind fn|fp|wrong_speaker, id, gold, pred, "
                        "100 characters of context each side)")
    p.add_argument("--batch-size", type=_positive_int, default=32, metavar="N",
                   help="articles per nlp.pipe batch (default: 32)")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``saidwhat evaluate`` with parsed ``args``; return the exit code."""
    from ..errors import Errors
    from ..evaluate import evaluate, render, write_errors

    for path in (args.gold, args.pred):
        if path is not None and not os.path.isfile(path):
            msg = Errors.E010 if os.path.isdir(path) else Errors.E003
            print(f"ERROR: {msg.format(path=path)}", file=sys.stderr)
            return 2
    try:
        result = evaluate(args.gold, pred_path=args.pred, model=args.model, limit=args.limit,
                          types=args.types, batch_size=args.batch_size,
                          collect_errors=args.errors is not None)
    except OSError as err:  # e.g. [E001] no model installed
        print(f"ERROR: {err}", file=sys.stderr)
        return 1
    for msg in result.problems:
        print(f"ERROR: {msg}", file=sys.stderr)
    if result.n_articles == 0:  # no report: a table of zeros would look like a score
        bad = sum("[E006]" in msg for msg in result.problems)
        reason = (f"all {bad} article line{'s' if bad != 1 else ''} of the gold file were malformed and "
                  "skipped" if bad else "the gold file has no article lines")
        print(f"ERROR: {Errors.E012.format(path=args.gold, reason=reason)}", file=sys.stderr)
        return 1 if bad else 2
    if args.errors is not None:
        write_errors(args.errors, result.errors)
    if result.problems:
        print(f"WARNING: {len(result.problems)} input line(s) were skipped; the scores below "
              "cover only the lines that could be read.", file=sys.stderr)
    sys.stdout.write(render(result, args.format))
    return 1 if result.problems else 0
