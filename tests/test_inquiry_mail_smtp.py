"""Inquiry mail through Django's SMTP backend to a real SMTP server, failures retried."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from inquiries.models import Delivery, Inquiry
from tests.factories import make_cooperative, make_product
from tests.mail_queue import run_mail_queue
from tests.smtp_server import smtp_server  # noqa: F401 - the fixture
from tests.test_inquiries import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    cooperative = make_cooperative("HTX Chè Ba Vì", email="che@htx.vn")
    return make_product(cooperative, title="Chè búp Ba Vì", unit="kg")


def test_the_cooperative_and_the_buyer_get_real_mail(client, product, smtp_server):  # noqa: F811
    client.post(reverse("inquiries:send"), form_data(product, email="buyer@example.jp"))
    assert smtp_server.messages == []  # nothing sent while the buyer waited
    run_mail_queue()
    received = {tuple(to): message for to, message in smtp_server.messages}
    to_cooperative = received[("che@htx.vn",)]
    assert "Yêu cầu hỏi mua mới HM-" in to_cooperative["Subject"]
    assert "Nguyễn Thị Lan" in to_cooperative.get_content()
    to_buyer = received[("buyer@example.jp",)]
    token_path = reverse("inquiries:buyer", kwargs={"token": "X"}).rsplit("X", 1)[0]
    assert token_path in to_buyer.get_content()
    assert set(Delivery.objects.values_list("state", flat=True)) == {"sent"}


def test_a_failed_send_is_retried_then_shown_as_failed_and_nothing_is_lost(
    client,
    product,
    smtp_server,  # noqa: F811
):
    smtp_server.refuse = True
    client.post(reverse("inquiries:send"), form_data(product))
    inquiry = Inquiry.objects.get()
    run_mail_queue()
    delivery = Delivery.objects.get(kind="new_inquiry")
    assert (delivery.state, delivery.attempts) == ("pending", 1)
    assert "451" in delivery.last_error
    # Five retries later (the delays grow), the delivery is "failed" for the trade desk.
    now = timezone.now()
    for minutes in (2, 10, 45, 180, 700):
        with time_machine.travel(now + datetime.timedelta(minutes=minutes), tick=False):
            run_mail_queue()
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == ("failed", 6)
    assert Inquiry.objects.get(pk=inquiry.pk).status == "new"  # the inquiry itself stays
    # The server is back and the desk sends it again.
    from inquiries.mail import retry

    smtp_server.refuse = False
    retry(delivery)
    run_mail_queue()
    delivery.refresh_from_db()
    assert delivery.state == "sent"
    assert any(to == ["che@htx.vn"] for to, _ in smtp_server.messages)
