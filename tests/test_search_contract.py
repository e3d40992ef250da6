"""The search contract: the same behaviour from Elasticsearch and from the database fallback."""

import pytest
from django.http import QueryDict

from search.query import parse_query
from search.service import autocomplete, search_products

pytestmark = pytest.mark.django_db


def run(backend, **params):
    query = QueryDict(mutable=True)
    for key, value in params.items():
        query.setlist(key, value if isinstance(value, list) else [str(value)])
    results = search_products(parse_query(query), record=False)
    assert results.backend == backend
    return results


def titles(results):
    return [hit.title for hit in results.hits]


def facet(results, name):
    return {v.value: v.count for v in results.facets[name]}


# --- relevance ---------------------------------------------------------------------------


def test_unaccented_query_finds_accented_product_first(backend):
    found = titles(run(backend, q="ca phe"))
    assert found[:2] and set(found[:2]) == {"Cà phê Robusta rang mộc", "Cà phê sữa hòa tan"}
    assert "Cá rô đồng kho tộ" not in found[:2]


def test_words_from_product_and_place_together(backend):
    assert titles(run(backend, q="tra sen tay ho"))[0] == "Trà sen Tây Hồ"


def test_accented_query_ranks_exact_accents_first(backend):
    assert titles(run(backend, q="gạo nếp"))[0] == "Gạo nếp cái hoa vàng"


def test_misspelt_product_name(backend):
    assert titles(run(backend, q="robsta"))[0] == "Cà phê Robusta rang mộc"
    assert titles(run(backend, q="mat ong hoa nhan"))[0] == "Mật ong hoa nhãn"


def test_short_syllables_are_not_fuzzed_into_other_words(backend):
    # "tra sen" is one edit from "tre" and "san" (Giỏ mây tre đan, HTX Nông sản Ba Vì).
    assert titles(run(backend, q="tra sen")) == ["Trà sen Tây Hồ"]


def test_synonym_tra_finds_che(backend):
    found = titles(run(backend, q="trà xanh"))
    assert found[0] == "Chè xanh Ba Vì"


def test_d_with_stroke_folds_to_d(backend):
    assert "Cá rô đồng kho tộ" in titles(run(backend, q="dong"))


def test_drafts_never_found(backend):
    assert "Chè bản nháp bí mật" not in titles(run(backend, q="bi mat"))
    assert "Chè bản nháp bí mật" not in titles(run(backend, page_size=48))


def test_highlight_marks_matched_words(backend):
    hit = run(backend, q="ca phe rang").hits[0]
    assert "<mark>" in hit.highlight["title"]
    assert "Robusta" in hit.highlight["title"]


def test_nothing_found_suggests_a_spelling(backend):
    results = run(backend, q="mat onggg")  # two typos in a short word: too far to match
    assert results.total == 0
    assert results.suggestion == "mật ong"


# --- facets and filters ------------------------------------------------------------------


def test_facet_counts_without_filters(backend):
    results = run(backend)
    assert results.total == 13
    categories = facet(results, "category")
    assert categories["nong-san"] == 10  # the parent counts its children
    assert categories["che"] == 3
    assert facet(results, "area")["ba-vi"] == 3
    # The expired VietGAP of "Gạo tám thơm" does not count.
    assert facet(results, "certification")["vietgap"] == 2
    assert facet(results, "ocop_stars") == {"5": 1, "4": 3, "3": 5}
    assert facet(results, "price")["duoi-50000"] == 3


def test_multi_select_facets_count_the_other_filters(backend):
    results = run(backend, category=["che"], area=["ba-vi", "soc-son"])
    assert sorted(titles(results)) == ["Chè Shan tuyết cổ thụ", "Chè xanh Ba Vì"]
    # Categories are counted with the area filter only, areas with the category filter only.
    categories = facet(results, "category")
    assert categories["che"] == 2 and categories["ca-phe"] == 1 and categories["gao"] == 1
    assert facet(results, "area") == {"ba-vi": 1, "soc-son": 1, "tay-ho": 1}
    selected = [v.value for v in results.facets["area"] if v.selected]
    assert sorted(selected) == ["ba-vi", "soc-son"]


def test_filters_combine(backend):
    assert titles(run(backend, certification=["ocop"], ocop_min=4, sort="price_asc")) == [
        "Gạo nếp cái hoa vàng",
        "Giỏ mây tre đan",
        "Trà sen Tây Hồ",
    ]
    assert titles(run(backend, price_min=100_000, price_max=200_000, sort="price_asc")) == [
        "Cá rô đồng kho tộ",
        "Chè xanh Ba Vì",
    ]
    assert titles(run(backend, cooperative="htx-sen-quang-an")) == ["Trà sen Tây Hồ"]


def test_query_and_filter(backend):
    assert titles(run(backend, q="che", area=["ba-vi"])) == ["Chè xanh Ba Vì"]


def test_price_facet_reflects_other_filters_not_its_own(backend):
    results = run(backend, category=["gao"], price_min=0, price_max=49_999)
    assert facet(results, "price") == {"duoi-50000": 2}
    assert [v.value for v in results.facets["price"] if v.selected] == ["duoi-50000"]


# --- sorting and pages --------------------------------------------------------------------


def test_sorts(backend):
    prices = [h.price_vnd for h in run(backend, sort="price_asc", page_size=48).hits]
    assert prices[:3] == [25_000, 30_000, 45_000] and prices[-1] is None  # "liên hệ" last
    prices = [h.price_vnd for h in run(backend, sort="price_desc", page_size=48).hits]
    assert prices[0] == 1_200_000 and prices[-1] is None
    newest = titles(run(backend, sort="newest", page_size=48))
    assert newest[0] == "Giỏ mây tre đan"


def test_pagination(backend):
    first = run(backend, page_size=5, sort="price_asc")
    third = run(backend, page_size=5, sort="price_asc", page=3)
    beyond = run(backend, page_size=5, sort="price_asc", page=4)
    assert (first.total, first.num_pages, len(first.hits)) == (13, 3, 5)
    assert len(third.hits) == 3
    assert beyond.hits == [] and beyond.total == 13
    everything = [
        t for p in (1, 2, 3) for t in titles(run(backend, page_size=5, sort="price_asc", page=p))
    ]
    assert len(set(everything)) == 13


def test_results_carry_what_a_card_shows(backend):
    hit = run(backend, q="tra sen").hits[0]
    assert hit.url.endswith("/hop-tac-xa/htx-sen-quang-an/tra-sen-tay-ho/")
    assert hit.cooperative_name == "HTX Sen Quảng An"
    assert (hit.category, hit.area, hit.price_vnd, hit.ocop_stars) == (
        "Chè",
        "Tây Hồ",
        1_200_000,
        5,
    )
    assert hit.certifications == ["OCOP"]


def test_autocomplete(backend):
    found = [s["title"] for s in autocomplete("ca ph")]
    assert set(found) == {"Cà phê Robusta rang mộc", "Cà phê sữa hòa tan"}
    assert [s["title"] for s in autocomplete("gao ne")] == ["Gạo nếp cái hoa vàng"]
    assert autocomplete("g") == []
