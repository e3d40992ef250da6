"""Keeping the index current: publish, unpublish, move, delete, outages, reconcile, rebuild."""

import logging
import threading
from http import HTTPStatus

import pytest
from django.core.management import call_command
from wagtail.models import Page

from search import indexing
from search.backends import elasticsearch as es_backend
from search.backends import elasticsearch_client as engine
from search.models import ProductSearchText
from search.query import SearchQuery
from tests.factories import make_cooperative, make_product

pytestmark = pytest.mark.django_db


def indexed(es):
    es.indices.refresh(index=engine.alias_name())
    hits = es.search(index=engine.alias_name(), query={"match_all": {}}, size=100)["hits"]["hits"]
    return {int(h["_id"]): h["_source"] for h in hits}


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Run a publishing action and the after-commit callbacks it leaves, as a real commit would."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def coop():
    return make_cooperative("HTX Chè Sóc Sơn")


def test_publishing_indexes_after_commit_and_drafts_never(elasticsearch, publish, coop):
    product = publish(make_product, coop, title="Chè búp Sóc Sơn", price_vnd=200_000)
    doc = indexed(elasticsearch)[product.pk]
    assert doc["title"] == "Chè búp Sóc Sơn" and doc["price_vnd"] == 200_000
    assert doc["cooperative_name"] == "HTX Chè Sóc Sơn"

    # A draft revision changes nothing in the index, nor in the fallback table.
    product.title = "Chè búp (bản nháp)"
    publish(product.save_revision)
    assert indexed(elasticsearch)[product.pk]["title"] == "Chè búp Sóc Sơn"
    assert ProductSearchText.objects.get(pk=product.pk).title == "Chè búp Sóc Sơn"

    publish(product.get_latest_revision().publish)
    assert indexed(elasticsearch)[product.pk]["title"] == "Chè búp (bản nháp)"


def test_never_published_product_is_not_indexed(elasticsearch, publish, coop):
    indexing.ensure_alias()
    draft = publish(make_product, coop, title="Sản phẩm chưa duyệt", publish=False, live=False)
    publish(draft.save_revision)
    assert draft.pk not in indexed(elasticsearch)
    assert not ProductSearchText.objects.filter(pk=draft.pk).exists()


def test_unpublish_and_delete_remove_the_document(elasticsearch, publish, coop):
    first = publish(make_product, coop, title="Mật ong rừng")
    second = publish(make_product, coop, title="Mật ong hoa nhãn")
    publish(first.unpublish)
    publish(Page.objects.get(pk=second.pk).delete)
    docs = indexed(elasticsearch)
    assert first.pk not in docs and second.pk not in docs
    assert not ProductSearchText.objects.exists()


def test_renaming_or_unpublishing_the_cooperative_updates_its_products(
    elasticsearch, publish, coop
):
    product = publish(make_product, coop, title="Chè xanh")
    coop.title = "HTX Chè Xanh Sóc Sơn"
    coop.slug = "htx-che-xanh-soc-son"
    publish(coop.save_revision().publish)
    doc = indexed(elasticsearch)[product.pk]
    assert doc["cooperative_name"] == "HTX Chè Xanh Sóc Sơn"
    assert doc["url"].startswith("/hop-tac-xa/htx-che-xanh-soc-son/")

    publish(coop.unpublish)
    assert product.pk not in indexed(elasticsearch)
    assert not ProductSearchText.objects.filter(pk=product.pk).exists()


def test_moving_a_product_reindexes_it_under_its_new_cooperative(elasticsearch, publish, coop):
    product = publish(make_product, coop, title="Bưởi Diễn")
    other = make_cooperative("HTX Gia Lâm")
    publish(Page.objects.get(pk=product.pk).move, other, pos="last-child")
    doc = indexed(elasticsearch)[product.pk]
    assert doc["cooperative_name"] == "HTX Gia Lâm"
    assert doc["url"] == "/hop-tac-xa/htx-gia-lam/buoi-dien/"


def test_elasticsearch_down_publish_still_works_and_reconcile_repairs(
    elasticsearch, publish, coop, settings, client, caplog
):
    real_url = settings.ELASTICSEARCH_URL
    indexing.rebuild()  # an (empty) index behind the alias
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    with caplog.at_level(logging.ERROR, logger="search.indexing"):
        product = publish(make_product, coop, title="Gạo nếp cái hoa vàng")
    assert product.live
    assert "reconcile repairs it" in caplog.text
    # The fallback table was written in the editor's transaction: search still finds it.
    for url in ("/san-pham/?q=gao+nep", "/api/products/search/?q=gao+nep"):
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK
    body = client.get("/api/products/search/?q=gao+nep").json()
    assert body["backend"] == "database" and body["results"][0]["title"] == product.title

    settings.ELASTICSEARCH_URL = real_url
    engine.breaker.reset()
    assert product.pk not in indexed(elasticsearch)
    report = indexing.reconcile()
    assert report.missing == [product.pk]
    assert indexed(elasticsearch)[product.pk]["title"] == "Gạo nếp cái hoa vàng"


