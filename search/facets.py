"""The search contract: every filter, facet and sort, declared once.

`FILTERS` lists what a buyer can narrow the catalogue by. Each declaration says which query
parameters it reads, the field it filters on in Elasticsearch and in the database fallback's
table (`ProductSearchText`), how its facet is counted there, and how its values are labelled.
The Elasticsearch query, the database fallback (ORM and the PostgreSQL statement), the query's
parameters and the OpenAPI document are all derived from it. Within a facet values are OR-ed,
across facets AND-ed; a facet's counts carry every filter but its own (multi-select facets).

Counting is the same for every backend: the database groups rows by a facet's `keys` and each
group is added in with `add(counts, n, row)`; Elasticsearch returns buckets read by
`es_counts`. `values()` turns counts into labelled `FacetValue`s.

A declaration also reads its own parameters (`parse`, with the messages a buyer sees), gives
`SearchQuery` its fields (`fields`), and names the template that renders it on the catalogue
page (`template`, in `templates/search/facets/`) with its `legend`.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Case, CharField, F, Q, Value, When
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from elasticsearch_dsl import A
from elasticsearch_dsl import Q as ES

from cooperatives.models import Area
from products.models import Certification, ProductCategory

from . import params as read
from .results import FacetValue

MAX_FACET_VALUES = 50
LABELS_SECONDS = 60
SLUG_SCHEMA = {"type": "string", "pattern": "^[-a-zA-Z0-9_]{1,120}$"}


# --- labels --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    name: str
    parent: str = ""


def taxonomy_labels(model, language, fresh=False):
    """slug -> Label for every value of a taxonomy: one cache read per search, not a query.

    Editors renaming a category see the new label within a minute.
    """
    key = f"search:labels:{model._meta.label_lower}:{language}"
    labels = None if fresh else cache.get(key)
    if labels is None:
        rows = model.objects.filter(locale__language_code=language)
        if hasattr(model, "parent"):
            pairs = rows.values_list("slug", "name", "parent__slug")
        else:
            pairs = ((slug, name, "") for slug, name in rows.values_list("slug", "name"))
        labels = {slug: Label(name, parent or "") for slug, name, parent in pairs}
        cache.set(key, labels, LABELS_SECONDS)
    return labels


def _labels(model, language, slugs):
    if not slugs:
        return {}
    labels = taxonomy_labels(model, language)
    if not set(slugs) <= labels.keys():  # a value added since the cache was filled
        labels = taxonomy_labels(model, language, fresh=True)
    return labels


def _nested(values):
    """Parents first, each followed by its children."""
    ordered = []
    for parent in (v for v in values if not v.parent):
        ordered += [parent, *(v for v in values if v.parent == parent.value)]
    return ordered + [v for v in values if v not in ordered]


# --- the kinds of filter -------------------------------------------------------------------


def _bucket_counts(aggregation):
    """{key: n} of a `terms` aggregation's buckets."""
    return {b["key"]: b["doc_count"] for b in aggregation["buckets"] if b["doc_count"]}


class _Filter:
    """What every kind shares: the query's fields it adds, and the query's value of it.

    Each kind sets `empty` (the value of a parameter not given) and its `annotation`.
    """

    def fields(self):
        """(name, annotation, default) of the `SearchQuery` fields this filter reads into."""
        return [(param, self.annotation, self.empty) for param in self.params]

    def current(self, query):
        """The query's value of this filter, as its template shows it."""
        return getattr(query, self.params[0])


class _OneValue(_Filter):
    """A filter on one parameter's value, tested on one column with `lookup`."""

    lookup = ""

    @property
    def params(self):
        return (self.param,)

    def active(self, query):
        return bool(getattr(query, self.param))

    def es_clauses(self, query):
        value = getattr(query, self.param)
        return [self.es_clause(value)] if value else []

    def db_condition(self, query):
        value = getattr(query, self.param)
        return Q(**{self.column + self.lookup: value}) if value else Q()


