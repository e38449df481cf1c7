"""Background work for the parliament. Tasks take primary keys and call services."""

from parliament.services import divisions_count_due


def divisions_count_task() -> int:
    """Run every minute: count and decide every division that has closed."""
    return divisions_count_due()
