"""The request bodies, all made before the timed phases: distinct, valid answers to the
school-day consultation, each with its own token, and the one body the baseline posts.

Project code is imported inside the functions: they run once Django is set up."""

import math
import random
from dataclasses import dataclass
from urllib.parse import urlencode

from bench.load.params import CLIENTS, SECONDS, WARMUP_PER_CLIENT

# Answers written for the bench; none of them come from a real child.
SHORT_ANSWERS = [
    "Break time with my friends",
    "Art and music",
    "PE on Fridays",
    "When my teacher reads us a story",
    "Science experiments",
    "Playing football at lunch",
    "The library",
    "Forest school",
    "Drama club",
    "Seeing my friends every day",
]
LONG_SENTENCES = [
    "Longer break times so we can play properly.",
    "More time outside, even when it is a bit cold.",
    "Quieter corridors because it gets really loud between lessons.",
    "Less homework at the weekend so I can see my family.",
    "Water fountains that work on every floor.",
    "Someone to talk to when things are hard at home.",
    "Being able to choose more of the books we read.",
    "Lunch that is hot and not rushed.",
    "Teachers listening when we say someone is being unkind.",
    "Toilets that are clean and have locks that work.",
    "More clubs after school that do not cost money.",
    "Being allowed to sit with my friends in some lessons.",
]


@dataclass(frozen=True)
class Question:
    name: str
    kind: str
    required: bool
    choices: list[str]


def per_client(max_rate: int) -> int:
    """How many bodies one client gets: enough for `max_rate` requests/s, plus its warm-up."""
    return math.ceil(max_rate * SECONDS / CLIENTS) + WARMUP_PER_CLIENT


def answer_plan() -> tuple[int, list[Question], list[str], list[str]]:
    """The consultation's id, its questions (names from the database) and the about-you options."""
    from consultations import forms as answer_forms
    from consultations.models import ConsultationPage

    page = ConsultationPage.objects.live().get(slug="school-day")
    # The form the server builds, so choice values match what it will accept.
    form = page.get_form(page=page, user=None)
    questions = [
        Question(
            name=q.clean_name,
            kind=q.field_type,
            required=q.required,
            choices=[str(v) for v, _ in getattr(form.fields[q.clean_name], "choices", []) if v],
        )
        for q in page.get_form_fields()
    ]
    ages = [v for v, _ in form.fields[answer_forms.AGE_BAND_FIELD].choices if v]
    regions = [v for v, _ in form.fields[answer_forms.REGION_FIELD].choices if v]
    return page.pk, questions, ages, regions


def answers_for(
    rng: random.Random, questions: list[Question], ages: list[str], regions: list[str]
) -> list[tuple[str, str]]:
    """One young person's answers, as a browser would post them (skipped inputs are absent)."""
    from consultations import forms as answer_forms
    from consultations.rules import QuestionKind

    pairs: list[tuple[str, str]] = []
    for q in questions:
        if not q.required and rng.random() < 0.3:
            continue
        if q.kind == QuestionKind.SMILEY_SCALE:
            pairs.append((q.name, str(rng.randint(1, 5))))
        elif q.kind == QuestionKind.SHORT_TEXT:
            pairs.append((q.name, rng.choice(SHORT_ANSWERS)))
        elif q.kind == QuestionKind.LONG_TEXT:
            pairs.append((q.name, " ".join(rng.sample(LONG_SENTENCES, rng.randint(1, 5)))))
        elif q.kind == QuestionKind.MULTIPLE_CHOICE:
            ticked = rng.sample(q.choices, rng.randint(1, len(q.choices)))
            pairs.extend((q.name, choice) for choice in ticked)
        elif q.kind == QuestionKind.SINGLE_CHOICE:
            pairs.append((q.name, rng.choice(q.choices)))
    if rng.random() < 0.7:
        pairs.append((answer_forms.AGE_BAND_FIELD, rng.choice(ages)))
    # A select always posts; its blank first option means "not said".
    pairs.append((answer_forms.REGION_FIELD, rng.choice(regions) if rng.random() < 0.7 else ""))
    if rng.random() < 0.5:
        pairs.append((answer_forms.CONSENT_FIELD, "on"))
    pairs.append((answer_forms.HONEYPOT_FIELD, ""))  # left empty, as a person leaves it
    return pairs


def submission_bodies(count: int) -> tuple[list[bytes], int, int]:
    """`count` distinct bodies, each with a fresh token; the CSRF pair is added per connection."""
    from consultations import forms as answer_forms
    from consultations.tokens import token_issue

    consultation_id, questions, ages, regions = answer_plan()
    rng = random.Random(2026)  # the same answers every run
    bodies = [
        urlencode(
            [
                (answer_forms.TOKEN_FIELD, token_issue(consultation_id=consultation_id)),
                *answers_for(rng, questions, ages, regions),
            ]
        ).encode("ascii")
        for _ in range(count)
    ]
    return bodies, consultation_id, len(questions)


def journey_bodies(count: int) -> list[bytes]:
    """`count` distinct sets of answers with no token: each journey takes one from the page."""
    _, questions, ages, regions = answer_plan()
    rng = random.Random(2027)
    return [
        urlencode(answers_for(rng, questions, ages, regions)).encode("ascii") for _ in range(count)
    ]


def baseline_body() -> bytes:
    """The baseline's one body, posted over and over: a few sentences in a text field."""
    return urlencode({"text": " ".join(LONG_SENTENCES[:4])}).encode("ascii")
