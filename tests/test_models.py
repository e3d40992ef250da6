import pytest
from django.core.exceptions import ValidationError

from products.models import ProductCertification, ProductPage
from tests.factories import (
    CertificationFactory,
    ImageFactory,
    days_from_today,
    make_cooperative,
    make_product,
)

pytestmark = pytest.mark.django_db


def test_product_lives_under_its_cooperative():
    coop = make_cooperative()
    product = make_product(coop, image=ImageFactory(), price_vnd=45000, season_months=[9, 10])
    assert product.url_path.endswith("/hop-tac-xa/htx-nong-nghiep-thanh-tri/gao-nep-cai-hoa-vang/")
    assert product.cooperative_page_id == coop.pk
    product.refresh_from_db()
    assert product.season_months == [9, 10]


def test_moving_a_product_to_another_cooperative_updates_its_producer():
    first, second = make_cooperative("HTX Một"), make_cooperative("HTX Hai")
    product = make_product(first)
    product.move(second, pos="last-child")
    product = ProductPage.objects.get(pk=product.pk)
    assert product.cooperative_page_id == second.pk
    assert product.cooperative.title == "HTX Hai"


def test_expired_certification_is_never_counted_as_valid():
    ocop = CertificationFactory(name="OCOP", is_ocop=True)
    vietgap = CertificationFactory(name="VietGAP")
    product = make_product(
        make_cooperative(),
        certifications=[
            {"certification": ocop, "ocop_stars": 4, "valid_until": days_from_today(-1)},
            {"certification": vietgap, "number": "VG-01", "valid_until": days_from_today(30)},
        ],
    )
    assert [c.certification.name for c in product.valid_certifications()] == ["VietGAP"]
    assert product.ocop_stars is None


def test_ocop_record_needs_stars_and_others_must_not_have_them():
    record = ProductCertification(certification=CertificationFactory(is_ocop=True))
    with pytest.raises(ValidationError):
        record.clean()
    record = ProductCertification(certification=CertificationFactory(), ocop_stars=4)
    with pytest.raises(ValidationError):
        record.clean()


def test_latest_rating_follows_the_newest_classification_year():
    coop = make_cooperative(ratings=[(2023, "yeu"), (2025, "tot"), (2024, "kha")])
    assert coop.latest_rating == "tot"
    assert [r.year for r in coop.classification_history] == [2025, 2024, 2023]
