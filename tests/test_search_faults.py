"""Faults on a real engine: the search node killed under load, restarted, and caught up.

The module starts a node of its own (the session's node serves every other test), kills it with
SIGKILL while buyers are searching, and restarts it on the same data folder and port.
"""

import shutil
import tempfile
import threading
from http import HTTPStatus

import pytest
from wagtail.models import Page

from search import indexing
from search.backends import elasticsearch_client as engine
from searchnode.launcher import SearchNode
from tests.factories import make_cooperative, make_product
from tests.search_server import start_node

pytestmark = pytest.mark.django_db

SEARCHES = ["/san-pham/?q=gao", "/api/products/search/?q=gao+nep", "/api/products/search/?q=che"]


@pytest.fixture(scope="module")
def own_node():
    data_dir = tempfile.mkdtemp(prefix="htx-faults-")
    holder = {"node": start_node(data_dir)}
    yield holder
    holder["node"].stop()
    shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture
def on_own_node(own_node, settings, search_index_prefix):
    settings.ELASTICSEARCH_URL = own_node["node"].url
    settings.ELASTICSEARCH_INDEX = f"{search_index_prefix}-faults"
    engine.breaker.reset()
    yield own_node
    engine.breaker.reset()


def publish_now(django_capture_on_commit_callbacks, action, *args, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return action(*args, **kwargs)


def searched_by(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK, url
    return response


def test_killed_under_load_restarted_and_brought_back_to_current(
    on_own_node, client, django_capture_on_commit_callbacks
):
    publish = lambda *a, **k: publish_now(django_capture_on_commit_callbacks, *a, **k)  # noqa: E731
    coop = make_cooperative("HTX Gạo Đông Anh")
    kept = publish(make_product, coop, title="Gạo nếp cái hoa vàng")
    dropped = publish(make_product, coop, title="Gạo tám thơm")
    indexing.rebuild()
    body = searched_by(client, "/api/products/search/?q=gao").json()
    assert body["backend"] == "elasticsearch" and body["count"] == 2

    # Buyers keep searching while the engine dies under them.
    node = on_own_node["node"]
    killer = threading.Timer(0.05, node.kill)
    killer.start()
    backends = [searched_by(client, SEARCHES[i % 3]) for i in range(60)]
    killer.join()
    assert all(r.status_code == HTTPStatus.OK for r in backends)
    answer = searched_by(client, "/api/products/search/?q=gao+nep").json()
    assert answer["backend"] == "database"
    assert answer["results"][0]["title"] == kept.title
    assert searched_by(client, "/healthz").status_code == HTTPStatus.OK

    # The catalogue changes while the engine is down: publishing never fails for it.
    added = publish(make_product, coop, title="Gạo lứt đỏ")
    publish(Page.objects.get(pk=dropped.pk).unpublish)
    assert added.live

    # Back on the same folder and port: the alias and its documents survived the crash.
    on_own_node["node"] = SearchNode.start(node.data_dir, http_port=node.port)
    es = engine.client(timeout=90)
    # Until its shard has recovered from disk the index answers 503, and searches fall back.
    es.cluster.health(index=engine.alias_name(), wait_for_status="green", timeout="60s")
    assert es.indices.exists_alias(name=engine.alias_name())
    assert es.count(index=engine.alias_name())["count"] == 2

    # Reconcile catches the index up with what was published during the outage.
    engine.breaker.reset()
    report = indexing.reconcile()
    assert report.missing == [added.pk] and report.orphaned == [dropped.pk]
    body = searched_by(client, "/api/products/search/?q=gao").json()
    assert body["backend"] == "elasticsearch"
    assert sorted(r["title"] for r in body["results"]) == sorted([kept.title, added.title])
