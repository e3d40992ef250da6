"""Defers the per-save bookkeeping Wagtail does, so each imported page is indexed once, not thrice.

Wagtail updates its own search index (through modelsearch) and its reference index on every
save of a page and of each inline row; creating and publishing a page saves it three times. The
writer switches both off while it writes and then indexes each finished page once.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


def _auto_updated_models():
    return [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]


@contextmanager
def search_index_deferred():
    models = _auto_updated_models()
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def index_once(obj):
    """What the deferred signal handlers would have done for `obj`, done once."""
    index.insert_or_update_object(obj)
    ReferenceIndex.create_or_update_for_object(obj)
