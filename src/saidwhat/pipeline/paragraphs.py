"""saidwhat.pipeline.paragraphs: a sentence never runs over a paragraph break.

News text comes with its paragraphs as line breaks, and scraped news has
one-line paragraphs that are not sentences: section labels ("READ MORE: ...",
"WATCH: ..."), datelines, headings ("Edson"), photo captions. spaCy's statistical
parser sets sentence boundaries itself and often runs such a line into the next
paragraph's first sentence, so that, for instance, the subject of "Authorities
described ..." is taken from the label line above it (GGT English dev). The
``saidwhat_paragraphs`` component, placed before the parser, marks the first token
of every paragraph as a sentence start; spaCy's parser keeps boundaries set
before it runs and parses within them.

Hard-wrapped text (e-mail, wire feeds: a line break every 60 to 90 characters
inside a paragraph) and old Mac ``\r`` line ends are read through
:func:`paragraph_breaks`, which says which line breaks of a text end a paragraph;
:mod:`saidwhat.pipeline.marks` and :class:`saidwhat.pipeline.context.DocContext` use
it too, so a quotation or a sentence runs on over a wrapped line end as over a
space. The text itself is never changed: offsets stay those of the input.

Reads: ``token.text``, ``token.is_space``. Writes: ``token.is_sent_start`` (``True``
on paragraph starts only; every other token is left for the parser).
"""
from __future__ import annotations

import re
import weakref
from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

_FINAL = frozenset(".!?:;\"”’'»)")
#: A line break: "\n", "\r\n" (the break is its "\n") or a lone "\r" (old Mac).
_LINE_BREAK = re.compile(r"\r\n|\n|\r")
#: A line that ends a sentence: ".", "!" or "?", then closing marks or brackets.
_SENT_FINAL = re.compile(r"[.!?][\"'”’»)\]]*$")
#: Lines of hard-wrapped text are this many characters long (all but a paragraph's last).
WRAP_MIN, WRAP_MAX = 50, 90


def _wrapped(lines: list[str]) -> bool:
    """True if a block of consecutive non-blank lines is hard-wrapped: of the lines
    followed by another, at least half are 50 to 90 characters long and at least
    half end without sentence punctuation (the last lines of paragraphs set off by
    indentation are shorter and end sentences)."""
    body = [ln.rstrip() for ln in lines[:-1]]
    if not body:
        return False
    sized = sum(WRAP_MIN <= len(ln) <= WRAP_MAX for ln in body)
    open_ended = sum(not _SENT_FINAL.search(ln) for ln in body)
    return sized * 2 >= len(body) and open_ended * 2 >= len(body)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


_DOC_BREAKS: "weakref.WeakKeyDictionary[Doc, list[int]]" = weakref.WeakKeyDictionary()


def doc_paragraph_breaks(doc: Doc) -> list[int]:
    """:func:`paragraph_breaks` of ``doc.text``, computed once per Doc (cached while the
    Doc lives)."""
    breaks = _DOC_BREAKS.get(doc)
    if breaks is None:
        breaks = _DOC_BREAKS[doc] = paragraph_breaks(doc.text)
    return breaks


def breaks_paragraph_in(doc: Doc, start: int, end: int) -> bool:
    """True if a paragraph break (not a wrapped line end) lies in characters [start, end)."""
    breaks = doc_paragraph_breaks(doc)
    k = bisect_left(breaks, start)
    return k < len(breaks) and breaks[k] < end


