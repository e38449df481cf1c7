"""Every spreadsheet export the project adds to the admin goes through the one helper,
`core.exports.spreadsheet_safe`, by way of `SpreadsheetSafeExportMixin`. Each export's own
tests show a cell starting with =, +, - or @ arriving as text; this finds any export that
would not."""

from django.urls import URLResolver, get_resolver
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from core.exports import SpreadsheetSafeExportMixin, spreadsheet_safe

PROJECT = {"analysis", "cms", "commissioner", "consultations", "parliament", "reports"}
PROJECT |= {"safeguarding", "core", "accounts"}


def _views(resolver):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _views(pattern)
        else:
            yield pattern.callback


def _exports() -> dict[str, type]:
    """The project's views that can write a spreadsheet, by name."""
    found = {}
    for view in _views(get_resolver()):
        view_class = getattr(view, "view_class", None)
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
            continue
        kwargs = getattr(view, "view_initkwargs", {})
        model = kwargs.get("model") or getattr(view_class, "model", None)
        ours = view_class.__module__.split(".")[0] in PROJECT or (
            model is not None and model._meta.app_label in PROJECT
        )
        if ours and kwargs.get("list_export", view_class.list_export):
            found[f"{view_class.__module__}.{view_class.__name__}"] = view_class
    return found


def test_every_export_in_the_admin_goes_through_the_one_helper():
    exports = _exports()
    assert {
        "analysis.viewsets.ResponseIndexView",
        "commissioner.report_views.AuditTrailView",
        "commissioner.report_views.OverdueView",
    } <= set(exports)
    unsafe = [
        name for name, view in exports.items() if not issubclass(view, SpreadsheetSafeExportMixin)
    ]
    assert unsafe == []


def test_the_helper_leaves_plain_text_alone_and_prefixes_every_formula_start():
    assert spreadsheet_safe("Walk") == "Walk" and spreadsheet_safe(None) == ""
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert spreadsheet_safe(f"{start}1+1") == f"'{start}1+1"
