"""saidwhat.pipeline.component: the ``saidwhat`` spaCy component.

Reads: ``token.dep``, ``token.head``, ``token.pos``, ``token.lemma``, ``doc.ents``.
Writes: ``doc._.quotes`` (list of :class:`saidwhat.model.Quote`), ``doc._.entities``
(list of :class:`saidwhat.model.EntityRecord`, the article's entities; each quote's
``speaker_id`` is one of their ids), and the spans
``doc.spans["quotes"]``, ``doc.spans["cues"]``, ``doc.spans["speakers"]``
(labels: the quote type; ``"CUE"``; the speaker type).

``doc._.quotes`` and ``doc._.entities`` survive serialisation (``Doc.to_bytes``,
``DocBin`` with ``store_user_data=True``, ``nlp.pipe(n_process=N)``): the records are
registered with srsly's msgpack encoders as ``saidwhat.quote`` and ``saidwhat.entity``.

Usage::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("saidwhat")
    doc = nlp(text); doc._.quotes
"""
from __future__ import annotations

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.pipeline import Pipe

from ..model import EntityRecord, Quote
from ..errors import Errors
from .extractor import extract_all

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)
if not Doc.has_extension("entities"):
    Doc.set_extension("entities", default=None)

_QUOTE_KEY = "__saidwhat_quote__"
_ENTITY_KEY = "__saidwhat_entity__"


def _encode_quote(obj, chain=None):
    """msgpack encoder: a :class:`Quote` as its record, so that Docs holding
    ``doc._.quotes`` serialise (``Doc.to_bytes``, ``DocBin(store_user_data=True)``,
    and ``nlp.pipe(n_process=N)``, which sends Docs between processes that way)."""
    if isinstance(obj, Quote):
        return {_QUOTE_KEY: obj.to_dict()}
    return obj if chain is None else chain(obj)


def _decode_quote(obj, chain=None):
    """msgpack decoder for :func:`_encode_quote`."""
    if isinstance(obj, dict) and _QUOTE_KEY in obj:
        return Quote.from_dict(obj[_QUOTE_KEY])
    return obj if chain is None else chain(obj)


def _encode_entity(obj, chain=None):
    """msgpack encoder: an :class:`EntityRecord` as its dict (see :func:`_encode_quote`)."""
    if isinstance(obj, EntityRecord):
        return {_ENTITY_KEY: obj.to_dict()}
    return obj if chain is None else chain(obj)


def _decode_entity(obj, chain=None):
    """msgpack decoder for :func:`_encode_entity`."""
    if isinstance(obj, dict) and _ENTITY_KEY in obj:
        return EntityRecord.from_dict(obj[_ENTITY_KEY])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("saidwhat.quote", func=_encode_quote)
srsly.msgpack_decoders.register("saidwhat.quote", func=_decode_quote)
srsly.msgpack_encoders.register("saidwhat.entity", func=_encode_entity)
srsly.msgpack_decoders.register("saidwhat.entity", func=_decode_entity)


class QuoteExtractor(Pipe):
    """Find quotations, cues and speakers in a parsed Doc.

    Args:
        nlp: The pipeline (unused; kept for the factory signature).
        name: Component name.
        min_words: Minimum words for an unattributed direct quote to count as speech
            (GGT drops quotes under 4 words; the quotebank toolkit uses 5).
        set_spans: Also write ``doc.spans`` groups (quotes, cues, speakers).
    """

    def __init__(self, nlp: Language, name: str = "saidwhat", *, min_words: int = 4,
                 set_spans: bool = True) -> None:
        self.name = name
        self.min_words = min_words
        self.set_spans = set_spans

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            if len(doc) and not doc.has_annotation("DEP"):
                raise ValueError(Errors.E009)
            quotes, entities = extract_all(doc, min_words=self.min_words)
            doc._.quotes = quotes
            doc._.entities = entities
            if self.set_spans:
                self._set_spans(doc, quotes)
        except Exception as e:  # noqa: BLE001 - routed to spaCy's handler (raise by default)
            error_handler(self.name, self, [doc], e)
        return doc

    @staticmethod
    def _set_spans(doc: Doc, quotes) -> None:
        qs, cs, ss = [], [], []
        for q in quotes:
            sp = doc.char_span(q.quote_start, q.quote_end, label=q.type, alignment_mode="expand")
            if sp is not None:
                qs.append(sp)
            if q.cue_start is not None:
                sp = doc.char_span(q.cue_start, q.cue_end, label="CUE", alignment_mode="expand")
                if sp is not None:
                    cs.append(sp)
            if q.speaker_start is not None:
                sp = doc.char_span(q.speaker_start, q.speaker_end, label=q.speaker_type or "OTHER",
                                   alignment_mode="expand")
                if sp is not None:
                    ss.append(sp)
        doc.spans["quotes"], doc.spans["cues"], doc.spans["speakers"] = qs, cs, ss


@Language.factory(
    "saidwhat",
    default_config={"min_words": 4, "set_spans": True},
    requires=["token.dep", "token.head", "token.pos", "token.lemma", "doc.ents"],
    assigns=["doc._.quotes", "doc._.entities", "doc.spans"],
)
def make_saidwhat(nlp: Language, name: str, min_words: int, set_spans: bool) -> QuoteExtractor:
    """Factory for the ``saidwhat`` component (``nlp.add_pipe("saidwhat")``)."""
    return QuoteExtractor(nlp, name, min_words=min_words, set_spans=set_spans)
