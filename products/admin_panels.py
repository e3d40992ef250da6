"""The catalogue's lists on the Alliance's admin home: products without pictures, products not
updated for a year, certificates expired or about to expire.

Each costs a fixed number of queries (the rows, capped, and their total).
"""

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperatives.admin_panels import ListPanel, Row, capped, default_locale, edit_url

from .models import ProductCertification, ProductGalleryImage, ProductPage

STALE_AFTER = datetime.timedelta(days=365)
EXPIRY_WARNING_DAYS = 60


class ProductsWithoutImagesPanel(ListPanel):
    heading = _("Sản phẩm chưa có ảnh")
    empty = _("Sản phẩm nào cũng có ảnh.")

    def rows_and_total(self):
        has_image = ProductGalleryImage.objects.filter(page=OuterRef("pk"))
        products, total = capped(
            default_locale(ProductPage.objects.filter(~Exists(has_image)))
            .select_related("cooperative_page")
            .order_by("title")
        )
        return [product_row(p) for p in products], total


class StaleProductsPanel(ListPanel):
    heading = _("Sản phẩm không cập nhật quá 12 tháng")
    empty = _("Không có sản phẩm nào quá 12 tháng chưa cập nhật.")

    def rows_and_total(self):
        cutoff = timezone.now() - STALE_AFTER
        products, total = capped(
            default_locale(
                ProductPage.objects.filter(
                    Q(latest_revision_created_at__lt=cutoff)
                    | Q(latest_revision_created_at__isnull=True)
                )
            )
            .select_related("cooperative_page")
            .order_by("latest_revision_created_at", "title")
        )
        return [product_row(p, changed=p.latest_revision_created_at) for p in products], total


class ExpiringCertificationsPanel(ListPanel):
    heading = _("Chứng nhận hết hạn hoặc sắp hết hạn (60 ngày)")
    empty = _("Không có chứng nhận nào sắp hết hạn.")

    def rows_and_total(self):
        today = timezone.localdate()
        horizon = today + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
        records, total = capped(
            ProductCertification.objects.filter(
                valid_until__lte=horizon, page__locale__language_code=settings.LANGUAGE_CODE
            )
            .select_related("page", "certification")
            .order_by("valid_until", "pk")
        )
        rows = [
            Row(
                r.page.title,
                edit_url(r.page_id),
                detail=f"{r.certification.name} {r.number}".strip(),
                note=(_("đã hết hạn %(date)s") if r.valid_until < today else _("hết hạn %(date)s"))
                % {"date": r.valid_until.strftime("%d/%m/%Y")},
            )
            for r in records
        ]
        return rows, total


def product_row(product, changed=None):
    cooperative = product.cooperative_page.title if product.cooperative_page else ""
    note = timezone.localtime(changed).strftime("%d/%m/%Y") if changed else ""
    return Row(product.title, edit_url(product.pk), detail=cooperative, note=note)


ALLIANCE_PANELS = (ProductsWithoutImagesPanel, StaleProductsPanel, ExpiringCertificationsPanel)
