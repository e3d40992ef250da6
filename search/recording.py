"""Recording what buyers search for, without personal data and off the request path."""

import logging

from django.conf import settings
from django_tasks import task

from portal.text import fold

logger = logging.getLogger(__name__)


@task()
def save_search(query, filters, result_count, backend, language):
    from .models import SearchRecord

    SearchRecord.objects.create(
        query=query[:200],
        folded_query=fold(query)[:200],
        filters=filters,
        result_count=result_count,
        backend=backend,
        language=language,
    )


def _task():
    # Off the request path where a background backend exists; inline in tests.
    return (
        save_search.using(backend="background") if "background" in settings.TASKS else save_search
    )


def record(query, results):
    """Queue one record: the words, the filters, how many were found and by which backend."""
    try:
        _task().enqueue(
            query=query.q,
            filters=query.filters(),
            result_count=results.total,
            backend=results.backend,
            language=query.language,
        )
    except Exception:
        logger.exception("search: could not queue the search record")