@dataclass(frozen=True)
class Slugs(_Filter):
    """Taxonomy slugs (repeatable parameter): a row matches any of them in any of `columns`.

    `delimited`: the column holds "|a|b|" (several values per product).
    """

    name: str
    es_field: str
    columns: tuple
    taxonomy: type
    legend: str
    description: str
    delimited: bool = False
    size: int = 100
    empty = ()
    annotation = tuple
    template = "search/facets/slugs.html"

    @property
    def params(self):
        return (self.name,)

    def parse(self, params):
        return {self.name: read.slugs(params, self.name)}

    def active(self, query):
        return bool(getattr(query, self.name))

    def es_clauses(self, query):
        chosen = list(getattr(query, self.name))
        return [ES("terms", **{self.es_field: chosen})] if chosen else []

    def db_condition(self, query):
        condition = Q()
        for slug in getattr(query, self.name):
            for column in self.columns:
                test = {f"{column}__contains": f"|{slug}|"} if self.delimited else {column: slug}
                condition |= Q(**test)
        return condition

    def es_aggregation(self):
        return A("terms", field=self.es_field, size=self.size)

    def es_counts(self, aggregation):
        return _bucket_counts(aggregation)

    @property
    def keys(self):
        return self.columns

    def add(self, counts, n, row):
        for column in self.columns:
            raw = row[column] or ""
            for slug in raw.split("|") if self.delimited else [raw]:
                if slug:
                    counts[slug] = counts.get(slug, 0) + n

    def values(self, counts, query):
        selected = getattr(query, self.name)
        labels = _labels(self.taxonomy, query.language, set(counts) | set(selected))

        def value(slug, count):
            label = labels.get(slug, Label(slug))
            return FacetValue(slug, label.name, count, slug in selected, parent=label.parent)

        values = [value(slug, count) for slug, count in counts.items()]
        # Selected values stay visible even with a zero count, so they can be removed.
        values += [value(slug, 0) for slug in selected if slug not in counts]
        values.sort(key=lambda v: (-v.count, v.label))
        return _nested(values[:MAX_FACET_VALUES])

    def toggle(self, query, value):
        values = getattr(query, self.name)
        chosen = value.value
        kept = tuple(v for v in values if v != chosen)
        return {self.name: kept if chosen in values else (*values, chosen)}

    def chips(self, query, values):
        labels = {v.value: v.label for v in values}
        current = getattr(query, self.name)
        return [
            (labels.get(slug, slug), {self.name: tuple(v for v in current if v != slug)})
            for slug in current
        ]

    def openapi(self):
        schema = {"type": "array", "items": SLUG_SCHEMA}
        return [_param(self.name, schema, self.description, style="form", explode=True)]


@dataclass(frozen=True)
class Exact(_OneValue):
    """One value (a slug) the row must have; a filter without a facet."""

    name: str
    es_field: str
    column: str
    description: str
    invalid: str  # the message for a value that is not a slug
    keys = ()
    legend = ""  # no facet: the page keeps it in a hidden input
    empty = ""
    annotation = str
    template = "search/facets/exact.html"

    @property
    def param(self):
        return self.name

    def parse(self, params):
        return {self.name: read.slug(params, self.name, self.invalid)}

    def es_clause(self, value):
        return ES("term", **{self.es_field: value})

    def chips(self, query, values):
        value = getattr(query, self.name)
        return [(value, {self.name: ""})] if value else []

    def openapi(self):
        return [_param(self.name, SLUG_SCHEMA, self.description)]


