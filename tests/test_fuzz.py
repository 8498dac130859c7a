"""Fuzz: random bytes, random Unicode and random mixtures of numbers, dates, dashes, tables and front matter go
through the library API and every renderer without an exception (``benchmarks/fuzz.py`` runs far more)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .fuzzing import ARTICLE_BYTES, SUFFIXES, run_everything


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(ARTICLE_BYTES, SUFFIXES), min_size=1, max_size=3))
def test_library_and_every_renderer_survive_random_input(files: list[tuple[bytes, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            run_everything(Path(folder), files)
        except Exception as error:  # the library may refuse a folder of nothing usable, with its own error
            from claimcheck.errors import ClaimcheckError

            if not isinstance(error, ClaimcheckError):
                raise
