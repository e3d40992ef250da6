"""The portal's product search, brought up to date once for the whole demo catalogue.

`search` listens to `page_published`: each published product or cooperative resyncs the products
at or under it, a few queries per page, in the transaction that publishes it (and Elasticsearch,
when configured, after the commit). The demo import publishes about 400 pages in one
transaction, so those receivers are held back while it writes; then the products under every
page it wrote are synced in one batch, still in that transaction, through the same functions.
"""

from contextlib import contextmanager

from django.db.models import Q
from wagtail.signals import page_published

from products.models import ProductPage
from search import indexing, signals


@contextmanager
def resync_deferred():
    for model in signals.WATCHED:
        page_published.disconnect(sender=model, dispatch_uid=f"search-pub-{model.__name__}")
    try:
        yield
    finally:
        signals.connect()  # the app's own wiring, every receiver under its dispatch uid


def resync(page_ids):
    """What the held-back receivers would have synced for these pages, in one go: the products
    among them and the products of the cooperatives among them."""
    page_ids = list(page_ids)
    products = ProductPage.objects.filter(Q(pk__in=page_ids) | Q(cooperative_page__in=page_ids))
    indexing.sync_after_commit(products.values_list("pk", flat=True))
