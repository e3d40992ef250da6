"""Wagtail's page signals -> both indexes, after the transaction commits.

Only publish-time signals are used: `post_save` also fires for drafts and would leak them.
"""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cooperatives.models import CooperativePage
from products.models import ProductPage

from .indexing import product_ids_under, sync_after_commit

WATCHED = (ProductPage, CooperativePage)


def _resync(instance, **kwargs):
    """A product changed, or a cooperative whose name, URL or visibility its products carry."""
    if isinstance(instance, WATCHED):
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
