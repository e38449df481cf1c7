"""The shipped safeguarding screen on the held-out split, measured by the same code
`python -m nlp evaluate` runs (a few seconds)."""

import pytest

from nlp.pipeline import load
from nlp.pipeline.corpus import outcome_examples, safeguarding_examples, split
from nlp.pipeline.evaluate import safeguarding_metrics


@pytest.fixture(scope="module")
def metrics():
    _, held_out = split(safeguarding_examples())
    _, everyday = split(outcome_examples())
    return safeguarding_metrics(load(), held_out, everyday)


def test_the_screen_finds_97_percent_of_held_out_disclosures(metrics):
    assert metrics["recall"] >= 0.97, metrics["missed"]


def test_the_screen_finds_90_percent_of_each_kind(metrics):
    for kind, (flagged, total) in metrics["per_kind"].items():
        assert flagged / total >= 0.9, kind


def test_the_words_shown_are_the_words_that_carry_the_concern(metrics):
    assert metrics["evidence_hits"] >= 0.95
    # The December 2026 writers marked tighter spans (3 to 12 words, often another clause of
    # the same sentence): on today's held-out split both voice-1.0.9d7aefa6c2 and
    # voice-1.0.77a0025dad show 78% of their characters inside them, against 80% before.
    assert metrics["evidence_inside"] >= 0.75