@dataclass(frozen=True)
class AtLeast(_OneValue):
    """A number the row's value must reach; the facet offers the `steps`, counted cumulatively."""

    name: str
    param: str
    es_field: str
    column: str
    steps: tuple
    label: str  # with %(n)s
    legend: str
    description: str
    low: int
    high: int
    lookup = "__gte"
    empty = None
    annotation = int | None
    template = "search/facets/at_least.html"

    def parse(self, params):
        return {self.param: read.integer(params, self.param, self.low, self.high)}

    @property
    def keys(self):
        return (self.column,)

    def es_clause(self, value):
        return ES("range", **{self.es_field: {"gte": value}})

    def es_aggregation(self):
        return A("terms", field=self.es_field, size=self.high)

    def es_counts(self, aggregation):
        return _bucket_counts(aggregation)

    def add(self, counts, n, row):
        if row[self.column] is not None:
            key = int(row[self.column])
            counts[key] = counts.get(key, 0) + n

    def label_for(self, n):
        return self.label % {"n": n}

    def values(self, counts, query):
        chosen = getattr(query, self.param)
        values = []
        for step in self.steps:
            count = sum(n for value, n in counts.items() if int(value) >= step)
            if count or chosen == step:
                values.append(FacetValue(str(step), self.label_for(step), count, chosen == step))
        return values

    def toggle(self, query, value):
        return {self.param: None if value.selected else int(value.value)}

    def chips(self, query, values):
        at_least = getattr(query, self.param)
        return [(self.label_for(at_least), {self.param: None})] if at_least else []

    def openapi(self):
        schema = {"type": "integer", "minimum": self.low, "maximum": self.high}
        return [_param(self.param, schema, self.description)]


@dataclass(frozen=True)
class Buckets(_Filter):
    """A range between two parameters (inclusive); the facet counts fixed `buckets`:
    (key, label, from, to) with `to` exclusive and None open.

    Labels: the `legend`, the range inputs' `low_label` and `high_label`, `chip(low, high)` for
    the chosen range, `inverted`: the message when the low bound is above the high one.
    """

    name: str
    low_param: str
    high_param: str
    es_field: str
    column: str
    buckets: tuple
    maximum: int
    step: int  # of the range inputs
    legend: str
    low_label: str
    high_label: str
    chip: object
    inverted: str
    descriptions: tuple
    empty = None
    annotation = int | None
    template = "search/facets/buckets.html"

    @property
    def params(self):
        return (self.low_param, self.high_param)

    keys = ("bucket",)  # an annotation of the bucket's key (`annotations()`)

    def parse(self, params):
        low = read.integer(params, self.low_param, 0, self.maximum)
        high = read.integer(params, self.high_param, 0, self.maximum)
        if low is not None and high is not None and low > high:
            raise read.QueryError(self.high_param, self.inverted)
        return {self.low_param: low, self.high_param: high}

    def bounds(self, query):
        return getattr(query, self.low_param), getattr(query, self.high_param)

    current = bounds

    def active(self, query):
        return self.bounds(query) != (None, None)

    def es_clauses(self, query):
        low, high = self.bounds(query)
        bounds = {"gte": low, "lte": high}
        bounds = {k: v for k, v in bounds.items() if v is not None}
        return [ES("range", **{self.es_field: bounds})] if bounds else []

    def db_condition(self, query):
        low, high = self.bounds(query)
        condition = Q()
        if low is not None:
            condition &= Q(**{f"{self.column}__gte": low})
        if high is not None:
            condition &= Q(**{f"{self.column}__lte": high})
        return condition

    def annotations(self):
        whens = []
        for key, _label, low, high in self.buckets:
            test = Q(**{f"{self.column}__isnull": False})
            test &= Q(**{f"{self.column}__gte": low}) if low is not None else Q()
            test &= Q(**{f"{self.column}__lt": high}) if high is not None else Q()
            whens.append(When(test, then=Value(key)))
        return {"bucket": Case(*whens, default=None, output_field=CharField())}

    def es_aggregation(self):
        ranges = [
            {"key": key, **({"from": low} if low else {}), **({"to": high} if high else {})}
            for key, _label, low, high in self.buckets
        ]
        return A("range", field=self.es_field, keyed=True, ranges=ranges)

    def es_counts(self, aggregation):
        return {k: b["doc_count"] for k, b in aggregation["buckets"].items() if b["doc_count"]}

    def add(self, counts, n, row):
        if row["bucket"] is not None:
            counts[row["bucket"]] = counts.get(row["bucket"], 0) + n

    def chosen(self, query):
        """The key of the bucket the query's range equals, if any."""
        low, high = self.bounds(query)
        for key, _label, start, end in self.buckets:
            if (low or 0) == (start or 0) and high == (end - 1 if end else None):
                return key
        return ""

    def values(self, counts, query):
        chosen = self.chosen(query)
        return [
            FacetValue(key, label, counts.get(key, 0), key == chosen, price_min=low,
                       price_max=high - 1 if high else None)
            for key, label, low, high in self.buckets
            if counts.get(key, 0) or key == chosen
        ]  # fmt: skip

    def toggle(self, query, value):
        low, high = (None, None) if value.selected else (value.price_min, value.price_max)
        return {self.low_param: low, self.high_param: high}

    def chips(self, query, values):
        if not self.active(query):
            return []
        return [(self.chip(*self.bounds(query)), {self.low_param: None, self.high_param: None})]

    def openapi(self):
        schema = {"type": "integer", "minimum": 0, "maximum": self.maximum}
        return [
            _param(param, schema, description)
            for param, description in zip(self.params, self.descriptions, strict=True)
        ]


