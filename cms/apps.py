from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _sync_roles_after_last_app(sender, **kwargs):
    # Permissions are created app by app in post_migrate; sync the roles once, after the last
    # installed app has had its permissions created, so every permission a role names exists.
    if sender.label != list(apps.get_app_configs())[-1].label:
        return
    from cms.roles import roles_sync

    roles_sync(using=kwargs.get("using", "default"))


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(_sync_roles_after_last_app, dispatch_uid="cms.roles_sync")
