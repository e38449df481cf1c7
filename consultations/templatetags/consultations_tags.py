"""Template tags other pages use to show consultations, so their apps need not import this."""

from django import template

from consultations.selectors import consultations_open, consultations_with_results

register = template.Library()


@register.inclusion_tag("consultations/includes/consultation_list.html", takes_context=True)
def open_consultations(context, empty: str = ""):
    """The consultations taking answers now, as the list the consultations index shows."""
    return {
        "request": context.get("request"),
        "consultations": consultations_open(),
        "empty": empty,
    }


@register.inclusion_tag("consultations/includes/you_said_list.html", takes_context=True)
def you_said_we_did(context, limit: int = 3):
    """The latest closed consultations that say what changed because of young people's
    answers."""
    return {
        "request": context.get("request"),
        "consultations": consultations_with_results(limit=limit),
    }
