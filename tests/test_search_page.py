"""The catalogue page /san-pham/ answered by search: facets, chips, noindex, empty states."""

import re
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Permission

from search.models import SearchRecord, Synonym

pytestmark = pytest.mark.django_db

CATALOGUE = "/san-pham/"


def robots(html):
    return re.search(r'<meta name="robots" content="([^"]+)"', html).group(1)


def test_bare_catalogue_is_indexable_and_lists_everything(backend, client):
    html = client.get(CATALOGUE).content.decode()
    assert robots(html) == "index, follow"
    assert "13 sản phẩm" in html
    assert 'form="catalogue-form" name="category" value="che"' in html
    assert 'role="combobox"' in html and 'aria-controls="catalogue-q-list"' in html


def test_query_page_highlights_and_is_noindex(backend, client):
    response = client.get(CATALOGUE, {"q": "ca phe"})
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert robots(html).startswith("noindex")
    assert "<mark>Cà</mark> <mark>phê</mark> Robusta" in html
    assert "2 sản phẩm cho “ca phe”" in html


def test_filters_show_as_removable_chips_and_keep_the_query(backend, client):
    html = client.get(f"{CATALOGUE}?q=che&area=ba-vi&area=soc-son&sort=price_asc").content.decode()
    assert robots(html).startswith("noindex")
    chips = re.findall(r'<a class="chip" href="([^"]+)">([^<]+)', html)
    labels = {label.strip(): href.replace("&amp;", "&") for href, label in chips}
    assert labels["Ba Vì"] == "/san-pham/?q=che&area=soc-son&sort=price_asc"
    assert labels["Sóc Sơn"] == "/san-pham/?q=che&area=ba-vi&sort=price_asc"
    assert '<option value="price_asc" selected>' in html
    assert 'name="area" value="ba-vi" checked' in html


def test_pagination_keeps_the_parameters(backend, client):
    html = client.get(CATALOGUE, {"q": "che", "page_size": 2}).content.decode()
    assert re.search(r'href="\?q=che&amp;page_size=2&amp;page=2"', html)


def test_bad_parameters_get_a_friendly_message_not_an_error(backend, client):
    response = client.get(CATALOGUE, {"q": "gạo", "page": "abc", "sort": "x"})
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'role="alert"' in html and "Không hiểu yêu cầu tìm kiếm" in html
    assert robots(html).startswith("noindex")


def test_nothing_with_filters_offers_the_query_without_them(backend, client):
    html = client.get(CATALOGUE, {"q": "gao", "area": "tay-ho"}).content.decode()
    assert "Không tìm thấy sản phẩm nào cho “gao”" in html
    # Elasticsearch also counts "Giỏ" (one typo away); the fallback corrects unknown words only.
    assert re.search(r'href="/san-pham/\?q=gao">Bỏ bộ lọc: [23] sản phẩm cho “gao”', html)


def test_nothing_found_offers_a_spelling(backend, client):
    html = client.get(CATALOGUE, {"q": "mat onggg"}).content.decode()
    assert "Có phải bạn muốn tìm" in html
    assert "<strong>mật ong</strong>" in html


def test_page_beyond_the_last(backend, client):
    html = client.get(CATALOGUE, {"page": 9}).content.decode()
    assert "Trang này không có kết quả nào." in html


def test_searches_are_recorded_without_personal_data(backend, client):
    client.get(CATALOGUE, {"q": "Trà Sen", "area": "tay-ho"}, REMOTE_ADDR="203.0.113.9")
    client.get(CATALOGUE, {"q": "Trà Sen", "area": "tay-ho", "page": 2})  # not again
    client.get("/api/products/search/", {"q": "xyzzy"})
    client.get(CATALOGUE)  # browsing, not searching
    records = list(SearchRecord.objects.order_by("id"))
    assert [(r.query, r.folded_query, r.result_count, r.backend) for r in records] == [
        ("Trà Sen", "tra sen", 1, backend),
        ("xyzzy", "xyzzy", 0, backend),
    ]
    assert records[0].filters == {"area": ["tay-ho"]}
    stored = {f.name for f in SearchRecord._meta.fields}
    assert not stored & {"ip", "ip_address", "user", "session", "user_agent"}


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("bientap", password="x")
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_searchrecord", "add_synonym"]
        )
    )
    return user


def test_report_shows_frequent_and_fruitless_queries_and_adds_a_synonym(client, editor):
    for q, n in [("chè", 3), ("trà", 2), ("bánh cốm", 0), ("bánh cốm", 0)]:
        SearchRecord.objects.create(query=q, folded_query=q, result_count=n, backend="database")
    client.force_login(editor)
    html = client.get("/admin/search-report/", {"days": 7}).content.decode()
    frequent, zero = html.split("Tìm mà không thấy gì")
    assert frequent.index("bánh cốm") < frequent.index("chè")  # two searches before one
    assert "bánh cốm" in zero and "trà" not in zero

    response = client.post("/admin/search-report/?days=7", {"query": "bánh cốm", "means": "cốm"})
    assert response.status_code == HTTPStatus.FOUND
    assert Synonym.objects.filter(terms="bánh cốm, cốm").exists()


def test_report_needs_permission(client, django_user_model):
    user = django_user_model.objects.create_user("khach", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/search-report/").status_code in (
        HTTPStatus.FORBIDDEN,
        HTTPStatus.FOUND,
    )
    client.post("/admin/search-report/", {"query": "a", "means": "b"})
    assert not Synonym.objects.filter(terms="a, b").exists()
