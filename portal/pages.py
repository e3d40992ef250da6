"""The abstract page every public page type extends."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class BasePage(Page):
    """SEO and sharing fields every public page has."""

    social_image = models.ForeignKey(
        "portal.PortalImage",
        verbose_name=_("ảnh chia sẻ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ảnh hiện khi trang được chia sẻ lên mạng xã hội."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    class Meta:
        abstract = True

    def get_share_image(self):
        """The image shown when the page is shared; page types override with their own."""
        return self.social_image

    def get_meta_description(self):
        return self.search_description
