"""Stand applications: a cooperative applies from the admin, the Alliance reviews within the
quota, both are notified, accepted cooperatives appear on the event page and the event on theirs;
and a cooperative reaches only its own applications, URL by URL."""

import datetime
from http import HTTPStatus

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from events.applications import StandApplication
from portal.models import PortalSettings
from tests.event_factories import make_event
from tests.http import html_of, text_of
from tests.mail_queue import run_mail_queue
from tests.onboarding import alliance_editor, onboarded

pytestmark = pytest.mark.django_db

B_SECRET = "Cần xe tải chở tủ mát riêng của Minh Hồng"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def send_queued_mail():
    run_mail_queue()


@pytest.fixture
def world():
    a = onboarded("HTX Rau an toàn Văn Đức", "htx.vanduc@example.vn", "Rau cải Văn Đức")
    b = onboarded("HTX Miến dong Minh Hồng", "htx.minhhong@example.vn", "Miến dong Minh Hồng")
    portal = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    portal.alliance_email = "lienminh@example.vn"
    portal.save()
    event = make_event(
        "Hội chợ OCOP mùa thu",
        registration_deadline=timezone.now() + datetime.timedelta(days=10),
        stand_quota=1,
    )
    b_application = StandApplication.objects.create(
        event=event, cooperative=b.page, support_needed=B_SECRET, contact_phone="0912345678"
    )
    return {"a": a, "b": b, "event": event, "b_app": b_application, "alliance": alliance_editor()}


def apply(client, event, product, **extra):
    data = {
        "event": event.pk,
        "products": [product.pk],
        "support_needed": "Cần một bàn và điện",
        "contact_phone": "0987654321",
        **extra,
    }
    return client.post("/admin/stand-applications/new/", data)


def test_a_cooperative_applies_and_both_sides_are_told(world):
    a = world["a"]
    client = client_for(a.user)
    form = client.get("/admin/stand-applications/new/").content.decode()
    assert "Rau cải Văn Đức" in form and "Miến dong Minh Hồng" not in form
    response = apply(client, world["event"], a.product)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    application = StandApplication.objects.get(cooperative=a.page)
    assert application.status == "submitted" and application.submitted_by == a.user
    assert list(application.products.all()) == [a.product]
    send_queued_mail()
    recipients = sorted(r for m in mail.outbox for r in m.to)
    assert recipients == ["htx.vanduc@example.vn", "lienminh@example.vn"]


def test_after_the_deadline_nothing_is_written(world):
    event = world["event"]
    event.registration_deadline = timezone.now() - datetime.timedelta(hours=1)
    event.save_revision().publish()
    response = apply(client_for(world["a"].user), event, world["a"].product)
    assert response.status_code == HTTPStatus.OK
    assert not StandApplication.objects.filter(cooperative=world["a"].page).exists()


def test_another_cooperatives_product_is_refused(world):
    response = apply(client_for(world["a"].user), world["event"], world["b"].product)
    assert response.status_code == HTTPStatus.OK
    assert not StandApplication.objects.filter(cooperative=world["a"].page).exists()


def test_a_cooperative_cannot_set_its_own_status(world):
    apply(client_for(world["a"].user), world["event"], world["a"].product, status="accepted")
    assert StandApplication.objects.get(cooperative=world["a"].page).status == "submitted"


def review(client, application, status, note=""):
    return client.post(
        f"/admin/stand-applications/edit/{application.pk}/",
        {
            "event": application.event_id,
            "cooperative": application.cooperative_id,
            "support_needed": application.support_needed,
            "contact_phone": application.contact_phone,
            "status": status,
            "review_note": note,
        },
    )


