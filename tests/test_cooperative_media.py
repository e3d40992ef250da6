"""Each cooperative's photos are its own; the Alliance's shared pictures are chosen, not changed."""

import io
from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.test import Client
from PIL import Image as PILImage

from cooperatives.accounts import media_collection, onboard
from cooperatives.models import CooperativeAccount, CooperativePage
from cooperatives.permissions import shared_collection
from home.models import StoryPage
from portal.models import PortalImage
from products.models import ProductGalleryImage, ProductPage
from tests.factories import ImageFactory
from tests.onboarding import onboarded
from tests.test_import import COOPS, PRODUCT_HEADER, import_files

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_import_puts_each_cooperatives_photos_in_its_collection(tmp_path):
    PILImage.new("RGB", (8, 6), (200, 160, 40)).save(tmp_path / "anh.png")
    # Two cooperatives send the same file: each gets its own copy, in its own collection.
    products = [
        PRODUCT_HEADER,
        "HN-1,Gạo nếp cái hoa vàng,Nông sản > Gạo,Nếp thơm.,45000,kg,,,,anh.png",
        "HN-2,Bát gốm men lam,Gốm sứ,Bát vẽ tay.,90000,chiếc,,,,anh.png",
    ]
    import_files(tmp_path, COOPS, products)

    by_collection = {}
    for account in CooperativeAccount.objects.select_related("page", "collection"):
        images = PortalImage.objects.filter(collection=account.collection)
        by_collection[account.page.code] = sorted(images.values_list("title", flat=True))
    assert by_collection == {
        "HN-1": ["Gạo nếp cái hoa vàng"],
        "HN-2": ["Bát gốm men lam"],
    }  # HN-3 sent no photo: its collection waits for its first one, or its onboarding
    # Importing again stores nothing new.
    import_files(tmp_path, COOPS, products)
    assert PortalImage.objects.count() == 2


def test_onboarding_later_reuses_the_collection_the_import_made():
    coop = onboarded("HTX Ong mật Đông Anh", "htx.ongmat@example.vn", "Mật ong hoa nhãn")
    assert media_collection(coop.page) == coop.account.collection
    again = onboard(coop.page, "htx.ongmat@example.vn")
    assert again.account.collection == coop.account.collection


def test_the_library_shows_its_own_photos_and_the_chooser_the_shared_ones_too():
    coop = onboarded("HTX Ong mật Đông Anh", "htx.ongmat@example.vn", "Mật ong hoa nhãn")
    shared = ImageFactory(title="Đồng lúa Mê Linh", collection=shared_collection())
    client = client_for(coop.user)

    library = client.get("/admin/images/").content.decode()
    assert coop.image.title in library
    assert shared.title not in library

    chooser = client.get("/admin/images/chooser/").json()["html"]
    assert coop.image.title in chooser
    assert shared.title in chooser

    # Chosen, never changed: the edit and delete screens are closed to the cooperative.
    for url in (f"/admin/images/{shared.pk}/", f"/admin/images/{shared.pk}/delete/"):
        response = client.get(url)
        assert response.status_code in (HTTPStatus.FOUND, HTTPStatus.FORBIDDEN), url
        assert shared.title not in response.content.decode()


def test_the_demo_gives_each_cooperative_its_logo_and_its_products_photos():
    call_command("load_demo_data", stdout=io.StringIO(), stderr=io.StringIO())
    shared = shared_collection()
    cooperatives = CooperativePage.objects.select_related("account__collection", "logo")
    assert cooperatives.count() >= 40
    for coop in cooperatives:
        own = coop.account.collection
        assert coop.logo.collection_id == own.pk, coop.title
        photos = ProductGalleryImage.objects.filter(page__in=ProductPage.objects.child_of(coop))
        assert photos.exists(), coop.title
        assert set(photos.values_list("image__collection", flat=True)) == {own.pk}, coop.title
    # The drawn pictures of stories, news and the cooperatives' galleries are the Alliance's.
    assert StoryPage.objects.exclude(image__collection=shared).count() == 0
