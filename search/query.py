"""The search query: parsed and validated from request parameters, the same for page and API."""

import re
from dataclasses import asdict, dataclass, field, fields, replace

from django.utils.translation import gettext as _

from .facets import FILTERS, PARAMS, SORTS

MAX_PAGE_SIZE = 48
DEFAULT_PAGE_SIZE = 24
MAX_QUERY_LENGTH = 200
MAX_PAGE = 500
MAX_PRICE = 10_000_000_000
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,120}$")


class QueryError(ValueError):
    """A parameter a buyer (or a client of the API) got wrong; the message is for them."""

    def __init__(self, param, message):
        super().__init__(message)
        self.param = param
        self.message = message


@dataclass(frozen=True)
class SearchQuery:
    q: str = ""
    category: tuple = ()
    area: tuple = ()
    cooperative: str = ""
    certification: tuple = ()
    ocop_min: int | None = None
    price_min: int | None = None
    price_max: int | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    language: str = "vi"
    extra: dict = field(default_factory=dict, compare=False)

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
        bare = {f.name: f.default for f in fields(self) if f.name in PARAMS}
        return replace(self, **bare, page=1)

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


def _integer(params, name, low, high, default=None):
    raw = (params.get(name) or "").strip()
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise QueryError(name, _("“%(name)s” phải là một số nguyên.") % {"name": name}) from None
    if not low <= value <= high:
        raise QueryError(
            name,
            _("“%(name)s” phải nằm trong khoảng từ %(low)s đến %(high)s.")
            % {"name": name, "low": low, "high": high},
        )
    return value


def _slugs(params, name):
    values = []
    for raw in params.getlist(name) if hasattr(params, "getlist") else params.get(name, []):
        value = raw.strip()
        if not value:
            continue
        if not SLUG.match(value):
            message = _("Giá trị “%(value)s” của “%(name)s” không hợp lệ.")
            raise QueryError(name, message % {"value": value[:40], "name": name})
        if value not in values:
            values.append(value)
    if len(values) > 20:
        raise QueryError(name, _("Chọn tối đa 20 giá trị cho “%(name)s”.") % {"name": name})
    return tuple(values)


def parse_query(params, language="vi"):
    """A `SearchQuery` from request parameters (a QueryDict); raises `QueryError`."""
    q = " ".join((params.get("q") or "").split())
    if len(q) > MAX_QUERY_LENGTH:
        message = _("Từ khóa tìm kiếm dài tối đa %(n)s ký tự.")
        raise QueryError("q", message % {"n": MAX_QUERY_LENGTH})
    sort = (params.get("sort") or "relevance").strip()
    if sort not in SORTS:
        raise QueryError("sort", _("Cách sắp xếp “%(sort)s” không có.") % {"sort": sort[:40]})
    cooperative = (params.get("cooperative") or "").strip()
    if cooperative and not SLUG.match(cooperative):
        raise QueryError("cooperative", _("Mã hợp tác xã không hợp lệ."))
    price_min = _integer(params, "price_min", 0, MAX_PRICE)
    price_max = _integer(params, "price_max", 0, MAX_PRICE)
    if price_min is not None and price_max is not None and price_min > price_max:
        raise QueryError("price_max", _("Giá tối đa phải lớn hơn hoặc bằng giá tối thiểu."))
    return SearchQuery(
        q=q,
        category=_slugs(params, "category"),
        area=_slugs(params, "area"),
        cooperative=cooperative,
        certification=_slugs(params, "certification"),
        ocop_min=_integer(params, "ocop_min", 1, 5),
        price_min=price_min,
        price_max=price_max,
        sort=sort,
        page=_integer(params, "page", 1, MAX_PAGE, default=1),
        page_size=_integer(params, "page_size", 1, MAX_PAGE_SIZE, default=DEFAULT_PAGE_SIZE),
        language=language,
    )
