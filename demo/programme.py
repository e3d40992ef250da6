"""Loads the Alliance's programme and library: events with stand applications, and the
documents of the collective economy with their files, in Vietnamese and English.

Runs after the base demo (it needs the cooperatives and areas) and is idempotent: pages are
found by slug, taxonomies by name. Files are extracted here, synchronously, so the demo's
search has the text at once; publishing would otherwise queue the extraction on a thread.
"""

import datetime
import io
import json
import zoneinfo
from pathlib import Path

import docx
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale

from cooperatives.models import Area, CooperativePage, Sector
from documents.models import (
    DocumentRelation,
    Issuer,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalField,
)
from documents.tasks import extract_document
from events.applications import StandApplication
from events.models import EventIndexPage, EventPage
from portal.text import vi_slugify

DATA = Path(__file__).parent / "data"
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
NOT_OFFICIAL = (
    "Bản này do Cổng thông tin Hợp tác xã Hà Nội tạo cho bản trình diễn, KHÔNG phải văn bản "
    "chính thức. Văn bản chính thức: {number}, {issuer} ban hành{date}. Tra cứu văn bản gốc tại "
    "Cơ sở dữ liệu quốc gia về văn bản pháp luật (vbpl.vn) hoặc Công báo Chính phủ."
)


def read(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


class ProgrammeLoader:
    def __init__(self):
        self.vi = Locale.objects.get(language_code="vi")
        self.en = Locale.objects.get(language_code="en")
        self.today = timezone.localdate()
        self.created = {"events": 0, "documents": 0, "applications": 0}

    @transaction.atomic
    def run(self):
        library = read("documents.json")
        self.issuers = self._taxonomy(Issuer, library["issuers"])
        self.fields = self._taxonomy(LegalField, library["fields"])
        self._documents(library["documents"])
        self._events(read("events.json")["events"])
        return self.created

    # --- taxonomies: Vietnamese rows and their English translations ----------------------

    def _taxonomy(self, model, pairs):
        found = {}
        for name, english in pairs:
            row, _ = model.objects.get_or_create(
                slug=vi_slugify(name), locale=self.vi, defaults={"name": name}
            )
            translation = row.get_translation_or_none(self.en)
            if translation is None:
                translation = row.copy_for_translation(self.en)
                translation.name, translation.slug = english, vi_slugify(english)
                translation.save()
            found[name] = (row, translation)
        return found

    # --- documents ------------------------------------------------------------------------

    def _documents(self, documents):
        for language, index_locale in (("vi", self.vi), ("en", self.en)):
            index = LegalDocumentIndexPage.objects.get(locale=index_locale)
            pages = {}
            for item in documents:
                pages[item["number"] or item["title"]] = self._document(index, item, language)
            self._relations(documents, pages)

    def _document(self, index, item, language):
        slug = vi_slugify(item["number"] or item["title"])[:80] or vi_slugify(item["title"])[:80]
        existing = LegalDocumentPage.objects.filter(locale=index.locale, slug=slug).first()
        if existing is not None:
            return existing
        english = language == "en"
        issuer, issuer_en = self.issuers[item["issuer"]]
        field, field_en = self.fields[item["field"]]
        page = LegalDocumentPage(
            title=item["en_title"] if english else item["title"],
            slug=slug,
            locale=index.locale,
            number=item["number"],
            doc_type=item["type"],
            issuer=issuer_en if english else issuer,
            legal_field=field_en if english else field,
            signer=item["signer"],
            issued_on=_date(item["issued_on"]),
            effective_from=_date(item["effective_from"]),
            summary=item["en_summary"] if english else item["summary"],
            status_override=item.get("status_override", ""),
            checked_on=self.today if item.get("status_override") else None,
            source_url="https://vbpl.vn/",
            official_file=self._file(item),
        )
        self.created["documents"] += 1
        return _publish(index, page)

    def _file(self, item):
        """The document's file, shared by both languages, its text extracted at once."""
        name = item.get("file") or f"{vi_slugify(item['number'] or item['title'])}-ban-demo.docx"
        title = f"{item['number'] or item['title'][:60]} (tệp của bản demo)"
        Document = get_document_model()
        document = Document.objects.filter(title=title).first()
        if document is None:
            data = (DATA / name).read_bytes() if item.get("file") else self._generated(item)
            document = Document.objects.create(title=title, file=ContentFile(data, name=name))
        extract_document(document)
        return document

    @staticmethod
    def _generated(item):
        """A DOCX that says it is not the official text and where to find that."""
        issued = _date(item["issued_on"])
        date = f" ngày {issued:%d/%m/%Y}" if issued else ""
        document = docx.Document()
        document.add_heading(item["title"], level=1)
        document.add_paragraph(
            NOT_OFFICIAL.format(number=item["number"], issuer=item["issuer"], date=date)
        )
        document.add_heading("Tóm tắt cho hợp tác xã", level=2)
        document.add_paragraph(item["summary"])
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    def _relations(self, documents, pages):
        for item in documents:
            page = pages[item["number"] or item["title"]]
            if page.relations.exists() or not item["relations"]:
                continue
            page.relations = [
                DocumentRelation(kind=kind, target=pages[target], from_date=_date(when))
                for kind, target, when in item["relations"]
            ]
            page.save_revision().publish()

    # --- events -----------------------------------------------------------------------------

    def _at(self, day, hour):
        date = self.today + datetime.timedelta(days=day)
        return datetime.datetime.combine(date, datetime.time(hour), HANOI)

    def _events(self, events):
        for item in events:
            vi_event = self._event(EventIndexPage.objects.get(locale=self.vi), item, "vi")
            self._event(EventIndexPage.objects.get(locale=self.en), item, "en", vi_event)
            self._applications(vi_event, item)

    def _event(self, index, item, language, original=None):
        english = language == "en"
        slug = item["en_slug"] if english else item["slug"]
        existing = EventPage.objects.filter(locale=index.locale, slug=slug).first()
        if existing is not None:
            return existing
        area = (
            Area.objects.filter(name=item["area"], locale=self.vi).first() if item["area"] else None
        )
        if area is not None and english:
            area = area.get_translation_or_none(self.en) or area
        start = self._at(item["start_day"], item["start_hour"])
        deadline = item["deadline_day"]
        page = EventPage(
            title=item["en_title"] if english else item["title"],
            slug=slug,
            locale=index.locale,
            kind=item["kind"],
            status=item.get("status", "scheduled"),
            start=start,
            end=self._at(item["start_day"] + item["days"] - 1, item["end_hour"]),
            summary=item["en_summary"] if english else item["summary"],
            venue_name=item["venue_name"],
            address=item["address"],
            area=area,
            online_url=item.get("online_url", ""),
            organiser=item["organiser"],
            registration_deadline=self._at(deadline, 17) if deadline is not None else None,
            stand_quota=item["stand_quota"],
            eligibility=item["eligibility"],
            support=item["support"],
            participants_published=item.get("published_list", False),
        )
        if original is not None:
            # One event in two languages: one UID, so a calendar holding both keeps one.
            page.translation_key, page.uid = original.translation_key, original.uid
        page.eligible_sectors = list(
            Sector.objects.filter(name__in=item["sectors"], locale=self.vi)
        )
        self.created["events"] += 1
        return _publish(index, page)

    def _applications(self, event, item):
        for code, status in item.get("applications", []):
            cooperative = CooperativePage.objects.filter(code=code, locale=self.vi).first()
            if cooperative is None:
                continue
            product_ids = list(cooperative.get_children().live().values_list("pk", flat=True)[:3])
            application, created = StandApplication.objects.get_or_create(
                event=event,
                cooperative=cooperative,
                defaults={
                    "status": status,
                    "contact_phone": cooperative.phone or "024 3825 0000",
                    "support_needed": "Cần một bàn trưng bày và ổ điện.",
                    "reviewed_at": timezone.now() if status != "submitted" else None,
                },
            )
            if created:
                application.products.set(product_ids)
                self.created["applications"] += 1
