"""The library API: paths in, an ``Extraction`` or a ``Report`` out.

    extract(paths, settings) -> Extraction       (load -> extract)
    audit(paths, settings)   -> Report           (load -> extract -> align -> check -> report)

Owns choosing, for each path, whether it holds articles or claim records written by ``extract --out`` (so a
reviewed folder can be audited without re-extracting), applying reviews, and running the stages in order. It
raises ``ClaimcheckError`` subclasses and never prints or exits: that is the CLI's job.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .attribution.extract import extract_article
from .attribution.lexicon import Lexicon, default_lexicon
from .checking.align import align_claims
from .checking.check import cross_check
from .errors import InputError
from .loading.sources import ArticleFile, discover, load_article
from .models import (
    Article,
    Claim,
    DiffReport,
    DiffSummary,
    Extraction,
    ExtractionSummary,
    FailOn,
    Finding,
    Report,
    Skipped,
    Source,
    Summary,
    Timeline,
    Topic,
)
from .review.records import is_claims_file, read_claims

PARALLEL_THRESHOLD = 64  # below this many articles, starting worker processes costs more than it saves
# Work goes to workers in batches of about this many bytes of article text (fewer when a corpus is small, so
# every worker gets several batches): one task per batch, not per file, and batches of similar cost.
BATCH_BYTES = 1 << 20
Engine = Literal["local", "dask"]


@dataclass(frozen=True)
class Settings:
    lexicon: Path | None = None  # a user's lexicon extension
    fail_on: FailOn = "conflict"
    jobs: int = 1  # worker processes for loading and extraction
    today: dt.date | None = None  # the report's date (fixed in tests so output is reproducible)
    progress: Callable[[int, int], None] | None = None  # called with (articles done, total) during extraction
    engine: Engine = "local"  # "dask": extraction and cross-checking run on a Dask cluster (dask_engine.py)
    scheduler: str | None = None  # with engine "dask": the scheduler's address; None starts a local cluster


@dataclass
class Corpus:
    """Everything loaded: sources, their claims (reviewed values applied) and what was skipped."""

    sources: list[Source] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)


def _lexicon(settings: Settings) -> Lexicon:
    return default_lexicon(str(settings.lexicon) if settings.lexicon else None)


def _split_paths(paths: Sequence[str | Path]) -> tuple[list[Path], list[Path]]:
    """(article paths, claim-record files): a folder whose YAML files are claim records is a records folder."""
    articles: list[Path] = []
    records: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"no such file or directory: {raw}")
        if path.is_file() and is_claims_file(path):
            records.append(path)
        elif path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and is_claims_file(p)
            )
            if found:
                records.extend(found)
                rest = [
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in (".txt", ".md", ".markdown", ".html", ".htm")
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                ]
                if rest:
                    articles.append(path)
            else:
                articles.append(path)
        else:
            articles.append(path)
    return articles, records


def _load_and_extract(item: ArticleFile, lexicon_path: str | None) -> tuple[Source | Skipped, list[Claim]]:
    """One file, start to finish, in a worker: only the source record and its claims travel back."""
    loaded = load_article(item.path, key=item.key, display=item.display, extra_meta=item.meta)
    if isinstance(loaded, Skipped):
        return loaded, []
    return loaded.source, extract_article(loaded, default_lexicon(lexicon_path))


def extract_batch(
    batch: Sequence[ArticleFile], lexicon_path: str | None
) -> list[tuple[Source | Skipped, list[Claim]]]:
    """One batch of files, in a worker (a process or a Dask task)."""
    return [_load_and_extract(item, lexicon_path) for item in batch]


def batches_by_bytes(files: Sequence[ArticleFile], workers: int) -> list[list[ArticleFile]]:
    """Consecutive files in batches of about BATCH_BYTES (at least 8 batches a worker when the corpus allows)."""
    sizes = []
    for item in files:
        try:
            sizes.append(item.path.stat().st_size)
        except OSError:
            sizes.append(0)  # the worker reports it as skipped
    target = max(1, min(BATCH_BYTES, sum(sizes) // max(1, workers * 8)))
    batches: list[list[ArticleFile]] = []
    current: list[ArticleFile] = []
    filled = 0
    for item, size in zip(files, sizes, strict=True):
        current.append(item)
        filled += size
        if filled >= target:
            batches.append(current)
            current, filled = [], 0
    if current:
        batches.append(current)
    return batches


def _parallel_batches(
    files: Sequence[ArticleFile], settings: Settings
) -> Iterator[list[tuple[Source | Skipped, list[Claim]]]]:
    """Every batch's results, in input order, so the corpus is identical to a single-process run."""
    lexicon_arg = str(settings.lexicon) if settings.lexicon else None
    batches = batches_by_bytes(files, settings.jobs)
    if settings.engine == "dask":
        from . import dask_engine

        with dask_engine.client(settings.scheduler, settings.jobs) as dask_client:
            yield from dask_engine.map_batches(dask_client, batches, lexicon_arg)
        return
    with ProcessPoolExecutor(max_workers=settings.jobs) as pool:
        yield from pool.map(extract_batch, batches, [lexicon_arg] * len(batches))


