"""Time and peak memory of `claimcheck extract` on one single-line file of growing size, without punctuation.

    nice -n 10 .venv/bin/python benchmarks/hostile.py --sizes 1000000 5000000 20000000

Each size runs in a fresh process; its own peak RSS comes from ``os.wait4`` (not the running maximum over all
children). The columns: bytes, wall seconds, seconds per MB, peak RSS, claims, and the notes claimcheck printed
(the line cut into pieces; reading stopped after MAX_CLAIMS_PER_SOURCE claims). Before units were cut at 1,000
characters an 80 KB line took 143 s; before the claim limit and 300-character pieces, 1 MB took 204 s and 463 MB,
2 MB 372 s and 885 MB (so 20 MB about an hour and 9 GB).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["Claude", "scored", "70%", "on", "the", "test", "and", "GPT-5", "reached", "$2.50", "in", "May", "2025"]


def write_line(path: Path, size: int) -> None:
    rng = random.Random(1)
    words: list[str] = []
    length = 0
    while length < size:
        words.append(rng.choice(WORDS))
        length += len(words[-1]) + 1
    path.write_text(" ".join(words), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 5_000_000, 20_000_000])
    args = parser.parse_args()
    print("bytes       seconds   s/MB  peak RSS MB   claims  notes")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "line.txt"
            write_line(path, size)
            out, err = Path(folder) / "out.json", Path(folder) / "err.txt"
            start = time.perf_counter()
            with out.open("wb") as stdout, err.open("wb") as stderr:
                child = subprocess.Popen(
                    [sys.executable, "-m", "claimcheck", "extract", str(path), "-f", "json"],
                    stdout=stdout,
                    stderr=stderr,
                )
                _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - start
            claims = len(json.loads(out.read_text("utf-8"))["claims"]) if status == 0 else -1
            notes = sum(1 for line in err.read_text("utf-8").splitlines() if ": note: " in line)
            peak = usage.ru_maxrss / 1024  # KB on Linux
            print(f"{size:<11d} {seconds:7.1f} {seconds / (size / 1e6):6.1f}  {peak:11.0f} {claims:8d}  {notes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
