"""The command line: a thin shell around ``pipeline``.

Owns parsing options, choosing where output goes (stdout, or ``--output FILE`` written atomically), the one-line
summary on stderr, and turning library exceptions into exit codes:

    0  ran, nothing at or above --fail-on
    1  ran, findings at or above --fail-on
    2  could not run: bad usage, missing or unreadable input, bad config, unwritable output, nothing readable,
       or an internal error (one line; ``--debug`` shows the traceback)
  130  interrupted (Ctrl-C)
"""

from __future__ import annotations

import dataclasses
import os
import sys
import traceback
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from . import __version__
from .errors import ClaimcheckError
from .models import DiffReport, Extraction, FailOn, Report, Timeline
from .pipeline import Settings, default_jobs
from .render import AuditFormat, DiffFormat, ExtractFormat, TimelineFormat, summary_line
from .render.terminal import FILE_SCREEN, Screen, drawn_on
from .review.records import write_atomic

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


def _screen(output: Path | None) -> Screen:
    """Tables on a terminal get its width and colour (rich honours NO_COLOR); files get plain text, 100 wide."""
    return Screen(width=None, color=sys.stdout.isatty()) if output is None else FILE_SCREEN


def _check_output(output: Path | None, inputs: list[Path] | None = None, force: bool = False) -> None:
    """Fail before doing the work when the output file cannot be written, or would overwrite or land among the
    articles this run reads (a report there would be read as an article next time); ``--force`` allows it."""
    if output is None:
        return
    if output.is_dir():
        _fail(f"--output {output} is a directory")
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.exists():
        _fail(f"cannot write --output {output}: folder {parent} does not exist")
    if not os.access(parent, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        _fail(f"cannot write --output {output}: permission denied")
    if force or output.exists() and not output.resolve().is_file():
        return  # a device or pipe (/dev/null, /dev/stdout) is never an article
    from .loading.sources import ARTICLE_SUFFIXES

    target = output.resolve()
    for path in inputs or []:
        source = path.resolve()
        if target == source:
            _fail(f"--output {output} is one of the input articles; pass --force to overwrite it")
        if source.is_dir() and target.is_relative_to(source) and target.suffix.lower() in ARTICLE_SUFFIXES:
            _fail(f"--output {output} is inside the input folder {path}; write it elsewhere or pass --force")


def _emit(render: Callable[[], str], output: Path | None) -> None:
    """Render the result for where it goes, then send it to stdout or, atomically, to --output."""
    with drawn_on(_screen(output)):
        text = render()
    if output is None:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise  # a reader that stopped early (`| head`): main() exits quietly
        except OSError as exc:
            _silence_stdout()
            _fail(f"cannot write the report to stdout: {exc.strerror or exc}")
        return
    try:
        write_atomic(output, text)
    except OSError as exc:
        _fail(f"cannot write --output {output}: {exc.strerror or exc}")
    _err(f"wrote {output}")


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush of unwritable output raises nothing more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _nothing_read(result: Extraction | Report | Timeline) -> None:
    """Every input was skipped: the run audited nothing, which must not pass a publishing gate."""
    sources = result.source_records if isinstance(result, Timeline) else result.sources
    if not sources and result.skipped:
        count = len(result.skipped)
        _fail(f"nothing was read: all {count} input{'s' if count != 1 else ''} skipped (reasons above)")


def _exit(result: Report | DiffReport | Timeline) -> NoReturn:
    """The summary line on stderr, then the exit code from the fail policy the library computed once."""
    _err(summary_line(result))
    raise typer.Exit(EXIT_FINDINGS if result.summary.failed else EXIT_OK)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def _settings(lexicon: Path | None, fail_on: FailLevel = FailLevel.conflict, jobs: int | None = None) -> Settings:
    today = None
    fixed = os.environ.get("CLAIMCHECK_TODAY")  # lets tests and golden files pin the report date
    if fixed:
        import datetime as dt

        try:
            today = dt.date.fromisoformat(fixed)
        except ValueError:
            _fail(f"CLAIMCHECK_TODAY must be an ISO date, not {fixed!r}")
    fail: FailOn = fail_on.value
    return Settings(
        lexicon=lexicon,
        fail_on=fail,
        jobs=jobs if jobs else default_jobs(),
        today=today,
        progress=_progress_bar(),
    )


PROGRESS_MIN_ARTICLES = 200  # below this a run takes a second or two and a bar would only flicker


def _progress_bar() -> Callable[[int, int], None] | None:
    """A progress bar on stderr for long runs, only when stderr is a terminal (never in pipes or CI logs)."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < PROGRESS_MIN_ARTICLES:
            return
        if "bar" not in state:
            bar = Progress(
                TextColumn("extracting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(file=sys.stderr),
                transient=True,
            )
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task("extract", total=total)
        state["bar"].update(state["task"], completed=done)
        if done >= total:
            state["bar"].stop()

    return update


def _strict_check(skipped: int, strict: bool) -> None:
    if strict and skipped:
        _fail(f"{skipped} input{'s' if skipped != 1 else ''} skipped and --strict is set (reasons above)")


PathsArg = Annotated[
    list[Path],
    typer.Argument(
        help="Article files or folders (.txt, .md, .html), or folders of claim records written by `extract --out`.",
        show_default=False,
    ),
]
LexiconOpt = Annotated[
    Path | None,
    typer.Option("--lexicon", help="YAML file that extends the built-in lexicon of entities, benchmarks and metrics."),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write the report to FILE (atomically) instead of stdout."),
]
FailOnOpt = Annotated[
    FailLevel, typer.Option("--fail-on", help="Exit 1 when a finding at or above this status exists.")
]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="Allow --output to overwrite an input article or land in an input folder.")
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Exit 2 if any input had to be skipped.")]
JobsOpt = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Worker processes for loading and extraction (default: CPU cores)."),
]


@app.command()
def extract(
    paths: PathsArg,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="table, json or yaml.")] = ExtractFormat.table,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Write one YAML claim-record file per source into DIR, keeping the reviews already there.",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="With --out: show what would change, write nothing.")
    ] = False,
    lexicon: LexiconOpt = None,
    strict: StrictOpt = False,
    jobs: JobsOpt = None,
) -> None:
    """Extract every number and date, with what it measures and about whom, from articles."""
    from . import pipeline

    settings = _settings(lexicon, jobs=jobs)
    try:
        extraction = pipeline.extract(paths, settings)
    except ClaimcheckError as exc:
        _fail(str(exc))
    _report_skipped(extraction)
    _nothing_read(extraction)
    if dry_run and out is None:
        _fail("--dry-run needs --out DIR")
    if out is not None:
        _write_records(extraction, out, dry_run=dry_run)
    else:
        _emit(lambda: format.render(extraction), None)
    _err(summary_line(extraction))
    _strict_check(len(extraction.skipped), strict)


def _write_records(extraction: Extraction, out: Path, *, dry_run: bool = False) -> None:
    """Write claim records, merging each with the file already there so no review is ever lost."""
    from .review.update import plan_folder, write_record_file

    try:
        files = plan_folder(extraction, out)
        for record in files:
            if dry_run:
                print(f"{record.target}: {record.state}: {record.plan.describe()}")
                continue
            write_record_file(record)
            _err(f"{record.target}: {record.plan.describe()}")
    except ClaimcheckError as exc:
        _fail(str(exc))
    if not dry_run:
        _err(f"wrote {len(files)} claim-record file{'s' if len(files) != 1 else ''} to {out}")


def _report_skipped(result: Extraction | Report | Timeline) -> None:
    sources = result.source_records if isinstance(result, Timeline) else result.sources
    for source in sources:
        for problem in source.metadata_problems:
            unknown = "; publication date unknown" if source.published is None else ""
            _err(f"warning: {source.path}: {problem}; the article is read without it{unknown}")
    for skipped in result.skipped:
        _err(f"skipped {skipped.path}: {skipped.reason}")


@app.command()
def audit(
    paths: PathsArg,
    format: Annotated[AuditFormat, typer.Option("--format", "-f", help="table, json or markdown.")] = AuditFormat.table,
    output: OutputOpt = None,
    force: ForceOpt = False,
    fail_on: FailOnOpt = FailLevel.conflict,
    lexicon: LexiconOpt = None,
    strict: StrictOpt = False,
    jobs: JobsOpt = None,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", help="Report only findings not accepted in this baseline file."),
    ] = None,
    update_baseline: Annotated[
        bool,
        typer.Option("--update-baseline", help="Accept every current finding: write them to the --baseline file."),
    ] = False,
    engine: Annotated[
        Engine,
        typer.Option("--engine", help="local (processes on this machine) or dask (a Dask cluster; see README)."),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (tcp://HOST:8786); implies --engine dask."),
    ] = None,
) -> None:
    """Cross-check every claim across the articles and report contradictions."""
    from . import pipeline

    _check_output(output, paths, force)
    settings = _settings(lexicon, fail_on, jobs)
    if scheduler or engine is Engine.dask:
        settings = dataclasses.replace(settings, engine="dask", scheduler=scheduler)
    try:
        report = pipeline.audit(paths, settings)
    except ClaimcheckError as exc:
        _fail(str(exc))
    _report_skipped(report)
    _nothing_read(report)
    _strict_check(len(report.skipped), strict)
    if update_baseline or baseline is not None:
        report = _baseline(report, baseline, update_baseline)
    _emit(lambda: format.render(report), output)
    _exit(report)


@app.command()
def diff(
    a: Annotated[Path, typer.Argument(help="First article (or claim-record file).", show_default=False)],
    b: Annotated[Path, typer.Argument(help="Second article (or claim-record file).", show_default=False)],
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="table, json or markdown.")] = DiffFormat.table,
    output: OutputOpt = None,
    force: ForceOpt = False,
    fail_on: FailOnOpt = FailLevel.conflict,
    lexicon: LexiconOpt = None,
) -> None:
    """Compare two articles: what both say (agree, compatible, conflict) and what each adds."""
    from . import pipeline

    _check_output(output, [a, b], force)
    settings = _settings(lexicon, fail_on, jobs=1)
    try:
        report = pipeline.diff(a, b, settings)
    except ClaimcheckError as exc:
        _fail(str(exc))
    _emit(lambda: format.render(report), output)
    _exit(report)


@app.command()
def timeline(
    paths: PathsArg,
    format: Annotated[
        TimelineFormat, typer.Option("--format", "-f", help="table, json or markdown.")
    ] = TimelineFormat.table,
    output: OutputOpt = None,
    force: ForceOpt = False,
    fail_on: Annotated[
        FailLevel,
        typer.Option("--fail-on", help="Exit 1 when an order problem or a version dated differently reaches this."),
    ] = FailLevel.conflict,
    lexicon: LexiconOpt = None,
    jobs: JobsOpt = None,
) -> None:
    """Show every model version's release date as each source gives it, with order checks."""
    from . import pipeline

    _check_output(output, paths, force)
    settings = _settings(lexicon, fail_on, jobs)
    try:
        result = pipeline.timeline(paths, settings)
    except ClaimcheckError as exc:
        _fail(str(exc))
    _report_skipped(result)
    _nothing_read(result)
    _emit(lambda: format.render(result), output)
    _exit(result)


def _baseline(report: Report, path: Path | None, update: bool) -> Report:
    from .review.baseline import baseline_report

    if path is None:
        _fail("--update-baseline needs --baseline FILE")
    try:
        outcome = baseline_report(report, path, update=update)
    except ClaimcheckError as exc:
        _fail(str(exc))
    if outcome.written is not None:
        _err(f"accepted {outcome.written} finding{'s' if outcome.written != 1 else ''} into {path}")
    if outcome.hidden:
        _err(f"{outcome.hidden} finding{'s' if outcome.hidden != 1 else ''} accepted in {path} not shown")
    return outcome.report


def version_callback(value: bool) -> None:
    if value:
        print(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="On an internal error, show the full traceback (for a bug report).")
    ] = False,
) -> None:
    """claimcheck: offline fact-checking for AI news."""


def main() -> None:
    # read before parsing, so that even a crash while parsing the options can show its traceback
    debug = "--debug" in sys.argv[1:]
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        _silence_stdout()  # the reader (`| head`) has all it wanted: no message, no second error at exit
        sys.exit(141)  # 128 + SIGPIPE, what a shell tool killed by a closed pipe exits with
    except Exception as exc:  # a bug: exit 2 like any run that could not finish, never 1 ("findings")
        if debug:
            traceback.print_exc()
        else:
            message = " ".join(str(exc).split())[:200]
            _err(f"internal error: {type(exc).__name__}: {message} (rerun with --debug for the traceback)")
        sys.exit(EXIT_ERROR)
