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

Reads: ``token.text``, ``token.is_space``. Writes: ``token.is_sent_start`` (``True``
on paragraph starts only; every other token is left for the parser).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_FINAL = frozenset(".!?:;\"”’'»)")


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token of each paragraph.

    A blank line always starts a paragraph. A single line break does when the line
    before ends in sentence-final punctuation or is short (a heading, label or
    dateline: under 50 characters) and the next line does not open in lower case, so
    that hard-wrapped text ("... the minister\nsaid ...") keeps its sentences.

    Args:
        doc: A tokenized Doc, not yet parsed.

    Returns:
        The same Doc.

    Raises:
        ValueError: spaCy's ``[E043]`` when the Doc is already parsed (the component
            must come before the parser).
    """
    text = doc.text
    line_start = 0
    brk: str | None = None
    prev = None
    for t in doc:
        if t.is_space:
            if "\n" in t.text:
                brk = t.text
            continue
        if brk is not None:
            if brk.count("\n") >= 2 or (not t.text[:1].islower() and prev is not None and (
                    prev.text[-1:] in _FINAL or len(text[line_start:prev.idx + len(prev)].strip()) < 50)):
                t.is_sent_start = True
            line_start = t.idx
            brk = None
        prev = t
    return doc


@Language.component("saidwhat_paragraphs", assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    """The ``saidwhat_paragraphs`` component: :func:`mark_paragraph_starts`."""
    return mark_paragraph_starts(doc)


def use_paragraph_breaks(nlp: Language) -> None:
    """Add ``saidwhat_paragraphs`` first in ``nlp`` (before the parser and its
    listeners) unless it is there already."""
    if "saidwhat_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("saidwhat_paragraphs", first=True)
