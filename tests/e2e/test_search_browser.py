"""The catalogue in a real browser: autocomplete by keyboard, and filters with JS off."""

import pytest

from search import indexing
from tests.factories import AreaFactory, make_cooperative, make_product

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue(settings):
    settings.ELASTICSEARCH_URL = ""  # the fallback: the browser tests the page, not the engine
    coop = make_cooperative("HTX Sen Quảng An", area=AreaFactory(name="Tây Hồ"))
    other = make_cooperative("HTX Gạo Đông Anh", area=AreaFactory(name="Đông Anh"))
    make_product(coop, title="Trà sen Tây Hồ")
    make_product(coop, title="Trà sen túi lọc")
    make_product(other, title="Gạo nếp cái hoa vàng")
    indexing.rebuild()


def test_autocomplete_by_keyboard(browser, live_server, catalogue):
    page = browser.new_page(base_url=live_server.url)
    page.goto("/san-pham/")
    box = page.get_by_role("combobox", name="Tìm trong danh mục sản phẩm")
    box.press_sequentially("tra s", delay=30)
    listbox = page.get_by_role("listbox")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    texts = sorted(listbox.get_by_role("option").all_inner_texts())
    assert [t.splitlines()[0] for t in texts] == ["Trà sen Tây Hồ", "Trà sen túi lọc"]
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.press("ArrowDown")
    listbox.wait_for(state="visible")
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/hop-tac-xa/htx-sen-quang-an/tra-sen-**")


def test_filters_work_without_javascript(browser, live_server, catalogue):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/san-pham/?q=tra")
    page.get_by_label("Tây Hồ").check()
    page.get_by_role("button", name="Áp dụng").click()
    assert "area=tay-ho" in page.url and "q=tra" in page.url
    assert page.get_by_role("link", name="Tây Hồ ×").is_visible() or page.locator(".chip").count()
    assert page.locator(".search-hit").count() == 2
    context.close()
