"""Corpus-run benchmark (not a test): articles/s, scaling and peak RSS of
``saidwhat extract --workers 1``, ``--workers 2`` and Spark ``local[2]``, in one run.

Usage::

    .venv/bin/python benchmarks/corpus.py [--n 2000] [--source FILE.jsonl ...] [--no-spark]
        [--workdir DIR] [--json results.json] [--legs N]

``--legs N`` (N > 1) measures only the scaling: the corpus is split into N parts and
``--workers 1`` and ``--workers 2`` run alternately on each part, so a drift in the
machine's speed during the run falls on both configurations (Spark is not run).

Articles come from ``--source`` JSONL files (``id``/``text``; cycled with new ids up to
``--n``); by default the news texts of the evaluation sets in ``../shared/eval`` when
present, else invented template articles. Each configuration runs in its own process
tree; a sampler reads ``VmHWM`` (peak resident set size) of every process in the tree
from ``/proc``, so peak RSS is reported per process role (main, each worker, the JVM).

Timings:

* ``wall``: the whole command, start to exit, as a user sees it (interpreter start,
  model loading, reading, extraction, writing the output).
* ``extract``: the run as measured inside it (for Spark: the job only, after the
  session is up; the JVM start is reported separately as ``startup``).

Linux only (``/proc``).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCES = [HERE.parent.parent / "shared" / "eval" / "polnear" / "gold_train.jsonl",
                   HERE.parent.parent / "shared" / "eval" / "ggt_english" / "dev.jsonl",
                   Path("/work/shared/eval/polnear/gold_train.jsonl"),
                   Path("/work/shared/eval/ggt_english/dev.jsonl")]


# -- articles ------------------------------------------------------------------------------
def invented_article(i: int, rng: random.Random) -> str:
    """A template news article of ~12 paragraphs with direct and reported speech."""
    names = ["Ana Lopez", "Tom Becker", "Mira Sato", "Paul Weber", "Lena Ortiz", "Omar Haddad"]
    roles = ["the mayor", "a union leader", "the health minister", "a local trader", "the police chief"]
    paras = []
    for k in range(12):
        who, role = rng.choice(names), rng.choice(roles)
        kind = rng.random()
        if kind < 0.35:
            paras.append(f'"We will finish stage {k} of the works before the summer, whatever it costs," '
                         f"{who}, {role}, said on Monday. \"Nobody here wants another delay.\"")
        elif kind < 0.6:
            paras.append(f"{who} said the council would ask the regional government for {k + 2} million euros "
                         f"to rebuild the quay and reopen the northern berths by the spring.")
        else:
            paras.append(f"The town of Eastmere number {i} met on Tuesday to discuss the flood, the port and the "
                         f"budget, which has grown by {k} per cent since last year according to officials.")
    return "\n\n".join(paras)


def make_corpus(path: Path, n: int, sources: list[Path], exclude: set[str] = frozenset()) -> dict:
    """Write ``n`` articles to ``path`` (JSONL) and ``path.with_suffix('.parquet')``.

    Source articles whose id is in ``exclude`` are left out.
    """
    texts = []
    seen = set()
    sources = [s for s in sources if s.exists() and not (s.resolve() in seen or seen.add(s.resolve()))]
    for src in sources:
        if src.exists():
            with open(src, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        rec = json.loads(line)
                        if str(rec.get("id")) not in exclude:
                            texts.append(rec["text"])
    origin = ", ".join(str(s) for s in sources if s.exists()) or "invented template articles"
    if not texts:
        rng = random.Random(7)
        texts = [invented_article(i, rng) for i in range(200)]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"a{i:06d}", "text": texts[i % len(texts)]}) + "\n")
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    pq.write_table(pa.table({"id": [r["id"] for r in rows], "text": [r["text"] for r in rows]}),
                   path.with_suffix(".parquet"), row_group_size=250)
    chars = sum(len(r["text"]) for r in rows)
    return {"articles": n, "distinct_texts": min(n, len(texts)), "mean_chars": round(chars / n),
            "source": origin, "excluded_ids": sorted(exclude)}


# -- process-tree sampling -------------------------------------------------------------------
def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for d in Path("/proc").glob("[0-9]*"):
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(d.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _hwm(pid: int) -> tuple[str, float] | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return cmd, int(line.split()[1]) / 1024
    return None


def _role(cmd: str) -> str:
    if "java" in cmd.split(" ")[0]:
        return "jvm"
    if "resource_tracker" in cmd:
        return "tracker"
    if "spawn_main" in cmd or "pyspark.daemon" in cmd or "pyspark.worker" in cmd:
        return "worker"
    return "main"


def run_sampled(cmd: list[str], env: dict | None = None) -> dict:
    """Run ``cmd``, sampling the peak RSS of its process tree; return timings and peaks."""
    import resource

    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peaks: dict[int, tuple[str, float]] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            for pid in _tree(proc.pid):
                got = _hwm(pid)
                if got:
                    peaks[pid] = (got[0], max(got[1], peaks.get(pid, ("", 0.0))[1]))
            stop.wait(0.25)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    wall = time.monotonic() - t0
    stop.set()
    th.join()
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)  # whole tree, once reaped
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} failed ({proc.returncode}):\n{err[-3000:]}")
    by_role: dict[str, list[float]] = {}
    for cmdline, mb in peaks.values():
        by_role.setdefault(_role(cmdline), []).append(round(mb))
    return {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "peak_rss_mb": by_role, "stdout": out, "stderr": err}


# -- configurations --------------------------------------------------------------------------
CLI_SNIPPET = """
import json, sys, time
import saidwhat
print("saidwhat from", saidwhat.__file__, file=sys.stderr)
from saidwhat.batch import run_corpus
src, out, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
t = time.monotonic()
st = run_corpus([src], outputs=[out], workers=workers, force=True, quiet=True)
print(json.dumps({"extract_s": time.monotonic() - t, "articles": st.articles, "quotes": st.quotes}))
"""

SPARK_SNIPPET = """
import json, os, sys, time
os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
t = time.monotonic()
from pyspark.sql import SparkSession
spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
         .config("spark.driver.memory", "2g").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
