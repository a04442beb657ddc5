"""Throughput benchmark (not a test): saidwhat's full extraction against spaCy's bare
``nlp.pipe``, side by side, on the same articles in the same run.

Usage::

    .venv/bin/python benchmarks/throughput.py                    # 1 process
    .venv/bin/python benchmarks/throughput.py --processes 2      # 1 and 2 processes
    .venv/bin/python benchmarks/throughput.py --input corpus.jsonl --n 500 --json out.json

Configurations (``--configs``, comma-separated; all by default):

* ``bare``: ``spacy.load(MODEL)`` with every component (tok2vec, tagger, parser,
  attribute_ruler, lemmatizer, ner), ``nlp.pipe(batch)`` on each batch; the Docs
  are consumed and dropped.
* ``saidwhat``: ``saidwhat.load(MODEL)`` and ``saidwhat.extract_many(batch, nlp=nlp)``:
  the records users get (a list of ``Quote`` per article).
* ``saidwhat-spacy``: the same with ``saidwhat.load(MODEL, fast=False)`` (spaCy's own
  attribute ruler and lemmatizer), to show what the fast path buys.

``MODEL`` is the pipeline ``saidwhat.load()`` picks (``--model`` to choose).

**Speed** is measured in one process (and, with ``--processes 2``, in two): each
worker process (``spawn``) loads every configuration's pipeline, warms each up on
``--warmup`` articles and counts the tokens of its share (untimed); the workers wait
for each other at a barrier, then go through their share batch by batch (at most
``--batch-size`` articles and ``--batch-chars`` characters, ``extract_many``'s
batches; article ``i`` goes to worker ``i % P``), running *every* configuration on
each batch, in alternating order, and adding up each configuration's time. Other
work on the machine therefore slows all configurations alike, and the ratio
between them holds even on a busy machine. A configuration's throughput is all
articles over the largest of its per-worker times. Each worker's CPU time is
recorded as well: "CPU/wall" below 1 means a worker waited for a core.

**Memory** (peak RSS) is measured per configuration: each configuration runs alone
over all the articles in a fresh process, as a worker of ``saidwhat extract`` would
(its throughput there is printed too, as a cross-check measured at another time).
Peak RSS grows with the tokens of one batch (the network's activations for the
whole batch): the batch limits bound it.

``--spacy-mp`` replaces the two-process speed run by one fresh process per
configuration calling ``nlp.pipe(texts, n_process=2)`` (spaCy's multiprocessing:
two child processes parse and send every Doc back to the parent), one
configuration after the other.

Articles: ``--input`` JSONL files (``text`` field; cycled up to ``--n``), or by
default ``examples/river-port.txt`` and invented news articles of about 700 words
(seeded, so every run uses the same texts). The 1-minute load average is printed
before and after each phase.

Linux or macOS (``resource.getrusage``).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import queue
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "river-port.txt"
CONFIGS = ("bare", "saidwhat", "saidwhat-spacy")


# -- articles --------------------------------------------------------------------------------
_FIRST = ("Ana Tom Mira Paul Lena Omar Grace Victor Aisha Daniel Sofia Henrik Priya Marco Elena "
          "Kwame Julia Tariq Nadia Oliver Ingrid Samuel Leila Felix Rosa Dmitri Hana Lucas Amara").split()
_LAST = ("Lopez Becker Sato Weber Ortiz Haddad Okafor Lindqvist Mensah Novak Brandt Fischer Rahman "
         "Costa Murphy Adeyemi Kowalski Moreau Tanaka Silva Jensen Petrov Nakamura Duarte Walsh").split()
_ROLES = ("the mayor", "a union leader", "the health minister", "a local trader", "the police chief",
          "a spokeswoman for the council", "the company's chief executive", "an economist at the "
          "regional bank", "the head of the teachers' association", "a lawyer for the families",
          "the transport commissioner", "a resident of the north district")
_PLACES = ("Eastmere", "Port Alden", "Kirkwall Bay", "Redford", "Lakeview", "Norrington", "Castlebrook",
           "Westfield", "Haverhill", "Marlow Green")
_ORGS = ("the regional council", "the port authority", "the national rail operator", "the water board",
         "the chamber of commerce", "the health service", "the teachers' union", "the energy regulator",
         "the city hospital", "the environment agency")
_TOPICS = [("flood defences", "the river wall", "the spring floods"),
           ("bus fares", "the new ticket system", "rising fuel costs"),
           ("school funding", "the closure of two primary schools", "falling pupil numbers"),
           ("the hospital budget", "longer waiting lists", "staff shortages"),
           ("housing", "the plan for 400 new homes", "rents that doubled in ten years"),
           ("the harbour works", "the collapsed quay", "the storm in March"),
           ("the wind farm", "the turbines off the coast", "higher energy bills"),
           ("the rail strike", "cancelled trains", "a pay dispute")]
_SAY = ("said", "told reporters", "said on Tuesday", "added", "warned", "said in a statement",
        "told the local radio station", "wrote on social media", "argued", "insisted")
_REPORT = ("said", "argued", "warned", "claimed", "insisted", "told the committee", "noted",
           "acknowledged", "suggested", "announced")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "last week", "on Sunday evening")


def invented_article(i: int, rng: random.Random) -> str:
    """A news article of about 700 words about one invented topic, place and cast:
    narration, direct quotes (before and after their attribution, continued, split by
    the cue, after a colon), reported speech, "according to" and background
    paragraphs, each paragraph template used at most once."""
    place = rng.choice(_PLACES)
    topic, thing, cause = rng.choice(_TOPICS)
    org, org2 = rng.sample(_ORGS, 2)
    cast = [(f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", rng.choice(_ROLES)) for _ in range(5)]
    n1, n2, y1, y2 = rng.randint(3, 90), rng.randint(2, 40), rng.randint(1990, 2012), rng.randint(2013, 2023)

    def person():
        who, role = rng.choice(cast)
        return who, role, who.split()[-1]

    templates = [
        lambda w, r, l: (f'"We cannot keep paying for {thing} with {cause} still unresolved," {w}, {r}, '
                         f'{rng.choice(_SAY)}. "People here have waited long enough, and they deserve '
                         f'a straight answer about {topic}."'),
        lambda w, r, l: (f"{w}, {r}, {rng.choice(_REPORT)} that {org} had underestimated the cost of "
                         f"{thing} by about {n1} million euros and that the work would take "
                         f"{rng.randint(2, 9)} years longer than planned."),
        lambda w, r, l: (f'{r[0].upper() + r[1:]}, {w}, put it differently: "This is not about money. '
                         f'It is about whether {place} still has a future when the young leave for the '
                         f'cities."'),
        lambda w, r, l: (f'"The numbers do not add up," {l} said. "They never did." According to '
                         f"{person()[0]}, {org2} has known about the problem since {y2}."),
        lambda w, r, l: (f'"If the vote goes ahead," {w} {rng.choice(_REPORT)}, "we will take the '
                         f'matter to court and ask the judges to stop {thing} before it starts."'),
        lambda w, r, l: (f"Asked whether {org2} would back the plan, {l} {rng.choice(_SAY)} that talks "
                         f"were continuing but that no agreement was expected before the summer."),
        lambda w, r, l: (f'{l} was blunter. "Nobody in {place} believes the deadline any more. We were '
                         f'promised the same thing in {y1}, and again in {y2}."'),
        lambda w, r, l: (f"In a letter to residents, {org} {rng.choice(_REPORT)} that the delays were "
                         f"caused by {cause} and by a shortage of engineers, and apologised for the "
                         f"disruption to families and businesses."),
        lambda w, r, l: (f'"I have lived here for {n1 % 60 + 10} years and I have never seen the town so '
                         f'angry," said {w}, {r}. "The meetings used to be quiet. Now they go on until '
                         f'midnight."'),
        lambda w, r, l: (f"{w} accused {org} of hiding the true cost of {thing} from the public and "
                         f"urged the minister to order an independent review."),
        lambda w, r, l: (f"The {topic} question has come up at every council meeting this year. Turnout "
                         f"at the last public hearing, {rng.choice(_DAYS)}, was the highest since {y1}, "
                         f"and the hall in {place} had to open a second room for the overflow."),
        lambda w, r, l: (f"Figures published by {org} show that spending on {topic} rose by {n1} per "
                         f"cent over five years, while the population of {place} fell by {n2} per cent. "
                         f"The town's debt now stands at {rng.randint(20, 400)} million euros."),
        lambda w, r, l: (f"{place} lies on the coast, two hours from the capital, and has about "
                         f"{rng.randint(8, 90)},000 inhabitants. Fishing and tourism were its main trades "
                         f"until the 1990s; today the largest employer is {org2}."),
        lambda w, r, l: (f"The plan for {thing} was first drawn up in {y1} and has been revised "
                         f"{rng.randint(2, 7)} times. Its latest version includes a fund for the "
                         f"businesses that would lose trade during the works."),
        lambda w, r, l: (f"Opposition members walked out of the chamber on {rng.choice(_DAYS)} after "
                         f"the chair refused to put their amendment to a vote. The session resumed an "
                         f"hour later with {rng.randint(12, 40)} of the {rng.randint(41, 60)} members present."),
        lambda w, r, l: (f"Engineers who inspected the site in {y2} found that {thing} would need "
                         f"{rng.randint(3, 30)} more months of work, according to a report seen by this "
                         f"newspaper."),
        lambda w, r, l: (f'"Let me be clear," {w} told the council. "We will not sign anything until '
                         f'we have seen the final figures, and neither should you." {l} then left the '
                         f'meeting without taking questions.'),
        lambda w, r, l: (f"Shops on the main street in {place} say trade has fallen since the works "
                         f"began. Several have cut their opening hours, and two cafés near the "
                         f"station closed in {rng.choice(('January', 'April', 'September', 'November'))}."),
        lambda w, r, l: (f"{w}, who chaired the working group on {topic} until {y2}, said the town had "
                         f"been warned about {cause} years ago. \"We wrote it down, we sent it to "
                         f"everyone, and nothing happened,\" {l} said."),
        lambda w, r, l: (f"The regional government has promised {n2} million euros towards {thing}, but "
                         f"only if {place} finds the rest itself. A decision on the remaining money is "
                         f"not expected before the end of the year."),
        lambda w, r, l: (f'Not everyone is opposed. "Change is always painful, but standing still costs '
                         f'more," {w}, {r}, wrote in the local paper last month, adding that {org2} '
                         f'should have been consulted much earlier.'),
    ]
    rng.shuffle(templates)
    paras = [f"{place} faces a decision on {topic} after months of debate",
             f"Officials in {place} will vote {rng.choice(_DAYS)} on {thing}, a plan that has divided "
             f"the town since {cause} forced {org} to rethink its budget for the next {n2} years."]
    while templates and sum(len(p.split()) for p in paras) < 680:
        paras.append(templates.pop()(*person()))
    return "\n\n".join(paras)


def load_articles(inputs: list[str], n: int) -> tuple[list[str], str]:
    """``n`` article texts and a description of where they came from."""
    texts: list[str] = []
    if inputs:
        for path in inputs:
            with open(path, encoding="utf-8") as fh:
                texts.extend(json.loads(line)["text"] for line in fh if line.strip())
        if not texts:
            sys.exit("no articles in --input")
        source = ", ".join(inputs)
    else:
        rng = random.Random(2024)
        texts = [EXAMPLE.read_text(encoding="utf-8")] + [invented_article(i, rng) for i in range(n - 1)]
        source = f"{EXAMPLE.relative_to(ROOT)} and invented articles (seed 2024)"
    return [texts[i % len(texts)] for i in range(n)], source


# -- workers ---------------------------------------------------------------------------------
def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    kb = resource.getrusage(who).ru_maxrss
    return kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024   # bytes on macOS


def _load(config: str, model: str | None, batching: tuple[int, int]):
    """The pipeline of a configuration and ``run(texts, n_process=1)``, which runs it.

    Both configurations cut the texts into the same batches: at most ``batching[0]``
    articles and ``batching[1]`` characters (``saidwhat.extract_many``'s rule; with
    ``n_process`` > 1, spaCy's batches of ``batching[0]``)."""
    import warnings

    warnings.filterwarnings("ignore", message=r"\[W00[12]\]")   # stray/unclosed quote marks
    import saidwhat
    from saidwhat.api import _batches

    batch_size, batch_chars = batching
    name = model or saidwhat.api._default_model_name()
    if config == "bare":
        import spacy

        nlp = spacy.load(name)

        def run(texts, n_process=1):
            if n_process > 1:
                for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
                    pass
                return
            for batch in _batches(texts, batch_size, batch_chars):
                for _ in nlp.pipe(batch, batch_size=len(batch)):
                    pass
    else:
        nlp = saidwhat.load(name, fast=(config == "saidwhat"))

        def run(texts, n_process=1):
            for _ in saidwhat.extract_many(texts, nlp=nlp, batch_size=batch_size, batch_chars=batch_chars,
                                           n_process=n_process):
                pass
    return nlp, run


def _model_name(nlp) -> str:
    return f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"


def _speed_worker(configs, model, batching, warmup, texts, barrier, results) -> None:
    """Every configuration on every batch of ``texts``, alternating; times per configuration."""
    from saidwhat.api import _batches

    pipes = {c: _load(c, model, batching) for c in configs}
    for _, run in pipes.values():
        run(texts[:warmup])
    nlp = next(iter(pipes.values()))[0]
    tokens = sum(len(nlp.make_doc(t)) for t in texts)
    barrier.wait()
    wall = dict.fromkeys(configs, 0.0)
    cpu = dict.fromkeys(configs, 0.0)
    for k, batch in enumerate(_batches(texts, *batching)):
        for c in (configs if k % 2 == 0 else configs[::-1]):
            c0, t0 = time.process_time(), time.perf_counter()
            pipes[c][1](batch)
            wall[c] += time.perf_counter() - t0
            cpu[c] += time.process_time() - c0
    results.put({"wall": wall, "cpu": cpu, "articles": len(texts), "tokens": tokens,
                 "peak_rss_mb": _peak_rss_mb(), "model": _model_name(nlp),
                 "pipes": {c: list(p[0].pipe_names) for c, p in pipes.items()}})


def _alone_worker(config, model, batching, warmup, texts, n_process, barrier, results) -> None:
    """One configuration over all ``texts``: time and peak RSS (with ``n_process`` > 1,
    through ``nlp.pipe(n_process=...)``; its children's CPU time and largest peak RSS too)."""
    nlp, run = _load(config, model, batching)
    run(texts[:warmup])
    tokens = sum(len(nlp.make_doc(t)) for t in texts)
    barrier.wait()
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    c0, t0 = time.process_time(), time.perf_counter()
    run(texts, n_process)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu += (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    results.put({"wall": {config: wall}, "cpu": {config: cpu}, "articles": len(texts), "tokens": tokens,
                 "peak_rss_mb": _peak_rss_mb(),
                 "child_peak_rss_mb": _peak_rss_mb(resource.RUSAGE_CHILDREN) if n_process > 1 else None,
                 "model": _model_name(nlp), "pipes": {config: list(nlp.pipe_names)}})


def _run_workers(target, argss: list[tuple]) -> list[dict]:
    """Start one spawned process per argument tuple (each gets a shared barrier and a
    result queue appended) and collect their results."""
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(len(argss))
    results = ctx.Queue()
    procs = [ctx.Process(target=target, args=(*args, barrier, results)) for args in argss]
    for p in procs:
        p.start()
    got: list[dict] = []
    while len(got) < len(procs):
        try:
            got.append(results.get(timeout=5))
        except queue.Empty:
            if any(p.exitcode not in (None, 0) for p in procs):
                for p in procs:
                    p.kill()
                raise RuntimeError(f"a worker failed (exit codes {[p.exitcode for p in procs]}); "
                                   "see its traceback above") from None
    for p in procs:
        p.join()
    return got


def speed_run(configs: list[str], texts: list[str], processes: int, *, model, batching, warmup) -> dict:
    """Throughput of every configuration, alternating batch by batch in ``processes`` workers."""
    load0 = os.getloadavg()[0]
    got = _run_workers(_speed_worker, [(configs, model, batching, warmup, texts[k::processes])
                                       for k in range(processes)])
    out = {"processes": processes, "load": (load0, os.getloadavg()[0]),
           "peak_rss_mb_all_pipelines": [round(r["peak_rss_mb"]) for r in got],
           "model": got[0]["model"], "pipes": got[0]["pipes"], "configs": {}}
    articles, tokens = sum(r["articles"] for r in got), sum(r["tokens"] for r in got)
    for c in configs:
        wall = max(r["wall"][c] for r in got)
        cpu = sum(r["cpu"][c] for r in got)
        out["configs"][c] = {"articles": articles, "tokens": tokens, "wall_s": wall,
                             "articles_per_s": articles / wall, "tokens_per_s": tokens / wall,
                             "cpu_ms_per_article": 1000 * cpu / articles,
                             "cpu_per_wall": cpu / sum(r["wall"][c] for r in got)}
    return out


def alone_run(config: str, texts: list[str], *, model, batching, warmup, n_process: int = 1) -> dict:
    """One configuration alone in a fresh process: throughput and peak RSS."""
    load0 = os.getloadavg()[0]
    (r,) = _run_workers(_alone_worker, [(config, model, batching, warmup, texts, n_process)])
    wall, cpu = r["wall"][config], r["cpu"][config]
    return {"config": config, "n_process": n_process, "articles": r["articles"], "tokens": r["tokens"],
            "wall_s": wall, "articles_per_s": r["articles"] / wall, "tokens_per_s": r["tokens"] / wall,
            "cpu_ms_per_article": 1000 * cpu / r["articles"], "peak_rss_mb": round(r["peak_rss_mb"]),
            "child_peak_rss_mb": r["child_peak_rss_mb"] and round(r["child_peak_rss_mb"]),
            "load": (load0, os.getloadavg()[0]), "model": r["model"]}


# -- report ----------------------------------------------------------------------------------
def _load_str(load: tuple[float, float]) -> str:
    return f"{load[0]:.2f} -> {load[1]:.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", action="append", default=[], metavar="FILE.jsonl",
                    help="articles (JSONL with a 'text' field; repeatable); default: the example "
                         "article and invented ones")
    ap.add_argument("--n", type=int, default=200, help="articles (default 200)")
    ap.add_argument("--processes", type=int, choices=(1, 2), default=1,
                    help="2: also measure speed with two worker processes (default 1)")
    ap.add_argument("--configs", default=",".join(CONFIGS),
                    help=f"comma-separated subset of {','.join(CONFIGS)} (default: all)")
    ap.add_argument("--model", help="spaCy pipeline (default: the one saidwhat.load() picks)")
    ap.add_argument("--batch-size", type=int, default=16,
                    help="at most this many articles per nlp.pipe batch (default 16, as extract_many)")
    ap.add_argument("--batch-chars", type=int, default=80_000,
                    help="at most this many characters per batch (default 80000, as extract_many)")
    ap.add_argument("--warmup", type=int, default=8, help="articles run before timing (default 8)")
    ap.add_argument("--rounds", type=int, default=1, help="repeat the speed runs (default 1)")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    ap.add_argument("--spacy-mp", action="store_true",
                    help="with --processes 2: measure two processes as nlp.pipe(n_process=2) in one "
                         "fresh process per configuration instead")
    ap.add_argument("--json", metavar="FILE", help="also write all figures as JSON")
    args = ap.parse_args(argv)
    configs = [c for c in args.configs.split(",") if c]
    if not configs or any(c not in CONFIGS for c in configs):
        ap.error(f"--configs: expected a subset of {','.join(CONFIGS)}")
    texts, source = load_articles(args.input, args.n)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"articles: {len(texts)} from {source}; {words:.0f} words on average; batches of at most "
          f"{args.batch_size} articles and {args.batch_chars} characters; {os.cpu_count()} CPUs; "
          f"Python {platform.python_version()}", flush=True)
    kw = {"model": args.model, "batching": (args.batch_size, args.batch_chars), "warmup": args.warmup}
    report: dict = {"source": source, "articles": len(texts), "mean_words": words,
                    "batch_size": args.batch_size, "batch_chars": args.batch_chars, "speed": [], "memory": [], "spacy_mp": []}
    best: dict[tuple[str, int], dict] = {}
    plist = [1, 2] if args.processes == 2 and not args.spacy_mp else [1]
    for rnd in range(args.rounds):
        for procs in plist:
            r = speed_run(configs, texts, procs, **kw)
            r["round"] = rnd + 1
            report["speed"].append(r)
            print(f"\nspeed, {procs} worker process{'es' if procs > 1 else ''} (configurations alternating "
                  f"batch by batch; round {rnd + 1}; load 1m {_load_str(r['load'])}; peak RSS with all "
                  f"pipelines loaded: {max(r['peak_rss_mb_all_pipelines'])} MB)", flush=True)
            print(f"  {'config':<15} {'articles/s':>10} {'tokens/s':>9} {'CPU ms/article':>14} {'CPU/wall':>8}")
            for c, f in r["configs"].items():
                print(f"  {c:<15} {f['articles_per_s']:>10.2f} {f['tokens_per_s']:>9.0f} "
                      f"{f['cpu_ms_per_article']:>14.1f} {f['cpu_per_wall']:>8.2f}", flush=True)
                if (c, procs) not in best or f["articles_per_s"] > best[(c, procs)]["articles_per_s"]:
                    best[(c, procs)] = f
    if args.spacy_mp and args.processes == 2:
        print("\nspeed, nlp.pipe(n_process=2) in one fresh process per configuration", flush=True)
        for c in configs:
            r = alone_run(c, texts, n_process=2, **kw)
            report["spacy_mp"].append(r)
            print(f"  {c:<15} {r['articles_per_s']:>8.2f} articles/s {r['tokens_per_s']:>7.0f} tokens/s; "
                  f"CPU {r['cpu_ms_per_article']:.1f} ms/article (all processes); peak RSS parent "
                  f"{r['peak_rss_mb']} MB, largest child {r['child_peak_rss_mb']} MB; "
                  f"load 1m {_load_str(r['load'])}", flush=True)
            best[(c, 2)] = r
    if not args.no_memory:
        print("\nmemory: each configuration alone in a fresh process, all articles", flush=True)
        for c in configs:
            r = alone_run(c, texts, **kw)
            report["memory"].append(r)
            print(f"  {c:<15} peak RSS {r['peak_rss_mb']:>4} MB   ({r['articles_per_s']:.2f} articles/s alone, "
                  f"load 1m {_load_str(r['load'])})", flush=True)
    print(f"\nmodel {report['speed'][0]['model']}; saidwhat pipes: "
          f"{', '.join(report['speed'][0]['pipes'].get('saidwhat', report['speed'][0]['pipes'][configs[0]]))}")
    if args.rounds > 1:
        print(f"best of {args.rounds} rounds:")
    summary = {}
    for procs in [1, 2] if args.processes == 2 else [1]:
        base = best.get(("bare", procs))
        for c in configs:
            f = best.get((c, procs))
            if c == "bare" or not base or not f:
                continue
            ratio = f["articles_per_s"] / base["articles_per_s"]
            label = f"{c} / bare, {procs} process{'es' if procs > 1 else ''}"
            summary[f"ratio {label}"] = round(ratio, 3)
            print(f"ratio {label}: {f['articles_per_s']:.2f} / {base['articles_per_s']:.2f} articles/s "
                  f"= {ratio:.2f}x")
    if args.processes == 2:
        for c in configs:
            one, two = best.get((c, 1)), best.get((c, 2))
            if one and two:
                scale = two["articles_per_s"] / one["articles_per_s"]
                summary[f"scaling {c}, 2 processes / 1"] = round(scale, 3)
                print(f"scaling {c}, 2 processes / 1: {two['articles_per_s']:.2f} / "
                      f"{one['articles_per_s']:.2f} articles/s = {scale:.2f}x")
    if report["memory"]:
        for r in report["memory"]:
            summary[f"peak RSS MB {r['config']}"] = r["peak_rss_mb"]
        print("peak RSS per worker process: " + ", ".join(f"{r['config']} {r['peak_rss_mb']} MB"
                                                         for r in report["memory"]))
    report["summary"] = summary
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
