"""Adds thousands of live product pages fast, for benchmarks: no revisions, no signals.

Wagtail's Page is a treebeard MP_Node (4-character steps in base 36), so the paths are
computed here: each new product takes the step after its cooperative's last child. Page rows go
in with bulk_create; the ProductPage rows of the multi-table child are inserted with the
queryset's batched insert (what bulk_create does for a plain model), then gallery and
certificate rows, and each cooperative's numchild is raised by what it got. One transaction per
chunk keeps the tree valid after every chunk.

Bulk products have no revision history and are not in Wagtail's own search index; run
`manage.py update_index` (and the portal's search rebuild) afterwards if a benchmark needs them.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Locale, Page

from cooperatives.models import CooperativePage
from products.importer.taxonomy import Taxonomies
from products.models import ProductCertification, ProductGalleryImage, ProductPage

from . import data
from .generate import bulk_title, compose
from .images import ImageBank


@dataclass
class Parent:
    """A cooperative receiving products: where its next child goes."""

    page: CooperativePage
    coop: data.Cooperative
    next_step: int
    added: int = 0  # products given so far in this run, for varied names


def _parents(locale):
    by_code = {c.code: c for c in data.cooperatives()}
    pages = CooperativePage.objects.filter(locale=locale, code__in=by_code).order_by("code")
    parents = []
    for page in pages:
        last = (
            Page.objects.filter(path__startswith=page.path, depth=page.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        parents.append(Parent(page, by_code[page.code], step, added=page.numchild))
    return parents


class BulkLoader:
    def __init__(self, locale):
        self.locale = locale
        self.parents = _parents(locale)
        if not self.parents:
            raise RuntimeError("Chưa có hợp tác xã mẫu: chạy bản mẫu trước.")
        self.content_type = ContentType.objects.get_for_model(ProductPage)
        taxonomies = Taxonomies(locale)  # the import's own matching by name
        categories = data.categories().values()
        self.categories = {c.key: taxonomies.category(c.path) for c in categories}
        self.certifications = {
            c["name"]: taxonomies.certification(c["name"]) for c in data.certifications().values()
        }
        bank = ImageBank()
        self.images = {c.key: bank.category_set(c) for c in categories}
        self.taken = set(ProductPage.objects.filter(locale=locale).values_list("slug", flat=True))
        self.now = timezone.now()
        self.today = timezone.localdate()

    def _plan(self, serial, count):
        """(parent, spec) for `count` products, cooperatives in turn."""
        for i in range(serial, serial + count):
            parent = self.parents[i % len(self.parents)]
            category, title = bulk_title(parent.coop, parent.added)
            spec = compose(
                parent.coop, category, title, seed=f"bulk-{parent.added}", today=self.today
            )
            parent.added += 1
            spec.slug = self._free_slug(spec.slug, i)
            yield parent, spec

    def _free_slug(self, slug, serial):
        candidate = f"{slug}-{serial}"
        while candidate in self.taken:
            serial += 1_000_000
            candidate = f"{slug}-{serial}"
        self.taken.add(candidate)
        return candidate

    def _page(self, parent, spec, serial):
        path = Page._get_path(parent.page.path, parent.page.depth + 1, parent.next_step)
        parent.next_step += 1
        published = self.now - datetime.timedelta(minutes=serial % 525_600)
        return Page(
            path=path,
            depth=parent.page.depth + 1,
            numchild=0,
            translation_key=uuid.uuid4(),
            locale=self.locale,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            title=spec.title,
            draft_title=spec.title,
            slug=spec.slug,
            content_type=self.content_type,
            url_path=f"{parent.page.url_path}{spec.slug}/",
        )

    @transaction.atomic
    def add_chunk(self, serial, count):
        planned = list(self._plan(serial, count))
        pages = [self._page(p, s, serial + n) for n, (p, s) in enumerate(planned)]
        Page.objects.bulk_create(pages)
        ids = _ids(pages)
        products = [
            ProductPage(
                page_ptr_id=ids[page.path],
                category=self.categories[spec.category.key],
                cooperative_page_id=parent.page.pk,
                **spec.fields,
            )
            for page, (parent, spec) in zip(pages, planned, strict=True)
        ]
        fields = ProductPage._meta.local_concrete_fields
        ProductPage.objects.all()._batched_insert(products, fields, batch_size=None)
        self._children(products, [s for _p, s in planned])
        self._numchild(planned)
        return len(pages)

    def _children(self, products, specs):
        gallery, certs = [], []
        for product, spec in zip(products, specs, strict=True):
            pictures = self.images[spec.category.key]
            gallery += [
                ProductGalleryImage(
                    page_id=product.page_ptr_id,
                    image=pictures[n % len(pictures)],
                    alt_text=alt,
                    sort_order=order,
                )
                for order, (n, alt) in enumerate(spec.images)
            ]
            certs += [
                ProductCertification(
                    page_id=product.page_ptr_id,
                    certification=self.certifications[c.name],
                    number=c.number,
                    issuer=c.issuer,
                    valid_until=c.valid_until,
                    ocop_stars=c.ocop_stars,
                    sort_order=order,
                )
                for order, c in enumerate(spec.certs)
            ]
        ProductGalleryImage.objects.bulk_create(gallery, batch_size=500)
        ProductCertification.objects.bulk_create(certs, batch_size=500)

    @staticmethod
    def _numchild(planned):
        counts = {}
        for parent, _spec in planned:
            counts[parent.page.pk] = counts.get(parent.page.pk, 0) + 1
        for pk, n in counts.items():
            Page.objects.filter(pk=pk).update(numchild=F("numchild") + n)


def _ids(pages):
    """Primary keys by path; bulk_create sets them where the database returns them."""
    if all(p.pk for p in pages):
        return {p.path: p.pk for p in pages}
    rows = Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
    return dict(rows)


def add_bulk_products(total, chunk=1000, on_chunk=None):
    """Adds products until the Vietnamese catalogue has `total`; returns how many were added."""
    locale = Locale.objects.get(language_code="vi")
    existing = ProductPage.objects.filter(locale=locale).count()
    missing = total - existing
    if missing <= 0:
        return 0
    loader = BulkLoader(locale)
    added = 0
    while added < missing:
        n = loader.add_chunk(existing + added, min(chunk, missing - added))
        added += n
        if on_chunk:
            on_chunk(n, missing)
    return added
