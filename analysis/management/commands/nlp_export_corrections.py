"""Write analysts' outcome decisions as training data, in the corpus's JSON-lines shape.

Only redacted text is written, and never inside the project: young people's words, even
redacted, do not belong in the repository (its corpus is written by the team). Point --out
at the protected store where the next training run can read it (`python -m nlp train
--corpus`).
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from analysis.models import OutcomeTag


class Command(BaseCommand):
    help = "Export analysts' corrected outcome tags (redacted text) as JSON lines."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, required=True, help="a .jsonl file to write")

    def handle(self, *args, out: Path, **options):
        out = out.resolve()
        if out.is_relative_to(Path(settings.BASE_DIR).resolve()):
            raise CommandError("Refusing to write young people's words inside the project.")
        decided: dict[int, set[str]] = {}
        texts: dict[int, str] = {}
        tags = OutcomeTag.objects.filter(source=OutcomeTag.Source.ANALYST).select_related(
            "answer__analysis"
        )
        for tag in tags:
            analysis = getattr(tag.answer, "analysis", None)
            if analysis is None:
                continue  # never export text that has not been redacted
            texts[tag.answer_id] = analysis.redacted_text
            labels = decided.setdefault(tag.answer_id, set())
            if tag.applies:
                labels.add(tag.outcome)
        with out.open("w", encoding="utf-8") as handle:
            for answer_id, text in texts.items():
                row = {"text": text, "labels": sorted(decided[answer_id])}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(texts)} corrected answers to {out}"))
