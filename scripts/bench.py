"""``make bench``: build, load and score at 1x to 30x the gold corpus; writes results/BENCH.md.

    python scripts/bench.py [--scales 1 3 10 30] [--model crf]
"""

from __future__ import annotations

import argparse

from indogeoie.benchmark.speed import SCALES, markdown, run_bench


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=list(SCALES), help="multiples of the gold corpus")
    parser.add_argument("--model", default="crf", help="the baseline whose training speed is measured")
    args = parser.parse_args()
    report = run_bench(model=args.model, scales=tuple(args.scales))
    print(markdown(report))


if __name__ == "__main__":
    main()
