"""Extraction time on one long article, apart from spaCy's parse (a benchmark, not a test).

Builds two invented long articles: ``examples/river-port.txt`` repeated (``--repeat``
times, blank lines between) and a string of ``--quotes`` short quotations with a scare
quote each. Prints characters, spaCy parse seconds and saidwhat extraction seconds
(the component alone, on the parsed Doc). Extraction should grow linearly with length:
compare two sizes.

    python benchmarks/long_article.py --repeat 60 --quotes 1000
    python benchmarks/long_article.py --repeat 240 --quotes 4000 --unpunctuated 400000

A third article (``--unpunctuated``, 200,000 characters by default) has no sentence
punctuation at all, the case that made one rule quadratic (53 s at 200,000 characters).
"""
from __future__ import annotations

import argparse
import random
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repeat", type=int, default=60, help="copies of the example article")
    p.add_argument("--quotes", type=int, default=1000, help="short quotations in the second article")
    p.add_argument("--unpunctuated", type=int, default=200_000,
                   help="characters of a third article with no sentence punctuation (0: none)")
    p.add_argument("--model", default=None)
    args = p.parse_args(argv)
    warnings.simplefilter("ignore")
    import saidwhat
    from saidwhat.pipeline.extractor import extract_quotes

    nlp = saidwhat.load(args.model)
    base = (HERE.parent / "examples" / "river-port.txt").read_text(encoding="utf-8")
    articles = {
        f"example x{args.repeat}": "\n\n".join([base] * args.repeat),
        f"{args.quotes} short quotations": " ".join(
            f"The “plan {i}” was read. “We will go now,” she said." for i in range(args.quotes)),
    }
    if args.unpunctuated:   # one endless sentence of reporting words (a scanner's or feed's output)
        words = ("the mayor said council would ask government for funds and workers said port was closed "
                 "because flood damaged quay").split()
        rnd = random.Random(1)
        articles[f"{args.unpunctuated:,} unpunctuated characters"] = " ".join(
            rnd.choice(words) for _ in range(args.unpunctuated // 5))[:args.unpunctuated]
    extract_quotes(nlp("“Warm-up,” she said."))   # one-time lexicon loading out of the timing
    for name, text in articles.items():
        t0 = time.perf_counter()
        with nlp.select_pipes(disable=["saidwhat"]):
            doc = nlp(text)
        t1 = time.perf_counter()
        quotes = extract_quotes(doc)
        t2 = time.perf_counter()
        print(f"{name}: {len(text):,} chars, {len(quotes):,} quotations; spaCy parse {t1 - t0:.1f} s, "
              f"saidwhat extraction {t2 - t1:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
