"""Who issues documents, and the fields they deal with: translatable snippets the Alliance keeps."""

from django.utils.translation import gettext_lazy as _

from portal.taxonomy import NamedTaxonomy


class Issuer(NamedTaxonomy):
    class Meta(NamedTaxonomy.Meta):
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class LegalField(NamedTaxonomy):
    class Meta(NamedTaxonomy.Meta):
        verbose_name = _("lĩnh vực văn bản")
        verbose_name_plural = _("lĩnh vực văn bản")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
