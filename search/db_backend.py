"""The database fallback: the same contract as Elasticsearch, on `ProductSearchText`.

Matching is on folded words, so it ignores accents everywhere. Typos are corrected against the
catalogue's vocabulary; on PostgreSQL `pg_trgm` word similarity also catches them, and words are
matched with full-text search (`unaccent`, GIN indexes, see the search migrations).
"""

import html
import math
import re

from django.db import connection
from django.db.models import BooleanField, Case, Count, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

from portal.text import fold
from products.models import Certification

from . import vocabulary
from .facets import build_facets
from .models import ProductSearchText, Synonym
from .product_data import indexable_pages, product_data
from .results import PRICE_RANGES, SearchResults, hit_from_data

WORD = re.compile(r"\w+")


def is_postgres():
    return connection.vendor == "postgresql"


def query_terms(q, language):
    """Folded query words, each with the words that may stand for it (synonyms, corrections)."""
    synonyms = Synonym.alternatives()
    terms = []
    for token in WORD.findall(fold(q)):
        alternatives = {token} | synonyms.get(token, set())
        alternatives |= set(vocabulary.corrections(token, language))
        terms.append((token, sorted(alternatives)))
    return terms


def _word(alternative):
    if is_postgres():
        return RawSQL(
            "to_tsvector('simple', folded) @@ phraseto_tsquery('simple', unaccent(%s))",
            [alternative],
            output_field=BooleanField(),
        )
    return Q(folded__contains=f" {alternative} ")


def _term_condition(token, alternatives):
    condition = Q()
    for alternative in alternatives:
        condition |= Q(_word(alternative))
    if is_postgres() and len(token) >= 4:
        condition |= Q(RawSQL("%s <%% folded", [token], output_field=BooleanField()))
    return condition


def required_terms(n):
    """Like Elasticsearch's minimum_should_match "2<75%"."""
    return n if n <= 2 else math.floor(n * 0.75)


def text_filter(rows, terms):
    """Rows matching enough of the query's words, annotated with a relevance score."""
    if not terms:
        return rows.annotate(score=Value(0, output_field=IntegerField()))
    conditions = [_term_condition(token, alts) for token, alts in terms]
    hits = [Case(When(c, then=1), default=0, output_field=IntegerField()) for c in conditions]
    title_hits = [
        Case(When(folded_title__contains=token, then=2), default=0, output_field=IntegerField())
        for token, _alts in terms
    ]
    phrase = " ".join(token for token, _alts in terms)
    exact = Case(
        When(folded_title__startswith=phrase, then=4), default=0, output_field=IntegerField()
    )
    if len(conditions) <= 2:
        for condition in conditions:
            rows = rows.filter(condition)
    else:
        rows = rows.alias(matched=sum(hits[1:], hits[0])).filter(
            matched__gte=required_terms(len(conditions))
        )
    return rows.annotate(score=sum(title_hits[1:] + hits, title_hits[0]) + exact)


def filter_conditions(query):
    price = Q()
    if query.price_min is not None:
        price &= Q(price_vnd__gte=query.price_min)
    if query.price_max is not None:
        price &= Q(price_vnd__lte=query.price_max)
    certs = Q()
    for slug in query.certification:
        certs |= Q(certifications__contains=f"|{slug}|")
    cats = Q(category__in=query.category) | Q(category_parent__in=query.category)
    return {
        "category": cats if query.category else Q(),
        "area": Q(area__in=query.area) if query.area else Q(),
        "certification": certs,
        "ocop_stars": Q(ocop_stars__gte=query.ocop_min) if query.ocop_min else Q(),
        "price": price,
        "cooperative": Q(cooperative=query.cooperative) if query.cooperative else Q(),
    }


def _all_but(conditions, name):
    combined = Q()
    for facet, condition in conditions.items():
        if facet != name:
            combined &= condition
    return combined


def _category_counts(rows):
    counts = {}
    for row in rows.values("category", "category_parent").annotate(n=Count("pk")).order_by():
        counts[row["category"]] = counts.get(row["category"], 0) + row["n"]
        if row["category_parent"]:
            parent = row["category_parent"]
            counts[parent] = counts.get(parent, 0) + row["n"]
    return counts


def _grouped(rows, field):
    pairs = rows.values_list(field).annotate(n=Count("pk")).order_by()
    return {value: n for value, n in pairs if value not in (None, "") and n}


