"""The fast path (saidwhat.pipeline.fastpath) gives exactly spaCy's annotations and quotes.

Correctness only: nothing here is timed (throughput is measured by
``benchmarks/throughput.py``).
"""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, NORM, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

import saidwhat
from saidwhat.pipeline.fastpath import ArrayAttributeRuler, CachedLemmatizer, use_fast_components

ROOT = Path(__file__).resolve().parents[2]
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, NORM]


# ---- the attribute ruler on hand-built Docs (no model) ---------------------------------------
def _doc(nlp, words, tags, deps=None, spaces=None):
    heads = list(range(len(words))) if deps else None
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, deps=deps, heads=heads)


PATTERNS = [
    # mask and word rules before the tag map: the tag map (a later rule) wins for POS only
    {"patterns": [[{"TAG": "NN", "DEP": "nsubjpass"}]], "attrs": {"POS": "X", "LEMMA": "early"}},
    {"patterns": [[{"LOWER": "report", "TAG": "NN"}]], "attrs": {"POS": "PROPN", "LEMMA": "early"}},
    # the tag map: one test of one attribute
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBZ"]}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"TAG": "_SP"}]], "attrs": {"POS": "SPACE", "MORPH": "_"}},
    # word rules: a later rule overrides an earlier one for the same attribute only
    {"patterns": [[{"TAG": "NN", "LOWER": "something"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"IN": ["said", "says"]}, "TAG": {"NOT_IN": ["NN"]}}]],
     "attrs": {"LEMMA": "say"}},
    {"patterns": [[{"LOWER": "it", "DEP": {"IN": ["nsubj", "dobj"]}}]], "attrs": {"MORPH": "Case=Nom"}},
    {"patterns": [[{"LOWER": {"REGEX": "^wh"}, "TAG": "WP"}]], "attrs": {"POS": "PRON"}},
    # several tokens, target by positive and negative index, two alternatives
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}, "index": 0},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}],
                  [{"LOWER": "there"}, {"LOWER": "'s"}]], "attrs": {"POS": "VERB"}, "index": 1},
    # no word test: masks
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]],
     "attrs": {"POS": "AUX"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    # overrides the tag map for one word, after it
    {"patterns": [[{"TAG": "NN", "LOWER": "report"}]], "attrs": {"MORPH": "Number=Sing|Foo=Bar"}},
]

DOCS = [
    (["Something", "was", "said", "about", "it", "."], ["NN", "VBD", "VBN", "IN", "PRP", "."],
     ["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"]),
    (["It", "says", "the", "report", "is", "gonna", "na", "fail"], ["PRP", "VBZ", "DT", "NN", "VBZ", "VBG",
                                                                    "TO", "VB"],
     ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "aux", "xcomp"]),
    (["There", "is", "nothin'", "gon", "na", "stop", "what", "it", "says"],
     ["EX", "VBZ", "NN", "VBG", "TO", "VB", "WP", "PRP", "VBZ"],
     ["expl", "ROOT", "attr", "aux", "aux", "relcl", "dobj", "nsubj", "ccomp"]),
    (["Who", "said", "\n\n", "it", "?"], ["WP", "VBD", "_SP", "PRP", "."], ["nsubj", "ROOT", "dep", "dobj", "punct"]),
    (["gon"], ["VBG"], ["ROOT"]),
    (["na", "gon"], ["TO", "VBG"], ["ROOT", "dep"]),
]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _rulers(nlp, patterns):
    ref = AttributeRuler(nlp.vocab)
    ref.add_patterns(patterns)
    inner = AttributeRuler(nlp.vocab)
    inner.add_patterns(patterns)
    return ref, ArrayAttributeRuler(inner)


@pytest.mark.parametrize("i", range(len(DOCS)))
@pytest.mark.parametrize("with_deps", [True, False])
def test_speed_attribute_ruler_same_as_spacy(blank, i, with_deps):
    ref, fast = _rulers(blank, PATTERNS)
    words, tags, deps = DOCS[i]
    d1 = ref(_doc(blank, words, tags, deps if with_deps else None))
    d2 = fast(_doc(blank, words, tags, deps if with_deps else None))
    assert fast._get_compiled() is not None   # handled by the array path, not the fallback
    assert np.array_equal(d1.to_array(ATTRS), d2.to_array(ATTRS))
    assert [str(t.morph) for t in d1] == [str(t.morph) for t in d2]


def test_speed_attribute_ruler_unsupported_pattern_falls_back(blank):
    patterns = PATTERNS + [{"patterns": [[{"LOWER": "gon", "OP": "+"}]], "attrs": {"LEMMA": "go"}}]
    ref, fast = _rulers(blank, patterns)
    assert fast._get_compiled() is None
    for words, tags, deps in DOCS:
        d1, d2 = ref(_doc(blank, words, tags, deps)), fast(_doc(blank, words, tags, deps))
        assert np.array_equal(d1.to_array(ATTRS), d2.to_array(ATTRS))


def test_speed_attribute_ruler_sees_patterns_added_later(blank):
    ref, fast = _rulers(blank, PATTERNS[:3])
    words, tags, deps = DOCS[0]
    fast(_doc(blank, words, tags, deps))
    extra = [{"patterns": [[{"LOWER": "about"}]], "attrs": {"LEMMA": "ABOUT"}}]
    ref.add_patterns(extra)
    fast.add_patterns(extra)
    d1, d2 = ref(_doc(blank, words, tags, deps)), fast(_doc(blank, words, tags, deps))
    assert d2[3].lemma_ == "ABOUT"
    assert np.array_equal(d1.to_array(ATTRS), d2.to_array(ATTRS))


