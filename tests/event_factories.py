"""Events and documents for the tests of the Alliance's programme and library."""

import datetime
import zoneinfo

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from documents.models import Issuer, LegalDocumentIndexPage, LegalDocumentPage, LegalField
from events.models import EventIndexPage, EventPage
from tests.factories import add_page, vi

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def hanoi(year, month, day, hour=8, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=HANOI)


def events_index(language="vi"):
    return EventIndexPage.objects.get(locale__language_code=language)


def make_event(title="Hội chợ OCOP Hà Nội", start=None, days=2, publish=True, **fields):
    start = start or (datetime.datetime.now(HANOI) + datetime.timedelta(days=30)).replace(
        hour=8, minute=0, second=0, microsecond=0
    )
    fields.setdefault("kind", "hoi-cho")
    fields.setdefault("summary", "Hội chợ sản phẩm OCOP của các hợp tác xã Thủ đô.")
    fields.setdefault("venue_name", "Cung Văn hóa Hữu nghị Việt Xô")
    fields.setdefault("address", "91 Trần Hưng Đạo, Hoàn Kiếm")
    fields.setdefault("organiser", "Liên minh Hợp tác xã thành phố Hà Nội")
    end = fields.pop("end", None) or start + datetime.timedelta(days=days - 1, hours=9)
    page = EventPage(title=title, start=start, end=end, **fields)
    return add_page(fields.pop("parent", None) or events_index(), page, publish)


def library_index(language="vi"):
    return LegalDocumentIndexPage.objects.get(locale__language_code=language)


def issuer(name="Quốc hội"):
    return Issuer.objects.get_or_create(name=name, locale=vi())[0]


def legal_field(name="Hợp tác xã"):
    return LegalField.objects.get_or_create(name=name, locale=vi())[0]


def official_file(name, content, title=None):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return get_document_model().objects.create(
        title=title or name, file=ContentFile(data, name=name)
    )


def make_document(title, number, issued_on, publish=True, relations=(), **fields):
    fields.setdefault("doc_type", "luat")
    fields.setdefault("issuer", issuer())
    fields.setdefault("summary", "Văn bản về hợp tác xã.")
    fields.setdefault("effective_from", issued_on)
    page = LegalDocumentPage(title=title, number=number, issued_on=issued_on, **fields)
    page.relations = list(relations)
    return add_page(library_index(), page, publish)
