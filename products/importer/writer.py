"""Writes checked rows as pages: creates new ones, updates changed ones, leaves the rest alone.

An existing page is compared field by field with its latest revision, so importing the same
files twice saves no revision at all.
"""

from collections import Counter

from django.utils.translation import gettext as _
from wagtail.models import Page

from cooperatives.accounts import media_collection
from cooperatives.models import CooperativeIndexPage, CooperativePage
from portal.models import PortalImage
from portal.text import fold, vi_slugify
from products.models import ProductCertification, ProductGalleryImage, ProductPage

from .deferred import index_all, search_index_deferred
from .images import ImageStore
from .rows import CooperativeRow, Parsed, ProductRow
from .taxonomy import Taxonomies

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class Writer:
    def __init__(self, locale, taxonomies: Taxonomies, draft=False, progress=None, on_create=None):
        self.locale, self.taxonomies, self.draft = locale, taxonomies, draft
        self.progress = progress or (lambda done, total: None)
        self.on_create = on_create or (lambda page, row: None)
        self.images = ImageStore()
        self.stats = Counter()  # ("cooperatives" | "products", outcome) -> count
        self.index = CooperativeIndexPage.objects.get(locale=locale)
        self.cooperatives = {
            page.code.upper(): page
            for page in CooperativePage.objects.filter(locale=locale).exclude(code="")
        }
        self._products = {}  # cooperative pk -> {folded title: ProductPage}
        self._slugs = {}  # parent pk -> slugs of its children
        self._touched = {}  # page pk -> page saved by this run
        self._collections = {}  # cooperative pk -> its own image collection

    def write(self, parsed: Parsed):
        # Each new page is saved three times (add, revision, publish); Wagtail would update its
        # search and reference indexes on every save. Update them once at the end instead.
        total = len(parsed.cooperatives) + len(parsed.products)
        with search_index_deferred():
            for done, row in enumerate([*parsed.cooperatives, *parsed.products], start=1):
                if isinstance(row, CooperativeRow):
                    self.stats["cooperatives", self.cooperative(row)] += 1
                else:
                    self.stats["products", self.product(row)] += 1
                self.progress(done, total)
        # The pages as published, not as the writer's copies saw them.
        pages = Page.objects.filter(pk__in=self.touched_ids).specific()
        index_all([*pages, *self.images.new_images, *self.taxonomies.new_items])

    @property
    def touched_ids(self) -> list[int]:
        return list(self._touched)

    # Cooperatives

    def cooperative(self, row: CooperativeRow) -> str:
        values = {
            **row.fields,
            "code": row.code,
            "sector_id": self.taxonomies.sector(row.sector).pk,
            "area_id": self.taxonomies.area(row.area).pk,
        }
        page = self.cooperatives.get(row.code.upper())
        if page is None:
            page = self._create(self.index, CooperativePage(**values), row)
            self.cooperatives[row.code.upper()] = page
            return CREATED
        latest = page.get_latest_revision_as_object()
        changed = _apply(latest, values)
        page.title = latest.title  # its products' default summary names it
        return self._save(page, latest, changed)

    # Products

    def product(self, row: ProductRow) -> str:
        cooperative = self.cooperatives[row.cooperative_code.upper()]
        values = {**row.fields, "category_id": self.taxonomies.category(row.category).pk}
        if not values.get("summary"):
            values["summary"] = _("%(name)s của %(cooperative)s.") % {
                "name": row.name,
                "cooperative": cooperative.title,
            }
        products = self._products_of(cooperative)
        page = products.get(fold(row.name))
        if page is None:
            page = ProductPage(**values)
            self._set_certifications(page, row)
            self._set_image(page, row)
            products[fold(row.name)] = self._create(cooperative, page, row)
            return CREATED
        if "summary" not in row.fields:
            del values["summary"]  # no description column: keep the page's own summary
        latest = page.get_latest_revision_as_object()
        changed = _apply(latest, values)
        changed = self._set_certifications(latest, row) or changed
        changed = self._set_image(latest, row) or changed
        return self._save(page, latest, changed)

    def _products_of(self, cooperative):
        if cooperative.pk not in self._products:
            pages = ProductPage.objects.child_of(cooperative)
            self._products[cooperative.pk] = {fold(p.title): p for p in pages}
        return self._products[cooperative.pk]

    def _set_certifications(self, page, row: ProductRow) -> bool:
        if row.certifications is None:
            return False
        current = list(page.certifications.all())
        wanted = []
        for name in row.certifications:
            certification = self.taxonomies.certification(name)
            wanted.append((certification, row.ocop_stars if certification.is_ocop else None))
        as_pairs = sorted((c.pk, stars or 0) for c, stars in wanted)
        if sorted((c.certification_id, c.ocop_stars or 0) for c in current) == as_pairs:
            return False
        # Keep number, issuer and validity an editor may have entered for a certificate.
        by_kind = {c.certification_id: c for c in current}
        records = []
        for certification, stars in wanted:
            record = by_kind.get(certification.pk) or ProductCertification(
                certification=certification
            )
            record.ocop_stars = stars
            records.append(record)
        page.certifications = records
        return True

    def _set_image(self, page, row: ProductRow) -> bool:
        """The file's image goes first in the gallery, unless the same file is already there."""
        if row.image is None:
            return False
        gallery = list(page.gallery_images.all())
        ids = [item.image_id for item in gallery]
        hashes = set(PortalImage.objects.filter(pk__in=ids).values_list("file_hash", flat=True))
        if row.image.file_hash in hashes:
            return False
        cooperative = self.cooperatives[row.cooperative_code.upper()]
        image = self.images.image_for(row.image, row.name, self._collection_of(cooperative))
        items = [ProductGalleryImage(image=image), *gallery]
        for order, item in enumerate(items):
            item.sort_order = order
        page.gallery_images = items
        return True

    def _collection_of(self, cooperative):
        """Its photos go in its own collection, so its library shows them."""
        if cooperative.pk not in self._collections:
            self._collections[cooperative.pk] = media_collection(cooperative)
        return self._collections[cooperative.pk]

    # Pages

    def _create(self, parent, page, row):
        page.slug = self._free_slug(parent, page.title)
        page.locale = self.locale
        page.live = not self.draft
        self.on_create(page, row)
        parent.add_child(instance=page)
        # add_child has just run the page's full_clean(), and nothing changed since.
        revision = page.save_revision(clean=False)
        if not self.draft:
            revision.publish()
        self._touched[page.pk] = page
        return page

    def _save(self, page, latest, changed: bool) -> str:
        """Save a revision when something changed; publish unless --draft. A page the import
        created as a draft and never published is published by a later import too."""
        publish_draft = not self.draft and page.first_published_at is None
        if not changed and not publish_draft:
            return UNCHANGED
        revision = latest.save_revision() if changed else page.get_latest_revision()
        if not self.draft:
            revision.publish()
        self._touched[page.pk] = page
        return UPDATED

    def _free_slug(self, parent, title):
        if parent.pk not in self._slugs:
            self._slugs[parent.pk] = set(parent.get_children().values_list("slug", flat=True))
        taken = self._slugs[parent.pk]
        base = vi_slugify(title)[:200] or "trang"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        return slug


def _apply(page, values: dict) -> bool:
    """Set the values that differ; say whether any did."""
    changed = False
    for name, value in values.items():
        if getattr(page, name) != value:
            setattr(page, name, value)
            changed = True
    return changed
