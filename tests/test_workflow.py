"""Moderation and delegated editing: a cooperative submits, the Alliance approves or asks again.

Everything goes through the admin's own views, as a browser would post them.
"""

from http import HTTPStatus

import pytest
from django.core import mail
from django.test import Client
from wagtail.coreutils import cautious_slugify
from wagtail.models import PageLogEntry, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cooperatives.models import ClassificationRecord, CooperativePage
from cooperatives.workflow import WORKFLOW_NAME, ensure_alliance_setup
from products.models import ProductCertification, ProductPage
from tests.factories import CategoryFactory, CertificationFactory, days_from_today, make_product
from tests.onboarding import alliance_editor, onboarded

pytestmark = pytest.mark.django_db


@pytest.fixture
def coop():
    return onboarded("HTX Gạo nếp Phú Xuyên", "htx.phuxuyen@example.vn", "Gạo nếp cái")


@pytest.fixture
def editor():
    return alliance_editor()


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def product_form(title, category, **overrides):
    data = {
        "title": title,
        "slug": cautious_slugify(title),
        "category": category.pk,
        "summary": "Gạo nếp thơm dẻo, trồng ven sông Hồng.",
        "description": rich_text(""),
        "price_vnd": "45000",
        "unit": "kg",
        "availability": "san_hang",
        "gallery_images": inline_formset([]),
        "certifications": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def submit_new_product(client, parent, title, category):
    data = product_form(title, category)
    data["action-submit"] = "Gửi duyệt"
    response = client.post(f"/admin/pages/add/products/productpage/{parent.pk}/", data)
    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    return ProductPage.objects.get(title=title)


def status_on_dashboard(client, page):
    """The status cell of the page's row in the cooperative's dashboard panel."""
    html = client.get("/admin/").content.decode()
    row = html[html.index(f'data-page-id="{page.pk}"') :]
    cell = row[row.index("data-page-status>") + len("data-page-status>") :]
    return cell[: cell.index("</td>")].strip()


def task_state_of(page):
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    return state, state.current_task_state


def test_setup_is_idempotent_and_puts_the_directory_under_the_workflow(coop):
    before = WorkflowState.objects.count()
    editors, workflow = ensure_alliance_setup()
    again = ensure_alliance_setup()
    assert again == (editors, workflow)
    assert workflow.name == WORKFLOW_NAME
    assert coop.product.get_workflow() == workflow
    assert coop.page.get_workflow() == workflow
    assert list(workflow.tasks.get().specific.groups.all()) == [editors]
    assert WorkflowState.objects.count() == before


def test_submission_changes_requested_then_approval_publishes(coop, editor):
    category = CategoryFactory()
    cooperative = client_for(coop.user)
    alliance = client_for(editor)
    mail.outbox.clear()

    product = submit_new_product(cooperative, coop.page, "Gạo nếp cái hoa vàng 2026", category)

    assert not product.live
    workflow_state, task_state = task_state_of(product)
    assert workflow_state.requested_by == coop.user
    assert [m.to for m in mail.outbox] == [[editor.email]]  # the approvers are told
    # The cooperative sees the status on its dashboard.
    assert status_on_dashboard(cooperative, product) == "Đang chờ duyệt"

    # The editor asks for changes, with a comment.
    mail.outbox.clear()
    response = alliance.post(
        f"/admin/pages/workflow/action/{product.pk}/reject/{task_state.pk}/",
        {"comment": "Xin bổ sung ảnh sản phẩm."},
    )
    assert response.status_code == HTTPStatus.FOUND
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [m.to for m in mail.outbox] == [[coop.user.email]]
    assert "Xin bổ sung ảnh sản phẩm." in mail.outbox[0].body
    assert status_on_dashboard(cooperative, product) == "Cần sửa theo góp ý"
    assert "Xin bổ sung ảnh sản phẩm." in cooperative.get("/admin/").content.decode()

    # The cooperative edits and resubmits.
    data = product_form("Gạo nếp cái hoa vàng 2026", category, slug=product.slug)
    data["action-submit"] = "Gửi duyệt"
    response = cooperative.post(f"/admin/pages/{product.pk}/edit/", data)
    assert response.status_code == HTTPStatus.FOUND
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # The editor approves: the product is published and the cooperative is told.
    mail.outbox.clear()
    task_state = workflow_state.current_task_state
    response = alliance.post(
        f"/admin/pages/workflow/action/{product.pk}/approve/{task_state.pk}/",
        {"comment": "Đạt."},
    )
    assert response.status_code == HTTPStatus.FOUND
    product.refresh_from_db()
    assert product.live
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    assert coop.user.email in [address for m in mail.outbox for address in m.to]
    assert Client().get(product.url).status_code == HTTPStatus.OK


def test_a_cooperative_cannot_publish(coop):
    category = CategoryFactory()
    data = product_form("Bún khô Phú Xuyên", category)
    data["action-publish"] = "Xuất bản"
    client_for(coop.user).post(f"/admin/pages/add/products/productpage/{coop.page.pk}/", data)
    product = ProductPage.objects.filter(title="Bún khô Phú Xuyên").first()
    assert product is not None and not product.live  # saved as a draft, never published


def test_an_editor_publishes_directly_on_the_cooperatives_behalf_and_the_history_says_so(
    coop, editor
):
    data = product_form("Gạo nếp cái (sửa bởi Liên minh)", coop.product.category)
    data["slug"] = coop.product.slug
    data["action-publish"] = "Xuất bản"
    response = client_for(editor).post(f"/admin/pages/{coop.product.pk}/edit/", data)
    assert response.status_code == HTTPStatus.FOUND

    coop.product.refresh_from_db()
    assert coop.product.title == "Gạo nếp cái (sửa bởi Liên minh)"
    assert coop.product.live_revision.user == editor
    assert PageLogEntry.objects.filter(
        page=coop.product, action="wagtail.publish", user=editor
    ).exists()
    # The cooperative reads who did it in its page history.
    history = client_for(coop.user).get(f"/admin/pages/{coop.product.pk}/history/")
    assert history.status_code == HTTPStatus.OK
    assert editor.get_username() in history.content.decode()


def test_a_cooperative_cannot_change_its_classification_or_certificates(coop, editor):
    page = CooperativePage.objects.get(pk=coop.page.pk)
    page.classifications = [ClassificationRecord(year=2025, rating="kha")]
    page.code = "HN-0042"
    page.save_revision().publish()
    ocop = CertificationFactory(is_ocop=True)
    product = make_product(
        coop.page,
        title="Miến gạo Phú Xuyên",
        certifications=[
            {"certification": ocop, "ocop_stars": 3, "valid_until": days_from_today(-10)}
        ],
    )
    cert = ProductCertification.objects.get(page=product)

    # The cooperative posts a better rating, a new code, a later expiry and more stars.
    coop_data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "code": "HN-9999",
            "kind": page.kind,
            "sector": page.sector_id,
            "area": page.area_id,
            "body": rich_text(""),
            "gallery_images": inline_formset([]),
            "classifications": inline_formset(
                [
                    {
                        "id": ClassificationRecord.objects.get(page=page).pk,
                        "year": 2025,
                        "rating": "tot",
                    },
                    {"id": "", "year": 2026, "rating": "tot"},
                ],
                initial=1,
            ),
            "comments": inline_formset([]),
            "action-submit": "Gửi duyệt",
        }
    )
    response = client_for(coop.user).post(f"/admin/pages/{page.pk}/edit/", coop_data)
    assert response.status_code == HTTPStatus.FOUND
    submitted = page.get_latest_revision_as_object()
    assert submitted.code == "HN-0042"
    assert [(r.year, r.rating) for r in submitted.classifications.all()] == [(2025, "kha")]

    product_data = product_form(
        product.title,
        product.category,
        slug=product.slug,
        certifications=inline_formset(
            [
                {
                    "id": cert.pk,
                    "certification": ocop.pk,
                    "ocop_stars": 5,
                    "valid_until": "2099-12-31",
                    "number": "",
                    "issuer": "",
                }
            ],
            initial=1,
        ),
    )
    product_data["action-submit"] = "Gửi duyệt"
    response = client_for(coop.user).post(f"/admin/pages/{product.pk}/edit/", product_data)
    assert response.status_code == HTTPStatus.FOUND
    submitted = ProductPage.objects.get(pk=product.pk).get_latest_revision_as_object()
    assert [(c.ocop_stars, c.valid_until) for c in submitted.certifications.all()] == [
        (3, days_from_today(-10))
    ]

    # The same form in an editor's hands changes them.
    product_data.pop("action-submit")
    product_data["action-publish"] = "Xuất bản"
    client_for(editor).post(f"/admin/pages/{product.pk}/edit/", product_data)
    product.refresh_from_db()
    assert [(c.ocop_stars, str(c.valid_until)) for c in product.certifications.all()] == [
        (5, "2099-12-31")
    ]


