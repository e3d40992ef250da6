"""Keeping both indexes current: one product at a time, a full rebuild, and a reconcile.

The Elasticsearch index is an alias over a concrete, timestamped index; a rebuild loads a new
index and swaps the alias in one `_aliases` request, so searches never see an empty index.
The database fallback's table (`ProductSearchText`) is written by the same calls.
"""

import hashlib
import json
import logging
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone
from elasticsearch import helpers

from products.models import ProductPage

from . import vocabulary
from .backends import elasticsearch_client
from .documents import document_class
from .models import ProductSearchText, Synonym
from .product_data import es_source, indexable_count, product_datas, text_row

logger = logging.getLogger(__name__)

BULK_TIMEOUT = 60.0
CHUNK = 2000
# Index settings while a rebuild loads a new index, and after: no refreshes, and the translog
# synced in the background rather than on every bulk request. Nobody searches the new index
# before the alias swap, and a crash during the load only fails the rebuild (the alias still
# points at the old index); a flush makes it durable before the swap.
LOADING = {"refresh_interval": "-1", "translog.durability": "async"}
SENDERS = 2  # bulk requests in flight during a rebuild
LOADED = {"refresh_interval": "1s", "translog.durability": "request"}


def fingerprint(source):
    """A hash of a document's source, so reconcile can tell a stale document from a current one."""
    raw = json.dumps(source, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()


def _chunks(ids, size=CHUNK):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def iter_product_data(ids=None, size=CHUNK):
    """Product data in chunks of pages, each chunk in a constant number of queries."""
    return product_datas(ids, size=size)


# --- the database fallback's table ---------------------------------------------------------


def write_text_rows(datas):
    rows = [ProductSearchText(page_id=d["id"], **text_row(d)) for d in datas]
    fields = [f.name for f in ProductSearchText._meta.concrete_fields if f.name != "page"]
    ProductSearchText.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["page"], update_fields=fields
    )
    vocabulary.forget()


# --- Elasticsearch -------------------------------------------------------------------------


def create_index(name=None):
    """A new concrete index with the synonyms as they are now."""
    name = name or f"{elasticsearch_client.alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"
    document = document_class(name, Synonym.rules())
    document.init(using=elasticsearch_client.client(BULK_TIMEOUT))
    return name


def ensure_alias():
    """Create an empty index behind the alias if there is none yet (first publish)."""
    es = elasticsearch_client.client()
    if not es.indices.exists_alias(name=elasticsearch_client.alias_name()):
        name = create_index()
        es.indices.update_aliases(
            actions=[{"add": {"index": name, "alias": elasticsearch_client.alias_name()}}]
        )


def _actions(datas, index):
    for data in datas:
        yield {"_index": index, "_id": data["id"], "_source": es_source(data)}


def _delete_actions(ids, index):
    for pk in ids:
        yield {"_op_type": "delete", "_index": index, "_id": pk}


def es_write(datas, gone_ids):
    es = elasticsearch_client.client(BULK_TIMEOUT)
    alias = elasticsearch_client.alias_name()
    ensure_alias()
    helpers.bulk(es, _actions(datas, alias), refresh=False)
    if gone_ids:
        helpers.bulk(es, _delete_actions(gone_ids, alias), raise_on_error=False)


def sync_table(ids):
    """The fallback table, in the editor's transaction: it commits or rolls back with the page."""
    ids = set(ids)
    try:
        with transaction.atomic():
            datas = [d for chunk in iter_product_data(ids) for d in chunk]
            write_text_rows(datas)
            ProductSearchText.objects.filter(page_id__in=ids - {d["id"] for d in datas}).delete()
    except Exception:
        logger.exception("search: could not update the fallback table for %s", sorted(ids))


def sync_index(ids):
    """Elasticsearch, after the commit. Never raises: a failure is logged for reconcile."""
    ids = set(ids)
    if not ids or not elasticsearch_client.is_configured():
        return
    if not elasticsearch_client.breaker.allow():
        logger.warning("search: circuit open, %s product(s) left for reconcile", len(ids))
        return
    try:
        datas = [d for chunk in iter_product_data(ids) for d in chunk]
        es_write(datas, ids - {d["id"] for d in datas})
    except Exception:
        elasticsearch_client.breaker.failure()
        logger.exception("search: indexing %s failed; reconcile repairs it", sorted(ids))
    else:
        elasticsearch_client.breaker.success()


def sync_products(ids):
    """Bring both indexes in line with the database for these products now."""
    sync_table(ids)
    sync_index(ids)


def sync_after_commit(ids):
    """The table now (same transaction), Elasticsearch once the transaction has committed."""
    ids = list(ids)
    if ids:
        sync_table(ids)
        transaction.on_commit(lambda: sync_index(ids))


# --- rebuild and reconcile -----------------------------------------------------------------


@dataclass
class RebuildReport:
    index: str = ""
    count: int = 0
    seconds: float = 0.0
    # Time spent waiting for Elasticsearch to take the previous chunk: the engine's share.
    engine_wait: float = 0.0
    # Time spent writing the fallback table (none with engine_only).
    table_seconds: float = 0.0
    table: bool = True
    removed_indices: list = field(default_factory=list)

    @property
    def rate(self):
        return self.count / self.seconds if self.seconds else 0.0


def _wait(future):
    """Seconds spent waiting for a bulk request; raises what the request raised."""
    waited = time.perf_counter()
    future.result()
    return time.perf_counter() - waited


