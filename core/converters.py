"""URL converters the apps share: `<id:pk>` is a row id the database can hold.

Registered when this module is first imported, which must come before any URL pattern using
it is built: a routable page builds its patterns when its class is defined, so page modules
import this one.
"""

from django.urls import register_converter


class DatabaseIdConverter:
    """A row id: digits that fit a 64-bit integer column, so an absurd id in an address is a
    404, not a database error (SQLite refuses integers past 2**63 - 1)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


register_converter(DatabaseIdConverter, "id")
