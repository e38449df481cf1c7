"""The analysis dashboard's figures, each counted in the database (values and annotate), never
by reading rows into Python: the screen must stay fast with 100,000 responses.

Every figure counts finished responses, and each comes with the query that opens the responses
behind it (`ResponseQuery`), so the dashboard and the Responses list cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, Max, Min
from django.db.models.functions import TruncDate, TruncMonth, TruncWeek
from django.utils import timezone

from analysis.models import KeyPhrase
from analysis.selectors.responses import (
    NOT_GIVEN,
    ResponseQuery,
    responses_matching,
    tags_in_effect,
)
from analysis.statistics import SCALE, ScaleSummary, scale_summary
from consultations.models import Answer
from consultations.rules import QuestionKind
from core.taxonomy import AgeBand, Outcome, Region

DAY, WEEK, MONTH = "day", "week", "month"
KEYPHRASES_PER_OUTCOME = 10


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    count: int


@dataclass(frozen=True)
class Timeline:
    step: str
    periods: list[Period]

    @property
    def total(self) -> int:
        return sum(p.count for p in self.periods)


@dataclass(frozen=True)
class Breakdown:
    """Responses about each outcome in each group of one grouping (age band or region): the
    groups partition the responses, so each outcome's row adds up to its total."""

    name: str
    param: str
    groups: list[tuple[str, str]]
    # responses in each group: the denominators of the shares
    sizes: dict[str, int]
    # outcome -> group -> responses about that outcome in that group
    counts: dict[str, dict[str, int]]

    @property
    def total(self) -> int:
        return sum(self.sizes.values())

    def outcome_total(self, outcome: str) -> int:
        return sum(self.counts[outcome].values())


@dataclass(frozen=True)
class ScaleQuestion:
    question_id: int | None
    label: str
    consultation: str
    outcome: str
    counts: dict[int, int]
    summary: ScaleSummary | None = field(default=None)

    @property
    def n(self) -> int:
        return sum(self.counts.values())


def finished(query: ResponseQuery) -> ResponseQuery:
    """The dashboard counts finished responses only, and takes no rating or phrase filter."""
    return query.but(complete=True, scale=None, keyphrase="")


def _step(first: date, last: date) -> str:
    span = (last - first).days
    if span <= 62:
        return DAY
    if span <= 2 * 366:
        return WEEK
    return MONTH


def _period_end(start: date, step: str) -> date:
    if step == DAY:
        return start
    if step == WEEK:
        return start + timedelta(days=6)
    following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def _period_start(day: date, step: str) -> date:
    if step == DAY:
        return day
    if step == WEEK:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def timeline(query: ResponseQuery) -> Timeline:
    """Responses by day, week or month (by how long the range is), empty periods included."""
    responses = responses_matching(finished(query)).order_by()
    bounds = responses.aggregate(first=Min("submitted_at"), last=Max("submitted_at"))
    if bounds["first"] is None:
        return Timeline(step=DAY, periods=[])
    first = query.date_from or timezone.localtime(bounds["first"]).date()
    last = query.date_to or timezone.localtime(bounds["last"]).date()
    step = _step(first, last)
    trunc = {DAY: TruncDate, WEEK: TruncWeek, MONTH: TruncMonth}[step]
    rows = (
        responses.annotate(period=trunc("submitted_at", tzinfo=timezone.get_current_timezone()))
        .values("period")
        .annotate(n=Count("pk"))
    )
    counts: dict[date, int] = {}
    for row in rows:
        start = row["period"]
        if isinstance(start, datetime):
            start = start.date()
        counts[start] = counts.get(start, 0) + row["n"]
    periods = []
    start = _period_start(first, step)
    while start <= last:
        end = _period_end(start, step)
        periods.append(
            Period(start=max(start, first), end=min(end, last), count=counts.get(start, 0))
        )
        start = end + timedelta(days=1)
    return Timeline(step=step, periods=periods)


def _outcomes(query: ResponseQuery) -> list[str]:
    return [query.outcome] if query.outcome else list(Outcome.values)


