"""saidwhat.pipeline.extractor: run the stages over one parsed Doc and build records.

Stages: marks (:mod:`.marks`) -> indirect/mixed, direct and signed candidates with
their cue and speaker mention (:mod:`.quote_detector`) -> the article's entities
(:mod:`.entities`) -> speaker resolution (:mod:`.speaker_resolver`) ->
:class:`saidwhat.model.Quote` and :class:`saidwhat.model.EntityRecord` records.
"""
from __future__ import annotations


from spacy.tokens import Doc

from ..model import EntityRecord, Quote
from .context import DocContext
from .entities import ArticleEntities
from .interviews import interview_candidates
from .marks import find_marked_spans
from .paragraphs import doc_paragraph_breaks
from .quote_detector import (close_before_attribution, direct_candidates, indirect_candidates,
                             mention_past_dateline, signed_candidates)
from .speaker_resolver import normalize_name, resolve


def extract_quotes(doc: Doc, *, min_words: int = 4) -> list[Quote]:
    """All quotations of a parsed Doc, in text order.

    Args:
        doc: A Doc with tagger, parser and NER annotations.
        min_words: Minimum words for an unattributed direct quote.

    Returns:
        Quote records; offsets are character indices into ``doc.text``, end exclusive.
    """
    return extract_all(doc, min_words=min_words)[0]


def extract_all(doc: Doc, *, min_words: int = 4) -> tuple[list[Quote], list[EntityRecord]]:
    """All quotations of a parsed Doc, in text order, and the article's entities
    (those with a mention, in order of first mention; each quotation's ``speaker_id``
    is one of their ids).

    Args:
        doc: A Doc with tagger, parser and NER annotations.
        min_words: Minimum words for an unattributed direct quote.

    Returns:
        ``(quotes, entities)``; offsets are character indices into ``doc.text``, end
        exclusive.
    """
    text = doc.text
    marked = find_marked_spans(text, breaks=doc_paragraph_breaks(doc))   # warns W001/W002 for stray/unclosed marks
    ctx = DocContext(doc, marked)
    cut = close_before_attribution(ctx)   # an unclosed quote ends before the attribution it ran over
    if cut is not ctx.marked:
        ctx = DocContext(doc, cut)
    indirect = indirect_candidates(ctx)
    consumed = {m.open_pos for c in indirect for m in c.marked}
    direct = direct_candidates(ctx, consumed, min_words=min_words)
    signed = signed_candidates(ctx, indirect + direct)
    entities = ArticleEntities(ctx)
    interview = interview_candidates(ctx, entities)   # answers of a Q&A section
    if interview:   # an answer holds whatever else was found in it
        spans = [(c.start, c.end) for c in interview]
        signed = [c for c in signed if not any(a < c.end and c.start < b for a, b in spans)]
        direct = [c for c in direct if not any(a <= c.start and c.end <= b for a, b in spans)]
    cands = sorted(indirect + direct + signed + interview, key=lambda c: c.start)
    # an indirect content overlapping a direct quote that was kept: keep the direct one
    kept = []
    for c in cands:
        if kept and c.start < kept[-1].end:
            if kept[-1].type == "direct" and c.type != "direct":
                continue
            if c.type == "direct" and kept[-1].type != "direct":
                kept.pop()
            else:
                continue
        kept.append(c)
    cands = kept
    for c in cands:
        if c.mention is not None:
            mention_past_dateline(ctx, c.mention)   # "WASHINGTON (Reuters) - Federal Reserve Chair ..."
    resolutions = resolve(ctx, cands, entities)
    spans = []
    for c, r in zip(cands, resolutions):
        m = c.mention
        ms = me = None
        if m is not None:   # no surrounding whitespace (a no-break space can be part of a token)
            raw = text[m.start:m.end]
            ms, me = m.start + len(raw) - len(raw.lstrip()), m.start + len(raw.rstrip())
            if r.entity is not None and r.speaker:
                kind = m.kind if m.kind in ("pronoun", "description") else (
                    "name" if m.name and normalize_name(m.name) == r.entity.name else "alias")
                entities.link(r.entity, ms, me, text[ms:me], kind, m.role)
        spans.append((ms, me))
    records = entities.records([r.entity for r in resolutions if r.entity is not None and r.speaker])
    genders = {e.id: (e.gender, e.gender_source) for e in records if e.type == "PERSON" and e.gender}
    out = []
    for c, r, (ms, me) in zip(cands, resolutions, spans):
        m = c.mention
        out.append(Quote(
            quote=text[c.start:c.end], quote_start=c.start, quote_end=c.end, type=c.type,
            speaker=r.speaker,
            # the entity's type as resolution left it: all records of one speaker agree
            speaker_type=(r.entity.type if r.entity is not None and r.speaker else r.type)
            if (r.speaker or m or "continuation" in c.flags) else None,
            # an unnamed speaker's own role ("spokesperson for Harrowfield District Council")
            speaker_role=r.role or (m.role if m is not None and not r.speaker and m.kind == "generic" else None),
            speaker_mention=text[ms:me] if m else None,
            speaker_start=ms, speaker_end=me,
            cue=text[c.cue[0]:c.cue[1]] if c.cue else None,
            cue_start=c.cue[0] if c.cue else None, cue_end=c.cue[1] if c.cue else None,
            channel=c.channel, confidence=round(r.confidence, 2), flags=tuple(c.flags),
            speaker_id=r.entity.id if r.entity is not None and r.speaker else None,
            **_gender_fields(genders.get(r.entity.id) if r.entity is not None and r.speaker else None),
        ))
    return out, records


def _gender_fields(gender: tuple[str, str] | None) -> dict[str, str | None]:
    """``speaker_gender`` and ``speaker_gender_source`` of a record from its speaker
    entity's ``(gender, source)`` (people only), else both ``None``."""
    g, src = gender or (None, None)
    return {"speaker_gender": g, "speaker_gender_source": src}