def rebuild(progress=None, chunk_size=CHUNK, use_es=None, engine_only=False, senders=SENDERS):
    """Rebuild both indexes from the database; Elasticsearch through a new index and alias swap.

    With `engine_only` the fallback table is left as it is (it is kept current on every publish):
    what a synonym change needs, the new analyzers in a new Elasticsearch index.
    """
    use_es = elasticsearch_client.is_configured() if use_es is None else use_es
    if engine_only and not use_es:
        raise ValueError("an engine-only rebuild needs Elasticsearch (ELASTICSEARCH_URL)")
    report = RebuildReport(table=not engine_only)
    started = time.perf_counter()
    es = elasticsearch_client.client(BULK_TIMEOUT) if use_es else None
    if use_es:
        report.index = create_index()
        es.indices.put_settings(index=report.index, settings={"index": LOADING})
    seen = set()
    total = indexable_count() if progress else 0
    # Elasticsearch loads chunks on other threads while this one builds the next: the engine's
    # work and the database's overlap instead of taking turns. With SENDERS requests in flight the
    # engine indexes on as many of its write threads at once.
    pending = deque()
    with ThreadPoolExecutor(max_workers=senders) as sender:
        for datas in iter_product_data(size=chunk_size):
            if report.table:
                writing = time.perf_counter()
                write_text_rows(datas)
                report.table_seconds += time.perf_counter() - writing
            if use_es:
                if len(pending) >= senders:
                    report.engine_wait += _wait(pending.popleft())
                actions = list(_actions(datas, report.index))
                pending.append(sender.submit(helpers.bulk, es, actions, chunk_size=chunk_size))
            seen.update(d["id"] for d in datas)
            report.count += len(datas)
            if progress:
                progress(report.count, total, time.perf_counter() - started)
        while pending:
            report.engine_wait += _wait(pending.popleft())
    if report.table:
        writing = time.perf_counter()
        _delete_unseen_rows(seen)
        _compact_text_table()
        report.table_seconds += time.perf_counter() - writing
    if use_es:
        es.indices.put_settings(index=report.index, settings={"index": LOADED})
        es.indices.refresh(index=report.index)
        es.indices.flush(index=report.index)
        report.removed_indices = swap_alias(report.index)
    report.seconds = time.perf_counter() - started
    return report


def _compact_text_table():
    """On PostgreSQL, reclaim the dead rows a rebuild leaves and refresh the planner's statistics.

    A rebuild rewrites every row; until autovacuum passes, broad fallback searches read twice the
    pages (p95 283 ms instead of under 100 ms at 100,000 products).
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return  # VACUUM cannot run inside a transaction (tests, or a caller's atomic block)
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {ProductSearchText._meta.db_table}")


def _delete_unseen_rows(seen):
    stored = set(ProductSearchText.objects.values_list("page_id", flat=True))
    for chunk in _chunks(stored - seen):
        ProductSearchText.objects.filter(page_id__in=chunk).delete()


def swap_alias(new_index):
    """Point the alias at `new_index` in one atomic request, then delete the old indices."""
    es = elasticsearch_client.client(BULK_TIMEOUT)
    alias = elasticsearch_client.alias_name()
    old = []
    if es.indices.exists_alias(name=alias):
        old = list(es.indices.get_alias(name=alias))
    elif es.indices.exists(index=alias):
        es.indices.delete(index=alias)  # a plain index squatting on the alias' name
    actions = [{"remove": {"index": name, "alias": alias}} for name in old]
    actions.append({"add": {"index": new_index, "alias": alias}})
    es.indices.update_aliases(actions=actions)
    for name in old:
        if name != new_index:
            es.indices.delete(index=name, ignore_unavailable=True)
    return [name for name in old if name != new_index]


@dataclass
class ReconcileReport:
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    orphaned: list = field(default_factory=list)

    @property
    def fixed(self):
        return len(self.missing) + len(self.stale) + len(self.orphaned)


def _indexed_fingerprints():
    """Id -> fingerprint of every stored document, computed from what is really stored."""
    es = elasticsearch_client.client(BULK_TIMEOUT)
    hits = helpers.scan(
        es, index=elasticsearch_client.alias_name(), query={"query": {"match_all": {}}}
    )
    return {int(h["_id"]): fingerprint(h["_source"]) for h in hits}


def reconcile():
    """Compare the database with both indexes and fix what differs. Returns what was fixed."""
    report = ReconcileReport()
    use_es = elasticsearch_client.is_configured()
    if use_es:
        ensure_alias()
        indexed = _indexed_fingerprints()
    live = set()
    for datas in iter_product_data():
        write_text_rows(datas)
        live.update(d["id"] for d in datas)
        if not use_es:
            continue
        changed = []
        for data in datas:
            stored = indexed.get(data["id"], "absent")
            if stored == "absent":
                report.missing.append(data["id"])
                changed.append(data)
            elif stored != fingerprint(es_source(data)):
                report.stale.append(data["id"])
                changed.append(data)
        helpers.bulk(
            elasticsearch_client.client(BULK_TIMEOUT),
            _actions(changed, elasticsearch_client.alias_name()),
        )
    _delete_unseen_rows(live)
    if use_es:
        report.orphaned = sorted(set(indexed) - live)
        es_write([], report.orphaned)
        elasticsearch_client.client().indices.refresh(index=elasticsearch_client.alias_name())
    return report


def product_ids_under(page):
    """Ids of every product at or below a page (a cooperative, or the product itself)."""
    return list(ProductPage.objects.filter(path__startswith=page.path).values_list("pk", flat=True))
