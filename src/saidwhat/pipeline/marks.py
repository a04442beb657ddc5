"""saidwhat.pipeline.marks: pair quotation marks in raw text into direct-quote candidates.

Pure text, no spaCy: works on the exact input string, so every offset is a
character index into it (end exclusive).

Rules (news usage; CoreNLP's QuoteAnnotator and textacy's ``direct_quotations``
failure reports in ``field-cases`` B01, B06, B12, B13, B14, B21):

* Double marks: ``“ ” " « » „ ‟`` and ``‹ ›``-free. Any opener may be closed by any
  closer (a curly open and straight close is common in scraped copy). In an
  English text ``„`` is closed by ``“`` (German style).
* Straight ``"`` is an opener after whitespace / an opening bracket, a closer
  otherwise.
* Single marks (``‘ ’ '``) open a quote only at a word start and close it only
  where no letter follows, so apostrophes (``don’t``, ``Hollow’s``, ``don‘t``) are
  not marks. Inside a double quote they are nested quotes and do not end it.
* Paragraphs end at the line breaks of
  :func:`saidwhat.pipeline.paragraphs.paragraph_breaks` (every ``\n``, ``\r\n`` or
  lone ``\r``, but a line break inside hard-wrapped text is a space).
* A paragraph that ends inside a quote continues it when the next
  paragraph opens with a mark (the multi-paragraph convention); otherwise the
  quote is closed at the paragraph end and flagged ``unclosed``. A single-mark
  quote continues likewise when the next paragraph opens with a single mark
  (British style: ``‘I have returned.`` / ``‘Roger was a charming man.’``);
  otherwise an open single mark is dropped at the paragraph end (it may be an
  apostrophe), unless it already ran over a paragraph (then it is ``unclosed``).
* Two single marks in a row (``''``, ``‘’``) are one double mark (New York Times
  archive style in PolNeAR): ``open_pos`` is its first character, ``close_pos`` its
  last, so ``outer_start``/``outer_end`` take in both characters.
* A closing mark with no opener is stray and skipped; nothing raises.
"""
from __future__ import annotations

import warnings
from bisect import bisect_left
from dataclasses import dataclass, field

from ..errors import Warnings
from .paragraphs import paragraph_breaks

DOUBLE_OPEN = "“«„‟"
DOUBLE_CLOSE = "”»"
DOUBLE_AMBIG = '"'
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
SINGLE_AMBIG = "'"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_AMBIG + SINGLE_OPEN + SINGLE_CLOSE + SINGLE_AMBIG
_OPEN_CONTEXT = " \t\n\r([{—–-/\u00a0\ufeff\u200b" + DOUBLE_OPEN + SINGLE_OPEN


@dataclass(frozen=True)
class MarkedSpan:
    """A run of text between quotation marks.

    Attributes:
        start: Character index of the first content character (after the mark).
        end: Character index after the last content character (before the mark).
        open_pos: Character index of the opening mark.
        close_pos: Character index of the closing mark, or ``None`` if unclosed.
        double: True for double marks, False for single (British style) marks.
        reopen: Character indices of paragraph-reopening marks inside the span.
        flags: ``("unclosed",)`` when closed at a paragraph end.
    """

    start: int
    end: int
    open_pos: int
    close_pos: int | None
    double: bool = True
    reopen: tuple[int, ...] = ()
    flags: tuple[str, ...] = ()
    nested: tuple["MarkedSpan", ...] = field(default=(), compare=False)

    @property
    def outer_start(self) -> int:
        """Index of the opening mark (the quote including its marks starts here)."""
        return self.open_pos

    @property
    def outer_end(self) -> int:
        """Index after the closing mark (or after the content when unclosed)."""
        return self.close_pos + 1 if self.close_pos is not None else self.end


