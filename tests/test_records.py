"""Claim records: merging a re-extraction with a reviewed file never loses a person's work."""

from __future__ import annotations

from claimcheck.models import Claim, Quantity, Source
from claimcheck.review.records import MergePlan, dump_claims, read_claims

SOURCE = Source(path="a.md", key="a.md", format="markdown")


def claim(cid: str, quote: str, text: str = "75%", **review: object) -> Claim:
    value = Quantity(kind="percent", low=75, high=75, unit="%", text=text, precision=1)
    return Claim(
        id=cid,
        source="a.md",
        line=1,
        column=1,
        quote=quote,
        subject="GPT-5.4",
        metric="OSWorld-Verified",
        value=value,
        **review,
    )  # type: ignore[arg-type]


def test_review_follows_the_id() -> None:
    old = [claim("a1", "GPT-5.4 scores 75%.", review="confirmed", note="checked")]
    plan = MergePlan(SOURCE, [claim("a1", "GPT-5.4 scores 75%.")], old)
    assert plan.claims[0].review == "confirmed" and plan.claims[0].note == "checked"
    assert plan.kept_reviews == 1 and not plan.new and not plan.orphaned


def test_review_follows_the_quote_when_the_id_changed() -> None:
    old = [claim("old-id", "GPT-5.4 scores 75%.", review="rejected")]
    plan = MergePlan(SOURCE, [claim("new-id", "GPT-5.4  scores 75%.")], old)
    assert plan.claims[0].id == "new-id" and plan.claims[0].review == "rejected"
    assert plan.rematched == 1


def test_vanished_sentence_is_orphaned_not_deleted() -> None:
    old = [claim("gone", "An old sentence with 75%."), claim("kept", "GPT-5.4 scores 75%.")]
    plan = MergePlan(SOURCE, [claim("kept", "GPT-5.4 scores 75%.")], old)
    assert [c.id for c in plan.orphaned] == ["gone"]
    assert {c.id for c in plan.claims} == {"gone", "kept"}


def test_unreviewed_claim_no_longer_extracted_from_a_living_sentence_is_dropped() -> None:
    sentence = "GPT-5.4 scores 75% and 80%."
    old = [claim("x", sentence, "75%"), claim("y", sentence, "80%")]
    plan = MergePlan(SOURCE, [claim("x", sentence, "75%")], old)
    assert [c.id for c in plan.claims] == ["x"] and plan.dropped == 1


def test_reviewed_claim_no_longer_extracted_is_kept() -> None:
    sentence = "GPT-5.4 scores 75% and 80%."
    old = [claim("x", sentence, "75%"), claim("y", sentence, "80%", review="confirmed")]
    plan = MergePlan(SOURCE, [claim("x", sentence, "75%")], old)
    assert [c.id for c in plan.orphaned] == ["y"]


def test_records_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    claims = [
        claim(
            "a1",
            "GPT-5.4 scores 75%.",
            review="corrected",
            corrected=Quantity(kind="percent", low=76, high=76, unit="%", text="76%", precision=1),
            note="per the lab",
        )
    ]
    path = tmp_path / "a.md.yaml"
    path.write_text(dump_claims(SOURCE, claims), encoding="utf-8")
    source, back = read_claims(path)
    assert source == SOURCE and back == claims
    assert back[0].effective_value.low == 76
