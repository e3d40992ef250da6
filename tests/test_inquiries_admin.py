"""The inquiry screens of the admin: who sees what, URL by URL, and what each action does.

Cooperative A's user asks for every admin URL naming cooperative B's inquiries, invitations and
quotations, and for the Alliance's own screens: each answers 403 or 404, shows nothing of B's
buyers, and changes nothing. The Alliance (an editor, the trade desk) sees everything.
"""

import csv
import datetime
import io
from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_countries import countries as countries_names
from wagtail.admin.menu import admin_menu

from cooperatives.permissions import ADMIN_ACCESS, permission
from inquiries import lifecycle, spam
from inquiries.access import TRADE_DESK
from inquiries.mail import buyer_token
from inquiries.models import (
    Delivery,
    Inquiry,
    InquiryEvent,
    Message,
    Quotation,
    QuoteInvitation,
    QuoteRequest,
    Status,
)
from tests.factories import make_cooperative, make_product
from tests.mail_queue import run_mail_queue
from tests.onboarding import PASSWORD, alliance_editor, onboarded

pytestmark = pytest.mark.django_db

B_COOP = "HTX Miến dong Minh Hồng"
# B's buyers, each unique so that a leak anywhere shows.
B_BUYER = "Trịnh Thị Bảo Mật"
B_EMAIL = "bao.mat.buyer@example.com"
B_HELD_BUYER = "Lò Văn Giữ Lại"
B_QUOTE_BUYER = "Hoàng Kim Báo Giá"
B_QUOTE_PRODUCT = "Miến dong sợi nhỏ đóng gói 500 g"
SECRETS = (B_BUYER, B_EMAIL, B_HELD_BUYER, B_QUOTE_BUYER, B_QUOTE_PRODUCT)

A_BUYER = "Nguyễn Văn An Toàn"
A_EMAIL = "an.toan.buyer@example.com"


def make_inquiry(cooperative, name, email, product=None, status=Status.NEW, **fields):
    now = timezone.now()
    fields.setdefault("delivered_at", None if status == Status.HELD else now)
    return Inquiry.objects.create(
        cooperative=cooperative,
        product=product,
        name=name,
        email=email,
        country=fields.pop("country", "VN"),
        message=fields.pop("message", "Chúng tôi cần 500 kg mỗi tháng, xin báo giá."),
        quantity=500,
        unit="kg",
        status=status,
        consent_at=now,
        **fields,
    )


def make_quote_request(category, name, product, **fields):
    return QuoteRequest.objects.create(
        category=category,
        product=product,
        name=name,
        email=f"{name.split()[-1].lower()}@example.com",
        country="JP",
        quantity=1000,
        unit="kg",
        destination="Osaka",
        deadline=timezone.localdate() + datetime.timedelta(days=14),
        consent_at=timezone.now(),
        **fields,
    )


QUOTATION = {
    "price": "42000",
    "currency": "VND",
    "unit": "kg",
    "minimum_order": "200",
    "lead_time_days": "10",
    "valid_until": (datetime.date.today() + datetime.timedelta(days=30)).isoformat(),
    "note": "Giao tại kho Hà Nội.",
}


@pytest.fixture
def world():
    a = onboarded("HTX Rau an toàn Văn Đức", "htx.vanduc@example.vn", "Rau cải Văn Đức")
    b = onboarded(B_COOP, "htx.minhhong@example.vn", "Miến dong Minh Hồng")
    a_inquiry = make_inquiry(a.page, A_BUYER, A_EMAIL, a.product)
    b_inquiry = make_inquiry(b.page, B_BUYER, B_EMAIL, b.product)
    b_held = make_inquiry(b.page, B_HELD_BUYER, "giu.lai@example.com", status=Status.HELD)
    b_request = make_quote_request(b.product.category, B_QUOTE_BUYER, B_QUOTE_PRODUCT)
    b_invitation = QuoteInvitation.objects.create(request=b_request, cooperative=b.page)
    a_request = make_quote_request(a.product.category, "Phạm Văn Khách", "Rau cải xanh")
    a_invitation = QuoteInvitation.objects.create(request=a_request, cooperative=a.page)
    delivery = Delivery.objects.create(
        kind=Delivery.Kind.ANSWER,
        to=[B_EMAIL],
        inquiry=b_inquiry,
        state=Delivery.State.FAILED,
        attempts=6,
        last_error="SMTPRecipientsRefused",
    )
    mail.outbox.clear()
    return {
        "a": a,
        "b": b,
        "a_inquiry": a_inquiry,
        "b_inquiry": b_inquiry,
        "b_held": b_held,
        "a_invitation": a_invitation,
        "b_invitation": b_invitation,
        "b_request": b_request,
        "delivery": delivery,
    }


