"""The demo's programme and library: enough events on both sides of today, the statuses the
issue asks for, 15 documents with the city plan's full text, both languages, idempotent."""

import pytest
from django.utils import timezone

from demo.programme import ProgrammeLoader
from documents.models import ExtractedText, LegalDocumentPage
from events.models import EventPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    return ProgrammeLoader().run()


def test_events_over_the_past_and_coming_year(loaded):
    events = EventPage.objects.filter(locale__language_code="vi")
    now = timezone.now()
    assert events.count() >= 10
    assert events.filter(end__lt=now).count() >= 3 and events.filter(start__gt=now).count() >= 5
    assert {"cancelled", "moved_online"} <= set(events.values_list("status", flat=True))
    assert EventPage.objects.filter(locale__language_code="en").count() == events.count()


def test_fifteen_documents_with_the_city_plan_in_full(loaded):
    documents = LegalDocumentPage.objects.filter(locale__language_code="vi")
    assert documents.count() == 15
    plan = documents.get(doc_type="ke-hoach")
    text = ExtractedText.objects.get(document=plan.official_file).text
    assert "xây dựng chương trình xúc tiến thương mại hàng năm cho các HTX" in text
    assert plan.number == "" and plan.issued_on is None  # the copy carries neither
    old_law = documents.get(number="23/2012/QH13")
    assert old_law.status() == "ended" and old_law.replaced_by.page.number == "17/2023/QH15"
    generated = ExtractedText.objects.get(document=old_law.official_file).text
    assert "KHÔNG phải văn bản chính thức" in generated


def test_a_second_run_adds_nothing(loaded):
    assert loaded["documents"] == 30 and loaded["events"] >= 20
    again = ProgrammeLoader().run()
    assert again == {"events": 0, "documents": 0, "applications": 0}
