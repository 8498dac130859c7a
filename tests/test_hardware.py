"""Hardware and spec-sheet reading, on invented accelerators (the Tern T400 family, the Quill QX500)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.attribution.extract import extract_article
from claimcheck.attribution.names import entity_key
from claimcheck.checking.align import align_claims
from claimcheck.loading.segment import segment
from claimcheck.models import Claim

from .conftest import claims_of, make_article

PUB = dt.date(2026, 3, 5)


def _in(text: str, path: str) -> list[Claim]:
    return extract_article(make_article(text, published=PUB, path=path))


def _by_value(text: str) -> dict[str, Claim]:
    return {c.value.text: c for c in claims_of(text, published=PUB)}


@pytest.mark.parametrize(
    ("text", "value", "metric"),
    [
        ("The Tern T400 delivers 18 petaFLOPS of FP4 compute.", "18 petaFLOPS", "peak FP4 compute"),
        ("The Tern T400 reaches 9 PFLOPS FP8 (3x the T300).", "9 PFLOPS", "peak FP8 compute"),
        (
            "Tern T400 FP8 tensor throughput is 4.5 petaFLOPS with sparsity.",
            "4.5 petaFLOPS",
            "peak FP8 compute (sparse)",
        ),
        ("The Tern T400 carries 160 GB of HBM3e memory.", "160 GB", "memory capacity"),
        ("The Tern T400 moves 6 TB/s of memory bandwidth.", "6 TB/s", "memory bandwidth"),
        ("The Tern T400 has a 900W TDP.", "900W", "power (TDP)"),
        ("The Tern T400 packs 150 billion transistors.", "150 billion transistors", "number of transistors"),
        ("The Tern T400 has 132 SMs.", "132 SMs", "number of SMs"),
        ("The Tern T400 has 132 streaming multiprocessors.", "132 streaming multiprocessors", "number of SMs"),
        ("The Quill QX500 has 288 CUs.", "288 CUs", "number of compute units"),
        ("The Quill QX500 features 288 compute units.", "288 compute units", "number of compute units"),
        ("Tern T400 streaming multiprocessors number 132 per GPU", "132", "number of SMs"),
        ("The Quill QX500 transistor count goes up to 140 billion", "up to 140 billion", "number of transistors"),
        ("The Tern T400 die measures 790 mm² in area.", "790", "die area"),
    ],
)
def test_hardware_figures_get_a_general_metric(text: str, value: str, metric: str) -> None:
    assert _by_value(text)[value].metric == metric


def test_precision_is_part_of_the_metric_identity() -> None:
    found = claims_of("The Tern T400 reaches 9 PFLOPS FP8 (3x the T300), 9 PFLOPS FP6 (3x) and 18 PFLOPS FP4.")
    metrics = [c.metric for c in sorted(found, key=lambda c: c.start) if c.value.kind == "measure"]
    assert metrics == ["peak FP8 compute", "peak FP6 compute", "peak FP4 compute"]


@pytest.mark.parametrize(
    ("text", "value", "metric"),
    [
        ("A Tern T400 NVL16 rack reaches 2 exaFLOPS of FP8 per rack.", "2 exaFLOPS", "peak FP8 compute per rack"),
        (
            "Each Tern T400 die contains 75 billion transistors.",
            "75 billion transistors",
            "transistors per die",
        ),
        (
            "The Tern T400 links its GPUs with 1.2 TB/s bidirectional NVLink bandwidth.",
            "1.2 TB/s",
            "bidirectional NVLink bandwidth",
        ),
        ("The Tern T400 joins its two dies with a 9 TB/s chip-to-chip link.", "9 TB/s", "die-to-die bandwidth"),
    ],
)
def test_what_a_figure_is_counted_over_is_kept(text: str, value: str, metric: str) -> None:
    assert _by_value(text)[value].metric == metric


@pytest.mark.parametrize("token", ["FP8", "BF16", "INT8", "HBM3e", "GDDR7", "NVLink-C2C", "PCIe 6.0", "Zen 5"])
def test_spec_words_are_never_subjects(token: str) -> None:
    claim = _by_value(f"The sheet lists {token} with 5 TB/s of bandwidth.")["5 TB/s"]
    assert claim.subject != token


def test_an_architecture_named_before_a_figure_is_not_its_subject() -> None:
    claim = _by_value("The Quill QX500 is built on the Quill CDNX 4 architecture, featuring 288 compute units.")[
        "288 compute units"
    ]
    assert claim.subject != "Quill CDNX 4"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Tern Kite T400", "T400"), ("NVIDIA-like Brand T400", "T400"), ("Instinctive QX500", "QX500")],
)
def test_brand_words_before_a_part_number_do_not_make_another_product(a: str, b: str) -> None:
    assert entity_key(a) == entity_key(b)


@pytest.mark.parametrize(
    ("a", "b"), [("Nimbus R1", "R1"), ("Orion 3.1 405B", "405B"), ("T400", "T400 Max"), ("DGX T400", "T400")]
)
def test_versions_and_sizes_are_not_part_numbers(a: str, b: str) -> None:
    assert entity_key(a) != entity_key(b)


def test_memory_capacity_and_bandwidth_are_never_compared() -> None:
    claims = _in("The Tern T400 system has 100TB of memory.", "a.md") + _in(
        "The Tern T400 system has 100 TB/s of memory bandwidth.", "b.md"
    )
    for _topic, group in align_claims(claims):
        assert len({c.value.unit for c in group}) == 1


def test_one_gpu_and_its_superchip_stay_apart() -> None:
    claims = _in("The Tern T400 delivers 18 petaFLOPS of FP4.", "a.md") + _in(
        "The Tern GT400 superchip delivers 36 petaFLOPS of FP4.", "b.md"
    )
    for _topic, group in align_claims(claims):
        assert len({c.source for c in group}) == 1


def test_two_measures_of_one_chip_are_not_an_enumeration() -> None:
    found = _by_value("The Tern T400 packs 144 SMs or 18,432 cores.")
    assert found["144 SMs"].subject == "Tern T400" and found["144 SMs"].metric == "number of SMs"


def test_a_key_fact_line_with_capitals_is_a_sentence_not_a_table_row() -> None:
    text = (
        "Key facts\n"
        "Tern T400 reaches 9 PFLOPS FP8 Tensor Core speed\n"
        "Tern T400 carries 160 GB of HBM3e memory capacity\n"
        "Tern T400 draws 900W TDP in Liquid Cooled mode\n"
    )
    units = segment(text)
    assert [u.kind for u in units[1:]] == ["sentence", "sentence", "sentence"]
    assert [u.text for u in units[1:]] == text.splitlines()[1:]


def test_labels_glued_to_their_figures_split_into_label_and_cell() -> None:
    text = "Memory\nTotal Capacity160GB GB\nBandwidth6.1TB/s\nBus Width5120-bit\nHBM Stacks6\n"
    rows = [u for u in segment(text) if u.kind == "table_row"]
    assert [(u.cells[0].row_label, u.cells[0].text) for u in rows] == [
        ("Total Capacity", "160GB GB"),
        ("Bandwidth", "6.1TB/s"),
        ("Bus Width", "5120-bit"),
        ("HBM Stacks", "6"),
    ]
    assert [u.text for u in rows] == text.splitlines()[1:]  # the unit cites the line as written


@pytest.mark.parametrize(
    ("line", "label", "cell"),
    [
        ("FP6471.2 TFLOPS TFLOPS", "FP64", "71.2 TFLOPS TFLOPS"),  # FP64 and 71.2, never FP6 and 471.2
        ("FP32142.4 TFLOPS", "FP32", "142.4 TFLOPS"),
        ("BF16284.8 TFLOPS", "BF16", "284.8 TFLOPS"),
        ("INT8569.6 TOPS", "INT8", "569.6 TOPS"),
    ],
)
def test_a_number_format_glued_to_its_figure_splits_where_the_format_ends(line: str, label: str, cell: str) -> None:
    (unit,) = segment(line + "\n")
    assert unit.kind == "table_row" and (unit.cells[0].row_label, unit.cells[0].text) == (label, cell)


@pytest.mark.parametrize("line", ["Orion2.5", "Kestrel3 is out", "Shipping 70+ features"])
def test_a_name_with_a_version_alone_is_not_a_spec_line(line: str) -> None:
    assert all(u.kind != "table_row" for u in segment(line + "\n"))


def test_a_label_line_over_a_value_line_labels_it() -> None:
    units = segment("TDP\n900 W\nVRAM\n160GB GB\n")
    rows = [u for u in units if u.kind == "table_row"]
    assert [(u.text, u.cells[0].row_label) for u in rows] == [("900 W", "TDP"), ("160GB GB", "VRAM")]


def test_a_spec_sheet_figure_belongs_to_the_product_the_page_is_about() -> None:
    article = make_article("TDP\n900 W\nCompute Performance\nFP8702.5 TFLOPS TFLOPS\nBandwidth6.1TB/s\n", path="t.md")
    article = article.model_copy(update={"source": article.source.model_copy(update={"title": "Tern T400"})})
    found = {c.value.text: c for c in extract_article(article)}
    assert (found["900 W"].subject, found["900 W"].metric) == ("Tern T400", "power (TDP)")
    assert (found["702.5 TFLOPS"].subject, found["702.5 TFLOPS"].metric) == ("Tern T400", "peak FP8 compute")
    assert found["6.1TB/s"].metric == "memory bandwidth"


def test_glued_numbering_of_key_facts_is_a_list_marker() -> None:
    text = "- 1Tern T400 delivers 18 petaFLOPS of FP4\n- 2GT400 superchip holds 320 GB\n- 3T300 draws 700W TDP\n"
    units = segment(text, markdown=True)
    assert [u.text for u in units] == [
        "Tern T400 delivers 18 petaFLOPS of FP4",
        "GT400 superchip holds 320 GB",
        "T300 draws 700W TDP",
    ]
    found = {c.value.text: c for c in claims_of(text)}
    assert found["320 GB"].subject == "GT400" and found["700W"].subject == "T300"


def test_a_system_named_after_its_part_is_another_product() -> None:
    found = _by_value("The Tern T400 NVL16 rack holds 2.5TB of HBM.")
    assert found["2.5TB"].subject == "Tern T400 NVL16"
    assert entity_key("Tern T400 NVL16") != entity_key("T400")


def test_a_family_word_alone_means_the_part_the_article_pairs_it_with() -> None:
    text = (
        "The Kite T400 packs 150 billion transistors.\n\n"
        "Kite T400 carries 160 GB of memory.\n\n"
        "Each Kite GPU has 132 streaming multiprocessors.\n"
    )
    found = {c.value.text: c for c in claims_of(text)}
    assert found["132 streaming multiprocessors"].subject == "T400"


def test_a_family_paired_with_two_parts_alike_means_neither() -> None:
    text = "The Kite T400 has 900W TDP.\n\nThe Kite GT400 has 2000W TDP.\n\nEach Kite GPU has 132 SMs.\n"
    found = {c.value.text: c for c in claims_of(text)}
    assert found["132 SMs"].subject not in ("T400", "GT400")


def test_chip_counts_compare_however_the_unit_is_written() -> None:
    claims = _in("The Tern T400 has 132 SMs.", "a.md") + _in("Tern T400 streaming multiprocessors number 144", "b.md")
    groups = [g for _t, g in align_claims(claims) if any(c.metric == "number of SMs" for c in g)]
    assert len(groups) == 1 and {c.source for c in groups[0]} == {"a.md", "b.md"}


def test_a_yardstick_family_named_once_teaches_nothing() -> None:
    text = (
        "The new chip packs 150 billion transistors, five times more than the Kite T300.\n\n"
        "This adds up to 9 PFLOPS FP8 (2.5x Kite), 18 PFLOPS FP4 (5x Kite).\n"
    )
    assert all(c.subject != "T300" for c in claims_of(text))


def test_a_comparison_target_is_not_what_the_next_sentence_is_about() -> None:
    text = (
        "The Tern T400 was shown today.\n\n"
        "Tern says the new part is five times faster compared to the Kite T300.\n\n"
        "This adds up to 9 PFLOPS FP8.\n"
    )
    assert all(c.subject != "Kite T300" for c in claims_of(text) if c.value.text == "9 PFLOPS")


def test_a_memory_type_is_not_a_subject_even_misspelt() -> None:
    claim = _by_value("The part packs 160GB of HMX3e memory.")["160GB"]
    assert claim.subject != "HMX3e"


# ------------------------------------------------------------------------------------------ tables


def _row_findings(text: str) -> list[str]:
    from claimcheck.checking.internal import table_differences

    return [f.topic for f in table_differences(claims_of(text, markdown=True))]


@pytest.mark.parametrize(
    ("table", "quiet"),
    [
        # the older model first: the table's Delta is the newer minus the older
        ("| Benchmark | Orion-1 | Orion-2 | Delta |\n|---|---|---|---|\n| TrailMix | 61.0% | 77.9% | +16.9 |\n", True),
        ("| Benchmark | Orion-1 | Orion-2 | Delta |\n|---|---|---|---|\n| TrailMix | 61.0% | 77.9% | -16.9 |\n", False),
        # the header states the order
        (
            "| Benchmark | Orion-2 | Kestrel 3 | Delta (Kestrel 3 - Orion-2) |\n|---|---|---|---|\n"
            "| TrailMix | 77.9% | 61.0% | -16.9 |\n",
            True,
        ),
        (
            "| Benchmark | Orion-2 | Kestrel 3 | Delta (Kestrel 3 - Orion-2) |\n|---|---|---|---|\n"
            "| TrailMix | 77.9% | 61.0% | +16.9 |\n",
            False,
        ),
        # dated columns: the later year minus the earlier one
        ("| Metric | 2024 | 2025 | Change |\n|---|---|---|---|\n| Pass rate | 40.0% | 52.5% | +12.5 |\n", True),
        # nothing says which way: only the size is checked
        (
            "| Benchmark | Orion-2 | Kestrel 3 | Delta |\n|---|---|---|---|\n| TrailMix | 61.0% | 77.9% | +16.9 |\n",
            True,
        ),
        (
            "| Benchmark | Orion-2 | Kestrel 3 | Delta |\n|---|---|---|---|\n| TrailMix | 61.0% | 77.9% | +18.9 |\n",
            False,
        ),
    ],
)
def test_a_delta_column_is_checked_in_the_direction_the_table_states(table: str, quiet: bool) -> None:
    assert (_row_findings(table) == []) is quiet


def test_a_bracketed_setting_qualifies_the_cell_and_is_no_claim() -> None:
    table = "| Model | LongBench |\n|---|---|\n| Orion-2 | 72% (64K tokens) |\n| Kestrel 3 | 85% (128K tokens) |\n"
    found = {c.value.text: c for c in claims_of(table)}
    assert "64K tokens" not in found and found["72%"].metric == "LongBench (at 64K tokens)"


def test_a_model_column_makes_rows_the_subjects_even_when_a_header_has_digits() -> None:
    table = "| Model | GSM8K (Math) | MMLU |\n|---|---|---|\n| Orion-2 | 95.8 | 79.3 |\n"
    found = {c.value.text: c for c in claims_of(table)}
    assert found["95.8"].subject == "Orion-2" and (found["95.8"].metric or "").startswith("GSM8K")