def client_for(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


def trade_desk_user():
    user = get_user_model().objects.create_user(
        username="xuc-tien", email="xuctien.nv@lienminhhtx.vn", password=PASSWORD
    )
    user.groups.add(Group.objects.get(name=TRADE_DESK))
    return user


def body_of(response):
    return response.content.decode("utf-8", "replace")


def assert_no_secret(response, url):
    body = body_of(response)
    for secret in SECRETS:
        assert secret not in body, f"{url} shows “{secret}”"


def snapshot():
    """The inquiry room as stored, to prove that a refused request changed nothing."""
    return (
        sorted(Inquiry.objects.values_list("pk", "status", "cooperative_id", "delivered_at")),
        Message.objects.count(),
        InquiryEvent.objects.count(),
        sorted(Delivery.objects.values_list("pk", "state", "attempts")),
        sorted(Quotation.objects.values_list("pk", "price")),
        sorted(QuoteRequest.objects.values_list("pk", "status")),
        sorted(QuoteInvitation.objects.values_list("pk", "seen_at")),
    )


# (id, method, URL, POST data). {inq} is B's inquiry, {held} B's held one, {own} A's own
# inquiry, {inv} B's invitation, {req} B's request for quotation, {delivery} a failed mail.
REFUSED_URLS = [
    ("detail", "get", "/admin/inquiries/{inq}/", None),
    ("held-detail", "get", "/admin/inquiries/{held}/", None),
    ("answer", "post", "/admin/inquiries/{inq}/answer/", {"body": "Chúng tôi bán rẻ hơn."}),
    *[
        (f"status-{s}", "post", "/admin/inquiries/{inq}/status/", {"status": s})
        for s in ("answered_outside", "declined", "spam", "closed", "new")
    ],
    ("release", "post", "/admin/inquiries/{held}/release/", None),
    ("release-own", "post", "/admin/inquiries/{own}/release/", None),
    ("pass", "post", "/admin/inquiries/{inq}/pass/", {"cooperative": "{a_page}"}),
    ("pass-own", "post", "/admin/inquiries/{own}/pass/", {"cooperative": "{b_page}"}),
    ("restore-own", "post", "/admin/inquiries/{own}/status/", {"status": "new"}),
    ("invitation", "get", "/admin/quote-requests/{inv}/", None),
    ("quotation", "post", "/admin/quote-requests/{inv}/", QUOTATION),
    ("request-view", "get", "/admin/quote-requests/request/{req}/", None),
    ("request-release", "post", "/admin/quote-requests/request/{req}/release/", None),
    ("report", "get", "/admin/inquiries/report/", None),
    ("report-csv", "get", "/admin/inquiries/report/?format=csv", None),
    ("deliveries", "get", "/admin/inquiries/deliveries/", None),
    ("retry", "post", "/admin/inquiries/deliveries/{delivery}/retry/", None),
]


def ids_of(world):
    return {
        "inq": world["b_inquiry"].pk,
        "held": world["b_held"].pk,
        "own": world["a_inquiry"].pk,
        "inv": world["b_invitation"].pk,
        "req": world["b_request"].pk,
        "delivery": world["delivery"].pk,
        "a_page": world["a"].page.pk,
        "b_page": world["b"].page.pk,
    }


@pytest.mark.parametrize(
    ("method", "template", "data"), [u[1:] for u in REFUSED_URLS], ids=[u[0] for u in REFUSED_URLS]
)
def test_another_cooperatives_inquiries_and_the_alliances_screens_are_refused(
    world, method, template, data
):
    ids = ids_of(world)
    url = template.format(**ids)
    data = {k: v.format(**ids) for k, v in (data or {}).items()}
    before = snapshot()

    client = client_for(world["a"].user)
    response = client.post(url, data) if method == "post" else client.get(url)

    assert response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND), (
        f"{url} answered {response.status_code}"
    )
    assert_no_secret(response, url)
    assert snapshot() == before
    assert mail.outbox == []


