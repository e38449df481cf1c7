"""Background work for casework. Tasks call services."""

from commissioner.services.retention import inquiries_anonymise_due


def retention_task() -> int:
    """Run daily: anonymise the child's details in inquiries past their retention date."""
    return inquiries_anonymise_due()
