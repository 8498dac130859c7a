"""Claims from one table row: each cell's values, attributed by the row label and the column header.

Owns tables: an entity in the column header (or else the row label) is the subject, a benchmark or label in the
row label is the metric; price columns ("Input", "Output") name the side of a token price; a Delta column is a
difference between the two other columns; dates in headers or labels date the row; a column or section about the
future makes its cells forecasts; a flattened row whose cells cannot be matched to columns gets no subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import Claim, Quantity, replace
from ..values.dates import find_dates
from ..values.quantities import QuantityMatch
from . import hardware, metrics, subjects, timeframe
from .context import COMPARISON_BEFORE, SUBJECT_KINDS, UNNAMED, Located, UnitContext
from .lexicon import MetricRule

# a label column headed like this lists entities: its rows are the subjects and the column headers the metrics
_ROWS_ARE_ENTITIES = re.compile(
    r"(?i)(?:models?|llms?|systems?|chips?|gpus?|accelerators?|products?|names?|vendors?|labs?|compan(?:y|ies))"
)


def _settings(text: str, quantities: list[QuantityMatch]) -> dict[int, int]:
    """Figures in brackets right after a cell's first figure ("72% (64K tokens)"): index -> the figure they qualify."""
    out: dict[int, int] = {}
    if not quantities:
        return out
    first = quantities[0]
    opened = text.find("(", first.end)
    if opened < 0 or text[first.end : opened].strip():
        return out
    closed = text.find(")", opened)
    for index, qm in enumerate(quantities[1:], 1):
        if opened < qm.start and (closed < 0 or qm.end <= closed):
            out[index] = 0
    return out


_DELTA_HEADERS = ("delta", "change", "difference", "diff", "gain")
_DELTA_WORDS = re.compile(r"(?i)^(?:delta|change|difference|diff|gain|\u0394|\+/-|\u00b1)\b")
_STATED_ORDER = re.compile(
    r"\(?\s*(?P<a>[^()]+?)\s+(?:-|\u2212|\u2013|minus|vs\.?|versus|over)\s+(?P<b>[^()]+?)\s*\)?$", re.I
)


def _is_delta_header(header: str) -> bool:
    return header.lower() in _DELTA_HEADERS or bool(_DELTA_WORDS.match(header.strip()))


def _delta_direction(ctx: UnitContext, header: str, others: list[str]) -> str:
    """Which column a Delta column subtracts from which, as "A vs B" (A minus B), or "A and B" when the table does
    not say: the header's own order ("Delta (new - old)", "Change vs 2024"), else newer minus older when the two
    columns are dated or are versions of one line ("2024 | 2025 | Change", "Orion-1 | Orion-2 | Delta")."""
    first, second = others
    rest = _DELTA_WORDS.sub("", header.strip()).strip()
    stated = _STATED_ORDER.match(rest) if rest else None
    if stated:
        a, b = stated.group("a").strip().lower(), stated.group("b").strip().lower()
        for x, y in ((first, second), (second, first)):
            if _mentions(a, x, "new", first == x) and _mentions(b, y, "old", first != x):
                return f"{x} vs {y}"
    against = re.match(r"(?i)(?:vs\.?|versus|over|from)\s+(?P<b>.+)$", rest)
    if against:
        b = against.group("b").strip().lower()
        if b == second.lower():
            return f"{first} vs {second}"
        if b == first.lower():
            return f"{second} vs {first}"
    newer = _newer(ctx, first, second)
    if newer is not None:
        return f"{first} vs {second}" if newer else f"{second} vs {first}"
    return f"{first} and {second}"  # the sign cannot be checked, only the size


def _mentions(word: str, column: str, role: str, is_first: bool) -> bool:
    """A header's side names a column: by its text, or as "new"/"old" (then decided by which column is newer)."""
    if word == column.lower():
        return True
    return word in (role, f"{role}er") and is_first == (role == "new")


def _newer(ctx: UnitContext, first: str, second: str) -> bool | None:
    """Whether the first column is newer than the second: by their years, or by the versions of one line."""
    years = []
    for header in (first, second):
        found = find_dates(header, published=ctx.published)
        years.append(found[0].value.start if found else None)
    if years[0] is not None and years[1] is not None and years[0] != years[1]:
        return years[0] > years[1]
    names = [next((n for n in ctx.find_names(h) if n.kind == "model" and n.version), None) for h in (first, second)]
    a, b = names
    if a is None or b is None or a.version is None or b.version is None:
        return None
    line_a, line_b = a.text.replace(a.version, ""), b.text.replace(b.version, "")
    if line_a.strip(" -").lower() != line_b.strip(" -").lower():
        return None
    va, vb = tuple(int(x) for x in re.findall(r"\d+", a.version)), tuple(int(x) for x in re.findall(r"\d+", b.version))
    return None if va == vb else va > vb


