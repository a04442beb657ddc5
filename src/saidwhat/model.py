"""saidwhat.model: the quotation record, the output contract of every interface.

A :class:`Quote` is one quotation found in one article. Every offset is a Python
``str`` index (code point) into the exact text given to the extractor, end
exclusive, so ``text[q.quote_start:q.quote_end] == q.quote`` always holds.

The CLI, the corpus store, the web API and the Spark entry all emit
``Quote.to_dict()``. Fields may be added; none is ever renamed or removed.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

QuoteType = Literal["direct", "indirect", "mixed"]
SpeakerType = Literal["PERSON", "ORG", "GPE", "NORP", "OTHER"]

#: Field order of the record, as written to JSONL / CSV / the store.
RECORD_FIELDS = (
    "quote", "quote_start", "quote_end", "type",
    "speaker", "speaker_type", "speaker_role",
    "speaker_mention", "speaker_start", "speaker_end",
    "cue", "cue_start", "cue_end",
    "channel", "confidence", "flags",
)


@dataclass(frozen=True)
class Quote:
    """One quotation and its attribution.

    Attributes:
        quote: The content. For a direct quote the text between the marks (marks
            excluded); a quote over several paragraphs is one record spanning them.
        quote_start: Character index of the content's first character.
        quote_end: Character index after the content's last character (end exclusive).
        type: ``"direct"`` (all content in marks), ``"indirect"`` (reported speech, no
            marks) or ``"mixed"`` (reported speech containing a quoted fragment).
        speaker: The resolved speaker: the fullest name the article gives that entity,
            or ``None`` when the article names nobody. Never a placeholder string.
        speaker_type: ``PERSON``, ``ORG``, ``GPE``, ``NORP`` or ``OTHER`` (a mention that
            names nobody, e.g. "a senior official", with ``speaker`` ``None``); ``None``
            when there is neither speaker nor mention.
        speaker_role: Title, job or description attached to the speaker in the
            article ("Ukraine's Foreign Minister", "a paramedic with ..."), or ``None``.
        speaker_mention: The words that attribute this quote ("he", "the watchdog",
            "Kuleba"), or ``None``.
        speaker_start: Character index of the mention, or ``None``.
        speaker_end: Character index after the mention (end exclusive), or ``None``.
        cue: The reporting expression ("said", "according to", ":"), or ``None`` for
            an unattributed continuation or a signed quotation.
        cue_start: Character index of the cue, or ``None``.
        cue_end: Character index after the cue (end exclusive), or ``None``.
        channel: Where it was said when the article states it ("on Twitter",
            "in a statement to CNN"), else ``None``.
        confidence: 0–1, how sure the extractor is of the speaker.
        flags: Notes on the record, e.g. ``("unclosed",)`` when a missing closing
            mark was supplied at a paragraph end, ``("continuation",)`` when the
            speaker was carried over from the previous quotation, ``("topic",)``
            when it was inferred from the narration before a floating quote,
            ``("signed",)`` for a pull quote or embedded post signed with the
            speaker's name at the paragraph end (no cue, no marks).
    """

    quote: str
    quote_start: int
    quote_end: int
    type: QuoteType
    speaker: str | None = None
    speaker_type: SpeakerType | None = None
    speaker_role: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    channel: str | None = None
    confidence: float = 0.0
    flags: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """Return the record as a JSON-ready dict (keys in :data:`RECORD_FIELDS` order)."""
        d = asdict(self)
        d["flags"] = list(self.flags)
        return {k: d[k] for k in RECORD_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Quote":
        """Build a Quote from :meth:`to_dict` output; unknown keys are ignored.

        Raises:
            TypeError: a required field (quote, quote_start, quote_end, type) is missing.
        """
        names = {f.name for f in fields(cls)}
        kw = {k: v for k, v in data.items() if k in names}
        if "flags" in kw:
            kw["flags"] = tuple(kw["flags"] or ())
        return cls(**kw)
