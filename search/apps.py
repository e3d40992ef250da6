from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Tìm kiếm sản phẩm")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.health import EXTRA_CHECKS

        from . import document_hooks, signals
        from .backends import elasticsearch_client

        signals.connect()
        document_hooks.connect()  # the documents library (docs/documents.md)
        EXTRA_CHECKS["search"] = elasticsearch_client.health_check
