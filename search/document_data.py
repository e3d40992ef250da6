"""A document page's searchable data, as one dict both indexes are written from."""

import re

from django.db.models import Prefetch

from documents.models import DocumentRelation, LegalDocumentPage
from documents.status import status_dates
from portal.text import fold

WORDS = re.compile(r"\w+")


def folded_words(*texts):
    words = WORDS.findall(fold(" ".join(t for t in texts if t)))
    return " " + " ".join(words) + " "


def _pages(ids):
    incoming = Prefetch(
        "incoming_relations",
        queryset=DocumentRelation.objects.filter(page__live=True).select_related("page"),
    )
    pages = (
        LegalDocumentPage.objects.live()
        .public()
        .select_related("issuer", "legal_field", "official_file__extracted_text", "locale")
        .prefetch_related(incoming)
    )
    return pages if ids is None else pages.filter(pk__in=ids)


def _text_of(page):
    extracted = getattr(page.official_file, "extracted_text", None) if page.official_file else None
    return extracted.text if extracted is not None else ""


def document_data(page):
    dates = status_dates(page, page.incoming_relations.all())
    body = _text_of(page)
    return {
        "id": page.pk,
        "language": page.locale.language_code,
        "title": page.title,
        "number": page.number,
        "url": page.url or "",
        "summary": page.summary,
        "body": body,
        "folded": folded_words(page.title, page.number, page.summary, body),
        "folded_title": folded_words(page.title, page.number),
        "doc_type": page.doc_type,
        "issuer": page.issuer.slug,
        "legal_field": page.legal_field.slug if page.legal_field else "",
        "year": page.issued_on.year if page.issued_on else None,
        "issued_on": page.issued_on,
        "effective_from": dates.effective_from,
        "ends_on": dates.ends_on,
        "partly_from": dates.partly_from,
        "status_override": dates.override,
    }


def document_datas(ids=None):
    """The data of the live documents among `ids` (all when None), in constant queries."""
    return [document_data(page) for page in _pages(ids)]
