"""Internal consistency checks (arithmetic, dates against publication, timelines). Filled in below."""

from __future__ import annotations

from typing import Any

from .models import Finding


def internal_findings(corpus: Any) -> list[Finding]:
    return []
