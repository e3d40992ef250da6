"""The directory in figures: cooperatives and products by sector and by area, for the chart."""

from dataclasses import dataclass

from django.db.models import Count, Q

from cooperatives.models import Area, CooperativePage, Sector
from products.models import ProductPage


@dataclass
class Bar:
    label: str
    slug: str
    cooperatives: int
    products: int
    share: float  # 0..1 of the largest cooperative count, for the bar length


@dataclass
class Figures:
    cooperatives: int
    products: int
    by_sector: list[Bar]
    by_area: list[Bar]


def _bars(model, locale, limit):
    live_coops = Q(cooperatives__live=True)
    rows = (
        model.objects.filter(locale=locale)
        .annotate(
            n_coops=Count("cooperatives", filter=live_coops, distinct=True),
            n_products=Count(
                "cooperatives__product_pages",
                filter=live_coops & Q(cooperatives__product_pages__live=True),
                distinct=True,
            ),
        )
        .filter(n_coops__gt=0)
        .order_by("-n_coops", "name")[:limit]
    )
    rows = list(rows)
    top = max((r.n_coops for r in rows), default=1)
    return [Bar(r.name, r.slug, r.n_coops, r.n_products, r.n_coops / top) for r in rows]


def directory_figures(locale, limit=12) -> Figures:
    return Figures(
        cooperatives=CooperativePage.objects.live().filter(locale=locale).count(),
        products=ProductPage.objects.live().filter(locale=locale).count(),
        by_sector=_bars(Sector, locale, limit),
        by_area=_bars(Area, locale, limit),
    )
