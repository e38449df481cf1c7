from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Logins for staff and members: lock-outs, the second factor and how long a login lasts.
    No models of its own: django-axes and django-otp keep the rows (docs/adr/0015-logins.md)."""

    name = "accounts"
    verbose_name = "Logins"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from accounts.sessions import session_stamp

        user_logged_in.connect(session_stamp, dispatch_uid="accounts.session_stamp")
