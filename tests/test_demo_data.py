"""`manage.py load_demo_data`: a realistic demo, idempotent; bulk products keep the tree valid."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Revision

from cooperatives.models import CooperativePage
from demo.loader import _featured
from demo.progress import Progress
from home.models import HomePage, NewsPage, StoryPage
from portal.models import PortalImage, PortalSettings
from products.models import ProductCertification, ProductPage
from search import indexing
from search.models import ProductSearchText
from tests.factories import CertificationFactory, days_from_today, make_cooperative, make_product

pytestmark = pytest.mark.django_db


def load(*args):
    out = io.StringIO()
    call_command("load_demo_data", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def snapshot():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        PortalImage.objects.count(),
        ProductCertification.objects.count(),
        sorted(Page.objects.values_list("path", "last_published_at")),
    )


def test_base_demo_is_realistic_published_and_idempotent(client):
    load()

    coops = CooperativePage.objects.live()
    assert coops.count() >= 40
    assert coops.values("area").distinct().count() >= 10
    assert coops.values("sector").distinct().count() >= 8
    assert all(c.logo_id and c.code.startswith("HN-") for c in coops)
    assert all(2 <= c.classifications.count() <= 4 for c in coops)
    products = ProductPage.objects.live()
    assert products.count() >= 300
    assert products.values("category").distinct().count() >= 12
    assert products.filter(price_vnd__isnull=True).exists()  # "liên hệ"
    assert products.exclude(export_markets="").exists()
    assert not products.filter(latest_revision__isnull=True).exists()  # real history
    today = timezone.localdate()
    assert ProductCertification.objects.filter(valid_until__lt=today).exists()
    assert set(
        ProductCertification.objects.filter(certification__is_ocop=True).values_list(
            "ocop_stars", flat=True
        )
    ) == {3, 4, 5}
    assert StoryPage.objects.live().count() >= 6
    assert all(s.cooperatives.exists() for s in StoryPage.objects.all())
    assert NewsPage.objects.live().count() >= 10
    assert NewsPage.objects.filter(tags__isnull=False).exists()
    home = HomePage.objects.get(locale__language_code="vi")
    assert home.hero_image_id and home.featured_products.exists()
    # The featured products are chosen for their OCOP stars: an expired certificate has none.
    assert all(f.product.ocop_stars for f in home.featured_products.all())
    settings = PortalSettings.objects.get()
    assert settings.alliance_name == "Liên minh Hợp tác xã thành phố Hà Nội"
    assert settings.alliance_phone and len(settings.footer_links) >= 3

    product = ProductPage.objects.filter(slug="tra-sen-tay-ho").first()
    for url in ("/", "/hop-tac-xa/", product.url, product.get_parent().url, "/tin-tuc/"):
        assert client.get(url).status_code == 200, url
    assert "Trà sen Tây Hồ" in client.get(product.url).content.decode()

    before = snapshot()
    assert "thêm 0 hợp tác xã, 0 sản phẩm, 0 mô hình, 0 tin" in load()
    assert snapshot() == before


def test_demo_catalogue_is_in_the_product_search_synced_in_one_batch(monkeypatch):
    batches = []
    sync_table = indexing.sync_table
    monkeypatch.setattr(indexing, "sync_table", lambda ids: batches.append(ids) or sync_table(ids))

    load()

    live = set(ProductPage.objects.live().values_list("pk", flat=True))
    assert set(ProductSearchText.objects.values_list("page_id", flat=True)) == live
    assert len(batches) == 1 and set(batches[0]) == live
    # every picture, logos too, is in Wagtail's own (the admin's) search
    logo = CooperativePage.objects.first().logo
    assert logo in PortalImage.objects.search(logo.title)


def test_bulk_products_keep_the_tree_valid_and_render(client):
    load()
    published = ProductPage.objects.count()
    revisions = Revision.objects.count()

    output = load("--products", "450", "--chunk", "50")

    assert ProductPage.objects.count() == 450
    assert "Thêm hàng loạt" in output
    assert Revision.objects.count() == revisions  # the bulk path writes no history
    assert all(not problems for problems in Page.find_problems())
    for coop in CooperativePage.objects.all():
        assert coop.numchild == coop.get_children().count()
    bulk = ProductPage.objects.filter(latest_revision__isnull=True)
    assert bulk.count() == 450 - published
    assert bulk.values("cooperative_page").distinct().count() >= 40
    assert ProductCertification.objects.filter(page__in=bulk).exists()
    for page in bulk.order_by("?")[:3]:
        assert page.url_path == page.get_parent().url_path + page.slug + "/"
        response = client.get(page.url)
        assert response.status_code == 200
        assert page.title in response.content.decode()

    load("--products", "450")  # already there: adds nothing
    assert ProductPage.objects.count() == 450
    new = load("--products", "460")
    assert ProductPage.objects.count() == 460 and "10" in new
    assert all(not problems for problems in Page.find_problems())


def test_demo_features_products_whose_ocop_certificate_is_still_valid():
    ocop = CertificationFactory(name="OCOP", is_ocop=True)
    coop = make_cooperative()
    expired = {"certification": ocop, "ocop_stars": 5, "valid_until": days_from_today(-1)}
    valid = {"certification": ocop, "ocop_stars": 3, "valid_until": days_from_today(1)}
    make_product(coop, "Chè hết hạn", certifications=[expired])
    make_product(coop, "Chè còn hạn", certifications=[valid])
    assert [p.title for p in _featured(coop.locale, 2)] == ["Chè còn hạn"]


def test_progress_bar_shows_count_and_rate():
    stream = io.StringIO()
    progress = Progress(10_000, stream=stream, every=0)
    progress.advance(4_000)
    assert "[############                  ] 4,000/10,000" in stream.getvalue()
    assert stream.getvalue().endswith("products/s")
