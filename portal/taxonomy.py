"""The abstract base of every translatable taxonomy a visitor sees (sectors, areas, categories…)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

from .text import fold, vi_slugify


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