def outcome_breakdowns(query: ResponseQuery) -> list[Breakdown]:
    """Responses about each outcome, by age band and by region, with the number of responses
    in each group (an outcome filter picks the rows, not the responses counted in a group)."""
    base = responses_matching(finished(query).but(outcome=""))
    tags = tags_in_effect(source=query.source).filter(answer__response__in=base)
    if query.question is not None:
        tags = tags.filter(answer__question=query.question)
    if query.outcome:
        tags = tags.filter(outcome=query.outcome)
    # One query for the group sizes and one for the outcomes, each by age band and region
    # together: every response is in one pair, so the pairs add up to either grouping.
    sizes_by_pair = list(
        base.order_by().values("age_band", "region").annotate(n=Count("pk")).order_by()
    )
    counts_by_pair = list(
        tags.order_by()
        .values("outcome", "answer__response__age_band", "answer__response__region")
        .annotate(n=Count("answer__response", distinct=True))
        .order_by()
    )
    breakdowns = []
    groupings = [
        ("Age band", "age_band", AgeBand.choices),
        ("Region", "region", Region.choices),
    ]
    for name, param, choices in groupings:
        groups = [*choices, (NOT_GIVEN, "Not given")]
        chosen = getattr(query, param)
        if chosen:
            # Filtered to one group: the others are empty, and their links would mislead.
            groups = [(value, label) for value, label in groups if value == chosen]
        sizes = dict.fromkeys((value for value, _ in groups), 0)
        for row in sizes_by_pair:
            group = row[param] or NOT_GIVEN
            sizes[group] = sizes.get(group, 0) + row["n"]
        counts = {o: dict.fromkeys(sizes, 0) for o in _outcomes(query)}
        for row in counts_by_pair:
            group = row[f"answer__response__{param}"] or NOT_GIVEN
            counts[row["outcome"]][group] = counts[row["outcome"]].get(group, 0) + row["n"]
        breakdowns.append(
            Breakdown(name=name, param=param, groups=groups, sizes=sizes, counts=counts)
        )
    return breakdowns


def scale_questions(query: ResponseQuery) -> list[ScaleQuestion]:
    """Each rating question linked to an outcome: how many gave each rating, the mean and its
    interval. The outcome filter picks the questions linked to it."""
    base = responses_matching(finished(query).but(outcome="", question=None))
    answers = Answer.objects.filter(
        response__in=base, kind=QuestionKind.SMILEY_SCALE, scale__isnull=False
    ).exclude(outcome="")
    if query.question is not None:
        answers = answers.filter(question=query.question)
    if query.outcome:
        answers = answers.filter(outcome=query.outcome)
    rows = (
        answers.order_by()
        .values(
            "question_id",
            "question_label",
            "outcome",
            "response__consultation__title",
            "scale",
        )
        .annotate(n=Count("pk"))
    )
    found: dict[tuple, dict[int, int]] = {}
    for row in rows:
        key = (
            row["response__consultation__title"],
            row["question_id"],
            row["question_label"],
            row["outcome"],
        )
        found.setdefault(key, dict.fromkeys(SCALE, 0))[row["scale"]] = row["n"]
    return [
        ScaleQuestion(
            question_id=question_id,
            label=label,
            consultation=consultation,
            outcome=outcome,
            counts=counts,
            summary=scale_summary(counts),
        )
        for (consultation, question_id, label, outcome), counts in sorted(
            found.items(), key=lambda item: (item[0][0], item[0][1] or 0, item[0][2])
        )
    ]


def keyphrases_by_outcome(
    query: ResponseQuery, *, limit: int = KEYPHRASES_PER_OUTCOME
) -> dict[str, list[tuple[str, int]]]:
    """The commonest key phrases of the answers about each outcome, each with the number of
    responses that used it there."""
    base = responses_matching(finished(query).but(outcome=""))
    phrases = KeyPhrase.objects.filter(answer__response__in=base)
    if query.question is not None:
        phrases = phrases.filter(answer__question=query.question)
    result = {}
    for outcome in _outcomes(query):
        about = tags_in_effect(source=query.source).filter(outcome=outcome).values("answer_id")
        rows = (
            phrases.filter(answer_id__in=about)
            .values("phrase")
            .annotate(n=Count("answer__response", distinct=True))
            .order_by("-n", "phrase")[:limit]
        )
        result[outcome] = [(row["phrase"], row["n"]) for row in rows]
    return result


def responses_count(query: ResponseQuery) -> int:
    return responses_matching(finished(query)).count()


def unfinished_count(query: ResponseQuery) -> int:
    """Unfinished responses the same filters would select: kept (their words may disclose
    harm) but never counted."""
    return responses_matching(finished(query).but(complete=False)).count()


@dataclass(frozen=True)
class DashboardData:
    """Every figure of the dashboard for one set of filters."""

    query: ResponseQuery
    responses: int
    unfinished: int
    timeline: Timeline
    breakdowns: list[Breakdown]
    scales: list[ScaleQuestion]
    keyphrases: dict[str, list[tuple[str, int]]]

    @property
    def outcomes(self) -> list[str]:
        return _outcomes(self.query)


def dashboard_data(query: ResponseQuery) -> DashboardData:
    return DashboardData(
        query=finished(query),
        responses=responses_count(query),
        unfinished=unfinished_count(query),
        timeline=timeline(query),
        breakdowns=outcome_breakdowns(query),
        scales=scale_questions(query),
        keyphrases=keyphrases_by_outcome(query),
    )
