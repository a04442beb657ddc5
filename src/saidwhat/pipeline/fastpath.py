"""saidwhat.pipeline.fastpath: faster stand-ins for spaCy's attribute ruler and lemmatizer.

In ``en_core_web_sm`` these two rule-based components cost about a fifth of the
pipeline's time, more than the tagger and the parser's transition system
together: the attribute ruler runs a ``Matcher`` of 179 patterns over every
token, and the rule lemmatizer tests ``form in index`` on the *list* of several
thousand words of a POS for each new word form. Both only look things up in the
model's tables, so the same annotations can be made far more cheaply:

* :class:`ArrayAttributeRuler` applies the model's own attribute-ruler patterns
  with tables, per-word caches and numpy masks over ``Doc.to_array`` columns, and
  writes the attributes back with one ``Doc.from_array``, with spaCy's precedence
  (later rules win). A pattern it cannot compile (operators, extensions,
  ``MORPH`` or ``IS_SENT_START`` tests, ...) sends every Doc through the wrapped
  ``AttributeRuler`` instead.
* :class:`CachedLemmatizer` computes the lemma of each distinct (``ORTH``,
  ``POS``, ``MORPH``) once, the way the wrapped lemmatizer does, and writes all
  lemmas with one ``Doc.from_array``. The rule lemmatizer reads nothing else of a
  token (its text, ``pos_`` and, for English, ``morph``).

Both wrap the model's loaded component (``inner``): the patterns and tables are
the model's own, and a saved pipeline serialises them the usual way.
:func:`use_fast_components` swaps them into a loaded pipeline under the original
names (``attribute_ruler``, ``lemmatizer``); ``saidwhat.load()`` does so unless
``fast=False``. The annotations are identical to spaCy's: ``tests/speed`` compares
``TAG``, ``POS``, ``MORPH``, ``LEMMA``, ``DEP`` token by token, and ``TAG``,
``POS``, ``MORPH``, ``LEMMA``, ``DEP``, ``HEAD``, entities and sentence starts
were identical on all 1,134 texts of the polnear train/dev, ggt_english dev and
german_wikinews dev sets (940,000 tokens).

Reads: the attributes the model's patterns test (``TAG``, ``LOWER``, ``DEP``,
``IS_SPACE`` in ``en_core_web_sm``); ``token.orth``, ``token.pos``, ``token.morph``.
Writes: what the patterns assign (``POS``, ``MORPH``, ``LEMMA``, ``TAG``, ``DEP``
in ``en_core_web_sm``); ``token.lemma``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
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


#: Attributes that identify a word: a rule testing one of them for equality (or
#: membership) applies to few tokens, which are then tested one by one.
_LEXICAL = ("LOWER", "ORTH", "NORM")


class ArrayAttributeRuler(Pipe):
    """spaCy's ``AttributeRuler`` without the per-token Matcher.

    The model's rules are sorted into three kinds, each applied to the whole Doc
    at once:

    * one test of one attribute (``{"TAG": "NN"}``, the tag map): a table from
      the attribute's value to the rule's effect, looked up once per distinct
      value in the Doc;
    * one token, with a word test (``{"TAG": "PRP", "LOWER": "he"}``): only the
      tokens whose ``LOWER``/``ORTH``/``NORM`` is one of those words are tested,
      and the effect of each distinct combination of the tested attributes is
      cached;
    * the rest (``{"DEP": "mark", "TAG": "IN"}``, patterns of several tokens):
      numpy masks over ``Doc.to_array`` columns.

    Where several rules set the same attribute of a token the later rule wins, as
    in spaCy; every kind keeps the number of the rule that set each value.

    Args:
        inner: The pipeline's loaded ``AttributeRuler``; its patterns are used and
            it is what gets serialised.
        name: Component name.
        max_cache: Cached word combinations kept before the cache is cleared.
    """

    def __init__(self, inner: Pipe, name: str = "attribute_ruler", *, max_cache: int = 200_000) -> None:
        self.name = name
        self.max_cache = max_cache
        self._effects: dict[tuple, tuple] = {}
        self._regex: dict[str, dict[int, bool]] = {}
        self.inner = inner

    @property
    def inner(self) -> Pipe:
        """The wrapped ``AttributeRuler``."""
        return self._inner

    @inner.setter
    def inner(self, value: Pipe) -> None:
        self._inner = value
        self._reset()

    def _reset(self) -> None:
        self._compiled = None
        self._n_patterns: tuple[int, int] | None = None
        self._effects.clear()
        self._regex.clear()

    # ---- compiling ----------------------------------------------------------------
    def _parse(self) -> list[tuple[list, dict]] | None:
        """Each rule as (alternatives, {attr: value id}); an alternative is (tests of
        each pattern token, target offset). None if a pattern is unsupported."""
        inner = self.inner
        strings = inner.vocab.strings
        parsed = []
        try:
            for entry in inner.patterns:
                alts = []
                for pattern in entry["patterns"]:
                    if not pattern:
                        raise _Unsupported("empty pattern")
                    toks = [_compile_token(spec) for spec in pattern]
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
                parsed.append((alts, assign))
        except _Unsupported:
            return None
        return parsed

    def _compile(self) -> dict | None:
        parsed = self._parse()
        if parsed is None:
            return None
        written = list(dict.fromkeys(a for _, assign in parsed for a in assign))
        wcol = {a: k for k, a in enumerate(written)}
        tables: dict[str, dict[int, dict[int, tuple[int, int]]]] = {}
        lex_rules, masks, word_rules = [], [], []
        word_anchors: dict[str, set[int]] = {}
        lex_read: dict[str, None] = {}
        anchor_values: dict[str, set[int]] = {}
        for r, (alts, assign) in enumerate(parsed):
            cols = [(wcol[a], v) for a, v in assign.items()]
            single = all(len(toks) == 1 for toks, _ in alts)
            tests = [toks[0] for toks, _ in alts] if single else None
            if single and all(len(t) == 1 and t[0][1] in ("==", "in") for t in tests):
                for (name, op, value), in tests:
                    table = tables.setdefault(name, {})
                    for v in (value.tolist() if op == "in" else (value,)):
                        eff = table.setdefault(v, {})
                        for col, x in cols:
                            eff[col] = (r, x)   # a later rule overwrites
                continue
            anchors = [next(((n, op, v) for n, op, v in t if n in _LEXICAL and op in ("==", "in")), None)
                       for t in tests] if single else [None]
            if all(a is not None for a in anchors):
                for t in tests:
                    for n, _, _ in t:
                        lex_read[n] = None
                for n, op, v in anchors:
                    anchor_values.setdefault(n, set()).update(v.tolist() if op == "in" else (v,))
                lex_rules.append((r, tests, cols))
            else:
                # several tokens, or tests the tables cannot hold: a word test on one
                # token of every alternative lets the rule be tried only where the word is
                anchored = []
                for toks, t_off in alts:
                    a = next(((j, n, op, v) for j, t in enumerate(toks) for n, op, v in t
                              if n in _LEXICAL and op in ("==", "in")), None)
                    if a is None:
                        anchored = None
                        break
                    j, n, op, v = a
                    py_toks = [[(n2, op2, frozenset(v2.tolist()) if op2 in ("in", "not_in") else v2)
                                for n2, op2, v2 in t] for t in toks]
                    anchored.append((j, n, frozenset(v.tolist()) if op == "in" else frozenset((v,)),
                                     py_toks, t_off))
                    word_anchors.setdefault(n, set()).update(v.tolist() if op == "in" else (v,))
                if anchored is None:
                    masks.append((r, alts, cols))
                else:
                    word_rules.append((r, anchored, cols))
        read = list(lex_read)
        pos = {a: k for k, a in enumerate(read)}
        py_rules = []
        for r, tests, cols in lex_rules:
            py_alts = [[(pos[n], op, frozenset(v.tolist()) if op in ("in", "not_in") else v)
                        for n, op, v in t] for t in tests]
            py_rules.append((r, py_alts, cols))
        return {
            "written": written,
            "tables": {n: {v: tuple(eff.get(c, (-1, 0)) for c in range(len(written)))
                           for v, eff in t.items()} for n, t in tables.items()},
            "lex_read": read, "lex_rules": py_rules,
            "anchors": {n: np.array(sorted(v), dtype=np.uint64) for n, v in anchor_values.items()},
            "masks": masks, "word_rules": word_rules,
            "word_anchors": {n: np.array(sorted(v), dtype=np.uint64) for n, v in word_anchors.items()},
        }

    def _get_compiled(self) -> dict | None:
        attrs = self.inner.attrs   # patterns are only ever added, or all cleared (a new list)
        n = (id(attrs), len(attrs))
        if self._n_patterns != n:
            self._reset()
            self._compiled = self._compile()
            self._n_patterns = n
        return self._compiled

    # ---- matching -----------------------------------------------------------------
    @staticmethod
    def _passes(tests, key, strings) -> bool:
        for p, op, value in tests:
            x = key[p]
            if op == "==":
                if x != value:
                    return False
            elif op == "in":
                if x not in value:
                    return False
            elif op == "not_in":
                if x in value:
                    return False
            elif not value.search(strings[x]):
                return False
        return True

    def _token_passes(self, tests, i: int, column, strings) -> bool:
        for name, op, value in tests:
            x = int(column(name)[i])
            if op == "==":
                if x != value:
                    return False
            elif op == "in":
                if x not in value:
                    return False
            elif op == "not_in":
                if x in value:
                    return False
            elif not value.search(strings[x]):
                return False
        return True

    def _effect(self, key: tuple, rules: list, w: int, strings) -> tuple:
        """Per written attribute, (rule number, value) of the last word rule that
        matches a token with these attribute values, or (-1, 0)."""
        out = [(-1, 0)] * w
        for r, alts, cols in rules:
            if any(self._passes(tests, key, strings) for tests in alts):
                for col, value in cols:
                    out[col] = (r, value)
        return tuple(out)

    def _mask(self, col: np.ndarray, op: str, value: Any, strings) -> np.ndarray:
        if op == "==":
            return col == value
        if op == "in":
            return np.isin(col, value)
        if op == "not_in":
            return ~np.isin(col, value)
        cache = self._regex.setdefault(value.pattern, {})   # regex: once per distinct string
        if len(cache) > self.max_cache:
            cache.clear()
        uniq, inv = np.unique(col, return_inverse=True)
        hits = []
        for h in uniq.tolist():
            hit = cache.get(h)
            if hit is None:
                hit = cache[h] = bool(value.search(strings[h]))
            hits.append(hit)
        return np.array(hits, dtype=bool)[inv.reshape(len(col))]

    def _annotate(self, doc: Doc, c: dict) -> None:
        written = c["written"]
        n, w = len(doc), len(written)
        strings = doc.vocab.strings
        cols: dict[str, np.ndarray] = {}

        def column(name: str) -> np.ndarray:
            if name not in cols:
                cols[name] = doc.to_array(IDS[name]).reshape(n)
            return cols[name]

        rule = np.full((n, w), -1, dtype=np.int64)
        value = np.zeros((n, w), dtype=np.uint64)

        def merge(idx, r_new: np.ndarray, v_new: np.ndarray) -> None:
            upd = r_new > rule[idx]
            if idx is None:
                rule[upd], value[upd] = r_new[upd], v_new[upd]
            else:
                sub_r, sub_v = rule[idx], value[idx]
                sub_r[upd], sub_v[upd] = r_new[upd], v_new[upd]
                rule[idx], value[idx] = sub_r, sub_v

        # 1. one test of one attribute: a table per attribute
        none = ((-1, 0),) * w
        for name, table in c["tables"].items():
            uniq, inv = np.unique(column(name), return_inverse=True)
            effs = [table.get(u, none) for u in uniq.tolist()]
            r_u = np.array([[e[0] for e in eff] for eff in effs], dtype=np.int64).reshape(len(uniq), w)
            v_u = np.array([[e[1] for e in eff] for eff in effs], dtype=np.uint64).reshape(len(uniq), w)
            merge(slice(None), r_u[inv.reshape(n)], v_u[inv.reshape(n)])
        # 2. word rules: the tokens that are one of their words
        if c["lex_rules"]:
            cand = np.zeros(n, dtype=bool)
            for name, values in c["anchors"].items():
                cand |= np.isin(column(name), values)
            idx = np.flatnonzero(cand)
            if len(idx):
                read = c["lex_read"]
                keys = np.stack([column(a)[idx] for a in read], axis=1).tolist()
                effects = self._effects
                if len(effects) > self.max_cache:
                    effects.clear()
                rules = c["lex_rules"]
                effs = []
                for key in map(tuple, keys):
                    e = effects.get(key)
                    if e is None:
                        e = effects[key] = self._effect(key, rules, w, strings)
                    effs.append(e)
                r_c = np.array([[e[0] for e in eff] for eff in effs], dtype=np.int64).reshape(len(idx), w)
                v_c = np.array([[e[1] for e in eff] for eff in effs], dtype=np.uint64).reshape(len(idx), w)
                merge(idx, r_c, v_c)
        # 3. rules of several tokens with a word test: tried where the word is
        if c["word_rules"]:
            where = {name: np.flatnonzero(np.isin(column(name), values)).tolist()
                     for name, values in c["word_anchors"].items()}
            if any(where.values()):
                for r, anchored, assign_cols in c["word_rules"]:
                    hit = np.zeros(n, dtype=bool)
                    for j, name, words, toks, t_off in anchored:
                        col = column(name)
                        for p in where[name]:
                            start = p - j
                            if int(col[p]) in words and start >= 0 and start + len(toks) <= n and all(
                                    self._token_passes(tests, start + k, column, strings)
                                    for k, tests in enumerate(toks)):
                                hit[start + t_off] = True
                    if hit.any():
                        for col_k, v in assign_cols:
                            upd = hit & (rule[:, col_k] < r)
                            rule[upd, col_k] = r
                            value[upd, col_k] = v
        # 4. the rest: masks
        for r, alts, assign_cols in c["masks"]:
            hit = np.zeros(n, dtype=bool)
            for toks, t_off in alts:
                L = len(toks)
                if L > n:
                    continue
                start = np.ones(n - L + 1, dtype=bool)
                for j, tests in enumerate(toks):
                    for name, op, v in tests:
                        start &= self._mask(column(name), op, v, strings)[j:j + n - L + 1]
                hit[t_off:t_off + n - L + 1] |= start
            if not hit.any():
                continue
            for col, v in assign_cols:
                upd = hit & (rule[:, col] < r)
                rule[upd, col] = r
                value[upd, col] = v
        ids = [IDS[a] for a in written]
        out = doc.to_array(ids).reshape(n, w)
        np.copyto(out, value, where=rule >= 0)
        doc.from_array(ids, out)

    def __call__(self, doc: Doc) -> Doc:
        compiled = self._get_compiled()
        if compiled is None or len(doc) == 0:
            return self.inner(doc)
        if not compiled["written"]:
            return doc
        error_handler = self.get_error_handler()
        try:
            self._annotate(doc, compiled)
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
        self._reset()

    def initialize(self, get_examples=None, *, nlp=None, **kwargs):
        out = self.inner.initialize(get_examples, nlp=nlp, **kwargs)
        self._reset()
        return out

    def score(self, examples, **kwargs):
        return self.inner.score(examples, **kwargs)

    def to_bytes(self, *, exclude=tuple()):
        return self.inner.to_bytes(exclude=exclude)

    def from_bytes(self, bytes_data, *, exclude=tuple()):
        self.inner.from_bytes(bytes_data, exclude=exclude)
        self._reset()
        return self

    def to_disk(self, path, *, exclude=tuple()):
        return self.inner.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=tuple()):
        self.inner.from_disk(path, exclude=exclude)
        self._reset()
        return self


class CachedLemmatizer(Pipe):
    """spaCy's ``Lemmatizer`` with one lemma look-up per distinct (orth, POS, morph).

    In ``rule`` mode the look-up itself is faster too: spaCy tests ``form in
    index`` on the index *list* of each POS (thousands of words, about 0.2 ms per
    new word form); here the index is a set. The steps are otherwise those of
    ``Lemmatizer.rule_lemmatize`` (and the language's ``is_base_form``); a
    language whose lemmatizer overrides ``rule_lemmatize`` keeps its own.

    Args:
        inner: The pipeline's loaded lemmatizer (tables, mode, ``overwrite``).
        name: Component name.
        max_cache: Entries kept before the cache is cleared (bounds memory on
            long corpus runs; about 100 bytes each).
    """

    #: Modes whose lemma depends only on the token's text, POS and morphology.
    MODES = ("rule", "lookup", "pos_lookup")

    def __init__(self, inner: Pipe, name: str = "lemmatizer", *, max_cache: int = 500_000) -> None:
        self.name = name
        self.max_cache = max_cache
        self._cache: dict[tuple[int, int, int], int] = {}
        self._pos_tables: dict[str, tuple | None] = {}
        self.inner = inner

    @property
    def inner(self) -> Pipe:
        """The wrapped lemmatizer."""
        return self._inner

    @inner.setter
    def inner(self, value: Pipe) -> None:
        self._inner = value
        self._reset()

    def _reset(self) -> None:
        self._cache.clear()
        self._pos_tables.clear()

    def _tables(self, univ_pos: str) -> tuple | None:
        """(index set, exceptions, rules) of a POS, or None when it has no tables."""
        if univ_pos not in self._pos_tables:
            lookups = self.inner.lookups
            index = lookups.get_table("lemma_index", {}).get(univ_pos)
            exc = lookups.get_table("lemma_exc", {}).get(univ_pos)
            rules = lookups.get_table("lemma_rules", {}).get(univ_pos)
            self._pos_tables[univ_pos] = (frozenset(index or ()), exc or {}, rules or []) \
                if any((index, exc, rules)) else None
        return self._pos_tables[univ_pos]

    def _rule_lemma(self, token) -> str:
        """``Lemmatizer.rule_lemmatize(token)[0]``, with set look-ups."""
        inner = self.inner
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return inner.rule_lemmatize(token)[0]   # spaCy's path, with its W108 warning
        if inner.is_base_form(token):
            return string.lower()
        tables = self._tables(univ_pos)
        if tables is None:
            return string if univ_pos == "propn" else string.lower()
        index, exceptions, rules = tables
        orig = string
        string = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index or not form.isalpha():
                    if form in index:
                        forms.insert(0, form)
                    else:
                        forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        return forms[0]

    def _lemma_fn(self):
        inner = self.inner
        from spacy.pipeline import Lemmatizer
        if inner.mode == "rule" and isinstance(inner, Lemmatizer) \
                and type(inner).rule_lemmatize is Lemmatizer.rule_lemmatize:
            return self._rule_lemma
        return lambda token: inner.lemmatize(token)[0]

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
                lemma_fn = None
                for i, key in zip(todo.tolist(), map(tuple, arr[todo, :3].tolist())):
                    h = cache.get(key)
                    if h is None:
                        lemma_fn = lemma_fn or self._lemma_fn()
                        h = cache[key] = add(lemma_fn(doc[i]))
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
        self._reset()
        return self.inner.initialize(get_examples, nlp=nlp, **kwargs)

    def score(self, examples, **kwargs):
        return self.inner.score(examples, **kwargs)

    def to_bytes(self, *, exclude=tuple()):
        return self.inner.to_bytes(exclude=exclude)

    def from_bytes(self, bytes_data, *, exclude=tuple()):
        self.inner.from_bytes(bytes_data, exclude=exclude)
        self._reset()
        return self

    def to_disk(self, path, *, exclude=tuple()):
        return self.inner.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=tuple()):
        self.inner.from_disk(path, exclude=exclude)
        self._reset()
        return self


@Language.factory(
    "saidwhat_attribute_ruler",
    default_config={"validate": False, "max_cache": 200_000},
)
def make_array_attribute_ruler(nlp: Language, name: str, validate: bool, max_cache: int) -> ArrayAttributeRuler:
    """Factory: an :class:`ArrayAttributeRuler` over a new spaCy ``attribute_ruler``
    (whose patterns come from the model's files, or from :func:`use_fast_components`)."""
    inner = nlp.create_pipe("attribute_ruler", name=name, config={"validate": validate})
    return ArrayAttributeRuler(inner, name, max_cache=max_cache)


@Language.factory(
    "saidwhat_lemmatizer",
    default_config={"mode": "rule", "overwrite": False, "max_cache": 500_000},
    assigns=["token.lemma"],
)
def make_cached_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool,
                           max_cache: int) -> CachedLemmatizer:
    """Factory: a :class:`CachedLemmatizer` over the language's own ``lemmatizer``
    (whose tables come from the model's files, or from :func:`use_fast_components`)."""
    inner = nlp.create_pipe("lemmatizer", name=name, config={"mode": mode, "overwrite": overwrite})
    return CachedLemmatizer(inner, name, max_cache=max_cache)


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
    return nlp
