"""Write closed flags as training data for the safeguarding screen, in the corpus's shape.

A flag closed with a referral is a confirmed concern (its kind); one closed with no action is
a false alarm (kind null). Only redacted words are written, and never inside the project: the
project's corpus is written by the team. Point --out at the protected store the next training
run reads (`python -m nlp train --corpus`).
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from nlp.pipeline.pii import find_pii, redact
from safeguarding.models import SafeguardingFlag


def _words(flag: SafeguardingFlag) -> str:
    if flag.comment_id:
        return flag.comment.text
    texts = [a.text for a in flag.response.answers.all() if a.is_text and a.text.strip()]
    # The answer that carries the evidence, if one does; otherwise all the words together.
    for text in texts:
        if any(piece and piece in text for piece in flag.evidence):
            return text
    return "\n".join(texts)


class Command(BaseCommand):
    help = "Export closed safeguarding flags (redacted words) as JSON lines of training data."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, required=True, help="a .jsonl file to write")

    def handle(self, *args, out: Path, **options):
        out = out.resolve()
        if out.is_relative_to(Path(settings.BASE_DIR).resolve()):
            raise CommandError("Refusing to write young people's words inside the project.")
        flags = SafeguardingFlag.objects.filter(
            status=SafeguardingFlag.Status.CLOSED, action__gt=""
        ).select_related("comment", "response")
        written = 0
        with out.open("w", encoding="utf-8") as handle:
            for flag in flags.prefetch_related("response__answers"):
                raw = _words(flag)
                text = redact(raw, find_pii(raw))
                confirmed = flag.action != SafeguardingFlag.Action.NO_ACTION
                evidence = next((e for e in flag.evidence if e and e in text), None)
                row = {
                    "text": text,
                    "kind": flag.kind if confirmed else None,
                    "evidence": evidence if confirmed else None,
                }
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                written += 1
        self.stdout.write(self.style.SUCCESS(f"Wrote {written} closed flags to {out}"))
