"""Provenance benchmark (not a test): variant detection precision/recall, conflict flags,
time and peak memory of the clustering, on invented quotations.

Usage::

    PYTHONPATH=src python benchmarks/provenance.py [--records 100000] [--spark] [--json out.json]

``--records`` quotation records are generated: originals (12-30 invented words from a
Zipf-distributed invented vocabulary, so common word pairs exist) credited to invented
people, and for a third of them one altered copy in another article: ``truncated``
(30-50 % of the words cut from the start or the end), ``substituted`` (one word
replaced), ``added`` (2-3 words inserted), ``recredited`` (same words, another
person), plus unaltered copies credited by surname only (must NOT be flagged). Five
quotations per article, one date per article, ten outlets.

Measured, each in one process (peak RSS from ``getrusage``, so run one size per call):

* ``load``: :func:`saidwhat.store.load_records` in two halves (the second half is an
  incremental update against the first), clustering included;
* ``clusters``: :func:`saidwhat.store.provenance.clusters` (all clusters of 2+
  articles, with diffs) -- what ``saidwhat query clusters -f json`` computes;
* with ``--spark``: :func:`saidwhat.spark.cluster_quotes_df` on ``local[2]`` on the same
  records (time; the JVM's memory is not in this process's RSS: reported from
  ``/proc`` of the JVM child).

Scores: a copy is *detected* when it is in its original's cluster and its difference
kinds contain its alteration (``truncated``/``substituted``/``added``); precision is
over every appearance reported with a non-empty difference (correct when it is such a
copy with that kind); recall over all altered copies. ``recredited flagged`` is the
share of re-credited copies with the conflict mark (when a quotation is re-credited twice
to the same person, that person is the majority and the original is marked instead),
``recredited in a conflict cluster`` the share whose cluster is marked; ``surname flagged`` the share of
surname-only copies wrongly marked. ``false merges``: clusters holding two originals.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

FIRST = "Ana Tomas Rita Jonas Mia Omar Lena Ivo Sara Paul Nadia Karl Eva Luis Zora Femi".split()
LAST = "Lopez Becker Okafor Weller Chen Haddad Novak Silva Moreau Tanaka Kowal Ruiz Dahl Osei Varga Mills".split()
KINDS = ("truncated", "substituted", "added", "recredited", "surname")


def vocabulary(n: int, rnd: random.Random) -> list[str]:
    syl = "ka lo mi re tu sa ne po vi da ge fo ru zi be no ta le mu ri".split()
    out = set()
    while len(out) < n:
        out.add("".join(rnd.choice(syl) for _ in range(rnd.randint(1, 4))))
    return sorted(out)


def generate(n_records: int, seed: int = 7):
    """Articles (store records) and the truth: ``{(article_id, quote_index): (original key, kind)}``."""
    rnd = random.Random(seed)
    vocab = vocabulary(20000, rnd)
    weights = [1 / (i + 1) for i in range(len(vocab))]
    cum = []
    s = 0.0
    for w in weights:
        s += w
        cum.append(s)

    def sentence(k: int) -> list[str]:
        return rnd.choices(vocab, cum_weights=cum, k=k)

    quotes = []   # (text words, speaker, original index or None, kind)
    n_orig = int(n_records / (1 + 1 / 3))
    for i in range(n_orig):
        w = sentence(rnd.randint(12, 30))
        who = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
        quotes.append((w, who, None, None))
    for i in range(n_records - n_orig):
        o = rnd.randrange(n_orig)
        w, who = quotes[o][0], quotes[o][1]
        kind = KINDS[i % len(KINDS)]
        if kind == "truncated":
            cut = max(5, int(len(w) * rnd.uniform(0.5, 0.7)))
            w = w[:cut] if rnd.random() < 0.5 else w[-cut:]
        elif kind == "substituted":
            j = rnd.randrange(1, len(w) - 1)
            new = w[j]
            while new == w[j]:
                new = rnd.choice(vocab)
            w = w[:j] + [new] + w[j + 1:]
        elif kind == "added":
            j = rnd.randrange(1, len(w) - 1)
            w = w[:j] + sentence(rnd.randint(2, 3)) + w[j:]
        elif kind == "recredited":
            other = who
            while other.split()[1] == who.split()[1] or other.split()[0] == who.split()[0]:
                other = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
            who = other
        else:
            who = who.split()[1]
        quotes.append((w, who, o, kind))
    # originals first in time: each in an article dated before any copy
    order = list(range(n_orig))
    rnd.shuffle(order)
    copies = list(range(n_orig, len(quotes)))
    rnd.shuffle(copies)
    articles, truth, per = [], {}, 5
    seq = order + copies
    for a in range(0, len(seq), per):
        aid = f"art{a // per:07d}"
        day = 1 + (0 if a < n_orig else 200) + (a // per) % 150
        qs = []
        for qi, k in enumerate(seq[a:a + per]):
            w, who, o, kind = quotes[k]
            text = " ".join(w).capitalize() + "."
            qs.append({"quote": text, "quote_start": 0, "quote_end": len(text), "type": "direct",
                       "speaker": who, "speaker_type": "PERSON", "confidence": 0.9, "flags": [],
                       "speaker_id": "E1"})
            truth[(aid, qi)] = (k if o is None else o, kind)
        articles.append({"id": aid, "outlet": f"Outlet {a % 10}",
                         "date": f"{2023 + day // 365}-{1 + (day % 365) // 31:02d}-{1 + day % 28:02d}",
                         "text": "...", "quotes": qs})
    return articles, truth


def score(found, truth) -> dict:
    where = {}   # (aid, qi) -> (cluster id, kinds, conflict, cluster conflict)
    for c in found:
        for a in c["appearances"]:
            where[(a["article_id"], a["quote_index"])] = (c["cluster_id"], a["kinds"], a["conflict"], c["conflict"])
    orig_cluster = {}
    for key, (o, kind) in truth.items():
        if kind is None and key in where:
            orig_cluster[o] = where[key][0]
    tp = fn = fp = 0
    rec_total = rec_flag = rec_cluster = sur_total = sur_flag = 0
    for key, (o, kind) in truth.items():
        got = where.get(key)
        same = got is not None and orig_cluster.get(o) == got[0]
        if kind in ("truncated", "substituted", "added"):
            if same and kind in got[1]:
                tp += 1
            else:
                fn += 1
        if got and got[1] and not (kind in ("truncated", "substituted", "added") and same and kind in got[1]):
            fp += 1
        if kind == "recredited":
            rec_total += 1
            rec_flag += bool(same and got[2])
            rec_cluster += bool(same and got[3])
        if kind == "surname":
            sur_total += 1
            sur_flag += bool(got and got[2])
    merges = sum(1 for c in found if sum(truth[(a["article_id"], a["quote_index"])][1] is None
                                         for a in c["appearances"]) > 1)
    return {"precision": round(tp / max(1, tp + fp), 4), "recall": round(tp / max(1, tp + fn), 4),
            "altered copies": tp + fn, "recredited flagged": round(rec_flag / max(1, rec_total), 4),
            "recredited in a conflict cluster": round(rec_cluster / max(1, rec_total), 4),
            "surname flagged": round(sur_flag / max(1, sur_total), 4), "false merges": merges}


def cpu_s() -> float:
    """CPU seconds of this process so far (user + system): the machine is shared, so
    wall times depend on the load; CPU times much less."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_spark(articles, workdir: Path, memory: str = "6g") -> dict:
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from saidwhat.spark import cluster_quotes_df

    rows = [(a["id"], i, q["quote"]) for a in articles for i, q in enumerate(a["quotes"])]
    t0 = time.perf_counter()
    spark = (SparkSession.builder.master("local[2]").appName("provenance-bench")
             .config("spark.ui.enabled", "false").config("spark.driver.memory", memory)
             .config("spark.sql.shuffle.partitions", "4").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - t0
    path = workdir / "quotes.parquet"
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"article_id": [r[0] for r in rows], "quote_index": [r[1] for r in rows],
                             "quote": [r[2] for r in rows]}), path)
    t0 = time.perf_counter()
    df = spark.read.parquet(str(path))
    out = cluster_quotes_df(df)
    out.write.mode("overwrite").parquet(str(workdir / "clusters"))
    job = time.perf_counter() - t0
    jvm = 0
    for pid in os.listdir("/proc"):   # the JVM this process started
        try:
            if pid.isdigit() and Path(f"/proc/{pid}/stat").read_text().split(") ")[1].split()[1] == str(os.getpid()):
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM"):
                        jvm = max(jvm, int(line.split()[1]) // 1024)
        except (OSError, IndexError):
            pass
    spark.stop()
    got = pq.read_table(workdir / "clusters", columns=["article_id", "quote_index", "cluster_id"]).to_pydict()
    member = {(a, q): c for a, q, c in zip(got["article_id"], got["quote_index"], got["cluster_id"])}
    return {"spark startup s": round(startup, 1), "spark job s": round(job, 1), "spark rows": len(member),
            "spark jvm peak MB": jvm}, member


def same_partition(a: dict, b: dict) -> int:
    """Quotations whose cluster differs between two ``key -> cluster id`` maps (0: same clusters)."""
    fwd, back, bad = {}, {}, 0
    for k, ca in a.items():
        cb = b.get(k)
        if fwd.setdefault(ca, cb) != cb or back.setdefault(cb, ca) != ca:
            bad += 1
    return bad + len(set(b) - set(a))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--spark", action="store_true", help="also run the Spark job on local[2]")
    ap.add_argument("--no-store", action="store_true", help="Spark only")
    ap.add_argument("--spark-memory", default="6g", help="spark.driver.memory (local mode: all of Spark)")
    ap.add_argument("--json", help="write the results here too")
    args = ap.parse_args()
    t0 = time.perf_counter()
    articles, truth = generate(args.records)
    res = {"records": len(truth), "articles": len(articles), "load average": os.getloadavg()[0],
           "generate s": round(time.perf_counter() - t0, 1),
           "peak MB after generating": peak_mb()}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if not args.no_store:
            from saidwhat.store import connect, load_records
            from saidwhat.store.provenance import clusters

            db = tmp / "bench.duckdb"
            half = len(articles) // 2
            t0, c0 = time.perf_counter(), cpu_s()
            load_records(db, articles[:half], run_id="first half")
            res["load+cluster first half s"] = round(time.perf_counter() - t0, 1)
            res["load+cluster first half cpu s"] = round(cpu_s() - c0, 1)
            t0, c0 = time.perf_counter(), cpu_s()
            load_records(db, articles[half:], run_id="second half")
            res["load+cluster second half (incremental) s"] = round(time.perf_counter() - t0, 1)
            res["load+cluster second half cpu s"] = round(cpu_s() - c0, 1)
            con = connect(db, read_only=True)
            t0, c0 = time.perf_counter(), cpu_s()
            found = clusters(con)
            res["clusters query s"] = round(time.perf_counter() - t0, 1)
            res["clusters query cpu s"] = round(cpu_s() - c0, 1)
            con.close()
            res["clusters (2+ articles)"] = len(found)
            res["store MB"] = round(db.stat().st_size / 2**20, 1)
            res.update(score(found, truth))
            res["peak MB"] = peak_mb()
            del found
        if args.spark:
            figures, member = run_spark(articles, tmp, args.spark_memory)
            res.update(figures)
            if not args.no_store:
                from saidwhat.store.provenance import membership

                con = connect(db, read_only=True)
                stored = {(a, q): c for a, q, c in membership(con)}
                con.close()
                res["quotations clustered differently by Spark and the store"] = same_partition(stored, member)
    print(json.dumps(res, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