def test_speed_attribute_ruler_empty_doc(blank):
    _, fast = _rulers(blank, PATTERNS)
    assert len(fast(Doc(blank.vocab, words=[]))) == 0


# ---- the model: annotations and quotes ---------------------------------------------------------
def _texts(shared: Path | None, n: int = 20) -> list[str]:
    texts = [(ROOT / "examples" / "river-port.txt").read_text(encoding="utf-8")]
    if shared is not None:
        for name in ("eval/ggt_english/dev.jsonl", "eval/polnear/gold_dev.jsonl"):
            path = shared / name
            if path.exists():
                with open(path, encoding="utf-8") as fh:
                    texts += [json.loads(line)["text"] for _, line in zip(range(n), fh)]
    texts += ["", "\n\n", "“", "Gon na say it: y'all ain't seen nothin' yet, she said."]
    return texts


@pytest.fixture(scope="module")
def texts():
    shared = ROOT.parent / "shared"
    return _texts(shared if shared.is_dir() else None)


@pytest.fixture(scope="module")
def spacy_nlp():
    return saidwhat.load(fast=False)


@pytest.mark.slow
def test_speed_load_swaps_components(nlp, spacy_nlp):
    assert list(nlp.pipe_names) == list(spacy_nlp.pipe_names)
    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    assert nlp.get_pipe_meta("lemmatizer").factory == "saidwhat_lemmatizer"
    assert spacy_nlp.get_pipe_meta("lemmatizer").factory == "lemmatizer"
    assert type(spacy_nlp.get_pipe("attribute_ruler")) is AttributeRuler


@pytest.mark.slow
def test_speed_same_annotations_as_spacy(nlp, spacy_nlp, texts):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fast_docs = list(nlp.pipe(texts))
        ref_docs = list(spacy_nlp.pipe(texts))
    for d1, d2 in zip(ref_docs, fast_docs):
        assert d1.text == d2.text
        assert np.array_equal(d1.to_array(ATTRS), d2.to_array(ATTRS)), d1.text[:80]
        assert [t.lemma_ for t in d1] == [t.lemma_ for t in d2]
        assert [str(t.morph) for t in d1] == [str(t.morph) for t in d2]
        assert [(e.start, e.end, e.label_) for e in d1.ents] == [(e.start, e.end, e.label_) for e in d2.ents]


@pytest.mark.slow
def test_speed_same_quotes_as_spacy(nlp, spacy_nlp, texts):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fast = list(saidwhat.extract_many(texts, nlp=nlp))
        ref = list(saidwhat.extract_many(texts, nlp=spacy_nlp))
    assert fast == ref
    assert sum(map(len, fast)) > 10


@pytest.mark.slow
def test_speed_lemmatizer_cache_limit(texts):
    nlp = spacy.load(saidwhat.api._default_model_name())
    ref = [[t.lemma_ for t in d] for d in nlp.pipe(texts[:3])]
    use_fast_components(nlp)
    lem = nlp.get_pipe("lemmatizer")
    lem.max_cache = 10   # cleared again and again, same lemmas
    assert [[t.lemma_ for t in d] for d in nlp.pipe(texts[:3])] == ref
    assert len(lem._cache) < 1000


@pytest.mark.slow
def test_speed_saved_pipeline_round_trip(nlp, tmp_path, texts):
    nlp.to_disk(tmp_path / "p")
    again = spacy.load(tmp_path / "p")
    assert again.get_pipe_meta("attribute_ruler").factory == "saidwhat_attribute_ruler"
    assert len(again.get_pipe("attribute_ruler").patterns) == len(nlp.get_pipe("attribute_ruler").patterns)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for d1, d2 in zip(nlp.pipe(texts[:3]), again.pipe(texts[:3])):
            assert np.array_equal(d1.to_array(ATTRS), d2.to_array(ATTRS))
            assert d1._.quotes == d2._.quotes


# ---- Docs with quotes travel between processes ------------------------------------------------
@pytest.mark.slow
def test_speed_doc_with_quotes_serialises(nlp):
    from spacy.tokens import DocBin

    doc = nlp((ROOT / "examples" / "river-port.txt").read_text(encoding="utf-8"))
    assert doc._.quotes
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.quotes == doc._.quotes
    bin_ = DocBin(store_user_data=True, docs=[doc])
    (back,) = DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)
    assert list(back._.quotes) == doc._.quotes


@pytest.mark.slow
def test_speed_extract_many_n_process(nlp):
    text = (ROOT / "examples" / "river-port.txt").read_text(encoding="utf-8")
    texts = [text, "No quotes here.", text.replace("Brandt", "Keller")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        one = list(saidwhat.extract_many(texts, nlp=nlp))
        two = list(saidwhat.extract_many(texts, nlp=nlp, n_process=2, batch_size=1))
    assert two == one
    assert one[0] and not one[1]


def test_speed_batches_bound_articles_and_characters():
    from saidwhat.api import _batches

    texts = ["a" * 30_000] * 5 + ["b" * 10] * 40 + ["c" * 100_000, "d"]
    batches = list(_batches(iter(texts), 16, 80_000))
    assert [len(b) for b in batches] == [2, 2, 16, 16, 9, 1, 1]
    assert [t for b in batches for t in b] == texts
    assert all(len(b) <= 16 and (len(b) == 1 or sum(map(len, b)) <= 80_000) for b in batches)
    assert list(_batches([], 16, 80_000)) == []
