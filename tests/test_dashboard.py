"""The editors' dashboard lists, their query counts, and the account action in the admin."""

from http import HTTPStatus

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cooperatives import admin_panels as directory_panels
from cooperatives.models import CooperativeAccount
from products import admin_panels as catalogue_panels
from products.admin_panels import ExpiringCertificationsPanel
from products.models import ProductPage
from tests.factories import (
    CertificationFactory,
    ImageFactory,
    days_from_today,
    make_cooperative,
    make_product,
)
from tests.onboarding import alliance_editor, onboarded

pytestmark = pytest.mark.django_db

ALLIANCE_PANELS = (*directory_panels.ALLIANCE_PANELS, *catalogue_panels.ALLIANCE_PANELS)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def panel_rows(panel_class):
    rows, total = panel_class(order=0).rows_and_total()
    return [row.title for row in rows], total


def build_catalogue(n):
    """n cooperatives, each with a product lacking images, a stale one and expiring certificates."""
    cert = CertificationFactory()
    for i in range(n):
        coop = make_cooperative(f"HTX số {i}")
        make_product(coop, title=f"Không ảnh {i}")
        stale = make_product(coop, title=f"Cũ {i}", image=ImageFactory())
        ProductPage.objects.filter(pk=stale.pk).update(
            latest_revision_created_at=timezone.now() - timezone.timedelta(days=400)
        )
        make_product(
            coop,
            title=f"Sắp hết hạn {i}",
            image=ImageFactory(),
            certifications=[{"certification": cert, "valid_until": days_from_today(30)}],
        )
        make_product(
            coop,
            title=f"Còn hạn {i}",
            image=ImageFactory(),
            certifications=[{"certification": cert, "valid_until": days_from_today(200)}],
        )
        make_cooperative(f"HTX trống {i}")


def test_each_list_shows_what_it_says():
    build_catalogue(1)
    titles = {panel.__name__: panel_rows(panel)[0] for panel in ALLIANCE_PANELS}
    assert titles["ProductsWithoutImagesPanel"] == ["Không ảnh 0"]
    assert titles["CooperativesWithoutProductsPanel"] == ["HTX trống 0"]
    assert titles["StaleProductsPanel"] == ["Cũ 0"]
    assert titles["ExpiringCertificationsPanel"] == ["Sắp hết hạn 0"]


def test_expired_certificates_are_listed_first_and_marked():
    coop = make_cooperative()
    cert = CertificationFactory()
    make_product(
        coop,
        title="Hết hạn rồi",
        certifications=[{"certification": cert, "valid_until": days_from_today(-3)}],
    )
    make_product(
        coop,
        title="Sắp hết",
        certifications=[{"certification": cert, "valid_until": days_from_today(10)}],
    )
    rows, total = ExpiringCertificationsPanel(order=0).rows_and_total()
    assert [r.title for r in rows] == ["Hết hạn rồi", "Sắp hết"]
    assert rows[0].note.startswith("đã hết hạn")
    assert total == 2


def test_waiting_for_review_lists_submitted_pages():
    """Wagtail's own "Awaiting your review" panel lists what a cooperative submitted."""
    coop = onboarded("HTX Đào Nhật Tân", "htx.dao@example.vn", "Đào cành")
    draft = make_product(coop.page, title="Quất cảnh", publish=False)
    draft.save_revision(user=coop.user)
    draft.get_workflow().start(draft, coop.user)
    html = client_for(alliance_editor()).get("/admin/").content.decode()
    panel = html[html.index('id="awaiting-review-section"') :]
    assert "Quất cảnh" in panel
    assert f"/admin/pages/{draft.pk}/edit/" in panel


@pytest.mark.parametrize("panel_class", ALLIANCE_PANELS, ids=lambda p: p.__name__)
def test_each_list_costs_the_same_queries_for_one_or_many_cooperatives(panel_class):
    build_catalogue(1)
    request = RequestFactory().get("/admin/")
    with CaptureQueriesContext(connection) as small:
        panel_class(order=0).render_html({"request": request})
    build_catalogue(4)
    with CaptureQueriesContext(connection) as large:
        panel_class(order=0).render_html({"request": request})
    assert len(large) == len(small) <= 4


def test_the_editor_dashboard_shows_the_panels_with_edit_links():
    build_catalogue(1)
    html = client_for(alliance_editor()).get("/admin/").content.decode()
    product = ProductPage.objects.get(title="Không ảnh 0")
    assert "Sản phẩm chưa có ảnh" in html
    assert f"/admin/pages/{product.pk}/edit/" in html
    assert "Chứng nhận hết hạn hoặc sắp hết hạn" in html


def test_a_cooperative_sees_its_own_panel_not_the_editors():
    coop = onboarded("HTX Đào Nhật Tân", "htx.dao@example.vn", "Đào cành")
    html = client_for(coop.user).get("/admin/").content.decode()
    assert "Trang của hợp tác xã" in html and "Đào cành" in html
    assert "Sản phẩm chưa có ảnh" not in html


def test_an_editor_onboards_and_offboards_from_the_admin():
    page = make_cooperative("HTX Gốm Bát Tràng")
    client = client_for(alliance_editor())
    url = f"/admin/cooperatives/{page.pk}/account/"
    edit_html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert url in edit_html  # the header button leads there

    response = client.post(url, {"email": "htx.battrang@example.vn"})
    assert response.status_code == HTTPStatus.FOUND
    user = get_user_model().objects.get(email="htx.battrang@example.vn")
    assert CooperativeAccount.objects.get(page=page).group in user.groups.all()
    assert len(mail.outbox) == 1 and "/admin/password_reset/confirm/" in mail.outbox[0].body
    assert "htx.battrang@example.vn" in client.get(url).content.decode()

    client.post(url, {"email": "htx.battrang@example.vn"})
    assert len(mail.outbox) == 1  # nothing changed, nothing sent

    response = client.post(f"/admin/cooperatives/{page.pk}/account/offboard/")
    assert response.status_code == HTTPStatus.FOUND
    user.refresh_from_db()
    assert not user.is_active
    assert page.__class__.objects.filter(pk=page.pk).exists()


def test_the_account_action_is_refused_to_non_editors():
    coop = onboarded("HTX Đào Nhật Tân", "htx.dao@example.vn", "Đào cành")
    plain = get_user_model().objects.create_user("nguoi-thuong", password="x")
    plain.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for user in (coop.user, plain):
        client = client_for(user)
        url = f"/admin/cooperatives/{coop.page.pk}/account/"
        response = client.get(url)
        refused = response.status_code in (HTTPStatus.FORBIDDEN, HTTPStatus.NOT_FOUND)
        assert refused or response["Location"] == "/admin/"  # Wagtail's "permission denied"
        client.post(url, {"email": "ke-gian@example.vn"})
        client.post(f"/admin/cooperatives/{coop.page.pk}/account/offboard/")
    assert not get_user_model().objects.filter(email="ke-gian@example.vn").exists()
    coop.user.refresh_from_db()
    assert coop.user.is_active
