"""saidwhat.cli.trace: ``saidwhat trace "TEXT" --db FILE.duckdb``: where a quotation travelled.

Finds the clusters of the store (:mod:`saidwhat.store.provenance`) whose quotations
are, contain, or nearly match TEXT, and lists every appearance (date, outlet, article,
speaker, the quotation as printed there) with its word-level differences from the
canonical wording and a conflict mark when it is credited to someone else.
With ``--format json``: ``{"query", "clusters": [cluster summaries], "appearances":
[{"cluster_id", "article_id", "quote_index", "date", "outlet", "speaker", "speaker_id",
"speaker_type", "quote", "canonical", "kinds", "segments", "conflict", "qid"}]}`` (the
fields of :func:`saidwhat.store.provenance.clusters`; ``kinds`` and ``segments`` are the
differences from the canonical wording, :func:`saidwhat.store.provenance.diff`).
Exit codes: 0 success (also when nothing matches), 2 usage errors (e.g. no such store).
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``trace``."""
    p = subparsers.add_parser("trace", help="where a quotation appeared, how it changed, who it was credited to",
                              description="Trace a quotation (or part of one) through a store made by "
                                          "`saidwhat extract --db`: every article that printed it, in date "
                                          "order, with the words changed and conflicting attributions.")
    p.add_argument("text", metavar="TEXT", help="the quotation or part of it (case and punctuation ignored)")
    p.add_argument("--db", metavar="FILE.duckdb", help="the store (required)")
    p.add_argument("--format", "-f", choices=("table", "json"), default="table", help="output format (default: table)")
    p.add_argument("--limit", "-n", type=int, default=10, help="most clusters shown (default: 10)")
    p.set_defaults(func=run_trace)
    return p


def describe(app: dict[str, Any]) -> str:
    """The differences of one appearance in words: ``-missing +added old→new``."""
    out = []
    for s in app["segments"]:
        if s["op"] == "missing":
            out.append(f"-[{s['text']}]")
        elif s["op"] == "added":
            out.append(f"+[{s['text']}]")
        elif s["op"] == "substituted":
            out.append(f"[{s['canonical']}]→[{s['text']}]")
    return " ".join(out) or ("(canonical)" if app["canonical"] else "(same words)")


def _json_ready(app: dict[str, Any], cid: int) -> dict[str, Any]:
    d = {"cluster_id": cid, **app}
    d["date"] = None if d["date"] is None else str(d["date"])
    return d


def run_trace(args: argparse.Namespace) -> int:
    """Run the command; returns the exit code."""
    from ..store.duckdb import StoreError
    from ..store.provenance import open_clustered, trace

    if not args.db:
        print("saidwhat trace: error: --db FILE.duckdb is required", file=sys.stderr)
        return 2
    if not any(ch.isalnum() for ch in args.text):
        print("saidwhat trace: error: TEXT has no words to look for", file=sys.stderr)
        return 2
    if args.limit < 1:
        print("saidwhat trace: error: --limit must be 1 or more", file=sys.stderr)
        return 2
    try:
        con = open_clustered(args.db)
    except StoreError as e:
        print(f"saidwhat trace: error: {e}", file=sys.stderr)
        return 2
    try:
        found = trace(con, args.text, limit=args.limit)
    finally:
        con.close()
    if args.format == "json":
        out = {"query": args.text,
               "clusters": [{k: (str(v) if k == "first_date" and v is not None else v)
                             for k, v in c.items() if k != "appearances"} for c in found],
               "appearances": [_json_ready(a, c["cluster_id"]) for c in found for a in c["appearances"]]}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    from ..io.table import print_table

    if not found:
        print("No quotation in the store matches.")
        return 0
    for i, c in enumerate(found):
        if i:
            sys.stdout.write("\n")
        title = (f"cluster {c['cluster_id']}: {c['articles']} article(s), first {c['first_date'] or '?'} "
                 f"in {c['first_article']}; credited to {', '.join(c['speakers']) or 'nobody'}"
                 f"{'; CONFLICT' if c['conflict'] else ''}\ncanonical: {c['canonical']}")
        rows = [(a["date"], a["outlet"], a["article_id"], a["speaker"], "CONFLICT" if a["conflict"] else "",
                 ",".join(a["kinds"]), describe(a), a["quote"]) for a in c["appearances"]]
        print_table(["date", "outlet", "article_id", "speaker", "conflict", "variant", "differences", "quote"],
                    rows, title=title, stream=sys.stdout)
    return 0
