"""The database fallback: the same contract as Elasticsearch, on `ProductSearchText`.

Matching is on folded words, so it ignores accents everywhere. Typos are corrected against the
catalogue's vocabulary; on PostgreSQL `pg_trgm` word similarity also catches them, and words are
matched with full-text search (`unaccent`, GIN indexes, see the search migrations).
"""

import hashlib
import html
import math
import re
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, Case, Count, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

from portal.text import fold

from .. import vocabulary
from ..facets import FILTERS, KEYS, SORTS, annotations, build_facets, count_groups
from ..models import ProductSearchText, Synonym
from ..product_data import product_datas
from ..results import SearchResults, hit_from_data
from . import postgres, sqlite

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


def text_search(query, terms):
    """A search with words: the rows with enough of them, filtered, counted and paged.

    One statement does it all on PostgreSQL (`postgres`) and on SQLite (`sqlite`), matching the
    text once; elsewhere the ORM, in two queries (the page, the groups).
    """
    matched = matched_queryset(query.language, terms)
    required = required_terms(len(terms))
    if is_postgres():
        known = vocabulary.vocabulary(query.language)
        fence = len(terms) > 2 and any(_fuzzy(token, known) for token, _alts in terms)
        return postgres.search(matched, required, flags(query), query, fence=fence)
    if connection.vendor == "sqlite":
        return sqlite.search(matched, required, flags(query), query)
    rows = scored(matched, required)
    total, counts = count(rows, query)
    return total, page_ids(rows, query, SORTS[query.sort].orm()), counts


def scored(matched, required):
    """The matched rows with enough words, with their relevance `score`."""
    rows = matched.filter(matched__gte=required)
    return rows.annotate(score=F("matched") + F("title_score"))


def flags(query):
    """One boolean annotation per active filter, `f_<filter>`: does the row pass it?"""
    return {
        f"f_{f.name}": Case(When(f.db_condition(query), then=Value(True)), default=Value(False))
        for f in FILTERS
        if f.active(query)
    }


def count(rows, query):
    """(total, facet counts) of `rows` under the query's filters, in one grouped query."""
    flagged = flags(query)
    groups = rows.annotate(**annotations(), **flagged).values(*KEYS, *flagged)
    return count_groups(groups.annotate(n=Count("pk")).order_by(), flagged)


def page_ids(rows, query, order):
    passing = rows.filter(*(f.db_condition(query) for f in FILTERS))
    window = passing.order_by(*order).values_list("page_id", flat=True)
    return list(window[query.offset : query.offset + query.page_size])


def mark(text, words):
    """`text`, HTML-escaped, with every word whose folded form is in `words` in <mark>."""
    parts = []
    for piece in re.split(r"(\w+)", text):
        escaped = html.escape(piece)
        parts.append(f"<mark>{escaped}</mark>" if piece and fold(piece) in words else escaped)
    return "".join(parts)


def by_id(ids):
    """Each indexable product's data among `ids`, by id (unpublished ones are left out)."""
    return {data["id"]: data for chunk in product_datas(ids) for data in chunk}


def _hits(ids, terms):
    datas = by_id(ids)
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
    ids = page_ids(rows, query, SORTS[query.sort].orm(score=None))
    filters = hashlib.sha1(repr(sorted(query.filters().items())).encode(), usedforsecurity=False)
    key = f"search:browse:{vocabulary.generation()}:{query.language}:{filters.hexdigest()}"
    counted = cache.get(key)
    if counted is None:
        counted = count(rows, query)
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
    datas = by_id(pages)
    return [
        {"id": pk, "title": d["title"], "url": d["url"], "category": d["category_label"]}
        for pk, d in ((pk, datas.get(pk)) for pk in pages)
        if d is not None
    ]
