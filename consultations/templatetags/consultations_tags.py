"""Template tags other pages use to show consultations, so their apps need not import this."""

from django import template

from consultations.selectors import consultations_open

register = template.Library()


@register.inclusion_tag("consultations/includes/consultation_list.html", takes_context=True)
def open_consultations(context, empty: str = ""):
    """The consultations taking answers now, as the list the consultations index shows."""
    return {
        "request": context.get("request"),
        "consultations": consultations_open(),
        "empty": empty,
    }
