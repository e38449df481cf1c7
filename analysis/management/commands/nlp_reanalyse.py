"""Re-analyse a consultation's responses with the current pipeline, in batches.

Interrupt it at any time and run it again: responses already analysed by the current
pipeline version are skipped, so it carries on where it stopped.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from tqdm import tqdm

from analysis.services import pipeline_version, responses_analyse
from consultations.models import ConsultationPage, Response


class Command(BaseCommand):
    help = "Re-analyse one consultation's responses (or all, with --all) with the current pipeline."

    def add_arguments(self, parser):
        parser.add_argument("consultation", nargs="?", help="the consultation's slug or id")
        parser.add_argument("--all", action="store_true", help="every consultation")
        parser.add_argument("--batch", type=int, default=200)

    def handle(self, *args, consultation=None, all=False, batch=200, **options):
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        responses = Response.objects.all()
        if not all:
            if not consultation:
                raise CommandError("Name a consultation (slug or id), or pass --all.")
            lookup = Q(slug=consultation) | (Q(pk=consultation) if consultation.isdigit() else Q())
            page = ConsultationPage.objects.filter(lookup).first()
            if page is None:
                raise CommandError(f"No consultation {consultation!r}.")
            responses = responses.filter(consultation=page)
        version = pipeline_version()
        todo = responses.exclude(analysis_version=version).order_by("pk")
        total = todo.count()
        self.stdout.write(f"{total} responses to analyse with {version}")
        done = 0
        with tqdm(total=total, unit="response", file=self.stderr, disable=total == 0) as bar:
            while True:
                ids = list(todo.values_list("pk", flat=True)[:batch])
                if not ids:
                    break
                responses_analyse(response_ids=ids)
                done += len(ids)
                bar.update(len(ids))
        self.stdout.write(self.style.SUCCESS(f"Analysed {done} responses."))
