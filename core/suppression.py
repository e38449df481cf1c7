"""Small numbers: which counts may leave the analysis screens, and how the others are shown.

Every export, and anything published or put into the annual report, passes its counts through
`suppress`. A count below the threshold is hidden ("fewer than 10": primary suppression). Where
counts add up to a total that is also given, hiding one of them is not enough, since it is the
total less the others; so more are withheld until none can be worked out (secondary
suppression). A share is withheld whenever its count or its denominator is hidden.

Pure functions of their inputs: the threshold is passed in by the caller (the analysis app
reads it from the `SMALL_NUMBER_THRESHOLD` setting), so any app may use them. See ADR 16.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from enum import StrEnum
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

WITHHELD_TEXT = "withheld"


class Mark(StrEnum):
    """What may be shown of one count."""

    SHOWN = "shown"
    # Below the threshold: shown as "fewer than 10".
    SMALL = "small"
    # At or above the threshold, hidden so that a small count beside it cannot be worked out.
    WITHHELD = "withheld"


def suppress(
    counts: Mapping[K, int],
    *,
    threshold: int,
    lines: Iterable[Sequence[K]] = (),
    hidden_at_least: int = 2,
) -> dict[K, Mark]:
    """Mark each count as shown, small or withheld.

    `counts` holds every count to be given, totals included, each under a key of the caller's
    choosing. Each of `lines` names counts that are tied by one sum: the parts and the total
    they add up to (a row of a table with its total; every total of one breakdown with the
    grand total). A key may be in several lines (a total shared by two tables), and must then
    be hidden in all or none, which one call over all of them ensures.

    Every count below `threshold` is small, zero included: "nobody in this group" tells as much
    about a small group as "three of them". Then, in every line where some but fewer than
    `hidden_at_least` counts are hidden, the smallest shown count is withheld (the total last,
    being the largest), again until every line is settled. `hidden_at_least` is 2 for a plain
    sum: one hidden count is the total less the others, two are not.
    """
    if threshold < 1:
        raise ValueError("The threshold must be at least 1.")
    if hidden_at_least < 2:
        raise ValueError("A line needs at least two hidden counts to hide any.")
    for key, value in counts.items():
        if value < 0:
            raise ValueError(f"A count cannot be negative: {key!r} is {value}.")
    marks = {key: Mark.SMALL if value < threshold else Mark.SHOWN for key, value in counts.items()}
    lines = [list(line) for line in lines]
    for line in lines:
        unknown = [key for key in line if key not in counts]
        if unknown:
            raise KeyError(f"A line names counts that are not given: {unknown!r}")

    order = {key: position for position, key in enumerate(counts)}
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = sum(marks[key] is not Mark.SHOWN for key in line)
            if hidden == 0 or hidden >= hidden_at_least:
                continue
            shown = sorted(
                (key for key in line if marks[key] is Mark.SHOWN),
                key=lambda key: (counts[key], order[key]),
            )
            for key in shown[: hidden_at_least - hidden]:
                marks[key] = Mark.WITHHELD
                changed = True
    return marks


def share_mark(count: Mark, denominator: Mark) -> Mark:
    """A share is shown only when both its count and its denominator are: from either one and
    the share, the other could be worked out."""
    if count is Mark.SHOWN and denominator is Mark.SHOWN:
        return Mark.SHOWN
    return Mark.WITHHELD


def shown(value, mark: Mark, *, threshold: int):
    """What an export or a published page gives for a figure with this mark."""
    if mark is Mark.SMALL:
        return f"fewer than {threshold}"
    if mark is Mark.WITHHELD:
        return WITHHELD_TEXT
    return value
