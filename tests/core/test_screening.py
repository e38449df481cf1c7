"""The hook through which words are screened: nobody listening, a finding, a failing screen."""

import pytest

from core.screening import Concern, concern_in, screen_requested


@pytest.fixture
def no_screens():
    """Step round the safeguarding app's own receiver for the length of a test."""
    receivers = screen_requested.receivers
    screen_requested.receivers = []
    screen_requested.sender_receivers_cache.clear()
    yield screen_requested
    screen_requested.receivers = receivers
    screen_requested.sender_receivers_cache.clear()


def test_nothing_is_found_when_nobody_screens(no_screens):
    assert concern_in(["my dad hits me"], sender=object) is None


def test_the_first_concern_found_is_returned_and_a_failing_screen_is_passed_over(no_screens):
    def failing(sender, texts, **kwargs):
        raise RuntimeError("broken")

    def finding(sender, texts, **kwargs):
        return Concern(kind="neglect", score=0.8, evidence=texts[:1])

    no_screens.connect(failing, weak=False)
    no_screens.connect(finding, weak=False)
    concern = concern_in(["no food at home"], sender=object)
    assert concern == Concern(kind="neglect", score=0.8, evidence=["no food at home"])