LISTING_URLS = [
    "/admin/",
    "/admin/inquiries/",
    "/admin/inquiries/?status=new",
    "/admin/inquiries/?queue=held",
    "/admin/inquiries/?cooperative={b_page}",
    "/admin/inquiries/export.csv",
    "/admin/inquiries/export.csv?cooperative={b_page}",
    "/admin/quote-requests/",
]


@pytest.mark.parametrize("template", LISTING_URLS)
def test_a_cooperatives_listings_and_export_hold_only_its_own(world, template):
    url = template.format(**ids_of(world))
    response = client_for(world["a"].user).get(url)
    assert response.status_code == HTTPStatus.OK
    assert_no_secret(response, url)


def test_a_cooperatives_list_export_and_dashboard_show_its_own_inquiries(world):
    client = client_for(world["a"].user)
    reference = world["a_inquiry"].reference
    assert reference in body_of(client.get("/admin/inquiries/"))
    rows = list(csv.reader(io.StringIO(body_of(client.get("/admin/inquiries/export.csv")))))
    assert [row[0] for row in rows[1:]] == [reference]
    assert rows[1][8] == A_EMAIL
    dashboard = body_of(client.get("/admin/"))
    assert A_BUYER in dashboard and "Rau cải xanh" in dashboard


def test_a_held_inquiry_is_the_trade_desks_not_the_cooperatives(world):
    a = world["a"]
    held = make_inquiry(a.page, "Người Bị Giữ", "bi.giu@example.com", status=Status.HELD)
    client = client_for(a.user)
    assert client.get(f"/admin/inquiries/{held.pk}/").status_code == HTTPStatus.NOT_FOUND
    assert "Người Bị Giữ" not in body_of(client.get("/admin/inquiries/"))


@pytest.mark.parametrize("who", ["editor", "trade_desk"])
def test_the_alliance_sees_everything(world, who):
    user = alliance_editor() if who == "editor" else trade_desk_user()
    client = client_for(user)
    ids = ids_of(world)
    for url in (
        "/admin/inquiries/{inq}/",
        "/admin/inquiries/{held}/",
        "/admin/inquiries/{own}/",
        "/admin/quote-requests/request/{req}/",
        "/admin/inquiries/report/",
        "/admin/inquiries/deliveries/",
        "/admin/quote-requests/",
    ):
        response = client.get(url.format(**ids))
        assert response.status_code == HTTPStatus.OK, url
    listing = body_of(client.get("/admin/inquiries/"))
    assert world["a_inquiry"].reference in listing and world["b_inquiry"].reference in listing
    assert B_BUYER in body_of(client.get(f"/admin/inquiries/{ids['inq']}/"))
    assert B_QUOTE_BUYER in body_of(client.get("/admin/quote-requests/"))
    assert "SMTPRecipientsRefused" in body_of(client.get("/admin/inquiries/deliveries/"))
    exported = body_of(client.get("/admin/inquiries/export.csv"))
    assert B_EMAIL in exported and A_EMAIL in exported
    # The Alliance does not act as a cooperative: opening an inquiry does not mark it read.
    assert Inquiry.objects.get(pk=ids["inq"]).status == Status.NEW


def test_the_alliances_filters_find_the_held_and_the_desks_open_queue(world):
    escalated = world["b_inquiry"]
    lifecycle.escalate(escalated)
    client = client_for(alliance_editor())
    held = body_of(client.get("/admin/inquiries/?queue=held"))
    assert world["b_held"].reference in held and escalated.reference not in held
    queue = body_of(client.get("/admin/inquiries/?queue=escalated"))
    assert escalated.reference in queue and world["a_inquiry"].reference not in queue
    of_a = body_of(client.get(f"/admin/inquiries/?cooperative={world['a'].page.pk}"))
    assert world["a_inquiry"].reference in of_a and escalated.reference not in of_a


