"""Run saidwhat over the field cases in ../shared/field-cases/README.md and show the output.

Usage: python scripts/field_cases.py [--shared ../shared]
Prints each case's expected block beside saidwhat's records (for manual review;
the fixed kinds are pinned as tests in tests/test_field_cases.py).
"""
import argparse
import re
import sys
import warnings
from pathlib import Path

import saidwhat


def cases(readme: str):
    for m in re.finditer(r"## (B\w+):.*?```text\n(.*?)```\s*```yaml\n(.*?)```", readme, re.S):
        yield m.group(1), m.group(2).rstrip("\n"), m.group(3)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1] / ".." / "shared"))
    args = ap.parse_args()
    readme = Path(args.shared, "field-cases", "README.md")
    if not readme.exists():
        print(f"no field cases at {readme}", file=sys.stderr)
        return 2
    nlp = saidwhat.load()
    for cid, text, expected in cases(readme.read_text()):
        print(f"=== {cid}\n{text}\n--- expected\n{expected}--- saidwhat")
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            for q in saidwhat.extract(text, nlp=nlp):
                print(f"  {q.type:8} speaker={q.speaker!r} mention={q.speaker_mention!r} cue={q.cue!r} "
                      f"role={q.speaker_role!r} flags={list(q.flags)}\n           quote={q.quote!r}")
        for x in w:
            print("  warning:", x.message)
    return 0


if __name__ == "__main__":
    sys.exit(main())
