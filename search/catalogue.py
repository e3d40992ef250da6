"""The catalogue page's listing, answered by the search service (a `catalogue_context` hook)."""

from collections.abc import Sequence
from urllib.parse import urlencode

from django.core.paginator import Paginator

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
    context.update(
        search=results,
        search_query=query,
        search_error=error,
        search_path=page.get_url(request=request),
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
