"""saidwhat.store.provenance: where a quotation travelled and who it was credited to.

Clusters the quotations of a store across articles and answers, per cluster: the
canonical wording, the first article and date, the outlets, the speakers credited,
each appearance's word-level difference from the canonical wording, and whether the
quotation is credited to different people in different articles (a *conflict*).

Three links put two quotations in one cluster (clusters are the connected components):

* **exact**: the same words after normalisation (:func:`normalise`: case, punctuation,
  quote marks, apostrophes and whitespace ignored), any length;
* **near-duplicate**: Jaccard similarity of their word shingles (:data:`SHINGLE_WORDS`
  words) at least :data:`NEAR_JACCARD`; candidates come from MinHash signatures
  (``datasketch.MinHash``) and LSH band keys (bands and rows chosen by
  ``datasketch.MinHashLSH`` for :data:`LSH_THRESHOLD`), and every candidate is verified
  exactly;
* **containment**: one quotation of at least :data:`MIN_FRAGMENT_WORDS` words is a
  contiguous run of the words of a longer one; candidates come from an inverted index
  of shingles (every container holds the fragment's *anchor*, its rarest shingle).

Tables (additive; created with ``CREATE TABLE IF NOT EXISTS``, so old stores open):

``prov_quotes``
    One row per clustered quotation: ``qid`` (BIGINT, stable), ``article_id,
    quote_index`` (the key of ``quotations``), ``quote`` (as stored, to notice an
    article replaced by a later load), ``norm`` (normalised words joined by one space),
    ``n_words``, ``anchor`` (BIGINT: the fragment's shingle held by the fewest stored
    quotations when it was added, NULL under MIN_FRAGMENT_WORDS), ``cluster_id`` (BIGINT: the
    smallest ``qid`` ever merged into the cluster).
``prov_bands``
    ``band`` (SMALLINT), ``key`` (BIGINT hash of that band of the MinHash signature),
    ``qid``: the LSH index, persisted.
``prov_shingles``
    ``shingle`` (BIGINT hash), ``qid``: the inverted index for containment.

Incremental: :func:`update_clusters` hashes only the quotations that are not yet in
``prov_quotes`` (and drops rows of articles replaced since), looks their band keys
and shingles up in the persisted tables, and merges the clusters they link.
:func:`saidwhat.store.duckdb.write_records` calls it after every load, in the same
transaction. A cluster is never split when a member is removed (an article replaced
by a different version): the remaining members keep their cluster id.
"""
from __future__ import annotations

import difflib
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

#: Words per shingle. 2 (word pairs) keeps one substituted word in a 12-word quotation
#: at Jaccard 0.69 (3-word shingles would drop it to 0.54, near the threshold).
SHINGLE_WORDS = 2
#: Minimum verified Jaccard similarity of shingle sets for a near-duplicate link. 0.5:
#: one substitution or 2-3 added words in a 10+ word quotation stay above it; on the
#: PolNeAR hand check (docs/provenance.md) unrelated quotations stayed far below.
NEAR_JACCARD = 0.5
#: The similarity for which datasketch chooses the LSH bands (32 bands of 4 rows), below
#: NEAR_JACCARD so that pairs above it are likely proposed: probability 0.87 at Jaccard
#: 0.5, 0.99 at 0.6 (verification removes the false candidates).
LSH_THRESHOLD = 0.35
#: MinHash permutations. 128 is datasketch's default; the signature is not stored, only
#: its band keys.
NUM_PERM = 128
#: Shortest quotation linked by near-duplicate similarity (shorter ones link only exactly):
#: on the PolNeAR hand check, 4- to 7-word quotations one word apart were different
#: statements ("This is very important" / "... serious"; "they have a positive view of
#: him" / "... negative ...").
MIN_NEAR_WORDS = 8
#: Shortest fragment linked by containment: on PolNeAR a 5-word stock phrase ("we need a
#: big change") joined two unrelated quotations; 3-4 word phrases ("the american people")
#: would do so far more often.
MIN_FRAGMENT_WORDS = 6
#: Seed of the MinHash permutations (fixed: persisted band keys must stay comparable).
SEED = 1

