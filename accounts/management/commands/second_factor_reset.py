"""Remove a person's authenticator app, when they have lost their phone."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.services import second_factor_reset


class Command(BaseCommand):
    help = (
        "Remove USERNAME's authenticator app. At their next login they set up a new one "
        "(if their role needs it) before they reach anything else."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            removed = second_factor_reset(username=username)
        except get_user_model().DoesNotExist as missing:
            raise CommandError(f"No user called {username!r}.") from missing
        self.stdout.write(f"Removed {removed} authenticator(s) of {username}.")
