"""A buyer's inquiry: the form on the pages, what is refused, held or delivered, the mail."""

import altcha
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from inquiries import lifecycle, spam
from inquiries.mail import buyer_token
from inquiries.models import Delivery, Inquiry, Status
from tests.factories import make_cooperative, make_product
from tests.http import html_of, text_of
from tests.mail_queue import run_mail_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    cooperative = make_cooperative("HTX Gạo Sóc Sơn", email="gao@htx.vn", phone="0912345678")
    return make_product(cooperative, title="Gạo nếp cái hoa vàng", unit="kg", price_vnd=45000)


def solved(challenge=None):
    """What the browser's script sends: the solved challenge, base64 JSON."""
    challenge = challenge or spam.new_challenge()
    solution = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"], 0
    )
    return altcha.PayloadV1(
        challenge["algorithm"],
        challenge["challenge"],
        solution.number,
        challenge["salt"],
        challenge["signature"],
    ).to_base64()


def form_data(product, **changes):
    data = {
        "product": product.pk,
        "name": "Nguyễn Thị Lan",
        "organisation": "Công ty Thực phẩm Sạch Hà Đông",
        "country": "VN",
        "email": "lan@example.vn",
        "phone": "0987 654 321",
        "quantity": "500",
        "unit": "kg",
        "destination": "Hà Nội",
        "message": "Chúng tôi cần 500 kg gạo nếp mỗi tháng, giao tại Hà Đông.",
        "consent": "on",
        "altcha": solved(),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_product_page_has_the_form_instead_of_a_mailto_button(client, product):
    html = html_of(client, product.url)
    assert 'id="hoi-mua"' in html and 'href="#hoi-mua"' in html
    assert f'action="{reverse("inquiries:send")}"' in html
    assert "?subject=" not in html  # the old mailto: button is gone
    assert 'href="mailto:gao@htx.vn"' in html  # the plain contact details stay visible
    text = text_of(html)
    assert "Hỏi mua" in text and "Từ 20 đến 2000 ký tự" in text


def test_a_valid_inquiry_is_stored_delivered_and_acknowledged(client, product):
    response = client.post(reverse("inquiries:send"), form_data(product))
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"].startswith(
        reverse("inquiries:buyer", kwargs={"token": buyer_token(inquiry)})
    )
    assert inquiry.status == Status.NEW and inquiry.delivered_at is not None
    assert inquiry.phone == "+84987654321" and inquiry.product == product
    assert not mail.outbox  # nothing is sent on the request path
    run_mail_queue()
    by_kind = {d.kind: d for d in Delivery.objects.all()}
    assert by_kind["new_inquiry"].state == "sent" and by_kind["acknowledgement"].state == "sent"
    to_cooperative = next(m for m in mail.outbox if m.to == ["gao@htx.vn"])
    assert "Nguyễn Thị Lan" in to_cooperative.body and "500 kg" in to_cooperative.body
    to_buyer = next(m for m in mail.outbox if m.to == ["lan@example.vn"])
    assert buyer_token(inquiry) in to_buyer.body


def test_the_buyer_page_shows_the_state_and_takes_a_reply(client, product):
    client.post(reverse("inquiries:send"), form_data(product))
    inquiry = Inquiry.objects.get()
    url = reverse("inquiries:buyer", kwargs={"token": buyer_token(inquiry)})
    response = client.get(url + "?sent=1")
    text = text_of(response.content.decode())
    assert response["Cache-Control"] == "private, no-store"
    assert "Đã gửi." in text and "HTX Gạo Sóc Sơn" in text and "Mới" in text
    client.post(url, {"body": "Xin gửi thêm giá cho 1 tấn."})
    assert inquiry.messages.get().body == "Xin gửi thêm giá cho 1 tấn."
    assert "Xin gửi thêm giá cho 1 tấn." in text_of(html_of(client, url))


def test_a_forged_token_is_not_found(client, product):
    client.post(reverse("inquiries:send"), form_data(product))
    token = str(Inquiry.objects.get().token)
    assert (
        client.get(reverse("inquiries:buyer", kwargs={"token": token + ":forged"})).status_code
        == 404
    )
    assert client.get(reverse("inquiries:buyer", kwargs={"token": token})).status_code == 404


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "Trường này là bắt buộc."),
        ({"email": "lan@"}, "Nhập địa chỉ email."),
        ({"phone": "12"}, "Số điện thoại không đúng"),
        ({"country": "XX"}, "XX"),
        ({"quantity": "-3"}, "Số lượng phải lớn hơn 0."),
        ({"wanted_by": "2000-01-01"}, "Ngày cần hàng đã qua."),
        ({"wanted_by": "31/31/2026"}, "Nhập một ngày hợp lệ."),
        ({"incoterm": "ABC"}, "ABC"),
        ({"target_price": "abc"}, "Nhập một số."),
        ({"message": "ngắn"}, "ít nhất 20"),
        ({"message": "x" * 2001}, "tối đa 2000"),
        ({"consent": None}, "Xin đánh dấu ô đồng ý"),
    ],
)
def test_bad_input_gets_a_clear_message_and_writes_nothing(client, product, changes, message):
    response = client.post(reverse("inquiries:send"), form_data(product, **changes))
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert 'class="error-summary"' in html and 'aria-invalid="true"' in html
    assert not Inquiry.objects.exists() and not Delivery.objects.exists()
    assert "Nguyễn Thị Lan" in html or changes.get("name") == ""  # what was typed stays


