"""Print the code the demo logins' authenticator shows now (see accounts/demo.py)."""

from django.core.management.base import BaseCommand

from accounts.demo import demo_code


class Command(BaseCommand):
    help = "Print the current 6-digit code for the demo logins' published demo key."

    def handle(self, *args, **options):
        # Only the published demo key: this never reads anyone's real authenticator.
        self.stdout.write(demo_code())
