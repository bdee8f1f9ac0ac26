"""Benchmark: normalize_text on a large text (the seed repeated 300 times: 840,300 characters).

Usage:

    .venv/bin/python bench/normalize_bench.py [--copies 300] [--repeat 5]

Prints the fastest of --repeat passes in ms and in M characters per second; asserts nothing
(the test suite checks what normalization makes, not how fast: tests/unit/test_normalize.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=300, help="copies of the seed (default 300)")
    parser.add_argument("--repeat", type=int, default=5, help="passes; the fastest counts (default 5)")
    args = parser.parse_args()
    from etl.normalize import normalize_text

    text = (REPO / "seeds" / "000_4a3f43196b185345.txt").read_text(encoding="utf-8") * args.copies
    best = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        normalize_text(text)
        best = min(best, time.perf_counter() - start)
    print(f"normalize_text: {len(text):,} characters in {best * 1000:.1f} ms (fastest of {args.repeat}), {len(text) / best / 1e6:.1f} M characters/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
