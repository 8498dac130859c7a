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


def test_corrected_without_a_value_is_an_error_with_file_and_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from claimcheck.errors import ConfigError

    path = tmp_path / "a.md.yaml"
    text = dump_claims(SOURCE, [claim("a1", "GPT-5.4 scores 75%."), claim("b2", "It also scores 75%.")])
    head, tail = text.split("- id: b2\n", 1)
    assert "  review: null\n" in tail
    text = head + "- id: b2\n" + tail.replace("  review: null\n", "  review: corrected\n", 1)
    path.write_text(text, encoding="utf-8")
    expected = text.splitlines().index("  review: corrected") + 1
    with pytest.raises(ConfigError) as error:
        read_claims(path)
    assert f"a.md.yaml:{expected}:" in str(error.value) and "corrected" in str(error.value)


def test_review_follows_a_small_edit_of_its_sentence() -> None:
    old = [claim("old-id", "Claude wrote over 75% of the codebase by May.", review="confirmed", note="checked")]
    fresh = [claim("new-id", "Claude wrote over 75% of the code base by May."), claim("x", "Revenue tripled to 75%.")]
    plan = MergePlan(SOURCE, fresh, old)
    by_id = {c.id: c for c in plan.claims}
    assert by_id["new-id"].review == "confirmed" and by_id["new-id"].note == "checked"
    assert by_id["x"].review is None
    assert not plan.orphaned and plan.reanchored == 1
    assert "re-anchored" in plan.describe()


def test_a_review_whose_sentence_is_really_gone_is_orphaned() -> None:
    old = [claim("old-id", "Claude wrote over 75% of the codebase by May.", review="confirmed")]
    plan = MergePlan(SOURCE, [claim("n", "The benchmark moved to a new harness with 75% fewer tasks.")], old)
    assert [c.id for c in plan.orphaned] == ["old-id"] and plan.reanchored == 0


def test_a_small_edit_does_not_move_a_review_to_a_different_value() -> None:
    old = [claim("old-id", "Claude wrote over 75% of the codebase by May.", review="confirmed")]
    plan = MergePlan(SOURCE, [claim("n", "Claude wrote over 80% of the codebase by May.", text="80%")], old)
    assert plan.claims[0].review is None and [c.id for c in plan.orphaned] == ["old-id"]
