"""The catalogue: the product index page, product pages and their certification records."""

import datetime

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from cooperatives.models import CooperativePage
from portal.pages import BasePage
from portal.structured_data import SCHEMA, compact, image_url

from .fields import MonthsField
from .forms import ProductPageForm
from .taxonomy import Certification, ProductCategory

__all__ = [
    "Certification",
    "ProductCategory",
    "ProductIndexPage",
    "ProductPage",
    "ProductCertification",
    "ProductGalleryImage",
]


class Availability(models.TextChoices):
    IN_STOCK = "san_hang", _("Sẵn hàng")
    SEASONAL = "theo_mua", _("Theo mùa vụ")
    PREORDER = "dat_truoc", _("Nhận đặt trước")
    OUT_OF_STOCK = "tam_het", _("Tạm hết hàng")

    @classmethod
    def schema_url(cls, value):
        """The schema.org ItemAvailability of a value, or None."""
        names = {
            cls.IN_STOCK: "InStock",
            cls.SEASONAL: "LimitedAvailability",
            cls.PREORDER: "PreOrder",
            cls.OUT_OF_STOCK: "OutOfStock",
        }
        return f"{SCHEMA}/{names[value]}" if value in names else None


def listing_queryset(pages):
    """Product pages with everything a product card shows, in a constant number of queries."""
    return (
        pages.live()
        .public()
        .select_related("category", "category__parent")
        .prefetch_related(
            "gallery_images__image__renditions",
            "certifications__certification",
        )
    )


class ProductIndexPage(BasePage):
    """The catalogue at /san-pham/: every live product, browsable by category."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "products/product_index_page.html"

    class Meta:
        verbose_name = _("danh mục sản phẩm (trang)")

    def categories(self):
        return ProductCategory.objects.filter(locale=self.locale).select_related("parent")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The listing is the search service's: products never imports search, search registers
        # this hook (search/wagtail_hooks.py).
        if not any(hook(self, request, context) for hook in hooks.get_hooks("catalogue_context")):
            raise ImproperlyConfigured(
                "No catalogue_context hook answered: the search app lists the catalogue, "
                "add 'search' to INSTALLED_APPS."
            )
        return context


class ProductPage(BasePage):
    category = models.ForeignKey(
        ProductCategory,
        verbose_name=_("danh mục"),
        on_delete=models.PROTECT,
        related_name="products",
    )
    # The parent cooperative, kept in step on save so listings join it without a tree query.
    cooperative_page = models.ForeignKey(
        "cooperatives.CooperativePage",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="product_pages",
    )
    summary = models.TextField(
        _("mô tả ngắn"),
        max_length=300,
        help_text=_("Một hai câu người mua đọc trong danh sách sản phẩm (tối đa 300 ký tự)."),
    )
    description = RichTextField(
        _("mô tả chi tiết"), blank=True, features=["h3", "bold", "italic", "link", "ol", "ul"]
    )
    price_vnd = models.PositiveBigIntegerField(
        _("giá (đồng)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(10_000_000_000)],
        help_text=_("Để trống nếu giá theo thỏa thuận: trang sẽ ghi “Liên hệ”."),
    )
    unit = models.CharField(
        _("đơn vị tính"), max_length=30, help_text=_("Ví dụ: kg, hộp 500 g, chai 500 ml.")
    )
    min_order = models.PositiveIntegerField(
        _("đơn hàng tối thiểu"), null=True, blank=True, help_text=_("Số đơn vị tính.")
    )
    monthly_capacity = models.PositiveIntegerField(
        _("sản lượng mỗi tháng"), null=True, blank=True, help_text=_("Số đơn vị tính.")
    )
    season_months = MonthsField(
        _("tháng thu hoạch / sản xuất"),
        help_text=_("Đánh dấu các tháng có hàng. Để trống nếu có quanh năm."),
    )
    packaging = models.CharField(_("quy cách đóng gói"), max_length=200, blank=True)
    shelf_life = models.CharField(
        _("hạn sử dụng"), max_length=100, blank=True, help_text=_("Ví dụ: 12 tháng.")
    )
    export_markets = models.CharField(
        _("thị trường đã xuất khẩu"),
        max_length=255,
        blank=True,
        help_text=_("Các nước, cách nhau bằng dấu phẩy. Ví dụ: Nhật Bản, Hàn Quốc."),
    )
    availability = models.CharField(
        _("tình trạng"), max_length=20, choices=Availability.choices, default=Availability.IN_STOCK
    )

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.FilterField("category"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("category"),
        FieldPanel("summary"),
        InlinePanel("gallery_images", label=_("Ảnh sản phẩm"), min_num=0),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("price_vnd"), FieldPanel("unit")]),
                FieldRowPanel([FieldPanel("min_order"), FieldPanel("monthly_capacity")]),
                FieldPanel("availability"),
                FieldPanel("season_months"),
            ],
            heading=_("Giá và nguồn cung"),
        ),
        MultiFieldPanel(
            [FieldPanel("packaging"), FieldPanel("shelf_life"), FieldPanel("export_markets")],
            heading=_("Đóng gói và thị trường"),
        ),
        InlinePanel("certifications", label=_("Chứng nhận")),
    ]
    parent_page_types = ["cooperatives.CooperativePage"]
    subpage_types = []
    template = "products/product_page.html"
    base_form_class = ProductPageForm

    class Meta:
        verbose_name = _("sản phẩm")
        verbose_name_plural = _("sản phẩm")

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None:
            self.cooperative_page_id = parent.pk
        super().save(*args, **kwargs)

    @cached_property
    def cooperative(self):
        if self.cooperative_page_id:
            return CooperativePage.objects.select_related("sector", "area", "logo").get(
                pk=self.cooperative_page_id
            )
        return self.get_parent().specific

    @property
    def main_image(self):
        first = next(iter(self.gallery_images.all()), None)
        return first.image if first else None

    @property
    def main_image_alt(self):
        first = next(iter(self.gallery_images.all()), None)
        return first.alt if first else ""

    def valid_certifications(self, on=None):
        return [c for c in self.certifications.all() if c.is_valid(on)]

    @property
    def ocop_stars(self):
        """Stars of the valid OCOP certificate, or None."""
        stars = [c.ocop_stars for c in self.valid_certifications() if c.certification.is_ocop]
        return max(stars, default=None)

    @property
    def export_market_list(self):
        return [m.strip() for m in self.export_markets.split(",") if m.strip()]

    def get_share_image(self):
        return self.social_image or self.main_image

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_structured_data(self, request):
        producer = self.cooperative.organization_data(request, full=False)
        images = [image_url(item.image) for item in self.gallery_images.all()]
        product = {
            "@context": SCHEMA,
            "@type": "Product",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "image": [url for url in images if url],
            "category": self.category.name if self.category_id else "",
            "brand": {"@type": "Brand", "name": self.cooperative.title},
            "manufacturer": producer,
            "offers": self._offer_data(request, producer),
            "hasCertification": [c.get_structured_data() for c in self.valid_certifications()],
            "countryOfOrigin": "VN",
        }
        return [compact(product)]

    def _offer_data(self, request, seller):
        offer = {
            "@type": "Offer",
            "priceCurrency": "VND",
            "price": self.price_vnd,
            "availability": Availability.schema_url(self.availability),
            "url": self.get_full_url(request),
            "seller": seller,
        }
        if self.min_order:
            offer["eligibleQuantity"] = {
                "@type": "QuantitativeValue",
                "minValue": self.min_order,
                "unitText": self.unit,
            }
        return compact(offer)

    def related_products(self, limit=4):
        """The newest other live products of the same category, this cooperative's included."""
        same_category = listing_queryset(
            ProductPage.objects.filter(category=self.category_id, locale=self.locale)
            .exclude(pk=self.pk)
            .select_related("cooperative_page")
        )
        return list(same_category.order_by("-first_published_at")[:limit])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_products"] = self.related_products()
        return context