def test_menu_items_are_for_cooperatives_and_the_alliance_only(world):
    plain = get_user_model().objects.create_user(username="khach", password=PASSWORD)
    plain.user_permissions.add(permission(*ADMIN_ACCESS))

    def names(user):
        request = RequestFactory().get("/admin/")
        request.user = user
        return {item.name for item in admin_menu.menu_items_for_request(request)}

    for user in (world["a"].user, alliance_editor(), trade_desk_user()):
        assert {"inquiries", "quote-requests"} <= names(user)
    assert not {"inquiries", "quote-requests"} & names(plain)
    assert client_for(plain).get("/admin/inquiries/").status_code == HTTPStatus.FORBIDDEN


def test_a_get_to_an_action_and_a_post_without_csrf_are_refused(world):
    inquiry = world["a_inquiry"]
    client = client_for(world["a"].user, enforce_csrf_checks=True)
    url = f"/admin/inquiries/{inquiry.pk}/status/"
    assert client.get(url).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert client.post(url, {"status": "spam"}).status_code == HTTPStatus.FORBIDDEN
    inquiry.refresh_from_db()
    assert inquiry.status == Status.NEW


# --- What the actions do ------------------------------------------------------------------


def test_opening_an_inquiry_as_the_cooperative_marks_it_read(world):
    inquiry = world["a_inquiry"]
    response = client_for(world["a"].user).get(f"/admin/inquiries/{inquiry.pk}/")
    assert response.status_code == HTTPStatus.OK
    assert A_EMAIL in body_of(response) and inquiry.message in body_of(response)
    inquiry.refresh_from_db()
    assert inquiry.status == Status.READ


def test_an_answer_from_the_admin_is_stored_mailed_and_on_the_buyers_page(world):
    inquiry = world["a_inquiry"]
    text = "Chào anh, giá 38.000 đồng/kg, giao trong 3 ngày."
    response = client_for(world["a"].user).post(
        f"/admin/inquiries/{inquiry.pk}/answer/", {"body": text}
    )

    assert response.status_code == HTTPStatus.FOUND
    message = Message.objects.get(inquiry=inquiry)
    assert (message.body, message.sender) == (text, Message.Sender.COOPERATIVE)
    inquiry.refresh_from_db()
    assert inquiry.status == Status.ANSWERED and inquiry.first_answered_at is not None

    run_mail_queue()
    [sent] = [m for m in mail.outbox if A_EMAIL in m.to]
    assert text in sent.body
    page = Client().get(reverse("inquiries:buyer", kwargs={"token": buyer_token(inquiry)}))
    assert page.status_code == HTTPStatus.OK and text in body_of(page)


def test_an_answer_by_the_alliance_is_sent_as_the_alliance(world):
    inquiry = world["b_inquiry"]
    client_for(trade_desk_user()).post(
        f"/admin/inquiries/{inquiry.pk}/answer/", {"body": "Liên minh trả lời thay HTX."}
    )
    message = Message.objects.get(inquiry=inquiry)
    assert message.sender == Message.Sender.ALLIANCE
    inquiry.refresh_from_db()
    assert inquiry.first_answered_at is None  # not the cooperative's answer


def test_an_empty_or_too_long_answer_is_refused_with_a_message(world):
    inquiry = world["a_inquiry"]
    client = client_for(world["a"].user)
    for body in ("", "x" * 2001):
        response = client.post(f"/admin/inquiries/{inquiry.pk}/answer/", {"body": body})
        assert response.status_code == HTTPStatus.BAD_REQUEST
    assert not Message.objects.exists()


def test_spam_in_one_click_never_counts_against_the_cooperative(world):
    inquiry = world["a_inquiry"]
    response = client_for(world["a"].user).post(
        f"/admin/inquiries/{inquiry.pk}/status/", {"status": "spam"}
    )
    assert response.status_code == HTTPStatus.FOUND
    inquiry.refresh_from_db()
    assert inquiry.status == Status.SPAM
    assert not Inquiry.objects.delivered().filter(pk=inquiry.pk).exists()
    # Only the Alliance gives it back to the cooperative.
    client_for(alliance_editor()).post(f"/admin/inquiries/{inquiry.pk}/status/", {"status": "new"})
    inquiry.refresh_from_db()
    assert inquiry.status == Status.NEW


