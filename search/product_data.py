"""One product's searchable data, built from the page in a constant number of queries.

Both indexes (Elasticsearch and the database fallback's table) and both backends' hits are made
from these dicts, so they cannot disagree about what a product is.
"""

import re

from django.utils import timezone

from portal.text import fold
from products.models import ProductPage, listing_queryset

WORD = re.compile(r"\w+")


def indexable_pages(ids=None):
    """Live, public products with everything a document needs. Drafts never get here."""
    pages = ProductPage.objects.all()
    if ids is not None:
        pages = pages.filter(pk__in=list(ids))
    # A product under an unpublished cooperative is hidden from search with it.
    pages = pages.filter(cooperative_page__live=True)
    # The listing's prefetches minus image renditions, which a document does not need.
    return (
        listing_queryset(pages)
        .select_related("locale", "cooperative_page", "cooperative_page__area")
        .prefetch_related(None)
        .prefetch_related("gallery_images__image", "certifications__certification")
    )


def _image_url(page):
    first = next(iter(page.gallery_images.all()), None)
    return first.image.file.url if first else ""


def _urls(page, coop, known):
    """The product's and its cooperative's URLs; a product's is its cooperative's plus its slug.

    Wagtail's get_url() reverses a URL pattern per call; doing it once per cooperative keeps a
    rebuild fast. `known` caches cooperative URLs for the duration of one batch.
    """
    if coop is None:
        return page.get_url() or "", ""
    if coop.pk not in known:
        known[coop.pk] = coop.get_url() or ""
    coop_url = known[coop.pk]
    return (f"{coop_url}{page.slug}/" if coop_url else page.get_url() or ""), coop_url


def product_data(page, today=None, known_urls=None):
    """The fields of one product, as stored in both indexes."""
    today = today or timezone.localdate()
    certs = [c for c in page.certifications.all() if c.is_valid(today)]
    ocop = [c.ocop_stars for c in certs if c.certification.is_ocop and c.ocop_stars]
    coop = page.cooperative_page
    area = coop.area if coop else None
    category = page.category
    parent = category.parent
    category_names = [category.name, parent.name if parent else ""]
    cert_names = [c.certification.name for c in certs]
    url, coop_url = _urls(page, coop, {} if known_urls is None else known_urls)
    words = [page.title, page.summary, *category_names, coop.title if coop else ""]
    words += [area.name if area else "", *cert_names]
    return {
        "id": page.pk,
        "title": page.title,
        "summary": page.summary,
        "url": url,
        "locale": page.locale.language_code,
        "category": category.slug,
        "category_parent": parent.slug if parent else "",
        "category_name": " ".join(n for n in category_names if n),
        "category_label": category.name,
        "cooperative": coop.slug if coop else "",
        "cooperative_name": coop.title if coop else "",
        "cooperative_url": coop_url,
        "area": area.slug if area else "",
        "area_name": area.name if area else "",
        "certifications": sorted({c.certification.slug for c in certs}),
        "certification_labels": sorted(set(cert_names)),
        "ocop_stars": max(ocop, default=None),
        "price_vnd": page.price_vnd,
        "unit": page.unit,
        "image": _image_url(page),
        "published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "all_text": " ".join(w for w in words if w),
    }


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
    return {
        "language": data["locale"],
        "title": data["title"][:255],
        "title_sort": fold(data["title"])[:255],
        "folded_title": fold(data["title"])[:255],
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
