"""What a cooperative's user sees in the admin: its menu, its checklist, its guide."""

import json
from http import HTTPStatus

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.users.models import UserProfile

from cooperatives.models import CooperativeGalleryImage
from cooperatives.wagtail_hooks import COOPERATIVE_MENU
from tests.factories import ImageFactory
from tests.onboarding import alliance_editor, onboarded

pytestmark = pytest.mark.django_db


@pytest.fixture
def coop():
    return onboarded("HTX Ong mật Đông Anh", "htx.ongmat@example.vn", "Mật ong hoa nhãn")


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def menu(html):
    """{name: label} of the sidebar's main menu, submenus' items under "name/item"."""
    soup = BeautifulSoup(html, "html.parser")
    props = json.loads(soup.find("script", id="wagtail-sidebar-props").string)
    (main,) = [m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule"]
    items = {}

    def walk(entries, prefix=""):
        for entry in entries:
            args = entry["_args"][0]
            items[prefix + args["name"]] = args["label"]
            if entry["_type"] == "wagtail.sidebar.SubMenuItem":
                walk(entry["_args"][1], prefix + args["name"] + "/")

    walk(main["_args"][0])
    return items


def test_a_cooperative_sees_only_the_menu_items_it_uses(coop):
    items = menu(client_for(coop.user).get("/admin/").content.decode())
    main = {name for name in items if "/" not in name}
    assert main <= COOPERATIVE_MENU
    assert {"reports", "snippets", "settings"}.isdisjoint(main)
    assert {name: items[name] for name in ("explorer", "images", "documents", "help")} == {
        "explorer": "Trang",
        "images": "Ảnh",
        "documents": "Tài liệu",
        "help": "Trợ giúp",
    }
    assert [label for name, label in items.items() if name.startswith("help/")] == [
        "Hướng dẫn cho hợp tác xã",
        "Phím tắt",
    ]


def test_the_menu_keeps_the_inquiry_and_fair_items_for_a_cooperative():
    assert {"inquiries", "quote-requests", "stand-applications"} <= COOPERATIVE_MENU


def test_an_editor_keeps_reports_and_gets_the_guide_instead_of_wagtails():
    items = menu(client_for(alliance_editor()).get("/admin/").content.decode())
    assert "reports" in items
    assert items["help/cooperative-guide"] == "Hướng dẫn cho hợp tác xã"
    assert "help/editor-guide" not in items
    assert not any(name.startswith("help/whats-new") for name in items)


def test_a_new_cooperative_account_speaks_vietnamese_whatever_the_browser_says(coop):
    assert UserProfile.get_for_user(coop.user).preferred_language == "vi"
    client = client_for(coop.user)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Hồ sơ của hợp tác xã" in html
    assert menu(html)["images"] == "Ảnh"


def checklist(html):
    soup = BeautifulSoup(html, "html.parser")
    panel = soup.find(id="profile-checklist-section")
    rows = {
        li.a.get_text(strip=True): (li["data-done"] == "true", li.a["href"])
        for li in panel.select(".htx-checklist li")
    }
    return panel.select_one("[data-profile-complete]").get_text(" ", strip=True), rows


def test_the_dashboard_checklist_says_what_is_missing_and_links_to_it(coop):
    summary, rows = checklist(client_for(coop.user).get("/admin/").content.decode())
    edit = f"/admin/pages/{coop.page.pk}/edit/"
    assert rows == {
        "Biểu trưng": (False, edit),
        "Ảnh bìa": (False, edit),
        "Giới thiệu": (False, edit),
        "Liên hệ": (False, edit),
        # The factory's product has a photo but no price: the link opens it.
        "Sản phẩm có ảnh và giá": (False, f"/admin/pages/{coop.product.pk}/edit/"),
        "Chứng nhận": (False, "/admin/documents/multiple/add/"),
    }
    assert summary.startswith("Hồ sơ đã đủ 0/6 mục (0%).")


def test_the_checklist_follows_the_saved_draft(coop):
    page = coop.page.specific
    page.logo = coop.image
    page.summary = "Mật ong nguyên chất từ vườn nhãn."
    page.body = "<p>Hai mươi hộ nuôi ong ven sông Hồng.</p>"
    page.address = "Xã Việt Hùng, Đông Anh"
    page.phone = "0912 345 678"
    page.gallery_images = [CooperativeGalleryImage(image=ImageFactory())]
    page.save_revision(user=coop.user)
    product = coop.product.specific
    product.price_vnd = 180_000
    product.save_revision(user=coop.user)

    summary, rows = checklist(client_for(coop.user).get("/admin/").content.decode())
    assert summary.startswith("Hồ sơ đã đủ 5/6 mục (83%).")
    assert [name for name, (done, _url) in rows.items() if not done] == ["Chứng nhận"]


def test_the_guide_opens_in_the_admin_with_its_pictures(coop):
    client = client_for(coop.user)
    dashboard = client.get("/admin/").content.decode()
    assert 'href="/admin/huong-dan/"' in dashboard
    response = client.get("/admin/huong-dan/")
    assert response.status_code == HTTPStatus.OK
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("article", class_="htx-guide").h1.get_text(strip=True) == (
        "Hướng dẫn dùng trang quản trị cho hợp tác xã"
    )
    pictures = [img["src"] for img in soup.select(".htx-guide img")]
    assert pictures
    assert all(src.startswith("/admin/huong-dan/anh/") for src in pictures)
    picture = client.get(pictures[0])
    assert picture.status_code == HTTPStatus.OK
    assert picture["Content-Type"] == "image/png"
    for name in ("khong-co.png", "..settings.py"):
        assert client.get(f"/admin/huong-dan/anh/{name}").status_code == HTTPStatus.NOT_FOUND
    assert Client().get("/admin/huong-dan/").status_code == HTTPStatus.FOUND  # log in first
