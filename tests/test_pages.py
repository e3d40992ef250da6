"""Every public page type renders what a visitor needs, in a constant number of queries."""

import datetime
import re
from html.parser import HTMLParser
from http import HTTPStatus

import pytest
from django.db import DatabaseError, connection
from django.template.loader import get_template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage
from portal.views import server_error
from products.models import ProductGalleryImage
from tests.factories import (
    AreaFactory,
    CategoryFactory,
    CertificationFactory,
    ImageFactory,
    SectorFactory,
    add_page,
    days_from_today,
    make_cooperative,
    make_news,
    make_product,
    make_story,
    vi_home,
)
from tests.http import html_of, text_of

pytestmark = pytest.mark.django_db


# Home -------------------------------------------------------------------------------------


def test_home_shows_hero_products_figures_stories_and_news(client):
    sector = SectorFactory(name="Thủ công mỹ nghệ")
    area = AreaFactory(name="Chương Mỹ")
    coop = make_cooperative("HTX Mây tre đan Phú Vinh", sector=sector, area=area)
    make_product(coop, "Giỏ mây tre đan", image=ImageFactory(), price_vnd=120000)
    make_story("Phú Vinh giữ nghề", cooperatives=[coop])
    make_news("Hội chợ OCOP mùa thu")

    html = html_of(client, "/")
    text = text_of(html)
    assert "Sản phẩm hợp tác xã Thủ đô" in text
    assert "Giỏ mây tre đan" in text and "120.000 ₫" in text
    assert "Phú Vinh giữ nghề" in text and "Hội chợ OCOP mùa thu" in text
    # The directory in figures: two charts, each an image with a title and a real table.
    assert html.count('role="img"') == 2
    assert 'aria-labelledby="chart-sector-title"' in html
    assert '<title id="chart-sector-title">Hợp tác xã theo lĩnh vực: Thủ công mỹ nghệ 1' in html
    sector_table = re.search(r"<table>.*?</table>", html, re.S).group(0)
    assert "Thủ công mỹ nghệ" in sector_table and "?sector=" in sector_table


def test_main_navigation_lists_the_six_sections_and_marks_the_current_one(client):
    html = html_of(client, "/hop-tac-xa/")
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    titles = re.findall(r"<a [^>]*>([^<]+)</a>", nav)
    assert titles == [
        "Hợp tác xã", "Sản phẩm", "Mô hình tiêu biểu", "Tin tức", "Sự kiện", "Văn bản",
    ]  # fmt: skip
    assert 'href="/hop-tac-xa/" aria-current="page"' in nav
    assert 'action="/san-pham/"' in html and 'name="q"' in html


def test_language_switcher_links_the_translation_or_the_other_home(client):
    home = html_of(client, "/")
    assert 'href="/en/" hreflang="en"' in home
    english_directory = html_of(client, "/en/cooperatives/")
    assert 'href="/hop-tac-xa/" hreflang="vi"' in english_directory
    coop = make_cooperative()
    product = make_product(coop)
    # No English translation of the product: the switcher leads to the English home page.
    assert 'href="/en/" hreflang="en"' in html_of(client, product.url)


def test_phone_links_keep_only_digits_in_the_footer_and_the_contact_card(client):
    from portal.models import PortalSettings

    site = vi_home().get_site()
    PortalSettings.objects.update_or_create(
        site=site, defaults={"alliance_phone": "(024) 3825.0000 – máy lẻ"}
    )
    coop = make_cooperative(phone="(024) 3861-1234")
    html = html_of(client, coop.url)
    assert 'href="tel:02438250000"' in html
    assert 'href="tel:02438611234"' in html


def test_breadcrumbs_on_inner_pages_only(client):
    coop = make_cooperative("HTX Rau Văn Đức")
    product = make_product(coop, "Rau cải")
    html = html_of(client, product.url)
    crumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group(0)
    assert re.findall(r">([^<>]+)</(?:a|span)>", crumbs) == [
        "Trang chủ",
        "Hợp tác xã",
        "HTX Rau Văn Đức",
        "Rau cải",
    ]
    assert 'class="breadcrumbs' not in html_of(client, "/")


# Cooperative directory --------------------------------------------------------------------


