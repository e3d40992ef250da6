"""Translatable snippets of the catalogue: categories (a tree) and certifications."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.taxonomy import NamedTaxonomy


class ProductCategory(NamedTaxonomy):
    """A category, optionally under a parent ("Gạo" under "Nông sản")."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc nhóm"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta(NamedTaxonomy.Meta):
        verbose_name = _("danh mục sản phẩm")
        verbose_name_plural = _("danh mục sản phẩm")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk:
                raise ValidationError({"parent": _("Một danh mục không thể nằm trong chính nó.")})
            ancestor = ancestor.parent

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name


class Certification(NamedTaxonomy):
    """A kind of certificate: VietGAP, hữu cơ, HACCP, OCOP…"""

    is_ocop = models.BooleanField(
        _("là OCOP"), default=False, help_text=_("Chứng nhận OCOP đi kèm số sao từ 3 đến 5.")
    )
    description = models.TextField(_("mô tả"), blank=True)

    class Meta(NamedTaxonomy.Meta):
        verbose_name = _("loại chứng nhận")
        verbose_name_plural = _("loại chứng nhận")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
