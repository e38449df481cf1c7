"""A small dataset whose figures are known by hand, written straight to the tables (no pipeline),
so the dashboard's numbers can be checked exactly.

Consultation "School day" (the default questions), finished responses:

- r1: 10 to 12, London, 3 Mar 2025, happy 5; "What would you change?" tagged staying safe
  (model, 0.90, "buses"); key phrase "safer buses".
- r2: 10 to 12, London, 3 Mar 2025, happy 4; staying safe (model, 0.81, "buses", "safer") and
  being healthy (model, 0.62), which an analyst said does not apply; key phrases "safer buses",
  "healthy food".
- r3: 13 to 15, North East, 4 Mar 2025, happy 2; economic well-being (an analyst's tag, no
  model tag); key phrase "bus fares".
- r4: 16 to 17, no region, 5 Mar 2025, happy 4; left "What would you change?" blank.

Not counted: r5, unfinished (10 to 12, London, staying safe); and r6 in another consultation
(10 to 12, London, staying safe), which counts only when all consultations are chosen.
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from analysis.models import AnswerAnalysis, KeyPhrase, OutcomeTag
from consultations.models import Answer, ConsultationPage, ConsultationQuestion, Response
from tests.factories.pages import consultation_create

LONDON = ZoneInfo("Europe/London")
HAPPY = "How happy are you at school?"
CHANGE = "What would you change?"


@dataclass
class Dataset:
    school: ConsultationPage
    other: ConsultationPage
    responses: dict[str, Response]

    def question(self, label: str, page: ConsultationPage | None = None) -> ConsultationQuestion:
        return (page or self.school).form_fields.get(label=label)


def respond(page, name, *, age_band, region, day, happy=None, change="", complete=True):
    response = Response.objects.create(
        consultation=page,
        age_band=age_band,
        region=region,
        submitted_at=datetime(2025, 3, day, 10, 0, tzinfo=LONDON),
        is_complete=complete,
        idempotency_key=f"dataset-{page.pk}-{name}",
    )
    questions = {q.label: q for q in page.form_fields.all()}
    if happy is not None:
        q = questions[HAPPY]
        Answer.objects.create(
            response=response,
            question=q,
            question_label=q.label,
            kind=q.field_type,
            outcome=q.outcome,
            scale=happy,
        )
    answer = None
    if change:
        q = questions[CHANGE]
        answer = Answer.objects.create(
            response=response, question=q, question_label=q.label, kind=q.field_type, text=change
        )
        AnswerAnalysis.objects.create(
            answer=answer, redacted_text=change, pipeline_version="test", keyphrases=[]
        )
    return response, answer


def _tag(answer, outcome, source="model", applies=True, score=None, evidence=()):
    OutcomeTag.objects.create(
        answer=answer,
        outcome=outcome,
        source=source,
        applies=applies,
        score=score if score is not None else (0.9 if source == "model" else None),
        evidence=list(evidence),
    )


def _phrases(answer, *phrases):
    KeyPhrase.objects.bulk_create(KeyPhrase(answer=answer, phrase=p) for p in phrases)
    AnswerAnalysis.objects.filter(answer=answer).update(keyphrases=list(phrases))


def dataset_create() -> Dataset:
    school = consultation_create(title="School day")
    other = consultation_create(title="Online life")
    r1, a1 = respond(
        school, "r1", age_band="10_12", region="london", day=3, happy=5, change="safer buses"
    )
    _tag(a1, "staying_safe", evidence=["buses"])
    _phrases(a1, "safer buses")
    r2, a2 = respond(
        school,
        "r2",
        age_band="10_12",
        region="london",
        day=3,
        happy=4,
        change="safer buses and healthy food",
    )
    _tag(a2, "staying_safe", score=0.81, evidence=["buses", "safer"])
    _tag(a2, "being_healthy", score=0.62, evidence=["healthy", "food"])
    _tag(a2, "being_healthy", source="analyst", applies=False)
    _phrases(a2, "safer buses", "healthy food")
    r3, a3 = respond(
        school, "r3", age_band="13_15", region="north_east", day=4, happy=2, change="bus fares"
    )
    _tag(a3, "economic_wellbeing", source="analyst")
    _phrases(a3, "bus fares")
    r4, _ = respond(school, "r4", age_band="16_17", region="", day=5, happy=4)
    r5, a5 = respond(
        school, "r5", age_band="10_12", region="london", day=5, change="scared", complete=False
    )
    _tag(a5, "staying_safe")
    r6, a6 = respond(other, "r6", age_band="10_12", region="london", day=6, change="online")
    _tag(a6, "staying_safe")
    return Dataset(
        school=school,
        other=other,
        responses={"r1": r1, "r2": r2, "r3": r3, "r4": r4, "r5": r5, "r6": r6},
    )
