"""Throughput benchmark (not a test): saidwhat's full extraction against spaCy's bare
``nlp.pipe``, side by side, on the same articles in the same run.

Usage::

    .venv/bin/python benchmarks/throughput.py                    # 1 process
    .venv/bin/python benchmarks/throughput.py --processes 2      # 1 and 2 processes
    .venv/bin/python benchmarks/throughput.py --input corpus.jsonl --n 500 --json out.json
    .venv/bin/python benchmarks/throughput.py --processes 2 --spacy-mp   # nlp.pipe(n_process=2)

Configurations (``--configs``, comma-separated; all by default):

* ``bare``: ``spacy.load(MODEL)`` with every component (tok2vec, tagger, parser,
  attribute_ruler, lemmatizer, ner), ``nlp.pipe(texts, batch_size=B)``; the Docs
  are consumed and dropped.
* ``saidwhat``: ``saidwhat.load(MODEL)`` and ``saidwhat.extract_many(texts, nlp=nlp,
  batch_size=B)``: the records users get (a list of ``Quote`` per article).
* ``saidwhat-spacy``: the same with ``saidwhat.load(MODEL, fast=False)`` (spaCy's own
  attribute ruler and lemmatizer), to show what the fast path buys.

``MODEL`` is the pipeline ``saidwhat.load()`` picks (``--model`` to choose). Every
configuration runs in fresh worker processes (``spawn``), one per ``--processes``,
each loading its own pipeline, so that peak RSS is per worker and per
configuration. A worker loads the model, warms up on ``--warmup`` articles, counts
the tokens of its share (untimed), waits for the others at a barrier, then
processes its share (article ``i`` goes to worker ``i % P``). Throughput is all
articles over the time from the barrier to the last worker's end. Configurations
alternate within each of ``--rounds`` rounds, so a disturbance from other work on
the machine hits all of them alike; the best round of each is reported, and every
round is printed. The 1-minute load average is read before and after each run,
and each worker's CPU time is recorded: CPU time well below wall time ("CPU/wl"
below 1) means the worker was waiting for a core, i.e. other work disturbed it.

``--spacy-mp`` runs the two-process configurations instead as one fresh process
calling ``nlp.pipe(texts, n_process=2)`` (spaCy's own multiprocessing: two child
processes parse, every Doc is serialised back to the parent); peak RSS is then
listed for the parent and the largest child.

Articles: ``--input`` JSONL files (``text`` field; cycled up to ``--n``), or by
default ``examples/river-port.txt`` and invented news articles of about 700 words
(seeded, so every run uses the same texts).

Linux or macOS (``resource.getrusage`` for peak RSS).
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
def _load(config: str, model: str | None, batch_size: int):
    """The pipeline of a configuration and a function ``run(texts, n_process=1)`` running
    it over texts."""
    import warnings

    warnings.filterwarnings("ignore", message=r"\[W00[12]\]")   # stray/unclosed quote marks
    import saidwhat

    name = model or saidwhat.api._default_model_name()
    if config == "bare":
        import spacy

        nlp = spacy.load(name)

        def run(texts, n_process=1):
            for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
                pass
    else:
        nlp = saidwhat.load(name, fast=(config == "saidwhat"))

        def run(texts, n_process=1):
            for _ in saidwhat.extract_many(texts, nlp=nlp, batch_size=batch_size, n_process=n_process):
                pass
    return nlp, run


def _worker(config, model, batch_size, warmup, texts, barrier, results, n_process=1) -> None:
    t_load = time.monotonic()
    nlp, run = _load(config, model, batch_size)
    load_s = time.monotonic() - t_load
    run(texts[:warmup])
    tokens = sum(len(nlp.make_doc(t)) for t in texts)
    barrier.wait()
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    c0, t0 = time.process_time(), time.monotonic()
    run(texts, n_process)
    t1, c1 = time.monotonic(), time.process_time()
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    children_cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024   # ru_maxrss: bytes on macOS, KB on Linux
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale
    child_peak = ru1.ru_maxrss / scale if n_process > 1 else 0.0
    results.put({"start": t0, "end": t1, "cpu_s": c1 - c0 + children_cpu, "articles": len(texts),
                 "tokens": tokens, "peak_rss_mb": peak, "child_peak_rss_mb": child_peak, "load_s": load_s,
                 "pipes": list(nlp.pipe_names),
                 "model": f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"})


def run_config(config: str, texts: list[str], processes: int, *, model: str | None, batch_size: int,
               warmup: int, spacy_mp: bool = False) -> dict:
    """Run one configuration in ``processes`` fresh worker processes (``spacy_mp``: in
    one fresh process calling ``nlp.pipe(n_process=processes)``); return its figures."""
    ctx = mp.get_context("spawn")
    workers = 1 if spacy_mp else processes
    barrier = ctx.Barrier(workers)
    results = ctx.Queue()
    shares = [texts[k::workers] for k in range(workers)]
    load_before = os.getloadavg()[0]
    n_process = processes if spacy_mp else 1
    procs = [ctx.Process(target=_worker, args=(config, model, batch_size, warmup, share, barrier, results,
                                               n_process))
             for share in shares]
    for p in procs:
        p.start()
    got = []
    while len(got) < len(procs):
        try:
            got.append(results.get(timeout=5))
        except queue.Empty:
            if any(p.exitcode not in (None, 0) for p in procs):
                for p in procs:
                    p.kill()
                raise RuntimeError(f"{config}: a worker failed (exit codes "
                                   f"{[p.exitcode for p in procs]}); see its traceback above") from None
    for p in procs:
        p.join()
    load_after = os.getloadavg()[0]
    wall = max(r["end"] for r in got) - min(r["start"] for r in got)
    articles = sum(r["articles"] for r in got)
    tokens = sum(r["tokens"] for r in got)
    return {
        "config": config, "processes": processes, "articles": articles, "tokens": tokens,
        "wall_s": wall, "articles_per_s": articles / wall, "tokens_per_s": tokens / wall,
        "cpu_ms_per_article": 1000 * sum(r["cpu_s"] for r in got) / articles,
        "cpu_per_wall": sum(r["cpu_s"] for r in got) / wall / processes,
        "peak_rss_mb": [round(r["peak_rss_mb"]) for r in got] + [round(r["child_peak_rss_mb"])
                                                                 for r in got if r["child_peak_rss_mb"]],
        "mp": "nlp.pipe(n_process)" if spacy_mp and processes > 1 else "workers",
        "load_before": load_before, "load_after": load_after,
        "pipes": got[0]["pipes"], "model": got[0]["model"],
    }


# -- report ----------------------------------------------------------------------------------
def _row(r: dict) -> str:
    return (f"{r['config']:<15} {r['processes']:>2} {r['articles']:>6} {r['wall_s']:>8.1f} "
            f"{r['articles_per_s']:>10.2f} {r['tokens_per_s']:>9.0f} {r['cpu_ms_per_article']:>10.1f} "
            f"{r['cpu_per_wall']:>6.2f} {max(r['peak_rss_mb']):>9} "
            f"{r['load_before']:>5.2f}/{r['load_after']:<5.2f}")


HEADER = (f"{'config':<15} {'P':>2} {'arts':>6} {'wall s':>8} {'articles/s':>10} {'tokens/s':>9} "
          f"{'CPU ms/art':>10} {'CPU/wl':>6} {'peak RSS':>9} {'load 1m':>11}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", action="append", default=[], metavar="FILE.jsonl",
                    help="articles (JSONL with a 'text' field; repeatable); default: the example "
                         "article and invented ones")
    ap.add_argument("--n", type=int, default=200, help="articles per run (default 200)")
    ap.add_argument("--processes", type=int, choices=(1, 2), default=1,
                    help="2: also run every configuration in two worker processes (default 1)")
    ap.add_argument("--configs", default=",".join(CONFIGS),
                    help=f"comma-separated subset of {','.join(CONFIGS)} (default: all)")
    ap.add_argument("--model", help="spaCy pipeline (default: the one saidwhat.load() picks)")
    ap.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size (default 32, as "
                    "extract_many)")
    ap.add_argument("--warmup", type=int, default=8, help="articles run before timing (default 8)")
    ap.add_argument("--rounds", type=int, default=1, help="repeat all configurations (default 1)")
    ap.add_argument("--spacy-mp", action="store_true",
                    help="with --processes 2: parse through nlp.pipe(n_process=2) in one process "
                         "instead of one worker per process (Docs are sent back to it)")
    ap.add_argument("--json", metavar="FILE", help="also write all figures as JSON")
    args = ap.parse_args(argv)
    configs = [c for c in args.configs.split(",") if c]
    if not configs or any(c not in CONFIGS for c in configs):
        ap.error(f"--configs: expected a subset of {','.join(CONFIGS)}")
    texts, source = load_articles(args.input, args.n)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"articles: {len(texts)} from {source}; {words:.0f} words on average; "
          f"batch size {args.batch_size}; {os.cpu_count()} CPUs; Python {platform.python_version()}"
          + ("; 2 processes through nlp.pipe(n_process=2)" if args.spacy_mp else ""), flush=True)
    print(HEADER, flush=True)
    runs = []
    plist = [1, 2] if args.processes == 2 else [1]
    for rnd in range(args.rounds):
        for procs in plist:
            for config in configs:
                r = run_config(config, texts, procs, model=args.model, batch_size=args.batch_size,
                               warmup=args.warmup, spacy_mp=args.spacy_mp)
                r["round"] = rnd + 1
                runs.append(r)
                print(_row(r), flush=True)
    best = {}
    for r in runs:
        key = (r["config"], r["processes"])
        if key not in best or r["articles_per_s"] > best[key]["articles_per_s"]:
            best[key] = r
    print(f"\nmodel {runs[0]['model']}; pipes of the last configuration: {', '.join(runs[-1]['pipes'])}")
    if args.rounds > 1:
        print(f"best of {args.rounds} rounds:")
        print(HEADER)
        for r in best.values():
            print(_row(r))
    summary = {}
    for procs in plist:
        base = best.get(("bare", procs))
        for config in configs:
            r = best.get((config, procs))
            if config != "bare" and base and r:
                ratio = r["articles_per_s"] / base["articles_per_s"]
                summary[f"{config}/bare, {procs} process{'es' if procs > 1 else ''}"] = ratio
                print(f"ratio {config} / bare, {procs} process{'es' if procs > 1 else ''}: {ratio:.2f}x")
    if args.processes == 2:
        for config in configs:
            one, two = best.get((config, 1)), best.get((config, 2))
            if one and two:
                scale = two["articles_per_s"] / one["articles_per_s"]
                summary[f"{config} 2 processes / 1"] = scale
                print(f"scaling {config}, 2 processes / 1: {scale:.2f}x")
    peak = max(max(r["peak_rss_mb"]) for r in runs)
    print(f"peak RSS per worker process: {peak} MB (largest over all runs)")
    if args.json:
        Path(args.json).write_text(json.dumps({"source": source, "articles": len(texts),
                                               "mean_words": words, "batch_size": args.batch_size,
                                               "runs": runs, "summary": summary}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
