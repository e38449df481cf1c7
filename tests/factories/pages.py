"""Build consultation pages the way an editor would: under the index, with questions, published."""

from datetime import timedelta

from django.utils import timezone

from cms.models import HomePage
from consultations.models import ConsultationIndexPage, ConsultationPage, ConsultationQuestion
from consultations.rules import QuestionKind
from core.taxonomy import Outcome

DEFAULT_QUESTIONS = [
    dict(
        label="How happy are you at school?",
        field_type=QuestionKind.SMILEY_SCALE,
        outcome=Outcome.ENJOYING_AND_ACHIEVING,
    ),
    dict(label="Your favourite lesson", field_type=QuestionKind.SHORT_TEXT),
    dict(label="What would you change?", field_type=QuestionKind.LONG_TEXT, required=False),
    dict(
        label="How do you travel?",
        field_type=QuestionKind.SINGLE_CHOICE,
        choices="Walk\nBus\nCar",
        required=False,
    ),
    dict(
        label="Clubs you go to",
        field_type=QuestionKind.MULTIPLE_CHOICE,
        choices="Sport\nMusic\nArt",
        required=False,
    ),
]


def consultation_index() -> ConsultationIndexPage:
    index = ConsultationIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.get()
        index = ConsultationIndexPage(title="Consultations", slug="consultations")
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


_counter = {"n": 0}


def consultation_create(
    *,
    title: str | None = None,
    opens_in: timedelta = timedelta(days=-1),
    closes_in: timedelta = timedelta(days=30),
    questions: list[dict] | None = None,
    **fields,
) -> ConsultationPage:
    _counter["n"] += 1
    now = timezone.now()
    page = ConsultationPage(
        title=title or f"Consultation {_counter['n']}",
        slug=f"consultation-{_counter['n']}",
        summary="A test consultation.",
        easy_read_summary="<p>Easy words.</p>",
        opens_at=now + opens_in,
        closes_at=now + closes_in,
        **fields,
    )
    page.form_fields = [ConsultationQuestion(**q) for q in (questions or DEFAULT_QUESTIONS)]
    consultation_index().add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