# a row label's plural noun is what a bare figure in the row counts ("Major features shipped | 70+")
_LABEL_NOUN = re.compile(r"\b([A-Za-z][a-z]+[^su]s)\b")
_NOT_COUNTED = frozenset(
    "this its has was does goes makes takes gives sales news series metrics results scores".split()
)


_CATEGORY = re.compile(r"\s*\(([A-Za-z]+)\)$")  # "MMLU (Knowledge)", "HumanEval (Code)": a category, not a setting
_PARAMETERS = re.compile(r"\bparam(?:eter)?s?\b", re.IGNORECASE)


def _heading_metric(ctx: UnitContext, heading: str, q: Quantity) -> str:
    """A row label or column header as a metric of the general vocabulary: "GPU Hours" is "GPU hours",
    "Parameters (Active)" "number of active parameters", "MMLU (Knowledge)" the benchmark "MMLU" (a setting in
    brackets, "MMLU (5-shot)", stays part of the name)."""
    if _PARAMETERS.search(heading) and q.kind in ("number", "count"):
        return "number of active parameters" if re.search(r"\bactiv", heading, re.I) else "number of parameters"
    rule = ctx.lex.match_metric(heading, q.kind, unit=q.unit)
    if rule is not None and not rule.distinct_scopes and not rule.subject:
        return rule.name
    return _CATEGORY.sub("", heading) or heading


_ACTIVE_AFTER = re.compile(r"\s*(?:-\s*)?(?:params?\s+|parameters\s+)?activ(?:e|ated)\b", re.IGNORECASE)


def _names_entities(ctx: UnitContext, headers: Sequence[str]) -> bool:
    return any(n.kind in SUBJECT_KINDS and n.canonical for header in headers for n in ctx.find_names(header))


_QUALIFIER_BEFORE = re.compile(r"(?:^|\s)[~<>\u2248+]?[$\u20ac\u00a3]?\d[\d,.]*[%KMBTkx\u00d7]?\s*\(\s*$")


