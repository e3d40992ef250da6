"""A buyer asks from a product page (script on, then off), the cooperative answers in the
admin, and the buyer reads the answer on their private page."""

import re

import pytest

from inquiries.models import Inquiry, Status
from tests.e2e.test_cooperative_publishing import log_in
from tests.mail_queue import run_mail_queue
from tests.onboarding import onboarded

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

QUESTION = "Chúng tôi cần 300 hộp mật ong mỗi tháng, giao tại Cầu Giấy. Xin báo giá sỉ."
ANSWER = "Giá sỉ 180.000 đồng một hộp từ 100 hộp, giao miễn phí trong nội thành."


def send_inquiry(page, product_url, name, email):
    page.goto(product_url)
    page.get_by_role("link", name="Hỏi mua").first.click()
    form = page.locator("#hoi-mua form")
    form.get_by_label("Họ và tên").fill(name)
    form.get_by_label("Thư điện tử", exact=True).fill(email)
    form.get_by_label("Số lượng").fill("300")
    form.get_by_label("Nội dung", exact=True).fill(QUESTION)
    form.get_by_label(re.compile("Tôi đồng ý")).check()
    form.get_by_role("button", name="Gửi yêu cầu hỏi mua").click()
    page.wait_for_url(re.compile(r"/hoi-mua/.+\?sent=1$"))
    assert page.get_by_role("status").get_by_text("Đã gửi.").is_visible()
    return page.url.split("?")[0]


def test_an_inquiry_from_a_product_page_is_answered_in_the_admin(browser, new_page, live_server):
    coop = onboarded("HTX Ong mật Ba Vì", "htx.ongmat@example.vn", "Mật ong hoa nhãn")
    product_url = coop.product.url

    # With JavaScript: the proof-of-work is solved in the page; the inquiry reaches the cooperative.
    buyer = new_page()
    private_url = send_inquiry(buyer, product_url, "Lê Thu Hà", "thuha@example.vn")
    inquiry = Inquiry.objects.get(email="thuha@example.vn")
    assert inquiry.status == Status.NEW and inquiry.quantity == 300

    # Without JavaScript the form still sends; the trade desk checks it first.
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", java_script_enabled=False
    )
    try:
        send_inquiry(context.new_page(), product_url, "Phạm Quang", "quang@example.vn")
    finally:
        context.close()
    assert Inquiry.objects.get(email="quang@example.vn").status == Status.HELD

    # A mistake is shown at the top, linked to its field, and what was typed stays.
    buyer.goto(product_url)
    form = buyer.locator("#hoi-mua form")
    form.get_by_label("Thư điện tử", exact=True).fill("thuha@")
    form.get_by_label("Nội dung", exact=True).fill(QUESTION)
    form.get_by_role("button", name="Gửi yêu cầu hỏi mua").click()
    summary = buyer.locator(".error-summary")
    assert summary.is_visible() and "Thư điện tử" in summary.inner_text()
    assert buyer.get_by_label("Nội dung", exact=True).input_value() == QUESTION

    # The cooperative answers in the admin.
    admin = new_page()
    log_in(admin, coop.user.username)
    admin.goto(f"/admin/inquiries/{inquiry.pk}/")
    assert "Lê Thu Hà" in admin.content()
    admin.get_by_label("Trả lời người mua").fill(ANSWER)
    admin.get_by_role("button", name="Gửi câu trả lời").click()
    admin.wait_for_load_state()
    run_mail_queue()

    # The buyer sees the answer on the private page.
    buyer.goto(private_url)
    assert buyer.get_by_text(ANSWER).is_visible()
    assert "Đã trả lời" in buyer.locator(".status-badge").inner_text()
