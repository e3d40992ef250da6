from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    name = "inquiries"
    verbose_name = _("Hỏi mua và báo giá")

    def ready(self):
        post_migrate.connect(_ensure_groups, sender=self)


def _ensure_groups(**kwargs):
    from .access import ensure_trade_desk

    ensure_trade_desk()
