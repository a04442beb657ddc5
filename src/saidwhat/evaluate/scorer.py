"""saidwhat.evaluate.scorer: pure scoring functions for quotes, speakers and cues.

Nothing here loads a model or reads a file. Records are plain dicts: gold records in
the gold format, predicted records as ``Quote.to_dict()``. Every offset is a character
index into the article text, end exclusive; every score is a 0–1 fraction.
The metrics are defined in ``docs/evaluation.md``.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

#: A pred and a gold quote match (overlap matching) when their common characters are at
#: least this share of the shorter of the two spans.
OVERLAP_THRESHOLD = 0.5

#: A pred and a gold quote match (coverage matching) when their common characters are at
#: least this share of the **gold** span. From the issue's definition: a prediction
#: finds a gold quotation only if it covers at least half of the gold quotation's
#: characters (overlap matching divides by the shorter span, so a 5% fragment of a long
#: gold quotation counts there).
COVERAGE_THRESHOLD = 0.5

#: Characters of context kept on each side of an error record.
CONTEXT_CHARS = 100

#: Stripped from both ends of a span for the "exact (trimmed)" matching: whitespace,
#: quotation marks and the punctuation that gold spans often keep inside the marks.
TRIM_CHARS = " \t\r\n\u00a0\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a,.;:"

#: Leading words dropped from speaker names before comparison.
LEADING_WORDS = frozenset({
    "the", "a", "an",
    "dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame", "rev", "hon",
})

#: Lowercase words that may join the capitalised words of an organisation's name in the
#: article text ("Committee of the Red Cross"); used by the strict speaker measure.
NAME_CONNECTORS = frozenset({"of", "for", "the", "de", "du", "des", "del"})

_POSSESSIVE = re.compile(r"['\u2019]s\b")
_NON_WORD = re.compile(r"[^\w\s]|_")
_HYPHEN = re.compile(r"(?<=[^\W_])[-\u2010\u2011](?=[^\W_])")
_NON_WORD_KEEP_HYPHEN = re.compile(r"[^\w\s\u2010]|_")
#: A word of article text: letters/digits, joined inside by hyphens or apostrophes.
_TEXT_WORD = re.compile(r"[^\W_]+(?:[-\u2010\u2011'\u2019][^\W_]+)*")
#: What may separate two words of one written name: spaces, or ". " after an initial.
_NAME_GAP = re.compile(r"[ \t\u00a0]+")
_INITIAL_GAP = re.compile(r"\.[ \t\u00a0]*")

Span = tuple[int, int]


# ---------------------------------------------------------------------------------------
# Counters

@dataclass
class PRF:
    """Precision/recall/F1 counts. Scores are 0–1; 0.0 when the denominator is 0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP), 0–1."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN), 0–1."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, 0–1."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        """Add another counter's counts to this one (micro-averaging)."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        """Counts and 0–1 scores (rounded to 4 places)."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Ratio:
    """A share: ``correct`` out of ``total`` (accuracy, or recall/precision of one type)."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        """``correct / total`` (0–1), or ``None`` when ``total`` is 0."""
        return self.correct / self.total if self.total else None

    def add(self, other: Ratio) -> None:
        """Add another ratio's counts to this one."""
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        """Counts and the 0–1 value (rounded to 4 places; ``None`` when empty)."""
        v = self.value
        return {"correct": self.correct, "total": self.total,
                "value": None if v is None else round(v, 4)}


def _add_by_key(into: dict[str, Ratio], other: dict[str, Ratio]) -> None:
    for key, ratio in other.items():
        into.setdefault(key, Ratio()).add(ratio)