@pytest.fixture
def directory():
    farming, crafts = SectorFactory(name="Nông nghiệp"), SectorFactory(name="Thủ công")
    dong_anh, gia_lam = AreaFactory(name="Đông Anh"), AreaFactory(name="Gia Lâm")
    make_cooperative("HTX Lúa Đông Anh", sector=farming, area=dong_anh, ratings=[(2025, "tot")])
    make_cooperative("HTX Gốm Gia Lâm", sector=crafts, area=gia_lam, ratings=[(2025, "kha")])
    make_cooperative("Tổ hợp tác Rau Gia Lâm", sector=farming, area=gia_lam, kind="to_hop_tac")
    return {"farming": farming, "crafts": crafts, "dong_anh": dong_anh, "gia_lam": gia_lam}


def card_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["HTX Gốm Gia Lâm", "HTX Lúa Đông Anh", "Tổ hợp tác Rau Gia Lâm"]),
        ("?sector=nong-nghiep", ["HTX Lúa Đông Anh", "Tổ hợp tác Rau Gia Lâm"]),
        ("?area=gia-lam", ["HTX Gốm Gia Lâm", "Tổ hợp tác Rau Gia Lâm"]),
        ("?kind=to_hop_tac", ["Tổ hợp tác Rau Gia Lâm"]),
        ("?rating=kha", ["HTX Gốm Gia Lâm"]),
        ("?sector=nong-nghiep&area=dong-anh", ["HTX Lúa Đông Anh"]),
    ],
)
def test_directory_filters(client, directory, query, expected):
    html = html_of(client, f"/hop-tac-xa/{query}")
    assert card_titles(html) == expected
    assert f"{len(expected)} hợp tác xã" in text_of(html)


def test_directory_form_is_labelled_and_shows_removable_chips(client, directory):
    html = html_of(client, "/hop-tac-xa/?sector=nong-nghiep&area=gia-lam")
    for field in ("q", "sector", "area", "kind", "rating"):
        assert f'<label for="id_{field}">' in html
    assert 'method="get"' in html
    chips = re.search(r'<ul class="chips".*?</ul>', html, re.S).group(0)
    assert "Lĩnh vực: Nông nghiệp" in text_of(chips)
    # Removing the sector chip keeps the area filter.
    assert 'href="?area=gia-lam"' in chips
    assert 'href="?sector=nong-nghiep"' in chips


def test_directory_cards_show_kind_sector_area_and_rating(client, directory):
    text = text_of(html_of(client, "/hop-tac-xa/?rating=tot"))
    assert "HTX Lúa Đông Anh" in text
    assert "Lĩnh vực Nông nghiệp" in text and "Địa bàn Đông Anh" in text
    assert "Xếp loại Tốt" in text


def test_directory_pagination_keeps_the_filters(client):
    sector = SectorFactory(name="Chăn nuôi")
    for n in range(13):
        make_cooperative(f"HTX Chăn nuôi {n:02d}", sector=sector)
    first = html_of(client, "/hop-tac-xa/?sector=chan-nuoi")
    assert len(card_titles(first)) == 12
    assert 'href="?sector=chan-nuoi&amp;page=2"' in first
    second = html_of(client, "/hop-tac-xa/?sector=chan-nuoi&page=2")
    assert card_titles(second) == ["HTX Chăn nuôi 12"]
    assert '<span aria-current="page">2</span>' in second


def test_cooperative_page_shows_profile_history_products_and_stories(client):
    coop = make_cooperative(
        "HTX Nông nghiệp Thanh Trì",
        summary="Trồng rau an toàn.",
        founded_year=2008,
        members=1250,
        phone="024 3861 1234",
        email="htx@thanhtri.vn",
        website="https://thanhtri.example.vn",
        ratings=[(2023, "kha"), (2025, "tot")],
    )
    make_product(coop, "Rau muống", price_vnd=15000)
    story = make_story("Rau sạch Thanh Trì", cooperatives=[coop])

    html = html_of(client, coop.url)
    text = text_of(html)
    assert "Năm thành lập 2008" in text and "Số thành viên 1.250" in text
    assert 'href="tel:02438611234"' in html and 'href="mailto:htx@thanhtri.vn"' in html
    history = re.search(r'<table class="table">.*?</table>', html, re.S).group(0)
    assert re.findall(r"<th scope=\"row\">(\d+)</th>", history) == ["2025", "2023"]
    assert "Tốt" in history and "Khá" in history
    assert "Rau muống" in text and "15.000 ₫" in text
    assert f'href="{story.url}"' in html


