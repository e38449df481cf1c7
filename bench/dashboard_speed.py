"""Time the analysis dashboard's figures for one consultation of 100,000 finished responses,
beside its floor measured in the same run: the SQL aggregations the figures rest on, written
by hand with the cursor (ADR 16).

Builds a throwaway SQLite file in a temp dir (bench settings), spreads the responses over
outcomes, age bands, regions and six months, then times `dashboard_data` (the selectors the
dashboard view calls) and the hand-written queries, each the median of several runs. Prints
one line; nothing is asserted.

    .venv/bin/python bench/dashboard_speed.py           # or: make bench
    DASHBOARD_BENCH_RESPONSES=10000 .venv/bin/python bench/dashboard_speed.py

Environment: DASHBOARD_BENCH_RESPONSES (default 100000), DASHBOARD_BENCH_RUNS (default 5).
"""

import os
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType

BASE_DIR = Path(__file__).resolve().parent.parent
# Run as a script, so only bench/ is on the path; the settings and apps live one level up.
sys.path.insert(0, str(BASE_DIR))

RESPONSES = int(os.environ.get("DASHBOARD_BENCH_RESPONSES", "100000"))
RUNS = int(os.environ.get("DASHBOARD_BENCH_RUNS", "5"))
BATCH = 2000
SEED = 16
START = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)
DAYS = 180  # by week on the dashboard
# Shares of the finished responses, added on top of them: unfinished ones, and another
# consultation's, which the figures must leave out.
UNFINISHED_SHARE = 0.05
OTHER_SHARE = 0.02
PHRASES = [
    f"{adjective} {noun}"
    for adjective in ("safer", "kinder", "cheaper", "more", "better", "longer")
    for noun in ("buses", "teachers", "lunches", "clubs", "parks", "breaks", "lessons")
]


