"""The command line: a thin shell around ``pipeline``.

Owns parsing options, choosing where output goes (stdout, or ``--output FILE`` written atomically), the one-line
summary on stderr, and turning library exceptions into exit codes:

    0  ran, nothing at or above --fail-on
    1  ran, findings at or above --fail-on
    2  could not run: bad usage, missing or unreadable input, bad config, unwritable output
"""

from __future__ import annotations

import io
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from . import __version__
from .errors import ClaimcheckError
from .models import Extraction, Report
from .pipeline import FailOn, Settings, default_jobs
from .records import dump_claims, record_name, write_atomic
from .render import Format

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="claimcheck: offline fact-checking for AI news. Extracts every number and date with its meaning, "
    "aligns claims about the same thing across articles, and reports contradictions.",
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class FailLevel(str, Enum):
    conflict = "conflict"
    compatible = "compatible"
    never = "never"


def _err(message: str) -> None:
    print(f"claimcheck: {message}", file=sys.stderr)


def _fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    _err(f"error: {message}")
    raise typer.Exit(code)


def _stdout_console() -> Console:
    return Console(file=sys.stdout, soft_wrap=False, highlight=False)


def _file_console(buffer: io.StringIO) -> Console:
    return Console(file=buffer, width=100, color_system=None, force_terminal=False, highlight=False,
                   legacy_windows=False)


def _check_output(output: Path | None) -> None:
    """Fail before doing the work when the output file cannot be written."""
    if output is None:
        return
    if output.is_dir():
        _fail(f"--output {output} is a directory")
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.exists():
        _fail(f"cannot write --output {output}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        _fail(f"cannot write --output {output}: permission denied")


def _emit(text: str | None, output: Path | None, render_rich=None) -> None:  # type: ignore[no-untyped-def]
    """Send a rendered report to stdout or, atomically, to --output."""
    if output is None:
        if render_rich is not None:
            render_rich(_stdout_console())
        else:
            sys.stdout.write(text or "")
            sys.stdout.flush()
        return
    if render_rich is not None:
        buffer = io.StringIO()
        render_rich(_file_console(buffer))
        text = buffer.getvalue()
    try:
        write_atomic(output, text or "")
    except OSError as exc:
        _fail(f"cannot write --output {output}: {exc.strerror or exc}")
    _err(f"wrote {output}")


def _settings(lexicon: Path | None, fail_on: FailLevel = FailLevel.conflict, jobs: int | None = None) -> Settings:
    today = None
    fixed = os.environ.get("CLAIMCHECK_TODAY")  # lets tests and golden files pin the report date
    if fixed:
        import datetime as dt

        try:
            today = dt.date.fromisoformat(fixed)
        except ValueError:
            _fail(f"CLAIMCHECK_TODAY must be an ISO date, not {fixed!r}")
    fail: FailOn = fail_on.value  # type: ignore[assignment]
    return Settings(lexicon=lexicon, fail_on=fail, jobs=jobs if jobs else default_jobs(), today=today)


def _strict_check(skipped: int, strict: bool) -> None:
    if strict and skipped:
        _fail(f"{skipped} input{'s' if skipped != 1 else ''} skipped and --strict is set (reasons above)")


PathsArg = Annotated[list[Path], typer.Argument(help="Article files or folders (.txt, .md, .html), or folders "
                                                      "of claim records written by `extract --out`.",
                                                 show_default=False)]
LexiconOpt = Annotated[Path | None, typer.Option("--lexicon", help="YAML file that extends the built-in "
                                                                  "lexicon of entities, benchmarks and metrics.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to FILE (atomically) "
                                                                      "instead of stdout.")]
FailOnOpt = Annotated[FailLevel, typer.Option("--fail-on", help="Exit 1 when a finding at or above this status "
                                                                "exists.")]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Exit 2 if any input had to be skipped.")]
JobsOpt = Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes for loading and "
                                                                        "extraction (default: CPU cores).")]


@app.command()
def extract(
    paths: PathsArg,
    format: Annotated[Format, typer.Option("--format", "-f", help="table, json or yaml.")] = Format.table,
    out: Annotated[Path | None, typer.Option("--out", help="Write one YAML claim-record file per source into "
                                                          "DIR.")] = None,
    lexicon: LexiconOpt = None,
    strict: StrictOpt = False,
    jobs: JobsOpt = None,
) -> None:
    """Extract every number and date, with what it measures and about whom, from articles."""
    from . import pipeline
    from .render import render_extraction

    if format is Format.markdown:
        _fail("extract supports --format table, json or yaml")
    settings = _settings(lexicon, jobs=jobs)
    try:
        extraction = pipeline.extract(paths, settings)
    except ClaimcheckError as exc:
        _fail(str(exc))
    _report_skipped(extraction)
    if out is not None:
        _write_records(extraction, out)
    else:
        render_extraction(extraction, format, _stdout_console)
    _err(f"{len(extraction.sources)} sources, {len(extraction.claims)} claims"
         + (f", {len(extraction.skipped)} skipped" if extraction.skipped else ""))
    _strict_check(len(extraction.skipped), strict)


def _write_records(extraction: Extraction, out: Path) -> None:
    if out.exists() and not out.is_dir():
        _fail(f"--out {out} exists and is not a folder")
    by_source: dict[str, list] = {}
    for claim in extraction.claims:
        by_source.setdefault(claim.source, []).append(claim)
    try:
        for source in extraction.sources:
            write_atomic(out / record_name(source), dump_claims(source, by_source.get(source.path, [])))
    except OSError as exc:
        _fail(f"cannot write claim records to {out}: {exc.strerror or exc}")
    _err(f"wrote {len(extraction.sources)} claim-record files to {out}")


def _report_skipped(result: Extraction | Report) -> None:
    for skipped in result.skipped:
        _err(f"skipped {skipped.path}: {skipped.reason}")


@app.command()
def audit(
    paths: PathsArg,
    format: Annotated[Format, typer.Option("--format", "-f", help="table, json or markdown.")] = Format.table,
    output: OutputOpt = None,
    fail_on: FailOnOpt = FailLevel.conflict,
    lexicon: LexiconOpt = None,
    strict: StrictOpt = False,
    jobs: JobsOpt = None,
) -> None:
    """Cross-check every claim across the articles and report contradictions."""
    from . import pipeline
    from .render import render_report, summary_line

    if format is Format.yaml:
        _fail("audit supports --format table, json or markdown")
    _check_output(output)
    settings = _settings(lexicon, fail_on, jobs)
    try:
        report = pipeline.audit(paths, settings)
    except ClaimcheckError as exc:
        _fail(str(exc))
    _report_skipped(report)
    _strict_check(len(report.skipped), strict)
    render_report(report, format, output, _emit)
    _err(summary_line(report))
    raise typer.Exit(EXIT_FINDINGS if report.summary.failed else EXIT_OK)


def version_callback(value: bool) -> None:
    if value:
        print(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """claimcheck: offline fact-checking for AI news."""


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
