"""The catalogue page's listing, answered by the search service (a `catalogue_context` hook)."""

from collections.abc import Sequence
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from products.models import ProductPage, listing_queryset

from .query import QueryError, SearchQuery, parse_query
from .service import search_products


class ResultWindow(Sequence):
    """`total` results of which only the current page's are held: what a Paginator needs."""

    def __init__(self, total, offset, items):
        self.total, self.offset, self.items = total, offset, items

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.items if index.start == self.offset else []
        return self.items[index - self.offset]


def _pages_for(hits):
    """The hits' product pages, in hit order, each carrying its hit (for highlights)."""
    pages = listing_queryset(ProductPage.objects.filter(pk__in=[h.id for h in hits]))
    by_id = {p.pk: p for p in pages.select_related("cooperative_page")}
    ordered = []
    for hit in hits:
        page = by_id.get(hit.id)
        if page is not None:
            page.search_hit = hit
            ordered.append(page)
    return ordered


def _toggle(values, value):
    return tuple(v for v in values if v != value) if value in values else (*values, value)


def _link_facets(results, query, path):
    """Give each facet value the URL that selects or unselects it, keeping everything else."""
    for name in ("category", "area", "certification"):
        for value in results.facets[name]:
            changes = {name: _toggle(getattr(query, name), value.value), "page": 1}
            value.url = query_url(path, query, **changes)
    for value in results.facets["ocop_stars"]:
        stars = None if value.selected else int(value.value)
        value.url = query_url(path, query, ocop_min=stars, page=1)
    for value in results.facets["price"]:
        low, high = (None, None) if value.selected else (value.price_min, value.price_max)
        value.url = query_url(path, query, price_min=low, price_max=high, page=1)


def active_filters(results, query, path):
    """(label, URL without it) for each active filter: the removable chips."""
    labels = {
        name: {v.value: v.label for v in results.facets[name]}
        for name in ("category", "area", "certification")
    }
    chips = []
    for name in ("category", "area", "certification"):
        for value in getattr(query, name):
            remaining = tuple(v for v in getattr(query, name) if v != value)
            label = labels[name].get(value, value)
            chips.append((label, query_url(path, query, page=1, **{name: remaining})))
    if query.cooperative:
        chips.append((query.cooperative, query_url(path, query, cooperative="", page=1)))
    if query.ocop_min:
        label = _("OCOP từ %(n)s sao") % {"n": query.ocop_min}
        chips.append((label, query_url(path, query, ocop_min=None, page=1)))
    if query.price_min is not None or query.price_max is not None:
        chips.append(
            (price_label(query), query_url(path, query, price_min=None, price_max=None, page=1))
        )
    return chips


def price_label(query):
    low = f"{query.price_min:,}".replace(",", ".") if query.price_min else ""
    high = f"{query.price_max:,}".replace(",", ".") if query.price_max is not None else ""
    if low and high:
        return _("Giá %(low)s – %(high)s đ") % {"low": low, "high": high}
    if high:
        return _("Giá đến %(high)s đ") % {"high": high}
    return _("Giá từ %(low)s đ") % {"low": low or "0"}


def catalogue_context(page, request, context):
    language = page.locale.language_code
    error = None
    try:
        query = parse_query(request.GET, language=language)
    except QueryError as bad:
        error = bad
        query = SearchQuery(q=" ".join(request.GET.get("q", "").split())[:200], language=language)
    results = search_products(query)
    paginator = Paginator(
        ResultWindow(results.total, query.offset, _pages_for(results.hits)), query.page_size
    )
    number = min(query.page, paginator.num_pages)
    categories = list(page.categories())
    chosen = [c for c in categories if c.slug in query.category]
    path = page.get_url(request=request)
    _link_facets(results, query, path)
    context.update(
        search=results,
        search_query=query,
        search_error=error,
        search_path=path,
        search_chips=active_filters(results, query, path),
        search_clear_url=query_url(path, query.without_filters(), sort="relevance"),
        search_suggestion_url=query_url(path, query, q=results.suggestion, page=1),
        search_unfiltered_url=query_url(path, query.without_filters()),
        search_first_page_url=query_url(path, query, page=1),
        categories=categories,
        category=chosen[0] if len(chosen) == 1 else None,
        page_obj=paginator.page(number),
        page_out_of_range=query.page > paginator.num_pages,
    )
    if query.is_refined or error:
        context["robots"] = "noindex, follow"
    return True


def query_url(path, query, **changes):
    pairs = query.params(**changes)
    return f"{path}?{urlencode(pairs)}" if pairs else path
