"""The events section: lists, filters, the month calendar, the home page's next events,
calendar files that stay right, and Event JSON-LD."""

import datetime
import json
import re
from http import HTTPStatus

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from tests.event_factories import events_index, hanoi, make_event
from tests.factories import AreaFactory
from tests.http import html_of, text_of

pytestmark = pytest.mark.django_db

NOW = hanoi(2026, 9, 1, 9)


@pytest.fixture
def september():
    with time_machine.travel(NOW, tick=False):
        yield


def ics(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_sections_exist_in_both_languages(client):
    assert client.get("/su-kien/").status_code == HTTPStatus.OK
    assert client.get("/en/events/").status_code == HTTPStatus.OK


def test_upcoming_events_first_past_ones_in_the_archive(client, september):
    make_event("Hội chợ mùa thu", start=hanoi(2026, 10, 3))
    make_event("Tập huấn bán hàng trực tuyến", start=hanoi(2026, 9, 12), kind="tap-huan")
    make_event("Hội chợ Xuân 2025", start=hanoi(2025, 1, 10))
    text = text_of(html_of(client, "/su-kien/"))
    assert text.index("Tập huấn bán hàng") < text.index("Hội chợ mùa thu")
    assert "Hội chợ Xuân 2025" not in text
    assert 'href="?year=2025"' in html_of(client, "/su-kien/")
    assert "Hội chợ Xuân 2025" in text_of(html_of(client, "/su-kien/?year=2025"))


def test_filters_by_kind_area_and_month(client, september):
    soc_son = AreaFactory(name="Sóc Sơn")
    make_event("Hội chợ Sóc Sơn", start=hanoi(2026, 10, 3), area=soc_son)
    make_event("Tập huấn tháng chín", start=hanoi(2026, 9, 12), kind="tap-huan")
    assert "Hội chợ Sóc Sơn" not in text_of(html_of(client, "/su-kien/?kind=tap-huan"))
    assert "Tập huấn tháng chín" not in text_of(html_of(client, f"/su-kien/?area={soc_son.slug}"))
    text = text_of(html_of(client, "/su-kien/?month=2026-09"))
    assert "Tập huấn tháng chín" in text and "Hội chợ Sóc Sơn" not in text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("month=2026-13", "Tháng phải có dạng năm-tháng"),
        ("kind=xiec", "Không có loại sự kiện"),
        ("year=abc", "Năm phải là bốn chữ số"),
        ("area=khong-co", "Không có địa bàn"),
    ],
)
def test_bad_filters_get_a_message_not_an_error(client, september, query, message):
    make_event("Hội chợ mùa thu", start=hanoi(2026, 10, 3))
    html = html_of(client, f"/su-kien/?{query}")
    assert message in html and "Hội chợ mùa thu" in html


def test_month_calendar_works_without_javascript(client, september):
    make_event("Hội chợ ba ngày", start=hanoi(2026, 9, 10), days=3)
    make_event("Phiên chợ đã hủy", start=hanoi(2026, 9, 20), status="cancelled", kind="livestream")
    html = html_of(client, "/su-kien/?view=calendar&month=2026-09")
    table = re.search(r'<table class="month-calendar">.*?</table>', html, re.S).group(0)
    # Monday first; the three days each carry the event.
    assert table.count("Hội chợ ba ngày") == 3
    assert '<time datetime="2026-09-10">10</time>' in table
    assert "Phiên chợ đã hủy" in table and "Đã hủy" in table
    assert "month=2026-10" in html and "month=2026-08" in html
    assert "<script" not in table


def test_lists_run_a_constant_number_of_queries(client, september):
    def count(url):
        with CaptureQueriesContext(connection) as queries:
            html_of(client, url)
        return len(queries)

    make_event("Sự kiện 1", start=hanoi(2026, 9, 10), area=AreaFactory())
    count("/su-kien/"), count("/su-kien/?view=calendar"), count("/")  # warm the caches
    one = count("/su-kien/"), count("/su-kien/?view=calendar"), count("/")
    for n in range(5):
        make_event(f"Sự kiện thêm {n}", start=hanoi(2026, 9, 11 + n), area=AreaFactory())
    assert (count("/su-kien/"), count("/su-kien/?view=calendar"), count("/")) == one


def test_home_page_shows_the_next_events(client, september):
    make_event("Hội chợ mùa thu", start=hanoi(2026, 10, 3))
    make_event("Đã qua", start=hanoi(2026, 8, 1))
    text = text_of(html_of(client, "/"))
    assert "Sự kiện sắp tới" in text and "Hội chợ mùa thu" in text and "Đã qua" not in text


