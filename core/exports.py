"""The one helper every spreadsheet export goes through, and the mixin that puts every Wagtail
export (CSV or XLSX) through it."""

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """The value as text a spreadsheet shows as it is, never runs as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SpreadsheetSafeExportMixin:
    """Put before Wagtail's view class (which brings `SpreadsheetExportMixin`): every heading
    and every text cell written, whatever the format and whatever the view's `to_row_dict`
    returns, goes through `spreadsheet_safe`. Dates and numbers are left for the spreadsheet to
    format; none of them starts a formula."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return spreadsheet_safe(value) if isinstance(value, str) else value

    def get_heading(self, queryset, field):
        return spreadsheet_safe(super().get_heading(queryset, field))
