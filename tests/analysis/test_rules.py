from dataclasses import dataclass, field

from analysis import rules


@dataclass
class Tag:
    outcome: str
    source: str
    applies: bool = True
    score: float | None = None
    evidence: list = field(default_factory=list)


def test_an_analysts_decision_wins_over_the_models_tag():
    tags = [
        Tag("staying_safe", rules.MODEL, score=0.9, evidence=["bus"]),
        Tag("staying_safe", rules.ANALYST, applies=False),
        Tag("being_healthy", rules.MODEL, score=0.7, evidence=["food"]),
        Tag("economic_wellbeing", rules.ANALYST),
    ]
    assert rules.outcomes_that_apply(tags) == [
        {"outcome": "being_healthy", "source": "model", "evidence": ["food"], "score": 0.7},
        {"outcome": "economic_wellbeing", "source": "analyst", "evidence": [], "score": None},
    ]
