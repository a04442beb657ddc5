"""Provenance on the PolNeAR gold quotations (../shared; skipped without it).

The gold quotations of gold_train/gold_dev are loaded as they are (no extraction, so it
runs in seconds; scripts/provenance_polnear.py does the same with the extractor's
quotations): every normalised wording printed in two or more articles must be one cluster.
"""
from __future__ import annotations

import json
from collections import defaultdict

import pytest

pytest.importorskip("duckdb")
pytest.importorskip("datasketch")

from saidwhat.store import connect, load_records  # noqa: E402
from saidwhat.store.provenance import clusters  # noqa: E402


def test_polnear_gold_duplicates_are_one_cluster_each(shared_dir, tmp_path):
    src = shared_dir / "eval" / "polnear"
    if not (src / "gold_dev.jsonl").is_file():
        pytest.skip("PolNeAR gold files are not in ../shared")
    records = []
    for name in ("gold_train.jsonl", "gold_dev.jsonl"):
        for line in (src / name).open(encoding="utf-8"):
            art = json.loads(line)
            quotes = [{**q, "flags": q.get("flags") or []} for q in art["quotes"]]
            records.append({"id": art["id"], "text": art["text"], "quotes": quotes})
    path = tmp_path / "gold.duckdb"
    load_records(path, records, run_id="gold")
    con = connect(path, read_only=True)
    arts, cids = defaultdict(set), defaultdict(set)
    for norm, aid, cid in con.execute("SELECT norm, article_id, cluster_id FROM prov_quotes WHERE norm <> ''").fetchall():
        arts[norm].add(aid)
        cids[norm].add(cid)
    multi = [n for n in arts if len(arts[n]) >= 2]
    assert len(multi) > 50   # the corpus has such quotations ...
    assert [n for n in multi if len(cids[n]) > 1] == []   # ... and each is one cluster
    big = clusters(con, min_articles=2)
    con.close()
    assert len(big) >= len(multi) // 2