def collect(paths: Sequence[str | Path], settings: Settings = Settings()) -> Corpus:
    """Load articles and claim records, extract claims from the articles, apply reviews."""
    article_paths, record_paths = _split_paths(paths)
    corpus = Corpus()
    lexicon = _lexicon(settings)
    if article_paths:
        items = discover(article_paths)
        files = [item for item in items if isinstance(item, ArticleFile)]
        corpus.skipped.extend(item for item in items if isinstance(item, Skipped))
        if record_paths:
            corpus.skipped = [s for s in corpus.skipped if not s.path.endswith((".yaml", ".yml"))]
        total = len(files)
        if settings.engine == "dask" or (settings.jobs > 1 and total >= PARALLEL_THRESHOLD):
            # workers load and extract from paths; Articles (large) never cross a process boundary, and the
            # corpus keeps no Article objects in this mode (the checks need only sources and claims)
            done = 0
            for batch in _parallel_batches(files, settings):
                for source, claims in batch:
                    _add(corpus, source, claims)
                    done += 1
                    if settings.progress:
                        settings.progress(done, total)
        else:
            for done, item in enumerate(files, start=1):
                loaded = load_article(item.path, key=item.key, display=item.display, extra_meta=item.meta)
                if isinstance(loaded, Skipped):
                    corpus.skipped.append(loaded)
                else:
                    corpus.articles.append(loaded)
                    _add(corpus, loaded.source, extract_article(loaded, lexicon))
                if settings.progress:
                    settings.progress(done, total)
    for record in record_paths:
        source, claims = read_claims(record, display=_display(record))
        corpus.sources.append(source)
        corpus.claims.extend(claims)
    if not corpus.sources and not corpus.skipped:
        # an empty folder must not pass a publishing gate silently
        raise InputError(
            "no articles found in "
            + ", ".join(str(p) for p in paths)
            + " (looked for .txt, .md, .markdown, .html, .htm and claim records)"
        )
    return corpus


def _add(corpus: Corpus, source: Source | Skipped, claims: list[Claim]) -> None:
    if isinstance(source, Skipped):
        corpus.skipped.append(source)
    else:
        corpus.sources.append(source)
        corpus.claims.extend(claims)


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def extract(paths: Sequence[str | Path], settings: Settings = Settings()) -> Extraction:
    corpus = collect(paths, settings)
    summary = ExtractionSummary(sources=len(corpus.sources), claims=len(corpus.claims), skipped=len(corpus.skipped))
    return Extraction(
        sources=tuple(corpus.sources), claims=tuple(corpus.claims), skipped=tuple(corpus.skipped), summary=summary
    )


def build_report(corpus: Corpus, topics: Sequence[Topic], findings: Sequence[Finding], settings: Settings) -> Report:
    ordered = sorted(findings, key=_finding_order)
    summary = Summary.of(
        ordered,
        settings.fail_on,
        sources=len(corpus.sources),
        skipped=len(corpus.skipped),
        claims=len(corpus.claims),
        topics=len(topics),
    )
    return Report(
        generated=settings.today or dt.date.today(),
        fail_on=settings.fail_on,
        sources=tuple(corpus.sources),
        claims=tuple(corpus.claims),
        topics=tuple(topics),
        findings=tuple(ordered),
        skipped=tuple(corpus.skipped),
        summary=summary,
    )