@pytest.mark.parametrize("status", ["answered_outside", "declined", "closed"])
def test_a_cooperative_sets_a_status_in_one_click(world, status):
    inquiry = world["a_inquiry"]
    client_for(world["a"].user).post(f"/admin/inquiries/{inquiry.pk}/status/", {"status": status})
    inquiry.refresh_from_db()
    assert inquiry.status == status
    assert (inquiry.first_answered_at is not None) == (status != "closed")


def test_the_desk_releases_a_held_inquiry(world):
    held = world["b_held"]
    client_for(trade_desk_user()).post(f"/admin/inquiries/{held.pk}/release/")
    held.refresh_from_db()
    assert held.status == Status.NEW and held.delivered_at is not None
    assert B_HELD_BUYER in body_of(client_for(world["b"].user).get("/admin/inquiries/"))


def test_pass_to_another_cooperative_of_the_category_creates_the_linked_inquiry(world):
    inquiry = world["b_inquiry"]
    other = make_cooperative("HTX Miến Cự Đà")
    make_product(other, title="Miến Cự Đà", category=world["b"].product.category)
    client = client_for(alliance_editor())
    detail = body_of(client.get(f"/admin/inquiries/{inquiry.pk}/"))
    assert "HTX Miến Cự Đà" in detail
    # A cooperative of another category is not offered, and is refused.
    refused = client.post(
        f"/admin/inquiries/{inquiry.pk}/pass/", {"cooperative": world["a"].page.pk}
    )
    assert refused.status_code == HTTPStatus.BAD_REQUEST

    response = client.post(f"/admin/inquiries/{inquiry.pk}/pass/", {"cooperative": other.pk})

    copy = Inquiry.objects.get(passed_from=inquiry)
    assert response["Location"] == f"/admin/inquiries/{copy.pk}/"
    assert (copy.cooperative_id, copy.status, copy.name) == (other.pk, Status.NEW, B_BUYER)
    inquiry.refresh_from_db()
    assert inquiry.status == Status.CLOSED


def test_pass_falls_back_to_the_same_sector(world):
    a = world["a"]
    inquiry = make_inquiry(a.page, "Người Hỏi Chung", "chung@example.com")  # no product
    same_sector = make_cooperative("HTX Cùng Lĩnh Vực", sector=a.page.sector)
    detail = body_of(client_for(alliance_editor()).get(f"/admin/inquiries/{inquiry.pk}/"))
    assert same_sector.title in detail and B_COOP not in detail


def test_a_cooperative_quotes_and_edits_its_own_quotation(world):
    invitation = world["a_invitation"]
    client = client_for(world["a"].user)
    url = f"/admin/quote-requests/{invitation.pk}/"
    page = client.get(url)
    assert page.status_code == HTTPStatus.OK
    assert "Phạm Văn Khách" in body_of(page) and "khách@example.com" not in body_of(page)

    assert client.post(url, QUOTATION).status_code == HTTPStatus.FOUND
    assert client.post(url, {**QUOTATION, "price": "40000"}).status_code == HTTPStatus.FOUND

    [quotation] = Quotation.objects.filter(invitation=invitation)
    assert quotation.price == 40000
    invitation.refresh_from_db()
    assert invitation.seen_at is not None
    run_mail_queue()
    assert any(invitation.request.email in m.to for m in mail.outbox)


def test_no_quotation_once_the_request_is_closed(world):
    invitation = world["a_invitation"]
    QuoteRequest.objects.filter(pk=invitation.request_id).update(status=QuoteRequest.Status.CLOSED)
    client = client_for(world["a"].user)
    url = f"/admin/quote-requests/{invitation.pk}/"
    assert client.post(url, QUOTATION).status_code == HTTPStatus.FORBIDDEN
    assert not Quotation.objects.exists()


def test_the_desk_releases_a_held_request_for_quotation(world):
    request = world["b_request"]
    QuoteInvitation.objects.filter(request=request).delete()
    QuoteRequest.objects.filter(pk=request.pk).update(status=QuoteRequest.Status.HELD)
    client_for(alliance_editor()).post(f"/admin/quote-requests/request/{request.pk}/release/")
    request.refresh_from_db()
    assert request.status == QuoteRequest.Status.OPEN
    assert QuoteInvitation.objects.filter(request=request, cooperative=world["b"].page).exists()


