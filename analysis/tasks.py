"""Background analysis. Tasks take primary keys and call services."""

from django.utils import timezone

from analysis.rules import SWEEP_AFTER
from analysis.services import reanalysis_run, responses_analyse
from consultations.models import Response

SWEEP_BATCH = 200


def response_analyse_task(response_id: int) -> int:
    return responses_analyse(response_ids=[response_id])


def reanalysis_run_task(run_id: int) -> int:
    return reanalysis_run(run_id=run_id)


def analysis_sweep_task() -> int:
    """Run every minute: analyse responses that should have been analysed by now."""
    cutoff = timezone.now() - SWEEP_AFTER
    done = 0
    while True:
        ids = list(
            Response.objects.filter(analysed_at__isnull=True, submitted_at__lt=cutoff)
            .order_by("pk")
            .values_list("pk", flat=True)[:SWEEP_BATCH]
        )
        if not ids:
            return done
        responses_analyse(response_ids=ids)
        done += len(ids)
