from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Cổng thông tin")

    def ready(self):
        from .site_tree import ensure_site_tree_after_migrate

        post_migrate.connect(ensure_site_tree_after_migrate, sender=self)
