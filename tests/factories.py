"""Factories for the portal's content. Pages are created under the tree `migrate` builds."""

import datetime
import io

import factory
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.models import Locale

from cooperatives.models import (
    Area,
    ClassificationRecord,
    CooperativeIndexPage,
    CooperativePage,
    Sector,
)
from home.models import HomePage, NewsIndexPage, NewsPage, StoryIndexPage, StoryPage
from portal.models import PortalImage
from products.models import (
    Certification,
    ProductCategory,
    ProductCertification,
    ProductGalleryImage,
    ProductPage,
)


def vi():
    return Locale.objects.get(language_code="vi")


def vi_home():
    return HomePage.objects.get(locale__language_code="vi")


def png_file(name="anh.png", size=(64, 48), color=(40, 120, 60)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "PNG")
    return ImageFile(buffer, name=name)


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PortalImage

    title = factory.Sequence(lambda n: f"Ảnh {n}")
    description = "Ruộng lúa chín vàng"
    file = factory.LazyFunction(png_file)


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector

    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")
    locale = factory.LazyFunction(vi)


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    name = factory.Sequence(lambda n: f"Địa bàn {n}")
    locale = factory.LazyFunction(vi)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductCategory

    name = factory.Sequence(lambda n: f"Danh mục {n}")
    locale = factory.LazyFunction(vi)


class CertificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certification

    name = factory.Sequence(lambda n: f"Chứng nhận {n}")
    locale = factory.LazyFunction(vi)


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_page(parent, page, publish=True):
    parent.add_child(instance=page)
    return _publish(page) if publish else page


def cooperative_index():
    return CooperativeIndexPage.objects.get(locale__language_code="vi")


def make_cooperative(title="HTX Nông nghiệp Thanh Trì", publish=True, ratings=(), **fields):
    fields.setdefault("sector", fields.get("sector") or SectorFactory())
    fields.setdefault("area", fields.get("area") or AreaFactory())
    page = CooperativePage(title=title, **fields)
    page.classifications = [ClassificationRecord(year=y, rating=r) for y, r in ratings]
    return add_page(cooperative_index(), page, publish)


def make_product(
    cooperative, title="Gạo nếp cái hoa vàng", publish=True, image=None, certifications=(), **fields
):
    fields.setdefault("category", fields.get("category") or CategoryFactory())
    fields.setdefault("summary", "Gạo nếp thơm dẻo của vùng ven đô.")
    fields.setdefault("unit", "kg")
    page = ProductPage(title=title, **fields)
    if image is not None:
        page.gallery_images = [ProductGalleryImage(image=image, alt_text="Túi gạo nếp")]
    page.certifications = [ProductCertification(**c) for c in certifications]
    return add_page(cooperative, page, publish)


def make_story(title="HTX kiểu mới ở Đông Anh", cooperatives=(), **fields):
    page = StoryPage(title=title, intro=fields.pop("intro", "Một mô hình tiêu biểu."), **fields)
    page.cooperatives = list(cooperatives)
    return add_page(StoryIndexPage.objects.get(locale__language_code="vi"), page)


def make_news(title="Hội chợ OCOP Hà Nội 2026", tags=(), **fields):
    page = NewsPage(title=title, intro=fields.pop("intro", "Tin về hội chợ."), **fields)
    page.tags.add(*tags)
    return add_page(NewsIndexPage.objects.get(locale__language_code="vi"), page)


def days_from_today(days):
    return datetime.date.today() + datetime.timedelta(days=days)
