from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Trang chủ và tin bài")

    def ready(self):
        from .site_tree import ensure_site_tree_after_migrate

        # The home page and its index pages exist after every migrate, in both locales.
        post_migrate.connect(ensure_site_tree_after_migrate, sender=self)
