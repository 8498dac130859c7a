"""Adversarial corpus shapes for the scale benchmark: the cases that make a cross-check quadratic.

    .venv/bin/python benchmarks/adversarial.py --shape dated --articles 1000 --out DIR

Each shape writes ``DIR/articles/*.md`` (standard library only, byte-for-byte deterministic), every article a
short dated news note padded with filler prose, all about one invented model on one benchmark unless said:

- ``dated``: every two articles state the score as of a day of their own (thousands of as-of dates in one
  topic, each a slice of two claims that agree).
- ``half``: half the articles are dated as above, the other half state one score with no date.
- ``undated``: one huge undated topic: every article states the same score, one in a hundred a lower one.
- ``versions``: thousands of versions of one family ("Quill 3.1", "Quill 3.2", ...), each stated twice.

No lexicon is needed: the names are written the way the extractor reads product names without one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

SHAPES = ("dated", "half", "undated", "versions")
FAMILY = "Quill"
BENCHMARK = "SWE-bench Verified"
FILLER = (
    "Analysts who follow the company said the release came after months of internal testing, and that the "
    "team had spent much of the spring rewriting its evaluation harness. Several customers were given early "
    "access, and their feedback shaped the final round of changes before launch.",
    "The announcement did not say how the model was trained or how much compute it used. A spokesperson "
    "declined to comment on pricing beyond what was published on the company's website.",
    "Independent researchers cautioned that leaderboard results depend heavily on the harness, the prompt "
    "format and the number of attempts allowed, and that small differences rarely survive replication.",
)
START = dt.date(2015, 1, 1)


def article(shape: str, index: int, count: int) -> str:
    published = START + dt.timedelta(days=index)
    lines = [
        "---",
        f"title: {FAMILY} note {index}",
        f"date: {published.isoformat()}",
        "---",
        "",
        f"# {FAMILY} note {index}",
        "",
        FILLER[index % 3],
        "",
    ]
    score = 40 + (index // 2 % 500) / 10  # a series: different days, different values
    when = START + dt.timedelta(days=index // 2) if shape == "dated" else published
    day = f"{when:%B} {when.day}, {when.year}"
    if shape == "dated" or (shape == "half" and index % 2 == 0):
        lines.append(f"As of {day}, {FAMILY} 3 scored {score:.1f}% on {BENCHMARK}.")
    elif shape in ("half", "undated"):
        undated = 55.0 if shape == "undated" and index % 100 == 0 else 72.5
        lines.append(f"{FAMILY} 3 scored {undated:.1f}% on {BENCHMARK}, the company said.")
    else:  # versions: each minor version appears in two articles, with the same score
        minor = index % max(1, count // 2) + 1
        lines.append(f"{FAMILY} 3.{minor} scored {40 + (minor % 500) / 10:.1f}% on {BENCHMARK}.")
    lines += ["", FILLER[(index + 1) % 3], "", FILLER[(index + 2) % 3], ""]
    return "\n".join(lines)


def generate(shape: str, count: int, out: Path) -> None:
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}; choose from {', '.join(SHAPES)}")
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(1, count + 1):
        path = folder / f"{index:05d}-{shape}.md"
        text = article(shape, index, count)
        if not path.exists() or path.read_text("utf-8") != text:
            path.write_text(text, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shape", choices=SHAPES, required=True)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    generate(args.shape, args.articles, args.out)
    print(f"wrote {args.articles} {args.shape} articles to {args.out / 'articles'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