def test_cooperative_page_lists_its_stories_newest_date_first(client):
    coop = make_cooperative()
    make_story("Câu chuyện mới", cooperatives=[coop], date=datetime.date(2025, 5, 1))
    make_story("Câu chuyện cũ", cooperatives=[coop], date=datetime.date(2020, 5, 1))
    stories = html_of(client, coop.url).split('id="stories-title"')[1]
    assert re.findall(r'<a href="[^"]+">(Câu chuyện [^<]+)</a>', stories) == [
        "Câu chuyện mới",
        "Câu chuyện cũ",
    ]


def test_story_and_cooperative_link_each_other(client):
    coop = make_cooperative("HTX Bưởi Diễn")
    story = make_story("Bưởi Diễn vươn xa", cooperatives=[coop])
    story_html = html_of(client, story.url)
    assert f'href="{coop.url}"' in story_html
    assert "Hợp tác xã trong câu chuyện" in story_html
    assert f'href="{story.url}"' in html_of(client, coop.url)


# Catalogue and product pages --------------------------------------------------------------


def test_product_page_price_supply_and_producer_contact(client):
    coop = make_cooperative("HTX Gạo Đông Anh", phone="0912 345 678", email="gao@htx.vn")
    product = make_product(
        coop,
        "Gạo nếp cái hoa vàng",
        image=ImageFactory(),
        price_vnd=45000,
        min_order=50,
        monthly_capacity=2000,
        packaging="Túi 2 kg",
        shelf_life="12 tháng",
        export_markets="Nhật Bản, Hàn Quốc",
    )
    html = html_of(client, product.url)
    text = text_of(html)
    assert "45.000 ₫ / kg" in text
    assert "Đơn hàng tối thiểu 50 kg" in text and "Sản lượng mỗi tháng 2.000 kg" in text
    assert "Túi 2 kg" in text and "12 tháng" in text and "Nhật Bản, Hàn Quốc" in text
    assert f'<a href="{coop.url}">HTX Gạo Đông Anh</a>' in html
    assert 'href="tel:0912345678"' in html and 'href="mailto:gao@htx.vn"' in html
    # The call to action is the inquiry form on the page, no longer a mailto: link.
    assert 'href="#hoi-mua"' in html and 'id="hoi-mua"' in html
    assert "mailto:gao@htx.vn?subject=" not in html
    # Responsive, described product picture.
    assert "<picture>" in html and 'alt="Túi gạo nếp"' in html and "srcset=" in html


def test_product_without_price_reads_contact(client):
    product = make_product(make_cooperative(), "Chè Shan tuyết", price_vnd=None)
    text = text_of(html_of(client, product.url))
    assert "Liên hệ (giá theo thỏa thuận)" in text
    assert "₫" not in text


def season_months(html):
    calendar = re.search(r'<ol class="season__months">.*?</ol>', html, re.S).group(0)
    months = re.findall(r'<li class="season__month( is-in-season)?">', calendar)
    return [bool(m) for m in months], text_of(calendar)


def test_season_calendar_shows_twelve_months_and_marks_the_season(client):
    product = make_product(make_cooperative(), season_months=[9, 10, 11])
    html = html_of(client, product.url)
    marks, text = season_months(html)
    assert len(marks) == 12
    assert [n for n, on in enumerate(marks, start=1) if on] == [9, 10, 11]
    assert "Tháng 9: có hàng" in text and "Tháng 3: không có hàng" in text
    assert "Có hàng vào tháng 9, tháng 10, tháng 11." in text_of(html)


def test_empty_season_means_all_year(client):
    product = make_product(make_cooperative(), season_months=[])
    html = html_of(client, product.url)
    marks, _text = season_months(html)
    assert marks == [True] * 12
    assert "Có hàng quanh năm." in text_of(html)


