"""The YAML view of an extraction: one claim-record document per source, as ``extract --out`` would write them."""

from __future__ import annotations

from collections import defaultdict

from ..models import Claim, Extraction
from ..review.records import dump_claims


def extraction_yaml(extraction: Extraction) -> str:
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in extraction.claims:
        by_source[claim.source].append(claim)
    return "---\n".join(dump_claims(source, by_source.get(source.path, [])) for source in extraction.sources)
