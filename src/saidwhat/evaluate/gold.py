"""saidwhat.evaluate.gold: read and check gold and prediction JSONL files.

Gold format (one article per line, see ``/work/shared/eval/README.md``)::

    {"id": str, "text": str, "source": str,
     "quotes": [{"quote": str, "quote_start": int, "quote_end": int,
                 "speaker": str|null, "speaker_start": int|null, "speaker_end": int|null,
                 "cue": str|null, "type": "direct"|"indirect"|"mixed"|null}]}

Prediction format: the output of ``saidwhat extract`` as JSONL, one line per article,
``{"id": str, "quotes": [Quote.to_dict() records]}``; other keys are ignored.

Offsets are character indices into ``text``, end exclusive. A line that fails a check
is reported (``[E006]`` message with its 1-based line number) and skipped whole, so
that none of its quotes is scored.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from os import PathLike
from typing import Any

from ..errors import Errors

#: Quote types known to the scorer; gold ``type`` may also be null.
QUOTE_TYPES = ("direct", "indirect", "mixed")


@dataclass(frozen=True)
class GoldArticle:
    """One gold article.

    Attributes:
        id: Article id (ids that are JSON numbers are turned into strings).
        text: The article text; all offsets index into it.
        quotes: Gold quote records, as read (dicts with the gold-format keys).
        line: 1-based line number in the gold file.
        sources: The annotators' quoted people by gender, when the line has any of
            ``sources_female``, ``sources_male``, ``sources_unknown`` (lists of names;
            the Gender Gap Tracker's columns), as ``{key: [name, ...]}``; else ``None``.
    """

    id: str
    text: str
    quotes: list[dict[str, Any]] = field(default_factory=list)
    line: int = 0
    sources: dict[str, list[str]] | None = None


class GoldError(ValueError):
    """A gold or prediction line that fails a check; ``str(err)`` is the ``[E006]`` message."""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_span(rec: dict[str, Any], start_key: str, end_key: str, n: int, *,
                required: bool) -> str | None:
    start, end = rec.get(start_key), rec.get(end_key)
    if start is None and end is None and not required:
        return None
    if not (_is_int(start) and _is_int(end)):
        return f"{start_key}/{end_key} must be integers, got {start!r}/{end!r}"
    if not 0 <= start <= end <= n:
        return f"{start_key}/{end_key} {start}/{end} out of range for a text of {n} characters"
    return None


def check_gold_article(data: Any) -> str | None:
    """Check one parsed gold line against the gold format.

    Args:
        data: The parsed JSON value of one line.

    Returns:
        ``None`` when the article is valid, else the reason it is not.
    """
    if not isinstance(data, dict):
        return f"expected a JSON object, got {type(data).__name__}"
    if not isinstance(data.get("text"), str):
        return "missing or non-string 'text'"
    if not isinstance(data.get("id"), (str, int)) or isinstance(data.get("id"), bool):
        return "missing or invalid 'id'"
    quotes = data.get("quotes")
    if not isinstance(quotes, list):
        return "missing or non-list 'quotes'"
    for key in SOURCE_LIST_KEYS:
        if key in data and not (isinstance(data[key], list) and all(isinstance(x, str) for x in data[key])):
            return f"'{key}' must be a list of names"
    text = data["text"]
    for i, rec in enumerate(quotes):
        if not isinstance(rec, dict):
            return f"quote {i}: expected an object"
        reason = (_check_span(rec, "quote_start", "quote_end", len(text), required=True)
                  or _check_span(rec, "speaker_start", "speaker_end", len(text), required=False))
        if reason:
            return f"quote {i}: {reason}"
        if rec.get("type") not in (*QUOTE_TYPES, None):
            return f"quote {i}: unknown type {rec.get('type')!r}"
        if "quote" in rec and rec["quote"] != text[rec["quote_start"]:rec["quote_end"]]:
            return f"quote {i}: 'quote' differs from text[quote_start:quote_end]"
    return None


def _decode(raw: bytes) -> tuple[str, str | None]:
    """One line as text, or the reason it cannot be read (not UTF-8)."""
    try:
        return raw.decode("utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"), None
    except UnicodeDecodeError as err:
        return "", f"not valid UTF-8 (byte {err.start})"


def read_gold(path: str | PathLike, *, limit: int | None = None,
              problems: list[str] | None = None) -> Iterator[GoldArticle]:
    """Stream gold articles from a JSONL file.

    Args:
        path: The gold file.
        limit: Stop after this many valid articles (``None``: all).
        problems: When given, the ``[E006]`` message of every bad line (invalid JSON,
            missing ``text``, bad offsets, duplicate id, ...) is appended here and the
            line is skipped; when ``None``, the first bad line raises.

    Yields:
        Valid articles in file order. Blank lines are ignored.

    Raises:
        GoldError: a line is bad and ``problems`` is ``None``.
        OSError: the file cannot be opened.
    """
    seen: set[str] = set()
    count = 0
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if limit is not None and count >= limit:
                return
            line, reason = _decode(raw)
            if reason is None and not line.strip():
                continue
            try:
                data = json.loads(line) if reason is None else None
            except json.JSONDecodeError as err:
                reason = f"invalid JSON ({err.msg}, column {err.colno})"
            else:
                reason = reason or check_gold_article(data)
                if reason is None and str(data["id"]) in seen:
                    reason = f"duplicate id {str(data['id'])!r}"
            if reason is not None:
                msg = Errors.E006.format(path=path, line=lineno, reason=reason)
                if problems is None:
                    raise GoldError(msg)
                problems.append(msg)
                continue
            seen.add(str(data["id"]))
            count += 1
            yield GoldArticle(str(data["id"]), data["text"], list(data["quotes"]), lineno,
                              _sources(data))


#: Gold keys of the quoted-people lists by gender.
SOURCE_LIST_KEYS = ("sources_female", "sources_male", "sources_unknown")


def _sources(data: dict[str, Any]) -> dict[str, list[str]] | None:
    """The line's quoted-people lists (lists of strings), or ``None`` when it has none."""
    if not any(k in data for k in SOURCE_LIST_KEYS):
        return None
    return {k: [str(x) for x in data.get(k) or [] if isinstance(x, str)] for k in SOURCE_LIST_KEYS}


def read_predictions(path: str | PathLike, *,
                     problems: list[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Read a predictions JSONL file (``saidwhat extract`` output) into memory.

    Args:
        path: The predictions file; one ``{"id": ..., "quotes": [...]}`` per line.
        problems: As in :func:`read_gold`: bad lines are reported here and skipped,
            or raise when ``None``. A record needs integer ``quote_start`` <= ``quote_end``.

    Returns:
        Predicted records per article id (ids that are JSON numbers become strings).
        When an id occurs twice, the later line wins and the repeat is reported.

    Raises:
        GoldError: a line is bad and ``problems`` is ``None``.
        OSError: the file cannot be opened.
    """
    preds: dict[str, list[dict[str, Any]]] = {}
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            line, reason = _decode(raw)
            if reason is None and not line.strip():
                continue
            try:
                data = json.loads(line) if reason is None else None
            except json.JSONDecodeError as err:
                reason = f"invalid JSON ({err.msg}, column {err.colno})"
            else:
                reason = reason or _check_pred_line(data)
                if reason is None and str(data["id"]) in preds:
                    reason = f"duplicate id {str(data['id'])!r}; the later line is used"
                    preds[str(data["id"])] = list(data["quotes"])
            if reason is not None:
                msg = Errors.E008.format(path=path, line=lineno, reason=reason)
                if problems is None:
                    raise GoldError(msg)
                problems.append(msg)
                continue
            preds[str(data["id"])] = list(data["quotes"])
    return preds


def _check_pred_line(data: Any) -> str | None:
    if not isinstance(data, dict):
        return f"expected a JSON object, got {type(data).__name__}"
    if not isinstance(data.get("id"), (str, int)) or isinstance(data.get("id"), bool):
        return "missing or invalid 'id'"
    if not isinstance(data.get("quotes"), list):
        return "missing or non-list 'quotes'"
    for i, rec in enumerate(data["quotes"]):
        if not isinstance(rec, dict):
            return f"quote {i}: expected an object"
        start, end = rec.get("quote_start"), rec.get("quote_end")
        if not (_is_int(start) and _is_int(end) and 0 <= start <= end):
            return f"quote {i}: quote_start/quote_end must be integers, start <= end"
    return None
