"""Site-wide models: the image model and the settings editors change in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class PortalImage(AbstractImage):
    """Images with a required-by-habit alt text (Wagtail's `description`)."""

    admin_form_fields = (*Image.admin_form_fields,)

    class Meta(AbstractImage.Meta):
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class FooterLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Nhãn"))
    url = blocks.URLBlock(label=_("Địa chỉ"), required=False)
    page = blocks.PageChooserBlock(label=_("Hoặc trang"), required=False)

    class Meta:
        icon = "link"
        label = _("Liên kết")


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    portal_name = models.CharField(
        _("tên cổng"), max_length=120, default="Cổng thông tin HTX Hà Nội"
    )
    tagline = models.CharField(
        _("khẩu hiệu"),
        max_length=200,
        blank=True,
        default="Giới thiệu, quảng bá sản phẩm của hợp tác xã Thủ đô",
    )
    alliance_name = models.CharField(
        _("tên cơ quan"), max_length=200, default="Liên minh Hợp tác xã thành phố Hà Nội"
    )
    alliance_address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    alliance_phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    alliance_email = models.EmailField(_("thư điện tử"), blank=True)
    footer_links = StreamField(
        [("link", FooterLinkBlock())], blank=True, verbose_name=_("liên kết chân trang")
    )

    panels = [
        MultiFieldPanel([FieldPanel("portal_name"), FieldPanel("tagline")], heading=_("Cổng")),
        MultiFieldPanel(
            [
                FieldPanel("alliance_name"),
                FieldPanel("alliance_address"),
                FieldPanel("alliance_phone"),
                FieldPanel("alliance_email"),
            ],
            heading=_("Liên hệ của Liên minh HTX"),
        ),
        FieldPanel("footer_links"),
    ]

    class Meta:
        verbose_name = _("cài đặt cổng")
