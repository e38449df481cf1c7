from django.db import models


class BenchRow(models.Model):
    """One row per baseline request, so the bench can count what was stored."""

    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"BenchRow {self.pk}"
