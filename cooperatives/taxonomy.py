"""Translatable taxonomies a visitor sees: sectors and areas."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.taxonomy import NamedTaxonomy


class Sector(NamedTaxonomy):
    """A line of business: nông nghiệp, thủ công mỹ nghệ, …"""

    class Meta(NamedTaxonomy.Meta):
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Area(NamedTaxonomy):
    """A place in Hanoi: a district, town, ward or commune."""

    class Kind(models.TextChoices):
        URBAN = "quan", _("Quận")
        RURAL = "huyen", _("Huyện")
        TOWN = "thi_xa", _("Thị xã")
        WARD = "phuong", _("Phường")
        COMMUNE = "xa", _("Xã")

    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.RURAL)

    class Meta(NamedTaxonomy.Meta):
        verbose_name = _("địa bàn")
        verbose_name_plural = _("địa bàn")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