def test_the_cooperative_sees_the_alliance_records_disabled(coop):
    html = client_for(coop.user).get(f"/admin/pages/{coop.page.pk}/edit/").content.decode()
    assert 'name="code"' in html
    code_input = html[html.index('name="code"') - 300 : html.index('name="code"') + 300]
    assert "disabled" in code_input


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("price_vnd", "45", "tối thiểu 1.000 đồng"),
        ("price_vnd", "-5", ""),
        ("unit", "500", "Đơn vị tính cần có chữ"),
        ("unit", "", ""),
        ("summary", "", ""),
        ("min_order", "500", "không thể lớn hơn sản lượng"),
    ],
)
def test_the_product_form_refuses_bad_price_and_unit(coop, field, value, message):
    data = product_form("Gạo tám thơm", CategoryFactory(), monthly_capacity="100")
    data[field] = value
    data["action-submit"] = "Gửi duyệt"
    response = client_for(coop.user).post(
        f"/admin/pages/add/products/productpage/{coop.page.pk}/", data
    )
    assert response.status_code == HTTPStatus.OK
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])
    assert not ProductPage.objects.filter(title="Gạo tám thơm").exists()


def test_preview_shows_the_public_product_page(coop):
    client = client_for(coop.user)
    data = product_form("Gạo xem trước", CategoryFactory())
    url = f"/admin/pages/add/products/productpage/{coop.page.pk}/preview/"
    assert client.post(url, data).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert "Gạo xem trước" in response.content.decode()
    assert "products/product_page.html" in [t.name for t in response.templates]
