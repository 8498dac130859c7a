"""The Dask engine: the same report as a single-machine run, on a two-worker local cluster (loopback only)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import pipeline

distributed = pytest.importorskip("distributed")

_ARTICLE = """---
title: Note {n}
date: 2025-0{month}-1{n}
---

# Note {n}

Pelican 2 scored {score}% on the Harbor reasoning benchmark, the lab said. As of March {n}, 2025, Pelican 2
cost $3.{n}0 per million input tokens.

The team did not say how the model was trained.
"""


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for n in range(1, 9):
        score = 61 if n == 5 else 74  # one article disagrees with the rest
        (folder / f"note{n}.md").write_text(_ARTICLE.format(n=n, month=n % 9 or 1, score=score), encoding="utf-8")
    return folder


def test_a_two_worker_cluster_gives_the_byte_identical_report(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "articles")
    today = dt.date(2026, 1, 1)
    local = pipeline.audit([folder], pipeline.Settings(jobs=1, today=today))
    assert local.summary.conflicts >= 1
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        settings = pipeline.Settings(jobs=2, today=today, engine="dask", scheduler=cluster.scheduler_address)
        remote = pipeline.audit([folder], settings)
    assert remote.model_dump_json() == local.model_dump_json()


def test_batches_follow_input_order_and_cover_every_file(tmp_path: Path) -> None:
    from claimcheck.loading.sources import ArticleFile
    from claimcheck.workers import batches_by_bytes

    files = []
    for n in range(50):
        path = tmp_path / f"f{n:02d}.md"
        path.write_text("x" * (100 + 37 * n), encoding="utf-8")
        files.append(ArticleFile(path=path, key=path.name, display=path.name))
    batches = batches_by_bytes(files, workers=2)
    assert [f for b in batches for f in b] == files
    assert 8 <= len(batches) <= 50


def test_an_unreachable_scheduler_is_a_clear_error_with_exit_2(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "articles")
    run = subprocess.run(
        [sys.executable, "-m", "claimcheck", "audit", str(folder), "--scheduler", "nonsense://nowhere"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert "cannot reach the Dask scheduler at nonsense://nowhere" in run.stderr
    assert "Traceback" not in run.stderr
