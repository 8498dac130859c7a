"""Running the load + extract step in parallel: worker processes, or a Dask cluster (``dask_engine``).

Owns cutting the article files into batches of similar size (by bytes, in input order) and the function a
worker runs on one batch. Results come back in input order, so a parallel run gives the same corpus as a
single-process one. Only source records and claims cross a process boundary, never whole articles.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Literal

from .attribution.extract import Progress, extract_article
from .attribution.lexicon import Lexicon, default_lexicon
from .loading.citations import place_citations
from .loading.sources import ArticleFile, load_article
from .models import Claim, Skipped, Source, replace

# Work goes to workers in batches of about this many bytes of article text (fewer when a corpus is small, so
# every worker gets several batches): one task per batch, not per file, and batches of similar cost.
BATCH_BYTES = 1 << 20
Engine = Literal["local", "dask"]
Loaded = tuple[Source | Skipped, list[Claim]]


def load_and_extract(item: ArticleFile, lexicon_path: str | None) -> Loaded:
    """One file, start to finish: only the source record and its claims travel back."""
    return read_article(item, default_lexicon(lexicon_path))


def read_article(item: ArticleFile, lexicon: Lexicon, progress: Progress | None = None) -> Loaded:
    """Load one file and extract its claims, in this process; the source carries the notes on what was not read.
    ``progress`` is told how far into a long file extraction is."""
    loaded = load_article(item.path, key=item.key, display=item.display, extra_meta=item.meta)
    if isinstance(loaded, Skipped):
        return loaded, []
    notes: list[str] = []
    claims = extract_article(loaded, lexicon, progress, notes)
    if notes:
        loaded = replace(loaded, source=replace(loaded.source, notes=(*loaded.source.notes, *notes)))
    return place_citations(loaded, claims, item.path)


def extract_batch(batch: Sequence[ArticleFile], lexicon_path: str | None) -> list[Loaded]:
    """One batch of files, in a worker (a process or a Dask task)."""
    return [load_and_extract(item, lexicon_path) for item in batch]


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


def parallel_batches(
    files: Sequence[ArticleFile],
    *,
    jobs: int,
    lexicon_path: str | None,
    engine: Engine = "local",
    scheduler: str | None = None,
) -> Iterator[list[Loaded]]:
    """Every batch's results, in input order."""
    batches = batches_by_bytes(files, jobs)
    if engine == "dask":
        from . import dask_engine

        with dask_engine.client(scheduler, jobs) as dask_client:
            yield from dask_engine.map_batches(dask_client, batches, lexicon_path, extract_batch)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    try:
        yield from pool.map(extract_batch, batches, [lexicon_path] * len(batches))
    except BaseException:
        # Ctrl-C (or an error): stop now, not after every queued batch; the workers' results are not wanted
        pool.shutdown(wait=False, cancel_futures=True)
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        raise
    pool.shutdown()


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process (a terminal sends it to every process of the run): it stops them,
    and only it reports "interrupted"."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
