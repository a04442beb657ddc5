"""saidwhat.cli.query: ``saidwhat query --db FILE.duckdb speakers|quotes|stats|sources|clusters``.

A thin adapter over :mod:`saidwhat.store.queries`; prints ``--format table`` (default),
``csv`` or ``json``. Exit codes: 0 success, 2 usage errors (e.g. no such store).
"""
from __future__ import annotations

import argparse
import csv
import datetime
import json
import re
import sys
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
    so = sub.add_parser("sources", help="who is quoted, by gender: people and quotations per outlet and/or month",
                        description="Per group, the distinct quoted people (named PERSON speakers; the same "
                                    "name within a group is one person) and their quotations, by gender, "
                                    "with the share of women among the people whose gender is known. "
                                    "--from/--to leave out articles without a date.")
    _common(so, top=False)
    _filters(so, types=False)
    so.add_argument("--by", type=_by, default=(), metavar="outlet|month|outlet,month",
                    help="group by outlet, by month (YYYY-MM of the article date), or both; "
                         "default: one row for the whole store")
    cl = sub.add_parser("clusters", help="quotations found in several articles (provenance)",
                        description="Clusters of the same quotation across articles (exact, "
                                    "near-duplicate or fragment): first article, outlets, speakers, "
                                    "and whether it is credited to different people. JSON adds "
                                    "every appearance with its differences.")
    _common(cl, top=False)
    cl.add_argument("--min-articles", type=int, default=2, metavar="N",
                    help="only clusters found in at least N articles (default: 2)")
    cl.add_argument("--conflicts", action="store_true",
                    help="only clusters credited to different speakers in different articles")
    cl.add_argument("--limit", "-n", type=int, default=None, help="rows (default: all)")
    p.set_defaults(func=run_query)
    return p


def _by(value: str) -> tuple[str, ...]:
    """``--by``: ``outlet``, ``month`` or both, comma-separated, each once."""
    from ..store.queries import SOURCE_KEYS

    keys = tuple(k.strip().lower() for k in value.split(",") if k.strip())
    if not keys or any(k not in SOURCE_KEYS for k in keys) or len(set(keys)) != len(keys):
        raise argparse.ArgumentTypeError(f"expected outlet, month or outlet,month, got {value!r}")
    return keys


def _print(title: str | None, cols: list[str], rows: list[tuple[Any, ...]], fmt: str) -> None:
    if fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        w.writerows(["" if v is None else v for v in r] for r in rows)
    else:
        from ..io.table import print_table

        print_table(cols, rows, title=title, stream=sys.stdout)


def _bad_date(name: str, value: str | None) -> str | None:
    """The ``[E110]`` message when ``value`` is given and is not a YYYY-MM-DD date."""
    from ..errors import Errors

    if value is None:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            datetime.date.fromisoformat(value)
            return None
    except ValueError:
        pass
    return Errors.E110.format(name=name, value=value)


def _usage(msg: str) -> int:
    print(f"saidwhat query: error: {msg}", file=sys.stderr)
    return 2


def _run_clusters(args: argparse.Namespace) -> int:
    """``query clusters``: table/csv one row per cluster; json the full clusters."""
    from ..store.duckdb import StoreError
    from ..store.provenance import CLUSTER_COLUMNS, cluster_row, clusters, open_clustered

    if args.min_articles < 1:
        return _usage("--min-articles must be 1 or more")
    try:
        con = open_clustered(args.db)
    except StoreError as e:
        return _usage(str(e))
    try:
        found = clusters(con, min_articles=args.min_articles, conflicts_only=args.conflicts, limit=args.limit)
    finally:
        con.close()
    if args.format == "json":
        json.dump(found, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
        return 0
    _print(None, list(CLUSTER_COLUMNS), [cluster_row(c) for c in found], args.format)
    return 0


def run_query(args: argparse.Namespace) -> int:
    """Run the command; returns the exit code."""
    if not args.db:
        return _usage("--db FILE.duckdb is required")
    if args.query == "clusters":   # no date filters
        return _run_clusters(args)
    for name, value in (("--from", args.date_from), ("--to", args.date_to)):
        msg = _bad_date(name, value)
        if msg:
            return _usage(msg)
    if args.date_from and args.date_to and args.date_from > args.date_to:
        from ..errors import Errors

        return _usage(Errors.E111.format(date_from=args.date_from, date_to=args.date_to))
    from ..store import find_quotes, sources, stats, top_speakers
    from ..store.duckdb import StoreError, open_store

    try:
        con = open_store(args.db, read_only=True)  # E104 none, E107 a folder, E108/E109 not a store
    except StoreError as e:
        return _usage(str(e))
    try:
        filters = {"outlet": args.outlet, "date_from": args.date_from, "date_to": args.date_to}
        if args.query == "stats":
            sections = stats(con, **filters)
        elif args.query == "sources":
            sections = {"sources": sources(con, by=args.by, **filters)}
        elif args.query == "speakers":
            sections = {"speakers": top_speakers(con, speaker_type=args.speaker_type, limit=args.limit, **filters)}
        else:
            sections = {"quotes": find_quotes(con, speaker=args.speaker, search=args.search,
                                              speaker_type=args.speaker_type, limit=args.limit, **filters)}
    except Exception as e:  # noqa: BLE001 - e.g. a bad date string: report as a usage error
        import duckdb

        if isinstance(e, duckdb.Error):
            return _usage(str(e).strip().splitlines()[0])
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
