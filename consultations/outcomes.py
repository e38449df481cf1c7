"""The five Every Child Matters outcomes: the project's taxonomy everywhere."""

from django.db import models


class Outcome(models.TextChoices):
    BEING_HEALTHY = "being_healthy", "Being healthy"
    STAYING_SAFE = "staying_safe", "Staying safe"
    ENJOYING_AND_ACHIEVING = "enjoying_and_achieving", "Enjoying and achieving"
    POSITIVE_CONTRIBUTION = "positive_contribution", "Making a positive contribution"
    ECONOMIC_WELLBEING = "economic_wellbeing", "Economic well-being"
