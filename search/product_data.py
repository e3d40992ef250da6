"""Products' searchable data, built from plain rows in a constant number of queries per chunk.

Both indexes (Elasticsearch and the database fallback's table) and both backends' hits are made
from these dicts, so they cannot disagree about what a product is.
"""

import re

from django.db.models import Q
from django.utils import timezone
from wagtail.images import get_image_model

from cooperatives.models import CooperativePage
from portal.text import fold
from products.models import (
    ProductCertification,
    ProductGalleryImage,
    ProductPage,
    listing_queryset,
)

WORD = re.compile(r"\w+")


def _indexable(ids=None):
    """Live, public products (the listing's rule) under a live cooperative. Never drafts."""
    pages = ProductPage.objects.all()
    if ids is not None:
        pages = pages.filter(pk__in=list(ids))
    # A product under an unpublished cooperative is hidden from search with it.
    return listing_queryset(pages.filter(cooperative_page__live=True))


def indexable_count():
    return _indexable().count()


def _assemble(row, certs, image, url, coop_url):
    """One product's data from its row, its valid certificates (slug, name, is OCOP, stars),
    its first picture's URL and its URLs: the one place that decides what a product's data is."""
    category_names = [row["category_label"], row["category_parent_name"]]
    cert_names = [name for _, name, _, _ in certs]
    ocop = [stars for _, _, is_ocop, stars in certs if is_ocop and stars]
    words = [row["title"], row["summary"], *category_names, row["cooperative_name"]]
    words += [row["area_name"], *cert_names]
    return {
        "id": row["id"],
        "title": row["title"],
        "summary": row["summary"],
        "url": url,
        "locale": row["locale"],
        "category": row["category"],
        "category_parent": row["category_parent"],
        "category_name": " ".join(n for n in category_names if n),
        "category_label": row["category_label"],
        "cooperative": row["cooperative"],
        "cooperative_name": row["cooperative_name"],
        "cooperative_url": coop_url,
        "area": row["area"],
        "area_name": row["area_name"],
        "certifications": sorted({slug for slug, _, _, _ in certs}),
        "certification_labels": sorted(set(cert_names)),
        "ocop_stars": max(ocop, default=None),
        "price_vnd": row["price_vnd"],
        "unit": row["unit"],
        "image": image,
        "published_at": row["published_at"],
        "last_published_at": row["last_published_at"],
        "all_text": " ".join(w for w in words if w),
    }


# The columns a product's data is read from, as one values() query: no model instances.
ROW_FIELDS = {
    "id": "pk",
    "title": "title",
    "slug": "slug",
    "summary": "summary",
    "locale": "locale__language_code",
    "category": "category__slug",
    "category_label": "category__name",
    "category_parent": "category__parent__slug",
    "category_parent_name": "category__parent__name",
    "cooperative_id": "cooperative_page_id",
    "cooperative": "cooperative_page__slug",
    "cooperative_name": "cooperative_page__title",
    "area": "cooperative_page__area__slug",
    "area_name": "cooperative_page__area__name",
    "price_vnd": "price_vnd",
    "unit": "unit",
    "published_at": "first_published_at",
    "last_published_at": "last_published_at",
}
NULLABLE_TEXT = ("category_parent", "category_parent_name", "area", "area_name")


def product_datas(ids=None, size=2000, today=None):
    """The data of the indexable products among `ids` (all when None), in chunks of `size`.

    Each chunk is three queries (the pages with their cooperative, area, category and locale;
    their first pictures; their certificates) plus one for new cooperatives' URLs, and builds
    dicts, never model instances: a rebuild reads thousands of products per second, and a page
    of search hits costs the same few queries.
    """
    today = today or timezone.localdate()
    pages = _indexable(ids).prefetch_related(None)
    all_ids = list(pages.order_by("pk").values_list("pk", flat=True))
    coop_urls, image_urls = {}, {}
    for start in range(0, len(all_ids), size):
        chunk = all_ids[start : start + size]
        wanted = set(chunk)
        keys = _keys(chunk)
        found = pages.filter(**keys("pk")).order_by("pk").values_list(*ROW_FIELDS.values())
        rows = [dict(zip(ROW_FIELDS, values, strict=True)) for values in found]
        rows = [row for row in rows if row["id"] in wanted]
        images = _first_images(keys("page_id"), image_urls)
        certs = _valid_certificates(keys("page_id"), today)
        _cooperative_urls({row["cooperative_id"] for row in rows} - coop_urls.keys(), coop_urls)
        datas = []
        for row in rows:
            for name in NULLABLE_TEXT:
                row[name] = row[name] or ""
            coop_url = coop_urls.get(row["cooperative_id"], "")
            url = f"{coop_url}{row['slug']}/" if coop_url else _page_url(row["id"])
            datas.append(_assemble(row, certs.get(row["id"], []), images.get(row["id"], ""), url,
                                   coop_url))  # fmt: skip
        yield datas