@dataclass
class Scores:
    """All counts for one article or, after :meth:`add`, a whole gold set (micro).

    Attributes:
        n_gold: Gold quotes scored (after the type filter).
        n_pred: Predicted quotes scored (after the type filter).
        overlap: Quote P/R/F1, one-to-one matching at :data:`OVERLAP_THRESHOLD`.
        exact: Quote P/R/F1, identical character offsets.
        exact_trimmed: Quote P/R/F1, identical offsets once :data:`TRIM_CHARS` are
            stripped from both ends of each span.
        end_to_end: P/R/F1 where a TP is an overlap match whose speaker name is right.
        coverage: Quote P/R/F1, one-to-one matching where the pred covers at least
            :data:`COVERAGE_THRESHOLD` of the gold span's characters.
        end_to_end_strict: P/R/F1 where a TP is an overlap match whose speaker is right
            by :func:`speaker_correct_strict`.
        speaker_name: Speaker-name accuracy over overlap-matched pairs.
        speaker_name_strict: Strict speaker-name accuracy
            (:func:`speaker_correct_strict`) over overlap-matched pairs.
        speaker_span: Speaker-span overlap accuracy over overlap-matched pairs.
        cue: Cue accuracy over overlap-matched pairs (lowercased string equality).
        recall_by_type: Per gold ``type`` (``"none"`` for null): matched / gold quotes.
        precision_by_type: Per predicted ``type``: matched / predicted quotes.
        sources: Quoted people by gender (:func:`score_sources`), for gold articles that
            carry the annotators' ``sources_female``/``sources_male`` lists.
    """

    n_gold: int = 0
    n_pred: int = 0
    overlap: PRF = field(default_factory=PRF)
    exact: PRF = field(default_factory=PRF)
    exact_trimmed: PRF = field(default_factory=PRF)
    end_to_end: PRF = field(default_factory=PRF)
    coverage: PRF = field(default_factory=PRF)
    end_to_end_strict: PRF = field(default_factory=PRF)
    speaker_name: Ratio = field(default_factory=Ratio)
    speaker_name_strict: Ratio = field(default_factory=Ratio)
    speaker_span: Ratio = field(default_factory=Ratio)
    cue: Ratio = field(default_factory=Ratio)
    recall_by_type: dict[str, Ratio] = field(default_factory=dict)
    precision_by_type: dict[str, Ratio] = field(default_factory=dict)
    sources: SourceScores = field(default_factory=lambda: SourceScores())

    def add(self, other: Scores) -> None:
        """Add another :class:`Scores` (e.g. one article's) to this one."""
        self.n_gold += other.n_gold
        self.n_pred += other.n_pred
        for name in ("overlap", "exact", "exact_trimmed", "end_to_end", "coverage",
                     "end_to_end_strict", "speaker_name", "speaker_name_strict",
                     "speaker_span", "cue"):
            getattr(self, name).add(getattr(other, name))
        _add_by_key(self.recall_by_type, other.recall_by_type)
        _add_by_key(self.precision_by_type, other.precision_by_type)
        self.sources.add(other.sources)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready nested dict of counts and 0–1 scores."""
        return {
            "n_gold": self.n_gold, "n_pred": self.n_pred,
            "quotes_overlap": self.overlap.to_dict(),
            "quotes_exact": self.exact.to_dict(),
            "quotes_exact_trimmed": self.exact_trimmed.to_dict(),
            "end_to_end": self.end_to_end.to_dict(),
            "speaker_name_accuracy": self.speaker_name.to_dict(),
            "speaker_span_accuracy": self.speaker_span.to_dict(),
            "cue_accuracy": self.cue.to_dict(),
            "recall_by_gold_type": {k: v.to_dict() for k, v in sorted(self.recall_by_type.items())},
            "precision_by_pred_type": {k: v.to_dict()
                                       for k, v in sorted(self.precision_by_type.items())},
            "quotes_coverage": self.coverage.to_dict(),
            "speaker_name_strict_accuracy": self.speaker_name_strict.to_dict(),
            "end_to_end_strict": self.end_to_end_strict.to_dict(),
            **({"sources_by_gender": self.sources.to_dict()} if self.sources.n_articles else {}),
        }


# ---------------------------------------------------------------------------------------
# Quoted people by gender (the Gender Gap Tracker's protocol)

#: The gold keys of the annotators' lists of quoted people, by gender (GGT's
#: ``sourcesFemale``/``sourcesMale``/``sourcesUnknown`` columns).
SOURCE_KEYS = {"female": "sources_female", "male": "sources_male", "unknown": "sources_unknown"}


@dataclass
class SourceScores:
    """Distinct quoted people by gender, pooled over articles (:func:`score_sources`).

    Attributes:
        n_articles: Gold articles that carry the gender lists.
        female: P/R/F1 of the predicted female sources against the gold female list.
        male: The same for male sources.
        pred: Predicted distinct quoted people per gender (``female``, ``male``,
            ``unknown``: a person whose ``speaker_gender`` is null).
        gold: Gold quoted people per list (``female``, ``male``, ``unknown``).
    """

    n_articles: int = 0
    female: PRF = field(default_factory=PRF)
    male: PRF = field(default_factory=PRF)
    pred: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SOURCE_KEYS, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SOURCE_KEYS, 0))

    @staticmethod
    def share_women(counts: dict[str, int]) -> float | None:
        """Women / (women + men), 0–1, or ``None`` with no gendered person."""
        n = counts["female"] + counts["male"]
        return counts["female"] / n if n else None

    def add(self, other: SourceScores) -> None:
        """Add another article's (or set's) counts to this one."""
        self.n_articles += other.n_articles
        self.female.add(other.female)
        self.male.add(other.male)
        for k in SOURCE_KEYS:
            self.pred[k] += other.pred[k]
            self.gold[k] += other.gold[k]

    def to_dict(self) -> dict[str, Any]:
        """Counts, P/R/F1 per gender and the shares of women (0–1, 4 places;
        ``share_women_error`` is predicted minus gold)."""
        sp, sg = self.share_women(self.pred), self.share_women(self.gold)
        return {"n_articles": self.n_articles,
                "female": self.female.to_dict(), "male": self.male.to_dict(),
                "people_pred": dict(self.pred), "people_gold": dict(self.gold),
                "share_women_pred": None if sp is None else round(sp, 4),
                "share_women_gold": None if sg is None else round(sg, 4),
                "share_women_error": None if sp is None or sg is None else round(sp - sg, 4)}


def _person_words(name: str) -> tuple[str, ...]:
    """:func:`normalise_name` without diacritics ("Anick Bédard" -> ("anick", "bedard"))."""
    s = unicodedata.normalize("NFKD", name)
    return normalise_name("".join(c for c in s if not unicodedata.combining(c)))


def person_names_match(pred: str, gold: str) -> bool:
    """Whether a predicted quoted person is the gold one, for the sources-by-gender score.

    After :func:`normalise_name` with diacritics removed (case, titles, punctuation and
    accents do not count), the names match when they are equal, or when their last words
    (surnames) are equal and either one is a surname alone or their first words begin
    with the same letter ("Mike Smith" / "Michael Smith", "Smith" / "Jane Smith"; not
    "Trevor Nicholson" / "Mary Nicholson"), or when the shorter name, of two words or
    more, ends the longer one (a given name left out: "Paz Akin" / "Lorena Paz Akin").
    """
    p, g = _person_words(pred), _person_words(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    short, long = (p, g) if len(p) <= len(g) else (g, p)
    if len(short) >= 2 and long[-len(short):] == short:
        return True
    return p[-1] == g[-1] and (len(p) == 1 or len(g) == 1 or p[0][:1] == g[0][:1])


def predicted_people(pred: Sequence[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """The distinct quoted people of an article's records, as ``(name, gender)``.

    A person is a ``speaker_id`` (or, for records without one, a normalised ``speaker``
    name) of records whose ``speaker_type`` is ``PERSON`` and whose ``speaker`` is set;
    its name is the longest ``speaker`` among its records, its gender the first non-null
    ``speaker_gender`` (``"female"``, ``"male"``, else ``None``). Order: first quotation.
    """
    people: dict[Any, list] = {}
    for rec in pred:
        name = rec.get("speaker")
        if rec.get("speaker_type") != "PERSON" or not name:
            continue
        key = rec.get("speaker_id") or ("name", _person_words(name))
        entry = people.setdefault(key, [name, None])
        if len(name) > len(entry[0]):
            entry[0] = name
        if entry[1] is None and rec.get("speaker_gender") in ("female", "male"):
            entry[1] = rec["speaker_gender"]
    return [(n, g) for n, g in people.values()]


def _match_people(pred: list[str], gold: list[str]) -> int:
    """One-to-one matches between two name lists: equal names first, then
    :func:`person_names_match`."""
    left_p, left_g = list(range(len(pred))), list(range(len(gold)))
    n = 0
    for test in (lambda a, b: _person_words(a) == _person_words(b), person_names_match):
        for pi in list(left_p):
            gi = next((g for g in left_g if test(pred[pi], gold[g])), None)
            if gi is not None:
                left_p.remove(pi)
                left_g.remove(gi)
                n += 1
    return n


def score_sources(gold_lists: dict[str, Any], pred: Sequence[dict[str, Any]]) -> SourceScores:
    """Score one article's quoted people by gender (the Gender Gap Tracker's protocol).

    Args:
        gold_lists: The gold article's ``sources_female``, ``sources_male`` and
            ``sources_unknown`` (lists of names as annotated; missing keys count as empty).
        pred: The article's predicted records (``Quote.to_dict()``), all types.

    Returns:
        For each gender, the predicted people of that gender (:func:`predicted_people`)
        matched one-to-one against the gold list of that gender
        (:func:`person_names_match`): TP matched, FP predicted and unmatched (wrong
        gender, or not a gold source), FN gold and unmatched. People of unknown gender
        are counted, never scored. ``n_articles`` is 1.
    """
    people = predicted_people(pred)
    out = SourceScores(n_articles=1)
    gold = {k: [str(x).strip() for x in (gold_lists.get(key) or []) if str(x).strip()]
            for k, key in SOURCE_KEYS.items()}
    for k in SOURCE_KEYS:
        out.gold[k] = len(gold[k])
        out.pred[k] = sum(1 for _, g in people if (g or "unknown") == k)
    for k in ("female", "male"):
        names = [n for n, g in people if g == k]
        tp = _match_people(names, gold[k])
        setattr(out, k, PRF(tp, len(names) - tp, len(gold[k]) - tp))
    return out


# ---------------------------------------------------------------------------------------
# Span matching

def overlap_chars(a: Span, b: Span) -> int:
    """Number of characters two ``(start, end)`` spans share (end exclusive)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlap_ratio(a: Span, b: Span) -> float:
    """Shared characters as a share (0–1) of the shorter span; 0.0 if either is empty."""
    shorter = min(a[1] - a[0], b[1] - b[0])
    return overlap_chars(a, b) / shorter if shorter > 0 else 0.0


