"""The one entry point for the library's search: Elasticsearch when it answers, the database
when not (the same circuit breaker as products)."""

from . import document_database, document_engine
from .service import _with_engine


def search_documents(query):
    results, reason = _with_engine(
        lambda: document_engine.search(query), lambda: document_database.search(query)
    )
    results.fallback_reason = reason
    return results
