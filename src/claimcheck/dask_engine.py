"""Running an audit on a Dask cluster (``--engine dask``, ``--scheduler tcp://HOST:8786``).

Owns the two distributed steps of an audit: extraction as a map over batches of articles (each task loads and
extracts its files and sends back only source records and claims), and cross-checking as a map over topics.
Everything else (alignment, the internal checks, ordering, the report) runs in the calling process exactly as
in a single-machine run, and results are gathered in input order, so the report is byte-identical to one made
with ``--jobs``. Workers read the article files by path: on a real cluster, every worker must see them at the
same path (a shared filesystem), and the lexicon file too.

Dask is optional: ``pip install 'claimcheck[dask]'``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .errors import ClaimcheckError

if TYPE_CHECKING:
    from .loading.sources import ArticleFile
    from .models import Claim, Finding, Skipped, Source, Topic


class EngineError(ClaimcheckError):
    """Dask is not installed, or the scheduler cannot be reached."""


_active: list[Any] = []  # the client of the audit under way, so its two steps share one cluster


@contextmanager
def client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the given scheduler, or of a local cluster of ``workers`` single-threaded processes.

    Inside an enclosing ``client(...)`` block, that block's client is reused.
    """
    if _active:
        yield _active[-1]
        return
    with _connect(scheduler, workers) as dask_client:
        _active.append(dask_client)
        try:
            yield dask_client
        finally:
            _active.pop()


@contextmanager
def _connect(scheduler: str | None, workers: int) -> Iterator[Any]:
    try:
        import distributed
    except ImportError as exc:
        raise EngineError("--engine dask needs Dask: pip install 'claimcheck[dask]' (dask and distributed)") from exc
    # typed as Any: distributed's constructors are untyped, and mypy must pass with or without it installed
    Client: Any = distributed.Client
    LocalCluster: Any = distributed.LocalCluster
    if scheduler:
        try:
            dask_client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with dask_client:
            yield dask_client
        return
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as local,
    ):
        yield local


def map_batches(
    dask_client: Any,
    batches: Sequence[list[ArticleFile]],
    lexicon_path: str | None,
    extract_batch: Callable[[Sequence[ArticleFile], str | None], list[tuple[Source | Skipped, list[Claim]]]],
) -> Iterator[list[tuple[Source | Skipped, list[Claim]]]]:
    """Extract every batch on the cluster with ``extract_batch`` (``workers`` passes its own, so this module
    needs no import of it); results come back in input order."""
    futures = dask_client.map(extract_batch, batches, [lexicon_path] * len(batches), pure=False)
    for future in futures:
        yield future.result()


def check_topics(dask_client: Any, topics: Sequence[tuple[Topic, list[Claim]]]) -> list[Finding]:
    """The cross-check, one task per chunk of topics; findings in topic order, as ``cross_check`` gives them."""
    from .checking.check import cross_check

    chunk = max(1, len(topics) // 64)
    chunks = [list(topics[i : i + chunk]) for i in range(0, len(topics), chunk)]
    futures = dask_client.map(cross_check, chunks, pure=False)
    return [finding for future in futures for finding in future.result()]
