"""Search answers the library page (the `legal_library_context` hook) and listens to the
library's changes: a document published, unpublished or deleted, a file's text extracted."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.signals import page_published, page_unpublished

from documents.choices import DocumentType, Status
from documents.models import ExtractedText, Issuer, LegalDocumentPage, LegalField

from .document_indexing import pages_using_file, sync_documents
from .document_query import PAGE_SIZE, DocumentQuery, parse_document_query
from .document_search import search_documents
from .params import QueryError


class _Pages:
    """What Django's paginator needs to number pages, without the rows: the engine paged."""

    def __init__(self, total):
        self.total = total

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, item):
        return []


PARAMS = {
    "type": "doc_type",
    "issuer": "issuer",
    "field": "legal_field",
    "year": "year",
    "status": "status",
}


def toggle_url(query, param, value):
    """The page's URL with `param` set to `value`, or removed when it already is (page reset)."""
    params = {"q": query.q} if query.q else {}
    params |= {p: str(getattr(query, a)) for p, a in PARAMS.items() if getattr(query, a)}
    if params.get(param) == value:
        del params[param]
    else:
        params[param] = value
    return "?" + urlencode(params) if params else "?"


def _facet(query, name, labels, counts, param):
    selected = str(getattr(query, PARAMS[param]) or "")
    return {
        "name": name,
        "param": param,
        "options": [
            {
                "value": value,
                "label": label,
                "count": counts.get(value, 0),
                "selected": value == selected,
                "url": toggle_url(query, param, value),
            }
            for value, label in labels
            if counts.get(value) or value == selected
        ],
    }


def _facets(index, results, query):
    taxonomy = lambda model: [(t.slug, t.name) for t in model.objects.filter(locale=index.locale)]  # noqa: E731
    years = sorted(results.facets["year"], reverse=True)
    return [
        _facet(query, _("Loại văn bản"), DocumentType.choices, results.facets["doc_type"], "type"),
        _facet(query, _("Hiệu lực"), Status.choices, results.facets["status"], "status"),
        _facet(query, _("Cơ quan ban hành"), taxonomy(Issuer), results.facets["issuer"], "issuer"),
        _facet(query, _("Lĩnh vực"), taxonomy(LegalField), results.facets["legal_field"], "field"),
        _facet(query, _("Năm ban hành"), [(y, y) for y in years], results.facets["year"], "year"),
    ]


@hooks.register("legal_library_context")
def library_context(index, request):
    language = index.locale.language_code
    error = None
    try:
        query = parse_document_query(request.GET, language)
    except QueryError as why:
        error, query = why.message, DocumentQuery(language=language)
    results = search_documents(query)
    page_obj = Paginator(_Pages(results.total), PAGE_SIZE).get_page(query.page)
    labels = dict(DocumentType.choices)
    statuses = dict(Status.choices)
    for hit in results.hits:
        hit.type_label = labels.get(hit.doc_type, "")
        hit.status_label = statuses[hit.status]
    return {
        "query": query,
        "query_error": error,
        "results": results,
        "page_obj": page_obj,
        "facets": _facets(index, results, query),
        "robots": "noindex, follow" if query.q or query.has_filters else None,
    }


def _page_changed(instance, **kwargs):
    sync_documents([instance.pk])


def _text_extracted(instance, **kwargs):
    if ids := pages_using_file(instance.document_id):
        sync_documents(ids)


def connect():
    page_published.connect(_page_changed, sender=LegalDocumentPage, dispatch_uid="library-pub")
    page_unpublished.connect(_page_changed, sender=LegalDocumentPage, dispatch_uid="library-unpub")
    post_delete.connect(_page_changed, sender=LegalDocumentPage, dispatch_uid="library-delete")
    post_save.connect(_text_extracted, sender=ExtractedText, dispatch_uid="library-text")
