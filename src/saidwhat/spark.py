"""saidwhat.spark: quotation extraction on Apache Spark, beyond one machine.

Needs ``pyspark`` (extra ``saidwhat[spark]``), Java 17+, and saidwhat with its spaCy
model installed on every worker.

:func:`extract_quotes_df` maps a DataFrame of articles (``id``, ``text`` and optional
``title``, ``url``, ``date``, ``outlet`` columns) to a DataFrame of quotation rows with
``mapInArrow``; the pipeline is loaded once per Python worker process (Spark reuses
Python workers across tasks, ``spark.python.worker.reuse=true`` by default), not per
batch. The output schema is :data:`QUOTE_SCHEMA_DDL`, the same columns and types as
``saidwhat extract --out FILE.parquet``:

==================================================  =======================================
column                                              meaning
==================================================  =======================================
``article_id`` string                               the input ``id``
``title, url, date, outlet`` string                 the input's metadata, or null
``quote_index`` int                                 0-based position of the quotation in its article
``quote, type, speaker, speaker_type, ...`` string  :data:`saidwhat.RECORD_FIELDS`
``*_start, *_end`` bigint                           character indices into ``text``, end exclusive
``confidence`` double                               0–1
``flags`` array<string>                             e.g. ``continuation``, ``unclosed``
==================================================  =======================================

Provenance: :func:`cluster_quotes_df` clusters quotation rows across articles like
:mod:`saidwhat.store.provenance` (same normalisation, links and thresholds; Spark ML's
``MinHashLSH`` for the near-duplicates) and returns the rows of the store's
``prov_quotes`` table; ``python -m saidwhat.spark --cluster QUOTES OUTPUT`` runs it on
the Parquet output of an extraction.

Articles without quotations produce no rows; an article whose extraction fails is
logged on the worker's stderr and produces no rows.

Command line (``spark-submit`` ready)::

    python -m saidwhat.spark INPUT OUTPUT [--master local[2]] [--partitions N]
    spark-submit --master yarn --py-files ... -m saidwhat.spark s3://bucket/news/*.parquet s3://bucket/quotes

INPUT is Parquet or JSON Lines (any path Spark reads: local, HDFS, S3 ...), or WARC,
HTML or text files on a file system that every worker can read (they are listed on
the driver and read by the workers with :mod:`saidwhat.io`). OUTPUT is a directory of
Parquet (default) or JSON Lines (``--output-format jsonl``) part files.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from typing import Any

# Absolute imports: this file also runs as a script under spark-submit.
from saidwhat.io.base import META_FIELDS, ROW_FIELDS

#: Spark DDL schema of the quotation rows (all columns nullable).
QUOTE_SCHEMA_DDL = ", ".join(
    f"{name} {'int' if name == 'quote_index' else 'bigint' if name.endswith(('_start', '_end')) else 'double' if name == 'confidence' else 'array<string>' if name == 'flags' else 'string'}"
    for name in ROW_FIELDS)

_NLP: dict[str | None, Any] = {}


def _worker_nlp(model: str | None):
    """The pipeline of this Python worker, loaded on first use and kept."""
    if model not in _NLP:
        from saidwhat.api import load

        _NLP[model] = load(model)
    return _NLP[model]


def _extract_batches(batches: Iterator[Any], *, model: str | None, batch_size: int,
                     timeout: float | None = None, slice_rows: int = 16) -> Iterator[Any]:
    """mapInArrow body: article record batches in, quotation record batches out."""
    from saidwhat.batch.worker import process_texts
    from saidwhat.io.base import quote_rows
    from saidwhat.io.parquet import rows_to_table

    nlp = _worker_nlp(model)
    for batch in batches:
        cols = batch.to_pydict()
        n = batch.num_rows
        for lo in range(0, n, slice_rows):
            hi = min(n, lo + slice_rows)
            texts = [t or "" for t in cols["text"][lo:hi]]
            rows = []
            for i, (quotes, err) in enumerate(process_texts(texts, nlp, batch_size, timeout=timeout)):
                rec = {"id": cols["id"][lo + i], "quotes": quotes}
                for key in META_FIELDS:
                    if key in cols:
                        rec[key] = cols[key][lo + i]
                if err is not None:
                    print(f"saidwhat.spark: article {rec['id']!r} failed: {err}", file=sys.stderr)
                rows.extend(quote_rows(rec))
            if rows:
                yield from rows_to_table(rows, all_nullable=True).to_batches()


def extract_quotes_df(df, *, id_col: str = "id", text_col: str = "text", model: str | None = None,
                      batch_size: int = 32, timeout: float | None = 120.0):
    """Extract quotations from a Spark DataFrame of articles.

    Args:
        df: A ``pyspark.sql.DataFrame`` with an id column and a text column, and
            optionally ``title``, ``url``, ``date``, ``outlet`` (cast to string).
        id_col: Name of the id column (cast to string).
        text_col: Name of the text column.
        model: spaCy pipeline name or path, installed on every worker (``None``: default).
        batch_size: Texts per ``nlp.pipe`` batch.
        timeout: Seconds allowed per slice of 16 articles, then per article retried
            alone (as ``saidwhat extract --timeout``); an article over it is logged and
            produces no rows. ``None``: no limit.

    Returns:
        A DataFrame of quotation rows with schema :data:`QUOTE_SCHEMA_DDL`.
    """
    from pyspark.sql import functions as F

    cols = [F.col(id_col).cast("string").alias("id"), F.col(text_col).cast("string").alias("text")]
    cols += [F.col(c).cast("string").alias(c) for c in META_FIELDS if c in df.columns and c not in (id_col, text_col)]
    articles = df.select(*cols)
    # Referenced through the installed module (pickled by reference, not by value), so
    # the pipeline cache lives in the worker's saidwhat.spark module and survives tasks,
    # also when this file runs as __main__ under spark-submit.
    from saidwhat.spark import _extract_batches as run

    def fn(batches):
        return run(batches, model=model, batch_size=batch_size, timeout=timeout)

    return articles.mapInArrow(fn, QUOTE_SCHEMA_DDL)


#: Spark DDL schema of :func:`cluster_quotes_df`'s output (the store's ``prov_quotes``
#: without ``anchor``).
CLUSTER_SCHEMA_DDL = ("qid bigint, article_id string, quote_index int, quote string, norm string, "
                      "n_words int, cluster_id bigint")
#: Spark ``MinHashLSH`` hash tables when ``banded=False``. Spark's own join is OR-only
#: (one min-hash per table): with 8 tables a pair at Jaccard 0.5 is proposed with
#: probability 1 - 0.5**8 = 0.996, but quotations sharing one common shingle land in huge
#: buckets (on 100,000 invented quotations it ran for over 20 minutes on local[2]).
SPARK_HASH_TABLES = 8
#: ``HashingTF`` size for shingle sets (2**22: collisions between the shingles of two
#: quotations are negligible).
SPARK_FEATURES = 1 << 22


def _normalise_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInArrow body: ``qid, article_id, quote_index, quote`` in; ``norm``, ``n_words``,
    ``shingles`` (array<string>) added."""
    import pyarrow as pa

    from saidwhat.store.provenance import normalise, shingles

    for batch in batches:
        cols = batch.to_pydict()
        norms = [normalise(q or "") for q in cols["quote"]]
        cols["norm"] = norms
        cols["n_words"] = [len(n.split()) for n in norms]
        cols["shingles"] = [shingles(n) for n in norms]
        yield pa.RecordBatch.from_pydict(cols, schema=pa.schema([
            ("qid", pa.int64()), ("article_id", pa.string()), ("quote_index", pa.int32()), ("quote", pa.string()),
            ("norm", pa.string()), ("n_words", pa.int32()), ("shingles", pa.list_(pa.string()))]))


