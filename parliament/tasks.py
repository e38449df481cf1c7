"""Background work for the parliament. Tasks take primary keys and call services."""

from parliament.services import divisions_count_due


def divisions_count_task() -> int:
    """Run every minute (the schedule is made by migration 0002): count and decide every
    division that has closed. Pages never count; until this has run they say "being counted"."""
    return divisions_count_due()
