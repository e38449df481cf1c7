"""The summary of a rating question: mean and 95% confidence interval from the counts."""

import math

import pytest

from analysis.statistics import Z_95, scale_summary, t_95


def test_nobody_answered():
    assert scale_summary({1: 0, 2: 0, 3: 0, 4: 0, 5: 0}) is None


def test_one_answer_has_a_mean_and_no_interval():
    summary = scale_summary({1: 0, 2: 0, 3: 1, 4: 0, 5: 0})
    assert (summary.n, summary.mean, summary.low, summary.high) == (1, 3, None, None)


def test_mean_and_interval_by_students_t():
    counts = {1: 10, 2: 20, 3: 30, 4: 25, 5: 15}
    summary = scale_summary(counts)
    ratings = [v for v, n in counts.items() for _ in range(n)]
    mean = sum(ratings) / 100
    sd = math.sqrt(sum((r - mean) ** 2 for r in ratings) / 99)
    margin = t_95(99) * sd / 10
    assert summary.n == 100
    assert summary.mean == pytest.approx(3.15)
    assert (summary.low, summary.high) == pytest.approx((mean - margin, mean + margin))


def test_the_interval_stays_within_the_scale():
    summary = scale_summary({1: 0, 2: 0, 3: 0, 4: 1, 5: 2})
    assert summary.high == 5
    assert summary.low >= 1


@pytest.mark.parametrize(
    ("degrees", "expected"),
    [(1, 12.706), (10, 2.228), (30, 2.042), (35, 2.042), (99, 2.000), (500, 1.980)],
)
def test_t_values_take_the_wider_interval_between_rows(degrees, expected):
    assert t_95(degrees) == expected


def test_t_tends_to_the_normal_value():
    assert t_95(100_000) == Z_95
    with pytest.raises(ValueError):
        t_95(0)
