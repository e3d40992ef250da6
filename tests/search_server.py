"""A pytest plugin: a real search engine for the search tests.

Uses `ELASTICSEARCH_URL` when it is set (a real Elasticsearch 8 cluster, say); otherwise starts
the project's local OpenSearch node (`searchnode/`, built with Maven on first use) once per
session on a free port, and stops it at the end, checking the port is free again. Without Java
or Maven the Elasticsearch-path tests are skipped, except where `REQUIRE_SEARCH_NODE` is set
(CI), where they fail. Every test session uses its own index names, so runs never see each
other's documents.
"""

import os
import shutil
import tempfile
import uuid

import pytest

from searchnode.launcher import NodeUnavailable, SearchNode


def start_node(data_dir):
    """A node of our own, or a skip (a failure in CI) when none can be had here."""
    try:
        return SearchNode.start(data_dir)
    except NodeUnavailable as why:
        if os.environ.get("REQUIRE_SEARCH_NODE"):
            raise
        pytest.skip(f"no search engine: {why}; set ELASTICSEARCH_URL or install Java and Maven")


@pytest.fixture(scope="session")
def search_server_url():
    """The URL of an Elasticsearch-API server for this session."""
    if os.environ.get("ELASTICSEARCH_URL"):
        yield os.environ["ELASTICSEARCH_URL"]
        return
    data_dir = tempfile.mkdtemp(prefix="htx-searchnode-")
    node = start_node(data_dir)
    try:
        yield node.url
    finally:
        node.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def search_index_prefix():
    return f"test-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def elasticsearch(settings, search_server_url, search_index_prefix):
    """Point search at the test server, with an alias of its own; clean it up afterwards."""
    from search.backends import elasticsearch_client as engine

    settings.ELASTICSEARCH_URL = search_server_url
    settings.ELASTICSEARCH_INDEX = f"{search_index_prefix}-{uuid.uuid4().hex[:6]}"
    engine.breaker.reset()
    es = engine.client()
    yield es
    # By name: Elasticsearch refuses wildcard deletes (action.destructive_requires_name).
    names = list(es.indices.get(index=f"{settings.ELASTICSEARCH_INDEX}-*", ignore_unavailable=True))
    for name in names:
        es.indices.delete(index=name, ignore_unavailable=True)
    engine.breaker.reset()


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker, search_server_url, search_index_prefix):
    """The demo-like catalogue of `tests.search_catalogue`, indexed, for one test module."""
    from django.db import transaction
    from elasticsearch import Elasticsearch

    from tests import search_catalogue

    alias = search_catalogue.new_alias(search_index_prefix)
    with django_db_blocker.unblock(), transaction.atomic():
        data = search_catalogue.build()
        search_catalogue.index_everything(search_server_url, alias)
        data.alias = alias
        yield data
        transaction.set_rollback(True)
    search_catalogue.drop_indices(Elasticsearch(search_server_url), alias)


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, catalogue, settings, search_server_url):
    """Each test using it runs twice: on the database fallback and on Elasticsearch."""
    from search.backends import elasticsearch_client as engine

    if request.param == "elasticsearch":
        settings.ELASTICSEARCH_URL = search_server_url
        settings.ELASTICSEARCH_INDEX = catalogue.alias
    else:
        settings.ELASTICSEARCH_URL = ""
    engine.breaker.reset()
    return request.param


@pytest.fixture
def database_backend(catalogue, settings):
    """The catalogue searched through the database fallback only (Elasticsearch unset)."""
    settings.ELASTICSEARCH_URL = ""
    return "database"