def cluster_quotes_df(df, *, banded: bool = True):
    """Cluster quotation rows across articles (provenance), on Spark.

    The links are those of :mod:`saidwhat.store.provenance`: the same normalised words;
    Jaccard similarity of word shingles >= ``NEAR_JACCARD`` (min-hashes from
    ``pyspark.ml.feature.MinHashLSH``; candidates sharing a band of them, with the
    store's bands and rows; the Jaccard then computed exactly); a fragment of >= ``MIN_FRAGMENT_WORDS`` words that is a
    whole-word run of a longer quotation (candidates through the fragment's rarest
    shingle). Connected components are computed on the driver from the collected links
    (about one per clustered quotation).

    Args:
        df: A DataFrame with ``article_id``, ``quote_index``, ``quote`` (e.g. the output
            of :func:`extract_quotes_df`).
        banded: ``False``: Spark ML's own ``approxSimilarityJoin`` (OR-only, one
            min-hash per table, :data:`SPARK_HASH_TABLES`) instead of the banded join;
            the same clusters, much slower on text with common word pairs.

    Returns:
        A DataFrame with schema :data:`CLUSTER_SCHEMA_DDL`, one row per quotation;
        ``cluster_id`` is the smallest ``qid`` of the cluster (``qid``: a unique id given
        here), so the clusters are the store's, under other ids.
    """
    from pyspark.ml.feature import HashingTF, MinHashLSH
    from pyspark.ml.functions import vector_to_array
    from pyspark.sql import functions as F

    from saidwhat.spark import _normalise_batches as norm_fn
    from saidwhat.store.provenance import MIN_FRAGMENT_WORDS, MIN_NEAR_WORDS, NEAR_JACCARD, _lsh, _UnionFind

    base = df.select(F.monotonically_increasing_id().alias("qid"), F.col("article_id").cast("string"),
                     F.col("quote_index").cast("int"), F.col("quote").cast("string"))
    q = base.mapInArrow(norm_fn, "qid bigint, article_id string, quote_index int, quote string, norm string, "
                                 "n_words int, shingles array<string>").cache()
    # exact: every quotation to the smallest qid with its words
    first = q.where(F.col("norm") != "").groupBy("norm").agg(F.min("qid").alias("root"))
    exact = q.join(first, "norm").where(F.col("qid") != F.col("root")).select(F.col("qid").alias("a"), F.col("root").alias("b"))
    # near-duplicates
    near_in = q.where(F.col("n_words") >= MIN_NEAR_WORDS)
    feats = HashingTF(inputCol="shingles", outputCol="features", numFeatures=SPARK_FEATURES, binary=True).transform(near_in)
    if banded:
        # the store's LSH: b bands of r min-hashes (AND within a band, OR across bands),
        # the min-hashes computed by Spark ML's MinHashLSH, then the exact Jaccard
        b, r, _, _ = _lsh()
        model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=b * r, seed=1).fit(feats)
        keys = (model.transform(feats)
                .select("qid", F.posexplode("hashes").alias("pos", "vec"))
                .select("qid", (F.col("pos") / r).cast("int").alias("band"),
                        F.struct("pos", vector_to_array("vec")[0].alias("h")).alias("ph"))
                .groupBy("qid", "band").agg(F.xxhash64(F.sort_array(F.collect_list("ph"))).alias("key")))
        sets = q.select("qid", "shingles")
        near = (keys.alias("x").join(keys.alias("y"), ["band", "key"])
                .where(F.col("x.qid") < F.col("y.qid"))
                .select(F.col("x.qid").alias("a"), F.col("y.qid").alias("b")).distinct()
                .join(sets.withColumnRenamed("qid", "a").withColumnRenamed("shingles", "sa"), "a")
                .join(sets.withColumnRenamed("qid", "b").withColumnRenamed("shingles", "sb"), "b")
                .where(F.size(F.array_intersect("sa", "sb")) >= NEAR_JACCARD * F.size(F.array_union("sa", "sb")))
                .select("a", "b"))
    else:
        model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=SPARK_HASH_TABLES, seed=1).fit(feats)
        near = (model.approxSimilarityJoin(feats, feats, 1.0 - NEAR_JACCARD + 1e-9, distCol="dist")
                .where(F.col("datasetA.qid") < F.col("datasetB.qid"))
                .select(F.col("datasetA.qid").alias("a"), F.col("datasetB.qid").alias("b")))
    # containment: the fragment's rarest shingle, then a whole-word substring check
    sh = (q.where(F.col("n_words") >= MIN_FRAGMENT_WORDS)
          .select("qid", F.explode(F.array_distinct("shingles")).alias("shingle")))
    df_sh = sh.groupBy("shingle").agg(F.count("*").alias("n"))
    anchors = (sh.join(df_sh, "shingle").groupBy("qid")
               .agg(F.min(F.struct("n", "shingle")).alias("m")).select("qid", F.col("m.shingle").alias("shingle")))
    f = q.select(F.col("qid").alias("fq"), F.col("norm").alias("fnorm"))
    c = q.select(F.col("qid").alias("cq"), F.col("norm").alias("cnorm"))
    contain = (anchors.join(sh.withColumnRenamed("qid", "cq"), "shingle").where(F.col("qid") != F.col("cq"))
               .withColumnRenamed("qid", "fq").join(f, "fq").join(c, "cq")
               .where((F.length("cnorm") > F.length("fnorm"))
                      & F.concat(F.lit(" "), "cnorm", F.lit(" ")).contains(F.concat(F.lit(" "), "fnorm", F.lit(" "))))
               .select(F.col("fq").alias("a"), F.col("cq").alias("b")))
    uf = _UnionFind()
    for row in exact.union(near).union(contain).distinct().toLocalIterator():
        uf.union(row.a, row.b)
    roots = [(x, uf.find(x)) for x in uf.parent]
    spark = df.sparkSession
    if roots:
        rdf = spark.createDataFrame(roots, "qid bigint, root bigint")
        out = q.join(F.broadcast(rdf) if len(roots) < 1_000_000 else rdf, "qid", "left")
    else:
        out = q.withColumn("root", F.lit(None).cast("bigint"))
    return out.select("qid", "article_id", "quote_index", "quote", "norm", "n_words",
                      F.coalesce("root", "qid").alias("cluster_id"))