def test_the_desk_sends_a_failed_mail_again(world):
    delivery = world["delivery"]
    client = client_for(trade_desk_user())
    assert client.post(f"/admin/inquiries/deliveries/{delivery.pk}/retry/").status_code == 302
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == (Delivery.State.PENDING, 0)
    run_mail_queue()
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.SENT
    sent = client.get("/admin/inquiries/deliveries/")
    assert "SMTPRecipientsRefused" not in body_of(sent)


def test_the_report_counts_outcomes_and_its_csv_parses(world):
    a, b = world["a"], world["b"]
    lifecycle.answer(world["a_inquiry"], "Có hàng.", a.user, Message.Sender.COOPERATIVE)
    lifecycle.escalate(world["b_inquiry"])
    spammed = make_inquiry(a.page, "Rác", "rac@example.com", country="US")
    lifecycle.change_status(spammed, Status.SPAM, a.user, by_cooperative=True)
    fresh = Inquiry(
        cooperative=b.page, name="Mới", email="moi@example.com", country="JP", message="Hỏi giá"
    )
    lifecycle.submit(fresh, spam.Verdict())
    client = client_for(alliance_editor())

    html = body_of(client.get("/admin/inquiries/report/"))
    assert "Theo lĩnh vực" in html and a.page.sector.name in html

    response = client.get("/admin/inquiries/report/?format=csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body_of(response).lstrip("\ufeff"))))
    header, rows = rows[0], rows[1:]
    outcomes = header[2:-1]
    assert len(outcomes) == 7
    by_month = [r for r in rows if r[0] == "Theo tháng"]
    totals = dict(zip(outcomes, map(int, by_month[0][2:-1]), strict=True))
    assert totals == {
        "HTX trả lời": 1,
        "Trả lời ngoài cổng": 0,
        "HTX từ chối": 0,
        "Liên minh xử lý": 1,
        "Chưa trả lời": 1,
        "Chờ kiểm tra": 1,
        "Thư rác": 1,
    }
    countries = {r[1]: int(r[-1]) for r in rows if r[0] == "Theo nước của người mua"}
    assert countries[countries_names.name("VN")] == 3
    assert countries[countries_names.name("JP")] == 1


def test_the_cooperatives_dashboard_lists_its_unanswered_inquiries(world):
    body = body_of(client_for(world["a"].user).get("/admin/"))
    assert "Hỏi mua chưa trả lời: 1" in body
    assert f"/admin/inquiries/{world['a_inquiry'].pk}/" in body
    assert f"/admin/quote-requests/{world['a_invitation'].pk}/" in body


def test_the_alliances_dashboard_counts_what_waits_for_it(world):
    body = body_of(client_for(trade_desk_user()).get("/admin/"))
    assert "/admin/inquiries/?queue=held" in body
    assert "/admin/inquiries/deliveries/" in body


# --- A constant number of queries ---------------------------------------------------------


def queries_for(client, url):
    assert client.get(url).status_code == HTTPStatus.OK
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == HTTPStatus.OK
    return len(captured)


def add_inquiries(world, count):
    for n in range(count):
        make_inquiry(world["a"].page, f"Người mua {n}", f"mua{n}@example.com", world["a"].product)
        make_inquiry(world["b"].page, f"Khách {n}", f"khach{n}@example.com", world["b"].product)
        Delivery.objects.create(
            kind=Delivery.Kind.ANSWER, to=["x@example.com"], state=Delivery.State.FAILED
        )
        request = make_quote_request(world["a"].product.category, f"Bên mua {n}", f"Hàng {n}")
        QuoteInvitation.objects.create(request=request, cooperative=world["a"].page)


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("a", "/admin/inquiries/"),
        ("a", "/admin/inquiries/export.csv"),
        ("a", "/admin/quote-requests/"),
        ("alliance", "/admin/inquiries/"),
        ("alliance", "/admin/inquiries/?queue=escalated"),
        ("alliance", "/admin/inquiries/export.csv"),
        ("alliance", "/admin/inquiries/report/"),
        ("alliance", "/admin/inquiries/deliveries/"),
        ("alliance", "/admin/quote-requests/"),
    ],
)
def test_list_views_cost_the_same_queries_whatever_their_length(world, who, url):
    client = client_for(world["a"].user if who == "a" else alliance_editor())
    few = queries_for(client, url)
    add_inquiries(world, 12)
    assert queries_for(client, url) == few
