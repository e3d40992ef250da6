"""Keeping both library indexes current: the fallback's table inside the editor's transaction,
Elasticsearch after commit (a failure is logged; `search_documents --rebuild` repairs it).

A document's status depends on the documents pointing at it, so publishing one re-indexes the
documents it names as well."""

import logging

from django.db import transaction

from documents.models import DocumentRelation, LegalDocumentPage

from . import document_engine
from .backends import elasticsearch_client
from .document_data import document_datas
from .document_database import forget_vocabulary
from .document_models import DocumentSearchText

logger = logging.getLogger(__name__)
TABLE_FIELDS = [f.name for f in DocumentSearchText._meta.fields if f.name != "page"]


def related_ids(ids):
    """The pages and every document they point at or are pointed at by."""
    ids = set(ids)
    ids |= set(DocumentRelation.objects.filter(page_id__in=ids).values_list("target_id", flat=True))
    ids |= set(DocumentRelation.objects.filter(target_id__in=ids).values_list("page_id", flat=True))
    return ids


def write_table(datas, ids):
    DocumentSearchText.objects.filter(page_id__in=ids).delete()
    DocumentSearchText.objects.bulk_create(
        [DocumentSearchText(page_id=d["id"], **{k: d[k] for k in TABLE_FIELDS}) for d in datas]
    )
    forget_vocabulary()


def write_engine(datas, gone):
    if not elasticsearch_client.is_configured():
        return
    try:
        document_engine.ensure_alias()
        document_engine.write(datas, gone)
    except elasticsearch_client.ENGINE_ERRORS as error:
        logger.warning(
            "library: indexing failed (%s); search_documents --rebuild repairs it", error
        )


def sync_documents(ids):
    ids = related_ids(ids)
    datas = document_datas(ids)
    write_table(datas, ids)
    live = {d["id"] for d in datas}
    transaction.on_commit(lambda: write_engine(datas, sorted(ids - live)))


def rebuild():
    """Both indexes from scratch; Elasticsearch through a new index and an alias swap."""
    datas = document_datas()
    with transaction.atomic():
        DocumentSearchText.objects.all().delete()
        write_table(datas, [])
    if elasticsearch_client.is_configured():
        index = document_engine.create_index()
        document_engine.write(datas, [], index=index, refresh=True)
        document_engine.swap_alias(index)
    return len(datas)


def pages_using_file(document_id):
    return list(
        LegalDocumentPage.objects.filter(official_file_id=document_id).values_list("pk", flat=True)
    )
