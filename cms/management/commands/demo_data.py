"""Load demo content and one login per role. Safe to run again: it only adds what is missing.

Every word here was written by the team; none of it comes from a real child.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms.models import HomePage, StandardPage
from cms.roles import Role, roles_sync
from commissioner.demo import casework_demo_load
from consultations.models import (
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationQuestion,
    QuestionKind,
)
from consultations.outcomes import Outcome
from parliament.demo import parliament_demo_load

DEMO_PASSWORD = "voice-demo-2026"


def _rich(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def _add_child(parent: Page, page: Page) -> Page:
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        return existing.specific
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


SCHOOL_QUESTIONS = [
    dict(
        label="How happy are you at school most days?",
        field_type=QuestionKind.SMILEY_SCALE,
        outcome=Outcome.ENJOYING_AND_ACHIEVING,
        help_text="Pick the face that fits best.",
    ),
    dict(
        label="How safe do you feel on the way to school?",
        field_type=QuestionKind.SMILEY_SCALE,
        outcome=Outcome.STAYING_SAFE,
        required=False,
    ),
    dict(
        label="What is the best thing about your school day?",
        field_type=QuestionKind.SHORT_TEXT,
    ),
    dict(
        label="What one thing would make your school day better?",
        field_type=QuestionKind.LONG_TEXT,
        help_text="Write as much or as little as you like. Please do not write your name.",
    ),
    dict(
        label="Which of these do you have at school?",
        field_type=QuestionKind.MULTIPLE_CHOICE,
        choices="A quiet place to go\nA club after school\nSomeone to talk to\nHealthy food",
        required=False,
    ),
    dict(
        label="How do you get to school?",
        field_type=QuestionKind.SINGLE_CHOICE,
        choices="Walk\nBike or scooter\nBus or train\nCar\nSomething else",
        required=False,
    ),
]


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
            self._pages()
            User = get_user_model()
            parliament_demo_load(
                home=HomePage.objects.first(),
                member_user=User.objects.get(username=Role.PARLIAMENT_MEMBER),
                staff_user=User.objects.get(username="admin"),
            )
            casework_demo_load(
                caseworker=User.objects.get(username=Role.CASEWORKER),
                commissioner=User.objects.get(username=Role.COMMISSIONER),
            )
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Logins (password for all):"))
        self.stdout.write(f"  password: {DEMO_PASSWORD}")
        for username, where in logins:
            self.stdout.write(f"  {username:<20} {where}")

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

    def _pages(self) -> None:
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("No home page: run migrate first.")
        now = timezone.now()
        index = _add_child(
            home,
            ConsultationIndexPage(
                title="Consultations",
                slug="consultations",
                show_in_menus=True,
                introduction="Tell us what you think. Every answer is read.",
            ),
        )
        school = ConsultationPage(
            title="What would make your school day better?",
            slug="school-day",
            summary="We want to hear what helps you enjoy school and what gets in the way.",
            easy_read_summary=_rich(
                "We want to know about your school day.",
                "There are 6 questions. It takes about 5 minutes.",
                "You do not have to answer every question.",
            ),
            min_age=8,
            max_age=17,
            opens_at=now - timedelta(days=7),
            closes_at=now + timedelta(days=60),
        )
        school.form_fields = [ConsultationQuestion(**q) for q in SCHOOL_QUESTIONS]
        _add_child(index, school)

        online = ConsultationPage(
            title="Staying safe online",
            slug="staying-safe-online",
            summary="What helps you feel safe when you use apps, games and websites?",
            easy_read_summary=_rich("We will ask about being online. It opens soon."),
            min_age=11,
            max_age=17,
            opens_at=now + timedelta(days=14),
            closes_at=now + timedelta(days=90),
        )
        online.form_fields = [
            ConsultationQuestion(
                label="How safe do you feel online?",
                field_type=QuestionKind.SMILEY_SCALE,
                outcome=Outcome.STAYING_SAFE,
            )
        ]
        _add_child(index, online)

        health = ConsultationPage(
            title="Getting help with how you feel",
            slug="help-with-feelings",
            summary="We asked how easy it is to get help when you feel worried or low.",
            easy_read_summary=_rich("We asked about getting help with your feelings."),
            min_age=10,
            max_age=17,
            opens_at=now - timedelta(days=120),
            closes_at=now - timedelta(days=30),
            you_said_we_did=[
                (
                    "paragraph",
                    "<p>You said it can take too long to see someone. We asked the "
                    "government to set a limit on waiting times, and it agreed to look at "
                    "this.</p>",
                )
            ],
        )
        health.form_fields = [
            ConsultationQuestion(
                label="How easy is it to get help when you feel worried?",
                field_type=QuestionKind.SMILEY_SCALE,
                outcome=Outcome.BEING_HEALTHY,
            )
        ]
        _add_child(index, health)

        _add_child(
            home,
            StandardPage(
                title="About us",
                slug="about",
                show_in_menus=True,
                introduction=(
                    "The Children's Commissioner stands up for the rights of children and "
                    "young people in England."
                ),
            ),
        )