def _read_files(paths: list[str]) -> Iterator[tuple]:
    from saidwhat.io import read_articles
    from saidwhat.io.base import BadRecord

    def report(bad: BadRecord) -> None:
        print(f"saidwhat.spark: {bad}", file=sys.stderr)

    for path in paths:
        for art in read_articles(path, on_error=report):
            meta = art.meta
            yield (art.id, art.text, *[None if meta.get(k) is None else str(meta[k]) for k in META_FIELDS])


def read_input(spark, inputs: list[str], *, input_format: str | None = None, id_col: str = "id",
               text_col: str = "text", partitions: int | None = None):
    """Read articles into a DataFrame with ``id``, ``text`` and metadata columns where present.

    Parquet and JSON Lines are read by Spark itself (``id_col``/``text_col`` renamed to
    ``id``/``text``); WARC, HTML, text and CSV files are listed on the driver and
    parsed on the workers with :mod:`saidwhat.io` (one task per file).

    Args:
        spark: The SparkSession.
        inputs: Paths (globs allowed).
        input_format: ``parquet``, ``jsonl``, ``warc``, ``html``, ``text`` or ``csv``;
            by default from the first path's extension (a directory: Parquet).
        id_col: Id column of Parquet/JSONL input.
        text_col: Text column of Parquet/JSONL input.
        partitions: Repartition the articles into this many partitions.
    """
    from saidwhat.io import detect_format, expand_sources

    fmt = input_format or detect_format(inputs[0].rstrip("/")) or "parquet"
    if fmt in ("parquet", "jsonl"):
        df = spark.read.parquet(*inputs) if fmt == "parquet" else spark.read.json(list(inputs))
        if id_col != "id":
            df = df.drop("id").withColumnRenamed(id_col, "id") if "id" in df.columns else \
                df.withColumnRenamed(id_col, "id")
        if text_col != "text":
            df = df.drop("text").withColumnRenamed(text_col, "text") if "text" in df.columns else \
                df.withColumnRenamed(text_col, "text")
    else:
        files = expand_sources(inputs)
        schema = "id string, text string, " + ", ".join(f"{k} string" for k in META_FIELDS)
        from saidwhat.spark import _read_files as read_files

        rdd = spark.sparkContext.parallelize(files, max(1, len(files))).mapPartitions(read_files)
        df = spark.createDataFrame(rdd, schema)
    if partitions:
        df = df.repartition(partitions)
    return df


