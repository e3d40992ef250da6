"""A search with words is one statement on PostgreSQL and on SQLite, the text matched once."""

import pytest
from django.db import connection
from django.http import QueryDict

from search.backends import database as db_backend
from search.facets import FILTERS, SORTS
from search.query import parse_query

pytestmark = pytest.mark.django_db

SQL_COUNTED = [
    "q=che",
    "q=che&area=ba-vi",
    "q=tra&category=nong-san&area=ba-vi&area=soc-son",
    "q=tra sen tay ho",
    "q=ca phe robustaa rang",
    "q=gao&price_min=0&price_max=49999&sort=price_asc",
    "q=che&certification=ocop&certification=vietgap&ocop_min=3&sort=newest",
    "q=chè&sort=price_desc&page_size=2&page=2",
    "q=tra&cooperative=htx-sen-quang-an",
    "q=xyzzy",
]


@pytest.mark.parametrize("params", SQL_COUNTED)
def test_sql_page_total_and_facets_match_the_orm_path(database_backend, params):
    """On PostgreSQL and SQLite the page, total and facet counts come from one statement
    (`postgres`, `sqlite`): the same answer, in the same order, as the ORM path other
    databases take."""
    query = parse_query(QueryDict(params))
    terms = db_backend.query_terms(query.q, query.language)
    matched = db_backend.matched_queryset(query.language, terms)
    rows = db_backend.scored(matched, db_backend.required_terms(len(terms)))
    _total, facets = db_backend.count(rows, query)
    ordered = rows.filter(*(f.db_condition(query) for f in FILTERS)).order_by(
        *SORTS[query.sort].orm()
    )
    passing = list(ordered.values_list("page_id", flat=True))
    page = passing[query.offset : query.offset + query.page_size]
    assert db_backend.text_search(query, terms) == (len(passing), page, facets)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's statement")
def test_sqlite_search_is_one_statement(database_backend, django_assert_num_queries):
    query = parse_query(QueryDict("q=che&area=ba-vi&ocop_min=3"))
    terms = db_backend.query_terms(query.q, query.language)
    db_backend.text_search(query, terms)  # synonyms and the vocabulary are cached, then kept
    with django_assert_num_queries(1):
        db_backend.text_search(query, terms)
