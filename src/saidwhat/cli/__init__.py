"""saidwhat.cli: the ``saidwhat`` command. One module per sub-command.

Each command module defines ``add_parser(subparsers)`` (which registers its
arguments and sets ``func``) and keeps its heavy imports inside its run function.
Exit codes: 0 success, 1 some inputs failed (reported on stderr), 2 usage errors.
"""
from __future__ import annotations

import argparse
import importlib
import sys

#: Sub-command modules, in the order they appear in ``saidwhat --help``.
COMMANDS = ("extract", "evaluate", "serve", "query", "trace")


def build_parser() -> argparse.ArgumentParser:
    """Return the top-level argument parser (tests call ``build_parser().parse_args([...])``)."""
    from .. import __version__

    parser = argparse.ArgumentParser(prog="saidwhat", description="Who said what, in the news: "
                                     "quotation extraction and speaker attribution.")
    parser.add_argument("--version", action="version", version=f"saidwhat {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``saidwhat`` console script; returns the exit code."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:   # the sub-command's own usage, not the top-level one ("extract --frobnicate")
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        sub.choices[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # e.g. `saidwhat extract ... | head`
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
