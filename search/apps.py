from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Tìm kiếm sản phẩm")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.health import EXTRA_CHECKS

        from . import signals
        from .backends import elasticsearch_client

        signals.connect()
        EXTRA_CHECKS["search"] = elasticsearch_client.health_check
