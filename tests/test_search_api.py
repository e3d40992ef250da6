"""The JSON API: shape, parameters, every bad parameter, OpenAPI, autocomplete."""

from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db

SEARCH = "/api/products/search/"


def test_response_shape(backend, client):
    response = client.get(SEARCH, {"q": "tra sen tay ho", "page_size": 2})
    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert set(body) >= {"count", "page", "page_size", "backend", "results", "facets"}
    assert (body["page"], body["page_size"], body["backend"]) == (1, 2, backend)
    first = body["results"][0]
    assert set(first) == {
        "id", "title", "url", "summary", "cooperative", "category", "area", "price_vnd",
        "unit", "ocop_stars", "certifications", "image", "highlight",
    }  # fmt: skip
    assert first["title"] == "Trà sen Tây Hồ"
    assert first["cooperative"] == {
        "name": "HTX Sen Quảng An",
        "url": "/hop-tac-xa/htx-sen-quang-an/",
        # No inquiries yet: no figures, as on the cooperative's page.
        "responsiveness": {
            "inquiries": 0,
            "share_answered_within_48h": None,
            "median_hours_to_first_answer": None,
            "responds_within_48h": False,
        },
    }
    assert set(body["facets"]) == {"category", "area", "certification", "ocop_stars", "price"}
    che = next(v for v in body["facets"]["category"] if v["value"] == "che")
    assert che == {"value": "che", "label": "Chè", "count": che["count"]} and che["count"] >= 1
    assert response["X-Robots-Tag"] == "noindex"


def test_repeatable_parameters_and_price_on_request(backend, client):
    body = client.get(f"{SEARCH}?category=gao&category=rau-qua&sort=price_desc&page_size=48").json()
    assert [r["title"] for r in body["results"]] == [
        "Gạo nếp cái hoa vàng", "Gạo tám thơm", "Rau cải hữu cơ", "Bưởi Diễn",
    ]  # fmt: skip
    assert body["results"][-1]["price_vnd"] is None


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"page": "0"}, "page"),
        ({"page": "abc"}, "page"),
        ({"page": "100000"}, "page"),
        ({"page_size": "49"}, "page_size"),
        ({"page_size": "0"}, "page_size"),
        ({"sort": "cheapest"}, "sort"),
        ({"ocop_min": "6"}, "ocop_min"),
        ({"ocop_min": "ba"}, "ocop_min"),
        ({"price_min": "-1"}, "price_min"),
        ({"price_max": "1e9"}, "price_max"),
        ({"price_min": "500", "price_max": "100"}, "price_max"),
        ({"category": "<script>"}, "category"),
        ({"area": "ba vi"}, "area"),
        ({"certification": "x" * 200}, "certification"),
        ({"cooperative": "htx/../"}, "cooperative"),
        ({"q": "chè " * 100}, "q"),
    ],
)
def test_bad_parameters_are_400_with_a_message(client, params, param):
    response = client.get(SEARCH, params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    error = response.json()["error"]
    assert error["param"] == param and error["message"]


def test_too_many_values_of_a_facet(client):
    query = "&".join(f"area=a{n}" for n in range(21))
    assert client.get(f"{SEARCH}?{query}").status_code == HTTPStatus.BAD_REQUEST


def test_only_get(client):
    assert client.post(SEARCH).status_code == HTTPStatus.METHOD_NOT_ALLOWED


def test_openapi_describes_the_endpoints(client):
    doc = client.get("/api/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    operation = doc["paths"]["/api/products/search/"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names >= {
        "q", "category", "area", "cooperative", "certification", "ocop_min", "price_min",
        "price_max", "sort", "page", "page_size",
    }  # fmt: skip
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert set(schema["required"]) == {"count", "page", "page_size", "backend", "results", "facets"}
    assert "400" in operation["responses"]
    assert "/api/products/autocomplete/" in doc["paths"]


def test_autocomplete_endpoint(backend, client):
    body = client.get("/api/products/autocomplete/", {"q": "mat o"}).json()
    assert [r["title"] for r in body["results"]] == ["Mật ong hoa nhãn"]
    assert body["results"][0]["url"].endswith("/mat-ong-hoa-nhan/")
    assert client.get("/api/products/autocomplete/", {"q": "m"}).json()["results"] == []
    too_long = client.get("/api/products/autocomplete/", {"q": "a" * 101})
    assert too_long.status_code == HTTPStatus.BAD_REQUEST


@pytest.mark.parametrize("engine_on", [False, True], ids=["database", "elasticsearch"])
def test_highlights_are_escaped(client, settings, request, engine_on):
    from search import indexing
    from tests.factories import make_cooperative, make_product

    if engine_on:
        request.getfixturevalue("elasticsearch")
    else:
        settings.ELASTICSEARCH_URL = ""
    coop = make_cooperative("HTX Làng Chuông")
    make_product(coop, title="Nón lá", summary="Nón <script>alert(1)</script> lá")
    indexing.rebuild()
    body = client.get(SEARCH, {"q": "non script"}).json()
    hit = body["results"][0]
    assert body["backend"] == ("elasticsearch" if engine_on else "database")
    assert "<script>" not in hit["highlight"]["summary"]
    assert "&lt;" in hit["highlight"]["summary"] and "<mark>" in hit["highlight"]["summary"]
