"""A reviewer's claim-record file survives re-extraction: comments, key order, and claims that moved.

And ``extract --out --dry-run`` says exactly what the real run then does.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from claimcheck.cli import app

runner = CliRunner()

ARTICLE = """# Orchard AI ships Vireo 2

Orchard AI released Vireo 2 in March 2026.

Vireo 2 scored 71% on LogicBench, up from 64% for Vireo 1.

The lab said Vireo 2 costs $3 per million input tokens.
"""


def run(*args: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def extract(folder: Path, out: Path, *extra: str):  # type: ignore[no-untyped-def]
    result = run("extract", str(folder), "--out", str(out), *extra)
    assert result.exit_code == 0, result.stderr
    return result


def setup(tmp_path: Path) -> tuple[Path, Path, Path]:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "vireo.md").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "claims"
    extract(folder, out)
    return folder, out, out / "vireo.md.yaml"


def claim_block(text: str, value_text: str) -> tuple[int, int]:
    """Line span [start, end) of the claim entry whose value text is ``value_text``."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("- ")] + [len(lines)]
    for start, end in zip(starts, starts[1:], strict=False):
        if f"    text: {value_text}\n" in lines[start:end] or f"    text: '{value_text}'\n" in lines[start:end]:
            return start, end
    raise AssertionError(f"no claim with value {value_text}")


def review(text: str, value_text: str, lines_above: str, first_keys: str) -> str:
    """What a reviewer does by hand: comment lines above the claim, its review keys moved to the top, with an
    inline comment, and the old `review: null` / `note: null` lines deleted."""
    lines = text.splitlines(keepends=True)
    start, end = claim_block(text, value_text)
    body = [
        line for line in lines[start:end] if line not in ("  review: null\n", "  note: null\n", "  corrected: null\n")
    ]
    body[0] = "  " + body[0][2:]  # "- id: ..." becomes an ordinary key line
    entry = ["- " + first_keys.splitlines(keepends=True)[0]]
    entry += ["  " + line for line in first_keys.splitlines(keepends=True)[1:]]
    return "".join(lines[:start]) + lines_above + "".join(entry + body) + "".join(lines[end:])


def test_comments_and_key_order_survive_re_extraction_of_a_changed_source(tmp_path: Path) -> None:
    folder, out, record = setup(tmp_path)
    text = record.read_text("utf-8")
    text = "# Reviewed by the desk on 2026-03-20.\n" + text
    text = review(
        text,
        "71%",
        "# checked against the LogicBench leaderboard\n\n",
        "review: confirmed  # the lab's own table\nnote: same figure in the model card\n",
    )
    text = text.rstrip("\n") + "\n# end of the reviewed claims\n"
    record.write_text(text, encoding="utf-8")

    article = folder / "vireo.md"  # an edit above every claim: every line number moves
    article.write_text(ARTICLE.replace("# Orchard AI ships Vireo 2\n", "# Orchard AI ships Vireo 2\n\nA new lede.\n"))
    extract(folder, out)
    after = record.read_text("utf-8")

    assert after.startswith("# Reviewed by the desk on 2026-03-20.\n")
    assert after.rstrip("\n").endswith("# end of the reviewed claims")
    start, end = claim_block(after, "71%")
    entry = after.splitlines(keepends=True)[start - 2 : end]
    assert entry[0] == "# checked against the LogicBench leaderboard\n" and entry[1] == "\n"
    assert entry[2] == "- review: confirmed  # the lab's own table\n"
    assert entry[3] == "  note: same figure in the model card\n"
    assert not any(line.startswith(("  review: null", "  note: null")) for line in entry)
    data = yaml.safe_load(after)
    reviewed = next(c for c in data["claims"] if c["value"]["text"] == "71%")
    assert reviewed["line"] == 7 and reviewed["review"] == "confirmed"  # the line moved, the review stayed


