"""URL converters the apps share."""


class DatabaseIdConverter:
    """A row id: digits that fit a 64-bit integer column, so an absurd id in an address is a
    404, not a database error (SQLite refuses integers past 2**63 - 1)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))
