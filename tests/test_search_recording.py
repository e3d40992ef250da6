"""Search records are written off the request path, by a background thread."""

import threading

from django_tasks import task_backends

from search.models import SearchRecord
from search.query import SearchQuery
from search.recording import record
from search.results import SearchResults


def test_background_backend_records_on_another_thread(settings, monkeypatch):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {"BACKEND": "portal.tasks.ThreadBackend"},
    }
    saved = []
    monkeypatch.setattr(
        SearchRecord.objects,
        "create",
        lambda **fields: saved.append((threading.current_thread(), fields)),
    )
    query = SearchQuery(q="Cà phê", area=("ba-vi",))
    record(query, SearchResults(query=query, hits=[], total=0, facets={}, backend="database"))
    task_backends["background"].join()

    [(thread, fields)] = saved
    assert thread is not threading.current_thread()
    assert (fields["query"], fields["folded_query"]) == ("Cà phê", "ca phe")
    assert fields["filters"] == {"area": ["ba-vi"]} and fields["result_count"] == 0


def test_a_full_queue_drops_records_instead_of_waiting(settings, monkeypatch):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "background": {
            "BACKEND": "portal.tasks.ThreadBackend",
            "OPTIONS": {"max_queue": 1},
        },
    }
    gate = threading.Event()
    monkeypatch.setattr(SearchRecord.objects, "create", lambda **fields: gate.wait(5))
    query = SearchQuery(q="chè")
    results = SearchResults(query=query, hits=[], total=1, facets={}, backend="database")
    for _ in range(5):
        record(query, results)  # returns at once even though the worker is stuck
    gate.set()
    task_backends["background"].join()
