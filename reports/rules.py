"""The annual report's rules, in one place: who seals a submission, who records its laying,
who reads the submitted versions, what a reporting year is, and what a file sent to be
verified may be. See docs/adr/0017-sealed-submissions-and-the-clerks.md.

The Children Bill 2004: the commissioner makes the annual report, and the Secretary of State
lays it before Parliament unchanged. So a sealed version is never changed: a later edit is a
new version, and any copy can be checked against the digest of what was sealed.
"""

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from cms.roles import Role

# Sealing is the commissioner's own act: the office, not a permission someone could be lent.
SEALING_ROLE = Role.COMMISSIONER
# Recording that a House has had the report laid before it (Laying.Meta.permissions).
LAY_PERMISSION = "reports.lay_submission"
# Reading the submitted versions: the clerks who receive them (Submission.Meta.permissions).
VIEW_PERMISSION = "reports.view_submission"

# A file sent to be checked against the submitted versions. The report is HTML; 20 MB is
# many times the largest it could be, and a bigger upload is refused before it is read.
VERIFY_MAX_BYTES = 20 * 1024 * 1024

_YEAR = re.compile(r"^(\d{4})-(\d{2})$")


class House:
    COMMONS = "commons"
    LORDS = "lords"
    CHOICES = [(COMMONS, "House of Commons"), (LORDS, "House of Lords")]


def _in_group(user, name: str) -> bool:
    return user.groups.filter(name=name).exists()


def seal_allowed(user) -> bool:
    """Only the commissioner signs off and seals the annual report (a superuser may too, as
    they may do anything; they are named on the submission like anyone else)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or _in_group(user, SEALING_ROLE)


def lay_allowed(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.has_perm(LAY_PERMISSION)


def submissions_view_allowed(user) -> bool:
    """The clerks who receive the report, and the commissioner who sealed it."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.has_perm(VIEW_PERMISSION) or seal_allowed(user)


def reporting_year_problem(year: str) -> str | None:
    """A reporting year runs from 1 April to 31 March and is written "2026-27"."""
    match = _YEAR.match(year or "")
    if not match:
        return 'A reporting year is written like "2026-27".'
    start, end = int(match.group(1)), int(match.group(2))
    if (start + 1) % 100 != end:
        return f'A reporting year runs 1 April to 31 March: "{start}-{(start + 1) % 100:02d}".'
    return None


def reporting_year_of(day: date) -> str:
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def reporting_year_start(year: str) -> date:
    return date(int(year[:4]), 4, 1)


def sealed_bytes(html: str) -> bytes:
    """What is sealed, downloaded and verified: the report's HTML as UTF-8."""
    return html.encode("utf-8")


def digest_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@dataclass(frozen=True)
class LayingFacts:
    house: str
    laid_on: date
    paper_number: str
    sealed_on: date
    already_laid_in: frozenset[str]


def laying_problems(facts: LayingFacts, *, today: date) -> list[str]:
    problems = []
    if facts.house not in {House.COMMONS, House.LORDS}:
        problems.append("Choose the House of Commons or the House of Lords.")
    elif facts.house in facts.already_laid_in:
        problems.append("This version has already been laid before that House.")
    if facts.laid_on > today:
        problems.append("The date laid cannot be in the future.")
    if facts.laid_on < facts.sealed_on:
        problems.append("A version cannot be laid before it was sealed.")
    if not facts.paper_number.strip():
        problems.append("Give the paper number the House gave it, for example HC 123.")
    return problems
