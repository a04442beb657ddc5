"""saidwhat.cli.query: ``saidwhat query --db FILE.duckdb speakers|quotes|stats``.

A thin adapter over :mod:`saidwhat.store.queries`; prints ``--format table`` (default),
``csv`` or ``json``. Exit codes: 0 success, 2 usage errors (e.g. no such store).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any


def _common(p: argparse.ArgumentParser, *, top: bool) -> None:
    d = (lambda v: v) if top else (lambda v: argparse.SUPPRESS)
    p.add_argument("--db", default=d(None), metavar="FILE.duckdb", help="the store (from `saidwhat extract --db`)")
    p.add_argument("--format", "-f", choices=("table", "csv", "json"), default=d("table"),
                   help="output format (default: table)")


def _filters(p: argparse.ArgumentParser, *, types: bool = True) -> None:
    p.add_argument("--outlet", help="only this outlet (case-insensitive)")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="articles on or after this date")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="articles on or before this date")
    if types:
        p.add_argument("--type", dest="speaker_type", metavar="TYPE",
                       help="speaker type: PERSON, ORG, GPE, NORP, OTHER")


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``query`` and its sub-commands."""
    p = subparsers.add_parser("query", help="query a DuckDB store of extracted quotations",
                              description="Ask a store made by `saidwhat extract --db` who is quoted, "
                                          "what they said, and corpus statistics.")
    _common(p, top=True)
    sub = p.add_subparsers(dest="query", metavar="QUERY")
    sub.required = True
    sp = sub.add_parser("speakers", help="most-quoted speakers")
    _common(sp, top=False)
    _filters(sp)
    sp.add_argument("--limit", "-n", type=int, default=20, help="rows (default: 20)")
    qp = sub.add_parser("quotes", help="quotations by speaker, words, outlet or date")
    _common(qp, top=False)
    _filters(qp)
    qp.add_argument("--speaker", help="speaker name, case-insensitive; %% is a wildcard")
    qp.add_argument("--search", "-s", help="words the quotation contains (case-insensitive)")
    qp.add_argument("--limit", "-n", type=int, default=50, help="rows (default: 50)")
    st = sub.add_parser("stats", help="articles, quotations, speaker types, outlets")
    _common(st, top=False)
    _filters(st, types=False)
    p.set_defaults(func=run_query)
    return p


def _print(title: str | None, cols: list[str], rows: list[tuple[Any, ...]], fmt: str) -> None:
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(["" if v is None else v for v in r] for r in rows)
    else:
        from ..io.table import print_table

        print_table(cols, rows, title=title, stream=sys.stdout)


def run_query(args: argparse.Namespace) -> int:
    """Run the command; returns the exit code."""
    from ..errors import Errors

    if not args.db:
        print("saidwhat query: error: --db FILE.duckdb is required", file=sys.stderr)
        return 2
    if not Path(args.db).exists():
        print(f"saidwhat query: error: {Errors.E104.format(path=args.db)}", file=sys.stderr)
        return 2
    from ..store import connect, find_quotes, stats, top_speakers

    con = connect(args.db, read_only=True)
    try:
        filters = {"outlet": args.outlet, "date_from": args.date_from, "date_to": args.date_to}
        if args.query == "stats":
            sections = stats(con, **filters)
        elif args.query == "speakers":
            sections = {"speakers": top_speakers(con, speaker_type=args.speaker_type, limit=args.limit, **filters)}
        else:
            sections = {"quotes": find_quotes(con, speaker=args.speaker, search=args.search,
                                              speaker_type=args.speaker_type, limit=args.limit, **filters)}
    except Exception as e:  # noqa: BLE001 - e.g. a bad date string: report as a usage error
        import duckdb

        if isinstance(e, duckdb.Error):
            print(f"saidwhat query: error: {e}", file=sys.stderr)
            return 2
        raise
    finally:
        con.close()
    if args.format == "json":
        out = {name: [dict(zip(cols, r)) for r in rows] for name, (cols, rows) in sections.items()}
        if len(out) == 1:
            out = next(iter(out.values()))
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
        return 0
    for i, (name, (cols, rows)) in enumerate(sections.items()):
        if i:
            sys.stdout.write("\n")
        if args.format == "csv" and len(sections) > 1:
            sys.stdout.write(f"# {name}\n")
        _print(name if len(sections) > 1 else None, cols, rows, args.format)
    return 0