def test_expired_certificate_is_shown_expired_never_valid(client):
    ocop = CertificationFactory(name="OCOP", is_ocop=True)
    vietgap = CertificationFactory(name="VietGAP")
    product = make_product(
        make_cooperative(),
        certifications=[
            {
                "certification": vietgap,
                "number": "VG-2023-17",
                "issuer": "Trung tâm Chứng nhận",
                "valid_until": days_from_today(-1),
            },
            {
                "certification": ocop,
                "ocop_stars": 4,
                "number": "OCOP-88",
                "issuer": "UBND TP Hà Nội",
                "valid_until": days_from_today(300),
            },
        ],
    )
    html = html_of(client, product.url)
    certs = re.findall(
        r'<li class="cert( cert--expired)?">(.*?)</li>\s*(?=<li class="cert|</ul>)', html, re.S
    )
    by_name = {
        ("VietGAP" if "VietGAP" in body else "OCOP"): (bool(expired), text_of(body))
        for expired, body in certs
    }
    expired, vietgap_text = by_name["VietGAP"]
    assert expired and "Hết hiệu lực" in vietgap_text and "Còn hiệu lực" not in vietgap_text
    assert "VG-2023-17" in vietgap_text and "Trung tâm Chứng nhận" in vietgap_text
    valid, ocop_text = by_name["OCOP"]
    assert not valid and "Còn hiệu lực" in ocop_text and "4 sao" in ocop_text
    assert "OCOP ★★★★" in text_of(html)


def test_expired_ocop_gives_no_stars(client):
    ocop = CertificationFactory(name="OCOP", is_ocop=True)
    product = make_product(
        make_cooperative(),
        certifications=[
            {"certification": ocop, "ocop_stars": 5, "valid_until": days_from_today(-10)}
        ],
    )
    html = html_of(client, product.url)
    assert "★" not in html
    assert "Hết hiệu lực" in text_of(html)


def test_product_page_lists_related_products(client):
    rice = CategoryFactory(name="Gạo")
    product = make_product(make_cooperative("HTX A"), "Gạo tám", category=rice)
    make_product(make_cooperative("HTX B"), "Gạo Bắc Hương", category=rice)
    html = html_of(client, product.url)
    related = html.split('id="related-title"')[1]
    assert card_titles(related) == ["Gạo Bắc Hương"]


def test_catalogue_paginates(client):
    coop = make_cooperative()
    category = CategoryFactory()
    for n in range(25):
        make_product(coop, f"Sản phẩm {n:02d}", category=category)
    first = html_of(client, "/san-pham/")
    assert len(card_titles(first)) == 24
    assert 'href="?page=2"' in first
    assert card_titles(html_of(client, "/san-pham/?page=2")) == ["Sản phẩm 24"]


# Editorial pages --------------------------------------------------------------------------


def test_news_index_filters_by_tag(client):
    make_news("Hội chợ OCOP", tags=["OCOP"])
    make_news("Chính sách mới cho HTX", tags=["Chính sách"])
    everything = html_of(client, "/tin-tuc/")
    assert "Hội chợ OCOP" in everything and "Chính sách mới cho HTX" in everything
    tagged = html_of(client, "/tin-tuc/?tag=ocop")
    assert "Hội chợ OCOP" in tagged and "Chính sách mới cho HTX" not in tagged
    assert '<a href="?tag=ocop" aria-current="page">OCOP</a>' in tagged
    assert "1 tin gắn thẻ OCOP" in text_of(tagged)


@pytest.mark.parametrize("tag", ["khong-co", "%00", "a%00b"])
def test_news_index_answers_an_unknown_or_impossible_tag_with_no_news(client, tag):
    # A NUL byte reaches PostgreSQL as a DataError (a 500) unless it is kept out of the query.
    make_news("Hội chợ OCOP", tags=["OCOP"])
    html = html_of(client, f"/tin-tuc/?tag={tag}")
    assert "Hội chợ OCOP" not in html
    assert "0 tin gắn thẻ" in text_of(html)
    assert '<meta name="robots" content="noindex, follow">' in html


@pytest.mark.parametrize(
    "url",
    [
        "/hop-tac-xa/?page=abc",
        "/hop-tac-xa/?page=99999",
        "/hop-tac-xa/?sector=khong-co&area=%00&kind=x&rating=%3Cscript%3E",
        "/hop-tac-xa/?q=" + "a" * 2000,
        "/hop-tac-xa/?q=%00",
        "/tin-tuc/?page=-1",
        "/mo-hinh-tieu-bieu/?page=0",
    ],
)
def test_list_pages_survive_odd_query_strings(client, url):
    make_news("Hội chợ OCOP", tags=["OCOP"])
    html_of(client, url)