def _prev(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else "\n"


def _next(text: str, i: int) -> str:
    return text[i + 1] if i + 1 < len(text) else "\n"


def _is_double(ch: str) -> bool:
    return ch in DOUBLE_OPEN or ch in DOUBLE_CLOSE or ch == DOUBLE_AMBIG


def _double_role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the double mark at i."""
    ch = text[i]
    if ch in DOUBLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    p, n = _prev(text, i), _next(text, i)
    opener = p in _OPEN_CONTEXT
    closer = n.isspace() or n in ".,;:!?)]}—–-…" + DOUBLE_CLOSE + SINGLE_CLOSE or i + 1 >= len(text)
    if opener and not closer:
        return "open"
    if closer and not opener:
        return "close"
    return "either"


_SINGLES = SINGLE_OPEN + SINGLE_CLOSE + SINGLE_AMBIG


def _is_paired_single(text: str, i: int) -> bool:
    """Two single marks written as one double mark: ``''`` (New York Times archive
    style, seen in PolNeAR), ``‘’``, ``‘‘``, ``’’`` (typed or converted copy)."""
    return text[i] in _SINGLES and i + 1 < len(text) and text[i + 1] in _SINGLES \
        and (i + 2 >= len(text) or text[i + 2] not in _SINGLES) and (i == 0 or text[i - 1] not in _SINGLES)


def _paired_role(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the two-character mark at i, i + 1."""
    p, n = _prev(text, i), _next(text, i + 1)
    opener = p in _OPEN_CONTEXT and not n.isspace()
    closer = n.isspace() or n in ".,;:!?)]}—–-…" + DOUBLE_CLOSE or i + 2 >= len(text)
    if opener and not closer:
        return "open"
    if closer and not opener:
        return "close"
    return "either"


def _single_opens(text: str, i: int) -> bool:
    ch, p, n = text[i], _prev(text, i), _next(text, i)
    if ch not in SINGLE_OPEN and ch != SINGLE_AMBIG:
        return False
    return (p in _OPEN_CONTEXT or _is_double(p)) and (n.isalpha())


def _single_closes(text: str, i: int) -> bool:
    ch, p, n = text[i], _prev(text, i), _next(text, i)
    if ch not in SINGLE_CLOSE and ch != SINGLE_AMBIG:
        return False
    return not p.isspace() and not n.isalnum()


def _possessive_plural(text: str, i: int, breaks: list[int]) -> bool:
    """True if the single closing mark at ``i`` reads as a plural possessive apostrophe
    (``the Smiths’ dog``) rather than a closing mark: after an ``s``, before a space and
    a lower-case word, and the quote goes on past it, to a closing mark later in the
    paragraph or to a next paragraph that reopens with a single mark."""
    if text[i - 1:i] not in ("s", "S") or text[i + 1:i + 2] != " " or not text[i + 2:i + 3].islower():
        return False
    k = bisect_left(breaks, i)
    nl = breaks[k] if k < len(breaks) else -1
    pe = len(text) if nl < 0 else nl
    if any(_single_closes(text, k) for k in range(i + 1, pe) if text[k] in SINGLE_CLOSE + SINGLE_AMBIG):
        return True
    return nl >= 0 and _single_reopens(text, nl) is not None


def _paragraph_reopens(text: str, nl: int) -> int | None:
    """If the paragraph after the newline at ``nl`` opens with a double mark, its index."""
    j = nl
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and _is_double(text[j]) and _double_role(text, j) in ("open", "either"):
        return j
    if j < len(text) and _is_paired_single(text, j) and _paired_role(text, j) in ("open", "either"):
        return j + 1
    return None


def _single_reopens(text: str, nl: int) -> int | None:
    """If the paragraph after the newline at ``nl`` opens with a single opening mark
    (British multi-paragraph style), its index."""
    j = nl
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and j > nl and not _is_paired_single(text, j) and _single_opens(text, j):
        return j
    return None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_marked_spans(text: str, *, warn: bool = True, breaks: list[int] | None = None) -> list[MarkedSpan]:
    """Pair the quotation marks of ``text`` into spans.

    Args:
        text: The article, exactly as given.
        warn: Emit ``W001``/``W002`` warnings for stray and unclosed marks.
        breaks: The text's paragraph breaks when the caller has them
            (:func:`saidwhat.pipeline.paragraphs.paragraph_breaks`); computed if None.

    Returns:
        Top-level marked spans in text order (double-mark quotes, and single-mark
        quotes that are not inside a double-mark quote). Nested single-mark quotes
        are attached to their outer span's ``nested``. Content offsets exclude the
        marks and surrounding whitespace.
    """
    out: list[MarkedSpan] = []
    n = len(text)
    i = 0
    open_pos: int | None = None   # current double-mark quote
    open_ch = ""
    reopen: list[int] = []
    s_open: int | None = None     # current single-mark quote (top level or nested)
    s_reopen: list[int] = []      # paragraph-reopening single marks of a top-level single quote
    open_w = 1                    # width of the current double mark ('' is two characters)
    nested: list[MarkedSpan] = []
    breaks = paragraph_breaks(text) if breaks is None else breaks
    is_break = set(breaks)

    def emit(close_pos: int | None, end: int, flags: tuple[str, ...] = (), double: bool = True,
             start_pos: int | None = None) -> None:
        op = start_pos if start_pos is not None else open_pos
        s, e = _strip(text, op + (open_w if start_pos is None else 1), end)
        if e > s:
            out.append(MarkedSpan(s, e, op, close_pos, double, tuple(reopen) if double else tuple(s_reopen),
                                  flags, tuple(nested) if double else ()))

    while i < n:
        ch = text[i]
        if i in is_break:
            if open_pos is not None:
                j = _paragraph_reopens(text, i)
                if j is not None:
                    reopen.append(j)
                    s_open = None
                    i = j + 1
                    continue
                if warn:
                    warnings.warn(Warnings.W002.format(pos=open_pos), stacklevel=2)
                emit(None, i, ("unclosed",))
                open_pos, reopen, nested = None, [], []
            elif s_open is not None:
                j = _single_reopens(text, i)
                if j is not None:   # British style: the next paragraph reopens the single mark
                    s_reopen.append(j)
                    i = j + 1
                    continue
                if s_reopen:   # it ran over paragraphs: a quote whose last closing mark is missing
                    if warn:
                        warnings.warn(Warnings.W002.format(pos=s_open), stacklevel=2)
                    emit(None, i, ("unclosed",), double=False, start_pos=s_open)
            s_open, s_reopen = None, []  # otherwise single marks do not run across paragraphs
            i += 1
            continue
        if _is_paired_single(text, i):   # ''...'' : a double mark two characters wide
            role = _paired_role(text, i)
            if open_pos is not None and role in ("close", "either"):
                emit(i + 1, i)   # close_pos on its last character: outer_end is after both
                open_pos, reopen, nested, s_open = None, [], [], None
            elif open_pos is None and role in ("open", "either"):
                open_pos, open_ch, reopen, nested, s_open = i, DOUBLE_AMBIG, [], [], None
                open_w = 2
            i += 2
            continue
        if _is_double(ch):
            role = _double_role(text, i)
            if open_pos is None:
                if role in ("open", "either"):
                    open_pos, open_ch, reopen, nested, s_open, open_w = i, ch, [], [], None, 1
                elif warn:
                    warnings.warn(Warnings.W001.format(pos=i), stacklevel=2)
            else:
                german_close = open_ch == "„" and ch == "“"
                if role == "open" and not german_close and ch not in DOUBLE_AMBIG:
                    # a second opener inside an open quote: the first lost its closer
                    if warn:
                        warnings.warn(Warnings.W001.format(pos=open_pos), stacklevel=2)
                    open_pos, open_ch, reopen, nested, s_open, open_w = i, ch, [], [], None, 1
                elif role == "open" and ch == DOUBLE_AMBIG and _prev(text, i).isspace() \
                        and _next(text, i).isalnum() and i - open_pos > 1:
                    if warn:
                        warnings.warn(Warnings.W001.format(pos=open_pos), stacklevel=2)
                    open_pos, open_ch, reopen, nested, s_open, open_w = i, ch, [], [], None, 1
                else:
                    emit(i, i)
                    open_pos, reopen, nested, s_open = None, [], [], None
            i += 1
            continue
        if ch in SINGLE_OPEN or ch in SINGLE_CLOSE or ch == SINGLE_AMBIG:
            if s_open is not None and _single_closes(text, i) and not _possessive_plural(text, i, breaks):
                if open_pos is None:
                    emit(i, i, double=False, start_pos=s_open)
                    s_reopen = []
                else:
                    s, e = _strip(text, s_open + 1, i)
                    if e > s:
                        nested.append(MarkedSpan(s, e, s_open, i, False))
                s_open = None
            elif s_open is None and _single_opens(text, i):
                s_open, s_reopen = i, []
        i += 1
    if open_pos is not None:
        if warn:
            warnings.warn(Warnings.W002.format(pos=open_pos), stacklevel=2)
        emit(None, n, ("unclosed",))
    elif s_open is not None and s_reopen:
        if warn:
            warnings.warn(Warnings.W002.format(pos=s_open), stacklevel=2)
        emit(None, n, ("unclosed",), double=False, start_pos=s_open)
    return out
