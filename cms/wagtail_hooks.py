"""Admin hooks that belong to no one app: staff accounts, the admin's date pickers."""

from django.contrib import messages
from django.db import router
from django.db.models import ProtectedError
from django.db.models.deletion import Collector
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


def _kept_records(user) -> list[str]:
    """What would stop `user` being deleted: records that must keep who did what."""
    collector = Collector(using=router.db_for_write(type(user)))
    try:
        collector.collect([user])
    except ProtectedError as error:
        return sorted({str(obj._meta.verbose_name_plural) for obj in error.protected_objects})
    return []


@hooks.register("before_delete_user")
def refuse_deleting_someone_with_history(request, user):
    # An audit trail or a safeguarding history that lost its author would be worthless; the
    # account is switched off instead (the edit screen's "Active" box), on the GET as well
    # as the POST, so nobody is offered a button that cannot work.
    kept = _kept_records(user)
    if not kept:
        return None
    messages.error(
        request,
        f"{user.get_username()} cannot be deleted: they appear in {', '.join(kept)}, which must "
        "keep who did what. To stop them logging in, untick “Active” and save.",
    )
    return redirect("wagtailusers_users:edit", user.pk)


@hooks.register("insert_global_admin_js")
def date_pickers():
    # Starts the pickers that templates/wagtailadmin/widgets/ leave markers for (ADR 3).
    return format_html('<script src="{}"></script>', static("cms/pickers.js"))
