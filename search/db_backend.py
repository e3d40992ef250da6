"""The database fallback: the same contract as Elasticsearch, on `ProductSearchText`.

Matching is on folded words, so it ignores accents everywhere. Typos are corrected against the
catalogue's vocabulary; on PostgreSQL `pg_trgm` word similarity also catches them, and words are
matched with full-text search (`unaccent`, GIN indexes, see the search migrations).
"""

import hashlib
import html
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, Case, Count, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

from portal.text import fold
from products.models import Certification

from . import db_facets, vocabulary
from .facets import build_facets
from .models import ProductSearchText, Synonym
from .product_data import indexable_pages, product_data
from .results import FACETS, PRICE_RANGES, SearchResults, hit_from_data

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


TSQUERIES = {}  # folded word -> text of phraseto_tsquery('simple', unaccent(word)), PostgreSQL


def _tsqueries(words):
    """The words' tsqueries, computed once: as constants in the search they are not recomputed
    on every row the index returns (and rechecked)."""
    missing = sorted(set(words) - TSQUERIES.keys())
    if missing:
        if len(TSQUERIES) > 50_000:
            TSQUERIES.clear()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT w, phraseto_tsquery('simple', unaccent(w))::text "
                "FROM unnest(%s::text[]) AS w",
                [missing],
            )
            TSQUERIES.update(cursor.fetchall())
    return TSQUERIES


def _word(alternative, tsqueries=None):
    if tsqueries is not None:
        # folded_tsv: a stored to_tsvector('simple', folded) with a GIN index (migration 0004).
        return RawSQL(
            "folded_tsv @@ %s::tsquery", [tsqueries[alternative]], output_field=BooleanField()
        )
    return Q(folded__contains=f" {alternative} ")


def _similar(token):
    # A word the titles do not know: pg_trgm's word similarity on the title (GIN index).
    return RawSQL("%s <%% folded_title", [token], output_field=BooleanField())


def _similar_ids(token):
    # The same test as a set of ids found once through the index (a hashed subplan), not a
    # similarity computed again on every row.
    rows = ProductSearchText.objects.filter(Q(_similar(token)))
    return Q(page_id__in=rows.values("page_id"))


def _fuzzy(token, known):
    return is_postgres() and len(token) >= 4 and token not in known


def _term_condition(token, alternatives, known, tsqueries=None, similar=_similar):
    condition = Q()
    for alternative in alternatives:
        condition |= Q(_word(alternative, tsqueries))
    if similar is not None and _fuzzy(token, known):
        condition |= Q(similar(token))
    return condition


def required_terms(n):
    """Like Elasticsearch's minimum_should_match "2<75%"."""
    return n if n <= 2 else math.floor(n * 0.75)


def _count(condition, weight=1):
    return Case(When(condition, then=weight), default=0, output_field=IntegerField())


ROW = ("page_id", "category", "category_parent", "area", "cooperative", "certifications",
       "ocop_stars", "price_vnd", "title_sort", "published_at")  # fmt: skip


@dataclass
class Row:
    page_id: int
    category: str
    category_parent: str
    area: str
    cooperative: str
    certifications: str
    ocop_stars: int | None
    price_vnd: int | None
    title_sort: str
    published_at: object
    matched: int = 0
    score: int = 0


def matched_queryset(language, terms):
    """The rows with any (three words or more) or all of the query's words, annotated with
    `matched` (how many words they have) and `title_score` (relevance: matched + title_score).

    The WHERE clause can use the indexes (any word matches); counting words and scoring then
    run on those rows only.
    """
    known = vocabulary.vocabulary(language)
    tsq = _tsqueries(a for _t, alts in terms for a in alts) if is_postgres() else None
    conditions = [_term_condition(token, alts, known, tsq) for token, alts in terms]
    rows = ProductSearchText.objects.filter(language=language)
    if len(conditions) <= 2:
        for condition in conditions:
            rows = rows.filter(condition)
        # Every row has all the words: no need to test them again on each row.
        matched = Value(len(conditions), output_field=IntegerField())
    else:
        # Any word, the (costly) title similarities last: a row with a word never computes them.
        words = [_term_condition(token, alts, known, tsq, None) for token, alts in terms]
        similar = [Q(_similar(token)) for token, _alts in terms if _fuzzy(token, known)]
        rows = rows.filter(reduce(or_, words + similar))
        counted = [_term_condition(t, a, known, tsq, _similar_ids) for t, a in terms]
        matched = sum((_count(c) for c in counted), Value(0))
    phrase = " ".join(token for token, _alts in terms)
    title_words = [_count(Q(folded_title__contains=token), 2) for token, _alts in terms]
    title_score = sum(title_words, Value(0)) + _count(Q(folded_title__startswith=phrase), 4)
    return rows.annotate(matched=matched, title_score=title_score)


def matched_rows(language, terms):
    """Every row with enough of the query's words, scored, in one query (for Python's pass)."""
    rows = matched_queryset(language, terms).values_list(*ROW, "matched", "title_score")
    required = required_terms(len(terms))
    return [
        Row(*values, matched=matched, score=matched + title_score)
        for *values, matched, title_score in rows
        if matched >= required
    ]


