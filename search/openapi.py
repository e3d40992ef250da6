"""The OpenAPI 3.1 description of the product search API, served at /api/openapi.json."""

from .facets import FACETS, FILTERS, SORTS, _param
from .query import DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH

QUERY = _param("q", {"type": "string", "maxLength": MAX_QUERY_LENGTH}, "Words; accents optional.")
LANGUAGE = _param("lang", {"type": "string", "enum": ["vi", "en"], "default": "vi"}, "Language.")
PARAMETERS = [
    QUERY,
    *(param for f in FILTERS for param in f.openapi()),
    _param("sort", {"type": "string", "enum": list(SORTS), "default": "relevance"}, "Order."),
    _param("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1}, "Page."),
    _param(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": DEFAULT_PAGE_SIZE},
        "Results per page.",
    ),
    LANGUAGE,
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
            "properties": {
                "name": {"type": "string"},
                "url": {"type": "string"},
                "responsiveness": {
                    "type": "object",
                    "description": "Inquiries of the last 90 days; null figures under 5.",
                    "properties": {
                        "inquiries": {"type": "integer"},
                        "share_answered_within_48h": {"type": ["integer", "null"]},
                        "median_hours_to_first_answer": {"type": ["number", "null"]},
                        "responds_within_48h": {"type": "boolean"},
                    },
                },
            },
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
            "properties": {f.name: {"type": "array", "items": FACET_VALUE} for f in FACETS},
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
                    "parameters": [QUERY, LANGUAGE],
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
