"""The catalogue page's listing, answered by the search service (a `catalogue_context` hook)."""

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator

from products.models import ProductPage, listing_queryset

from .facets import FACETS, FILTERS, SORTS
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


def _link_facets(results, query, path):
    """Give each facet value the URL that selects or unselects it, keeping everything else."""
    for facet in FACETS:
        for value in results.facets[facet.name]:
            value.url = query_url(path, query, **facet.toggle(query, value), page=1)


@dataclass
class FilterForm:
    """One filter on the page: its declaration (whose `template` renders it), its facet's
    values, linked, and the query's value of it."""

    filter: object
    values: list
    current: object


# Filters with a facet in their fieldsets, in the registry's order; those without one (kept in
# a hidden input) after them.
FORM_ORDER = sorted(FILTERS, key=lambda f: not f.legend)


def filter_forms(results, query):
    return [FilterForm(f, results.facets.get(f.name, []), f.current(query)) for f in FORM_ORDER]


def active_filters(results, query, path):
    """(label, URL without it) for each active filter: the removable chips."""
    return [
        (label, query_url(path, query, **changes, page=1))
        for f in FILTERS
        for label, changes in f.chips(query, results.facets.get(f.name, []))
    ]


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
    # One category chosen: the page is titled with its name.
    chosen = list(page.categories().filter(slug__in=query.category)[:2]) if query.category else []
    path = page.get_url(request=request)
    _link_facets(results, query, path)
    context.update(
        search=results,
        search_query=query,
        search_error=error,
        search_path=path,
        search_chips=active_filters(results, query, path),
        search_filters=filter_forms(results, query),
        search_sorts=[(sort.name, sort.label_for(query)) for sort in SORTS.values()],
        search_clear_url=query_url(path, query.without_filters(), sort="relevance"),
        search_suggestion_url=query_url(path, query, q=results.suggestion, page=1),
        search_unfiltered_url=query_url(path, query.without_filters()),
        search_first_page_url=query_url(path, query, page=1),
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
