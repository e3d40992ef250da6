"""Publishes the base demo through revisions: taxonomies, cooperatives, products, articles.

Everything is keyed (taxonomies by slug, cooperatives by code, pages by slug under their
parent, images by title) and skipped when it exists, so a second run changes nothing.
"""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Site

from cooperatives.models import (
    Area,
    ClassificationRecord,
    CooperativeIndexPage,
    CooperativePage,
    Sector,
)
from cooperatives.taxonomy import NamedTaxonomy
from home.models import (
    HomeFeaturedProduct,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StoryIndexPage,
    StoryPage,
)
from portal.models import PortalSettings
from home.site_tree import ensure_site_tree
from portal.text import vi_slugify
from products.models import (
    Certification,
    ProductCategory,
    ProductCertification,
    ProductGalleryImage,
    ProductPage,
)

from . import catalogue, editorial, places
from .cooperatives import COOPERATIVES
from .images import ImageBank
from .products import demo_products
from .quiet import index_once, search_index_deferred

RATINGS = ("tot", "kha", "trung_binh", "yeu")


class Taxonomy:
    """The Vietnamese taxonomy rows the demo uses, created on first use."""

    def __init__(self, locale):
        self.locale = locale
        self.areas = {n: self._get(Area, n, kind=k) for n, k in places.AREAS}
        self.sectors = {n: self._get(Sector, n) for n in places.SECTORS}
        self.certifications = {
            key: self._get(Certification, c.name, is_ocop=c.is_ocop, description=c.description)
            for key, c in places.CERTIFICATIONS.items()
        }
        parents = {k: self._get(ProductCategory, n) for k, n in catalogue.PARENTS.items()}
        self.categories = {
            c.key: self._get(ProductCategory, c.name, parent=parents[c.parent])
            for c in catalogue.CATEGORIES
        }

    def _get(self, model: type[NamedTaxonomy], name, **defaults):
        obj, _created = model.objects.get_or_create(
            slug=vi_slugify(name), locale=self.locale, defaults={"name": name, **defaults}
        )
        return obj


def publish(parent, page):
    """Adds and publishes a page through a revision; Wagtail's indexes are updated once."""
    with search_index_deferred():
        parent.add_child(instance=page)
        page.save_revision().publish()
    index_once(page)
    return page


