"""Time and peak memory of `claimcheck extract` on one single-line file of growing size, without punctuation.

    .venv/bin/python benchmarks/hostile.py --sizes 100000 200000 400000

Linear time shows as a constant seconds-per-MB column; before units were capped at 1,000 characters it grew
with the size (a 80 KB line took 143 s). Each size runs in a fresh process, measured with getrusage.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["Claude", "scored", "70%", "on", "the", "test", "and", "GPT-5", "reached", "$2.50", "in", "May", "2025"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 200_000, 400_000])
    args = parser.parse_args()
    rng = random.Random(1)
    print("bytes      seconds  s/MB    peak RSS MB")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "line.txt"
            words: list[str] = []
            length = 0
            while length < size:
                words.append(rng.choice(WORDS))
                length += len(words[-1]) + 1
            path.write_text(" ".join(words), encoding="utf-8")
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-c", "from claimcheck.cli import main; main()", "extract", str(path), "-f", "json"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=False,
            )
            seconds = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"{size:<10d} {seconds:7.1f}  {seconds / (size / 1e6):6.1f}  {peak:8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
