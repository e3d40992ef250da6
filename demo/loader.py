"""Loads the base demo: taxonomies, then cooperatives and products through the CSV importer,
then stories, news, the home page and the site settings.

Cooperatives and products are created by `products.importer`, the code path of
`import_catalogue`: every row is checked first and the whole catalogue is written in one
transaction. What the import format does not carry (logos, galleries, classification history,
certificate numbers and dates, product details) comes from the JSON files and is filled in on
each new page before its first revision. A second run changes nothing: the importer finds every
row unchanged, and articles are skipped by slug.
"""

import datetime
import shutil
import tempfile
from pathlib import Path

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Site

from cooperatives.accounts import media_collection
from cooperatives.models import (
    Area,
    ClassificationRecord,
    CooperativeGalleryImage,
    CooperativePage,
)
from home.models import (
    HomeFeaturedProduct,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StoryIndexPage,
    StoryPage,
)
from home.site_tree import ensure_site_tree
from portal.models import PortalImage, PortalSettings
from portal.text import vi_slugify
from products.importer import run_import
from products.importer.deferred import index_once, search_index_deferred
from products.models import Certification, ProductGalleryImage, ProductPage
from search.signals import one_resync

from . import data
from .images import ImageBank, own_copy

PRODUCT_DETAILS = [
    "min_order",
    "monthly_capacity",
    "packaging",
    "shelf_life",
    "export_markets",
    "availability",
    "description",
]


def publish(parent, page):
    """Adds and publishes a page through a revision; Wagtail's indexes are updated once."""
    with search_index_deferred():
        parent.add_child(instance=page)
        # add_child has just run the page's full_clean(), and nothing changed since.
        page.save_revision(clean=False).publish()
    index_once(page)
    return page