class DemoLoader:
    def __init__(self, log=print):
        self.log = log
        self.images = ImageBank()
        self.created = {"cooperatives": 0, "products": 0, "stories": 0, "news": 0}

    def run(self):
        home = ensure_site_tree()
        self.locale = Locale.objects.get(language_code="vi")
        self.taxonomy = Taxonomy(self.locale)
        index = CooperativeIndexPage.objects.get(locale=self.locale)
        for coop in COOPERATIVES:
            with transaction.atomic():
                page = self._cooperative(index, coop)
                self._products(page, coop)
        self._articles(StoryIndexPage, StoryPage, editorial.STORIES, "stories")
        self._articles(NewsIndexPage, NewsPage, editorial.NEWS, "news")
        self._home(home)
        self._settings(home)
        return self.created

    def _category(self, key):
        return catalogue.BY_KEY[key]

    def _cooperative(self, index, coop):
        page = CooperativePage.objects.filter(code=coop.code, locale=self.locale).first()
        if page is not None:
            return page
        category = self._category(coop.categories[0])
        page = CooperativePage(
            title=coop.name,
            slug=vi_slugify(coop.name),
            code=coop.code,
            kind=coop.kind,
            sector=self.taxonomy.sectors[coop.sector],
            area=self.taxonomy.areas[coop.area],
            summary=f"{coop.name} {coop.about}.",
            address=f"{coop.address}, {coop.area}, Hà Nội",
            phone=coop.phone,
            email=f"lienhe@{coop.domain}",
            website=f"https://{coop.domain}/",
            founded_year=coop.founded,
            members=coop.members,
            logo=self.images.logo(coop, category),
            body=self._cooperative_body(coop),
        )
        page.gallery_images = [
            _gallery(image, f"Sản phẩm tiêu biểu của {coop.name}")
            for image in self.images.category_set(category)[: 2 + coop.number % 2]
        ]
        page.classifications = [
            ClassificationRecord(year=year, rating=rating) for year, rating in _ratings(coop)
        ]
        self.created["cooperatives"] += 1
        return publish(index, page)

    @staticmethod
    def _cooperative_body(coop):
        names = ", ".join(catalogue.BY_KEY[k].name.lower() for k in coop.categories)
        return (
            f"<p>{coop.name} được thành lập năm {coop.founded} tại "
            f"{coop.address}, {coop.area}, với {coop.members} thành viên. Hợp tác xã {coop.about}."
            f"</p><h3>Sản phẩm và dịch vụ</h3><p>Sản phẩm chính: {names}. Hợp tác xã nhận đơn "
            "hàng của cửa hàng, bếp ăn và doanh nghiệp; giao hàng trong nội thành Hà Nội.</p>"
            "<h3>Hoạt động</h3><ul><li>Cung ứng vật tư, giống và hướng dẫn kỹ thuật cho thành "
            "viên</li><li>Thu mua, sơ chế và tiêu thụ sản phẩm chung</li><li>Tham gia hội chợ "
            "và chương trình OCOP của thành phố</li></ul>"
        )

    def _products(self, cooperative, coop):
        existing = set(cooperative.get_children().values_list("slug", flat=True))
        for spec in demo_products(coop):
            if spec.slug in existing:
                continue
            page = ProductPage(
                title=spec.title,
                slug=spec.slug,
                category=self.taxonomy.categories[spec.category.key],
                **spec.fields,
            )
            page.gallery_images = [
                ProductGalleryImage(image=self.images.for_category(spec.category, n), alt_text=alt)
                for n, alt in spec.images
            ]
            page.certifications = [
                ProductCertification(
                    certification=self.taxonomy.certifications[c.key],
                    number=c.number,
                    issuer=c.issuer,
                    valid_until=c.valid_until,
                    ocop_stars=c.ocop_stars,
                )
                for c in spec.certs
            ]
            publish(cooperative, page)
            self.created["products"] += 1

    def _articles(self, index_model, model, articles, counter):
        index = index_model.objects.get(locale=self.locale)
        existing = set(index.get_children().values_list("slug", flat=True))
        for article in articles:
            if vi_slugify(article.title) in existing:
                continue
            with transaction.atomic():
                publish(index, self._article(model, article))
            self.created[counter] += 1

    def _article(self, model, article):
        category = self._category(article.image)
        page = model(
            title=article.title,
            slug=vi_slugify(article.title),
            date=datetime.date(*article.date),
            intro=article.intro,
            image=self.images.for_category(category, len(article.title)),
            body=list(article.body),
        )
        if article.cooperatives:
            page.cooperatives = list(
                CooperativePage.objects.filter(code__in=article.cooperatives, locale=self.locale)
            )
        if article.tags:
            page.tags.add(*article.tags)
        return page

    @transaction.atomic
    def _home(self, home: HomePage):
        home = HomePage.objects.get(pk=home.pk)
        changed = False
        if home.hero_image_id is None:
            category = self._category(editorial.HERO_IMAGE)
            home.hero_image = self.images.for_category(category, 0)
            changed = True
        if not home.featured_products.exists():
            picks = _featured(self.locale, editorial.FEATURED_PRODUCTS)
            home.featured_products = [HomeFeaturedProduct(product=p) for p in picks]
            changed = bool(picks) or changed
        if changed:
            home.save_revision().publish()

    @staticmethod
    def _settings(home):
        site = Site.objects.filter(root_page=home).first() or Site.objects.get(is_default_site=True)
        current = PortalSettings.for_site(site)
        changed = False
        for name, value in editorial.SETTINGS.items():
            if not getattr(current, name):
                setattr(current, name, value)
                changed = True
        if not current.footer_links:
            current.footer_links = [
                ("link", {"label": label, "url": url, "page": None})
                for label, url in editorial.FOOTER_LINKS
            ]
            changed = True
        if changed:
            current.save()


def _gallery(image, caption):
    from cooperatives.models import CooperativeGalleryImage

    return CooperativeGalleryImage(image=image, caption=caption)


def _ratings(coop):
    """Two to four recent years of the Alliance's classification, mostly steady or improving."""
    years = 2 + coop.number % 3
    start = (coop.number * 7) % 3
    return [
        (2024 - i, RATINGS[min(3, max(0, start + (i + coop.number) % 2))]) for i in range(years)
    ]


def _featured(locale, limit):
    """Products with a valid OCOP certificate (any products if none): what editors would show."""
    pages = ProductPage.objects.live().filter(locale=locale).order_by("path")
    today = timezone.localdate()
    ocop = pages.filter(
        Q(certifications__valid_until__isnull=True) | Q(certifications__valid_until__gte=today),
        certifications__certification__is_ocop=True,
    ).distinct()
    return list(ocop[:limit]) or list(pages[:limit])
