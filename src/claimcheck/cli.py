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
import shutil
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from . import __version__
from .config import KINDS, STATUSES, Config, discover_config
from .errors import ClaimcheckError
from .models import DiffReport, Extraction, FailOn, Finding, Report, Timeline
from .pipeline import Settings, default_jobs
from .render import AuditFormat, DiffFormat, ExtractFormat, TimelineFormat, summary_line
from .render.terminal import FILE_SCREEN, Screen, drawn_on
from .review.records import write_atomic

app = typer.Typer(
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="claimcheck: offline fact-checking for AI news. Extracts every number and date with its meaning, "
    "aligns claims about the same thing across articles, and reports contradictions.",
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Argument(typer.core.TyperArgument):
    """typer's argument, shown the way a reader needs it in --help and the usage line."""

    def display_type_rich(self, ctx: Any) -> str | None:  # Any: typer's Context is its vendored click's, private
        # typer prints an argument's Python type after its name in --help ("PATH... <list[Path]>"); the metavar
        # already says what to give, and a reader has no use for the annotation
        return None if self.metavar else super().display_type_rich(ctx)

    def _usage_display_name(self) -> str:
        # and writes a required argument as "{paths}" in the usage line: the metavar ("PATH...") reads as intended
        return self.metavar or super().display_name_raw


class _Command(typer.core.TyperCommand):
    """Every command's arguments are ``_Argument``s (typer builds them itself and takes no argument class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is typer.core.TyperArgument:
                param.__class__ = _Argument


class FailLevel(str, Enum):
    conflict = "conflict"
    compatible = "compatible"
    never = "never"


def _err(message: str) -> None:
    print(f"claimcheck: {message}", file=sys.stderr)


def _fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    _err(f"error: {message}")
    raise typer.Exit(code)


def _no_color() -> bool:
    """NO_COLOR (https://no-color.org): present and not empty means no styling at all, not even bold or dim."""
    return bool(os.environ.get("NO_COLOR"))


def _screen(output: Path | None) -> Screen:
    """Tables on a terminal get its width and styling (none with NO_COLOR: rich alone would keep bold and dim);
    files get plain text, 100 wide."""
    return Screen(width=None, color=sys.stdout.isatty() and not _no_color()) if output is None else FILE_SCREEN


def _check_output(output: Path | None, inputs: list[Path] | None = None, force: bool = False) -> None:
    """Fail before doing the work when the output file cannot be written, or is a file this run reads (an input,
    or what discovery picks up in an input folder: ``loading.sources.read_by``); ``--force`` allows it."""
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
    from .loading.sources import read_by

    read = read_by(output, inputs or [])
    if read is not None and not read.in_folder:
        _fail(f"--output {output} is one of the input articles; pass --force to overwrite it")
    if read is not None:
        _fail(f"--output {output} is inside the input folder {read.input}; write it elsewhere or pass --force")


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
    if result.nothing_read:
        count = len(result.skipped)
        _fail(f"nothing was read: all {count} input{'s' if count != 1 else ''} skipped (reasons above)")


def _exit(result: Report | DiffReport | Timeline) -> NoReturn:
    """The summary line on stderr, then the exit code from the fail policy the library computed once."""
    _err(summary_line(result))
    raise typer.Exit(EXIT_FINDINGS if result.summary.failed else EXIT_OK)


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def _settings(
    lexicon: Path | None,
    fail_on: FailLevel = FailLevel.conflict,
    jobs: int | None = None,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    exclude: list[str] | None = None,
    stdin: tuple[Path, str] | None = None,
    quiet: bool = False,
) -> Settings:
    today = None
    fixed = os.environ.get("CLAIMCHECK_TODAY")  # lets tests and golden files pin the report date
    if fixed:
        import datetime as dt

        try:
            today = dt.date.fromisoformat(fixed)
        except ValueError:
            _fail(f"CLAIMCHECK_TODAY must be an ISO date, not {fixed!r}")
    fail: FailOn = fail_on.value
    bar = _ProgressBar() if _show_progress(quiet) else None
    return Settings(
        lexicon=lexicon,
        fail_on=fail,
        jobs=jobs if jobs else default_jobs(),
        today=today,
        progress=bar.articles if bar else None,
        file_progress=bar.file if bar else None,
        select=tuple(_selectors(select, "--select")),
        ignore=tuple(_selectors(ignore, "--ignore")),
        exclude=tuple(exclude or ()),
        stdin=stdin,
    )


def _selectors(values: list[str] | None, option: str) -> list[str]:
    """Selectors given as repeated options or comma-separated, checked: an unknown one is a usage error."""
    from .review.selection import check_selectors

    items = [part.strip() for value in values or () for part in value.split(",") if part.strip()]
    try:
        return check_selectors(items)
    except ValueError as exc:
        _fail(f"{option}: {exc}")


# ------------------------------------------------------------------------------------------ configuration

_FORMATS: dict[str, type[Enum]] = {
    "audit": AuditFormat,
    "diff": DiffFormat,
    "timeline": TimelineFormat,
    "extract": ExtractFormat,
}


def _configured(ctx: typer.Context, command: str, config_file: Path | None, values: dict[str, Any]) -> dict[str, Any]:
    """The options in force: each one the command line left at its default takes the configuration's value."""
    try:
        config = discover_config(Path.cwd(), config_file)
    except ClaimcheckError as exc:
        _fail(str(exc))
    resolved = dict(values)
    for key, value in config.for_command(command).items():
        name = key.replace("-", "_")
        source = ctx.get_parameter_source(name)
        # typer vendors click's ParameterSource privately: compare by name (an option given on the command
        # line or in the environment wins; only defaults give way)
        if name not in values or (source is not None and source.name not in ("DEFAULT", "DEFAULT_MAP")):
            continue
        resolved[name] = _from_config(config, command, key, value)
    if resolved.get("verbose"):
        _err(f"configuration: {config.path.as_posix()}" if config.path else "configuration: none found")
    return resolved


def _from_config(config: Config, command: str, key: str, value: Any) -> Any:
    if key == "format":
        formats = _FORMATS[command]
        try:
            return formats(value)
        except ValueError:
            choices = ", ".join(m.value for m in formats)
            raise _config_exit(config.error(command, key, f"{command} supports {choices}, not {value!r}")) from None
    if key == "fail-on":
        return FailLevel(value)
    if key in ("lexicon", "baseline"):
        return Path(value)
    return value


def _config_exit(error: ClaimcheckError) -> typer.Exit:
    _err(f"error: {error}")
    return typer.Exit(EXIT_ERROR)


@contextmanager
def _stdin_input(paths: list[Path], stdin_filename: str | None) -> Iterator[tuple[Path, str] | None]:
    """``-`` among the paths: standard input, kept in a temporary file for the run and cited by its name."""
    if not any(str(p) == "-" for p in paths):
        if stdin_filename:
            _fail("--stdin-filename needs - among the paths")
        yield None
        return
    name = stdin_filename or "<stdin>"
    suffix = Path(stdin_filename).suffix if stdin_filename and Path(stdin_filename).suffix else ".md"
    folder = Path(tempfile.mkdtemp(prefix="claimcheck-stdin-"))
    try:
        temp = folder / f"stdin{suffix}"
        temp.write_bytes(sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode())
        yield temp, name
    finally:
        shutil.rmtree(folder, ignore_errors=True)


PROGRESS_MIN_ARTICLES = 200  # below this a run takes a second or two and a bar would only flicker
PROGRESS_MIN_CHARS = 1_000_000  # one file this long takes many seconds: its own bar, by characters read


def _show_progress(quiet: bool) -> bool:
    """The one decision: a progress bar only on a terminal (never in pipes, files or CI logs), and not with -q."""
    return not quiet and sys.stderr.isatty()


class _ProgressBar:
    """The progress shown on stderr: articles extracted (from PROGRESS_MIN_ARTICLES articles up), and how far
    into one long file extraction is (from PROGRESS_MIN_CHARS characters up). Transient: gone when done."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._tasks: dict[str, Any] = {}

    def _start(self) -> Any:
        if self._bar is None:
            from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TaskProgressColumn(),
                TimeRemainingColumn(),
                console=Console(file=sys.stderr, color_system=None if _no_color() else "auto"),
                transient=True,
            )
            self._bar.start()
        return self._bar

    def _update(self, key: str, description: str, done: int, total: int) -> None:
        bar = self._start()
        if key not in self._tasks:
            self._tasks[key] = bar.add_task(description, total=total)
        bar.update(self._tasks[key], completed=done)
        if done >= total:
            bar.remove_task(self._tasks.pop(key))
            if not self._tasks:
                bar.stop()
                self._bar = None

    def articles(self, done: int, total: int) -> None:
        if total >= PROGRESS_MIN_ARTICLES:
            self._update("articles", f"extracting {total:,} articles", done, total)

    def file(self, path: str, done: int, total: int) -> None:
        if total >= PROGRESS_MIN_CHARS and (done < total or path in self._tasks):
            self._update(path, f"reading {path}", done, total)


def _strict_check(skipped: int, strict: bool) -> None:
    if strict and skipped:
        _fail(f"{skipped} input{'s' if skipped != 1 else ''} skipped and --strict is set (reasons above)")


PathsArg = Annotated[
    list[Path],
    typer.Argument(
        help="Article files or folders (.txt, .md, .html), folders of claim records written by `extract --out`, "
        "or - for standard input.",
        show_default=False,
        metavar="PATH...",
    ),
]
LexiconOpt = Annotated[
    Path | None,
    typer.Option(
        "--lexicon",
        metavar="FILE",
        help="YAML file that extends the built-in lexicon of entities, benchmarks and metrics.",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write the report to FILE (atomically) instead of stdout."),
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
    typer.Option(
        "--jobs", "-j", min=1, metavar="N", help="Worker processes for loading and extraction (default: CPU cores)."
    ),
]


def _complete_selectors(incomplete: str) -> list[str]:
    return [s for s in (*KINDS, *STATUSES) if s.startswith(incomplete)]


SelectOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        metavar="KIND|STATUS",
        autocompletion=_complete_selectors,
        help=f"Report only these finding kinds ({', '.join(KINDS)}) and statuses ({', '.join(STATUSES)}); "
        "repeat or separate with commas.",
        show_default=False,
    ),
]
IgnoreOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        metavar="KIND|STATUS",
        autocompletion=_complete_selectors,
        help="Leave out findings of these kinds or statuses.",
        show_default=False,
    ),
]
ExcludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        metavar="GLOB",
        help="Do not load inputs whose path, file name or a folder matches GLOB (drafts, *.html, notes/*).",
        show_default=False,
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="FILE",
        help="Read settings from FILE instead of the claimcheck.toml, .claimcheck.yaml or pyproject.toml "
        "[tool.claimcheck] found in this folder or above.",
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only the one-line summary (and errors).")]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="Also say which configuration is used and what was suppressed.")
]
StdinNameOpt = Annotated[
    str | None,
    typer.Option(
        "--stdin-filename",
        metavar="NAME",
        help="The name citations give standard input (with -), e.g. drafts/post.md; its suffix picks the format.",
    ),
]


@app.command(cls=_Command)
def extract(
    ctx: typer.Context,
    paths: PathsArg,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.table,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="DIR",
            help="Write one YAML claim-record file per source into DIR, keeping the reviews already there.",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="With --out: show what would change, write nothing.")
    ] = False,
    lexicon: LexiconOpt = None,
    strict: StrictOpt = False,
    jobs: JobsOpt = None,
    exclude: ExcludeOpt = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    stdin_filename: StdinNameOpt = None,
) -> None:
    """Extract every number and date, with what it measures and about whom, from articles."""
    from . import pipeline

    o = _configured(
        ctx,
        "extract",
        config,
        {
            "format": format,
            "lexicon": lexicon,
            "strict": strict,
            "jobs": jobs,
            "exclude": exclude,
            "quiet": quiet,
            "verbose": verbose,
        },
    )
    with _stdin_input(paths, stdin_filename) as stdin:
        settings = _settings(o["lexicon"], jobs=o["jobs"], exclude=o["exclude"], stdin=stdin, quiet=o["quiet"])
        try:
            extraction = pipeline.extract(paths, settings)
        except ClaimcheckError as exc:
            _fail(str(exc))
    if not o["quiet"]:
        _report_skipped(extraction)
    _nothing_read(extraction)
    if dry_run and out is None:
        _fail("--dry-run needs --out DIR")
    if out is not None:
        _write_records(extraction, out, dry_run=dry_run)
    elif not o["quiet"]:
        fmt: ExtractFormat = o["format"]
        _emit(lambda: fmt.render(extraction), None)
    _err(summary_line(extraction))
    _strict_check(len(extraction.skipped), o["strict"])


def _write_records(extraction: Extraction, out: Path, *, dry_run: bool = False) -> None:
    """Write claim records, merging each with the file already there so no review is ever lost.

    A dry run prints on stdout the very lines a real run prints on stderr (one per file, then the counts): both
    come from the same plan, which holds the text each file would get."""
    from .review.update import folder_summary, plan_folder, write_record_file

    say: Callable[[str], None] = print if dry_run else (lambda line: print(line, file=sys.stderr))
    try:
        files = plan_folder(extraction, out)
        for record in files:
            if not dry_run:
                write_record_file(record)
            say(record.line())
    except ClaimcheckError as exc:
        _fail(str(exc))
    say(folder_summary(files, out, dry_run=dry_run))


def _report_skipped(result: Extraction | Report | Timeline) -> None:
    sources = result.source_records if isinstance(result, Timeline) else result.sources
    for source in sources:
        for problem in source.metadata_problems:
            unknown = "; publication date unknown" if source.published is None else ""
            _err(f"warning: {source.path}: {problem}; the article is read without it{unknown}")
        for note in source.notes:
            _err(f"note: {source.path}: {note}")
    for skipped in result.skipped:
        _err(f"skipped {skipped.path}: {skipped.reason}")


@app.command(cls=_Command)
def audit(
    ctx: typer.Context,
    paths: PathsArg,
    format: Annotated[AuditFormat, typer.Option("--format", "-f", help="Output format.")] = AuditFormat.table,
    output: OutputOpt = None,
    force: ForceOpt = False,
    fail_on: FailOnOpt = FailLevel.conflict,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    exclude: ExcludeOpt = None,
    lexicon: LexiconOpt = None,
    strict: StrictOpt = False,
    jobs: JobsOpt = None,
    baseline: Annotated[
        Path | None,
        typer.Option("--baseline", metavar="FILE", help="Report only findings not accepted in this baseline file."),
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
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    stdin_filename: StdinNameOpt = None,
) -> None:
    """Cross-check every claim across the articles and report contradictions."""
    from . import pipeline

    o = _configured(
        ctx,
        "audit",
        config,
        {
            "format": format,
            "fail_on": fail_on,
            "select": select,
            "ignore": ignore,
            "exclude": exclude,
            "lexicon": lexicon,
            "strict": strict,
            "jobs": jobs,
            "baseline": baseline,
            "quiet": quiet,
            "verbose": verbose,
        },
    )
    _check_output(output, paths, force)
    with _stdin_input(paths, stdin_filename) as stdin:
        settings = _settings(
            o["lexicon"],
            o["fail_on"],
            o["jobs"],
            select=o["select"],
            ignore=o["ignore"],
            exclude=o["exclude"],
            stdin=stdin,
            quiet=o["quiet"],
        )
        if scheduler or engine is Engine.dask:
            settings = dataclasses.replace(settings, engine="dask", scheduler=scheduler)
        try:
            report = pipeline.audit(paths, settings)
        except ClaimcheckError as exc:
            _fail(str(exc))
    if not o["quiet"]:
        _report_skipped(report)
    _nothing_read(report)
    _strict_check(len(report.skipped), o["strict"])
    if update_baseline or o["baseline"] is not None:
        report = _baseline(report, o["baseline"], update_baseline)
    if o["verbose"]:
        _report_suppressed(report.suppressed)
    fmt: AuditFormat = o["format"]
    if not o["quiet"] or output is not None:
        _emit(lambda: fmt.render(report), output)
    _exit(report)


def _report_suppressed(findings: tuple[Finding, ...]) -> None:
    for finding in findings:
        where = ", ".join(dict.fromkeys(f"{c.source}:{c.line}" for c in finding.claims))
        _err(f"suppressed {finding.status} [{finding.kind}] {finding.topic} ({where})")


@app.command(cls=_Command)
def diff(
    ctx: typer.Context,
    a: Annotated[
        Path, typer.Argument(help="First article (or claim-record file), or -.", show_default=False, metavar="A")
    ],
    b: Annotated[Path, typer.Argument(help="Second article (or claim-record file).", show_default=False, metavar="B")],
    format: Annotated[DiffFormat, typer.Option("--format", "-f", help="Output format.")] = DiffFormat.table,
    output: OutputOpt = None,
    force: ForceOpt = False,
    fail_on: FailOnOpt = FailLevel.conflict,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    lexicon: LexiconOpt = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    stdin_filename: StdinNameOpt = None,
) -> None:
    """Compare two articles: what both say (agree, compatible, conflict) and what each adds."""
    from . import pipeline

    o = _configured(
        ctx,
        "diff",
        config,
        {
            "format": format,
            "fail_on": fail_on,
            "select": select,
            "ignore": ignore,
            "lexicon": lexicon,
            "quiet": quiet,
            "verbose": verbose,
        },
    )
    _check_output(output, [a, b], force)
    with _stdin_input([a, b], stdin_filename) as stdin:
        settings = _settings(
            o["lexicon"], o["fail_on"], jobs=1, select=o["select"], ignore=o["ignore"], stdin=stdin, quiet=o["quiet"]
        )
        try:
            report = pipeline.diff(a, b, settings)
        except ClaimcheckError as exc:
            _fail(str(exc))
    if o["verbose"]:
        _report_suppressed(report.suppressed)
    fmt: DiffFormat = o["format"]
    if not o["quiet"] or output is not None:
        _emit(lambda: fmt.render(report), output)
    _exit(report)


@app.command(cls=_Command)
def timeline(
    ctx: typer.Context,
    paths: PathsArg,
    format: Annotated[TimelineFormat, typer.Option("--format", "-f", help="Output format.")] = TimelineFormat.table,
    output: OutputOpt = None,
    force: ForceOpt = False,
    fail_on: Annotated[
        FailLevel,
        typer.Option("--fail-on", help="Exit 1 when an order problem or a version dated differently reaches this."),
    ] = FailLevel.conflict,
    exclude: ExcludeOpt = None,
    lexicon: LexiconOpt = None,
    jobs: JobsOpt = None,
    config: ConfigOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
    stdin_filename: StdinNameOpt = None,
) -> None:
    """Show every model version's release date as each source gives it, with order checks."""
    from . import pipeline

    o = _configured(
        ctx,
        "timeline",
        config,
        {
            "format": format,
            "fail_on": fail_on,
            "exclude": exclude,
            "lexicon": lexicon,
            "jobs": jobs,
            "quiet": quiet,
            "verbose": verbose,
        },
    )
    _check_output(output, paths, force)
    with _stdin_input(paths, stdin_filename) as stdin:
        settings = _settings(o["lexicon"], o["fail_on"], o["jobs"], exclude=o["exclude"], stdin=stdin, quiet=o["quiet"])
        try:
            result = pipeline.timeline(paths, settings)
        except ClaimcheckError as exc:
            _fail(str(exc))
    if not o["quiet"]:
        _report_skipped(result)
    _nothing_read(result)
    fmt: TimelineFormat = o["format"]
    if not o["quiet"] or output is not None:
        _emit(lambda: fmt.render(result), output)
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
    from .console import Interrupted, interrupted, raise_interrupted

    signal.signal(signal.SIGINT, raise_interrupted)
    try:
        app()
    except (KeyboardInterrupt, Interrupted):
        interrupted()  # one line, exit 130; --output was not replaced (it is written last, atomically)
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
