"""Facet values with labels, from the raw counts either backend returns.

Raw counts: {"category": {slug: n}, "area": {slug: n}, "certification": {slug: n},
"ocop_stars": {stars: n}, "price": {bucket: n}}. Counts of one facet already reflect the filters
of the other facets (multi-select facets), never its own.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext as _

from cooperatives.models import Area
from products.models import Certification, ProductCategory

from .results import PRICE_LABELS, PRICE_RANGES, FacetValue, price_bucket

MAX_FACET_VALUES = 50


LABELS_SECONDS = 60


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
        if model is ProductCategory:
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


def _slug_facet(counts, labels, selected):
    values = [
        FacetValue(
            value=slug,
            label=labels[slug].name if slug in labels else slug,
            count=count,
            selected=slug in selected,
        )
        for slug, count in counts.items()
    ]
    # Selected values stay visible even with a zero count, so they can be removed.
    values += [
        FacetValue(value=s, label=labels[s].name if s in labels else s, count=0, selected=True)
        for s in selected
        if s not in counts
    ]
    values.sort(key=lambda v: (-v.count, v.label))
    return values[:MAX_FACET_VALUES]


def _category_facet(counts, query):
    labels = _labels(ProductCategory, query.language, set(counts) | set(query.category))
    values = _slug_facet(counts, labels, query.category)
    for value in values:
        category = labels.get(value.value)
        if category is not None:
            value.parent = category.parent
    # Parents first, each followed by its children.
    parents = [v for v in values if not v.parent]
    ordered = []
    for parent in parents:
        ordered.append(parent)
        ordered += [v for v in values if v.parent == parent.value]
    ordered += [v for v in values if v not in ordered]
    return ordered


def _ocop_facet(counts, query):
    values = []
    for stars in (5, 4, 3):
        at_least = sum(n for s, n in counts.items() if s is not None and int(s) >= stars)
        if at_least or query.ocop_min == stars:
            values.append(
                FacetValue(
                    value=str(stars),
                    label=_("OCOP từ %(n)s sao") % {"n": stars},
                    count=at_least,
                    selected=query.ocop_min == stars,
                )
            )
    return values


def _price_facet(counts, query):
    chosen = price_bucket(query)
    return [
        FacetValue(
            value=key,
            label=PRICE_LABELS[key],
            count=counts.get(key, 0),
            selected=key == chosen,
            price_min=low,
            price_max=high - 1 if high else None,
        )
        for key, low, high in PRICE_RANGES
        if counts.get(key, 0) or key == chosen
    ]


def build_facets(raw, query):
    areas = _labels(Area, query.language, set(raw.get("area", {})) | set(query.area))
    certs = _labels(
        Certification, query.language, set(raw.get("certification", {})) | set(query.certification)
    )
    return {
        "category": _category_facet(raw.get("category", {}), query),
        "area": _slug_facet(raw.get("area", {}), areas, query.area),
        "certification": _slug_facet(raw.get("certification", {}), certs, query.certification),
        "ocop_stars": _ocop_facet(raw.get("ocop_stars", {}), query),
        "price": _price_facet(raw.get("price", {}), query),
    }
