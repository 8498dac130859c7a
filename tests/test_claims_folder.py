"""The committed claims/ folder is what `claimcheck extract sources/ --out claims/` produces today.

When extraction changes on purpose, regenerate it (reviews are kept) and review the diff:
    claimcheck extract sources/ --out claims/
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.pipeline import Settings, extract
from claimcheck.review.records import read_claims, record_name

ROOT = Path(__file__).resolve().parent.parent


def test_claims_folder_matches_a_fresh_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    fresh = extract(["sources"], Settings(jobs=1))
    for source in fresh.sources:
        record = ROOT / "claims" / record_name(source)
        assert record.exists(), f"{record} is missing: run `claimcheck extract sources/ --out claims/`"
        _, stored = read_claims(record)
        live = [c for c in stored if not c.orphaned]
        expected = [(c.id, c.value.text, c.subject, c.metric) for c in fresh.claims if c.source == source.path]
        assert [(c.id, c.value.text, c.subject, c.metric) for c in live] == expected, (
            f"{record} is out of date: run `claimcheck extract sources/ --out claims/` and review the diff"
        )
