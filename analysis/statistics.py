"""The summary of a rating question's answers: how many, the mean, and its 95% confidence
interval. Pure arithmetic on the counts of each rating, which the database gives."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

SCALE = (1, 2, 3, 4, 5)

# Two-sided 95% critical values of Student's t by degrees of freedom. Between two rows the
# smaller number of degrees is used, which gives the slightly wider interval.
T_95 = {
    1: 12.706,
    2: 4.303,
    3: 3.182,
    4: 2.776,
    5: 2.571,
    6: 2.447,
    7: 2.365,
    8: 2.306,
    9: 2.262,
    10: 2.228,
    11: 2.201,
    12: 2.179,
    13: 2.160,
    14: 2.145,
    15: 2.131,
    16: 2.120,
    17: 2.110,
    18: 2.101,
    19: 2.093,
    20: 2.086,
    21: 2.080,
    22: 2.074,
    23: 2.069,
    24: 2.064,
    25: 2.060,
    26: 2.056,
    27: 2.052,
    28: 2.048,
    29: 2.045,
    30: 2.042,
    40: 2.021,
    60: 2.000,
    120: 1.980,
}
Z_95 = 1.960


def t_95(degrees: int) -> float:
    if degrees < 1:
        raise ValueError("A t value needs at least one degree of freedom.")
    if degrees in T_95:
        return T_95[degrees]
    below = [d for d in T_95 if d < degrees]
    return T_95[max(below)] if degrees <= max(T_95) * 10 else Z_95


@dataclass(frozen=True)
class ScaleSummary:
    n: int
    mean: float
    # None with a single answer: one rating says nothing about the spread.
    low: float | None
    high: float | None


def scale_summary(counts: Mapping[int, int]) -> ScaleSummary | None:
    """The mean rating with its 95% confidence interval (Student's t on the sample standard
    deviation), held within the scale; None when nobody answered."""
    n = sum(counts.values())
    if n == 0:
        return None
    mean = sum(value * count for value, count in counts.items()) / n
    if n == 1:
        return ScaleSummary(n=n, mean=mean, low=None, high=None)
    variance = sum(count * (value - mean) ** 2 for value, count in counts.items()) / (n - 1)
    margin = t_95(n - 1) * math.sqrt(variance / n)
    # A mean rating cannot lie outside the scale, whatever a small sample's margin says.
    return ScaleSummary(
        n=n, mean=mean, low=max(min(SCALE), mean - margin), high=min(max(SCALE), mean + margin)
    )
