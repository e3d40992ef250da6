"""What the fallback takes from PostgreSQL: unaccent, pg_trgm, GIN indexes (skipped on SQLite)."""

import pytest
from django.db import connection
from django.http import QueryDict

from search import vocabulary
from search.backends import database as db_backend
from search.query import parse_query
from search.service import search_products

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL only (CI runs it with DATABASE_URL)"
    ),
]


def test_extensions_and_indexes_exist():
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension")
        assert {"unaccent", "pg_trgm"} <= {row[0] for row in cursor.fetchall()}
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'search_productsearchtext'"
        )
        names = {row[0] for row in cursor.fetchall()}
    assert {"search_text_folded_tsv", "search_text_folded_trgm", "search_text_title_trgm"} <= names


def test_trigram_similarity_catches_typos_by_itself(database_backend, monkeypatch):
    monkeypatch.setattr(vocabulary, "corrections", lambda token, language, limit=3: [])
    query = parse_query(QueryDict("q=robustaa"))
    assert search_products(query, record=False).hits[0].title == "Cà phê Robusta rang mộc"


def test_unaccent_folds_the_query_in_sql():
    with connection.cursor() as cursor:
        cursor.execute("SELECT unaccent(lower(%s))", ["Cà Phê"])
        assert cursor.fetchone()[0] == "ca phe"


def test_sql_search_is_one_statement_whatever_the_matches(
    database_backend, django_assert_max_num_queries
):
    query = parse_query(QueryDict("q=che&area=ba-vi&ocop_min=3"))
    terms = db_backend.query_terms(query.q, query.language)
    db_backend.text_search(query, terms)  # the words' tsqueries are computed once, then kept
    # SAVEPOINT / SET LOCAL work_mem / the search / RELEASE
    with django_assert_max_num_queries(4):
        db_backend.text_search(query, terms)
