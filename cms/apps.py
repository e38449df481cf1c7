from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _sync_roles_after_last_app(sender, **kwargs):
    # Permissions are created app by app in post_migrate; sync the roles once, after the last
    # installed app has had its permissions created, so every permission a role names exists.
    # (post_migrate is sent only for apps that have a models module.)
    with_models = [c for c in apps.get_app_configs() if c.models_module is not None]
    if sender.label != with_models[-1].label:
        return
    from cms.roles import roles_sync

    roles_sync(using=kwargs.get("using", "default"))


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        post_migrate.connect(_sync_roles_after_last_app, dispatch_uid="cms.roles_sync")
        from cms.page_cache import content_signals_connect

        content_signals_connect()
