"""Provenance on Spark local[2]: the same clusters as the store on invented quotations."""
from __future__ import annotations

import pytest

pytest.importorskip("datasketch")
pytest.importorskip("duckdb")

from saidwhat.store import connect, load_records  # noqa: E402
from saidwhat.store.provenance import membership  # noqa: E402

pytestmark = [pytest.mark.spark]

O = "We will rebuild the old bridge over the river before the winter comes, whatever it costs."
QUOTES = [
    ("a1", O, "Ana Lopez"), ("a1", "The ferry timetable will change in the spring for every passenger.", "Port"),
    ("a2", "We will rebuild the old bridge over the river", "Lopez"),
    ("a3", O.replace("old", "new"), "Ana Lopez"), ("a4", O.replace("We will", "We will, of course,"), None),
    ("a5", "“WE WILL rebuild the old bridge over the river before the winter comes — whatever it costs!”", "Tom"),
    ("a6", "The hospital will open a new wing next year, the board said.", "Board"),
    ("a7", "the old bridge", "Tom"), ("a8", "The ferry timetable will change in the spring", "Port"),
    ("a9", "Yes.", "Tom"), ("b1", "yes", "Ana"),
]


def _partition(rows):
    groups = {}
    for aid, qi, cid in rows:
        groups.setdefault(cid, set()).add((aid, qi))
    return sorted(sorted(g) for g in groups.values())


@pytest.mark.parametrize("banded", [True, False])
def test_spark_clusters_equal_store_clusters(spark, tmp_path, banded):
    from saidwhat.spark import CLUSTER_SCHEMA_DDL, cluster_quotes_df

    arts = {}
    for aid, text, who in QUOTES:
        arts.setdefault(aid, []).append({"quote": text, "quote_start": 0, "quote_end": len(text), "type": "direct",
                                         "speaker": who, "confidence": 0.9, "flags": []})
    path = tmp_path / "s.duckdb"
    load_records(path, [{"id": k, "text": "...", "quotes": v} for k, v in arts.items()], run_id="r")
    con = connect(path, read_only=True)
    expected = _partition(membership(con))
    con.close()
    rows = [(aid, i, q["quote"]) for aid, qs in arts.items() for i, q in enumerate(qs)]
    df = spark.createDataFrame(rows, "article_id string, quote_index int, quote string").repartition(2)
    out = cluster_quotes_df(df, banded=banded)
    assert [f.name for f in out.schema.fields] == [c.split()[0] for c in CLUSTER_SCHEMA_DDL.split(", ")]
    got = _partition((r.article_id, r.quote_index, r.cluster_id) for r in out.collect())
    assert got == expected
    assert [("a1", 0), ("a2", 0), ("a3", 0), ("a4", 0), ("a5", 0)] in got and [("a9", 0), ("b1", 0)] in got


def test_spark_main_cluster_writes_prov_quotes_columns(spark, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from saidwhat.spark import CLUSTER_SCHEMA_DDL, main

    rows = [(aid, i, text) for i, (aid, text, _) in enumerate(QUOTES)]
    src = tmp_path / "quotes.parquet"
    pq.write_table(pa.table({"article_id": [r[0] for r in rows], "quote_index": [r[1] for r in rows],
                             "quote": [r[2] for r in rows]}), src)
    out = tmp_path / "clusters"
    assert main(["--cluster", str(src), str(out)]) == 0
    got = pq.read_table(out).to_pydict()
    assert list(got) == [c.split()[0] for c in CLUSTER_SCHEMA_DDL.split(", ")]
    by = {}
    for aid, cid in zip(got["article_id"], got["cluster_id"]):
        by.setdefault(cid, set()).add(aid)
    assert {"a1", "a2", "a3", "a4", "a5"} in by.values() and {"a9", "b1"} in by.values()
