"""Translatable taxonomies a visitor sees: sectors and areas."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

from portal.text import fold, vi_slugify


class NamedTaxonomy(TranslatableMixin, models.Model):
    name = models.CharField(_("tên"), max_length=120)
    slug = models.SlugField(_("đường dẫn"), max_length=120, blank=True, allow_unicode=False)
    folded_name = models.CharField(max_length=120, editable=False, db_index=True)

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or vi_slugify(self.name)
        self.folded_name = fold(self.name)
        super().save(*args, **kwargs)


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
