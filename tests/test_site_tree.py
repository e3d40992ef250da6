"""A fresh install: `migrate` alone leaves a usable site in both locales."""

from http import HTTPStatus

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from cooperatives.models import CooperativeIndexPage
from home.models import HomePage, NewsIndexPage, StoryIndexPage
from products.models import ProductIndexPage
from tests.factories import make_cooperative, make_product

pytestmark = pytest.mark.django_db

INDEXES = [CooperativeIndexPage, ProductIndexPage, StoryIndexPage, NewsIndexPage]


def test_migrate_builds_home_and_index_pages_in_both_locales():
    for code in ("vi", "en"):
        home = HomePage.objects.get(locale__language_code=code)
        assert home.live
        for model in INDEXES:
            page = model.objects.get(locale__language_code=code)
            assert page.live and page.get_parent().pk == home.pk
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    # Wagtail's placeholder "Welcome" page is gone.
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/hop-tac-xa/",
        "/san-pham/",
        "/mo-hinh-tieu-bieu/",
        "/tin-tuc/",
        "/en/",
        "/en/cooperatives/",
        "/en/products/",
        "/en/model-cooperatives/",
        "/en/news/",
    ],
)
def test_fresh_site_pages_answer(client, url):
    assert client.get(url).status_code == HTTPStatus.OK


def test_vietnamese_slugs_are_ascii():
    coop = make_cooperative("HTX Gốm sứ Bát Tràng")
    product = make_product(coop, "Bình gốm men rạn đắp nổi")
    assert coop.slug == "htx-gom-su-bat-trang"
    assert product.slug == "binh-gom-men-ran-dap-noi"


def test_running_migrate_again_changes_nothing():
    before = list(Page.objects.values_list("pk", "path", "slug", "live").order_by("path"))
    call_command("migrate", verbosity=0)
    after = list(Page.objects.values_list("pk", "path", "slug", "live").order_by("path"))
    assert before == after


def test_english_home_without_a_directory_points_to_the_vietnamese_edition(client):
    make_cooperative()
    body = client.get("/en/").content.decode()
    assert 'href="/" hreflang="vi"' in body
    assert "Danh bạ qua các con số" not in body and "The directory in figures" not in body
    vietnamese = client.get("/").content.decode()
    assert 'hreflang="vi">' not in vietnamese.split("<main", 1)[1]
