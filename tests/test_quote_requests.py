"""Requests for quotation: the category is invited, quotations compared, closed at the deadline."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from inquiries import quoting
from inquiries.admin_forms import QuotationForm
from inquiries.chasing import chase
from inquiries.mail import buyer_token
from inquiries.models import Delivery, QuoteRequest
from tests.factories import CategoryFactory, make_cooperative, make_product
from tests.http import text_of
from tests.test_inquiries import solved

pytestmark = pytest.mark.django_db


@pytest.fixture
def honey():
    category = CategoryFactory(name="Mật ong")
    for name in ("HTX Ong Ba Vì", "HTX Ong Sóc Sơn"):
        make_product(
            make_cooperative(name, email=f"{len(name)}@htx.vn"), "Mật ong", category=category
        )
    make_product(
        make_cooperative("HTX Gạo", email="gao@htx.vn"), "Gạo", category=CategoryFactory(name="Gạo")
    )
    return category


def request_data(category, **changes):
    data = {
        "category": category.pk,
        "product": "Mật ong hoa nhãn, can 20 lít",
        "quantity": "2000",
        "unit": "lít",
        "destination": "Osaka, Nhật Bản",
        "incoterm": "FOB",
        "deadline": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
        "name": "Yuki Tanaka",
        "country": "JP",
        "email": "yuki@example.jp",
        "consent": "on",
        "altcha": solved(),
    }
    data.update(changes)
    return data


def quote(invitation, price):
    form = QuotationForm(
        {
            "price": price,
            "currency": "USD",
            "unit": "lít",
            "minimum_order": "500",
            "lead_time_days": "30",
            "valid_until": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
            "note": "Giao tại cảng Hải Phòng.",
        },
        instance=getattr(invitation, "quotation", None),
    )
    assert form.is_valid(), form.errors
    return quoting.save_quotation(invitation, form)


def test_every_cooperative_of_the_category_is_invited_and_quotes_are_compared(client, honey):
    response = client.post(reverse("inquiries:quote_request"), request_data(honey))
    quote_request = QuoteRequest.objects.get()
    assert response.status_code == 302
    invited = {i.cooperative.title for i in quote_request.invitations.all()}
    assert invited == {"HTX Ong Ba Vì", "HTX Ong Sóc Sơn"}
    assert Delivery.objects.filter(kind="quote_invitation").count() == 2
    first, second = quote_request.invitations.order_by("cooperative__title")
    quote(first, "6.50")
    quote(second, "5.90")
    url = reverse("inquiries:quote_buyer", kwargs={"token": buyer_token(quote_request)})
    text = text_of(client.get(url).content.decode())
    assert "Đã mời 2 hợp tác xã" not in text  # only on the page right after sending
    assert text.index("HTX Ong Sóc Sơn") < text.index("HTX Ong Ba Vì")  # cheapest first
    assert "5,9 USD / lít" in text or "5.9 USD / lít" in text or "5,90 USD" in text
    client.post(url, {"action": "close"})
    quote_request.refresh_from_db()
    assert quote_request.status == "closed" and not quote_request.accepts_quotations()


def test_bad_requests_are_refused_with_their_messages(client, honey):
    past = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(
        reverse("inquiries:quote_request"), request_data(honey, deadline=past, quantity="0")
    )
    assert response.status_code == 400
    assert "Hạn nhận báo giá đã qua." in response.content.decode()
    assert not QuoteRequest.objects.exists()


def test_a_request_closes_at_its_deadline(client, honey):
    client.post(reverse("inquiries:quote_request"), request_data(honey))
    later = timezone.now() + datetime.timedelta(days=12)
    with time_machine.travel(later, tick=False):
        assert chase().requests_closed == 1
    assert QuoteRequest.objects.get().status == "closed"


def test_two_different_requests_from_one_buyer_are_both_taken(client, honey):
    client.post(reverse("inquiries:quote_request"), request_data(honey))
    other = request_data(honey, product="Mật ong rừng, chai 500 ml", altcha=solved())
    assert client.post(reverse("inquiries:quote_request"), other).status_code == 302
    again = request_data(honey, product="Mật ong rừng, chai 500 ml", altcha=solved())
    assert client.post(reverse("inquiries:quote_request"), again).status_code == 429
    assert QuoteRequest.objects.count() == 2
