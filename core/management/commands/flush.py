"""Django's `flush`, which on SQLite may also empty the append-only tables, but only where
settings.APPEND_ONLY_FLUSH is set (the test settings, whose runner empties every table between
transactional tests). Anywhere else the delete guards refuse, and `flush` fails with the
database left as it was. See docs/adr/0014-casework-oversight-append-only-and-retention.md."""

from django.conf import settings
from django.core.management.commands import flush

from core.operations import append_only_purge


class Command(flush.Command):
    def handle(self, **options):
        if not getattr(settings, "APPEND_ONLY_FLUSH", False):
            return super().handle(**options)
        with append_only_purge(using=options["database"]):
            return super().handle(**options)