class DemoLoader:
    def __init__(self, progress=None):
        self.progress = progress
        self.images = ImageBank()
        self.cooperatives = {c.code: c for c in data.cooperatives()}
        self.products = data.product_details()
        self.today = timezone.localdate()
        self.created = {"cooperatives": 0, "products": 0, "stories": 0, "news": 0}
        self._collections = {}  # cooperative code -> its own collection

    def run(self):
        home = ensure_site_tree()
        self.locale = Locale.objects.get(language_code="vi")
        self._taxonomies()
        self._catalogue()
        self._articles(StoryIndexPage, StoryPage, data.read_json("stories.json"), "stories")
        self._articles(NewsIndexPage, NewsPage, data.read_json("news.json"), "news")
        site = data.read_json("site.json")
        self._home(home, site)
        self._settings(home, site)
        return self.created

    def _taxonomies(self):
        """Areas and certifications carry more than a name (a kind, a description): create
        them before the import, which then finds them by name."""
        taxonomy = data.read_json("taxonomy.json")
        for area in taxonomy["areas"]:
            self._get(Area, area["name"], kind=area["kind"])
        for kind in taxonomy["certifications"]:
            extra = {"is_ocop": kind["is_ocop"], "description": kind["description"]}
            self._get(Certification, kind["name"], **extra)

    def _get(self, model, name, **defaults):
        model.objects.get_or_create(
            slug=vi_slugify(name), locale=self.locale, defaults={"name": name, **defaults}
        )

    def _catalogue(self):
        """The two CSV files and their pictures go through the importer from a scratch folder:
        the image column names files beside the CSV."""
        with tempfile.TemporaryDirectory(prefix="htx-demo-") as folder:
            folder = Path(folder)
            for path in (data.COOPERATIVES_CSV, data.PRODUCTS_CSV):
                shutil.copy(path, folder / path.name)
            # Logos too, so that every picture is drawn, stored and indexed in one go.
            self.images.prepare(self.cooperatives.values())
            self.images.export(folder / "anh")
            # The portal's product search is synced once for the whole catalogue, not per page.
            with transaction.atomic(), one_resync():
                report = run_import(
                    folder / data.COOPERATIVES_CSV.name,
                    folder / data.PRODUCTS_CSV.name,
                    progress=self.progress,
                    on_create=self._fill_in,
                )
            self._logos_to_own_collections()
        for kind in ("cooperatives", "products"):
            self.created[kind] = report.stats.get((kind, "created"), 0)

    def _collection(self, code):
        """The cooperative's own collection (its products' photos go there)."""
        if code not in self._collections:
            page = CooperativePage.objects.get(code__iexact=code, locale=self.locale)
            self._collections[code] = media_collection(page)
        return self._collections[code]

    def _logos_to_own_collections(self):
        """A logo is drawn before its cooperative's page exists; it moves in afterwards."""
        for page in CooperativePage.objects.filter(locale=self.locale, logo__isnull=False):
            logo = PortalImage.objects.filter(pk=page.logo_id, collection=self.images.shared)
            logo.update(collection=self._collection(page.code))

    def _fill_in(self, page, row):
        if isinstance(page, CooperativePage):
            self._fill_in_cooperative(page, self.cooperatives[row.code])
        elif (details := self.products.get((row.cooperative_code, row.name))) is not None:
            self._fill_in_product(page, details, self._collection(row.cooperative_code))

    def _fill_in_cooperative(self, page, coop: data.Cooperative):
        page.body = coop.body
        page.logo = self.images.logo(coop)
        page.gallery_images = [
            CooperativeGalleryImage(image=self.images.picture(g["picture"]), caption=g["caption"])
            for g in coop.gallery
        ]
        page.classifications = [
            ClassificationRecord(year=c["year"], rating=c["rating"]) for c in coop.classifications
        ]

    def _fill_in_product(self, page, details, collection):
        for name in PRODUCT_DETAILS:
            setattr(page, name, details[name])
        # The importer put the CSV's picture first; the data lists the whole gallery.
        page.gallery_images = [
            ProductGalleryImage(
                image=own_copy(self.images.picture(g["picture"]), collection),
                alt_text=g["alt_text"],
            )
            for g in details["gallery"]
        ]
        certificates = {c["certification"]: c for c in details["certificates"]}
        for record in page.certifications.all():
            certificate = certificates[record.certification.name]
            record.number, record.issuer = certificate["number"], certificate["issuer"]
            record.valid_until = self.today + datetime.timedelta(days=certificate["valid_days"])

    def _articles(self, index_model, model, articles, counter):
        index = index_model.objects.get(locale=self.locale)
        existing = set(index.get_children().values_list("slug", flat=True))
        for article in articles:
            if vi_slugify(article["title"]) in existing:
                continue
            with transaction.atomic():
                publish(index, self._article(model, article))
            self.created[counter] += 1

    def _article(self, model, article):
        page = model(
            title=article["title"],
            slug=vi_slugify(article["title"]),
            date=datetime.date.fromisoformat(article["date"]),
            intro=article["intro"],
            image=self.images.picture(article["image"]),
            body=[(kind, value) for kind, value in article["body"]],
        )
        if codes := article.get("cooperatives"):
            page.cooperatives = list(
                CooperativePage.objects.filter(code__in=codes, locale=self.locale)
            )
        if tags := article.get("tags"):
            page.tags.add(*tags)
        return page

    @transaction.atomic
    def _home(self, home: HomePage, site):
        home = HomePage.objects.get(pk=home.pk)
        changed = False
        if home.hero_image_id is None:
            home.hero_image = self.images.picture(site["hero_image"])
            changed = True
        if not home.featured_products.exists():
            picks = _featured(self.locale, site["featured_products"])
            home.featured_products = [HomeFeaturedProduct(product=p) for p in picks]
            changed = bool(picks) or changed
        if changed:
            home.save_revision().publish()

    @staticmethod
    def _settings(home, site):
        wagtail_site = Site.objects.filter(root_page=home).first() or Site.objects.get(
            is_default_site=True
        )
        current = PortalSettings.for_site(wagtail_site)
        changed = False
        for name, value in site["settings"].items():
            if not getattr(current, name):
                setattr(current, name, value)
                changed = True
        if not current.footer_links:
            current.footer_links = [
                ("link", {"label": link["label"], "url": link["url"], "page": None})
                for link in site["footer_links"]
            ]
            changed = True
        if changed:
            current.save()


def _featured(locale, limit):
    """Products with a valid OCOP certificate (any products if none): what editors would show."""
    pages = ProductPage.objects.live().filter(locale=locale).order_by("path")
    today = timezone.localdate()
    ocop = pages.filter(
        Q(certifications__valid_until__isnull=True) | Q(certifications__valid_until__gte=today),
        certifications__certification__is_ocop=True,
    ).distinct()
    return list(ocop[:limit]) or list(pages[:limit])
