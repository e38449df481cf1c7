# Key phrases get a row each, so the dashboard counts them in the database; the phrases
# already found are copied from each answer's analysis.

import django.db.models.deletion
from django.db import migrations, models

BATCH = 2000


def keyphrases_copy(apps, schema_editor):
    AnswerAnalysis = apps.get_model("analysis", "AnswerAnalysis")
    KeyPhrase = apps.get_model("analysis", "KeyPhrase")
    last = 0
    while True:
        batch = list(
            AnswerAnalysis.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", "answer_id", "keyphrases")[:BATCH]
        )
        if not batch:
            return
        KeyPhrase.objects.bulk_create(
            (
                KeyPhrase(answer_id=answer_id, phrase=phrase)
                for _, answer_id, phrases in batch
                for phrase in dict.fromkeys(p[:255] for p in phrases or [])
            ),
            ignore_conflicts=True,
        )
        last = batch[-1][0]


class Migration(migrations.Migration):

    dependencies = [
        ("analysis", "0001_initial"),
        ("consultations", "0003_response_is_complete"),
    ]

    operations = [
        migrations.CreateModel(
            name="KeyPhrase",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("phrase", models.CharField(max_length=255)),
                ("answer", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="keyphrases", to="consultations.answer")),
            ],
            options={
                "indexes": [models.Index(fields=["phrase"], name="keyphrase_phrase_idx")],
                "constraints": [models.UniqueConstraint(fields=("answer", "phrase"), name="one_row_per_answer_phrase")],
            },
        ),
        migrations.RunPython(keyphrases_copy, migrations.RunPython.noop, elidable=True),
    ]