def price_label(low, high):
    low = f"{low:,}".replace(",", ".") if low else ""
    high = f"{high:,}".replace(",", ".") if high is not None else ""
    if low and high:
        return _("Giá %(low)s – %(high)s đ") % {"low": low, "high": high}
    if high:
        return _("Giá đến %(high)s đ") % {"high": high}
    return _("Giá từ %(low)s đ") % {"low": low or "0"}


def _param(name, schema, description, **extra):
    return {"name": name, "in": "query", "required": False, "schema": schema,
            "description": description, **extra}  # fmt: skip


# --- the declarations ----------------------------------------------------------------------

FILTERS = (
    Slugs(
        "category",
        es_field="category_path",  # the category and its parent
        columns=("category", "category_parent"),
        taxonomy=ProductCategory,
        legend=gettext_lazy("Danh mục"),
        description="Category slug; a parent category includes its children.",
    ),
    Slugs(
        "area",
        es_field="area",
        columns=("area",),
        taxonomy=Area,
        legend=gettext_lazy("Địa bàn"),
        description="Area (district or commune) slug of the cooperative.",
    ),
    Slugs(
        "certification",
        es_field="certifications",
        columns=("certifications",),
        taxonomy=Certification,
        legend=gettext_lazy("Chứng nhận"),
        description="Certification slug (any of them matches).",
        delimited=True,
        size=50,
    ),
    Exact(
        "cooperative",
        es_field="cooperative",
        column="cooperative",
        description="Slug of one cooperative.",
        invalid=gettext_lazy("Mã hợp tác xã không hợp lệ."),
    ),
    AtLeast(
        "ocop_stars",
        param="ocop_min",
        es_field="ocop_stars",
        column="ocop_stars",
        steps=(5, 4, 3),
        label=gettext_lazy("OCOP từ %(n)s sao"),
        legend=gettext_lazy("Sao OCOP"),
        description="At least N OCOP stars.",
        low=1,
        high=5,
    ),
    Buckets(
        "price",
        low_param="price_min",
        high_param="price_max",
        es_field="price_vnd",
        column="price_vnd",
        buckets=(
            ("duoi-50000", gettext_lazy("Dưới 50.000 đ"), None, 50_000),
            ("50000-100000", gettext_lazy("50.000 – 100.000 đ"), 50_000, 100_000),
            ("100000-200000", gettext_lazy("100.000 – 200.000 đ"), 100_000, 200_000),
            ("200000-500000", gettext_lazy("200.000 – 500.000 đ"), 200_000, 500_000),
            ("tren-500000", gettext_lazy("Từ 500.000 đ"), 500_000, None),
        ),
        maximum=10_000_000_000,
        step=1000,
        legend=gettext_lazy("Giá (đồng)"),
        low_label=gettext_lazy("Giá từ"),
        high_label=gettext_lazy("Giá đến"),
        chip=price_label,
        inverted=gettext_lazy("Giá tối đa phải lớn hơn hoặc bằng giá tối thiểu."),
        descriptions=("Lowest price in đồng (inclusive).", "Highest price in đồng (inclusive)."),
    ),
)
# The filters a buyer sees counted, in the order of the results' `facets`.
FACETS = tuple(f for f in FILTERS if f.keys)
PARAMS = tuple(param for f in FILTERS for param in f.params)
# Columns a database group is keyed by, every facet's together (the PostgreSQL statement).
KEYS = tuple(key for f in FACETS for key in f.keys)


