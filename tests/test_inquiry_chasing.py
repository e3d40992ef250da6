"""Silence chased and escalated, responsiveness counted honestly, personal data erased."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from inquiries import lifecycle
from inquiries.chasing import chase
from inquiries.erasure import erase_expired
from inquiries.models import Delivery, Inquiry, Message, Responsiveness, Status
from inquiries.responsiveness import refresh
from inquiries.spam import Verdict
from tests.factories import make_cooperative, make_product
from tests.http import html_of, text_of

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC)


def hours(n):
    return datetime.timedelta(hours=n)


@pytest.fixture
def cooperative():
    return make_cooperative("HTX Mật ong Ba Vì", email="matong@htx.vn")


def send(cooperative, email="buyer@example.com", product=None):
    inquiry = Inquiry(
        cooperative=cooperative,
        product=product,
        name="Trần Văn Minh",
        country="VN",
        email=email,
        message="Cần 200 lít mật ong hoa nhãn mỗi quý.",
    )
    return lifecycle.submit(inquiry, Verdict())


def kinds(inquiry):
    return sorted(inquiry.deliveries.values_list("kind", flat=True))


def test_reminded_after_48_hours_then_escalated_after_72_once(cooperative):
    with time_machine.travel(START, tick=False):
        inquiry = send(cooperative)
    with time_machine.travel(START + hours(47), tick=False):
        assert chase().reminded == 0
    with time_machine.travel(START + hours(49), tick=False):
        assert chase().reminded == 1
        assert chase().reminded == 0  # idempotent
    with time_machine.travel(START + hours(73), tick=False):
        done = chase()
        assert (done.reminded, done.escalated) == (0, 1)
        assert chase().escalated == 0
    inquiry.refresh_from_db()
    assert inquiry.reminded_at == START + hours(49) and inquiry.escalated_at == START + hours(73)
    assert kinds(inquiry) == [
        "acknowledgement",
        "buyer_escalated",
        "escalation",
        "new_inquiry",
        "reminder",
    ]


def test_an_answered_inquiry_is_never_chased(cooperative):
    with time_machine.travel(START, tick=False):
        inquiry = send(cooperative)
    with time_machine.travel(START + hours(10), tick=False):
        lifecycle.answer(inquiry, "Giá 250.000 đồng một lít.", None, Message.Sender.COOPERATIVE)
    with time_machine.travel(START + hours(100), tick=False):
        done = chase()
    assert (done.reminded, done.escalated) == (0, 0)


def test_overdue_without_a_reminder_goes_straight_to_the_desk(cooperative):
    with time_machine.travel(START, tick=False):
        inquiry = send(cooperative)
    with time_machine.travel(START + hours(80), tick=False):
        done = chase()
    inquiry.refresh_from_db()
    assert (done.reminded, done.escalated) == (0, 1) and inquiry.reminded_at is None


def test_the_command_reports_what_it_did(cooperative, capsys):
    with time_machine.travel(START, tick=False):
        send(cooperative)
    with time_machine.travel(START + hours(50), tick=False):
        call_command("chase_inquiries")
    assert "reminded 1, escalated 0" in capsys.readouterr().out


def answered_after(cooperative, delay_hours, sent, **kwargs):
    with time_machine.travel(sent, tick=False):
        inquiry = send(cooperative, **kwargs)
    if delay_hours is not None:
        with time_machine.travel(sent + hours(delay_hours), tick=False):
            lifecycle.answer(inquiry, "Cảm ơn, xin gửi báo giá.", None, Message.Sender.COOPERATIVE)
    return inquiry


def test_responsiveness_counts_honestly(cooperative):
    # Six real inquiries: four answered within 48 h, one late, one escalated; and one spam.
    for n, delay in enumerate([1, 5, 20, 47, 60]):
        answered_after(cooperative, delay, START + hours(n))
    escalated = answered_after(cooperative, None, START + hours(6))
    spam = answered_after(cooperative, None, START + hours(7))
    lifecycle.change_status(spam, Status.SPAM, None, by_cooperative=True)
    with time_machine.travel(START + hours(200), tick=False):
        chase()
        with time_machine.travel(START + hours(201), tick=False):
            lifecycle.answer(escalated, "Trả lời muộn.", None, Message.Sender.COOPERATIVE)
        refresh()
    figures = Responsiveness.objects.get(cooperative=cooperative)
    assert (figures.inquiries, figures.answered_within_48h) == (6, 4)
    assert figures.share_within_48h == 67 and figures.median_hours == 20
    assert not figures.responds_within_48h  # 67% is under the directory's 80%


def test_declined_counts_as_answered_and_fewer_than_five_is_not_enough(cooperative):
    with time_machine.travel(START, tick=False):
        inquiry = send(cooperative)
        lifecycle.change_status(inquiry, Status.DECLINED, None, by_cooperative=True)
    figures = Responsiveness.objects.get(cooperative=cooperative)
    assert (figures.inquiries, figures.answered_within_48h) == (1, 1)
    assert not figures.enough_data


def test_the_pages_show_the_figures_or_say_there_is_not_enough_data(client, cooperative):
    product = make_product(cooperative, title="Mật ong hoa nhãn")
    assert "Chưa đủ dữ liệu" in text_of(html_of(client, cooperative.url))
    now = timezone.now()
    for n in range(5):
        answered_after(cooperative, 2, now - hours(100 + n), email=f"b{n}@example.com")
    text = text_of(html_of(client, product.url))
    assert "Trả lời 100% yêu cầu trong 48 giờ (5 yêu cầu)." in text
    assert "(trung vị): 2 giờ" in text


def test_personal_data_is_erased_after_the_retention_period(cooperative, settings):
    settings.INQUIRY_RETENTION_DAYS = 30
    with time_machine.travel(START, tick=False):
        old = send(cooperative, email="old@example.com")
        lifecycle.answer(old, "Gửi anh Minh báo giá.", None, Message.Sender.COOPERATIVE)
    with time_machine.travel(START + datetime.timedelta(days=20), tick=False):
        recent = send(cooperative, email="recent@example.com")
    with time_machine.travel(START + datetime.timedelta(days=31), tick=False):
        assert erase_expired() == (1, 0)
        assert erase_expired() == (0, 0)
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.email, old.message) == ("", "", "") and old.erased_at
    assert old.country == "VN" and old.status == Status.ANSWERED  # statistics stay
    assert old.messages.get().body == ""
    assert all(d.to == [] for d in Delivery.objects.filter(inquiry=old))
    assert recent.email == "recent@example.com" and recent.erased_at is None


def test_the_directory_filters_cooperatives_that_respond_within_48_hours(client, cooperative):
    slow = make_cooperative("HTX Chậm Trả Lời", email="cham@htx.vn")
    now = timezone.now()
    for n in range(5):
        answered_after(cooperative, 3, now - hours(60 + n), email=f"f{n}@example.com")
        answered_after(slow, None, now - hours(60 + n), email=f"s{n}@example.com")
    chase()
    html = html_of(client, cooperative.get_parent().url + "?responsive=on")
    text = text_of(html)
    assert "HTX Mật ong Ba Vì" in text and "HTX Chậm Trả Lời" not in text
    assert "Thường trả lời trong 48 giờ: có" in text  # the removable chip


def test_the_search_api_gives_each_hit_its_producers_figures(client, cooperative):
    product = make_product(cooperative, title="Mật ong hoa nhãn")
    now = timezone.now()
    for n in range(5):
        answered_after(cooperative, 4, now - hours(60 + n), email=f"a{n}@example.com")
    data = client.get("/api/products/search/", {"q": "mật ong"}).json()
    hit = next(h for h in data["results"] if h["id"] == product.pk)
    assert hit["cooperative"]["responsiveness"] == {
        "inquiries": 5,
        "share_answered_within_48h": 100,
        "median_hours_to_first_answer": 4.0,
        "responds_within_48h": True,
    }
