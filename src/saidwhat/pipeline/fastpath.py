"""saidwhat.pipeline.fastpath: drop-in, faster versions of spaCy's attribute ruler and lemmatizer.

In ``en_core_web_sm`` the two rule-based components cost about a fifth of the
pipeline's time (more than the tagger and the parser's transition system
together): the attribute ruler runs a ``Matcher`` of 179 patterns over every token,
the lemmatizer a Python loop over every token. Both only look up tables, so the
same annotations can be made with array operations:

* :class:`ArrayAttributeRuler` evaluates the model's own attribute-ruler patterns
  as numpy masks over ``Doc.to_array`` columns (equality, ``IN``, ``NOT_IN``,
  ``REGEX``, flags; multi-token patterns without operators) and writes the
  attributes back with ``Doc.from_array``, applying the rules in the order
  spaCy's ``AttributeRuler`` does (later rules win). A pattern it cannot compile
  (operators, extensions, ``MORPH`` predicates, ...) sends every Doc through the
  wrapped ``AttributeRuler`` instead.
* :class:`CachedLemmatizer` gives each distinct (``ORTH``, ``POS``, ``MORPH``)
  the lemma the wrapped ``Lemmatizer`` computes for it (once) and writes all
  lemmas with one ``Doc.from_array``. The rule lemmatizer reads nothing else of a
  token (``token.text``, ``pos_`` and, for English, ``morph``), so the lemmas are
  the same as the wrapped component's.

Both wrap the model's loaded component (``inner``), so the tables and patterns
are the model's own and a saved pipeline serialises them the usual way.
:func:`use_fast_components` swaps them into a loaded pipeline under the original
names (``attribute_ruler``, ``lemmatizer``); ``saidwhat.load(fast=False)`` keeps
spaCy's. ``tests/speed`` checks that every annotation (``TAG``, ``POS``,
``MORPH``, ``LEMMA``, ``DEP``) is identical on the evaluation texts.

Reads: ``token.tag``, ``token.dep``, ``token.lower``, lexical flags (ruler);
``token.orth``, ``token.pos``, ``token.morph`` (lemmatizer).
Writes: whatever the model's attribute-ruler patterns assign (``POS``, ``MORPH``,
``LEMMA``, ``TAG``, ``DEP`` in ``en_core_web_sm``); ``token.lemma``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.strings import get_string_id
from spacy.tokens import Doc

#: Token attributes a compiled pattern may test (anything ``Doc.to_array`` reads
#: the way the ``Matcher`` does). ``MORPH`` (normalised feature sets) and
#: ``SENT_START`` (three-valued) are left to the Matcher.
_MATCHABLE = frozenset(["ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LEMMA", "POS",
                        "TAG", "DEP", "ENT_TYPE", "ENT_ID", "ENT_KB_ID", "LENGTH",
                        *(k for k in IDS if k.startswith(("IS_", "LIKE_")))])
#: Attributes a compiled rule may assign: token-level struct attributes that
#: ``set_token_attrs`` would set on the token alone.
_ASSIGNABLE = frozenset(["POS", "TAG", "DEP", "LEMMA", "MORPH", "NORM"])
_STRING_ATTRS = frozenset(["ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LEMMA", "POS", "TAG",
                           "DEP", "ENT_TYPE", "ENT_ID", "ENT_KB_ID"])


class _Unsupported(Exception):
    """A pattern the array matcher does not handle; the wrapped Matcher is used."""


def _attr_name(key: str) -> str:
    name = key.upper()
    if name == "TEXT":
        name = "ORTH"
    if name not in _MATCHABLE:
        raise _Unsupported(key)
    return name


def _compile_token(spec: dict) -> list[tuple[str, str, Any]]:
    """Tests of one token spec: (attribute, op, value) with op '==', 'in', 'not_in', 'regex'."""
    tests = []
    for key, value in spec.items():
        if not isinstance(key, str) or key == "_" or key.upper() == "OP":
            raise _Unsupported(key)
        name = _attr_name(key)
        if isinstance(value, bool):
            tests.append((name, "==", int(value)))
        elif isinstance(value, int):
            tests.append((name, "==", value))
        elif isinstance(value, str):
            if name not in _STRING_ATTRS:
                raise _Unsupported(key)
            tests.append((name, "==", get_string_id(value)))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in ("IN", "NOT_IN") and isinstance(arg, (list, tuple)) \
                    and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in arg):
                ids = np.array([get_string_id(v) for v in arg], dtype=np.uint64)
                tests.append((name, op.lower(), ids))
            elif op == "REGEX" and isinstance(arg, str) and name in _STRING_ATTRS:
                tests.append((name, "regex", re.compile(arg)))
            else:
                raise _Unsupported(op)
        else:
            raise _Unsupported(repr(value))
    return tests


class ArrayAttributeRuler(Pipe):
    """spaCy's ``AttributeRuler``, matched with array operations.

    Args:
        inner: The pipeline's loaded ``AttributeRuler``; its patterns are used and
            it is what gets serialised.
        name: Component name.
    """

    def __init__(self, inner: Pipe, name: str = "attribute_ruler") -> None:
        self.inner = inner
        self.name = name
        self._compiled: tuple | None = None
        self._n_patterns = -1
        self._regex_cache: dict[str, dict[int, bool]] = {}

    # ---- compiling ----------------------------------------------------------------
    def _compile(self) -> tuple | None:
        """(columns read, columns written, rules) or None when a pattern is unsupported.

        A rule is (alternatives, target offsets, {attr: value}); an alternative is
        one compiled token spec per pattern token.
        """
        inner = self.inner
        strings = inner.vocab.strings
        rules = []
        read: dict[str, None] = {}
        written: dict[str, None] = {}
        try:
            for entry in inner.patterns:
                alts = []
                for pattern in entry["patterns"]:
                    if not pattern:
                        raise _Unsupported("empty pattern")
                    toks = [_compile_token(spec) for spec in pattern]
                    for tests in toks:
                        for name, _, _ in tests:
                            read[name] = None
                    index = entry.get("index", 0)
                    target = index if index >= 0 else len(pattern) + index
                    if not 0 <= target < len(pattern):
                        raise _Unsupported("index")   # spaCy raises E1001 at match time
                    alts.append((toks, target))
                assign = {}
                for key, value in entry["attrs"].items():
                    name = key.upper() if isinstance(key, str) else key
                    if name not in _ASSIGNABLE:
                        raise _Unsupported(key)
                    if name == "MORPH":
                        value = inner.vocab.morphology.add(value if isinstance(value, str) else
                                                           strings.as_string(value))
                    elif isinstance(value, str):
                        value = strings.add(value)
                    assign[name] = value
                    written[name] = None
                rules.append((alts, assign))
        except _Unsupported:
            return None
        return list(read), list(written), rules

    def _get_compiled(self) -> tuple | None:
        n = len(self.inner.attrs)
        if self._n_patterns != n:
            self._compiled = self._compile()
            self._n_patterns = n
        return self._compiled

    # ---- matching -----------------------------------------------------------------
    @staticmethod
    def _test(col: np.ndarray, op: str, value: Any, strings, regex_cache: dict) -> np.ndarray:
        if op == "==":
            return col == value
        if op == "in":
            return np.isin(col, value)
        if op == "not_in":
            return ~np.isin(col, value)
        cache = regex_cache.setdefault(value.pattern, {})
        out = np.zeros(len(col), dtype=bool)
        for i, h in enumerate(col.tolist()):
            hit = cache.get(h)
            if hit is None:
                hit = cache[h] = bool(value.search(strings[h]))
            out[i] = hit
        return out

    def __call__(self, doc: Doc) -> Doc:
        compiled = self._get_compiled()
        if compiled is None or len(doc) == 0:
            return self.inner(doc)
        error_handler = self.get_error_handler()
        try:
            read, written, rules = compiled
            n = len(doc)
            cols = doc.to_array([IDS[a] for a in read]) if read else np.zeros((n, 0), dtype=np.uint64)
            if cols.ndim == 1:
                cols = cols.reshape(n, 1)
            by_name = {a: cols[:, k] for k, a in enumerate(read)}
            out = doc.to_array([IDS[a] for a in written])
            if out.ndim == 1:
                out = out.reshape(n, 1)
            out_col = {a: k for k, a in enumerate(written)}
            memo: dict[tuple, np.ndarray] = {}
            regex_cache = self._regex_cache
            if sum(map(len, regex_cache.values())) > 500_000:
                regex_cache.clear()
            strings = doc.vocab.strings
            for alts, assign in rules:
                target = None
                for toks, t_off in alts:
                    L = len(toks)
                    if L > n:
                        continue
                    start = np.ones(n - L + 1, dtype=bool)
                    for j, tests in enumerate(toks):
                        for name, op, value in tests:
                            key = (name, op, value.tobytes() if isinstance(value, np.ndarray) else
                                   (value.pattern if op == "regex" else value))
                            m = memo.get(key)
                            if m is None:
                                m = memo[key] = self._test(by_name[name], op, value, strings, regex_cache)
                            start &= m[j:j + n - L + 1]
                    hit = np.zeros(n, dtype=bool)
                    hit[t_off:t_off + n - L + 1] = start
                    target = hit if target is None else (target | hit)
                if target is None or not target.any():
                    continue
                for name, value in assign.items():
                    out[target, out_col[name]] = value
            if written:
                doc.from_array([IDS[a] for a in written], out)
            return doc
        except Exception as e:  # noqa: BLE001 - routed to spaCy's handler (raise by default)
            return error_handler(self.name, self, [doc], e)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    # ---- everything else is the wrapped component's ---------------------------------
    @property
    def patterns(self):
        return self.inner.patterns

    def add_patterns(self, patterns) -> None:
        self.inner.add_patterns(patterns)

    def initialize(self, get_examples, *, nlp=None, **kwargs):
        return self.inner.initialize(get_examples, nlp=nlp, **kwargs)

    def score(self, examples, **kwargs):
        return self.inner.score(examples, **kwargs)

    def to_bytes(self, *, exclude=tuple()):
        return self.inner.to_bytes(exclude=exclude)

    def from_bytes(self, bytes_data, *, exclude=tuple()):
        self.inner.from_bytes(bytes_data, exclude=exclude)
        self._n_patterns = -1
        return self

    def to_disk(self, path, *, exclude=tuple()):
        return self.inner.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=tuple()):
        self.inner.from_disk(path, exclude=exclude)
        self._n_patterns = -1
        return self


class CachedLemmatizer(Pipe):
    """spaCy's ``Lemmatizer`` with one lemma look-up per distinct (orth, POS, morph).

    Args:
        inner: The pipeline's loaded lemmatizer (tables, mode, ``overwrite``).
        name: Component name.
        max_cache: Entries kept before the cache is cleared (bounds memory on
            long corpus runs; about 100 bytes each).
    """

    #: Modes whose lemma depends only on the token's text, POS and morphology.
    MODES = ("rule", "lookup", "pos_lookup")

    def __init__(self, inner: Pipe, name: str = "lemmatizer", *, max_cache: int = 500_000) -> None:
        self.inner = inner
        self.name = name
        self.max_cache = max_cache
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        inner = self.inner
        if getattr(inner, "mode", None) not in self.MODES or len(doc) == 0:
            return inner(doc)
        if not getattr(inner, "_validated", True):
            return inner(doc)   # the first call checks the tables (and raises E1004 if missing)
        error_handler = self.get_error_handler()
        try:
            arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = arr[:, 3]
            todo = np.arange(len(doc)) if inner.overwrite else np.flatnonzero(lemmas == 0)
            if len(todo):
                cache = self._cache
                if len(cache) > self.max_cache:
                    cache.clear()
                add = doc.vocab.strings.add
                sub = arr[todo, :3].tolist()
                for k, (i, key) in enumerate(zip(todo.tolist(), map(tuple, sub))):
                    h = cache.get(key)
                    if h is None:
                        h = cache[key] = add(inner.lemmatize(doc[i])[0])
                    lemmas[i] = h
                doc.from_array([LEMMA], lemmas)
            return doc
        except Exception as e:  # noqa: BLE001 - routed to spaCy's handler (raise by default)
            return error_handler(self.name, self, [doc], e)

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    @property
    def mode(self) -> str:
        return self.inner.mode

    @property
    def lookups(self):
        return self.inner.lookups

    def initialize(self, get_examples=None, *, nlp=None, **kwargs):
        self._cache.clear()
        return self.inner.initialize(get_examples, nlp=nlp, **kwargs)

    def score(self, examples, **kwargs):
        return self.inner.score(examples, **kwargs)

    def to_bytes(self, *, exclude=tuple()):
        return self.inner.to_bytes(exclude=exclude)

    def from_bytes(self, bytes_data, *, exclude=tuple()):
        self.inner.from_bytes(bytes_data, exclude=exclude)
        self._cache.clear()
        return self

    def to_disk(self, path, *, exclude=tuple()):
        return self.inner.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=tuple()):
        self.inner.from_disk(path, exclude=exclude)
        self._cache.clear()
        return self


@Language.factory(
    "saidwhat_attribute_ruler",
    default_config={"validate": False},
    assigns=[],
)
def make_array_attribute_ruler(nlp: Language, name: str, validate: bool) -> ArrayAttributeRuler:
    """Factory: an :class:`ArrayAttributeRuler` over a new spaCy ``attribute_ruler``."""
    return ArrayAttributeRuler(nlp.create_pipe("attribute_ruler", name=name, config={"validate": validate}),
                               name)


@Language.factory(
    "saidwhat_lemmatizer",
    default_config={"mode": "rule", "overwrite": False},
    assigns=["token.lemma"],
)
def make_cached_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> CachedLemmatizer:
    """Factory: a :class:`CachedLemmatizer` over the language's own ``lemmatizer``."""
    return CachedLemmatizer(nlp.create_pipe("lemmatizer", name=name,
                                            config={"mode": mode, "overwrite": overwrite}), name)


def use_fast_components(nlp: Language) -> Language:
    """Swap :class:`ArrayAttributeRuler` / :class:`CachedLemmatizer` in for the
    pipeline's ``attribute_ruler`` / ``lemmatizer`` (same names, same positions),
    reusing the loaded components' patterns and tables. Components of other
    factories (e.g. a trainable lemmatizer) are left alone.

    Args:
        nlp: A loaded pipeline; changed in place.

    Returns:
        ``nlp``.
    """
    swaps = (("attribute_ruler", "saidwhat_attribute_ruler", lambda old: {"validate": bool(old.validate)}),
             ("lemmatizer", "saidwhat_lemmatizer",
              lambda old: {"mode": old.mode, "overwrite": bool(old.overwrite)}))
    for name, factory, config in swaps:
        if name not in nlp.pipe_names or nlp.get_pipe_meta(name).factory != name:
            continue
        old = nlp.get_pipe(name)
        new = nlp.replace_pipe(name, factory, config=config(old))
        new.inner = old
        if isinstance(new, ArrayAttributeRuler):
            new._n_patterns = -1
    return nlp
