"""The project's taxonomy, used everywhere: the five Every Child Matters outcomes, the nine
English regions and the age bands young people may give."""

from django.db import models


class Outcome(models.TextChoices):
    BEING_HEALTHY = "being_healthy", "Being healthy"
    STAYING_SAFE = "staying_safe", "Staying safe"
    ENJOYING_AND_ACHIEVING = "enjoying_and_achieving", "Enjoying and achieving"
    POSITIVE_CONTRIBUTION = "positive_contribution", "Making a positive contribution"
    ECONOMIC_WELLBEING = "economic_wellbeing", "Economic well-being"


class Region(models.TextChoices):
    NORTH_EAST = "north_east", "North East"
    NORTH_WEST = "north_west", "North West"
    YORKSHIRE = "yorkshire_humber", "Yorkshire and the Humber"
    EAST_MIDLANDS = "east_midlands", "East Midlands"
    WEST_MIDLANDS = "west_midlands", "West Midlands"
    EAST = "east_of_england", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south_east", "South East"
    SOUTH_WEST = "south_west", "South West"
    # Young people may leave their region out; it is never one of the nine.
    PREFER_NOT_TO_SAY = "prefer_not_to_say", "I would rather not say"


# The nine English regions alone, as choices: the parliament's constituencies.
ENGLISH_REGIONS = [
    (value, label) for value, label in Region.choices if value != Region.PREFER_NOT_TO_SAY
]


class AgeBand(models.TextChoices):
    UNDER_10 = "under_10", "Under 10"
    AGE_10_12 = "10_12", "10 to 12"
    AGE_13_15 = "13_15", "13 to 15"
    AGE_16_17 = "16_17", "16 to 17"
