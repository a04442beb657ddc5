"""Mutation testing of src/saidwhat/pipeline/ with mutmut (issue 14), on a reproducible
random sample of the mutants: the full set (about 14,000 mutants) takes days on one core.

    python scripts/mutation_sample.py generate        # mutants/ from the source (no tests run)
    python scripts/mutation_sample.py sample [N]      # the sample's names, one a line, in run order
    python scripts/mutation_sample.py pending [N]     # the sample's names not run yet, in run order
    python scripts/mutation_sample.py report [N [M]]  # the sample's figures from mutants/*.meta
                                                      # (M: only the first M names in run order)

The sample: every mutant name mutmut generated, per module sorted by name, then
``random.Random(SEED).sample`` of a share proportional to the module's mutant count (at least
MIN_PER_MODULE), then the whole list shuffled with the same generator; scripts/mutation.sh
runs it in chunks in that order, so any finished prefix of chunks is itself a random sample.
Run from the repository root with mutmut installed (the ``dev`` extra).
"""
import glob
import json
import random
import sys
from collections import Counter, defaultdict

SEED = 14
DEFAULT_N = 400
MIN_PER_MODULE = 3

STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped",
          36: "timeout", -24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout",
          -11: "segfault", -9: "segfault", None: "not checked"}


def _all_mutants() -> dict[str, dict]:
    out = {}
    for path in sorted(glob.glob("mutants/src/saidwhat/pipeline/*.py.meta")):
        with open(path, encoding="utf-8") as f:
            out[path] = json.load(f)["exit_code_by_key"]
    if not out:
        sys.exit("no mutants/: run `python scripts/mutation_sample.py generate` first")
    return out


def generate() -> None:
    import os
    os.environ["MUTANT_UNDER_TEST"] = "mutant_generation"
    from mutmut.__main__ import copy_also_copy_files, copy_src_dir, create_mutants, setup_source_paths
    copy_src_dir()
    copy_also_copy_files()
    setup_source_paths()
    stats = create_mutants(1)
    print(f"{stats.mutated} files mutated, {stats.ignored} ignored, {stats.unmodified} unmodified")


def sample(n: int = DEFAULT_N) -> list[str]:
    by_module = _all_mutants()
    total = sum(len(v) for v in by_module.values())
    rng = random.Random(SEED)
    picked = []
    for path, keys in by_module.items():
        names = sorted(keys)
        if names:
            k = min(len(names), max(MIN_PER_MODULE, round(n * len(names) / total)))
            picked += rng.sample(names, k)
    rng.shuffle(picked)
    return picked


def report(names: list[str]) -> None:
    result = {}
    for keys in _all_mutants().values():
        result.update(keys)
    counts = Counter(STATUS.get(result.get(n), "suspicious") for n in names)
    module = defaultdict(Counter)
    for n in names:
        module[n.split(".")[2]][STATUS.get(result.get(n), "suspicious")] += 1
    print(f"sample of {len(names)} mutants (seed {SEED}):", dict(counts))
    for m, c in sorted(module.items()):
        print(f"  {m:18} {dict(c)}")
    for n in names:
        if STATUS.get(result.get(n)) in ("survived", "no tests", "suspicious"):
            print("  not killed:", n, STATUS.get(result.get(n), "suspicious"))


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "sample"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_N
    if cmd == "generate":
        generate()
    elif cmd == "sample":
        print("\n".join(sample(n)))
    elif cmd == "pending":
        done = {}
        for keys in _all_mutants().values():
            done.update(keys)
        print("\n".join(name for name in sample(n) if done.get(name) is None))
    elif cmd == "report":
        names = sample(n)
        report(names[:int(sys.argv[3])] if len(sys.argv) > 3 else names)
    else:
        sys.exit(__doc__)