def test_news_page_shows_date_body_and_tags(client):
    import datetime

    news = make_news(
        "Hội chợ OCOP Hà Nội 2026",
        tags=["OCOP"],
        date=datetime.date(2026, 3, 5),
        body=[
            ("heading", "Gian hàng"),
            ("quote", {"text": "Rất đông khách.", "author": "Ban tổ chức"}),
        ],
    )
    html = html_of(client, news.url)
    assert '<time datetime="2026-03-05">05/03/2026</time>' in html
    assert '<h2 class="section-heading">Gian hàng</h2>' in html
    assert "Rất đông khách." in html and "Ban tổ chức" in html
    assert 'href="/tin-tuc/?tag=ocop"' in html


def test_story_index_lists_stories_with_their_cooperatives(client):
    coop = make_cooperative("HTX Sen Tây Hồ")
    make_story("Sen Tây Hồ", cooperatives=[coop], image=ImageFactory())
    text = text_of(html_of(client, "/mo-hinh-tieu-bieu/"))
    assert "Sen Tây Hồ" in text and "Hợp tác xã: HTX Sen Tây Hồ" in text


def test_standard_page_renders_its_body(client):
    page = add_page(
        vi_home(),
        StandardPage(
            title="Giới thiệu cổng",
            slug="gioi-thieu",
            intro="Về cổng thông tin.",
            body=[("paragraph", "<p>Cổng do Liên minh HTX vận hành.</p>")],
        ),
    )
    text = text_of(html_of(client, page.url))
    assert "Giới thiệu cổng" in text and "Cổng do Liên minh HTX vận hành." in text


# Error pages ------------------------------------------------------------------------------


def test_404_is_friendly_and_a_404(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    html = response.content.decode()
    assert "Không tìm thấy trang" in html and "Page not found" in html
    assert 'href="/san-pham/"' in html
    assert '<meta name="robots" content="noindex, nofollow">' in html


@pytest.mark.django_db(False)
def test_500_renders_without_database_or_request():
    html = get_template("500.html").render({})
    assert "Hệ thống đang gặp sự cố" in html and "Something went wrong" in html
    assert "<!DOCTYPE html>" in html


def failing_context_processor(request):
    raise DatabaseError("the database is down")


def test_500_handler_answers_even_when_a_context_processor_fails(client, settings):
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "OPTIONS": {"context_processors": ["tests.test_pages.failing_context_processor"]},
        }
    ]
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    assert "Hệ thống đang gặp sự cố" in response.content.decode()


# Markup that assistive technology and validators rely on ------------------------------------


