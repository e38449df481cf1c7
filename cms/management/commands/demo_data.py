"""Load demo content and one login per role. Safe to run again: it only adds what is missing.

Every word here was written by the team; none of it comes from a real child.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from cms.models import HomePage
from cms.roles import Role, roles_sync

DEMO_PASSWORD = "voice-demo-2026"


class Command(BaseCommand):
    help = "Load demo pages, consultations and one login per role (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even with DEBUG off (never in production)."
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("demo_data adds known passwords; run it with DEBUG on, or --force.")
        with transaction.atomic():
            roles_sync()
            logins = self._users()
            home = HomePage.objects.first()
            if home is None:
                raise CommandError("No home page: run migrate first.")
            users = {u.username: u for u in get_user_model().objects.all()}
            # Each app loads its own demo content; this command imports none of them. An app
            # may return a line for the people logging in (the second factor does).
            notes = []
            for config in apps.get_app_configs():
                if module_has_submodule(config.module, "demo"):
                    note = import_module(f"{config.name}.demo").demo_load(home=home, users=users)
                    if note:
                        notes.append(note)
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Logins (password for all):"))
        self.stdout.write(f"  password: {DEMO_PASSWORD}")
        for username, where in logins:
            self.stdout.write(f"  {username:<20} {where}")
        for note in notes:
            self.stdout.write(note)

    def _users(self) -> list[tuple[str, str]]:
        User = get_user_model()
        logins = []
        admin, created = User.objects.get_or_create(
            username="admin", defaults={"is_staff": True, "is_superuser": True}
        )
        if created:
            admin.set_password(DEMO_PASSWORD)
            admin.save()
        logins.append(("admin", "superuser, /admin/"))
        for role in Role.ALL:
            if role == Role.YOUNG_PERSON:
                continue  # young people answer without an account
            user, created = User.objects.get_or_create(
                username=role, defaults={"first_name": role.replace("_", " ").title()}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(Group.objects.get(name=role))
            logins.append((role, "/admin/" if role in Role.STAFF else "public site"))
        return logins
