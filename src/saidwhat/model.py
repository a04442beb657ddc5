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
    "channel", "confidence", "flags", "speaker_id",
    "speaker_gender", "speaker_gender_source",
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
            speaker's name at the paragraph end (no cue, no marks),
            ``("interview",)`` for an answer turn of a Q&A section (no cue).
        speaker_id: The id of the speaker's entity within the article (``"E1"``,
            ``"E2"``, ... by first mention; see :class:`EntityRecord`), shared by all
            records of that speaker; ``None`` when ``speaker`` is ``None``.
        speaker_gender: ``"female"``, ``"male"`` or ``None`` (organisations, groups,
            unresolved mentions, people the evidence does not decide, people the
            article calls "they"). The gender of the speaker's entity, so all records
            of one speaker agree (:attr:`EntityRecord.gender`).
        speaker_gender_source: Where ``speaker_gender`` comes from: ``"pronoun"``
            (the article's own pronouns for that person), ``"honorific"`` (Mr, Ms,
            Sir, Dame, ...), ``"role"`` (a gendered role noun: mother, chairwoman,
            ...) or ``"name"`` (a given-name prior); ``None`` with no gender.
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
    speaker_id: str | None = None
    speaker_gender: str | None = None
    speaker_gender_source: str | None = None

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


@dataclass(frozen=True)
class EntityRecord:
    """One entity of an article: a person, organisation, place or group, with every
    mention the extractor grouped into it (``doc._.entities``,
    :func:`saidwhat.extract_entities`).

    Attributes:
        id: ``"E1"``, ``"E2"``, ... in order of first mention; the ``speaker_id`` of the
            quotation records of this speaker.
        name: Canonical name: the fullest form the article gives, titles and role
            words outside it ("Ngozi Okonjo-Iweala", "Federal Aviation Administration").
        type: ``PERSON``, ``ORG``, ``GPE`` or ``NORP``.
        number: ``"one"`` (a person), ``"group"`` or ``"organisation"``.
        gender: ``"female"``, ``"male"`` or ``None``; ``gender_source`` is
            ``"honorific"``, ``"role"``, ``"name"`` (the given-name table) or ``"pronoun"``
            (the article's own pronouns), ``None`` with no gender.
        aliases: Other names the article uses for it (surname, acronym, short form).
        roles: Titles and appositions the article gives it ("Mayor", "a paramedic").
        pronouns: Pronoun -> how often the article uses it for this entity.
        mentions: ``(start, end, text, kind)`` per mention, character offsets into the
            article (end exclusive); kind ``name``, ``alias``, ``pronoun`` or
            ``description``.
    """

    id: str
    name: str
    type: str
    number: str
    gender: str | None = None
    gender_source: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    pronouns: dict[str, int] = field(default_factory=dict)
    mentions: tuple[tuple[int, int, str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The entity as a JSON-ready dict; mentions as ``{"start", "end", "text", "kind"}``."""
        d = asdict(self)
        d["aliases"], d["roles"] = list(self.aliases), list(self.roles)
        d["mentions"] = [{"start": s, "end": e, "text": t, "kind": k} for s, e, t, k in self.mentions]
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "EntityRecord":
        """Build an EntityRecord from :meth:`to_dict` output."""
        kw = {k: v for k, v in data.items() if k in {f.name for f in fields(cls)}}
        kw["aliases"] = tuple(kw.get("aliases") or ())
        kw["roles"] = tuple(kw.get("roles") or ())
        kw["mentions"] = tuple((m["start"], m["end"], m["text"], m["kind"]) for m in kw.get("mentions") or ())
        return cls(**kw)
