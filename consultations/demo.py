"""Demo consultations for `demo_data`: one open, one opening soon, one closed with results.

Every word here was written by the team; none of it comes from a real child.
"""

from datetime import timedelta

from django.utils import timezone

from cms.demo import page_add_once, rich_text
from consultations.models.pages import ConsultationIndexPage, ConsultationPage, ConsultationQuestion
from consultations.rules import QuestionKind
from core.taxonomy import Outcome

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


def demo_load(*, home, users) -> None:
    """Idempotent: adds what is missing under the home page."""
    now = timezone.now()
    index = page_add_once(
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
        easy_read_summary=rich_text(
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
    page_add_once(index, school)

    online = ConsultationPage(
        title="Staying safe online",
        slug="staying-safe-online",
        summary="What helps you feel safe when you use apps, games and websites?",
        easy_read_summary=rich_text("We will ask about being online. It opens soon."),
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
    page_add_once(index, online)

    health = ConsultationPage(
        title="Getting help with how you feel",
        slug="help-with-feelings",
        summary="We asked how easy it is to get help when you feel worried or low.",
        easy_read_summary=rich_text("We asked about getting help with your feelings."),
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
    page_add_once(index, health)
