"""The dashboard's figures as they may leave the analysis screens: every count through
`core.suppression.suppress` in one call (so a total shared by two tables is hidden in both),
every share withheld with its count or denominator, every text cell spreadsheet-safe.

The annual report takes its figures from `published_rows` too, so a count below the threshold
never reaches a published page. See ADR 16."""

from __future__ import annotations

import csv
import io
from collections.abc import Hashable

from analysis.filters import query_params
from analysis.rules import small_number_threshold
from analysis.selectors.dashboard import DashboardData
from analysis.statistics import SCALE
from core.exports import spreadsheet_safe
from core.suppression import WITHHELD_TEXT, Mark, share_mark, shown, suppress
from core.taxonomy import Outcome

HEADINGS = [
    "Table",
    "Outcome or question",
    "Group",
    "Count",
    "Share (%)",
    "Mean",
    "95% interval from",
    "95% interval to",
]
ALL = ("all",)


def _timeline_total_key(data: DashboardData) -> tuple:
    # Without an outcome filter the timeline counts the same responses as the breakdowns;
    # with one, the same responses as that outcome's total. Same figure, same key.
    return ("outcome", data.query.outcome) if data.query.outcome else ALL


def _scale_total_key(data: DashboardData, index: int) -> tuple:
    question = data.query.question
    if question is not None and data.scales[index].question_id == question.pk:
        return ALL  # the responses that answered the question the dashboard is filtered to
    return ("scale", index)


def _counts_and_lines(data: DashboardData) -> tuple[dict[Hashable, int], list[list[Hashable]]]:
    counts: dict[Hashable, int] = {}
    lines: list[list[Hashable]] = []
    first = data.breakdowns[0]
    counts[ALL] = first.total
    for o in data.outcomes:
        counts[("outcome", o)] = first.outcome_total(o)
    for b in data.breakdowns:
        for value, _ in b.groups:
            counts[(b.param, value)] = b.sizes[value]
        lines.append([(b.param, value) for value, _ in b.groups] + [ALL])
        for o in data.outcomes:
            for value, _ in b.groups:
                counts[(b.param, o, value)] = b.counts[o][value]
            lines.append([(b.param, o, value) for value, _ in b.groups] + [("outcome", o)])
    for i, period in enumerate(data.timeline.periods):
        counts[("period", i)] = period.count
    counts.setdefault(_timeline_total_key(data), data.timeline.total)
    lines.append(
        [("period", i) for i in range(len(data.timeline.periods))] + [_timeline_total_key(data)]
    )
    for i, scale in enumerate(data.scales):
        for v in SCALE:
            counts[("scale", i, v)] = scale.counts[v]
        counts.setdefault(_scale_total_key(data, i), scale.n)
        lines.append([("scale", i, v) for v in SCALE] + [_scale_total_key(data, i)])
    for o, phrases in data.keyphrases.items():
        for phrase, n in phrases:
            counts[("phrase", o, phrase)] = n
    return counts, lines


def published_rows(data: DashboardData) -> list[list]:
    """The dashboard's figures, small numbers suppressed, one row per figure (`HEADINGS`)."""
    threshold = small_number_threshold()
    counts, lines = _counts_and_lines(data)
    marks = suppress(counts, threshold=threshold, lines=lines)

    def count(key):
        return shown(counts[key], marks[key], threshold=threshold)

    def share(key, of):
        if share_mark(marks[key], marks[of]) is not Mark.SHOWN:
            return WITHHELD_TEXT
        return f"{100 * counts[key] / counts[of]:.1f}" if counts[of] else ""

    note = (
        f"Counts below {threshold} are given as “fewer than {threshold}”; figures that would "
        "let one be worked out are withheld."
    )
    rows: list[list] = [["Note", note]]
    rows += [["Filter", name, value, ""] for name, value in query_params(data.query).items()]
    rows.append(["Responses over time", "", "All", count(_timeline_total_key(data))])
    for i, period in enumerate(data.timeline.periods):
        label = f"{period.start.isoformat()} to {period.end.isoformat()}"
        rows.append(["Responses over time", "", label, count(("period", i))])
    for b in data.breakdowns:
        table = f"Responses by {b.name.lower()}"
        rows.append([table, "", "All", count(ALL), ""])
        for value, label in b.groups:
            rows.append([table, "", label, count((b.param, value)), share((b.param, value), ALL)])
        table = f"Outcomes by {b.name.lower()}"
        for o in data.outcomes:
            name = Outcome(o).label
            rows.append([table, name, "All", count(("outcome", o)), share(("outcome", o), ALL)])
            for value, label in b.groups:
                key = (b.param, o, value)
                rows.append([table, name, label, count(key), share(key, (b.param, value))])
    for i, scale in enumerate(data.scales):
        name = f"{scale.consultation}: {scale.label}"
        total = _scale_total_key(data, i)
        line = [("scale", i, v) for v in SCALE] + [total]
        summary = scale.summary
        # The mean and its interval are more sums of the same counts: with them, hidden
        # counts of the distribution could be solved for, so they go when any count does.
        if summary is None or any(marks[key] is not Mark.SHOWN for key in line):
            mean = low = high = "" if summary is None else WITHHELD_TEXT
        else:
            mean = f"{summary.mean:.2f}"
            low = "" if summary.low is None else f"{summary.low:.2f}"
            high = "" if summary.high is None else f"{summary.high:.2f}"
        rows.append(["Ratings", name, "All", count(total), "", mean, low, high])
        for v in SCALE:
            key = ("scale", i, v)
            rows.append(["Ratings", name, str(v), count(key), share(key, total)])
    for o, phrases in data.keyphrases.items():
        for phrase, _ in phrases:
            key = ("phrase", o, phrase)
            # A rare phrase may itself say who wrote it: only phrases many used are given.
            if marks[key] is Mark.SHOWN:
                rows.append(["Key phrases", Outcome(o).label, phrase, count(key)])
    return [row + [""] * (len(HEADINGS) - len(row)) for row in rows]


def published_csv(data: DashboardData) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADINGS)
    for row in published_rows(data):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return out.getvalue()
