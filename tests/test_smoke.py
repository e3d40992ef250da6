import pytest

from tests.factories import ImageFactory, make_cooperative, make_product

pytestmark = pytest.mark.django_db


def test_product_lives_under_its_cooperative():
    coop = make_cooperative()
    product = make_product(coop, image=ImageFactory(), price_vnd=45000, season_months=[9, 10])
    assert product.url_path.endswith("/hop-tac-xa/htx-nong-nghiep-thanh-tri/gao-nep-cai-hoa-vang/")
    assert product.cooperative_page_id == coop.pk
    product.refresh_from_db()
    assert product.season_months == [9, 10]
