"""The stronger help shown to a young person whose words may disclose harm, in one place for
every page that shows it: a consultation's thank-you and error pages, the parliament."""

from django import template
from django.conf import settings
from django.utils import timezone

from core.calendar import is_working_time, next_working_time

register = template.Library()


@register.inclusion_tag("includes/urgent_help.html", takes_context=True)
def urgent_help(context, heading_level: int = 2):
    """It promises only what is true: out of working hours it says when a person will read
    the words, and that until then Childline and 999 are there."""
    now = timezone.now()
    working = is_working_time(now)
    return {
        "settings": context.get("settings"),
        "request": context.get("request"),
        "working": working,
        "read_from": None if working else timezone.localtime(next_working_time(now)),
        "quick_exit_url": settings.QUICK_EXIT_URL,
        "heading_tag": f"h{heading_level}",
    }