class MarkupFacts(HTMLParser):
    """Ids, id references, heading levels, search landmarks and srcsets of one page."""

    REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls")

    def __init__(self, html):
        super().__init__()
        self.ids, self.references, self.headings, self.searches, self.images = [], [], [], [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        for name in self.REFERENCES:
            self.references += [(name, ref) for ref in (attrs.get(name) or "").split()]
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if attrs.get("role") == "search":
            self.searches.append(attrs.get("aria-label") or attrs.get("aria-labelledby"))
        if tag in ("img", "source"):
            self.images.append(attrs)


@pytest.fixture
def public_pages(client):
    """A page of each kind, with pictures far smaller than the renditions they ask for."""
    coop = make_cooperative("HTX Gốm Bát Tràng")
    gallery = [ProductGalleryImage(image=ImageFactory(), alt_text=f"Ảnh {n}") for n in range(3)]
    product = make_product(coop, "Bình gốm men lam", gallery_images=gallery)
    story = make_story("Gốm Bát Tràng giữ lửa", cooperatives=[coop], image=ImageFactory())
    news = make_news("Hội chợ gốm", tags=["Gốm"], image=ImageFactory())
    urls = ["/", "/hop-tac-xa/", f"/hop-tac-xa/?sector={coop.sector.slug}", coop.url, product.url]
    urls += ["/mo-hinh-tieu-bieu/", story.url, "/tin-tuc/", "/tin-tuc/?tag=gom", news.url]
    return urls


def test_public_pages_have_unique_ids_and_no_dangling_references(client, public_pages):
    for url in public_pages:
        facts = MarkupFacts(html_of(client, url))
        repeated = {i for i in facts.ids if facts.ids.count(i) > 1}
        assert not repeated, (url, repeated)
        dangling = [ref for ref in facts.references if ref[1] not in facts.ids]
        assert not dangling, (url, dangling)


def test_public_pages_headings_start_at_h1_and_skip_no_level(client, public_pages):
    for url in public_pages:
        levels = MarkupFacts(html_of(client, url)).headings
        assert levels[0] == 1 and levels.count(1) == 1, (url, levels)
        skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert not skips, (url, levels)


def test_search_landmarks_have_distinct_names(client, public_pages):
    for url in public_pages:
        names = MarkupFacts(html_of(client, url)).searches
        assert len(set(names)) == len(names), (url, names)


def test_srcsets_never_repeat_a_width_nor_leave_sizes_alone(client, public_pages):
    checked = 0
    for url in public_pages:
        for attrs in MarkupFacts(html_of(client, url)).images:
            if "sizes" in attrs:
                assert "srcset" in attrs, (url, attrs)
            if "srcset" in attrs:
                widths = re.findall(r" (\d+)w(?:,|$)", attrs["srcset"])
                assert widths and len(widths) == len(set(widths)), (url, attrs["srcset"])
                checked += 1
    assert checked >= 4


def test_english_pages_mark_the_vietnamese_settings_text_as_vietnamese(client):
    english = html_of(client, "/en/")
    assert '<html lang="en">' in english
    assert '<span class="brand__text" lang="vi">' in english
    assert '<p class="container site-footer__legal" lang="vi">' in english
    assert 'class="brand__text" lang=' not in html_of(client, "/")


def test_english_404_does_not_repeat_its_title_in_english(client):
    html = client.get("/en/no-such-page/").content.decode()
    assert '<html lang="en">' in html and text_of(html).count("Page not found") == 2  # title, h1


# A constant number of queries on list pages -----------------------------------------------


def queries_for(client, url):
    """Queries of a warm render (renditions already made), with the status checked."""
    assert client.get(url).status_code == HTTPStatus.OK
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == HTTPStatus.OK
    return len(captured)


def add_cooperatives(count, sector, start):
    for n in range(start, start + count):
        coop = make_cooperative(
            f"HTX số {n:03d}", sector=sector, logo=ImageFactory(), ratings=[(2025, "tot")]
        )
        ocop = CertificationFactory(is_ocop=True)
        make_product(
            coop,
            f"Sản phẩm {n:03d}",
            image=ImageFactory(),
            price_vnd=1000 * n,
            certifications=[{"certification": ocop, "ocop_stars": 4}],
        )
        make_story(f"Câu chuyện {n:03d}", cooperatives=[coop], image=ImageFactory())
        make_news(f"Tin {n:03d}", tags=[f"thẻ {n}"], image=ImageFactory())


@pytest.mark.parametrize(
    "url", ["/", "/hop-tac-xa/", "/san-pham/", "/mo-hinh-tieu-bieu/", "/tin-tuc/"]
)
def test_list_pages_run_a_constant_number_of_queries(client, url):
    assert_constant_queries(client, url)


def assert_constant_queries(client, url):
    sector = SectorFactory(name="Nông nghiệp")
    add_cooperatives(2, sector, 0)
    few = queries_for(client, url)
    add_cooperatives(4, sector, 2)
    many = queries_for(client, url)
    assert few == many, f"{url}: {few} queries with 2 items, {many} with 6"


def test_cooperative_page_runs_a_constant_number_of_queries_whatever_its_products(client):
    coop = make_cooperative("HTX Nhiều sản phẩm", logo=ImageFactory())
    category = CategoryFactory()
    ocop = CertificationFactory(is_ocop=True)

    def add_products(start, count):
        for n in range(start, start + count):
            make_product(
                coop,
                f"Sản phẩm {n:02d}",
                category=category,
                image=ImageFactory(),
                certifications=[{"certification": ocop, "ocop_stars": 3}],
            )

    add_products(0, 2)
    few = queries_for(client, coop.url)
    add_products(2, 4)
    many = queries_for(client, coop.url)
    assert few == many