def test_a_reviewed_claim_that_moved_takes_its_comments_along(tmp_path: Path) -> None:
    folder, out, record = setup(tmp_path)
    text = review(
        record.read_text("utf-8"),
        "$3 per million input tokens",
        "# price confirmed on the pricing page\n",
        "review: confirmed  # as of 2026-03-20\n",
    )
    record.write_text(text, encoding="utf-8")
    # the price sentence moves to the top and is lightly edited: new id, re-anchored by similarity
    article = folder / "vireo.md"
    article.write_text(
        "# Orchard AI ships Vireo 2\n\nThe lab said Vireo 2 costs $3 per million input tokens today.\n\n"
        "Orchard AI released Vireo 2 in March 2026.\n\n"
        "Vireo 2 scored 71% on LogicBench, up from 64% for Vireo 1.\n",
        encoding="utf-8",
    )
    result = extract(folder, out)
    assert "re-anchored" in result.stderr
    after = record.read_text("utf-8")
    start, end = claim_block(after, "$3 per million input tokens")
    lines = after.splitlines(keepends=True)
    assert lines[start - 1] == "# price confirmed on the pricing page\n"
    assert lines[start] == "- review: confirmed  # as of 2026-03-20\n"
    data = yaml.safe_load(after)
    assert (
        data["claims"][0]["value"]["text"] == "$3 per million input tokens"
        and data["claims"][0]["review"] == "confirmed"
    )
    assert "today" in data["claims"][0]["quote"]
    # the claim that was above the price before keeps no comment that was not its own
    assert "# price confirmed" not in "".join(lines[claim_block(after, "64%")[0] : claim_block(after, "64%")[1]])


def test_a_commented_claim_is_never_dropped(tmp_path: Path) -> None:
    folder, out, record = setup(tmp_path)
    text = record.read_text("utf-8")
    start, _ = claim_block(text, "64%")
    lines = text.splitlines(keepends=True)
    lines.insert(start, "# ask the lab where 64% comes from\n")
    record.write_text("".join(lines), encoding="utf-8")
    article = folder / "vireo.md"  # the sentence is gone: the comment's claim is kept as orphaned, comment and all
    article.write_text(ARTICLE.replace("Vireo 2 scored 71% on LogicBench, up from 64% for Vireo 1.\n\n", ""))
    extract(folder, out)
    after = record.read_text("utf-8")
    assert "# ask the lab where 64% comes from\n" in after
    orphan = next(c for c in yaml.safe_load(after)["claims"] if c["value"]["text"] == "64%")
    assert orphan["orphaned"] is True


def test_re_extraction_of_an_unchanged_source_changes_nothing(tmp_path: Path) -> None:
    folder, out, record = setup(tmp_path)
    before = record.read_bytes()
    mtime = record.stat().st_mtime_ns
    result = extract(folder, out)
    assert record.read_bytes() == before and record.stat().st_mtime_ns == mtime
    assert f"{record}: unchanged:" in result.stderr and "wrote 0 claim-record files" in result.stderr


def test_dry_run_says_exactly_what_the_real_run_then_does(tmp_path: Path) -> None:
    folder, out, record = setup(tmp_path)
    (folder / "second.md").write_text("Orchard AI raised $40 million in 2025.\n", encoding="utf-8")
    (folder / "vireo.md").write_text(ARTICLE.replace("71%", "73%"), encoding="utf-8")
    before = record.read_bytes()
    dry = extract(folder, out, "--dry-run")
    assert record.read_bytes() == before and not (out / "second.md.yaml").exists()  # nothing written
    real = extract(folder, out)
    dry_lines = dry.stdout.splitlines()
    real_lines = [line for line in real.stderr.splitlines() if str(out) in line]
    assert dry_lines[:-1] == real_lines[:-1] and len(dry_lines) == 3
    assert dry_lines[-1] == "dry run: " + real_lines[-1].replace("wrote", "would write") + "; nothing written"
    assert ": new:" in dry.stdout and ": changed:" in dry.stdout and "1 new" in dry.stdout
    again = extract(folder, out, "--dry-run")  # after the real run there is nothing left to do
    assert "would write 0 claim-record files" in again.stdout and "2 unchanged" in again.stdout


def test_an_id_that_reads_as_a_number_keeps_its_comments(tmp_path: Path) -> None:
    # older claimcheck wrote ids with PyYAML, unquoted even when they look like a number in YAML 1.2 (`1e5`)
    folder, out, record = setup(tmp_path)
    text = review(record.read_text("utf-8"), "71%", "# the lab confirmed this by mail\n", "review: confirmed\n")
    start, end = claim_block(text, "71%")
    lines = text.splitlines(keepends=True)
    lines[start:end] = [line if not line.startswith("  id: ") else "  id: 1e5\n" for line in lines[start:end]]
    record.write_text("".join(lines), encoding="utf-8")
    (folder / "vireo.md").write_text(ARTICLE.replace("# Orchard AI ships Vireo 2\n", "# Vireo 2 ships\n\nLede.\n"))
    extract(folder, out)
    after = record.read_text("utf-8")
    start, _ = claim_block(after, "71%")
    assert after.splitlines()[start - 1] == "# the lab confirmed this by mail"
    reviewed = next(c for c in yaml.safe_load(after)["claims"] if c["value"]["text"] == "71%")
    assert reviewed["review"] == "confirmed" and reviewed["id"] != "1e5"  # re-matched by quote, new id
