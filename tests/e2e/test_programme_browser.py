"""As a person would: a cooperative applies for a stand and the Alliance accepts it; a visitor
finds a document by a phrase inside its file typed without diacritics; an event's .ics opens
with the right local time."""

import datetime
import zoneinfo
from pathlib import Path

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.applications import StandApplication
from tests.event_factories import hanoi, make_document, make_event, official_file
from tests.onboarding import PASSWORD, alliance_editor, onboarded

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/admin/")


def test_a_cooperative_applies_for_a_stand_and_the_alliance_accepts(new_page):
    coop = onboarded("HTX Rau an toàn Văn Đức", "htx.vanduc@example.vn", "Rau cải Văn Đức")
    editor = alliance_editor()
    event = make_event(
        "Hội chợ OCOP mùa thu",
        registration_deadline=timezone.now() + datetime.timedelta(days=7),
        stand_quota=2,
    )

    page = new_page()
    log_in(page, coop.user.username)
    page.goto("/admin/stand-applications/new/")
    page.select_option("#id_event", str(event.pk))
    page.get_by_label("Rau cải Văn Đức").check()
    page.fill("#id_support_needed", "Cần một tủ mát cho rau")
    page.fill("#id_contact_phone", "0987 654 321")
    page.locator("main form[method=post] button.button-longrunning[type=submit]").first.click()
    page.wait_for_url("**/admin/stand-applications/")
    assert page.locator("table").get_by_text("Hội chợ OCOP mùa thu").first.is_visible()
    application = StandApplication.objects.get(cooperative=coop.page)
    assert application.status == "submitted"

    alliance = new_page()
    log_in(alliance, editor.username)
    alliance.goto(f"/admin/stand-applications/edit/{application.pk}/")
    alliance.select_option("#id_status", "accepted")
    alliance.fill("#id_review_note", "Gian số 12, khu nông sản")
    alliance.locator("main form[method=post] button.button-longrunning[type=submit]").first.click()
    alliance.wait_for_url("**/admin/stand-applications/")
    application.refresh_from_db()
    assert application.status == "accepted" and application.reviewed_at is not None

    # The cooperative sees the decision in its own list.
    page.goto("/admin/stand-applications/")
    assert page.locator("table").get_by_text("Được nhận gian hàng").first.is_visible()


def test_a_visitor_finds_a_document_by_a_phrase_without_diacritics(new_page):
    text = (
        "Điều 86. Tài sản không chia của hợp tác xã gồm phần vốn do Nhà nước hỗ trợ "
        "và quyền sử dụng đất được giao."
    )
    make_document(
        "Luật Hợp tác xã 2023",
        "17/2023/QH15",
        datetime.date(2023, 6, 20),
        official_file=official_file("luat-htx.txt", text),
    )
    make_document("Nghị định về khuyến nông", "02/2010/NĐ-CP", datetime.date(2010, 1, 8))

    page = new_page()
    page.goto("/van-ban/")
    page.get_by_label("Tìm theo số hiệu, tên hoặc một câu trong văn bản").fill("tai san khong chia")
    page.get_by_role("button", name="Tìm văn bản").click()
    page.wait_for_url("**/van-ban/?q=*")
    hit = page.locator(".document-hit").first
    assert "Luật Hợp tác xã 2023" in hit.inner_text()
    assert hit.locator("mark").first.inner_text() == "Tài"
    assert page.locator(".document-hit").count() == 1


def test_an_events_ics_opens_with_the_right_local_time(browser, live_server):
    event = make_event("Hội chợ OCOP mùa thu", start=hanoi(2026, 12, 5, 8, 30), days=1)
    # A visitor in Berlin: the calendar must show 02:30 there, the fair's 08:30 in Hanoi.
    context = browser.new_context(base_url=live_server.url, timezone_id="Europe/Berlin")
    try:
        page = context.new_page()
        page.goto(event.url)
        link = page.get_by_role("link", name="Thêm vào lịch (.ics)")
        with page.expect_download() as download_info:
            link.click()
        download = download_info.value
        assert download.suggested_filename.endswith(".ics")
        calendar = Calendar.from_ical(Path(download.path()).read_bytes())
    finally:
        context.close()
    start = calendar.walk("VEVENT")[0].decoded("DTSTART")
    assert start.tzinfo is not None and start.hour == 8 and start.minute == 30
    berlin = start.astimezone(zoneinfo.ZoneInfo("Europe/Berlin"))
    assert (berlin.hour, berlin.minute) == (2, 30)
