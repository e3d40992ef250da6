"""The search query: parsed and validated from request parameters, the same for page and API.

`SearchQuery` has a field for the words, one for each parameter of the filters in the registry
(`facets.FILTERS`: `query.area`, `query.price_min`, …) and the order and page; `parse_query`
lets each filter read and validate its own parameters.
"""

from dataclasses import asdict, field, make_dataclass, replace

from django.utils.translation import gettext as _

from .facets import FILTERS, PARAMS, SORTS
from .params import QueryError, integer

MAX_PAGE_SIZE = 48
DEFAULT_PAGE_SIZE = 24
MAX_QUERY_LENGTH = 200
MAX_PAGE = 500


class Query:
    """What a `SearchQuery` can tell and do; its fields are declared below."""

    @property
    def has_filters(self):
        return any(f.active(self) for f in FILTERS)

    @property
    def is_refined(self):
        """Anything beyond the bare catalogue: such pages are not for search engines."""
        return bool(self.q or self.has_filters or self.sort != "relevance" or self.page > 1)

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    def without_filters(self):
        return replace(self, **EMPTY, page=1)

    def filters(self):
        """Active filters as plain data, for the search record and the API."""
        data = asdict(self)
        return {
            k: list(v) if isinstance(v, tuple) else v
            for k, v in data.items()
            if k in PARAMS and v not in ((), "", None)
        }

    def params(self, **changes):
        """Query-string pairs for a URL of this query with `changes` applied."""
        query = replace(self, **changes)
        pairs = []
        if query.q:
            pairs.append(("q", query.q))
        for name in PARAMS:
            value = getattr(query, name)
            if isinstance(value, tuple):
                pairs += [(name, item) for item in value]
            elif value not in ("", None):
                pairs.append((name, value))
        if query.sort != "relevance":
            pairs.append(("sort", query.sort))
        if query.page_size != DEFAULT_PAGE_SIZE:
            pairs.append(("page_size", query.page_size))
        if query.page > 1:
            pairs.append(("page", query.page))
        return pairs


# Each filter's parameters (its `fields()`), with their value when not given.
FILTER_FIELDS = [spec for f in FILTERS for spec in f.fields()]
EMPTY = {name: empty for name, _annotation, empty in FILTER_FIELDS}
SearchQuery = make_dataclass(
    "SearchQuery",
    [
        ("q", str, field(default="")),
        *((name, annotation, field(default=empty)) for name, annotation, empty in FILTER_FIELDS),
        ("sort", str, field(default="relevance")),
        ("page", int, field(default=1)),
        ("page_size", int, field(default=DEFAULT_PAGE_SIZE)),
        ("language", str, field(default="vi")),
    ],
    bases=(Query,),
    frozen=True,
)
SearchQuery.__module__ = __name__
SearchQuery.__doc__ = "A search: the words, every filter's parameters, the order and the page."


def parse_query(params, language="vi"):
    """A `SearchQuery` from request parameters (a QueryDict); raises `QueryError`."""
    q = " ".join((params.get("q") or "").split())
    if len(q) > MAX_QUERY_LENGTH:
        message = _("Từ khóa tìm kiếm dài tối đa %(n)s ký tự.")
        raise QueryError("q", message % {"n": MAX_QUERY_LENGTH})
    sort = (params.get("sort") or "relevance").strip()
    if sort not in SORTS:
        raise QueryError("sort", _("Cách sắp xếp “%(sort)s” không có.") % {"sort": sort[:40]})
    filters = {}
    for f in FILTERS:
        filters.update(f.parse(params))
    return SearchQuery(
        q=q,
        **filters,
        sort=sort,
        page=integer(params, "page", 1, MAX_PAGE, default=1),
        page_size=integer(params, "page_size", 1, MAX_PAGE_SIZE, default=DEFAULT_PAGE_SIZE),
        language=language,
    )
