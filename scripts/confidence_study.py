"""Is the antecedent model's probability a better confidence than the rules' for
pronoun-resolved quotation records? A study on GGT English dev.

For every predicted quotation whose ``speaker_mention`` is a third-person pronoun
(``antecedents.PRONOUN_CLASS``: he/him/his, she/her, it/its, they/them/their, ...) and
that matches a gold quotation (``saidwhat.evaluate``'s one-to-one ``match_overlap``),
records

* ``rules``: the record's ``confidence`` (what the resolver gives today);
* ``model``: the antecedent model's probability for the entity the record names: the
  article's entities built afresh as the runtime does (``ArticleEntities(DocContext(doc))``
  on the Doc ``nlp(text)`` gave), ``views_from_entities(doc, index, before_char=<mention
  start>)``, narrowed to the model's candidates (``antecedents.candidates``: named within
  ten sentences before the pronoun, as in training and in ``choose``), ranked with
  ``antecedents.rank`` with the anaphor = the pronoun's token span; the probability of
  the view whose entity name equals the record's ``speaker`` (0 when no candidate has
  that name, or the record has no speaker);

and whether the speaker is right (``speaker_correct``, the lenient measure of
``saidwhat evaluate``; the strict one, ``speaker_correct_strict``, is also reported).
Prints, for each score, the ROC AUC for predicting "speaker right" (ties count one
half) and the precision at 50/80/100% coverage (the records with the highest scores;
ties at the cut are split at random in expectation, i.e. the tied group contributes
its own precision pro rata).

Usage::

    PYTHONPATH=src .venv/bin/python scripts/confidence_study.py \\
        [--gold /work/shared/eval/ggt_english/dev.jsonl] [--model NAME] [--records out.jsonl]
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import warnings
from collections import Counter
from pathlib import Path

import saidwhat
from saidwhat.evaluate import read_gold, speaker_correct_strict
from saidwhat.evaluate.scorer import match_overlap, speaker_correct
from saidwhat.pipeline import antecedents as A
from saidwhat.pipeline.context import DocContext
from saidwhat.pipeline.entities import ArticleEntities

COVERAGES = (0.5, 0.8, 1.0)
BOOTSTRAP = 2000   # paired resamples of the records for the AUC intervals
SEED = 0
SCORES = {
    "rules": "rules: record confidence",
    "model": "model: probability of the chosen entity",
    "model_or_rules": "(extra) model, or the record confidence when the speaker is no candidate",
}


def auc(scores: list[float], labels: list[int]) -> float:
    """ROC AUC (Mann-Whitney): the chance that a right record scores above a wrong one,
    ties counting one half; nan when one class is empty."""
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    if not pos or not neg:
        return float("nan")
    # rank-based, average ranks for ties
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    r_pos = sum(r for r, y in zip(ranks, labels) if y)
    return (r_pos - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def bootstrap(rows: list[dict], target: str, a: str, b: str) -> tuple[tuple, tuple, tuple]:
    """95% percentile intervals of AUC(a), AUC(b) and AUC(b) - AUC(a) over paired
    bootstrap resamples of the records (seeded; resamples with one class only skipped)."""
    import random
    rng = random.Random(SEED)
    da, db, dd = [], [], []
    for _ in range(BOOTSTRAP):
        sample = [rows[rng.randrange(len(rows))] for _ in rows]
        labels = [r[target] for r in sample]
        if 0 < sum(labels) < len(labels):
            x, y = auc([r[a] for r in sample], labels), auc([r[b] for r in sample], labels)
            da.append(x)
            db.append(y)
            dd.append(y - x)

    def ci(v):
        v = sorted(v)
        return v[int(0.025 * len(v))], v[int(0.975 * len(v)) - 1]
    return ci(da), ci(db), ci(dd)


def precision_at(scores: list[float], labels: list[int], coverage: float) -> tuple[int, float, float]:
    """(records kept, expected precision, lowest score kept) when keeping the
    ``ceil(coverage * n)`` highest-scored records; a group tied at the cut counts with
    its own precision for the share of it kept (random tie-breaking, in expectation)."""
    n = len(scores)
    take = math.ceil(coverage * n - 1e-9)
    if take == 0:
        return 0, float("nan"), float("nan")
    cut = sorted(scores, reverse=True)[take - 1]
    above = [y for s, y in zip(scores, labels) if s > cut]
    tied = [y for s, y in zip(scores, labels) if s == cut]
    k = take - len(above)
    right = sum(above) + k * sum(tied) / len(tied)
    return take, right / take, cut


def study(gold_path: Path, model: str | None):
    warnings.simplefilter("ignore")
    nlp = saidwhat.load(model)
    rows, skipped = [], Counter()
    for art in read_gold(gold_path):
        doc = nlp(art.text)
        preds = [q.to_dict() for q in doc._.quotes]
        pairs = match_overlap([(g["quote_start"], g["quote_end"]) for g in art.quotes],
                              [(p["quote_start"], p["quote_end"]) for p in preds])
        index = info = None
        for gi, pi in pairs:
            g, p = art.quotes[gi], preds[pi]
            mention = (p.get("speaker_mention") or "").strip()
            if mention.lower() not in A.PRONOUN_CLASS:
                if mention.lower() in ("i", "we", "you", "me", "us"):
                    skipped["first/second-person pronoun"] += 1
                continue
            span = None
            if p.get("speaker_start") is not None:
                span = doc.char_span(p["speaker_start"], p["speaker_end"], alignment_mode="expand")
            if span is None or not len(span):
                skipped["pronoun with no span"] += 1
                continue
            if index is None:
                ctx = DocContext(doc)
                index = ArticleEntities(ctx)
                info = A.doc_info(doc, ctx=ctx)
            views = A.views_from_entities(doc, index, before_char=span.start_char)
            cands = A.candidates(views, span, info)
            ranked = A.rank(doc, span, cands, info=info) if cands else []
            speaker = p.get("speaker")
            prob = max((pr for v, pr in ranked if speaker is not None and v.name == speaker), default=0.0)
            top = ranked[0][0].name if ranked else None
            rows.append({
                "id": art.id, "mention": mention, "mention_start": span.start_char,
                "speaker": speaker, "gold_speaker": g.get("speaker"),
                "rules": float(p.get("confidence") or 0.0), "model": prob,
                "right": int(speaker_correct(g, p)),
                "right_strict": int(speaker_correct_strict(g, p, art.text)),
                "in_candidates": any(v.name == speaker for v, _ in ranked) if speaker else False,
                "model_or_rules": prob if any(v.name == speaker for v, _ in ranked) and speaker is not None
                else float(p.get("confidence") or 0.0),
                "model_top": top, "model_top_prob": ranked[0][1] if ranked else 0.0,
                "n_candidates": len(cands), "flags": p.get("flags") or [],
            })
    return rows, skipped


def report(rows: list[dict], skipped: Counter) -> list[str]:
    n = len(rows)
    right = sum(r["right"] for r in rows)
    out = [f"records: {n} matched quotations whose speaker_mention is a third-person pronoun; "
           f"speaker right {right} ({right / n:.3f}), strict {sum(r['right_strict'] for r in rows)}",
           f"  no speaker: {sum(r['speaker'] is None for r in rows)}; speaker not among the model's "
           f"candidates (model score 0): {sum(not r['in_candidates'] for r in rows)}; "
           f"model's top candidate = the record's speaker: {sum(r['model_top'] == r['speaker'] for r in rows)}",
           f"  left out: {dict(skipped)}", ""]
    for target in ("right", "right_strict"):
        labels = [r[target] for r in rows]
        out += [f"predicting speaker {'right' if target == 'right' else 'right (strict)'}:", "",
                "| score | ROC AUC | " + " | ".join(f"precision at {int(c * 100)}% (kept, lowest score)"
                                                   for c in COVERAGES) + " |",
                "|---|---:|" + "---:|" * len(COVERAGES)]
        for name, label in SCORES.items():
            scores = [r[name] for r in rows]
            cells = []
            for c in COVERAGES:
                k, prec, cut = precision_at(scores, labels, c)
                cells.append(f"{prec:.3f} ({k}, {cut:.2f})")
            out.append(f"| {label} | {auc(scores, labels):.3f} | " + " | ".join(cells) + " |")
        out.append("")
        ca, cb, cd = bootstrap(rows, target, "rules", "model")
        out.append(f"{len(labels) - sum(labels)} wrong of {len(labels)}. 95% bootstrap intervals ({BOOTSTRAP} "
                   f"paired resamples, seed {SEED}): AUC rules {ca[0]:.3f}-{ca[1]:.3f}, model {cb[0]:.3f}-{cb[1]:.3f}, "
                   f"model - rules {cd[0]:+.3f} to {cd[1]:+.3f}")
        out.append("")
    dist = Counter(r["rules"] for r in rows)
    out.append("rules confidence values (value: records, right): " + ", ".join(
        f"{v:.2f}: {dist[v]}, {sum(r['right'] for r in rows if r['rules'] == v)}" for v in sorted(dist, reverse=True)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=Path("/work/shared/eval/ggt_english/dev.jsonl"))
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: saidwhat.load's)")
    ap.add_argument("--records", type=Path, default=None, help="write the per-record scores here (JSONL)")
    args = ap.parse_args(argv)
    rows, skipped = study(args.gold, args.model)
    if args.records:
        args.records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print("\n".join(report(rows, skipped)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
