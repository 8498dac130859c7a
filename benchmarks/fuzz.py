"""Long fuzz run: the suite's fuzz generators (tests/fuzzing.py), many more inputs, every exception recorded.

    .venv/bin/python benchmarks/fuzz.py --examples 100000 --log fuzz.log
    nice -n 15 .venv/bin/python benchmarks/fuzz.py --examples 10000 --seed 3 --log fuzz-3.log   # one chunk

Each input is one to three article files written to a fresh folder and driven through extract, audit, timeline
and diff and every renderer. A ``ClaimcheckError`` is an answer (for example "no articles found"), not a crash;
anything else is counted, and its type, message and input are written to the log. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from claimcheck.errors import ClaimcheckError  # noqa: E402
from tests.fuzzing import ARTICLE_BYTES, SUFFIXES, run_everything  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000)
    parser.add_argument("--log", type=Path, default=Path("fuzz.log"))
    parser.add_argument(
        "--seed", type=int, default=None, help="a fixed seed: the same inputs again; chunks with different seeds differ"
    )
    args = parser.parse_args()
    counts: collections.Counter[str] = collections.Counter()
    state = {"done": 0, "start": time.monotonic()}
    log = args.log.open("w", encoding="utf-8")

    @settings(max_examples=args.examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.lists(st.tuples(ARTICLE_BYTES, SUFFIXES), min_size=1, max_size=3))
    def one(files: list[tuple[bytes, str]]) -> None:
        state["done"] += 1
        with tempfile.TemporaryDirectory() as folder:
            try:
                run_everything(Path(folder), files)
            except ClaimcheckError:
                pass
            except Exception as error:  # recorded, never raised: the run must see every kind of crash
                kind = f"{type(error).__name__}: {str(error)[:120]}"
                counts[kind] += 1
                if counts[kind] <= 3:
                    log.write(f"=== {kind}\n{files!r}\n{traceback.format_exc()}\n")
                    log.flush()
        if state["done"] % 500 == 0:
            rate = state["done"] / (time.monotonic() - state["start"])
            print(f"{state['done']} inputs, {sum(counts.values())} exceptions, {rate:.0f}/s", file=sys.stderr)

    if args.seed is not None:
        one = seed(args.seed)(one)
    one()
    print(f"{state['done']} inputs, {sum(counts.values())} exceptions", file=sys.stderr)
    for kind, count in counts.most_common():
        print(f"{count:6d}  {kind}", file=sys.stderr)
    return 1 if counts else 0


if __name__ == "__main__":
    raise SystemExit(main())