def paragraph_breaks(text: str) -> list[int]:
    """The line breaks of ``text`` that end a paragraph.

    Every line break does (``\n``, ``\r\n`` or a lone ``\r``), except a single line
    break inside a hard-wrapped block (see :func:`_wrapped`; a block is a run of
    non-blank lines), which reads as a space. In such a block a line break still
    ends a paragraph when the next line is indented more than the block's least
    indented line, or when the next line's first word would have fitted on the
    line (so the break was not the wrapper's) and the line ends a sentence or is
    short (under 50 characters, a heading) before a line that does not open in
    lower case.

    Args:
        text: The article, exactly as given.

    Returns:
        Sorted character indices of the line-break characters that end a paragraph
        (for ``\r\n``, the index of its ``\n``).
    """
    # lines as (start, end, break index or None)
    lines: list[tuple[int, int, int | None]] = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        lines.append((pos, m.start(), m.end() - 1))
        pos = m.end()
    if not lines:
        return []
    lines.append((pos, len(text), None))
    out: list[int] = []
    k = 0
    while k < len(lines):
        if not text[lines[k][0]:lines[k][1]].strip():   # a blank line: its break always counts
            if lines[k][2] is not None:
                out.append(lines[k][2])
            k += 1
            continue
        j = k
        while j + 1 < len(lines) and text[lines[j + 1][0]:lines[j + 1][1]].strip():
            j += 1
        block = lines[k:j + 1]
        strs = [text[a:b].expandtabs() for a, b, _ in block]
        if len(block) < 2 or not _wrapped(strs):
            out.extend(b for _, _, b in block if b is not None)
        else:
            width = max((len(s.rstrip()) for s in strs if len(s.rstrip()) <= WRAP_MAX), default=WRAP_MAX)
            least = min(_indent(s) for s in strs)
            for n in range(len(block) - 1):
                line, nxt = strs[n].rstrip(), strs[n + 1]
                word = nxt.split(None, 1)[0]
                fits = len(line) + 1 + len(word) <= width
                if _indent(nxt) > least or fits and (
                        _SENT_FINAL.search(line) or len(line.strip()) < WRAP_MIN and not word[:1].islower()):
                    out.append(block[n][2])
            if block[-1][2] is not None:
                out.append(block[-1][2])
        k = j + 1
    return out


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token of each paragraph.

    A blank line always starts a paragraph. A single line break does when the line
    before ends in sentence-final punctuation or is short (a heading, label or
    dateline: under 50 characters) and the next line does not open in lower case, so
    that hard-wrapped text ("... the minister\nsaid ...") keeps its sentences. Only
    the line breaks of :func:`paragraph_breaks` count: inside a hard-wrapped block a
    line break is a space.

    Args:
        doc: A tokenized Doc, not yet parsed.

    Returns:
        The same Doc.

    Raises:
        ValueError: spaCy's ``[E043]`` when the Doc is already parsed (the component
            must come before the parser).
    """
    text = doc.text
    breaks = doc_paragraph_breaks(doc)   # cached: the later stages read the same breaks
    line_start = 0
    brk = 0          # paragraph breaks since the last word
    newline = False  # a line break since the last word
    prev = None
    for t in doc:
        if t.is_space:
            if "\n" in t.text or "\r" in t.text:
                newline = True
                a = bisect_left(breaks, t.idx)
                brk += bisect_left(breaks, t.idx + len(t.text), a) - a
            continue
        if brk:
            if brk >= 2 or (not t.text[:1].islower() and prev is not None and (
                    prev.text[-1:] in _FINAL or len(text[line_start:prev.idx + len(prev)].strip()) < 50)):
                t.is_sent_start = True
        elif prev is not None and _AMOUNT_UNIT.fullmatch(prev.text) and prev.i > 0 and doc[prev.i - 1].like_num \
                and t.text[:1].isupper() and t.is_alpha and prev.whitespace_:
            # "profits fell to £80m. Its chairman said": the tokenizer keeps "m." whole (as
            # an initial), so the parser runs the two sentences into one
            t.is_sent_start = True
        if newline:
            line_start = t.idx
        brk, newline = 0, False
        prev = t
    return doc


#: A one-letter unit with its full stop after an amount ("£80m.", "5k."), which ends a
#: sentence where the next word is capitalised.
_AMOUNT_UNIT = re.compile(r"[a-z]\.")


@Language.component("saidwhat_paragraphs", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    """The ``saidwhat_paragraphs`` component: :func:`mark_paragraph_starts`."""
    return mark_paragraph_starts(doc)


def use_paragraph_breaks(nlp: Language) -> None:
    """Add ``saidwhat_paragraphs`` first in ``nlp`` (before the parser and its
    listeners) unless it is there already."""
    if "saidwhat_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("saidwhat_paragraphs", first=True)
