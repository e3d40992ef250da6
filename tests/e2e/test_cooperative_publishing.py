"""A cooperative adds a product with a photo and submits it; an editor approves; it is live."""

import io

import pytest
from PIL import Image as PILImage
from wagtail.models import WorkflowState

from products.models import ProductPage
from tests.factories import CategoryFactory
from tests.onboarding import PASSWORD, alliance_editor, onboarded

# The live server needs real commits; after each test the database is flushed and post_migrate
# rebuilds the page tree, the groups and the workflow.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Mật ong hoa nhãn Đông Anh"


def photo(tmp_path):
    path = tmp_path / "mat-ong.jpg"
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 480), (220, 160, 30)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def log_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url("**/admin/")


def upload_photo(page, path):
    page.goto("/admin/images/add/")
    page.set_input_files("#id_file", str(path))
    page.fill("#id_title", "Hũ mật ong")
    page.fill("#id_description", "Hũ mật ong hoa nhãn trên bàn gỗ")
    page.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
    page.wait_for_url("**/admin/images/")


def choose_in_modal(page, chooser_id, link_text):
    page.locator(f"#{chooser_id}-chooser [data-chooser-action-choose]").first.click()
    page.locator(".modal").get_by_text(link_text).first.click()
    page.wait_for_function(f"document.getElementById('{chooser_id}').value !== ''", polling=100)


def test_a_cooperative_publishes_a_product_through_moderation(new_page, live_server, tmp_path):
    coop = onboarded("HTX Ong mật Đông Anh", "htx.ongmat@example.vn", "Sáp ong")
    editor = alliance_editor()
    category = CategoryFactory(name="Mật ong và sản phẩm từ ong")

    # The cooperative logs in, uploads a photo and fills the product form.
    page = new_page()
    log_in(page, coop.user.username)
    assert (
        page.locator("#cooperative-pages").is_visible()
        or page.get_by_text("Trang của hợp tác xã").first.is_visible()
    )
    upload_photo(page, photo(tmp_path))
    page.goto(f"/admin/pages/add/products/productpage/{coop.page.pk}/")
    page.fill("#id_title", TITLE)
    choose_in_modal(page, "id_category", category.name)
    page.fill("#id_summary", "Mật ong nguyên chất từ vườn nhãn ven sông Hồng.")
    page.fill("#id_price_vnd", "180000")
    page.fill("#id_unit", "chai 500 ml")
    page.click("#id_gallery_images-ADD")
    choose_in_modal(page, "id_gallery_images-0-image", "Hũ mật ong")
    page.fill("#id_gallery_images-0-alt_text", "Hũ mật ong hoa nhãn")
    page.locator('button[name="action-submit"]').evaluate("button => button.click()")
    page.wait_for_url(f"**/admin/pages/{coop.page.pk}/")

    product = ProductPage.objects.get(title=TITLE)
    assert not product.live
    state = WorkflowState.objects.get(object_id=str(product.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page.goto("/admin/")
    row = page.locator(f'tr[data-page-id="{product.pk}"] [data-page-status]')
    assert row.inner_text().strip() == "Đang chờ duyệt"

    # An Alliance editor finds it on the dashboard and approves it.
    editor_page = new_page()
    log_in(editor_page, editor.username)
    editor_page.get_by_role("link", name=TITLE).first.click()
    editor_page.wait_for_url(f"**/admin/pages/{product.pk}/edit/")
    approve = editor_page.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    approve.evaluate("button => button.click()")
    editor_page.wait_for_url(lambda url: f"/admin/pages/{product.pk}/edit/" not in url)

    product.refresh_from_db()
    assert product.live

    # The public sees it: its own page, its cooperative's page and the catalogue search.
    visitor = new_page()
    visitor.goto(product.url)
    assert visitor.locator("h1").first.inner_text().strip() == TITLE
    visitor.goto(coop.page.url)
    assert visitor.get_by_text(TITLE).first.is_visible()
    visitor.goto("/san-pham/?q=hoa+nh%C3%A3n")
    assert visitor.get_by_text(TITLE).first.is_visible()

    # The cooperative's dashboard now says it is published.
    page.goto("/admin/")
    assert row.inner_text().strip() == "Đã đăng"


def test_a_cooperative_sees_only_its_own_pages_in_the_explorer(new_page):
    mine = onboarded("HTX Sen Tây Hồ", "htx.sen@example.vn", "Trà sen Tây Hồ")
    theirs = onboarded("HTX Cốm Mễ Trì", "htx.com@example.vn", "Cốm làng Vòng")
    index = mine.page.get_parent()

    page = new_page()
    log_in(page, mine.user.username)
    page.goto(f"/admin/pages/{index.pk}/")
    page.get_by_role("link", name=mine.page.title).first.wait_for()
    assert theirs.page.title not in page.content()

    response = page.goto(f"/admin/pages/{theirs.product.pk}/edit/")
    assert response.status == 404
    assert theirs.product.title not in page.content()
