"""saidwhat.io.table: human-readable tables for a terminal.

Uses ``rich`` when it is installed and the stream is a terminal; otherwise plain
text with aligned columns (long cells cut to ``max_width`` characters).
"""
from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO, Any


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (list, tuple)):
        return ",".join(map(str, value))
    return " ".join(str(value).split())


def _cut(s: str, width: int) -> str:
    return s if len(s) <= width else s[: width - 1] + "…"


def print_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
                stream: IO[str] | None = None, title: str | None = None, max_width: int = 60) -> None:
    """Print rows as a table.

    Args:
        columns: Column headers.
        rows: Rows of cell values (None prints empty; floats with 2 decimals).
        stream: Output stream (stdout by default).
        title: A line printed above the table.
        max_width: Plain-text mode: maximum characters per cell.
    """
    stream = stream or sys.stdout
    if getattr(stream, "isatty", lambda: False)():
        try:
            from rich.console import Console
            from rich.table import Table
        except ImportError:
            pass
        else:
            table = Table(title=title, title_justify="left", show_lines=False)
            for c in columns:
                table.add_column(c, overflow="fold")
            for r in rows:
                table.add_row(*[_cell(v) for v in r])
            Console(file=stream).print(table)
            return
    cells = [[_cut(_cell(v), max_width) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    if title:
        stream.write(title + "\n")
    stream.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
    stream.write("  ".join("-" * w for w in widths) + "\n")
    for r in cells:
        stream.write("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() + "\n")


#: Columns shown for each quotation by ``saidwhat extract --format table``.
QUOTE_COLUMNS = ("speaker", "type", "cue", "quote")


def print_article(record: dict[str, Any], *, stream: IO[str] | None = None) -> None:
    """Print one article record (``{"id", ..., "quotes"}``) as a titled table."""
    quotes = record.get("quotes") or []
    title = f"{record['id']}: {len(quotes)} quotation{'s' if len(quotes) != 1 else ''}"
    if record.get("error"):
        title += f" (failed: {record['error']})"
    # an unresolved speaker shows its mention in parentheses: it is not a name; a
    # continuation of such a speaker shows the mention it continues; with neither (a
    # quotation no speaker was found for), "(unknown)", never an empty cell
    rows = []
    shown = None
    for q in quotes:
        if q.get("speaker"):
            shown = q["speaker"]
        elif q.get("speaker_mention"):
            shown = f"({q['speaker_mention']})"
        elif not ("continuation" in (q.get("flags") or []) and shown and shown.startswith("(") and shown != "(unknown)"):
            shown = "(unknown)"
        rows.append([shown, q.get("type"), q.get("cue"), q.get("quote")])
    print_table(QUOTE_COLUMNS, rows, stream=stream, title=title, max_width=80)
    (stream or sys.stdout).write("\n")