def _stop_on_term(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # so the finally block removes the temp dir


def _consultation(title: str, slug: str):
    from django.utils import timezone

    from cms.models import HomePage
    from consultations.models import ConsultationIndexPage, ConsultationPage, ConsultationQuestion
    from consultations.rules import QuestionKind
    from core.taxonomy import Outcome

    index = ConsultationIndexPage.objects.first()
    if index is None:
        index = ConsultationIndexPage(title="Consultations", slug="consultations")
        HomePage.objects.get().add_child(instance=index)
    now = timezone.now()
    page = ConsultationPage(
        title=title,
        slug=slug,
        summary="A consultation for the dashboard bench.",
        easy_read_summary="<p>Easy words.</p>",
        opens_at=now - timedelta(days=DAYS + 1),
        closes_at=now + timedelta(days=30),
    )
    page.form_fields = [
        ConsultationQuestion(
            label="How happy are you at school?",
            field_type=QuestionKind.SMILEY_SCALE,
            outcome=Outcome.ENJOYING_AND_ACHIEVING,
        ),
        ConsultationQuestion(
            label="What would you change?", field_type=QuestionKind.LONG_TEXT, required=False
        ),
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _fill(page, count: int, rng: random.Random, *, complete: bool, key: str) -> None:
    """`count` responses to `page`, each with a rating and most with words, tags and phrases."""
    from analysis.models import KeyPhrase, OutcomeTag
    from analysis.rules import ANALYST, MODEL
    from consultations.models import Answer, Response
    from core.taxonomy import AgeBand, Outcome, Region

    happy, change = page.form_fields.order_by("sort_order")
    bands = [*AgeBand.values, ""]
    regions = [*Region.values, ""]
    outcomes = list(Outcome.values)
    for first in range(0, count, BATCH):
        size = min(BATCH, count - first)
        responses = Response.objects.bulk_create(
            Response(
                consultation=page,
                submitted_at=START + timedelta(seconds=rng.randrange(DAYS * 86400)),
                age_band=rng.choices(bands, weights=[1, 4, 5, 3, 1])[0],
                region=rng.choice(regions),
                is_complete=complete,
                idempotency_key=f"bench-{key}-{first + i}",
            )
            for i in range(size)
        )
        answers = []
        for response in responses:
            answers.append(
                Answer(
                    response=response,
                    question=happy,
                    question_label=happy.label,
                    kind=happy.field_type,
                    outcome=happy.outcome,
                    scale=rng.choices(range(1, 6), weights=[1, 2, 4, 5, 3])[0],
                )
            )
            if rng.random() < 0.7:
                answers.append(
                    Answer(
                        response=response,
                        question=change,
                        question_label=change.label,
                        kind=change.field_type,
                        text="Words about school.",
                    )
                )
        answers = Answer.objects.bulk_create(answers)
        tags, phrases = [], []
        for answer in answers:
            if answer.scale is not None:
                continue
            decided = set()
            for outcome in rng.sample(outcomes, rng.choice((1, 1, 2))):
                tags.append(
                    OutcomeTag(answer=answer, outcome=outcome, source=MODEL, score=rng.random())
                )
                if rng.random() < 0.05:  # an analyst said it does not apply
                    decided.add(outcome)
                    tags.append(
                        OutcomeTag(answer=answer, outcome=outcome, source=ANALYST, applies=False)
                    )
            if rng.random() < 0.03:  # an analyst added one
                outcome = rng.choice([o for o in outcomes if o not in decided])
                tags.append(OutcomeTag(answer=answer, outcome=outcome, source=ANALYST))
            for phrase in rng.sample(PHRASES, rng.choice((1, 2))):
                phrases.append(KeyPhrase(answer=answer, phrase=phrase))
        OutcomeTag.objects.bulk_create(tags, batch_size=BATCH)
        KeyPhrase.objects.bulk_create(phrases, batch_size=BATCH, ignore_conflicts=True)


# The aggregations the figures rest on, by hand: counts, the timeline by week, the groups,
# tags in effect by group, ratings, and each outcome's commonest phrases. %(c)s is the
# consultation.
FLOOR = [
    """SELECT COUNT(*) FROM consultations_response r
       WHERE r.consultation_id = %(c)s AND r.is_complete""",
    """SELECT COUNT(*) FROM consultations_response r
       WHERE r.consultation_id = %(c)s AND NOT r.is_complete""",
    """SELECT MIN(r.submitted_at), MAX(r.submitted_at) FROM consultations_response r
       WHERE r.consultation_id = %(c)s AND r.is_complete""",
    """SELECT strftime('%%Y-%%W', r.submitted_at) AS w, COUNT(*) FROM consultations_response r
       WHERE r.consultation_id = %(c)s AND r.is_complete GROUP BY w""",
    """SELECT r.age_band, r.region, COUNT(*) FROM consultations_response r
       WHERE r.consultation_id = %(c)s AND r.is_complete GROUP BY r.age_band, r.region""",
    # The tags in effect: an analyst's decision wins over the model's.
    """SELECT t.outcome, r.age_band, r.region, COUNT(DISTINCT r.id) FROM analysis_outcometag t
       JOIN consultations_answer a ON a.id = t.answer_id
       JOIN consultations_response r ON r.id = a.response_id
       WHERE r.consultation_id = %(c)s AND r.is_complete
         AND ((t.source = 'analyst' AND t.applies) OR (t.source = 'model' AND NOT EXISTS (
           SELECT 1 FROM analysis_outcometag d WHERE d.answer_id = t.answer_id
             AND d.outcome = t.outcome AND d.source = 'analyst')))
       GROUP BY t.outcome, r.age_band, r.region""",
    """SELECT a.question_id, a.outcome, a.scale, COUNT(*) FROM consultations_answer a
       JOIN consultations_response r ON r.id = a.response_id
       WHERE r.consultation_id = %(c)s AND r.is_complete
         AND a.kind = 'smiley' AND a.scale IS NOT NULL AND a.outcome <> ''
       GROUP BY a.question_id, a.outcome, a.scale""",
]
# Run once for each outcome, as the dashboard does.
FLOOR_PHRASES = """
SELECT k.phrase, COUNT(DISTINCT a.response_id) AS n FROM analysis_keyphrase k
JOIN consultations_answer a ON a.id = k.answer_id
JOIN consultations_response r ON r.id = a.response_id
WHERE r.consultation_id = %(c)s AND r.is_complete
  AND k.answer_id IN (
    SELECT t.answer_id FROM analysis_outcometag t WHERE t.outcome = %(o)s
      AND ((t.source = 'analyst' AND t.applies) OR (t.source = 'model' AND NOT EXISTS (
        SELECT 1 FROM analysis_outcometag d WHERE d.answer_id = t.answer_id
          AND d.outcome = t.outcome AND d.source = 'analyst'))))
GROUP BY k.phrase ORDER BY n DESC, k.phrase LIMIT 10
"""


def _median_ms(run) -> float:
    run()  # warm up: the page cache, and Django's first compilation of each query
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def main() -> int:
    signal.signal(signal.SIGTERM, _stop_on_term)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    tmp = Path(tempfile.mkdtemp(prefix="dashboard-bench-"))
    try:
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.bench"
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
        os.environ["MEDIA_ROOT"] = str(tmp / "media")

        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection, transaction

        from analysis.selectors.dashboard import dashboard_data
        from analysis.selectors.responses import ResponseQuery
        from core.taxonomy import Outcome

        call_command("migrate", "--noinput", verbosity=0)
        call_command("createcachetable", verbosity=0)
        rng = random.Random(SEED)
        with transaction.atomic():
            school = _consultation("School day", "school-day")
            other = _consultation("Online life", "online-life")
            _fill(school, RESPONSES, rng, complete=True, key="done")
            _fill(school, int(RESPONSES * UNFINISHED_SHARE), rng, complete=False, key="part")
            _fill(other, int(RESPONSES * OTHER_SHARE), rng, complete=True, key="other")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

        query = ResponseQuery(consultation=school)
        figures_ms = _median_ms(lambda: dashboard_data(query))

        def run_floor() -> None:
            with connection.cursor() as cursor:
                for sql in FLOOR:
                    cursor.execute(sql, {"c": school.pk})
                    cursor.fetchall()
                for outcome in Outcome.values:
                    cursor.execute(FLOOR_PHRASES, {"c": school.pk, "o": outcome})
                    cursor.fetchall()

        floor_ms = _median_ms(run_floor)
        connection.close()
        print(
            f"dashboard, {RESPONSES:,} responses: {figures_ms:.0f} ms "
            f"(floor {floor_ms:.0f} ms, ratio {figures_ms / floor_ms:.1f})",
            flush=True,
        )
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