def test_the_alliance_accepts_within_the_quota_and_the_lists_appear(client, world):
    alliance = client_for(world["alliance"])
    b_app, event = world["b_app"], world["event"]
    assert review(alliance, b_app, "accepted", "Gian số 12").status_code == HTTPStatus.FOUND
    send_queued_mail()
    assert [m.to for m in mail.outbox] == [["htx.minhhong@example.vn"]]
    assert "Được nhận gian hàng" in mail.outbox[0].body
    # The quota is one: a second acceptance is refused with a message, and nothing changes.
    a_app = StandApplication.objects.create(
        event=event, cooperative=world["a"].page, contact_phone="0987654321"
    )
    response = review(alliance, a_app, "accepted")
    assert (
        response.status_code == HTTPStatus.OK
        and "Đã nhận đủ 1 gian hàng" in response.content.decode()
    )
    a_app.refresh_from_db()
    assert a_app.status == "submitted"
    # Not on the event page until the Alliance publishes the list.
    assert "HTX Miến dong Minh Hồng" not in text_of(html_of(client, event.url))
    event.participants_published = True
    event.save_revision().publish()
    assert "HTX Miến dong Minh Hồng" in text_of(html_of(client, event.url))
    assert "Hội chợ OCOP mùa thu" in text_of(html_of(client, world["b"].page.url))
    assert "Hội chợ OCOP mùa thu" not in text_of(html_of(client, world["a"].page.url))


# Isolation: A's user against B's application.
OBJECT_URLS = [
    ("edit", "get", "/admin/stand-applications/edit/{pk}/"),
    ("edit-post", "post", "/admin/stand-applications/edit/{pk}/"),
    ("delete", "get", "/admin/stand-applications/delete/{pk}/"),
    ("delete-post", "post", "/admin/stand-applications/delete/{pk}/"),
    ("history", "get", "/admin/stand-applications/history/{pk}/"),
    ("history-results", "get", "/admin/stand-applications/history/{pk}/results/"),
    ("usage", "get", "/admin/stand-applications/usage/{pk}/"),
    ("inspect", "get", "/admin/stand-applications/inspect/{pk}/"),
]
LISTING_URLS = [
    "/admin/stand-applications/",
    "/admin/stand-applications/results/",
    "/admin/stand-applications/?status=submitted",
    "/admin/stand-applications/results/?event={event}",
    "/admin/",
]


def snapshot():
    return list(
        StandApplication.objects.order_by("pk").values_list("pk", "status", "support_needed")
    )


@pytest.mark.parametrize(
    ("method", "template"), [u[1:] for u in OBJECT_URLS], ids=[u[0] for u in OBJECT_URLS]
)
def test_another_cooperatives_application_is_not_found(world, method, template):
    url = template.format(pk=world["b_app"].pk)
    before = snapshot()
    client = client_for(world["a"].user)
    data = {"status": "declined", "support_needed": "đã bị sửa", "contact_phone": "0900000000"}
    response = client.post(url, data) if method == "post" else client.get(url)
    assert response.status_code in (HTTPStatus.NOT_FOUND, HTTPStatus.FORBIDDEN, HTTPStatus.FOUND)
    if response.status_code == HTTPStatus.FOUND:
        assert response["Location"] != url
    assert B_SECRET not in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize("template", LISTING_URLS)
def test_listings_show_only_own_applications(world, template):
    url = template.format(event=world["event"].pk)
    own = StandApplication.objects.create(
        event=world["event"], cooperative=world["a"].page, contact_phone="0987654321"
    )
    response = client_for(world["a"].user).get(url, follow=True)
    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "HTX Miến dong Minh Hồng" not in body and B_SECRET not in body
    if "stand-applications" in url:
        assert f"/admin/stand-applications/edit/{own.pk}/" in body


def test_a_cooperative_reaches_its_own_application_and_the_alliance_sees_all(world):
    own = StandApplication.objects.create(
        event=world["event"], cooperative=world["a"].page, contact_phone="0987654321"
    )
    assert (
        client_for(world["a"].user).get(f"/admin/stand-applications/edit/{own.pk}/").status_code
        == 200
    )
    body = client_for(world["alliance"]).get("/admin/stand-applications/").content.decode()
    assert "HTX Miến dong Minh Hồng" in body and "HTX Rau an toàn Văn Đức" in body


def test_the_menu_item_is_named_stand_applications(world):
    body = client_for(world["a"].user).get("/admin/").content.decode()
    assert "/admin/stand-applications/" in body
