"""Regenerate the measured part of docs/accuracy.md.

Usage: .venv/bin/python scripts/accuracy_report.py [--shared ../shared] [--model NAME]

Runs the same evaluation as `saidwhat evaluate` on the public dev gold sets in
../shared/eval and lists the reference article's quotations, then rewrites the block
between the `generated` markers of docs/accuracy.md (hand-written notes outside the
block are kept).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

import saidwhat
from saidwhat.evaluate import evaluate, render

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- generated:start -->", "<!-- generated:end -->"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="../shared", help="relative to the repository root")
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    os.chdir(ROOT)
    shared = Path(args.shared)
    if not (shared / "eval").is_dir():
        print(f"no gold sets under {shared / 'eval'}", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")
    nlp = saidwhat.load(args.model)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    out = [START, "", f"Measured at commit `{commit}` on {time.strftime('%Y-%m-%d')}, model "
           f"`{nlp.meta['lang']}_{nlp.meta['name']}` {nlp.meta['version']}, with `.venv/bin/python scripts/accuracy_report.py`.", ""]
    runs = [
        ("GGT English, dev (60 articles)", "eval/ggt_english/dev.jsonl", None,
         ".venv/bin/saidwhat evaluate ../shared/eval/ggt_english/dev.jsonl"),
        ("PolNeAR, dev (84 articles), all attributions", "eval/polnear/gold_dev.jsonl", None,
         ".venv/bin/saidwhat evaluate ../shared/eval/polnear/gold_dev.jsonl"),
        ("PolNeAR, dev, quotations in marks only (direct and mixed)", "eval/polnear/gold_dev.jsonl",
         ("direct", "mixed"),
         ".venv/bin/saidwhat evaluate ../shared/eval/polnear/gold_dev.jsonl --types direct,mixed"),
    ]
    for title, rel, types, cmd in runs:
        res = evaluate(shared / rel, nlp=nlp, types=types)
        out += [f"### {title}", "", f"```\n{cmd}\n```", "", render(res, "markdown").strip(), ""]
    sample = shared / "samples" / "amnesty-ukraine.txt"
    if sample.exists():
        out += ["### The reference article (`../shared/samples/amnesty-ukraine.txt`)", "",
                "```\n.venv/bin/saidwhat extract ../shared/samples/amnesty-ukraine.txt --format table\n```", "",
                "| # | type | speaker | mention | cue | channel | quotation (start) |",
                "|---:|---|---|---|---|---|---|"]
        for i, q in enumerate(saidwhat.extract(sample.read_text(encoding="utf-8"), nlp=nlp), 1):
            text = q.quote[:70].replace("|", "\\|").replace("\n", " ")
            out.append(f"| {i} | {q.type} | {q.speaker or '–'} | {q.speaker_mention or '–'} | "
                       f"{q.cue or '–'} | {q.channel or '–'} | {text}… |")
        out.append("")
    out.append(END)
    doc = ROOT / "docs" / "accuracy.md"
    old = doc.read_text(encoding="utf-8") if doc.exists() else f"# Accuracy\n\n{START}\n{END}\n"
    if START not in old:
        old = old.rstrip() + f"\n\n{START}\n{END}\n"
    head, rest = old.split(START, 1)
    tail = rest.split(END, 1)[1]
    doc.write_text(head + "\n".join(out) + tail, encoding="utf-8")
    print(f"wrote {doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