startup = time.monotonic() - t
from saidwhat.spark import extract_quotes_df
src, out = sys.argv[1], sys.argv[2]
t = time.monotonic()
df = spark.read.parquet(src).repartition(2)
extract_quotes_df(df).write.mode("overwrite").parquet(out)
job = time.monotonic() - t
n = spark.read.parquet(out).count()
spark.stop()
print(json.dumps({"startup_s": startup, "extract_s": job, "quotes": n}))
"""


def run_legs(corpus: Path, legs: int, work: Path, env: dict, py: str) -> dict:
    """``--workers 1`` and ``--workers 2`` alternately on ``legs`` parts of the corpus
    (leg k: the one that went second in leg k-1 goes first). Returns per-configuration
    sums of wall and CPU seconds, the per-leg walls and the peak RSS figures."""
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    size = -(-len(lines) // legs)
    out: dict = {f"workers{w}": {"wall_s": 0.0, "cpu_s": 0.0, "quotes": 0, "leg_wall_s": [],
                                 "peak_rss_mb": {}} for w in (1, 2)}
    for k in range(legs):
        part = work / f"corpus-leg{k}.jsonl"
        part.write_text("".join(lines[k * size:(k + 1) * size]), encoding="utf-8")
        for workers in ((1, 2) if k % 2 == 0 else (2, 1)):
            print(f"leg {k + 1}/{legs}: --workers {workers} ...", file=sys.stderr)
            r = run_sampled([py, "-c", CLI_SNIPPET, str(part), str(work / f"out-leg{k}-w{workers}.jsonl"),
                             str(workers)], env)
            inner = json.loads(r["stdout"].strip().splitlines()[-1])
            o = out[f"workers{workers}"]
            o["wall_s"] = round(o["wall_s"] + r["wall_s"], 1)
            o["cpu_s"] = round(o["cpu_s"] + r["cpu_s"], 1)
            o["quotes"] += inner["quotes"]
            o["leg_wall_s"].append(r["wall_s"])
            for role, peaks in r["peak_rss_mb"].items():   # the largest process of each role
                o["peak_rss_mb"][role] = max([o["peak_rss_mb"].get(role, 0), *peaks])
    for w in (1, 2):
        o = out[f"workers{w}"]
        o["articles_per_s"] = round(len(lines) / o["wall_s"], 2)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=2000, help="articles (default: 2000)")
    p.add_argument("--source", action="append", type=Path, help="JSONL files with a text field")
    p.add_argument("--no-spark", action="store_true")
    p.add_argument("--exclude-id", action="append", default=[], metavar="ID",
                   help="leave this source article out (e.g. one that hangs the extractor)")
    p.add_argument("--workdir", type=Path, default=None)
    p.add_argument("--json", type=Path, default=None, help="also write the results here")
    p.add_argument("--legs", type=int, default=1,
                   help="split the corpus into this many parts and run --workers 1 and --workers 2 "
                        "alternately on each (the machine's drift then falls on both); default 1: "
                        "each configuration on the whole corpus in turn")
    p.add_argument("--no-snapshot", action="store_true",
                   help="run the working tree instead of a snapshot of the committed code (HEAD)")
    args = p.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="saidwhat-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_TRIM_THRESHOLD_"}
    commit = None
    if not args.no_snapshot:
        # Every configuration runs the same code, even if the working tree changes meanwhile.
        repo = HERE.parent
        commit = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()
        snap = work / f"snapshot-{commit}"
        if not snap.exists():
            snap.mkdir()
            archive = subprocess.run(["git", "-C", str(repo), "archive", "HEAD", "src"], capture_output=True,
                                     check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(snap)], input=archive, check=True)
        env["PYTHONPATH"] = str(snap / "src") + os.pathsep + env.get("PYTHONPATH", "")
    corpus = work / "corpus.jsonl"
    info = make_corpus(corpus, args.n, args.source or DEFAULT_SOURCES, set(args.exclude_id))
    print(f"corpus: {info}", file=sys.stderr)
    py = sys.executable
    results: dict = {"corpus": info, "cores": os.cpu_count(), "commit": commit,
                     "cpu_s_note": "user+sys of the whole process tree (the pool workers and the JVM included)",
                     "load_avg_before": os.getloadavg(), "runs": {}}
    if args.legs > 1:
        results["runs"] = run_legs(corpus, args.legs, work, env, py)
        runs = results["runs"]
        results["scaling_workers2_vs_1"] = round(runs["workers1"]["wall_s"] / runs["workers2"]["wall_s"], 2)
        results["scaling_per_leg"] = [round(a / b, 2) for a, b in zip(runs["workers1"]["leg_wall_s"],
                                                                       runs["workers2"]["leg_wall_s"])]
        results["load_avg_after"] = os.getloadavg()
        print(json.dumps(results, indent=1))
        if args.json:
            args.json.write_text(json.dumps(results, indent=1))
        return 0
    for workers in (1, 2):
        print(f"running --workers {workers} ...", file=sys.stderr)
        r = run_sampled([py, "-c", CLI_SNIPPET, str(corpus), str(work / f"out-w{workers}.jsonl"), str(workers)], env)
        inner = json.loads(r["stdout"].strip().splitlines()[-1])
        results["imported_from"] = [ln.split(" from ", 1)[1] for ln in r["stderr"].splitlines()
                                    if ln.startswith("saidwhat from")]
        results["runs"][f"workers{workers}"] = {
            "wall_s": r["wall_s"], "cpu_s": r["cpu_s"], "extract_s": round(inner["extract_s"], 1),
            "quotes": inner["quotes"],
            "articles_per_s": round(args.n / r["wall_s"], 2), "peak_rss_mb": r["peak_rss_mb"]}
    if not args.no_spark:
        try:
            import pyspark  # noqa: F401

            print("running Spark local[2] ...", file=sys.stderr)
            r = run_sampled([py, "-c", SPARK_SNIPPET, str(corpus.with_suffix(".parquet")), str(work / "spark-out")], env)
            inner = json.loads(r["stdout"].strip().splitlines()[-1])
            results["runs"]["spark_local2"] = {
                "wall_s": r["wall_s"], "cpu_s": r["cpu_s"], "startup_s": round(inner["startup_s"], 1),
                "extract_s": round(inner["extract_s"], 1), "quotes": inner["quotes"],
                "articles_per_s": round(args.n / inner["extract_s"], 2), "peak_rss_mb": r["peak_rss_mb"]}
        except ImportError:
            print("pyspark not installed: Spark skipped", file=sys.stderr)
    runs = results["runs"]
    w1, w2 = runs["workers1"], runs["workers2"]
    results["scaling_workers2_vs_1"] = round(w1["wall_s"] / w2["wall_s"], 2)
    results["scaling_extract_workers2_vs_1"] = round(w1["extract_s"] / w2["extract_s"], 2)
    if "spark_local2" in runs:
        results["spark_job_vs_workers2"] = round(runs["spark_local2"]["extract_s"] / w2["extract_s"], 2)
        results["spark_wall_vs_workers2"] = round(runs["spark_local2"]["wall_s"] / w2["wall_s"], 2)
    results["same_quote_count"] = len({r["quotes"] for r in runs.values()}) == 1
    results["load_avg_after"] = os.getloadavg()
    print(json.dumps(results, indent=1))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