_STATUS_ORDER = {"conflict": 0, "compatible": 1, "agree": 2}
_KIND_ORDER = {"cross-source": 0, "timeline": 1, "arithmetic": 2, "temporal": 3, "internal": 4}


def _finding_order(f: Finding) -> tuple[int, int, float, str, str]:
    return (
        _STATUS_ORDER[f.status],
        _KIND_ORDER.get(f.kind, 9),
        -(f.relative_difference or 0.0),
        f.topic,
        f.id,
    )


def analyse(corpus: Corpus, settings: Settings) -> Report:
    """Align, cross-check and run the internal checks over a loaded corpus."""
    from .checking.internal import internal_findings

    aligned = align_claims(corpus.claims)
    findings: list[Finding]
    if settings.engine == "dask":
        from . import dask_engine

        with dask_engine.client(settings.scheduler, settings.jobs) as dask_client:
            findings = dask_engine.check_topics(dask_client, aligned)
    else:
        findings = cross_check(aligned)
    findings.extend(internal_findings(corpus, _lexicon(settings)))
    return build_report(corpus, [t for t, _ in aligned], findings, settings)


def audit(paths: Sequence[str | Path], settings: Settings = Settings()) -> Report:
    if settings.engine == "dask":
        from . import dask_engine

        with dask_engine.client(settings.scheduler, settings.jobs):  # one cluster for both distributed steps
            return analyse(collect(paths, settings), settings)
    return analyse(collect(paths, settings), settings)


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def diff(a: str | Path, b: str | Path, settings: Settings = Settings()) -> DiffReport:
    """Compare two articles (or two claim-record files): shared topics with verdicts, and what each adds."""
    from .checking.check import check_topic

    corpus_a = collect([a], settings)
    corpus_b = collect([b], settings)
    for corpus, name in ((corpus_a, a), (corpus_b, b)):
        if len(corpus.sources) != 1:
            reason = "; ".join(s.reason for s in corpus.skipped) or "it holds no article"
            raise InputError(
                f"diff needs exactly one article on each side, but {name} gives {len(corpus.sources)} ({reason})"
            )
    source_a, source_b = corpus_a.sources[0], corpus_b.sources[0]
    if source_a.path == source_b.path:
        raise InputError(f"diff needs two different articles, got {source_a.path} twice")
    claims = [*corpus_a.claims, *corpus_b.claims]
    findings: list[Finding] = []
    only_a: list[Claim] = []
    only_b: list[Claim] = []
    topics_a = topics_b = 0
    for topic, members in align_claims(claims):
        in_a = [c for c in members if c.source == source_a.path]
        in_b = [c for c in members if c.source == source_b.path]
        if in_a and in_b:
            findings.extend(f for f in check_topic(topic, members) if f.kind == "cross-source")
        elif in_a:
            only_a.extend(in_a)
            topics_a += 1
        else:
            only_b.extend(in_b)
            topics_b += 1
    findings.sort(key=_finding_order)
    summary = DiffSummary.of(findings, settings.fail_on, only_in_a=topics_a, only_in_b=topics_b)
    return DiffReport(
        generated=settings.today or dt.date.today(),
        fail_on=settings.fail_on,
        a=source_a,
        b=source_b,
        findings=tuple(findings),
        only_in_a=tuple(only_a),
        only_in_b=tuple(only_b),
        skipped=tuple([*corpus_a.skipped, *corpus_b.skipped]),
        summary=summary,
    )


def timeline(paths: Sequence[str | Path], settings: Settings = Settings()) -> Timeline:
    from .checking.timeline import build_timeline

    corpus = collect(paths, settings)
    return build_timeline(
        corpus.claims,
        [s.path for s in corpus.sources],
        _lexicon(settings),
        skipped=corpus.skipped,
        source_records=corpus.sources,
        fail_on=settings.fail_on,
        generated=settings.today or dt.date.today(),
    )
