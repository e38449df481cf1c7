"""The dashboard's figures as staff see them: exact counts, each with a link to the responses
behind it (the Responses list, filtered the same way), shares, and the charts. Exact counts are
for the analysis screens only; what leaves them goes through `analysis.exports`."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import date_format

from analysis.charts import Chart, column_chart, row_chart
from analysis.filters import responses_url
from analysis.selectors.dashboard import DAY, MONTH, WEEK, DashboardData, Period
from analysis.selectors.responses import ResponseQuery
from analysis.statistics import SCALE, ScaleSummary
from consultations.models import ConsultationQuestion
from core.taxonomy import Outcome

STEP_NAMES = {DAY: "day", WEEK: "week", MONTH: "month"}


@dataclass(frozen=True)
class Cell:
    count: int
    url: str
    # a percentage, or None where there is nothing to divide by
    share: float | None = None


def _cell(count: int, query: ResponseQuery, of: int | None = None) -> Cell:
    share = None if not of else 100 * count / of
    return Cell(count=count, url=responses_url(query), share=share)


def outcome_label(value: str) -> str:
    return Outcome(value).label


def period_label(period: Period, step: str) -> str:
    if step == DAY:
        return date_format(period.start, "j M Y")
    if step == MONTH:
        return date_format(period.start, "F Y")
    return f"{date_format(period.start, 'j M')} to {date_format(period.end, 'j M Y')}"


@dataclass
class BreakdownFigures:
    name: str
    groups: list[str]
    sizes: list[Cell]
    total: Cell
    rows: list[tuple[str, list[Cell], Cell]]


@dataclass
class ScaleFigures:
    label: str
    consultation: str
    outcome: str
    chart: Chart
    rows: list[tuple[int, Cell]]
    total: Cell
    summary: ScaleSummary | None


@dataclass
class Figures:
    responses: Cell
    unfinished: Cell
    step: str
    timeline_chart: Chart
    timeline: list[tuple[str, Cell]]
    outcomes_chart: Chart
    outcomes: list[tuple[str, Cell]]
    breakdowns: list[BreakdownFigures]
    scales: list[ScaleFigures]
    keyphrases: list[tuple[str, list[tuple[str, Cell]]]] = field(default_factory=list)


def _timeline(data: DashboardData) -> tuple[Chart, list[tuple[str, Cell]]]:
    step = data.timeline.step
    rows = [
        (
            period_label(p, step),
            _cell(p.count, data.query.but(date_from=p.start, date_to=p.end)),
        )
        for p in data.timeline.periods
    ]
    per = STEP_NAMES[step]
    if rows:
        busiest_label, busiest = max(rows, key=lambda row: row[1].count)
        description = (
            f"Finished responses per {per}, from {rows[0][0]} to {rows[-1][0]}: "
            f"{data.responses} in all; the busiest {per} was {busiest_label}, with "
            f"{busiest.count}. "
            "The figures are in the table that follows."
        )
    else:
        description = "No finished responses match these filters."
    chart = column_chart(
        "timeline",
        f"Responses per {per}",
        description,
        [(label, cell.count, str(cell.count)) for label, cell in rows],
        first=rows[0][0] if rows else "",
        last=rows[-1][0] if rows else "",
    )
    return chart, rows


def _outcomes(data: DashboardData) -> tuple[Chart, list[tuple[str, Cell]]]:
    breakdown = data.breakdowns[0]
    rows = [
        (
            outcome_label(o),
            _cell(breakdown.outcome_total(o), data.query.but(outcome=o), of=breakdown.total),
        )
        for o in data.outcomes
    ]
    items = [(label, cell.share or 0, f"{cell.share or 0:.0f}%") for label, cell in rows]
    parts = [f"{label} {cell.count} ({cell.share or 0:.0f}%)" for label, cell in rows]
    description = (
        f"Share of the {breakdown.total} finished responses about each outcome: "
        + "; ".join(parts)
        + ". A response may be about several outcomes."
    )
    chart = row_chart("outcomes", "Responses about each outcome", description, items, scale_max=100)
    return chart, rows


def _breakdowns(data: DashboardData) -> list[BreakdownFigures]:
    result = []
    for b in data.breakdowns:
        sizes = [
            _cell(b.sizes[value], data.query.but(**{b.param: value}), of=b.total)
            for value, _ in b.groups
        ]
        rows = [
            (
                outcome_label(o),
                [
                    _cell(
                        b.counts[o][value],
                        data.query.but(outcome=o, **{b.param: value}),
                        of=b.sizes[value],
                    )
                    for value, _ in b.groups
                ],
                _cell(b.outcome_total(o), data.query.but(outcome=o), of=b.total),
            )
            for o in data.outcomes
        ]
        result.append(
            BreakdownFigures(
                name=b.name,
                groups=[label for _, label in b.groups],
                sizes=sizes,
                total=_cell(b.total, data.query),
                rows=rows,
            )
        )
    return result


def _scales(data: DashboardData) -> list[ScaleFigures]:
    questions = ConsultationQuestion.objects.in_bulk(
        [s.question_id for s in data.scales if s.question_id]
    )
    result = []
    for i, s in enumerate(data.scales):
        question = questions.get(s.question_id)
        # Answers to a question since deleted keep their label, but cannot be filtered by it.
        about = data.query.but(outcome="", question=question)
        rows = [(v, _cell(s.counts[v], about.but(scale=v), of=s.n)) for v in SCALE]
        total = _cell(s.n, about)
        if question is None:
            rows = [(v, Cell(c.count, "", c.share)) for v, c in rows]
            total = Cell(s.n, "")
        summary = s.summary
        mean = (
            f"The mean rating is {summary.mean:.2f}"
            + (
                f", 95% confidence interval {summary.low:.2f} to {summary.high:.2f}."
                if summary and summary.low is not None
                else "."
            )
            if summary
            else ""
        )
        description = (
            f"How {s.n} finished responses rated “{s.label}” from 1 to 5: "
            + "; ".join(f"{v}: {cell.count} ({cell.share or 0:.0f}%)" for v, cell in rows)
            + ". "
            + mean
        )
        chart = row_chart(
            f"scale-{i}",
            f"Ratings of “{s.label}”",
            description,
            [(f"{v}", cell.share or 0, f"{cell.count}") for v, cell in rows],
            scale_max=100,
        )
        result.append(
            ScaleFigures(
                label=s.label,
                consultation=s.consultation,
                outcome=outcome_label(s.outcome),
                chart=chart,
                rows=rows,
                total=total,
                summary=summary,
            )
        )
    return result


def _keyphrases(data: DashboardData) -> list[tuple[str, list[tuple[str, Cell]]]]:
    return [
        (
            outcome_label(o),
            [(p, _cell(n, data.query.but(outcome=o, keyphrase=p))) for p, n in phrases],
        )
        for o, phrases in data.keyphrases.items()
    ]


def figures(data: DashboardData) -> Figures:
    timeline_chart, timeline_rows = _timeline(data)
    outcomes_chart, outcome_rows = _outcomes(data)
    return Figures(
        responses=_cell(data.responses, data.query),
        unfinished=_cell(data.unfinished, data.query.but(complete=False)),
        step=STEP_NAMES[data.timeline.step],
        timeline_chart=timeline_chart,
        timeline=timeline_rows,
        outcomes_chart=outcomes_chart,
        outcomes=outcome_rows,
        breakdowns=_breakdowns(data),
        scales=_scales(data),
        keyphrases=_keyphrases(data),
    )
