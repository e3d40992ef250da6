from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CooperativesConfig(AppConfig):
    name = "cooperatives"
    verbose_name = _("Hợp tác xã")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .login import note_login
        from .workflow import ensure_alliance_setup_after_migrate

        user_logged_in.connect(note_login, dispatch_uid="cooperatives.login.note_login")

        # Runs after portal's handler (earlier in INSTALLED_APPS) has built the index pages.
        post_migrate.connect(ensure_alliance_setup_after_migrate, sender=self)
