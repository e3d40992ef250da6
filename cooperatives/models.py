"""The cooperative directory: its index page, cooperative pages and classification history."""

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from portal.pages import BasePage
from portal.structured_data import SCHEMA, compact, image_url

from .forms import CooperativePageForm
from .taxonomy import Area, Sector

__all__ = ["Area", "Sector", "CooperativeIndexPage", "CooperativePage", "ClassificationRecord"]

phone_validator = RegexValidator(
    r"^[0-9+() .-]{8,20}$", _("Số điện thoại chỉ gồm chữ số, dấu cách, +, -, (, ) và dấu chấm.")
)


class Kind(models.TextChoices):
    COOPERATIVE = "htx", _("Hợp tác xã")
    UNION = "lien_hiep", _("Liên hiệp hợp tác xã")
    GROUP = "to_hop_tac", _("Tổ hợp tác")


class Rating(models.TextChoices):
    GOOD = "tot", _("Tốt")
    FAIR = "kha", _("Khá")
    AVERAGE = "trung_binh", _("Trung bình")
    WEAK = "yeu", _("Yếu")


class CooperativeIndexPage(BasePage):
    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["cooperatives.CooperativePage"]
    max_count_per_parent = 1
    template = "cooperatives/cooperative_index_page.html"
    page_size = 12

    class Meta:
        verbose_name = _("danh bạ hợp tác xã")

    def get_context(self, request, *args, **kwargs):
        from .directory import DirectoryFilter

        context = super().get_context(request, *args, **kwargs)
        directory = DirectoryFilter(request.GET, locale=self.locale)
        paginator = Paginator(directory.queryset(self), self.page_size)
        context["filters"] = directory
        context["page_obj"] = paginator.get_page(request.GET.get("page"))
        return context


class CooperativePage(BasePage):
    code = models.CharField(
        _("mã HTX"),
        max_length=40,
        blank=True,
        db_index=True,
        help_text=_("Mã trong điều tra của Liên minh HTX; dùng khi nhập dữ liệu từ tệp CSV."),
    )
    kind = models.CharField(
        _("loại hình"), max_length=20, choices=Kind.choices, default=Kind.COOPERATIVE
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="cooperatives"
    )
    area = models.ForeignKey(
        Area, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="cooperatives"
    )
    summary = models.TextField(
        _("giới thiệu ngắn"),
        max_length=400,
        blank=True,
        help_text=_("Một hai câu về hợp tác xã, hiện trong danh bạ và kết quả tìm kiếm."),
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(
        _("điện thoại"), max_length=30, blank=True, validators=[phone_validator]
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    website = models.URLField(_("trang web"), blank=True)
    founded_year = models.PositiveSmallIntegerField(
        _("năm thành lập"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    members = models.PositiveIntegerField(_("số thành viên"), null=True, blank=True)
    logo = models.ForeignKey(
        "portal.PortalImage",
        verbose_name=_("biểu trưng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(
        _("giới thiệu chi tiết"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "image"],
    )
    # Kept in step with the classification history on save, so the directory filters on it.
    latest_rating = models.CharField(
        _("xếp loại gần nhất"), max_length=20, choices=Rating.choices, blank=True, editable=False
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("address"),
        index.FilterField("code"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("code")]),
                FieldRowPanel([FieldPanel("sector"), FieldPanel("area")]),
                FieldRowPanel([FieldPanel("founded_year"), FieldPanel("members")]),
                FieldPanel("summary"),
                FieldPanel("logo"),
            ],
            heading=_("Thông tin chung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("website"),
            ],
            heading=_("Liên hệ"),
        ),
        FieldPanel("body"),
        InlinePanel("gallery_images", label=_("Thư viện ảnh")),
        InlinePanel("classifications", label=_("Lịch sử xếp loại hằng năm")),
    ]
    parent_page_types = ["cooperatives.CooperativeIndexPage"]
    subpage_types = ["products.ProductPage"]
    template = "cooperatives/cooperative_page.html"
    base_form_class = CooperativePageForm

    class Meta:
        verbose_name = _("hợp tác xã")
        verbose_name_plural = _("hợp tác xã")

    def save(self, *args, **kwargs):
        latest = max(self.classifications.all(), key=lambda r: r.year, default=None)
        self.latest_rating = latest.rating if latest else ""
        super().save(*args, **kwargs)

    @cached_property
    def classification_history(self):
        return sorted(self.classifications.all(), key=lambda r: r.year, reverse=True)

    def get_share_image(self):
        return (
            self.social_image
            or self.logo
            or next((g.image for g in self.gallery_images.all()), None)
        )

    def get_meta_description(self):
        return self.search_description or self.summary

    def organization_data(self, request, full=True):
        """The cooperative as a schema.org Organization; `full=False` for a product's seller."""
        data = {
            "@type": "Organization",
            "name": self.title,
            "url": self.get_full_url(request),
            "telephone": self.phone,
            "email": self.email,
        }
        if full:
            data.update(self._organization_details())
        return compact(data)

    def _organization_details(self):
        area = self.area.name if self.area_id else ""
        return {
            "@context": SCHEMA,
            "description": self.summary,
            "logo": image_url(self.logo, "max-600x600"),
            "address": compact(
                {
                    "@type": "PostalAddress",
                    "streetAddress": self.address,
                    "addressLocality": area,
                    "addressRegion": "Hà Nội",
                    "addressCountry": "VN",
                }
            ),
            "foundingDate": str(self.founded_year or ""),
            "areaServed": compact({"@type": "Place", "name": area}) if area else None,
            "sameAs": [self.website] if self.website else None,
            "knowsAbout": self.sector.name if self.sector_id else "",
        }

    def get_structured_data(self, request):
        return [self.organization_data(request)]

    def live_products(self):
        # Through the catalogue's reverse relation: the directory never imports the catalogue.
        return (
            self.product_pages.live()
            .public()
            .select_related("category")
            .prefetch_related("gallery_images__image__renditions", "certifications__certification")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = self.live_products()
        # Newest first by the date the list shows, as on the story index.
        context["stories"] = self.stories.live().public().order_by("-date", "-pk")
        return context


class CooperativeGalleryImage(Orderable):
    page = ParentalKey(CooperativePage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "portal.PortalImage", verbose_name=_("ảnh"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("chú thích"), max_length=200, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class ClassificationRecord(Orderable):
    """The Alliance's yearly classification of a cooperative (Tốt / Khá / Trung bình / Yếu)."""

    page = ParentalKey(CooperativePage, on_delete=models.CASCADE, related_name="classifications")
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    rating = models.CharField(_("xếp loại"), max_length=20, choices=Rating.choices)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("rating")])]

    class Meta(Orderable.Meta):
        verbose_name = _("xếp loại")
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year}: {self.get_rating_display()}"


class CooperativeAccount(models.Model):
    """A cooperative's admin access: its group (page permissions) and its media collection.

    The group goes when access is removed; the collection and the pages stay.
    """

    page = models.OneToOneField(
        CooperativePage,
        verbose_name=_("hợp tác xã"),
        on_delete=models.CASCADE,
        related_name="account",
    )
    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("nhóm quyền"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cooperative_account",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("thư mục ảnh và tài liệu"),
        on_delete=models.PROTECT,
        related_name="cooperative_account",
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    offboarded_at = models.DateTimeField(_("ngày thu hồi quyền"), null=True, blank=True)

    class Meta:
        verbose_name = _("tài khoản hợp tác xã")
        verbose_name_plural = _("tài khoản hợp tác xã")

    def __str__(self):
        return self.page.title

    @property
    def is_active(self):
        return self.group_id is not None
