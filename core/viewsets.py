"""What every app's Wagtail model viewsets share."""

from wagtail.admin.views import generic


class _BadInputIs400:
    """Wagtail shows a form with mistakes again with a 200; here it is a 400, as for every
    other form that refuses what was sent."""

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class CreateView(_BadInputIs400, generic.CreateView):
    pass


class EditView(_BadInputIs400, generic.EditView):
    pass
