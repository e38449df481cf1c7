"""Bar charts drawn on the server as SVG: the shapes only, worked out here; the templates under
templates/analysis/admin/charts/ draw them, and each chart's figures are also in a table beside
it. No chart library, no script: the dashboard works without JavaScript and in the admin's CSP.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 640


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label_y: float
    text_x: float
    text_y: float


@dataclass(frozen=True)
class Chart:
    """One chart: an accessible name and description, and the shapes to draw."""

    ident: str
    title: str
    description: str
    width: int
    height: int
    bars: list[Bar]
    # (x, y, text, anchor) for the axis of a column chart
    ticks: list[tuple[float, float, str, str]]
    baseline: tuple[float, float, float, float] | None = None


def _r(value: float) -> float:
    return round(value, 1)


def row_chart(
    ident: str,
    title: str,
    description: str,
    items: list[tuple[str, float, str]],
    *,
    scale_max: float | None = None,
) -> Chart:
    """Horizontal bars, one row each: (label, value, text shown at the bar's end)."""
    label_width, text_width, row, bar = 230, 70, 30, 18
    plot = WIDTH - label_width - text_width
    top = max([scale_max or 0, *(value for _, value, _ in items)]) or 1
    bars = []
    for i, (label, value, text) in enumerate(items):
        y = i * row + (row - bar) / 2
        length = plot * max(value, 0) / top
        bars.append(
            Bar(
                label=label,
                text=text,
                x=label_width,
                y=_r(y),
                width=_r(length),
                height=bar,
                label_x=label_width - 8,
                label_y=_r(y + bar * 0.75),
                text_x=_r(label_width + length + 6),
                text_y=_r(y + bar * 0.75),
            )
        )
    return Chart(
        ident=ident,
        title=title,
        description=description,
        width=WIDTH,
        height=max(len(items), 1) * row,
        bars=bars,
        ticks=[],
    )


def column_chart(
    ident: str,
    title: str,
    description: str,
    items: list[tuple[str, float, str]],
    *,
    first: str,
    last: str,
) -> Chart:
    """Vertical columns in order (a timeline): (label, value, text); the axis names the first
    and last periods and the largest value."""
    left, right, top_gap, bottom_gap, height = 48, 8, 12, 28, 220
    plot_width = WIDTH - left - right
    plot_height = height - top_gap - bottom_gap
    top = max([value for _, value, _ in items] or [0]) or 1
    step = plot_width / max(len(items), 1)
    gap = step * 0.15 if step > 4 else 0
    bars = []
    floor = top_gap + plot_height
    for i, (label, value, text) in enumerate(items):
        length = plot_height * max(value, 0) / top
        x = left + i * step + gap / 2
        bars.append(
            Bar(
                label=label,
                text=text,
                x=_r(x),
                y=_r(floor - length),
                width=_r(max(step - gap, 0.5)),
                height=_r(length),
                label_x=0,
                label_y=0,
                text_x=0,
                text_y=0,
            )
        )
    ticks = [
        (left - 6, top_gap + 10, f"{int(top)}", "end"),
        (left - 6, floor, "0", "end"),
        (left, height - 8, first, "start"),
        (WIDTH - right, height - 8, last, "end"),
    ]
    return Chart(
        ident=ident,
        title=title,
        description=description,
        width=WIDTH,
        height=height,
        bars=bars,
        ticks=ticks,
        baseline=(left, floor, WIDTH - right, floor),
    )
