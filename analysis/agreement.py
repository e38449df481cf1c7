"""How far the model agrees with analysts: per outcome, precision, recall and F1 of the
model's tags against analysts' readings of the same answers. Pure arithmetic on sets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from core.taxonomy import Outcome


@dataclass(frozen=True)
class Reviewed:
    """One answer an analyst has read: the outcomes the model gave it, the outcomes the analyst
    decided on (all five when confirmed or corrected on the answer's screen), and those of
    them the analyst says apply."""

    pipeline_version: str
    model: frozenset[str]
    decided: frozenset[str]
    analyst: frozenset[str]


@dataclass(frozen=True)
class OutcomeAgreement:
    outcome: str
    label: str
    reviewed: int
    both: int  # the model and the analyst say it applies
    model_only: int  # the model says so, the analyst does not
    analyst_only: int  # the analyst says so, the model missed it

    @property
    def precision(self) -> float | None:
        said = self.both + self.model_only
        return self.both / said if said else None

    @property
    def recall(self) -> float | None:
        true = self.both + self.analyst_only
        return self.both / true if true else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)


def agreement(reviewed: Iterable[Reviewed]) -> dict[str, list[OutcomeAgreement]]:
    """For each pipeline version (newest name last), one row per outcome."""
    by_version: dict[str, list[Reviewed]] = {}
    for answer in reviewed:
        by_version.setdefault(answer.pipeline_version, []).append(answer)
    table = {}
    for version in sorted(by_version):
        answers = by_version[version]
        rows = []
        for outcome in Outcome:
            # Only answers where an analyst decided this outcome say anything about it.
            decided = [a for a in answers if outcome.value in a.decided]
            pairs = [(outcome.value in a.model, outcome.value in a.analyst) for a in decided]
            rows.append(
                OutcomeAgreement(
                    outcome=outcome.value,
                    label=outcome.label,
                    reviewed=len(decided),
                    both=sum(m and a for m, a in pairs),
                    model_only=sum(m and not a for m, a in pairs),
                    analyst_only=sum(a and not m for m, a in pairs),
                )
            )
        table[version] = rows
    return table
