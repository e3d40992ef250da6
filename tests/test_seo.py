"""What search engines and social networks read: JSON-LD, canonical and Open Graph, sitemap."""

import datetime
import json
import re
from http import HTTPStatus

import pytest

from portal.structured_data import to_json_ld
from tests.factories import (
    AreaFactory,
    CategoryFactory,
    CertificationFactory,
    ImageFactory,
    days_from_today,
    make_cooperative,
    make_news,
    make_product,
)
from tests.http import html_of

pytestmark = pytest.mark.django_db


def json_ld(html):
    """Every JSON-LD object on the page, by @type."""
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    objects = [json.loads(block) for block in blocks]
    return {obj["@type"]: obj for obj in objects}


def meta(html, prop):
    found = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)">', html)
    return found.group(1) if found else None


def test_cooperative_is_an_organization(client):
    coop = make_cooperative(
        "HTX Gốm Bát Tràng",
        area=AreaFactory(name="Gia Lâm"),
        summary="Gốm men lam truyền thống.",
        address="Thôn 3, xã Bát Tràng",
        phone="024 3874 0000",
        email="gom@battrang.vn",
        website="https://battrang.example.vn",
        founded_year=1998,
        logo=ImageFactory(),
    )
    data = json_ld(html_of(client, coop.url))["Organization"]
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "HTX Gốm Bát Tràng"
    assert data["url"].endswith("/hop-tac-xa/htx-gom-bat-trang/")
    assert data["telephone"] == "024 3874 0000" and data["email"] == "gom@battrang.vn"
    assert data["foundingDate"] == "1998"
    assert data["address"]["streetAddress"] == "Thôn 3, xã Bát Tràng"
    assert data["address"]["addressLocality"] == "Gia Lâm"
    assert data["areaServed"]["name"] == "Gia Lâm"
    assert data["logo"].startswith("http")
    assert data["sameAs"] == ["https://battrang.example.vn"]


def test_product_carries_offer_producer_and_only_valid_certifications(client):
    ocop = CertificationFactory(name="OCOP", is_ocop=True)
    vietgap = CertificationFactory(name="VietGAP")
    coop = make_cooperative("HTX Gạo Đông Anh", phone="0912 345 678")
    product = make_product(
        coop,
        "Gạo nếp cái hoa vàng",
        category=CategoryFactory(name="Gạo"),
        image=ImageFactory(),
        price_vnd=45000,
        availability="dat_truoc",
        certifications=[
            {
                "certification": ocop,
                "ocop_stars": 4,
                "number": "OCOP-12",
                "issuer": "UBND TP Hà Nội",
                "valid_until": days_from_today(200),
            },
            {"certification": vietgap, "number": "VG-OLD", "valid_until": days_from_today(-1)},
        ],
    )
    data = json_ld(html_of(client, product.url))["Product"]
    assert data["name"] == "Gạo nếp cái hoa vàng"
    assert data["category"] == "Gạo"
    assert data["url"].endswith(product.url)
    assert data["image"] and data["image"][0].startswith("http")
    assert data["manufacturer"]["@type"] == "Organization"
    assert data["manufacturer"]["name"] == "HTX Gạo Đông Anh"
    assert data["offers"]["@type"] == "Offer"
    assert data["offers"]["priceCurrency"] == "VND"
    assert data["offers"]["price"] == 45000
    assert data["offers"]["availability"] == "https://schema.org/PreOrder"
    certificates = data["hasCertification"]
    assert [c["certificationIdentification"] for c in certificates] == ["OCOP-12"]
    assert certificates[0]["@type"] == "Certification"
    assert certificates[0]["issuedBy"]["name"] == "UBND TP Hà Nội"
    assert certificates[0]["expires"] == days_from_today(200).isoformat()
    assert "VG-OLD" not in json.dumps(data)


def test_product_without_price_has_an_offer_without_price(client):
    product = make_product(make_cooperative(), price_vnd=None)
    offers = json_ld(html_of(client, product.url))["Product"]["offers"]
    assert offers["priceCurrency"] == "VND"
    assert "price" not in offers
    assert offers["availability"] == "https://schema.org/InStock"


