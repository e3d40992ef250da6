"""The one entry point for product search: Elasticsearch when it answers, the database when not."""

import logging
from dataclasses import replace

from . import recording, vocabulary
from .backends import database, elasticsearch, elasticsearch_client

logger = logging.getLogger(__name__)


def _with_engine(es_call, db_call):
    """Run `es_call` if Elasticsearch is configured and healthy, else (or on failure) `db_call`."""
    if not elasticsearch_client.is_configured():
        return db_call(), ""
    if not elasticsearch_client.breaker.allow():
        return db_call(), "circuit open"
    try:
        result = es_call()
    except elasticsearch_client.ENGINE_ERRORS as error:
        elasticsearch_client.breaker.failure()
        logger.warning("search: Elasticsearch failed (%s); answering from the database", error)
        return db_call(), type(error).__name__
    elasticsearch_client.breaker.success()
    return result, ""


def _run(query):
    results, reason = _with_engine(
        lambda: elasticsearch.search(query), lambda: database.search(query)
    )
    results.fallback_reason = reason
    return results


def _suggestion(query):
    """A corrected spelling of the query, offered only if it finds something."""
    corrected = vocabulary.did_you_mean(query.q, query.language)
    if not corrected:
        return ""
    probe = replace(query.without_filters(), q=corrected, page_size=1)
    return corrected if _run(probe).total else ""


def search_products(query, record=True):
    """Hits, facets and total for a `SearchQuery`; says which backend answered."""
    results = _run(query)
    if results.total == 0 and query.q:
        results.suggestion = _suggestion(query)
    if results.total == 0 and query.has_filters:
        unfiltered = _run(query.without_filters())
        results.without_filters_total = unfiltered.total
    if record and query.page == 1 and (query.q or query.has_filters):
        recording.record(query, results)
    return results


def autocomplete(q, language="vi", size=8):
    """A few product titles for what the buyer has typed so far."""
    q = " ".join(q.split())[:100]
    if len(q) < 2:
        return []
    suggestions, _reason = _with_engine(
        lambda: elasticsearch.autocomplete(q, language, size),
        lambda: database.autocomplete(q, language, size),
    )
    return suggestions
