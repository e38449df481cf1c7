"""Small numbers are hidden in anything that leaves the analysis screens, and nothing hidden can
be worked out from what is shown (core.suppression, with the threshold from analysis.rules)."""

import itertools

import pytest

from analysis.rules import SMALL_NUMBER_THRESHOLD, small_number_threshold
from core.suppression import WITHHELD_TEXT, Mark, share_mark, shown, suppress

SHOWN, SMALL, WITHHELD = Mark.SHOWN, Mark.SMALL, Mark.WITHHELD


def _row(values: list[int], **kwargs) -> list[Mark]:
    """One row of counts with its total, as the exports give it."""
    counts: dict = dict(enumerate(values))
    counts["total"] = sum(values)
    marks = suppress(counts, threshold=10, lines=[list(counts)], **kwargs)
    return [marks[i] for i in range(len(values))] + [marks["total"]]


def test_the_threshold_is_ten_unless_the_settings_say_otherwise(settings):
    assert SMALL_NUMBER_THRESHOLD == 10
    del settings.SMALL_NUMBER_THRESHOLD
    assert small_number_threshold() == 10
    settings.SMALL_NUMBER_THRESHOLD = 5
    assert small_number_threshold() == 5


def test_counts_without_a_total_hide_only_what_is_below_the_threshold():
    marks = suppress({"a": 9, "b": 10, "c": 250, "d": 1}, threshold=10)
    assert marks == {"a": SMALL, "b": SHOWN, "c": SHOWN, "d": SMALL}


def test_zero_is_a_small_number_too():
    assert suppress({"none": 0}, threshold=10) == {"none": SMALL}


def test_a_row_with_no_small_count_is_shown_whole():
    assert _row([10, 25, 40]) == [SHOWN, SHOWN, SHOWN, SHOWN]


def test_one_small_count_in_a_row_with_its_total_takes_the_next_smallest_with_it():
    # 3 alone would be 68 - 40 - 25; with 25 withheld too, only 28 between them is known.
    assert _row([40, 3, 25]) == [SHOWN, SMALL, WITHHELD, SHOWN]


def test_two_small_counts_in_a_row_need_nothing_more():
    assert _row([40, 3, 5, 25]) == [SHOWN, SMALL, SMALL, SHOWN, SHOWN]


def test_a_row_of_one_cell_hides_its_total():
    assert _row([4]) == [SMALL, SMALL]
    # The total is the one other figure to withhold.
    assert _row([14, 0]) == [WITHHELD, SMALL, SHOWN]


def test_a_small_total_hides_the_whole_row():
    assert _row([2, 3, 1]) == [SMALL, SMALL, SMALL, SMALL]


def test_ties_take_the_first_in_the_order_given():
    assert _row([3, 20, 20]) == [SMALL, WITHHELD, SHOWN, SHOWN]


def test_a_total_shared_by_two_lines_is_hidden_in_both():
    # Outcome by age band and by region share the outcome's total; a count withheld in one
    # table cannot be shown in the other.
    counts = {"band:a": 2, "band:b": 30, "region:x": 16, "region:y": 16, "total": 32}
    lines = [["band:a", "band:b", "total"], ["region:x", "region:y", "total"]]
    marks = suppress(counts, threshold=10, lines=lines)
    # band:a is small, band:b (30) is the next-smallest of its line, so the total stays.
    assert marks == {
        "band:a": SMALL,
        "band:b": WITHHELD,
        "region:x": SHOWN,
        "region:y": SHOWN,
        "total": SHOWN,
    }


def test_withholding_in_one_line_carries_on_into_the_lines_it_touches():
    # A table whose rows and columns both add up: the withheld cell of row one leaves its
    # column with one hidden count, so the column takes another, and so on until it settles.
    counts = {
        ("r1", "c1"): 3,
        ("r1", "c2"): 20,
        ("r1", "t"): 23,
        ("r2", "c1"): 15,
        ("r2", "c2"): 30,
        ("r2", "t"): 45,
        ("t", "c1"): 18,
        ("t", "c2"): 50,
        ("t", "t"): 68,
    }
    rows = [[(r, c) for c in ("c1", "c2", "t")] for r in ("r1", "r2", "t")]
    columns = [[(r, c) for r in ("r1", "r2", "t")] for c in ("c1", "c2", "t")]
    marks = suppress(counts, threshold=10, lines=rows + columns)
    for line in rows + columns:
        assert sum(marks[key] is not SHOWN for key in line) != 1
    assert marks[("r1", "c1")] is SMALL
    assert marks[("t", "t")] is SHOWN


@pytest.mark.parametrize("values", list(itertools.product([0, 4, 12, 30], repeat=3)))
def test_no_hidden_count_in_a_row_is_ever_alone(values):
    marks = _row(list(values))
    hidden = [m for m in marks if m is not SHOWN]
    assert len(hidden) != 1
    for value, mark in zip([*values, sum(values)], marks, strict=True):
        assert (mark is SMALL) == (value < 10)


def test_a_line_tied_by_more_than_one_sum_hides_more():
    assert _row([40, 3, 25, 12], hidden_at_least=3) == [SHOWN, SMALL, WITHHELD, WITHHELD, SHOWN]


def test_the_input_is_checked():
    with pytest.raises(ValueError, match="negative"):
        suppress({"a": -1}, threshold=10)
    with pytest.raises(ValueError, match="threshold"):
        suppress({"a": 1}, threshold=0)
    with pytest.raises(ValueError, match="two hidden"):
        suppress({"a": 1}, threshold=10, hidden_at_least=1)
    with pytest.raises(KeyError, match="not given"):
        suppress({"a": 1}, threshold=10, lines=[["a", "b"]])


def test_the_input_is_left_as_it_was():
    counts = {"a": 3, "b": 20, "t": 23}
    suppress(counts, threshold=10, lines=[["a", "b", "t"]])
    assert counts == {"a": 3, "b": 20, "t": 23}


@pytest.mark.parametrize(
    ("count", "denominator", "expected"),
    [
        (SHOWN, SHOWN, SHOWN),
        (SMALL, SHOWN, WITHHELD),
        (WITHHELD, SHOWN, WITHHELD),
        (SHOWN, SMALL, WITHHELD),
        (SHOWN, WITHHELD, WITHHELD),
    ],
)
def test_a_share_is_shown_only_when_its_count_and_denominator_are(count, denominator, expected):
    assert share_mark(count, denominator) is expected


def test_what_an_export_gives_for_each_mark():
    assert shown(42, SHOWN, threshold=10) == 42
    assert shown(3, SMALL, threshold=10) == "fewer than 10"
    assert shown(3, SMALL, threshold=5) == "fewer than 5"
    assert shown(55, WITHHELD, threshold=10) == WITHHELD_TEXT == "withheld"