def _certification_counts(rows, language):
    slugs = list(
        Certification.objects.filter(locale__language_code=language).values_list("slug", flat=True)
    )
    if not slugs:
        return {}
    counts = rows.aggregate(
        **{
            f"c{i}": Count("pk", filter=Q(certifications__contains=f"|{slug}|"))
            for i, slug in enumerate(slugs)
        }
    )
    return {slug: counts[f"c{i}"] for i, slug in enumerate(slugs) if counts[f"c{i}"]}


def _price_counts(rows):
    ranges = {}
    for key, low, high in PRICE_RANGES:
        condition = Q(price_vnd__isnull=False)
        if low is not None:
            condition &= Q(price_vnd__gte=low)
        if high is not None:
            condition &= Q(price_vnd__lt=high)
        ranges[key] = Count("pk", filter=condition)
    return {key: n for key, n in rows.aggregate(**ranges).items() if n}


def raw_facets(matched, conditions, language):
    return {
        "category": _category_counts(matched.filter(_all_but(conditions, "category"))),
        "area": _grouped(matched.filter(_all_but(conditions, "area")), "area"),
        "certification": _certification_counts(
            matched.filter(_all_but(conditions, "certification")), language
        ),
        "ocop_stars": _grouped(matched.filter(_all_but(conditions, "ocop_stars")), "ocop_stars"),
        "price": _price_counts(matched.filter(_all_but(conditions, "price"))),
    }


ORDER = {
    "relevance": [F("score").desc(), "title_sort", "page_id"],
    "price_asc": [F("price_vnd").asc(nulls_last=True), "title_sort", "page_id"],
    "price_desc": [F("price_vnd").desc(nulls_last=True), "title_sort", "page_id"],
    "newest": [F("published_at").desc(nulls_last=True), "title_sort", "page_id"],
}
ORDER_BARE = ["title_sort", "page_id"]


def mark(text, words):
    """`text`, HTML-escaped, with every word whose folded form is in `words` in <mark>."""
    parts = []
    for piece in re.split(r"(\w+)", text):
        escaped = html.escape(piece)
        parts.append(f"<mark>{escaped}</mark>" if piece and fold(piece) in words else escaped)
    return "".join(parts)


def _hits(ids, terms):
    datas = {page.pk: product_data(page) for page in indexable_pages(ids)}
    words = {alt for _token, alts in terms for alt in alts}
    hits = []
    for pk in ids:
        data = datas.get(pk)
        if data is None:
            continue  # unpublished since the table was written
        marks = {}
        for name in ("title", "summary"):
            marked = mark(data[name], words) if words else ""
            if "<mark>" in marked:
                marks[name] = marked
        hits.append(hit_from_data(data, marks))
    return hits


def search(query):
    terms = query_terms(query.q, query.language) if query.q else []
    matched = text_filter(ProductSearchText.objects.filter(language=query.language), terms)
    conditions = filter_conditions(query)
    results = matched.filter(_all_but(conditions, None))
    total = results.count()
    # Without words there is no relevance: the catalogue reads A to Z.
    order = ORDER[query.sort] if terms or query.sort != "relevance" else ORDER_BARE
    ids = list(
        results.order_by(*order).values_list("page_id", flat=True)[
            query.offset : query.offset + query.page_size
        ]
    )
    return SearchResults(
        query=query,
        hits=_hits(ids, terms),
        total=total,
        facets=build_facets(raw_facets(matched, conditions, query.language), query),
        backend="database",
    )


def autocomplete(q, language, size):
    tokens = WORD.findall(fold(q))
    rows = ProductSearchText.objects.filter(language=language)
    for token in tokens:
        starts = Q(folded_title__startswith=token) | Q(folded_title__contains=f" {token}")
        rows = rows.filter(starts)
    rows = rows.annotate(
        first=Case(When(folded_title__startswith=" ".join(tokens), then=0), default=1)
    ).order_by("first", "title_sort")
    pages = list(rows.values_list("page_id", flat=True)[:size])
    datas = {page.pk: product_data(page) for page in indexable_pages(pages)}
    return [
        {"id": pk, "title": d["title"], "url": d["url"], "category": d["category_label"]}
        for pk, d in ((pk, datas.get(pk)) for pk in pages)
        if d is not None
    ]
