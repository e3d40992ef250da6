"""Defers the per-save bookkeeping Wagtail does, so each imported object is indexed once.

Wagtail updates its own search index (through modelsearch) and its reference index on every
save of a page and of each inline row; creating and publishing a page saves it three times. The
writer switches both off while it writes and then indexes the finished objects once, in one
batch per model: on SQLite and PostgreSQL, modelsearch recomputes the title norms of its whole
table after every write, so writing a page at a time costs a pass over the table per page.
"""

import logging
from collections import defaultdict
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.backends import get_search_backends_with_name
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

logger = logging.getLogger(__name__)
CHUNK = 500  # objects per write to a search backend


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
    index_all([obj])


def index_all(objs):
    """What the deferred signal handlers would have done for each of `objs`, with one write per
    class (and chunk) to each search backend instead of one per object."""
    by_model = defaultdict(list)
    for obj in objs:
        indexed = obj.get_indexed_instance() if isinstance(obj, index.Indexed) else obj
        if indexed is not None:  # a page whose specific row is not there (yet)
            by_model[type(indexed)].append(indexed)
    for model, items in by_model.items():
        if index.class_is_indexed(model) and getattr(model, "search_auto_update", True):
            for start in range(0, len(items), CHUNK):
                _add_to_search_backends(model, items[start : start + CHUNK])
        for obj in items:
            ReferenceIndex.create_or_update_for_object(obj)


def _add_to_search_backends(model, items):
    # modelsearch.index.insert_or_update_object for many objects of one class: only those in the
    # class's indexed objects, and a failing external backend is logged rather than raised.
    indexed = model.get_indexed_objects().filter(pk__in=[o.pk for o in items])
    kept = set(indexed.values_list("pk", flat=True))
    items = [o for o in items if o.pk in kept]
    if not items:
        return
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, items)
        except Exception:
            logger.exception("could not add %s %s to search backend %r", len(items), model, name)
            if not backend.catch_indexing_errors:
                raise