def main(argv: list[str] | None = None) -> int:
    """``python -m saidwhat.spark INPUT... OUTPUT``; returns the exit code."""
    p = argparse.ArgumentParser(prog="python -m saidwhat.spark",
                                description="Extract quotations with Spark: articles in, quotation rows out.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="Parquet, JSONL, WARC, HTML or text paths")
    p.add_argument("output", metavar="OUTPUT", help="output directory (Parquet or JSONL part files)")
    p.add_argument("--input-format", choices=("parquet", "jsonl", "warc", "html", "text", "csv"))
    p.add_argument("--output-format", choices=("parquet", "jsonl"), default="parquet")
    p.add_argument("--id-col", default="id")
    p.add_argument("--text-col", default="text")
    p.add_argument("--model", default=None, help="spaCy pipeline installed on every worker")
    p.add_argument("--master", default=None, help="e.g. local[2] (default: from spark-submit, else local[*])")
    p.add_argument("--partitions", type=int, default=None, help="repartition the articles first")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--timeout", type=float, default=120.0, help="seconds per 16 articles (0: no limit)")
    p.add_argument("--mode", choices=("error", "overwrite", "append"), default="error",
                   help="when OUTPUT exists (default: error)")
    p.add_argument("--cluster", action="store_true",
                   help="INPUT is quotation rows (Parquet from this job): write their provenance "
                        "clusters (the store's prov_quotes columns) instead of extracting")
    args = p.parse_args(argv)
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print("python -m saidwhat.spark: error: PySpark is not installed; install the spark extra "
              "(pip install 'saidwhat[spark]', or scripts/install.sh spark) and Java 17.", file=sys.stderr)
        return 2

    own = SparkSession.getActiveSession() is None
    builder = SparkSession.builder.appName("saidwhat")
    if args.master:  # else spark-submit's --master, or local[*] when run with plain python
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        if args.cluster:
            quotes = cluster_quotes_df(spark.read.parquet(*args.inputs))
        else:
            df = read_input(spark, args.inputs, input_format=args.input_format, id_col=args.id_col,
                            text_col=args.text_col, partitions=args.partitions)
            quotes = extract_quotes_df(df, model=args.model, batch_size=args.batch_size,
                                       timeout=args.timeout or None)
        writer = quotes.write.mode(args.mode)
        if args.output_format == "jsonl":
            writer.json(args.output)
        else:
            writer.parquet(args.output)
    finally:
        if own:
            spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
