"""Wagtail's page signals -> both indexes, after the transaction commits.

Only publish-time signals are used: `post_save` also fires for drafts and would leak them.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Q
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cooperatives.models import CooperativePage
from products.models import ProductPage

from .indexing import product_ids_under, sync_after_commit

WATCHED = (ProductPage, CooperativePage)
# The pages published inside `one_resync()`, or None outside it.
_batch = ContextVar("search_resync_batch", default=None)


@contextmanager
def one_resync():
    """Publishing hundreds of pages at once (an import, the demo): their products are synced once,
    when the block ends without an error, instead of a few queries after every page."""
    pages = set()
    token = _batch.set(pages)
    try:
        yield
    finally:
        _batch.reset(token)
    if pages:
        products = ProductPage.objects.filter(Q(pk__in=pages) | Q(cooperative_page__in=pages))
        sync_after_commit(list(products.values_list("pk", flat=True)))


def _resync(instance, **kwargs):
    """A product changed, or a cooperative whose name, URL or visibility its products carry."""
    if not isinstance(instance, WATCHED):
        return
    if (batch := _batch.get()) is not None:
        batch.add(instance.pk)
    else:
        sync_after_commit(product_ids_under(instance))


def _resync_moved(instance, **kwargs):
    # A moved page changes the URL of everything under it, products or not.
    sync_after_commit(product_ids_under(instance))


def _deleted(instance, **kwargs):
    sync_after_commit([instance.pk])


def connect():
    for model in WATCHED:
        name = model.__name__
        page_published.connect(_resync, sender=model, dispatch_uid=f"search-pub-{name}")
        page_unpublished.connect(_resync, sender=model, dispatch_uid=f"search-unpub-{name}")
    page_slug_changed.connect(_resync, dispatch_uid="search-slug")
    post_page_move.connect(_resync_moved, dispatch_uid="search-move")
    post_delete.connect(_deleted, sender=ProductPage, dispatch_uid="search-delete")
