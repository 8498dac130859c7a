"""The library API: runs the stages in order, and nothing else.

    load(paths)              discover -> load + extract (or read claim records) -> Corpus
    extract(paths, settings) -> Extraction     load
    audit(paths, settings)   -> Report         load -> align -> check (+ internal checks) -> report
    diff(a, b, settings)     -> DiffReport     load each side -> diff
    timeline(paths, settings) -> Timeline      load -> timeline

Each stage lives in its own module (see README "How the code is laid out"); this module only wires them and
reports progress (``workers`` runs extraction in worker processes or on a Dask cluster for large inputs). It
raises ``ClaimcheckError`` subclasses and never prints or exits: that is the CLI's job.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .attribution.lexicon import Lexicon, default_lexicon
from .checking.align import align_claims
from .checking.check import cross_check
from .checking.diff import diff_corpora
from .checking.internal import internal_findings
from .checking.report import build_report
from .checking.timeline import build_timeline
from .errors import InputError
from .loading.inputs import excluded, named_stdin
from .loading.sources import ARTICLE_SUFFIXES, ArticleFile, RecordsFile, discover
from .models import (
    Claim,
    Corpus,
    DiffReport,
    Extraction,
    ExtractionSummary,
    FailOn,
    Finding,
    Report,
    Skipped,
    Source,
    Timeline,
    build,
)
from .review.records import read_claims
from .review.selection import choose_findings
from .workers import Engine, parallel_batches, read_article

PARALLEL_THRESHOLD = 64  # below this many articles, starting worker processes costs more than it saves


@dataclass(frozen=True)
class Settings:
    lexicon: Path | None = None  # a user's lexicon extension
    fail_on: FailOn = "conflict"
    jobs: int = 1  # worker processes for loading and extraction
    today: dt.date | None = None  # the report's date (fixed in tests so output is reproducible)
    progress: Callable[[int, int], None] | None = None  # called with (articles done, total) during extraction
    # called with (file, characters read, characters in it) now and then while one file is extracted (one process)
    file_progress: Callable[[str, int, int], None] | None = None
    engine: Engine = "local"  # "dask": extraction and cross-checking run on a Dask cluster (dask_engine.py)
    scheduler: str | None = None  # with engine "dask": the scheduler's address; None starts a local cluster
    select: tuple[str, ...] = ()  # finding kinds and statuses to report (review/selection.py)
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # glob patterns of input paths not to load
    stdin: tuple[Path, str] | None = None  # ("-" in the paths) the file holding standard input, and its name


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def _lexicon(settings: Settings) -> Lexicon:
    return default_lexicon(str(settings.lexicon) if settings.lexicon else None)


def load(paths: Sequence[str | Path], settings: Settings = Settings()) -> Corpus:
    """Discover the inputs, load and extract the articles, read the claim records (reviews applied)."""
    if settings.stdin is not None:
        paths = [settings.stdin[0] if str(p) == "-" else p for p in paths]
    found = [item for item in discover(paths) if not excluded(item.path, settings.exclude)]
    if settings.stdin is not None:
        found = [named_stdin(item, settings.stdin) for item in found]
    files = [item for item in found if isinstance(item, ArticleFile)]
    sources: list[Source] = []
    claims: list[Claim] = []
    skipped = [item for item in found if isinstance(item, Skipped)]
    total = len(files)
    if settings.engine == "dask" or (settings.jobs > 1 and total >= PARALLEL_THRESHOLD):
        lexicon_arg = str(settings.lexicon) if settings.lexicon else None
        done = 0
        batches = parallel_batches(
            files, jobs=settings.jobs, lexicon_path=lexicon_arg, engine=settings.engine, scheduler=settings.scheduler
        )
        for batch in batches:
            for source, extracted in batch:
                _add(source, extracted, sources, claims, skipped)
                done += 1
                if settings.progress:
                    settings.progress(done, total)
    else:
        lexicon = _lexicon(settings)
        for done, item in enumerate(files, start=1):
            file_progress = settings.file_progress
            within = None if file_progress is None else partial(file_progress, item.display)
            _add(*read_article(item, lexicon, within), sources, claims, skipped)
            if settings.progress:
                settings.progress(done, total)
    for record in (item for item in found if isinstance(item, RecordsFile)):
        source, reviewed = read_claims(record.path, display=record.display)
        sources.append(source)
        claims.extend(reviewed)
    if not sources and not skipped:
        # an empty folder must not pass a publishing gate silently
        raise InputError(
            "no articles found in "
            + ", ".join(str(p) for p in paths)
            + f" (looked for {', '.join(ARTICLE_SUFFIXES)} and claim records)"
        )
    # built from values already typed above (hundreds of thousands of claims): no re-validation
    return build(Corpus, sources=tuple(sources), claims=tuple(claims), skipped=tuple(skipped))


def _add(
    source: Source | Skipped, extracted: list[Claim], sources: list[Source], claims: list[Claim], skipped: list[Skipped]
) -> None:
    if isinstance(source, Skipped):
        skipped.append(source)
    else:
        sources.append(source)
        claims.extend(extracted)


def extract(paths: Sequence[str | Path], settings: Settings = Settings()) -> Extraction:
    corpus = load(paths, settings)
    summary = ExtractionSummary(sources=len(corpus.sources), claims=len(corpus.claims), skipped=len(corpus.skipped))
    return build(Extraction, sources=corpus.sources, claims=corpus.claims, skipped=corpus.skipped, summary=summary)


def analyse(corpus: Corpus, settings: Settings = Settings()) -> Report:
    """Align, cross-check and run the internal checks over a loaded corpus."""
    aligned = align_claims(corpus.claims)
    findings: list[Finding]
    if settings.engine == "dask":
        from . import dask_engine

        with dask_engine.client(settings.scheduler, settings.jobs) as dask_client:
            findings = dask_engine.check_topics(dask_client, aligned)
    else:
        findings = cross_check(aligned)
    findings.extend(internal_findings(corpus.claims, corpus.sources, _lexicon(settings)))
    findings, suppressed = choose_findings(findings, corpus.sources, settings.select, settings.ignore)
    return build_report(
        corpus,
        [topic for topic, _ in aligned],
        findings,
        fail_on=settings.fail_on,
        generated=settings.today or dt.date.today(),
        suppressed=suppressed,
    )


def audit(paths: Sequence[str | Path], settings: Settings = Settings()) -> Report:
    if settings.engine == "dask":
        from . import dask_engine

        with dask_engine.client(settings.scheduler, settings.jobs):  # one cluster for both distributed steps
            return analyse(load(paths, settings), settings)
    return analyse(load(paths, settings), settings)


def diff(a: str | Path, b: str | Path, settings: Settings = Settings()) -> DiffReport:
    """Compare two articles (or two claim-record files): shared topics with verdicts, and what each adds."""
    return diff_corpora(
        load([a], settings),
        load([b], settings),
        names=(str(a), str(b)),
        fail_on=settings.fail_on,
        select=settings.select,
        ignore=settings.ignore,
        generated=settings.today or dt.date.today(),
    )


def timeline(paths: Sequence[str | Path], settings: Settings = Settings()) -> Timeline:
    corpus = load(paths, settings)
    return build_timeline(
        corpus.claims,
        [s.path for s in corpus.sources],
        _lexicon(settings),
        skipped=corpus.skipped,
        source_records=corpus.sources,
        fail_on=settings.fail_on,
        generated=settings.today or dt.date.today(),
    )
