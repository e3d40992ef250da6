"""The library's search query, read from request parameters, and what a search returns.

Filters: `type`, `issuer`, `field` (slugs), `year`, `status` (documents.choices.Status). A bad
value raises `params.QueryError`; the page shows its message and the unfiltered library."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from documents.choices import DocumentType, Status

from .params import QueryError

SLUG = re.compile(r"^[a-z0-9-]{1,120}$")
PAGE_SIZE = 20
FILTER_NAMES = ("doc_type", "issuer", "legal_field", "year", "status")


@dataclass
class DocumentQuery:
    q: str = ""
    doc_type: str = ""
    issuer: str = ""
    legal_field: str = ""
    year: int | None = None
    status: str = ""
    page: int = 1
    language: str = "vi"

    @property
    def has_filters(self):
        return any(getattr(self, name) for name in FILTER_NAMES)

    def filters(self):
        return {name: getattr(self, name) for name in FILTER_NAMES if getattr(self, name)}


@dataclass
class DocumentHit:
    id: int
    title: str
    number: str
    url: str
    summary: str
    doc_type: str
    issued_on: object
    status: str
    passage: str = ""  # HTML: escaped text with <mark> around the words found


@dataclass
class DocumentResults:
    hits: list
    total: int
    facets: dict = field(default_factory=dict)
    backend: str = "database"


def _slug(params, name, label):
    value = params.get(name, "").strip()
    if value and not SLUG.match(value):
        raise QueryError(
            name,
            _("Giá trị “%(value)s” không hợp lệ cho %(label)s.")
            % {"value": value[:40], "label": label},
        )
    return value


def _int(params, name, low, high, message):
    value = params.get(name, "").strip()
    if not value:
        return None
    if not value.isdigit() or not low <= int(value) <= high:
        raise QueryError(name, message)
    return int(value)


def parse_document_query(params, language="vi"):
    q = params.get("q", "").strip()
    if len(q) > 200:
        raise QueryError("q", _("Từ khóa dài quá 200 ký tự."))
    doc_type = params.get("type", "").strip()
    if doc_type and doc_type not in DocumentType.values:
        raise QueryError("type", _("Không có loại văn bản “%(value)s”.") % {"value": doc_type[:40]})
    status = params.get("status", "").strip()
    if status and status not in Status.values:
        raise QueryError(
            "status", _("Không có tình trạng hiệu lực “%(value)s”.") % {"value": status[:40]}
        )
    return DocumentQuery(
        q=q,
        doc_type=doc_type,
        issuer=_slug(params, "issuer", _("cơ quan ban hành")),
        legal_field=_slug(params, "field", _("lĩnh vực")),
        year=_int(params, "year", 1945, 2100, _("Năm ban hành phải là bốn chữ số, ví dụ 2023.")),
        status=status,
        page=_int(params, "page", 1, 500, _("Trang phải là số từ 1 đến 500.")) or 1,
        language=language,
    )