def test_a_wrong_target_is_a_friendly_404(client, product):
    for params in ({"product": "abc"}, {"product": "999999"}, {"product": "9" * 30}, {}):
        assert client.get(reverse("inquiries:send"), params).status_code == 404


def test_without_javascript_the_inquiry_is_held_for_the_trade_desk(client, product):
    response = client.post(reverse("inquiries:send"), form_data(product, altcha=""))
    inquiry = Inquiry.objects.get()
    assert response.status_code == 302
    assert inquiry.status == Status.HELD and inquiry.held_reason == "no_proof"
    assert inquiry.delivered_at is None
    kinds = set(Delivery.objects.values_list("kind", flat=True))
    assert kinds == {"acknowledgement", "held"}  # the cooperative is not told yet


def test_a_replayed_proof_counts_as_none(client, product):
    proof = solved()
    client.post(reverse("inquiries:send"), form_data(product, altcha=proof))
    client.post(
        reverse("inquiries:send"),
        form_data(product, altcha=proof, message="Một câu hỏi khác về gạo nếp, giao ở Hà Nội."),
    )
    assert sorted(Inquiry.objects.values_list("status", flat=True)) == ["held", "new"]


def test_the_honeypot_stores_spam_and_tells_nobody(client, product):
    response = client.post(reverse("inquiries:send"), form_data(product, ho_so_web="http://x"))
    assert response.status_code == 200
    inquiry = Inquiry.objects.get()
    assert inquiry.status == Status.SPAM
    assert not Delivery.objects.exists()
    # Never lost: the trade desk restores it and it reaches the cooperative.
    lifecycle.change_status(inquiry, Status.NEW, None, by_cooperative=False)
    assert inquiry.delivered_at is not None
    assert Delivery.objects.filter(kind="new_inquiry", inquiry=inquiry).exists()


def test_many_links_are_held(client, product):
    message = "Mua gạo http://a.example http://b.example www.c.example rẻ nhất"
    client.post(reverse("inquiries:send"), form_data(product, message=message))
    assert Inquiry.objects.get().held_reason == "links"


def test_the_same_message_twice_is_refused_with_the_form_kept(client, product):
    client.post(reverse("inquiries:send"), form_data(product))
    response = client.post(reverse("inquiries:send"), form_data(product))
    assert response.status_code == 429
    assert "Yêu cầu giống hệt đã được gửi" in response.content.decode()
    assert Inquiry.objects.count() == 1


def test_rate_limits_per_email(client, product, settings):
    settings.INQUIRY_RATE_LIMITS = {"address": (100, 3600), "email": (2, 3600)}
    statuses = [
        client.post(
            reverse("inquiries:send"),
            form_data(product, message=f"Câu hỏi số {n} về gạo nếp ở Hà Nội."),
        ).status_code
        for n in range(3)
    ]
    assert statuses == [302, 302, 429]
    assert Inquiry.objects.count() == 2


def test_english_buyer_gets_english_pages_and_mail(client, product):
    with translation.override("en"):
        url = reverse("inquiries:send")
    assert url == "/en/inquiry/"
    form = client.get(url, {"product": product.pk}).content.decode()
    assert "Send the inquiry" in form and "trade term (incoterms 2020)" in form.lower()
    assert "Between 20 and 2000 characters" in form  # help built at import, shown in English
    response = client.post(url, form_data(product, country="JP", phone="+81 3 1234 5678"))
    inquiry = Inquiry.objects.get()
    assert inquiry.language == "en" and inquiry.phone == "+81312345678"
    assert response["Location"].startswith("/en/inquiry/")
    page = text_of(client.get(response["Location"]).content.decode())
    assert "Sent." in page and "New" in page
    run_mail_queue()
    to_buyer = next(m for m in mail.outbox if m.to == ["lan@example.vn"])
    assert to_buyer.subject == f"Inquiry {inquiry.reference} received"
    assert "Thank you. Your inquiry has been passed to HTX Gạo Sóc Sơn." in to_buyer.body
    assert "/en/inquiry/" in to_buyer.body
    to_cooperative = next(m for m in mail.outbox if m.to == ["gao@htx.vn"])
    assert to_cooperative.subject.startswith("Yêu cầu hỏi mua mới")  # cooperatives read Vietnamese


def test_a_cooperative_without_any_address_goes_to_the_trade_desk(client, settings):
    cooperative = make_cooperative("HTX Không Thư", email="")
    product = make_product(cooperative, title="Mật ong hoa nhãn")
    client.post(reverse("inquiries:send"), form_data(product))
    inquiry = Inquiry.objects.get()
    assert inquiry.escalated_at is not None
    assert Delivery.objects.filter(kind="escalation").exists()