def test_news_is_a_news_article(client):
    news = make_news(
        "Hội chợ OCOP Hà Nội 2026", date=datetime.date(2026, 3, 5), image=ImageFactory()
    )
    data = json_ld(html_of(client, news.url))["NewsArticle"]
    assert data["headline"] == "Hội chợ OCOP Hà Nội 2026"
    assert data["datePublished"] == "2026-03-05"
    assert data["image"][0].startswith("http")
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Liên minh Hợp tác xã thành phố Hà Nội"


def test_breadcrumb_list_on_inner_pages_and_website_on_home(client):
    coop = make_cooperative("HTX Chè Ba Vì")
    product = make_product(coop, "Chè Shan tuyết")
    crumbs = json_ld(html_of(client, product.url))["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"]) for c in crumbs] == [
        (1, "Trang chủ"),
        (2, "Hợp tác xã"),
        (3, "HTX Chè Ba Vì"),
        (4, "Chè Shan tuyết"),
    ]
    assert all(c["item"].startswith("http") for c in crumbs)

    home = json_ld(html_of(client, "/"))
    assert "BreadcrumbList" not in home
    website = home["WebSite"]
    assert website["inLanguage"] == "vi"
    assert (
        "/san-pham/?q={search_term_string}" in website["potentialAction"]["target"]["urlTemplate"]
    )


def test_json_ld_cannot_be_broken_out_of(client):
    coop = make_cooperative("HTX </script><script>alert(1)</script>")
    html = html_of(client, coop.url)
    assert "<script>alert(1)" not in html
    assert json_ld(html)["Organization"]["name"] == "HTX </script><script>alert(1)</script>"
    assert "<" not in to_json_ld({"a": "</script><!--"})


def test_canonical_and_open_graph(client):
    coop = make_cooperative()
    product = make_product(
        coop, "Gạo tám", image=ImageFactory(), summary="Gạo tám xoan thơm ngon của Hải Hậu."
    )
    html = html_of(client, product.url)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical.startswith("http") and canonical.endswith(product.url)
    assert meta(html, "og:url") == canonical
    assert meta(html, "og:title") == "Gạo tám"
    assert meta(html, "og:description") == "Gạo tám xoan thơm ngon của Hải Hậu."
    assert meta(html, "description") == "Gạo tám xoan thơm ngon của Hải Hậu."
    assert meta(html, "og:type") == "website"
    assert meta(html, "og:locale") == "vi_VN"
    og_image = meta(html, "og:image")
    assert og_image.startswith("http") and "fill-1200x630" in og_image
    assert meta(html, "robots") == "index, follow"


def test_open_graph_locale_follows_the_language(client):
    assert meta(html_of(client, "/en/"), "og:locale") == "en_GB"
    assert meta(html_of(client, "/"), "og:locale") == "vi_VN"


def test_list_pages_past_the_first_keep_their_page_in_the_canonical(client):
    for n in range(13):
        make_cooperative(f"HTX {n:02d}")
    html = html_of(client, "/hop-tac-xa/?page=2")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical.endswith("/hop-tac-xa/?page=2")


def test_hreflang_alternates_link_translations(client):
    html = html_of(client, "/")
    assert re.search(r'<link rel="alternate" hreflang="en" href="http[^"]+/en/">', html)
    assert re.search(r'<link rel="alternate" hreflang="vi" href="http[^"]+/">', html)


def test_lang_attribute_follows_the_locale(client):
    assert '<html lang="vi">' in html_of(client, "/")
    assert '<html lang="en">' in html_of(client, "/en/")


def test_sitemap_lists_product_pages(client):
    product = make_product(make_cooperative(), "Miến dong Minh Hồng")
    response = client.get("/sitemap.xml")
    assert response.status_code == HTTPStatus.OK
    assert product.url in response.content.decode()


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == HTTPStatus.OK
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert re.search(r"^Sitemap: http://testserver/sitemap.xml$", body, re.M)


def test_robots_txt_answers_head_as_crawlers_and_monitors_send_it(client):
    response = client.head("/robots.txt")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"].startswith("text/plain")


def test_not_found_is_not_indexed(client):
    response = client.get("/khong-co/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert meta(response.content.decode(), "robots") == "noindex, nofollow"
