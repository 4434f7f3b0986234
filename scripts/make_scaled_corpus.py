"""Make a Label Studio export of N articles recombined from the gold sentences.

    python scripts/make_scaled_corpus.py --articles 500 --out /tmp/scaled.json
"""

from __future__ import annotations

import argparse
from pathlib import Path

from indogeoie import paths
from indogeoie.benchmark.scaled_corpus import SEED, write_scaled_export


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True, help="number of articles")
    parser.add_argument("--out", type=Path, required=True, help="export file to write")
    parser.add_argument("--seed", type=int, default=SEED, help=f"sampling seed (default {SEED})")
    args = parser.parse_args()
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    tokens = write_scaled_export(gold=paths.GOLD / "gold.json", articles=args.articles, out=args.out, seed=args.seed)
    print(f"wrote {args.out}: {args.articles} articles, {tokens} tokens (seed {args.seed})")


if __name__ == "__main__":
    main()
