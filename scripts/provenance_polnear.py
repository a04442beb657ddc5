"""Provenance on PolNeAR: build a store from the texts of the PolNeAR gold files with the
extractor, cluster it, and print the counts recorded in docs/provenance.md.

    PYTHONPATH=src python scripts/provenance_polnear.py [--shared ../shared] [--db /tmp/polnear.duckdb]
        [--sample 50 --sample-out /tmp/polnear_sample.txt]

Only the article texts are read (the gold quotations are not used to build the store);
the outlet and the date come from the article id (``breitbart_2016-09-12_...``). The
store and the hand-check sample are written outside the repository: the texts belong
to their publishers. Check of the done criterion: every normalised wording that the
extractor found in two or more articles must have all its quotations in one cluster.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

FILES = ("gold_train.jsonl", "gold_dev.jsonl")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "polnear-provenance.duckdb"))
    ap.add_argument("--workers", "-w", type=int, default=1)
    ap.add_argument("--reuse", action="store_true", help="keep an existing --db (do not extract again) "
                    "and cluster it anew (drops its prov_* tables first)")
    ap.add_argument("--sample", type=int, default=50, help="clusters written for the hand check")
    ap.add_argument("--sample-out", default=str(Path(tempfile.gettempdir()) / "polnear-provenance-sample.txt"))
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()

    src = Path(args.shared) / "eval" / "polnear"
    db = Path(args.db)
    t0 = time.perf_counter()
    if not (args.reuse and db.exists()):
        db.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
            n = 0
            for name in FILES:
                for line in (src / name).open(encoding="utf-8"):
                    art = json.loads(line)
                    m = re.match(r"([a-z-]+)_(\d{4}-\d{2}-\d{2})_", art["id"])
                    tmp.write(json.dumps({"id": art["id"], "text": art["text"],
                                          "outlet": m.group(1) if m else None,
                                          "date": m.group(2) if m else None}) + "\n")
                    n += 1
        print(f"articles read: {n}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "saidwhat", "extract", tmp.name, "--db", str(db), "-q",
                        "-w", str(args.workers), "--no-language-check"], check=True)
        Path(tmp.name).unlink()
    else:
        from saidwhat.store import connect

        con = connect(db)
        for t in ("prov_quotes", "prov_bands", "prov_shingles"):
            con.execute(f"DROP TABLE IF EXISTS {t}")
        con.close()
    t_load = time.perf_counter() - t0

    from saidwhat.store.provenance import clusters, normalise, open_clustered

    con = open_clustered(db)
    n_art, n_q = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotations)").fetchone()
    # the done criterion: same normalised words in >= 2 articles -> one cluster
    rows = con.execute("SELECT p.norm, p.article_id, p.cluster_id FROM prov_quotes p WHERE p.norm <> ''").fetchall()
    arts, cids = defaultdict(set), defaultdict(set)
    for norm, aid, cid in rows:
        arts[norm].add(aid)
        cids[norm].add(cid)
    multi = [n for n in arts if len(arts[n]) >= 2]
    split = [n for n in multi if len(cids[n]) > 1]
    found = clusters(con, min_articles=2)
    con.close()
    link = Counter()
    for c in found:
        norms = {normalise(a["quote"]) for a in c["appearances"]}
        kinds = {k for a in c["appearances"] for k in a["kinds"]}
        link["exact only" if len(norms) == 1 else "with variants"] += 1
        for k in kinds:
            link[k] += 1
    print(f"store: {db} ({n_art} articles, {n_q} quotations; extraction and clustering {t_load:.0f} s)")
    print(f"normalised wordings in >= 2 articles: {len(multi)}; split over several clusters: {len(split)}")
    print(f"clusters in >= 2 articles: {len(found)} "
          f"(3+ articles: {sum(c['articles'] >= 3 for c in found)}); appearances in them: "
          f"{sum(len(c['appearances']) for c in found)}")
    print("clusters by content: " + ", ".join(f"{k} {v}" for k, v in sorted(link.items())))
    print(f"clusters with a speaker conflict: {sum(c['conflict'] for c in found)}")
    if args.sample:
        rnd = random.Random(args.seed)
        pick = rnd.sample(found, min(args.sample, len(found)))
        with open(args.sample_out, "w", encoding="utf-8") as f:
            for i, c in enumerate(pick, 1):
                f.write(f"#{i} cluster {c['cluster_id']} articles={c['articles']} conflict={c['conflict']}\n")
                for a in c["appearances"]:
                    f.write(f"  {a['article_id']} | {a['speaker']} | {','.join(a['kinds']) or '-'}"
                            f"{' | CONFLICT' if a['conflict'] else ''}\n    {a['quote']}\n")
        print(f"hand-check sample ({len(pick)} clusters, seed {args.seed}): {args.sample_out}")
    return 1 if split else 0


if __name__ == "__main__":
    sys.exit(main())