def _predicates(query):
    """The query's filters as tests on a Row, one per facet (a facet's values are OR-ed)."""
    tests = {}
    if query.category:
        cats = set(query.category)
        tests["category"] = lambda r: r.category in cats or r.category_parent in cats
    if query.area:
        areas = set(query.area)
        tests["area"] = lambda r: r.area in areas
    if query.certification:
        wanted = [f"|{slug}|" for slug in query.certification]
        tests["certification"] = lambda r: any(w in r.certifications for w in wanted)
    if query.ocop_min:
        tests["ocop_stars"] = lambda r: (r.ocop_stars or 0) >= query.ocop_min
    if query.price_min is not None or query.price_max is not None:
        low = query.price_min or 0
        high = query.price_max

        def in_price(r):
            return (
                r.price_vnd is not None
                and r.price_vnd >= low
                and (high is None or r.price_vnd <= high)
            )

        tests["price"] = in_price
    if query.cooperative:
        tests["cooperative"] = lambda r: r.cooperative == query.cooperative
    return tests


def _price_key(price):
    for key, low, high in PRICE_RANGES:
        if (low is None or price >= low) and (high is None or price < high):
            return key
    return None


def _count_row(counts, facet, r):
    if facet == "category":
        counts["category"][r.category] += 1
        if r.category_parent:
            counts["category"][r.category_parent] += 1
    elif facet == "area" and r.area:
        counts["area"][r.area] += 1
    elif facet == "certification":
        counts["certification"].update(s for s in r.certifications.split("|") if s)
    elif facet == "ocop_stars" and r.ocop_stars is not None:
        counts["ocop_stars"][r.ocop_stars] += 1
    elif facet == "price" and r.price_vnd is not None:
        counts["price"][_price_key(r.price_vnd)] += 1


def filter_and_count(rows, tests):
    """One pass: the rows passing every filter, and multi-select facet counts.

    A row passing every filter counts in every facet; a row failing exactly one filter still
    counts in that filter's own facet (its other values are what the buyer may add).
    """
    counts = {name: Counter() for name in FACETS}
    passing = []
    items = list(tests.items())
    for r in rows:
        failed = [name for name, test in items if not test(r)]
        if not failed:
            passing.append(r)
            for facet in FACETS:
                _count_row(counts, facet, r)
        elif len(failed) == 1 and failed[0] in FACETS:
            _count_row(counts, failed[0], r)
    return passing, {name: dict(counter) for name, counter in counts.items()}


def _stamp(moment):
    return moment.timestamp() if moment else 0.0


SORT_KEYS = {
    "relevance": lambda r: (-r.score, r.title_sort, r.page_id),
    "price_asc": lambda r: (r.price_vnd is None, r.price_vnd or 0, r.title_sort, r.page_id),
    "price_desc": lambda r: (r.price_vnd is None, -(r.price_vnd or 0), r.title_sort, r.page_id),
    "newest": lambda r: (r.published_at is None, -_stamp(r.published_at), r.title_sort, r.page_id),
}


def text_search(query, terms):
    """A search with words: one indexed query.

    On PostgreSQL the database pages, counts and orders (`db_facets`); elsewhere the matched
    rows are filtered, counted and ordered in Python.
    """
    if is_postgres():
        known = vocabulary.vocabulary(query.language)
        return db_facets.search(
            matched_queryset(query.language, terms),
            required_terms(len(terms)),
            filter_conditions(query),
            query.sort,
            query.offset,
            query.page_size,
            fence=len(terms) > 2 and any(_fuzzy(token, known) for token, _alts in terms),
        )
    rows = matched_rows(query.language, terms)
    passing, facets = filter_and_count(rows, _predicates(query))
    passing.sort(key=SORT_KEYS[query.sort])
    page = passing[query.offset : query.offset + query.page_size]
    return len(passing), [r.page_id for r in page], facets


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


BROWSE_SECONDS = 300


def browse(query):
    """Filters without words: counted and ordered by the database, with its indexes.

    Counts over the whole catalogue are the same for every visitor browsing the same filters,
    so they are cached until the catalogue changes (`vocabulary.forget`) or for 5 minutes.
    """
    rows = ProductSearchText.objects.filter(language=query.language)
    conditions = filter_conditions(query)
    results = rows.filter(_all_but(conditions, None))
    order = ORDER_BARE if query.sort == "relevance" else ORDER[query.sort]
    window = results.order_by(*order).values_list("page_id", flat=True)
    ids = list(window[query.offset : query.offset + query.page_size])
    filters = hashlib.sha1(repr(sorted(query.filters().items())).encode(), usedforsecurity=False)
    key = f"search:browse:{vocabulary.generation()}:{query.language}:{filters.hexdigest()}"
    counted = cache.get(key)
    if counted is None:
        counted = (results.count(), raw_facets(rows, conditions, query.language))
        cache.set(key, counted, BROWSE_SECONDS)
    return counted[0], ids, counted[1]


def search(query):
    terms = query_terms(query.q, query.language) if query.q else []
    total, ids, raw = text_search(query, terms) if terms else browse(query)
    return SearchResults(
        query=query,
        hits=_hits(ids, terms),
        total=total,
        facets=build_facets(raw, query),
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
