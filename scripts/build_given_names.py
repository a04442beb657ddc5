"""Build ``src/saidwhat/data/given_names.tsv.gz`` from the nomquamgender package's data.

The table is the given-name prior of :mod:`saidwhat.pipeline.given_names`: one line per
name, ``name<TAB>p_female<TAB>count``, sorted by name, gzip-compressed (mtime 0, so the
same input gives the same bytes).

Source: nomquamgender 0.1.4 (PyPI wheel
``nomquamgender-0.1.4-py3-none-any.whl``, sha256
``55914319e0f40190683a7b93a4af781b38cfe4e56b617f7964956a5bd36396f6``), MIT licence,
Copyright (c) 2022 Ian Van Buskirk; its ``name_data.json`` (22.4 MB) maps a lowercased,
transliterated given name to ``[sources, counts, p(gf), taxonomy]``: the number of
name-gender data sources (36 in all: national name registers, censuses, scholarly
name lists) that have the name, the number of people observed with it, and the
consensus probability that a person with the name is gendered female. Described in
Van Buskirk, Clauset & Larremore (2023), "An open-source cultural consensus approach
to name-based gender classification", ICWSM 17.

Kept: names of letters (a-z, with inner hyphens or apostrophes) seen at least
:data:`MIN_COUNT` times. Nothing else of the package is copied; the package is not a
dependency of saidwhat (it needs pandas and the GPL-licensed Unidecode at run time).

Usage::

    pip download nomquamgender==0.1.4 --no-deps -d /tmp/nqg
    python scripts/build_given_names.py /tmp/nqg/nomquamgender-0.1.4-py3-none-any.whl

The script checks the wheel's sha256 and refuses another file unless ``--any-version``.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import re
import sys
import zipfile
from pathlib import Path

#: The wheel this table is built from (nomquamgender 0.1.4 on PyPI).
WHEEL_SHA256 = "55914319e0f40190683a7b93a4af781b38cfe4e56b617f7964956a5bd36396f6"
#: A name needs at least this many observed people: nomquamgender's own "high coverage"
#: cut-off (``taxonomize(min_counts=10)``). Rarer entries are mostly noise ("&amp;me").
MIN_COUNT = 10
#: What a kept name looks like after nomquamgender's normalisation (lowercase ASCII).
NAME = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")
OUT = Path(__file__).resolve().parent.parent / "src" / "saidwhat" / "data" / "given_names.tsv.gz"


def build(wheel: Path, out: Path, *, any_version: bool = False) -> int:
    """Write the table; returns the number of names kept.

    Raises:
        SystemExit: the wheel's sha256 is not :data:`WHEEL_SHA256` (and not ``any_version``).
    """
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256 and not any_version:
        raise SystemExit(f"{wheel}: sha256 {digest} is not nomquamgender 0.1.4's {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as zf:
        data = json.loads(zf.read("nomquamgender/name_data.json"))
    rows = []
    for name, info in data.items():
        _sources, count, p_female = info[0], info[1], info[2]
        if NAME.match(name) and count >= MIN_COUNT:
            rows.append(f"{name}\t{p_female:.3f}\t{count}\n")
    rows.sort()
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write("name\tp_female\tcount\n".encode())
        gz.write("".join(rows).encode())
    out.write_bytes(buf.getvalue())
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("wheel", type=Path, help="nomquamgender-0.1.4-py3-none-any.whl")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--any-version", action="store_true", help="skip the sha256 check")
    args = ap.parse_args(argv)
    n = build(args.wheel, args.out, any_version=args.any_version)
    print(f"{args.out}: {n} names, {args.out.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