def table_row(ctx: UnitContext) -> list[Claim]:
    unit = ctx.unit
    label = next((c.row_label for c in unit.cells if c.row_label), None) or ""
    label_names = ctx.find_names(label)
    label_dates = find_dates(
        label,
        published=ctx.published,
        context_year=ctx.state.context_year,
        exclude=[(n.start, n.end) for n in label_names],
        numeric_order=ctx.state.numeric_order,
    )
    label_entity = next(
        (
            n
            for n in label_names
            if n.kind in SUBJECT_KINDS and n.canonical and not COMPARISON_BEFORE.search(label[: n.start])
        ),
        None,
    )
    label_bench = next((n.canonical for n in label_names if n.kind == "benchmark"), None)
    section_forecast = timeframe.in_forecast_section(ctx)
    # a row labelled with an API identifier the article renamed ("vireo-chat (now Vireo-V3)"): an endpoint
    served = label.strip().lower() in ctx.state.renamings
    # a spec sheet's line ("TDP" / "750 W", "Bandwidth5.2TB/s"), or a "Benchmark | Score" table whose columns
    # name nobody: its figures are about the article's model, if it is clear (decided once per row, not per cell)
    headers_name_nobody = not unit.table_headers or not (
        _ROWS_ARE_ENTITIES.fullmatch(unit.table_headers[0].strip()) or _names_entities(ctx, unit.table_headers)
    )
    claims: list[Claim] = []
    for cell in unit.cells:
        offset = cell.start - unit.start
        names, dates, quantities = ctx.scan(cell.text)
        header = cell.header or ""
        header_names = ctx.find_names(header) if header else []
        header_entity = next((n for n in header_names if n.kind in SUBJECT_KINDS and n.canonical), None)
        if header_entity is not None and label_entity is not None and unit.table_headers:
            if _ROWS_ARE_ENTITIES.fullmatch(unit.table_headers[0].strip()):
                header_entity = None  # "Model | MMLU | GSM8K": the rows are the models; "GSM8K" names a column
        settings = _settings(cell.text, quantities)
        header_dates = find_dates(
            header, published=ctx.published, context_year=ctx.state.context_year, numeric_order=ctx.state.numeric_order
        )
        cell_forecast = (
            section_forecast
            or bool(timeframe.FORECAST.search(header) or timeframe.FORECAST_SECTION.search(header))
            or bool(header_dates and ctx.published and header_dates[0].value.start > ctx.published)
        )
        as_of = label_dates[0].value if label_dates else header_dates[0].value if header_dates else None
        for d in dates:
            if d.value.marker == "as_of" or d.start > 0:
                as_of = d.value  # "100% (as of March 7, 2026)"
        for index, qm in enumerate(quantities):
            if index in settings:
                continue  # "72% (64K tokens)": the setting the figure was measured at, not a claim of its own
            q = qm.value
            noun = _LABEL_NOUN.search(label) if q.kind == "number" and q.change is None else None
            if noun and noun.group(1).lower() not in _NOT_COUNTED:
                q = replace(q, kind="count", unit=noun.group(1).lower())  # "Major features shipped | 70+"
            if q.kind == "multiplier" and q.low == q.high == 1 and re.search(r"baseline", cell.text, re.I):
                continue  # "Baseline (1x)" is the reference point of the row, not a claim
            if _QUALIFIER_BEFORE.search(cell.text, 0, qm.start):
                continue  # "72% (64K tokens)": the condition the cell's figure was measured under, not a claim
            if cell.ambiguous:
                subject, metric = None, label_bench or (label.strip() or None)
            elif header_entity is not None:
                subject = header_entity.canonical
                metric = label_bench or label.strip() or None
            elif label_entity is not None:
                subject = label_entity.canonical
                metric = None
            elif headers_name_nobody:
                subject, metric = UNNAMED, None
            else:
                subject, metric = None, None
            rule: MetricRule | None = None
            scope = None
            context = f"{label} {header} {cell.text}"
            per = q.unit.split("/", 1)[1] if q.kind == "money" and q.unit and "tokens" in q.unit else None
            if q.kind == "money" and q.unit and per is None and (per := metrics.tokens_per(header)):
                q = replace(q, unit=f"{q.unit}/{per}", rate=True)  # "1M Tokens Output Price | $2.19"
            if per is not None:
                side = metrics.price_side(header) or header.lower()
                metric = f"{side} price per {per}" if side else f"price per {per}"
            elif header and _is_delta_header(header):
                metric = f"{label_bench or label.strip()} difference"
                others = [h for h in unit.table_headers[1:] if h and h != header]
                subject = _delta_direction(ctx, header, others) if len(others) == 2 else None
            elif not label_bench and (
                spec := hardware.metric(
                    q,
                    context,
                    len(context) - len(cell.text) + qm.start,
                    len(context) - len(cell.text) + qm.end,
                    0,
                    len(context),
                    spec_sheet=not unit.table_headers,
                )
            ):
                metric = spec  # a spec sheet's row: "Bandwidth | 5.2TB/s", "B200 delivers | 10 PFLOPS FP8"
            elif metric is None or (not label_bench and header_entity is None):
                rule = ctx.lex.match_metric(context, q.kind, unit=q.unit)
                if rule is not None:
                    metric = rule.name
                    scope = ctx.lex.scope_of(rule, context)
                    if rule.subject == "owner":
                        all_names = label_names + header_names + names
                        subject = subjects.rule_subject(ctx, rule, label_entity or header_entity, all_names, context)
                elif metric is None:
                    # the row names the entity, so the column names the metric ("| Orion-2 | 17B | 109B |")
                    metric = header or None if label_entity is not None else label.strip() or None
            if metric and not label_bench and metric in (label.strip(), header) and rule is None:
                metric = _heading_metric(ctx, metric, q)
            if metric == "number of parameters" and _ACTIVE_AFTER.match(cell.text, qm.end):
                metric = "number of active parameters"  # "| Parameters | 671B total / 37B active |"
            if cell.text.strip() != qm.value.text and q.change and header.lower() not in ("delta",):
                # "Claude (+23.1%)" in a Winner column: a lead, measured between the row's other cells
                if label_bench:
                    metric = f"{label_bench} difference"
                    subject = None
            if served and metric and per is None:
                metric = f"{metric} (API)"  # an endpoint's limits are what the API serves, not the model's own
            setting = next((quantities[j].value.text for j in settings if settings[j] == index), None)
            if setting and metric:
                metric = f"{metric} (at {setting})"  # a score at 64K tokens is not the score at 128K
            claims.append(
                ctx.claim(
                    Located(offset + qm.start, offset + qm.end, q),
                    subject,
                    metric,
                    as_of=as_of,
                    scope=scope,
                    tense="future" if cell_forecast else "present",
                    forecast=cell_forecast,
                    row_label=label.strip() or None,
                    column_header=header or None,
                )
            )
        for d in dates:
            if d.value.marker == "as_of" and quantities:
                continue
            claims.append(
                ctx.claim(
                    Located(offset + d.start, offset + d.end, d.value),
                    label_entity.canonical if label_entity else None,
                    None,
                    forecast=cell_forecast,
                    row_label=label.strip() or None,
                    column_header=header or None,
                )
            )
    # dates in the row label itself are claims too when nothing else in the row used them
    if not any(c.as_of for c in claims):
        for d in label_dates:
            label_offset = ctx.text.find(label)
            if label_offset < 0:
                continue
            claims.append(
                ctx.claim(
                    Located(label_offset + d.start, label_offset + d.end, d.value),
                    None,
                    None,
                    forecast=section_forecast or timeframe.is_forecast(ctx.text),
                    row_label=label.strip() or None,
                )
            )
    claims.sort(key=lambda c: c.start)
    return claims
