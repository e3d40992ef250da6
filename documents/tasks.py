"""Extraction off the request path: publishing a document page queues its file's extraction on
the `background` task backend (a thread of the app process; inline in tests). A file whose hash
has not changed is not read again. `extract_documents` (a management command) does the same for
every file, for a first install or after a crash dropped queued work."""

import logging

from django.conf import settings
from django.db import transaction
from django_tasks import task
from wagtail.documents import get_document_model

from .extraction import ExtractionError, extract_bytes, sha256
from .models import ExtractedText

logger = logging.getLogger(__name__)


def extract_document(document, force=False):
    """Extract (or re-use) the text of one Wagtail document; returns its ExtractedText."""
    with document.file.open("rb") as handle:
        data = handle.read()
    digest = sha256(data)
    known = ExtractedText.objects.filter(document=document).first()
    if known and known.sha256 == digest and not force:
        return known
    fields = {"sha256": digest}
    try:
        extracted = extract_bytes(document.file.name, data)
        fields.update(
            state=ExtractedText.State.DONE,
            text=extracted.text,
            pages=extracted.pages,
            seconds=extracted.seconds,
            error="",
        )
    except ExtractionError as why:
        logger.warning("Text extraction failed: %s", why)
        fields.update(state=ExtractedText.State.FAILED, text="", pages=0, error=str(why)[:300])
    row, _ = ExtractedText.objects.update_or_create(document=document, defaults=fields)
    return row


@task()
def extract_document_task(document_id):
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None:
        extract_document(document)


def queue_extraction(document_id):
    """After commit, so the task sees the page and file the editor just saved."""
    task_ = (
        extract_document_task.using(backend="background")
        if "background" in settings.TASKS
        else extract_document_task
    )
    transaction.on_commit(lambda: task_.enqueue(document_id))


def on_document_published(instance, **kwargs):
    if getattr(instance, "official_file_id", None):
        queue_extraction(instance.official_file_id)
