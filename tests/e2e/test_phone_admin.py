"""A cooperative on a 390 px phone: logs in, adds a product with a photo, submits it for review,
and reads the Alliance's comment. The screenshots it takes illustrate docs/cooperative-guide.md.

Every screen is checked for horizontal scrolling, and every button the flow needs is clicked as
a finger would (no script clicks on hidden buttons).
"""

import io
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image as PILImage
from wagtail.models import WorkflowState

from products.models import ProductPage
from tests.factories import CategoryFactory
from tests.onboarding import PASSWORD, alliance_editor, onboarded

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "images" / "cooperative-guide"
TITLE = "Mật ong hoa nhãn Đông Anh"
# How far the admin's main column moves when a script scrolls it sideways (it is put back).
SLIDE_MAIN = """(m => { m.scrollLeft = 500; const x = m.scrollLeft; m.scrollLeft = 0; return x })(
    document.querySelector('main'))"""


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        locale="vi-VN",
        viewport=PHONE,
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def photo(tmp_path):
    """A photo as a phone's camera hands it over: a JPEG."""
    path = tmp_path / "IMG_20261202_081500.jpg"
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 900), (220, 160, 30)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def fits_the_screen(page):
    """Nothing wider than the phone: no horizontal scrolling."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide"
    # Nor can the admin's main column be slid sideways, as a focus or a script's scrolling did.
    slid = page.evaluate(SLIDE_MAIN)
    assert slid == 0, f"{page.url}: the main column slides {slid}px sideways"


def on_screen(page, element):
    """The element is where a thumb reaches it, without any scrolling sideways."""
    box = element.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.querySelector('main').scrollLeft") == 0


def shoot(page, name, full_page=False):
    fits_the_screen(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / name, full_page=full_page)


def test_a_cooperative_adds_a_product_with_a_photo_on_a_phone(phone, tmp_path):
    coop = onboarded("HTX Ong mật Đông Anh", "htx.ongmat@example.vn", "Sáp ong")
    editor = alliance_editor()
    category = CategoryFactory(name="Mật ong và sản phẩm từ ong")
    page = phone

    # Log in.
    page.goto("/admin/login/")
    page.fill("#id_username", coop.user.username)
    page.fill("#id_password", PASSWORD)
    shoot(page, "01-dang-nhap.png")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/admin/")

    # The dashboard: the checklist first, then the cooperative's pages.
    checklist = page.locator("#profile-checklist-section")
    checklist.wait_for()
    assert "Hồ sơ đã đủ" in checklist.inner_text()
    shoot(page, "02-trang-chu.png")

    # The profile's edit form, as the checklist's first link opens it.
    checklist.get_by_role("link", name="Biểu trưng").click()
    page.wait_for_url(f"**/admin/pages/{coop.page.pk}/edit/")
    page.get_by_role("tab", name="Nội dung").wait_for()
    assert page.get_by_role("tab", name="Tìm kiếm và chia sẻ").is_visible()
    shoot(page, "03-ho-so.png")

    # Add a product from the dashboard.
    page.goto("/admin/")
    page.get_by_role("link", name="Thêm sản phẩm").click()
    page.wait_for_url("**/admin/pages/add/products/productpage/**")
    page.fill("#id_title", TITLE)
    page.locator("#id_category-chooser [data-chooser-action-choose]").first.click()
    page.locator(".modal").get_by_role("link", name=category.name).click()
    page.wait_for_function("document.getElementById('id_category').value !== ''", polling=100)
    page.locator(".modal-backdrop").wait_for(state="detached")  # the chooser has faded out
    page.fill("#id_summary", "Mật ong nguyên chất từ vườn nhãn ven sông Hồng.")
    page.fill("#id_price_vnd", "180000")
    page.fill("#id_unit", "chai 500 ml")
    page.fill("#id_min_order", "10")
    page.locator("#id_price_vnd").scroll_into_view_if_needed()
    shoot(page, "04-san-pham.png")

    # A photo from the phone's camera, uploaded from the image chooser.
    page.locator("#id_gallery_images-ADD").click()
    page.locator("#id_gallery_images-0-image-chooser [data-chooser-action-choose]").click()
    modal = page.locator(".modal")
    modal.get_by_role("tab", name="Tải lên").click()
    file_input = modal.locator("input[type=file]")
    # An image type makes a phone offer its camera beside its photo library; no "capture"
    # attribute, which would take the library away.
    assert file_input.get_attribute("accept").startswith("image/")
    assert file_input.get_attribute("capture") is None
    file_input.set_input_files(str(photo(tmp_path)))
    modal.locator("input[name='image-chooser-upload-title']").fill("Hũ mật ong hoa nhãn")
    modal.locator("[name='image-chooser-upload-description']").fill(
        "Hũ mật ong hoa nhãn trên bàn gỗ"
    )
    shoot(page, "05-tai-anh.png")
    modal.get_by_role("button", name="Tải lên").click()
    page.wait_for_function(
        "document.getElementById('id_gallery_images-0-image').value !== ''", polling=100
    )
    page.fill("#id_gallery_images-0-alt_text", "Hũ mật ong hoa nhãn")

    # Submit for review from the footer's action menu, as a thumb would.
    toggle = page.locator("footer .w-dropdown__toggle")
    # Scrolled to as a thumb does, down only (Playwright's own scrolling centres sideways too).
    toggle.evaluate("e => e.scrollIntoView({block: 'center', inline: 'nearest'})")
    on_screen(page, toggle)
    toggle.click()
    submit = page.get_by_role("button", name="Gửi duyệt")
    submit.wait_for()
    on_screen(page, submit)
    shoot(page, "06-gui-duyet.png")
    submit.click()
    page.wait_for_url(f"**/admin/pages/{coop.page.pk}/")
    fits_the_screen(page)

    product = ProductPage.objects.get(title=TITLE)
    assert product.price_vnd == 180_000
    assert product.min_order == 10
    assert product.gallery_images.get().image.collection_id == coop.account.collection_id
    state = WorkflowState.objects.get(object_id=str(product.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # The Alliance asks for a change; the cooperative reads the comment on its dashboard.
    state.current_task_state.specific.reject(user=editor, comment="Xin thêm ảnh nhãn mác.")
    page.goto("/admin/")
    row = page.locator(f'tr[data-page-id="{product.pk}"]')
    assert row.locator("[data-page-status]").inner_text().strip() == "Cần sửa theo góp ý"
    assert "Xin thêm ảnh nhãn mác." in row.inner_text()
    row.scroll_into_view_if_needed()
    shoot(page, "07-gop-y.png")
