"""The OpenAPI 3.1 description of the product search API, served at /api/openapi.json."""

from .query import MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, SORTS


def _param(name, schema, description, repeatable=False):
    if repeatable:
        schema = {"type": "array", "items": schema}
    param = {"name": name, "in": "query", "required": False, "schema": schema}
    param["description"] = description
    if repeatable:
        param.update(style="form", explode=True)
    return param


SLUG = {"type": "string", "pattern": "^[-a-zA-Z0-9_]{1,120}$"}
PARAMETERS = [
    _param("q", {"type": "string", "maxLength": MAX_QUERY_LENGTH}, "Words; accents optional."),
    _param("category", SLUG, "Category slug; a parent category includes its children.", True),
    _param("area", SLUG, "Area (district or commune) slug of the cooperative.", True),
    _param("cooperative", SLUG, "Slug of one cooperative."),
    _param("certification", SLUG, "Certification slug (any of them matches).", True),
    _param("ocop_min", {"type": "integer", "minimum": 1, "maximum": 5}, "At least N OCOP stars."),
    _param("price_min", {"type": "integer", "minimum": 0}, "Lowest price in đồng (inclusive)."),
    _param("price_max", {"type": "integer", "minimum": 0}, "Highest price in đồng (inclusive)."),
    _param("sort", {"type": "string", "enum": list(SORTS), "default": "relevance"}, "Order."),
    _param("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}, "Page."),
    _param(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 24},
        "Results per page.",
    ),
    _param("lang", {"type": "string", "enum": ["vi", "en"], "default": "vi"}, "Language."),
]
FACET_VALUE = {
    "type": "object",
    "required": ["value", "label", "count"],
    "properties": {
        "value": {"type": "string"},
        "label": {"type": "string"},
        "count": {"type": "integer"},
        "price_min": {"type": ["integer", "null"]},
        "price_max": {"type": ["integer", "null"]},
    },
}
RESULT = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "url": {"type": "string"},
        "summary": {"type": "string"},
        "cooperative": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "url": {"type": "string"}},
        },
        "category": {"type": "string"},
        "area": {"type": "string"},
        "price_vnd": {"type": ["integer", "null"], "description": "null: price on request"},
        "unit": {"type": "string"},
        "ocop_stars": {"type": ["integer", "null"]},
        "certifications": {"type": "array", "items": {"type": "string"}},
        "image": {"type": "string"},
        "highlight": {
            "type": "object",
            "description": "HTML-escaped fragments with matches in <mark>.",
            "properties": {"title": {"type": "string"}, "summary": {"type": "string"}},
        },
    },
}
SEARCH_RESPONSE = {
    "type": "object",
    "required": ["count", "page", "page_size", "backend", "results", "facets"],
    "properties": {
        "count": {"type": "integer"},
        "page": {"type": "integer"},
        "page_size": {"type": "integer"},
        "backend": {"type": "string", "enum": ["elasticsearch", "database"]},
        "suggestion": {"type": ["string", "null"], "description": "“Did you mean”, on no results."},
        "results": {"type": "array", "items": RESULT},
        "facets": {
            "type": "object",
            "properties": {
                name: {"type": "array", "items": FACET_VALUE}
                for name in ("category", "area", "certification", "ocop_stars", "price")
            },
        },
    },
}
ERROR = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {"param": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}


def openapi_document(server_url):
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Cổng HTX Hà Nội: product search API",
            "version": "1.0.0",
            "description": "Search the catalogue of Hanoi's cooperatives. Read-only, no key.",
        },
        "servers": [{"url": server_url.rstrip("/")}],
        "paths": {
            "/api/products/search/": {
                "get": {
                    "operationId": "searchProducts",
                    "summary": "Search products with facets",
                    "parameters": PARAMETERS,
                    "responses": {
                        "200": {
                            "description": "Results",
                            "content": {"application/json": {"schema": SEARCH_RESPONSE}},
                        },
                        "400": {
                            "description": "A parameter is invalid",
                            "content": {"application/json": {"schema": ERROR}},
                        },
                    },
                }
            },
            "/api/products/autocomplete/": {
                "get": {
                    "operationId": "autocompleteProducts",
                    "summary": "Product titles for what has been typed so far",
                    "parameters": [PARAMETERS[0], PARAMETERS[-1]],
                    "responses": {
                        "200": {
                            "description": "Suggestions",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "q": {"type": "string"},
                                            "results": {
                                                "type": "array",
                                                "items": {
                                                    "type": "object",
                                                    "properties": {
                                                        "id": {"type": "integer"},
                                                        "title": {"type": "string"},
                                                        "url": {"type": "string"},
                                                        "category": {"type": "string"},
                                                    },
                                                },
                                            },
                                        },
                                    }
                                }
                            },
                        }
                    },
                }
            },
        },
    }