_WORD = re.compile(r"\w+(?:['’‘`]\w+)*")
_APOS = re.compile(r"['’‘`]")
_HONORIFICS = frozenset("mr mrs ms miss dr prof sen senator rep gov governor president pres "
                        "secretary sec gen rev sir dame jr sr lord lady".split())

SCHEMA = """
CREATE TABLE IF NOT EXISTS prov_quotes (
    qid BIGINT, article_id VARCHAR, quote_index INTEGER, quote VARCHAR, norm VARCHAR,
    n_words INTEGER, anchor BIGINT, cluster_id BIGINT);
CREATE TABLE IF NOT EXISTS prov_bands (band SMALLINT, key BIGINT, qid BIGINT);
CREATE TABLE IF NOT EXISTS prov_shingles (shingle BIGINT, qid BIGINT);
"""


# ---------------------------------------------------------------- normalisation

def words(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` with their offsets.

    Returns:
        ``(normalised_word, start, end)`` per word: lower case (``casefold``), apostrophes
        removed ("Don’t" -> ``"dont"``); offsets into ``text``, end exclusive.
    """
    return [(_APOS.sub("", m.group().casefold()), m.start(), m.end()) for m in _WORD.finditer(text or "")]


def normalise(text: str) -> str:
    """The normalised wording: the words of :func:`words` joined by single spaces
    (case, punctuation, quote marks and whitespace ignored); ``""`` for no words."""
    return " ".join(w for w, _, _ in words(text))


def shingles(norm: str) -> list[str]:
    """The distinct word shingles (:data:`SHINGLE_WORDS` words) of a normalised text;
    a text shorter than that is one shingle."""
    w = norm.split()
    if len(w) <= SHINGLE_WORDS:
        return [norm] if norm else []
    return list(dict.fromkeys(" ".join(w[i:i + SHINGLE_WORDS]) for i in range(len(w) - SHINGLE_WORDS + 1)))


def jaccard(a: str, b: str) -> float:
    """Jaccard similarity (0–1) of the shingle sets of two normalised texts."""
    sa, sb = set(shingles(a)), set(shingles(b))
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def contains(longer: str, fragment: str) -> bool:
    """Whether normalised ``fragment`` is a contiguous run of whole words of ``longer``."""
    return f" {fragment} " in f" {longer} "


def shingle_hashes(norm: str) -> list[int]:
    """Signed 64-bit hashes (stable across processes) of the :func:`shingles` of a
    normalised text, in order, distinct: each word's CRC-32 folded over the shingle."""
    out: dict[int, None] = {}
    ws = norm.split()
    hs = [zlib.crc32(w.encode("utf-8")) for w in ws]
    k = min(SHINGLE_WORDS, len(hs))
    for i in range(len(hs) - k + 1 if hs else 0):
        h = 0
        for x in hs[i:i + k]:  # two words: both CRCs side by side; more: an FNV-style fold
            h = ((h * 0x100000001B3) ^ x) & _MASK64 if k > 2 else (h << 32) | x
        out[h - (1 << 64) if h >= 1 << 63 else h] = None
    return list(out)


_MASK64 = (1 << 64) - 1
_LSH: dict[str, Any] = {}


def _lsh() -> tuple[int, int, Any, Any]:
    """``(bands, rows, a reusable datasketch MinHash, band multipliers)``, made once."""
    if not _LSH:
        import numpy as np
        from datasketch import MinHash, MinHashLSH

        lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        # datasketch takes 32-bit hashes: mix the 64-bit shingle hash down to 32 bits
        m = MinHash(num_perm=NUM_PERM, seed=SEED,
                    hashfunc=lambda x: ((x * 0x9E3779B97F4A7C15) >> 32) & 0xFFFFFFFF)
        mult = np.random.RandomState(SEED).randint(1, 2**62, size=lsh.r, dtype=np.uint64) * 2 + 1
        _LSH.update(b=lsh.b, r=lsh.r, m=m, mult=mult)
    return _LSH["b"], _LSH["r"], _LSH["m"], _LSH["mult"]


def band_keys(hashes: Sequence[int]) -> list[int]:
    """The LSH band keys (signed 64-bit, one per band) of one text, from its
    :func:`shingle_hashes`: each band of the MinHash signature folded into one number."""
    import numpy as np

    b, r, m, mult = _lsh()
    m.clear()
    m.update_batch([h & _MASK64 for h in hashes])
    with np.errstate(over="ignore"):
        keys = (m.hashvalues[:b * r].reshape(b, r).astype(np.uint64) * mult).sum(axis=1, dtype=np.uint64)
    return keys.view(np.int64).tolist()


# ---------------------------------------------------------------- speakers

def speaker_tokens(name: str | None) -> frozenset[str]:
    """The normalised name words of a speaker, honorifics removed; empty for ``None``."""
    toks = [w for w in normalise(name or "").split() if w not in _HONORIFICS]
    return frozenset(toks)


def same_speaker(a: str | None, b: str | None) -> bool:
    """Whether two speaker names can be the same person: one's name words are a subset
    of the other's ("Trump" and "Donald J. Trump"); ``None`` is compatible with anyone."""
    ta, tb = speaker_tokens(a), speaker_tokens(b)
    return not ta or not tb or ta <= tb or tb <= ta


# ---------------------------------------------------------------- differences

def diff(canonical: str, printed: str) -> dict[str, Any]:
    """The word-level difference of one appearance against the canonical wording.

    Args:
        canonical: The canonical quotation (original text).
        printed: The quotation as printed in one article (original text).

    Returns:
        ``{"kinds": [...], "segments": [...]}``. ``kinds`` (sorted, empty when the
        normalised words are equal): ``"truncated"`` (words missing at the start or
        end), ``"omitted"`` (words missing inside), ``"added"`` (words the canonical
        lacks), ``"substituted"`` (words replaced). ``segments`` cover ``printed``
        and the canonical's missing words in order: ``{"op": "equal"|"added"|
        "substituted"|"missing", "text": words as printed (for ``missing``, as in the
        canonical), "canonical": the canonical words replaced (``substituted`` only),
        "start", "end"}`` with character offsets into ``printed`` (end exclusive; for
        ``missing`` both are the position where the words would be).
    """
    cw, pw = words(canonical), words(printed)
    sm = difflib.SequenceMatcher(a=[w for w, _, _ in cw], b=[w for w, _, _ in pw], autojunk=False)
    kinds: set[str] = set()
    segs: list[dict[str, Any]] = []

    def ptext(j1: int, j2: int) -> tuple[str, int, int]:
        s, e = pw[j1][1], pw[j2 - 1][2]
        return printed[s:e], s, e

    def ctext(i1: int, i2: int) -> str:
        return canonical[cw[i1][1]:cw[i2 - 1][2]]

    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            t, s, e = ptext(j1, j2)
            segs.append({"op": "equal", "text": t, "start": s, "end": e})
        elif op == "insert":
            kinds.add("added")
            t, s, e = ptext(j1, j2)
            segs.append({"op": "added", "text": t, "start": s, "end": e})
        elif op == "replace":
            kinds.add("substituted")
            t, s, e = ptext(j1, j2)
            segs.append({"op": "substituted", "text": t, "canonical": ctext(i1, i2), "start": s, "end": e})
        else:  # delete
            kinds.add("truncated" if i1 == 0 or i2 == len(cw) else "omitted")
            pos = pw[j1][1] if j1 < len(pw) else (pw[-1][2] if pw else 0)
            segs.append({"op": "missing", "text": ctext(i1, i2), "start": pos, "end": pos})
    return {"kinds": sorted(kinds), "segments": segs}


# ---------------------------------------------------------------- clustering

class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        p = self.parent.setdefault(x, x)
        while p != self.parent[p]:
            self.parent[p] = self.parent[self.parent[p]]
            p = self.parent[p]
        self.parent[x] = p
        return p

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def ensure_schema(con) -> None:
    """Create the provenance tables when missing (needs a writable connection)."""
    con.execute(SCHEMA)


def is_current(con) -> bool:
    """Whether the clusters cover every stored quotation (read-only check)."""
    have = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "prov_quotes" not in have:
        return False
    stale = con.execute("""
        SELECT (SELECT count(*) FROM quotations q ANTI JOIN prov_quotes p
                  ON p.article_id = q.article_id AND p.quote_index = q.quote_index AND p.quote = q.quote)
             + (SELECT count(*) FROM prov_quotes p ANTI JOIN quotations q
                  ON p.article_id = q.article_id AND p.quote_index = q.quote_index AND p.quote = q.quote)
    """).fetchone()[0]
    return stale == 0


def open_clustered(path) -> Any:
    """Open a store read-only with its clusters up to date: when quotations are not yet
    clustered (a store made before provenance, or loaded without ``datasketch``), the
    store is opened for writing once, :func:`update_clusters` runs, and it is reopened.

    Raises:
        saidwhat.store.duckdb.StoreError: the ``open_store`` errors (``[E104]``,
            ``[E107]``-``[E109]``), ``[E111]`` when the update cannot get write access,
            ``[E112]`` without ``datasketch``.
    """
    import duckdb

    from ..errors import Errors
    from .duckdb import StoreError, open_store

    con = open_store(path, read_only=True)
    if is_current(con):
        return con
    con.close()
    try:
        import datasketch  # noqa: F401
    except ImportError:
        raise StoreError(Errors.E113) from None
    try:
        w = open_store(path)
    except StoreError as e:
        raise StoreError(Errors.E112.format(path=path, reason=str(e))) from None
    try:
        w.execute("BEGIN TRANSACTION")
        update_clusters(w)
        w.execute("COMMIT")
    except duckdb.Error as e:
        w.execute("ROLLBACK")
        raise StoreError(Errors.E112.format(path=path, reason=str(e).splitlines()[0])) from None
    finally:
        w.close()
    return open_store(path, read_only=True)


def update_clusters(con, *, batch: int = 50_000) -> int:
    """Bring the clusters up to date with the ``quotations`` table, incrementally.

    Drops provenance rows of quotations no longer stored (or changed), hashes the
    quotations not yet clustered, links them to stored ones (exact, near-duplicate,
    containment) and merges their clusters. Runs in the caller's transaction if any.

    Args:
        con: A writable store connection.
        batch: Quotations hashed per insert batch (bounds memory).

    Returns:
        The number of quotations newly clustered.
    """
    import pyarrow as pa

    ensure_schema(con)
    key = "p.article_id = q.article_id AND p.quote_index = q.quote_index AND p.quote = q.quote"
    gone = f"SELECT p.qid FROM prov_quotes p ANTI JOIN quotations q ON {key}"
    con.execute(f"CREATE OR REPLACE TEMP TABLE prov_gone AS {gone}")
    if con.execute("SELECT count(*) FROM prov_gone").fetchone()[0]:
        for t in ("prov_bands", "prov_shingles", "prov_quotes"):
            con.execute(f"DELETE FROM {t} WHERE qid IN (SELECT qid FROM prov_gone)")
    con.execute("DROP TABLE IF EXISTS prov_gone")
    new = con.execute(f"""SELECT q.article_id, q.quote_index, q.quote FROM quotations q
                          ANTI JOIN prov_quotes p ON {key} ORDER BY q.article_id, q.quote_index""").fetchall()
    if not new:
        return 0
    next_qid = con.execute("SELECT coalesce(max(qid), 0) + 1 FROM prov_quotes").fetchone()[0]
    con.execute("CREATE OR REPLACE TEMP TABLE prov_new (qid BIGINT)")
    for lo in range(0, len(new), batch):
        rows = new[lo:lo + batch]
        pq: dict[str, list] = defaultdict(list)
        bands: dict[str, list] = defaultdict(list)
        shs: dict[str, list] = defaultdict(list)
        for k, (aid, qi, quote) in enumerate(rows):
            qid = next_qid + lo + k
            norm = normalise(quote)
            n = len(norm.split()) if norm else 0
            hashes = shingle_hashes(norm)
            anchor = None   # set below: the fragment's rarest shingle
            for col, v in (("qid", qid), ("article_id", aid), ("quote_index", qi), ("quote", quote),
                           ("norm", norm), ("n_words", n), ("anchor", anchor), ("cluster_id", qid)):
                pq[col].append(v)
            if n >= MIN_NEAR_WORDS:
                for i, bk in enumerate(band_keys(hashes)):
                    bands["band"].append(i)
                    bands["key"].append(bk)
                    bands["qid"].append(qid)
            if n >= MIN_FRAGMENT_WORDS:
                shs["shingle"].extend(hashes)
                shs["qid"].extend([qid] * len(hashes))
        t_pq = pa.table(dict(pq), schema=pa.schema([  # noqa: F841 - read by DuckDB by name
            ("qid", pa.int64()), ("article_id", pa.string()), ("quote_index", pa.int32()),
            ("quote", pa.string()), ("norm", pa.string()), ("n_words", pa.int32()),
            ("anchor", pa.int64()), ("cluster_id", pa.int64())]))
        t_b = pa.table({"band": pa.array(bands["band"], pa.int16()), "key": pa.array(bands["key"], pa.int64()),  # noqa: F841
                        "qid": pa.array(bands["qid"], pa.int64())})
        t_s = pa.table({"shingle": pa.array(shs["shingle"], pa.int64()), "qid": pa.array(shs["qid"], pa.int64())})  # noqa: F841
        con.execute("INSERT INTO prov_quotes SELECT * FROM t_pq")
        con.execute("INSERT INTO prov_bands SELECT * FROM t_b")
        con.execute("INSERT INTO prov_shingles SELECT * FROM t_s")
        con.execute("INSERT INTO prov_new SELECT qid FROM t_pq")
    # Anchor of each new fragment: its shingle held by the fewest stored quotations (any
    # shingle of a fragment is in every container; the rarest gives the fewest candidates).
    con.execute("""
        UPDATE prov_quotes SET anchor = x.anchor FROM (
            WITH mine AS (SELECT s.qid, s.shingle FROM prov_shingles s SEMI JOIN prov_new n ON n.qid = s.qid),
                 df AS (SELECT s.shingle, count(*) AS n FROM prov_shingles s
                        SEMI JOIN (SELECT DISTINCT shingle FROM mine) m ON m.shingle = s.shingle GROUP BY s.shingle)
            SELECT mine.qid, arg_min(mine.shingle, df.n) AS anchor FROM mine JOIN df USING (shingle) GROUP BY mine.qid
        ) x WHERE prov_quotes.qid = x.qid""")
    _link_new(con)
    con.execute("DROP TABLE IF EXISTS prov_new")
    return len(new)


def _link_new(con) -> None:
    """Find the links of the quotations in ``prov_new`` and merge their clusters."""
    edges: list[tuple[int, int]] = []
    # exact: every new quotation joins the cluster of the first stored one with its words
    edges += con.execute("""
        SELECT n.qid, min(p.qid) FROM prov_new n JOIN prov_quotes q ON q.qid = n.qid
        JOIN prov_quotes p ON p.norm = q.norm AND p.norm <> '' AND p.qid <> q.qid
        GROUP BY n.qid""").fetchall()
    # near-duplicates: a shared LSH band key, then exact Jaccard
    cand = con.execute("""
        SELECT DISTINCT a.qid, b.qid FROM prov_bands a JOIN prov_new n ON n.qid = a.qid
        JOIN prov_bands b ON b.band = a.band AND b.key = a.key AND b.qid <> a.qid""").fetchall()
    # containment: the fragment's anchor shingle is in the container (both directions)
    cand_c = con.execute("""
        SELECT f.qid, s.qid FROM prov_quotes f JOIN prov_shingles s ON s.shingle = f.anchor AND s.qid <> f.qid
        WHERE f.qid IN (SELECT qid FROM prov_new)
        UNION
        SELECT f.qid, s.qid FROM prov_shingles s JOIN prov_quotes f ON f.anchor = s.shingle AND s.qid <> f.qid
        WHERE s.qid IN (SELECT qid FROM prov_new)""").fetchall()
    ids = {q for pair in cand + cand_c for q in pair}
    norms: dict[int, str] = {}
    if ids:
        import pyarrow as pa

        t_ids = pa.table({"qid": pa.array(sorted(ids), pa.int64())})  # noqa: F841
        norms = dict(con.execute("SELECT p.qid, p.norm FROM prov_quotes p JOIN t_ids USING (qid)").fetchall())
    edges += [(a, b) for a, b in {(min(p), max(p)) for p in cand} if jaccard(norms[a], norms[b]) >= NEAR_JACCARD]
    for f, c in cand_c:
        nf, nc = norms[f], norms[c]
        if len(nc) > len(nf) and contains(nc, nf):
            edges.append((f, c))
    if not edges:
        return
    import pyarrow as pa

    t_e = pa.table({"a": pa.array([a for a, _ in edges], pa.int64()),  # noqa: F841
                    "b": pa.array([b for _, b in edges], pa.int64())})
    pairs = con.execute("""
        SELECT pa.cluster_id, pb.cluster_id FROM t_e
        JOIN prov_quotes pa ON pa.qid = t_e.a JOIN prov_quotes pb ON pb.qid = t_e.b
        WHERE pa.cluster_id <> pb.cluster_id""").fetchall()
    uf = _UnionFind()
    for a, b in pairs:
        uf.union(a, b)
    remap = {c: uf.find(c) for c in uf.parent if uf.find(c) != c}
    if remap:
        t_m = pa.table({"old": pa.array(list(remap), pa.int64()),  # noqa: F841
                        "new": pa.array(list(remap.values()), pa.int64())})
        con.execute("UPDATE prov_quotes SET cluster_id = t_m.new FROM t_m WHERE prov_quotes.cluster_id = t_m.old")


# ---------------------------------------------------------------- reading clusters

_APPEARANCES = """
    SELECT p.cluster_id, p.qid, p.article_id, p.quote_index, a.date, a.outlet, q.speaker, q.speaker_id,
           q.speaker_type, q.quote, p.norm
    FROM prov_quotes p JOIN quotations q ON q.article_id = p.article_id AND q.quote_index = p.quote_index
    LEFT JOIN articles a ON a.id = p.article_id
"""


def _summarise(cid: int, rows: list[tuple]) -> dict[str, Any]:
    """One cluster from its appearance rows (``_APPEARANCES`` columns)."""
    apps = [{"qid": r[1], "article_id": r[2], "quote_index": r[3], "date": r[4], "outlet": r[5],
             "speaker": r[6], "speaker_id": r[7], "speaker_type": r[8], "quote": r[9], "norm": r[10]}
            for r in rows]
    apps.sort(key=lambda x: (x["date"] is None, x["date"] or "", x["article_id"], x["quote_index"]))
    counts = Counter(x["norm"] for x in apps)
    first = {}
    for i, x in enumerate(apps):
        first.setdefault(x["norm"], i)
    # canonical: the wording printed most often; on a tie the one printed first
    canon_norm = max(counts, key=lambda n: (counts[n], -first[n]))
    canon = next(x for x in apps if x["norm"] == canon_norm)
    names = [x["speaker"] for x in apps if speaker_tokens(x["speaker"])]
    main = None
    if names:
        support = {n: sum(same_speaker(n, m) for m in names) for n in dict.fromkeys(names)}
        # who it was first credited to: the speaker of the earliest dated appearance,
        # when the appearances of that date agree (a copy re-credited in several later
        # articles does not outvote the original); else the name most appearances fit
        dated = [x for x in apps if x["date"] is not None and speaker_tokens(x["speaker"])]
        firsts = [x["speaker"] for x in dated if x["date"] == dated[0]["date"]] if dated else []
        if firsts and all(same_speaker(firsts[0], f) for f in firsts):
            main = max(firsts, key=lambda n: (len(speaker_tokens(n)), -firsts.index(n)))
        else:
            main = max(support, key=lambda n: (support[n], len(speaker_tokens(n)), -names.index(n)))
    main_articles = {x["article_id"] for x in apps if x["speaker"] and same_speaker(x["speaker"], main)}
    conflict = False
    for x in apps:
        x["conflict"] = bool(x["speaker"]) and bool(speaker_tokens(x["speaker"])) and not same_speaker(x["speaker"], main)
        if x["conflict"] and x["article_id"] not in main_articles:
            conflict = True
        d = diff(canon["quote"], x["quote"])
        x["kinds"], x["segments"] = d["kinds"], d["segments"]
        x["canonical"] = x is canon
        del x["norm"]
    outlets = list(dict.fromkeys(x["outlet"] for x in apps if x["outlet"]))
    speakers = list(dict.fromkeys(x["speaker"] for x in apps if x["speaker"]))
    return {"cluster_id": cid, "canonical": canon["quote"], "first_article": apps[0]["article_id"],
            "first_date": apps[0]["date"], "articles": len({x["article_id"] for x in apps}),
            "appearances": apps, "outlets": outlets, "speakers": speakers, "speaker": main,
            "conflict": conflict}


#: Columns of one row per cluster (``saidwhat query clusters --format csv|table`` and the
#: web's ``/api/corpus/clusters?format=csv``).
CLUSTER_COLUMNS = ("cluster_id", "articles", "appearances", "first_date", "first_article", "outlets",
                   "speakers", "conflict", "canonical")


def cluster_row(c: dict[str, Any]) -> tuple[Any, ...]:
    """One cluster (as :func:`clusters` gives it, ``appearances`` a list or a count) as
    a row of :data:`CLUSTER_COLUMNS`; outlets and speakers joined with "; "."""
    apps = c["appearances"]
    return (c["cluster_id"], c["articles"], apps if isinstance(apps, int) else len(apps), c["first_date"],
            c["first_article"], "; ".join(c["outlets"]), "; ".join(c["speakers"]), c["conflict"], c["canonical"])


def clusters(con, *, min_articles: int = 2, conflicts_only: bool = False,
             cluster_ids: Iterable[int] | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Clusters of the store with their appearances (run :func:`update_clusters` first).

    Args:
        con: Store connection (read only is fine).
        min_articles: Only clusters found in at least this many distinct articles.
        conflicts_only: Only clusters credited to different people in different articles.
        cluster_ids: Only these clusters.
        limit: At most this many clusters (after the other filters), most articles first.

    Returns:
        Dicts ``{"cluster_id", "canonical", "first_article", "first_date", "articles"
        (distinct articles), "outlets", "speakers" (as credited, first-seen order),
        "speaker" (the main credited speaker or ``None``), "conflict", "appearances"}``
        ordered by articles (descending) then first date. Each appearance: ``{"qid",
        "article_id", "quote_index", "date", "outlet", "speaker", "speaker_id",
        "speaker_type", "quote", "canonical" (bool: the canonical appearance), "kinds",
        "segments"`` (see :func:`diff`), ``"conflict"`` (its speaker is not the main
        speaker)}`` in date order (undated last).
    """
    import pyarrow as pa

    where = ""
    if cluster_ids is not None:
        t_c = pa.table({"cid": pa.array(sorted(set(cluster_ids)), pa.int64())})  # noqa: F841
        where = "WHERE cluster_id IN (SELECT cid FROM t_c)"
    big = con.execute(f"""SELECT cluster_id FROM prov_quotes {where} GROUP BY cluster_id
                          HAVING count(DISTINCT article_id) >= ?""", [max(1, min_articles)]).fetchall()
    if not big:
        return []
    t_big = pa.table({"cid": pa.array([c for c, in big], pa.int64())})  # noqa: F841
    rows = con.execute(_APPEARANCES + " WHERE p.cluster_id IN (SELECT cid FROM t_big)").fetchall()
    by: dict[int, list[tuple]] = defaultdict(list)
    for r in rows:
        by[r[0]].append(r)
    out = [_summarise(cid, rs) for cid, rs in by.items()]
    if conflicts_only:
        out = [c for c in out if c["conflict"]]
    out.sort(key=lambda c: (-c["articles"], c["first_date"] is None, str(c["first_date"] or ""), c["cluster_id"]))
    return out[:limit] if limit is not None else out


def trace(con, text: str, *, limit: int = 10) -> list[dict[str, Any]]:
    """The clusters matching a quotation or part of one.

    A cluster matches when one of its members has the normalised words of ``text``,
    contains them (as whole words), or is a near-duplicate (:data:`NEAR_JACCARD`) of
    them. Single-appearance clusters are included.

    Args:
        con: Store connection (read only is fine).
        text: The quotation, or part of it; any case and punctuation.
        limit: Most clusters returned.

    Returns:
        As :func:`clusters`, best match first (exact, then containment, then similarity);
        ``[]`` when ``text`` has no words or nothing matches.
    """
    norm = normalise(text)
    if not norm:
        return []
    hits = con.execute("SELECT cluster_id, norm FROM prov_quotes WHERE contains(' ' || norm || ' ', ?)",
                       [f" {norm} "]).fetchall()
    score: dict[int, float] = {}
    for cid, n in hits:
        score[cid] = max(score.get(cid, 0.0), 2.0 if n == norm else 1.0 + jaccard(n, norm) / 2)
    if len(norm.split()) >= MIN_NEAR_WORDS:
        keys = band_keys(shingle_hashes(norm))
        b = len(keys)
        import pyarrow as pa

        t_k = pa.table({"band": pa.array(range(b), pa.int16()), "key": pa.array(keys, pa.int64())})  # noqa: F841
        for cid, n in con.execute("""SELECT DISTINCT p.cluster_id, p.norm FROM t_k JOIN prov_bands b USING (band, key)
                                     JOIN prov_quotes p ON p.qid = b.qid""").fetchall():
            j = jaccard(n, norm)
            if j >= NEAR_JACCARD:
                score[cid] = max(score.get(cid, 0.0), j)
    best = sorted(score, key=lambda c: (-score[c], c))[:limit]
    found = {c["cluster_id"]: c for c in clusters(con, min_articles=1, cluster_ids=best)}
    return [found[c] for c in best if c in found]


def membership(con) -> list[tuple[str, int, int]]:
    """``(article_id, quote_index, cluster_id)`` of every clustered quotation, sorted
    (what the Spark job writes, see :func:`saidwhat.spark.cluster_quotes_df`)."""
    return con.execute("SELECT article_id, quote_index, cluster_id FROM prov_quotes "
                       "ORDER BY article_id, quote_index").fetchall()
