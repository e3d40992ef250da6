"""Queries for the home page's lists, each a constant number of queries."""

from products.models import ProductPage, listing_queryset


def latest_pages(model, locale, limit):
    return list(
        model.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("image")
        .prefetch_related("image__renditions")
        .order_by("-date", "-pk")[:limit]
    )


def featured_products(home, limit=8):
    """The editors' picks, topped up with the newest products."""
    picks = list(home.featured_products.values_list("product_id", flat=True)[:limit])
    pages = listing_queryset(ProductPage.objects.filter(locale=home.locale)).select_related(
        "cooperative_page"
    )
    chosen = {p.pk: p for p in pages.filter(pk__in=picks)}
    products = [chosen[pk] for pk in picks if pk in chosen]
    if len(products) < limit:
        newest = pages.exclude(pk__in=picks).order_by("-first_published_at")
        products += list(newest[: limit - len(products)])
    return products
