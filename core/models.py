"""The one table core keeps: attempt counts for the limits in `core.limits`."""

from django.db import models


class AttemptWindow(models.Model):
    """How many attempts one key made in one fixed window (a scope, a period, a window number
    and a digest of the key, joined into `key`). Rows past `expires` are swept away."""

    key = models.CharField(max_length=200, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "attempt window"

    def __str__(self):
        return f"{self.key}: {self.count}"
