"""The parliament's fixed values, shared by its rules and its models.

Kept apart from the models so the rules can use them without importing a model.
"""

from django.db import models

from core.taxonomy import ENGLISH_REGIONS

# The nine English regions are the parliament's constituencies.
CONSTITUENCIES = ENGLISH_REGIONS


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", "Waiting for a seconder"
    SECONDED = "seconded", "Waiting for a moderator"
    APPROVED = "approved", "Approved for debate"
    REJECTED = "rejected", "Not approved"
    WITHDRAWN = "withdrawn", "Withdrawn"
    CARRIED = "carried", "Carried"
    NOT_CARRIED = "not_carried", "Not carried"


# What anyone may read: approved for debate, and decided.
PUBLIC_STATUSES = [
    ProposalStatus.APPROVED,
    ProposalStatus.CARRIED,
    ProposalStatus.NOT_CARRIED,
]

# Waiting for a moderator or a seconder: a motion cannot be voted on while an amendment to it is.
UNDECIDED_STATUSES = [ProposalStatus.PROPOSED, ProposalStatus.SECONDED]
