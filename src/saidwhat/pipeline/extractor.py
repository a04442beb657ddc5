"""saidwhat.pipeline.extractor: ties the stages together (placeholder: direct quotes only)."""
from __future__ import annotations

import warnings

from spacy.tokens import Doc

from ..model import Quote
from .marks import find_marked_spans


def extract_quotes(doc: Doc, *, min_words: int = 4) -> list[Quote]:
    text = doc.text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        spans = find_marked_spans(text)
    return [Quote(text[s.start:s.end], s.start, s.end, "direct", flags=s.flags)
            for s in spans if len(text[s.start:s.end].split()) >= min_words]