def match_overlap(gold: Sequence[Span], pred: Sequence[Span], *,
                  threshold: float = OVERLAP_THRESHOLD) -> list[tuple[int, int]]:
    """Match gold and predicted spans one-to-one by character overlap, greedily.

    Candidate pairs are those with :func:`overlap_ratio` >= ``threshold``. They are taken
    best first: highest ratio, then highest overlap / union (so a pred of the right
    size beats a fragment), then text order; a pair is kept when neither side is
    already matched.

    Args:
        gold: Gold ``(start, end)`` character spans, end exclusive.
        pred: Predicted spans, same units.
        threshold: Minimum overlap ratio, 0–1.

    Returns:
        ``(gold_index, pred_index)`` pairs, sorted by gold index.
    """
    return _match_greedy(gold, pred, overlap_ratio, threshold)


def coverage_ratio(gold: Span, pred: Span) -> float:
    """Shared characters as a share (0–1) of the **gold** span; 0.0 if it is empty."""
    n = gold[1] - gold[0]
    return overlap_chars(gold, pred) / n if n > 0 else 0.0


def match_coverage(gold: Sequence[Span], pred: Sequence[Span], *,
                   threshold: float = COVERAGE_THRESHOLD) -> list[tuple[int, int]]:
    """Match gold and predicted spans one-to-one by coverage of the gold span, greedily.

    As :func:`match_overlap`, but a candidate pair needs :func:`coverage_ratio` >=
    ``threshold`` and candidates are ranked by that coverage first.

    Args:
        gold: Gold ``(start, end)`` character spans, end exclusive.
        pred: Predicted spans, same units.
        threshold: Minimum share of the gold span's characters covered, 0–1.

    Returns:
        ``(gold_index, pred_index)`` pairs, sorted by gold index.
    """
    return _match_greedy(gold, pred, coverage_ratio, threshold)