class ProductGalleryImage(Orderable):
    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "portal.PortalImage", verbose_name=_("ảnh"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("mô tả ảnh"),
        max_length=250,
        blank=True,
        help_text=_("Tả ngắn điều ảnh cho thấy, cho người không xem được ảnh."),
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]

    @property
    def alt(self):
        return self.alt_text or self.image.default_alt_text


class ProductCertification(Orderable):
    """A product's certificate: which kind, its number, issuer and how long it is valid."""

    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="certifications")
    certification = models.ForeignKey(
        Certification, verbose_name=_("loại chứng nhận"), on_delete=models.PROTECT, related_name="+"
    )
    number = models.CharField(_("số chứng nhận"), max_length=80, blank=True)
    issuer = models.CharField(_("cơ quan cấp"), max_length=200, blank=True)
    valid_until = models.DateField(
        _("có hiệu lực đến"), null=True, blank=True, help_text=_("Để trống nếu không thời hạn.")
    )
    ocop_stars = models.PositiveSmallIntegerField(
        _("số sao OCOP"),
        null=True,
        blank=True,
        validators=[MinValueValidator(3), MaxValueValidator(5)],
    )

    panels = [
        FieldRowPanel([FieldPanel("certification"), FieldPanel("ocop_stars")]),
        FieldRowPanel([FieldPanel("number"), FieldPanel("issuer"), FieldPanel("valid_until")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("chứng nhận")

    def clean(self):
        if self.certification_id and self.certification.is_ocop and not self.ocop_stars:
            raise ValidationError({"ocop_stars": _("Chứng nhận OCOP cần số sao từ 3 đến 5.")})
        if self.certification_id and not self.certification.is_ocop and self.ocop_stars:
            raise ValidationError({"ocop_stars": _("Chỉ chứng nhận OCOP mới có số sao.")})

    def is_valid(self, on: datetime.date | None = None) -> bool:
        """Valid unless its valid-until date has passed."""
        on = on or timezone.localdate()
        return self.valid_until is None or self.valid_until >= on

    def get_structured_data(self):
        """The certificate as a schema.org Certification, with its OCOP rating."""
        data = {
            "@type": "Certification",
            "name": self.certification.name,
            "certificationIdentification": self.number,
            "issuedBy": compact({"@type": "Organization", "name": self.issuer}),
            "expires": self.valid_until.isoformat() if self.valid_until else None,
        }
        if self.certification.is_ocop and self.ocop_stars:
            data["certificationRating"] = {
                "@type": "Rating",
                "ratingValue": self.ocop_stars,
                "bestRating": 5,
            }
        return compact(data)

    @property
    def is_expired(self):
        return not self.is_valid()