def test_event_ics_has_local_time_zone_uid_and_sequence(client):
    event = make_event("Hội chợ mùa thu", start=hanoi(2026, 10, 3, 8, 30))
    calendar = ics(client, f"{event.url}ical/")
    assert [c.name for c in calendar.subcomponents] == ["VTIMEZONE", "VEVENT"]
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Asia/Ho_Chi_Minh"
    vevent = calendar.walk("VEVENT")[0]
    start = vevent.decoded("DTSTART")
    assert (
        start.utcoffset() == datetime.timedelta(hours=7) and start.hour == 8 and start.minute == 30
    )
    assert (
        b"DTSTART;TZID=Asia/Ho_Chi_Minh:20261003T083000" in client.get(f"{event.url}ical/").content
    )
    assert vevent["UID"] == event.ical_uid and vevent["SEQUENCE"] == 0
    assert vevent["STATUS"] == "CONFIRMED"


def test_sequence_rises_on_a_published_change_and_uid_stays(client):
    event = make_event("Hội chợ mùa thu", start=hanoi(2026, 10, 3))
    uid = event.ical_uid
    event.start = hanoi(2026, 10, 4)
    event.end = hanoi(2026, 10, 5, 17)
    event.save_revision().publish()
    # A draft alone changes nothing in the calendar.
    event.refresh_from_db()
    event.title = "Bản nháp đổi tên"
    event.save_revision()
    vevent = ics(client, f"{event.url}ical/").walk("VEVENT")[0]
    assert vevent["UID"] == uid and vevent["SEQUENCE"] == 1
    assert vevent.decoded("DTSTART").day == 4 and str(vevent["SUMMARY"]) == "Hội chợ mùa thu"


def test_feeds_keep_cancelled_events_as_cancelled_and_filter_by_kind(client):
    make_event("Hội chợ mùa thu", start=hanoi(2026, 10, 3))
    make_event("Phiên livestream đã hủy", status="cancelled", kind="livestream")
    feed = ics(client, f"{events_index().url}ical/")
    statuses = {str(e["SUMMARY"]): str(e["STATUS"]) for e in feed.walk("VEVENT")}
    assert statuses == {"Hội chợ mùa thu": "CONFIRMED", "Phiên livestream đã hủy": "CANCELLED"}
    assert len(feed.walk("VTIMEZONE")) == 1
    kind_feed = ics(client, f"{events_index().url}ical/livestream/")
    assert [str(e["SUMMARY"]) for e in kind_feed.walk("VEVENT")] == ["Phiên livestream đã hủy"]
    assert client.get(f"{events_index().url}ical/xiec/").status_code == HTTPStatus.NOT_FOUND


def structured(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    items = []
    for block in blocks:
        data = json.loads(block)
        items += data.get("@graph", [data]) if isinstance(data, dict) else data
    return items


def test_event_json_ld_has_status_and_attendance_mode(client):
    moved = make_event(
        "Hội nghị chuyển trực tuyến", status="moved_online", online_url="https://meet.example.vn/x"
    )
    event = next(i for i in structured(html_of(client, moved.url)) if i.get("@type") == "Event")
    assert event["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["startDate"].endswith("+07:00")
    fair = make_event("Hội chợ tại chỗ")
    event = next(i for i in structured(html_of(client, fair.url)) if i.get("@type") == "Event")
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["name"] == "Cung Văn hóa Hữu nghị Việt Xô"


def test_dates_in_the_wrong_order_are_refused_with_a_message():
    event = make_event("Hội chợ", start=hanoi(2026, 10, 3))
    event.end = hanoi(2026, 10, 2)
    event.registration_deadline = hanoi(2026, 10, 5)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "Giờ kết thúc phải sau giờ bắt đầu." in error.value.message_dict["end"]
    assert "Hạn đăng ký phải trước" in error.value.message_dict["registration_deadline"][0]


def test_the_admin_refuses_an_end_before_the_start_and_writes_nothing(client):
    from django.contrib.auth import get_user_model

    from events.models import EventPage

    admin = get_user_model().objects.create_superuser("quan-tri", "qt@example.vn", "x")
    client.force_login(admin)
    url = f"/admin/pages/add/events/eventpage/{events_index().pk}/"
    assert client.get(url).status_code == HTTPStatus.OK
    data = {
        "title": "Hội chợ sai giờ",
        "slug": "hoi-cho-sai-gio",
        "kind": "hoi-cho",
        "status": "scheduled",
        "start": "2026-10-03 08:00",
        "end": "2026-10-02 17:00",
        "summary": "Thử",
        "venue_name": "Nhà văn hóa",
        "organiser": "Liên minh HTX",
        "stand_quota": "0",
        "gallery_images-TOTAL_FORMS": "0",
        "gallery_images-INITIAL_FORMS": "0",
        "gallery_images-MIN_NUM_FORMS": "0",
        "gallery_images-MAX_NUM_FORMS": "1000",
    }
    response = client.post(url, data)
    assert response.status_code == HTTPStatus.OK
    assert "Giờ kết thúc phải sau giờ bắt đầu." in response.content.decode()
    assert not EventPage.objects.filter(slug="hoi-cho-sai-gio").exists()