def _match_greedy(gold: Sequence[Span], pred: Sequence[Span],
                  measure: Callable[[Span, Span], float],
                  threshold: float) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: best ``measure``, then overlap / union, then text order."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            common = overlap_chars(g, p)
            if common == 0:
                continue
            ratio = measure(g, p)
            if ratio >= threshold:
                union = max(g[1], p[1]) - min(g[0], p[0])
                candidates.append((-ratio, -common / union, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def match_exact(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """Match spans with identical ``(start, end)`` offsets, one-to-one.

    Returns:
        ``(gold_index, pred_index)`` pairs, sorted by gold index.
    """
    free: dict[Span, list[int]] = {}
    for pi, p in enumerate(pred):
        free.setdefault(tuple(p), []).append(pi)
    pairs = []
    for gi, g in enumerate(gold):
        slot = free.get(tuple(g))
        if slot:
            pairs.append((gi, slot.pop(0)))
    return pairs


def trim_span(text: str, span: Span) -> Span:
    """Shrink a span past leading/trailing :data:`TRIM_CHARS` (whitespace, quote marks, ``,.;:``).

    Args:
        text: The article text.
        span: ``(start, end)`` character offsets, end exclusive.

    Returns:
        The trimmed span; an empty span if nothing but trim characters remains.
    """
    start, end = max(0, span[0]), min(len(text), span[1])
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end


# ---------------------------------------------------------------------------------------
# Speakers and cues

#: Generational suffixes after a surname, lower-cased: no part of the name a scorer compares.
_GENERATIONAL = frozenset("jr sr ii iii iv".split())


def normalise_name(name: str | None, *, keep_hyphens: bool = False) -> tuple[str, ...]:
    """Normalise a speaker name or mention into a tuple of lowercase words.

    Steps: Unicode NFKC, lowercase, drop possessive ``'s``/``’s``, turn punctuation into
    spaces, split on whitespace, then drop leading determiners (the, a, an) and titles
    (:data:`LEADING_WORDS`: Dr, Mr, Mrs, Ms, Prof, ...) and a trailing generational
    suffix (Jr, Sr, II, III, IV: "Joseph R. Biden Jr." is "Mr. Biden").

    Args:
        name: The name, or ``None``.
        keep_hyphens: Keep a hyphen between two letters or digits inside its word, as
            ``-`` (``"Galbraith-Marten"`` gives ``("galbraith-marten",)`` instead of
            ``("galbraith", "marten")``). Used by the strict speaker measure.

    Returns:
        The words; empty for ``None`` or a name with no words left.

    Example:
        ``normalise_name("Dr. Jane O'Neil's")`` gives ``("jane", "o", "neil")``.
    """
    if not name:
        return ()
    s = unicodedata.normalize("NFKC", name).lower()
    s = _POSSESSIVE.sub("", s)
    if keep_hyphens:
        s = _HYPHEN.sub("\u2010", s)
        words = [w.strip("\u2010").replace("\u2010", "-")
                 for w in _NON_WORD_KEEP_HYPHEN.sub(" ", s).split()]
        words = [w for w in words if w]
    else:
        words = _NON_WORD.sub(" ", s).split()
    while words and words[0] in LEADING_WORDS:
        words.pop(0)
    if len(words) >= 2 and words[-1] in _GENERATIONAL:
        words.pop()   # "Joseph R. Biden Jr." is Mr. Biden
    return tuple(words)


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def names_match(pred: str | None, gold: str | None, *, pred_type: str | None = None) -> bool:
    """Whether a predicted speaker name (or mention) names the gold speaker.

    After :func:`normalise_name`, the two match when:

    1. they are equal; or
    2. one is a single word equal to the other's last word (surname only, either way:
       "Kuleba" / "Dmytro Kuleba"); or
    3. one occurs in the other at word boundaries, and either the shorter has two or
       more words ("Dmytro Kuleba" / "Foreign Minister Dmytro Kuleba") or the predicted
       speaker is not typed ``PERSON`` (organisations: "Amnesty" / "Amnesty
       International"). A lone first name of a person ("Dmytro") does not match.

    Args:
        pred: Predicted name or mention.
        gold: Gold speaker.
        pred_type: The prediction's ``speaker_type`` (PERSON, ORG, ...), or ``None``.

    Returns:
        ``False`` if either side is empty after normalisation.
    """
    return _words_match(normalise_name(pred), normalise_name(gold), pred_type)


def _words_match(p: tuple[str, ...], g: tuple[str, ...], pred_type: str | None) -> bool:
    """:func:`names_match` on already normalised words."""
    if not p or not g:
        return False
    if p == g:
        return True
    short, long = (p, g) if len(p) <= len(g) else (g, p)
    if len(short) == 1 and short[0] == long[-1]:
        return True
    return _contains(long, short) and (len(short) >= 2 or pred_type != "PERSON")


def speaker_correct(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Speaker-name test for one matched pair.

    - Gold ``speaker`` null (or empty): right iff the predicted ``speaker`` is null.
    - Else the predicted ``speaker`` is compared with :func:`names_match`; when it is
      null, the predicted ``speaker_mention`` is compared instead (gold speakers are
      mentions in some sets). Neither present: wrong.
    """
    if not normalise_name(gold.get("speaker")):
        return pred.get("speaker") is None
    if pred.get("speaker") is not None:
        return names_match(pred["speaker"], gold["speaker"], pred_type=pred.get("speaker_type"))
    return names_match(pred.get("speaker_mention"), gold["speaker"])


@functools.lru_cache(maxsize=4)
def article_names(text: str, *, connectors: bool = False) -> tuple[tuple[str, ...], ...]:
    """The names the article writes: its runs of capitalised words, normalised.

    A run is a maximal sequence of words (letters or digits, joined inside by hyphens or
    apostrophes) that each start with an uppercase letter, separated only by spaces or,
    after a one-letter initial, by ``.`` and spaces ("George W. Bush"). Any other
    character (comma, bracket, line break, a lowercase word) ends the run. With
    ``connectors``, a lowercase word of :data:`NAME_CONNECTORS` between two capitalised
    words stays inside the run ("International Committee of the Red Cross").

    Args:
        text: The article text.
        connectors: Keep :data:`NAME_CONNECTORS` inside runs (organisation names).

    Returns:
        Each run as :func:`normalise_name` words with ``keep_hyphens=True`` (leading
        titles and determiners dropped), in text order; empty runs are left out.
    """
    runs: list[list[str]] = []
    run: list[str] = []
    pending: list[str] = []   # connector words waiting for a capitalised word
    prev_end, prev_word = 0, ""
    for m in _TEXT_WORD.finditer(text):
        word = m.group()
        gap = text[prev_end:m.start()]
        joined = bool(run) and (_NAME_GAP.fullmatch(gap) is not None or (
            len(prev_word) == 1 and prev_word.isupper() and _INITIAL_GAP.fullmatch(gap) is not None))
        if word[0].isupper() and joined:
            run += pending + [word]
            pending = []
        elif connectors and joined and word in NAME_CONNECTORS:
            pending.append(word)
        else:
            if run:
                runs.append(run)
            run, pending = ([word] if word[0].isupper() else []), []
        prev_end, prev_word = m.end(), word
    if run:
        runs.append(run)
    names = (normalise_name(" ".join(r), keep_hyphens=True) for r in runs)
    return tuple(n for n in names if n)


def _acronym(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` is one word spelled by the initials of ``long``'s non-connector words."""
    initials = "".join(w[0] for w in long if w not in NAME_CONNECTORS)
    return len(short) == 1 and len(long) >= 2 and len(initials) >= 2 and short[0] == initials


@functools.lru_cache(maxsize=4)
def _lowercase_words(text: str) -> frozenset[str]:
    """Words the article writes starting with a lowercase letter (NFKC, lowercased)."""
    return frozenset(unicodedata.normalize("NFKC", m.group()).lower()
                     for m in _TEXT_WORD.finditer(text) if m.group()[0].islower())


def speaker_correct_strict(gold: dict[str, Any], pred: dict[str, Any], text: str) -> bool:
    """Strict speaker-name test for one matched pair: a partial name is wrong when the
    article gives more of it.

    Right only when :func:`speaker_correct` is right and, for a named gold speaker, the
    candidate ``c`` (the predicted ``speaker``, else the ``speaker_mention`` with no
    type, as in :func:`speaker_correct`) passes both tests below. Words are
    :func:`normalise_name` words with ``keep_hyphens=True``; ``g`` is the gold speaker;
    "the article writes y" means ``y`` occurs at word boundaries inside one of the
    :func:`article_names` runs (with connectors unless ``c`` is typed ``PERSON``).

    1. ``c`` still matches ``g`` by :func:`names_match`'s rules, so a hyphen part
       ("Marten" for "Galbraith-Marten", "Raybould" for "Jody Wilson-Raybould") is
       always wrong.
    2. ``c`` is not short. ``c`` is short when the article writes a longer form ``y``
       that contains ``c``, where ``y`` is
       a. a contiguous part of ``g`` ("Brittany Lincicome" for ``c`` "Lincicome"), or
       b. for a candidate typed ``PERSON``, ``g`` preceded by a name word: a
          capitalised word, not a title of :data:`LEADING_WORDS`, that the article
          never writes in lowercase ("Joanne Galbraith-Marten" for ``g``
          "Galbraith-Marten"; "President Obama" is not a longer form when the article
          writes "president"), or
       c. for a candidate not typed ``PERSON`` and of one word, a run whose initials
          (connectors skipped) spell ``c`` ("UN" when the article writes "United
          Nations").

       A ``PERSON`` candidate of two or more words is never short: the scorer cannot
       tell a missing first name from a title ("Donald Tusk" in "European Council
       President Donald Tusk").

    Args:
        gold: Gold record (``speaker``).
        pred: Predicted record (``speaker``, ``speaker_type``, ``speaker_mention``).
        text: The article text the records come from.

    Returns:
        ``True`` when the speaker is right under the strict rule.
    """
    if not speaker_correct(gold, pred):
        return False
    if not normalise_name(gold.get("speaker")):
        return True   # gold null: speaker_correct already required a null prediction
    if pred.get("speaker") is not None:
        cand, ptype = pred["speaker"], pred.get("speaker_type")
    else:
        cand, ptype = pred.get("speaker_mention"), None
    c = normalise_name(cand, keep_hyphens=True)
    g = normalise_name(gold["speaker"], keep_hyphens=True)
    if not _words_match(c, g, ptype):
        return False
    person = ptype == "PERSON"
    if person and len(c) >= 2:
        return True
    runs = article_names(text, connectors=not person)
    parts = {g[i:j] for i in range(len(g)) for j in range(i + 1, len(g) + 1)}
    longer = [y for y in parts if len(y) > len(c) and _contains(y, c)]
    if any(_contains(r, y) for r in runs for y in longer):
        return False                                                   # (a)
    if person and _contains(g, c):
        lower = _lowercase_words(text) | LEADING_WORDS
        n = len(g)
        for r in runs:
            for i in range(1, len(r) - n + 1):
                if r[i:i + n] == g and r[i - 1] not in lower:
                    return False                                       # (b)
    return person or not any(_acronym(c, r) for r in runs)             # (c)


def speaker_span_correct(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Speaker-span test for one matched pair.

    Right when the predicted ``speaker_start``/``speaker_end`` share at least one
    character with the gold mention span, or when both sides have no span.
    """
    if gold.get("speaker_start") is None or gold.get("speaker_end") is None:
        return pred.get("speaker_start") is None
    if pred.get("speaker_start") is None or pred.get("speaker_end") is None:
        return False
    return overlap_chars((gold["speaker_start"], gold["speaker_end"]),
                         (pred["speaker_start"], pred["speaker_end"])) > 0


def _norm_cue(cue: str | None) -> str | None:
    if cue is None:
        return None
    cue = " ".join(cue.lower().split())
    return cue or None


def cue_correct(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """Cue test: lowercased, whitespace-collapsed strings are equal (two nulls agree)."""
    return _norm_cue(gold.get("cue")) == _norm_cue(pred.get("cue"))


# ---------------------------------------------------------------------------------------
# One article

def _span(rec: dict[str, Any]) -> Span:
    return rec["quote_start"], rec["quote_end"]


def _type_key(rec: dict[str, Any]) -> str:
    return rec.get("type") or "none"


def error_record(kind: str, article_id: str, text: str, *, gold: dict[str, Any] | None = None,
                 pred: dict[str, Any] | None = None,
                 context: int = CONTEXT_CHARS) -> dict[str, Any]:
    """Build one line of the ``--errors`` file.

    Args:
        kind: ``"fn"`` (gold quote not found), ``"fp"`` (pred matches no gold quote) or
            ``"wrong_speaker"`` (matched, speaker name wrong).
        article_id: Article id.
        text: Article text.
        gold: The gold record, if any.
        pred: The predicted record, if any.
        context: Characters of context kept on each side of the quote span(s).

    Returns:
        ``{"kind", "id", "gold", "pred", "left_context", "right_context"}``; the
        context surrounds the union of the gold and predicted quote spans.
    """
    recs = [r for r in (gold, pred) if r is not None]
    start = max(0, min(r["quote_start"] for r in recs))
    end = min(len(text), max(r["quote_end"] for r in recs))
    return {"kind": kind, "id": article_id, "gold": gold, "pred": pred,
            "left_context": text[max(0, start - context):start],
            "right_context": text[end:end + context]}


def score_article(gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]], text: str, *,
                  types: Collection[str] | None = None, threshold: float = OVERLAP_THRESHOLD,
                  article_id: str = "", errors: list[dict[str, Any]] | None = None,
                  sources: dict[str, Any] | None = None) -> Scores:
    """Score one article's predicted quotes against its gold quotes.

    Args:
        gold: Gold quote records (``quote_start``/``quote_end`` required).
        pred: Predicted records (``Quote.to_dict()``).
        text: The article text the offsets index into.
        types: When given, only gold quotes whose gold ``type`` is in it and only preds
            whose predicted ``type`` is in it are scored; the rest are ignored.
        threshold: Overlap threshold, 0–1 of the shorter span.
        article_id: Used in error records.
        errors: When given, an :func:`error_record` is appended for every FN, FP and
            wrong speaker, in text order.
        sources: The gold article's lists of quoted people by gender
            (:data:`SOURCE_KEYS`), or ``None`` when it has none; scored with
            :func:`score_sources` on all predicted records (``types`` does not apply).

    Returns:
        The article's counts.
    """
    all_pred = pred
    if types is not None:
        gold = [g for g in gold if g.get("type") in types]
        pred = [p for p in pred if p.get("type") in types]
    gold_spans = [_span(g) for g in gold]
    pred_spans = [_span(p) for p in pred]
    s = Scores(n_gold=len(gold), n_pred=len(pred))

    pairs = match_overlap(gold_spans, pred_spans, threshold=threshold)
    s.overlap = PRF(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    n_exact = len(match_exact(gold_spans, pred_spans))
    s.exact = PRF(n_exact, len(pred) - n_exact, len(gold) - n_exact)
    n_trim = len(match_exact([trim_span(text, g) for g in gold_spans],
                             [trim_span(text, p) for p in pred_spans]))
    s.exact_trimmed = PRF(n_trim, len(pred) - n_trim, len(gold) - n_trim)

    n_cov = len(match_coverage(gold_spans, pred_spans))
    s.coverage = PRF(n_cov, len(pred) - n_cov, len(gold) - n_cov)

    found: list[dict[str, Any]] | None = [] if errors is not None else None
    e2e = e2e_strict = 0
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        right = speaker_correct(g, p)
        strict = right and speaker_correct_strict(g, p, text)
        e2e += right
        e2e_strict += strict
        s.speaker_name.add(Ratio(int(right), 1))
        s.speaker_name_strict.add(Ratio(int(strict), 1))
        s.speaker_span.add(Ratio(int(speaker_span_correct(g, p)), 1))
        s.cue.add(Ratio(int(cue_correct(g, p)), 1))
        if not right and found is not None:
            found.append(error_record("wrong_speaker", article_id, text, gold=g, pred=p))
    s.end_to_end = PRF(e2e, len(pred) - e2e, len(gold) - e2e)
    s.end_to_end_strict = PRF(e2e_strict, len(pred) - e2e_strict, len(gold) - e2e_strict)

    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, g in enumerate(gold):
        s.recall_by_type.setdefault(_type_key(g), Ratio()).add(Ratio(int(gi in matched_g), 1))
    for pi, p in enumerate(pred):
        s.precision_by_type.setdefault(_type_key(p), Ratio()).add(Ratio(int(pi in matched_p), 1))
    if errors is not None and found is not None:
        found.extend(error_record("fn", article_id, text, gold=g)
                     for gi, g in enumerate(gold) if gi not in matched_g)
        found.extend(error_record("fp", article_id, text, pred=p)
                     for pi, p in enumerate(pred) if pi not in matched_p)
        found.sort(key=lambda e: (e["gold"] or e["pred"])["quote_start"])
        errors.extend(found)
    if sources is not None:
        s.sources = score_sources(sources, all_pred)
    return s