SMALL = 200  # up to this many ids (a page of hits) are asked for by name


def _keys(chunk):
    """The filter for a chunk's ids on a given column: by name for a few (a page of search hits,
    wherever they are), by range for a rebuild's thousands (not thousands of parameters)."""
    if len(chunk) <= SMALL:
        return lambda column: {f"{column}__in": chunk}
    return lambda column: {f"{column}__gte": chunk[0], f"{column}__lte": chunk[-1]}


def _first_images(keys, urls):
    """Page id -> URL of its first picture; `urls` caches each file's URL across chunks."""
    url = get_image_model()._meta.get_field("file").storage.url  # the storage's own method
    first = {}
    rows = (
        ProductGalleryImage.objects.filter(**keys)
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "image__file")
    )
    for page_id, name in rows:
        if page_id not in first:
            if name not in urls:
                urls[name] = url(name) if name else ""
            first[page_id] = urls[name]
    return first


def _valid_certificates(keys, today):
    certs = {}
    rows = (
        ProductCertification.objects.filter(**keys)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .order_by("page_id", "sort_order", "pk")
        .values_list(
            "page_id",
            "certification__slug",
            "certification__name",
            "certification__is_ocop",
            "ocop_stars",
        )
    )
    for page_id, *cert in rows:
        certs.setdefault(page_id, []).append(tuple(cert))
    return certs


def _cooperative_urls(ids, known):
    for coop in CooperativePage.objects.filter(pk__in=list(ids)):
        known[coop.pk] = coop.get_url() or ""


def _page_url(pk):
    # Only when the cooperative has no URL (not routable): Wagtail's own answer for the product.
    return ProductPage.objects.get(pk=pk).get_url() or ""


def es_source(data):
    """The Elasticsearch `_source` for one product."""
    return {
        "title": data["title"],
        "title_sort": fold(data["title"]),
        "summary": data["summary"],
        "summary_text": data["summary"],
        "url": data["url"],
        "image": data["image"],
        "unit": data["unit"],
        "locale": data["locale"],
        "category": data["category"],
        "category_path": [s for s in (data["category"], data["category_parent"]) if s],
        "category_name": data["category_name"],
        "category_label": data["category_label"],
        "cooperative": data["cooperative"],
        "cooperative_name": data["cooperative_name"],
        "cooperative_url": data["cooperative_url"],
        "area": data["area"],
        "area_name": data["area_name"],
        "certifications": data["certifications"],
        "certification_labels": data["certification_labels"],
        "ocop_stars": data["ocop_stars"],
        "price_vnd": data["price_vnd"],
        "published_at": _iso(data["published_at"]),
        "last_published_at": _iso(data["last_published_at"]),
        "all_text": data["all_text"],
    }


def _iso(moment):
    # As JSON stores it, so a stored document compares equal to a freshly built one.
    return moment.isoformat() if moment else None


def text_row(data):
    """The database fallback's row for one product (fields of `ProductSearchText`)."""
    certs = data["certifications"]
    folded_title = fold(data["title"])[:255]
    return {
        "language": data["locale"],
        "title": data["title"][:255],
        "title_sort": folded_title,
        "folded_title": folded_title,
        # Words between single spaces, padded, so " word " finds whole words only.
        "folded": f" {' '.join(WORD.findall(fold(data['all_text'])))} ",
        "category": data["category"],
        "category_parent": data["category_parent"],
        "area": data["area"],
        "cooperative": data["cooperative"],
        "certifications": f"|{'|'.join(certs)}|" if certs else "",
        "ocop_stars": data["ocop_stars"],
        "price_vnd": data["price_vnd"],
        "published_at": data["published_at"],
        "last_published_at": data["last_published_at"],
    }