def test_reconcile_fixes_missing_stale_and_orphaned(elasticsearch, publish, coop, capsys):
    kept = publish(make_product, coop, title="Chè Shan tuyết")
    lost = publish(make_product, coop, title="Chè móc câu")
    alias = engine.alias_name()
    elasticsearch.delete(index=alias, id=lost.pk, refresh=True)
    elasticsearch.update(index=alias, id=kept.pk, doc={"title": "sai"}, refresh=True)
    elasticsearch.index(index=alias, id=999_999, document={"title": "mồ côi"}, refresh=True)

    call_command("search_index", "--reconcile")
    output = capsys.readouterr().out
    assert f"missing: 1 ({lost.pk})" in output
    assert f"stale: 1 ({kept.pk})" in output
    assert "orphaned: 1 (999999)" in output
    assert "fixed 3" in output
    docs = indexed(elasticsearch)
    assert set(docs) == {kept.pk, lost.pk} and docs[kept.pk]["title"] == "Chè Shan tuyết"

    call_command("search_index", "--reconcile")
    assert "fixed 0" in capsys.readouterr().out


def test_rebuild_swaps_the_alias_and_drops_the_old_index(elasticsearch, coop, capsys):
    make_product(coop, title="Nón lá Chuông")
    call_command("search_index", "--rebuild")
    first = list(elasticsearch.indices.get_alias(name=engine.alias_name()))
    call_command("search_index", "--rebuild")
    second = list(elasticsearch.indices.get_alias(name=engine.alias_name()))
    output = capsys.readouterr().out
    assert "Indexed 1 products" in output and "products/s" in output
    assert len(first) == len(second) == 1 and first != second
    assert not elasticsearch.indices.exists(index=first[0])


def test_no_empty_results_while_rebuilding(elasticsearch, coop):
    for n in range(12):
        make_product(coop, title=f"Chè số {n}")
    indexing.rebuild(chunk_size=3)
    body = es_backend.search_body(SearchQuery(q="che"))
    seen, errors, stop = [], [], threading.Event()

    def searching():
        while not stop.is_set():
            try:
                response = elasticsearch.search(index=engine.alias_name(), body=body)
                seen.append(response["hits"]["total"]["value"])
            except Exception as error:  # noqa: BLE001 - any failure fails the test below
                errors.append(error)

    thread = threading.Thread(target=searching)
    thread.start()
    try:
        for _ in range(3):
            indexing.rebuild(chunk_size=3)
    finally:
        stop.set()
        thread.join()
    assert not errors
    assert len(seen) > 5 and set(seen) == {12}


def test_circuit_breaker_opens_and_lets_a_trial_through():
    breaker = engine.CircuitBreaker(threshold=2, cooldown=0.05)
    breaker.failure()
    assert breaker.allow()
    breaker.failure()
    assert not breaker.allow()
    threading.Event().wait(0.06)
    assert breaker.allow()  # the trial
    assert not breaker.allow()  # everyone else waits for its outcome
    breaker.success()
    assert breaker.allow()


def test_dead_cluster_is_asked_only_until_the_breaker_opens(settings, coop, monkeypatch):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    engine.breaker.reset()
    calls = []
    real_search = es_backend.search
    monkeypatch.setattr(es_backend, "search", lambda q: calls.append(q) or real_search(q))
    from search.service import search_products

    for _ in range(6):
        assert search_products(SearchQuery(q="che"), record=False).backend == "database"
    assert len(calls) == engine.breaker.threshold
    engine.breaker.reset()


def test_health_reports_search_without_failing_the_site(client, settings, elasticsearch):
    assert client.get("/healthz").json()["search"].startswith("no index")
    indexing.ensure_alias()
    assert client.get("/healthz").json()["search"] == "ok"
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    response = client.get("/healthz")
    assert response.status_code == HTTPStatus.OK
    assert response.json()["search"].startswith("unreachable")
    settings.ELASTICSEARCH_URL = ""
    assert client.get("/healthz").json()["search"] == "database fallback"