def annotations():
    """Columns computed from the table that facets group by (the price bucket)."""
    return {k: v for f in FACETS if hasattr(f, "annotations") for k, v in f.annotations().items()}


def add_group(counts, n, row, names):
    """Add a group of `n` rows (`row`: its KEYS) to the counts of the facets named."""
    for facet in FACETS:
        if facet.name in names:
            facet.add(counts[facet.name], n, row)


def count_groups(groups, flags):
    """(total, counts) from groups of rows, each a dict of the KEYS, the `flags` (one per active
    filter, `f_<filter>`: do its rows pass it?) and `n`: the one rule of the database's counts.

    A group passing every filter counts in the total and in every facet; a group failing one
    filter still counts in that filter's own facet (values the buyer may add), never elsewhere.
    """
    total, counts = 0, {f.name: {} for f in FACETS}
    every = [f.name for f in FACETS]
    for row in groups:
        failed = [name.removeprefix("f_") for name in flags if not row[name]]
        total += 0 if failed else row["n"]
        if len(failed) <= 1:
            add_group(counts, row["n"], row, failed or every)
    return total, counts


def build_facets(raw, query):
    """Labelled facet values from raw counts, {facet: {key: n}}, whichever backend counted."""
    return {f.name: f.values(raw.get(f.name, {}), query) for f in FACETS}


# --- sorts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sort:
    """Order by `field` (None: relevance, the score), missing values last, then title and id."""

    name: str
    field: str | None = None
    descending: bool = False
    label: str = ""
    browse_label: str = ""  # shown instead when there are no words to be relevant to

    def label_for(self, query):
        return self.browse_label if self.browse_label and not query.q else self.label

    def es(self):
        if self.field is None:
            return ["_score", "title_sort"]
        order = "desc" if self.descending else "asc"
        return [{self.field: {"order": order, "missing": "_last"}}, "title_sort"]

    def _first(self, score):
        """(column, descending): relevance is the score, highest first."""
        return (score, True) if self.field is None else (self.field, self.descending)

    def orm(self, score="score"):
        """`order_by()` arguments; `score=None` where rows have no score (browsing)."""
        column, descending = self._first(score)
        if column is None:
            return ["title_sort", "page_id"]
        first = F(column).desc(nulls_last=True) if descending else F(column).asc(nulls_last=True)
        return [first, "title_sort", "page_id"]

    def sql(self, table, collate=' COLLATE "C"'):
        """ORDER BY of the statements; `collate`: how titles compare byte by byte, as
        Django's order does (PostgreSQL's "C"; SQLite's default, BINARY, needs none)."""
        column, descending = self._first("score")
        direction = "DESC" if descending else "ASC"
        return (
            f"{table}.{column} {direction} NULLS LAST, {table}.title_sort{collate}, {table}.page_id"
        )


SORTS = {
    sort.name: sort
    for sort in (
        Sort(
            "relevance",
            label=gettext_lazy("Phù hợp nhất"),
            browse_label=gettext_lazy("Tên A–Z"),
        ),
        Sort("price_asc", "price_vnd", label=gettext_lazy("Giá thấp đến cao")),
        Sort("price_desc", "price_vnd", descending=True, label=gettext_lazy("Giá cao đến thấp")),
        Sort("newest", "published_at", descending=True, label=gettext_lazy("Mới nhất")),
    )
}
