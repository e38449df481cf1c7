"""The parliament's models, in two modules so that imports run one way only.

`records` holds the data (members, sittings, motions, amendments, divisions, votes, debate,
settings) and imports no view; `pages` holds `ParliamentPage`, whose routes call the views.
Code inside the parliament imports `parliament.models.records`; code elsewhere may use this
package.
"""

from parliament.models.pages import ParliamentPage
from parliament.models.records import (
    CONSTITUENCIES,
    PUBLIC_STATUSES,
    Amendment,
    Comment,
    CommentReport,
    Division,
    Member,
    Motion,
    ParliamentSettings,
    ProposalStatus,
    Sitting,
    Vote,
)

__all__ = [
    "CONSTITUENCIES",
    "PUBLIC_STATUSES",
    "Amendment",
    "Comment",
    "CommentReport",
    "Division",
    "Member",
    "Motion",
    "ParliamentPage",
    "ParliamentSettings",
    "ProposalStatus",
    "Sitting",
    "Vote",
]
